package entities

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// Link sets d.Entities from d.Mentions and each mention's Entity, as the
// Recognizer does after finding the mentions; it is for documents whose
// mentions come from elsewhere (gold annotations, say). Mentions are one
// entity when:
//   - their names are equal, ignoring case, periods and the kind of
//     apostrophe ("U.S." and "US", "WASHINGTON" and "Washington");
//   - a PERSON name is the last or first words of a longer PERSON name
//     ("Rudd" of "Amber Rudd", "Vance" of "Cyrus Vance Jr."): the longer
//     name whose mention is nearest before the short one's first mention,
//     else nearest after; last names are preferred to first names;
//   - one is the acronym of the other ("EFF", "Electronic Frontier
//     Foundation"), by the initials of its capitalized words or because the
//     text defines it ("Ministry of Electronics and Information Technology
//     (MeitY)", "the Federal Security Service, or FSB,").
func Link(d *doc.Doc) { new(linker).link(d) }

// linker links the mentions of documents, one at a time (see Link). It
// keeps its buffers between documents; it is not safe for concurrent use.
type linker struct {
	names []name
	// group[i] is the name group of mention i.
	group []int
	// byKey gives the name group of a name key; keys and ends hold the
	// mentions' keys as groupNames builds them.
	byKey map[string]int
	keys  []byte
	ends  []int
	// words and uses hold the names' words and uses; the uses of group
	// g start at starts[g].
	words  []string
	uses   []int
	starts []int
	idx    nameIndex
	u      unionFind
	// entityOf[g] is the entity of the name group g, a class root, or -1.
	entityOf []int
	// aliases holds the distinct texts of the mentions of each entity.
	aliases map[alias]bool
	// counts[e] is the number of aliases of entity e, votes[e] the types
	// of its mentions.
	counts []int
	votes  []votes
}

// An alias is a text some mention of an entity has.
type alias struct {
	entity int
	text   string
}

// link sets d.Entities and the mentions' Entity as Link does.
func (l *linker) link(d *doc.Doc) {
	l.groupNames(d.Mentions)
	l.idx.index(l.names)
	l.u.reset(len(l.names))
	for g, n := range l.names {
		if n.person && len(n.words) > 0 {
			if t := l.idx.partialTarget(l.names, g); t >= 0 {
				l.u.union(g, t)
			}
		}
		if a := l.idx.acronymTarget(l.names, g); a >= 0 {
			l.u.union(g, a)
		}
	}
	linkDefinitions(d, l.group, &l.u)
	l.buildEntities(d)
}

// name is one distinct mention name in a document.
type name struct {
	key    string
	words  []string // the folded words, with a personal suffix dropped
	person bool     // some mention of it is a PERSON
	first  int      // index of its first mention
	uses   []int    // indexes of its mentions
}

// groupNames groups the mentions by name key, in l.names in order of first
// use, and sets the group of each mention.
func (l *linker) groupNames(ms []doc.Mention) {
	l.names, l.group, l.words = l.names[:0], l.group[:0], l.words[:0]
	if l.byKey == nil {
		l.byKey = map[string]int{}
	}
	clear(l.byKey)
	// The keys of all mentions are parts of one string; l.ends[i] is
	// where mention i's ends.
	l.keys, l.ends = l.keys[:0], l.ends[:0]
	for _, m := range ms {
		l.keys = appendNameKey(l.keys, m.Text)
		l.ends = append(l.ends, len(l.keys))
	}
	keys, start := string(l.keys), 0
	for i, m := range ms {
		k := keys[start:l.ends[i]]
		start = l.ends[i]
		g, ok := l.byKey[k]
		if !ok {
			g = len(l.names)
			l.byKey[k] = g
			from := len(l.words)
			l.words = appendPersonWords(l.words, k)
			l.names = append(l.names, name{key: k, words: l.words[from:len(l.words):len(l.words)], first: i})
		}
		l.group = append(l.group, g)
		l.names[g].person = l.names[g].person || m.Type == doc.Person
	}
	// The uses of each group, in mention order: the groups' counts give
	// where each starts in l.uses.
	l.uses = slices.Grow(l.uses[:0], len(ms))[:len(ms)]
	l.starts = append(l.starts[:0], make([]int, len(l.names)+1)...)
	for _, g := range l.group {
		l.starts[g+1]++
	}
	for g := range l.names {
		l.starts[g+1] += l.starts[g]
		l.names[g].uses = l.uses[l.starts[g]:l.starts[g]:l.starts[g+1]]
	}
	for i, g := range l.group {
		l.names[g].uses = append(l.names[g].uses, i)
	}
}

// appendNameKey appends to dst the form of name s under which names
// compare equal: lower case, without periods, with ’ as ' and runs of
// space as one space, and without final company suffixes ("Apple Inc." is
// "apple").
func appendNameKey(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	for _, r := range s {
		switch {
		case r == '.':
			continue
		case r == '’':
			r = '\''
		case unicode.IsSpace(r):
			space = len(dst) > start
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	// Drop company suffixes from the end: "Meta Platforms Inc." is "meta".
	for {
		k := dst[start:]
		i := bytes.LastIndexByte(k, ' ')
		if i <= 0 || !companySuffixes[string(k[i+1:])] {
			return dst
		}
		dst = dst[:start+i]
	}
}

// companySuffixes are the words that end a company's name without telling
// it apart, as appendNameKey writes them: legal forms, and the words that
// a holding company adds to the name of its business ("Meta Platforms",
// "Lumen Technologies").
var companySuffixes = map[string]bool{
	"inc": true, "corp": true, "corporation": true, "ltd": true, "llc": true, "plc": true, "co": true, "ag": true, "sa": true, "gmbh": true,
	"platforms": true, "technologies": true, "holdings": true,
}

// appendPersonWords appends to dst the words of a name key without a
// final generational suffix ("jr", "sr", "ii", "iii", "iv").
func appendPersonWords(dst []string, key string) []string {
	start := len(dst)
	for w := range strings.FieldsSeq(key) {
		dst = append(dst, w)
	}
	if len(dst)-start > 1 {
		switch dst[len(dst)-1] {
		case "jr", "sr", "ii", "iii", "iv":
			dst = dst[:len(dst)-1]
		}
	}
	return dst
}

// nameIndex finds the name groups that a shorter name may stand for. It
// keeps its buffers between documents.
type nameIndex struct {
	// byLast and byFirst give the first of the PERSON groups of two words
	// or more with a given last and first word; nextLast[g] and
	// nextFirst[g] the next such group after g, or -1.
	byLast, byFirst     map[string]int
	nextLast, nextFirst []int
	// byInitials gives the first group of two words or more, not a PERSON,
	// with the given initials; ini and ends hold the groups' initials as
	// index builds them.
	byInitials map[string]int
	ini        []byte
	ends       []int
}

// index indexes the name groups names.
func (idx *nameIndex) index(names []name) {
	if idx.byLast == nil {
		idx.byLast, idx.byFirst, idx.byInitials = map[string]int{}, map[string]int{}, map[string]int{}
	}
	clear(idx.byLast)
	clear(idx.byFirst)
	clear(idx.byInitials)
	idx.nextLast = slices.Grow(idx.nextLast[:0], len(names))[:len(names)]
	idx.nextFirst = slices.Grow(idx.nextFirst[:0], len(names))[:len(names)]
	// Going backwards, each group goes before those of its word found so
	// far, so that the lists run in group order.
	for g := len(names) - 1; g >= 0; g-- {
		if n := names[g]; n.person && len(n.words) > 1 {
			idx.nextLast[g] = push(idx.byLast, n.words[len(n.words)-1], g)
			idx.nextFirst[g] = push(idx.byFirst, n.words[0], g)
		}
	}
	// The initials of the groups not PERSON are parts of one string;
	// idx.ends[g] is where group g's end.
	idx.ini, idx.ends = idx.ini[:0], idx.ends[:0]
	for _, n := range names {
		if !n.person {
			idx.ini = appendInitials(idx.ini, n.key)
		}
		idx.ends = append(idx.ends, len(idx.ini))
	}
	ini, start := string(idx.ini), 0
	for g, end := range idx.ends {
		if k := ini[start:end]; k != "" {
			if _, ok := idx.byInitials[k]; !ok {
				idx.byInitials[k] = g
			}
		}
		start = end
	}
}

// push makes g the first group of word w in heads and returns the group
// that was first, or -1.
func push(heads map[string]int, w string, g int) int {
	next, ok := heads[w]
	if !ok {
		next = -1
	}
	heads[w] = g
	return next
}

// partialTarget returns the name group that the PERSON name group g is a
// shorter form of, or -1.
func (idx *nameIndex) partialTarget(names []name, g int) int {
	short := names[g].words
	best, bestRank := -1, 0
	consider := func(heads map[string]int, next []int, w string, rank int, matches func(long []string) bool) {
		t, ok := heads[w]
		for ; ok && t >= 0; t = next[t] {
			long := names[t].words
			if t == g || len(long) <= len(short) || !matches(long) {
				continue
			}
			if rank > bestRank || rank == bestRank && closer(names, g, t, best) {
				best, bestRank = t, rank
			}
		}
	}
	consider(idx.byLast, idx.nextLast, short[len(short)-1], 2, func(long []string) bool {
		return slices.Equal(long[len(long)-len(short):], short)
	})
	consider(idx.byFirst, idx.nextFirst, short[0], 1, func(long []string) bool {
		return slices.Equal(long[:len(short)], short)
	})
	return best
}

// closer reports whether group t has a mention nearer to group g's first
// mention than group o does: the nearest one before it wins, else the
// nearest one after.
func closer(names []name, g, t, o int) bool {
	at := names[g].first
	dist := func(x int) int {
		best := 1 << 30
		for _, i := range names[x].uses {
			d := at - i
			if d < 0 {
				d = -d + 1<<20 // after: worse than any before
			}
			best = min(best, d)
		}
		return best
	}
	return dist(t) < dist(o)
}

// acronymTarget returns the first multi-word name group whose initials
// spell the name of group g, or -1 when there is none or g does not look
// like an acronym.
func (idx *nameIndex) acronymTarget(names []name, g int) int {
	a := names[g].key
	if !isAcronymKey(a) {
		return -1
	}
	if t, ok := idx.byInitials[a]; ok && t != g {
		return t
	}
	return -1
}

// isAcronymKey reports whether a name key could be an acronym: one word of
// 2 to 8 letters, digits or '&'.
func isAcronymKey(k string) bool {
	if len(k) < 2 || len(k) > 8 {
		return false
	}
	for _, r := range k {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '&' {
			return false
		}
	}
	return true
}

// minorWords are skipped when taking the initials of a name.
var minorWords = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true, "in": true, "at": true, "to": true, "&": true, "de": true}

// appendInitials appends to dst the first letters of the words of a name
// key of two words or more, minor words skipped; nothing for a one-word
// key.
func appendInitials(dst []byte, k string) []byte {
	if !strings.Contains(k, " ") { // keys have one space between words
		return dst
	}
	for w := range strings.FieldsSeq(k) {
		if minorWords[w] {
			continue
		}
		for part := range strings.SplitSeq(w, "-") {
			if r, _ := utf8.DecodeRuneInString(part); r != utf8.RuneError {
				dst = utf8.AppendRune(dst, r)
			}
		}
	}
	return dst
}

// linkDefinitions links a name to the short name the text defines for it
// right after it: a one-word name in parentheses ("Electronic Frontier
// Foundation (EFF)"), or, after ", or " and before a comma, a period or a
// closing parenthesis, an acronym of two to six capital letters that starts
// with the initial of the name's first word, both of the same type ("the
// Federal Security Service, or FSB, ...", but not "Microsoft, or IBM,").
// An acronym need not be the initials of the name it stands for.
func linkDefinitions(d *doc.Doc, group []int, u *unionFind) {
	for i := 1; i < len(d.Mentions); i++ {
		a, b := d.Mentions[i-1], d.Mentions[i]
		if a.End < 0 || a.End > b.Start || b.Start > b.End || b.End > len(d.Text) {
			continue
		}
		between, after := d.Text[a.End:b.Start], d.Text[b.End:]
		parenthesized := strings.TrimSpace(between) == "(" && strings.HasPrefix(after, ")") && !strings.Contains(b.Text, " ")
		alternative := between == ", or " && a.Type == b.Type && isCapitals(b.Text) && a.Text != "" && a.Text[0] == b.Text[0] &&
			strings.Contains(a.Text, " ") && (after == "" || strings.ContainsRune(",.)", rune(after[0])))
		if parenthesized || alternative {
			u.union(group[i-1], group[i])
		}
	}
}

// isCapitals reports whether s is two to six capital ASCII letters ("FSB").
func isCapitals(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// buildEntities makes one entity per union-find class of name groups, in
// order of first mention, and points each mention at its entity.
func (l *linker) buildEntities(d *doc.Doc) {
	l.entityOf = slices.Grow(l.entityOf[:0], len(l.names))[:len(l.names)]
	for g := range l.entityOf {
		l.entityOf[g] = -1
	}
	if l.aliases == nil {
		l.aliases = map[alias]bool{}
	}
	clear(l.aliases)
	// There is one entity per class, whose root is a group.
	classes := 0
	for g := range l.names {
		if l.u.find(g) == g {
			classes++
		}
	}
	d.Entities = slices.Grow(d.Entities[:0], classes)
	l.counts = l.counts[:0]
	for i := range d.Mentions {
		m := &d.Mentions[i]
		root := l.u.find(l.group[i])
		e := l.entityOf[root]
		if e < 0 {
			e = len(d.Entities)
			l.entityOf[root] = e
			d.Entities = append(d.Entities, doc.Entity{ID: e})
			l.counts = append(l.counts, 0)
		}
		m.Entity = e
		d.Entities[e].Count++
		if a := (alias{e, m.Text}); !l.aliases[a] {
			l.aliases[a] = true
			l.counts[e]++
		}
	}
	// All the aliases share one array, in which each entity has room for
	// its own; an alias is appended at its first use, and then marked
	// false in l.aliases.
	all := make([]string, len(l.aliases))
	for e, n := range l.counts {
		d.Entities[e].Aliases, all = all[:0:n], all[n:]
	}
	for _, m := range d.Mentions {
		if a := (alias{m.Entity, m.Text}); l.aliases[a] {
			l.aliases[a] = false
			ent := &d.Entities[m.Entity]
			ent.Aliases = append(ent.Aliases, m.Text)
		}
	}
	l.votes = append(l.votes[:0], make([]votes, len(d.Entities))...)
	for _, m := range d.Mentions {
		l.votes[m.Entity].add(m.Type)
	}
	for e := range d.Entities {
		d.Entities[e].Name = fullestName(d.Entities[e].Aliases)
		d.Entities[e].Type = l.votes[e].majority()
	}
}

// fullestName returns the longest alias in runes; among equals, one not
// written all in capitals, then the first.
func fullestName(aliases []string) string {
	best := aliases[0]
	for _, a := range aliases[1:] {
		la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(best)
		if la > lb || la == lb && isAllCaps(best) && !isAllCaps(a) {
			best = a
		}
	}
	return best
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}

// votes counts the types a name was given, in order of first use. It
// has room for the entity types (doc.EntityTypes), the only types a
// Recognizer gives; a further type is not counted.
type votes struct {
	types  [4]doc.EntityType
	counts [4]int
	n      int
}

func (v *votes) add(t doc.EntityType) {
	if i := slices.Index(v.types[:v.n], t); i >= 0 {
		v.counts[i]++
		return
	}
	if v.n < len(v.types) {
		v.types[v.n], v.counts[v.n] = t, 1
		v.n++
	}
}

// majority returns the most frequent type; ties go to the first.
func (v *votes) majority() doc.EntityType {
	best := 0
	for i, c := range v.counts[:v.n] {
		if c > v.counts[best] {
			best = i
		}
	}
	return v.types[best]
}

// unionFind is a disjoint-set forest over 0..n-1 whose roots are the
// smallest members, so classes are named by their first element.
type unionFind struct{ parent []int }

// reset makes u the forest of n singletons 0..n-1.
func (u *unionFind) reset(n int) {
	u.parent = slices.Grow(u.parent[:0], n)[:n]
	for i := range u.parent {
		u.parent[i] = i
	}
}

func (u *unionFind) find(x int) int {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *unionFind) union(a, b int) {
	a, b = u.find(a), u.find(b)
	if a > b {
		a, b = b, a
	}
	u.parent[b] = a
}
