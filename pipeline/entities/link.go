package entities

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// link sets d.Entities from d.Mentions and each mention's Entity. Mentions
// are one entity when:
//   - their names are equal, ignoring case, periods and the kind of
//     apostrophe ("U.S." and "US", "WASHINGTON" and "Washington");
//   - a PERSON name is the last or first words of a longer PERSON name
//     ("Rudd" of "Amber Rudd", "Vance" of "Cyrus Vance Jr."): the longer
//     name whose mention is nearest before the short one's first mention,
//     else nearest after; last names are preferred to first names;
//   - one is the acronym of the other ("EFF", "Electronic Frontier
//     Foundation"), by the initials of its capitalized words or because the
//     text defines it ("Ministry of Electronics and Information Technology
//     (MeitY)").
func link(d *doc.Doc) {
	names, group := groupNames(d.Mentions)
	idx := indexNames(names)
	u := newUnionFind(len(names))
	for g, n := range names {
		if n.person && len(n.words) > 0 {
			if t := idx.partialTarget(names, g); t >= 0 {
				u.union(g, t)
			}
		}
		if a := idx.acronymTarget(names, g); a >= 0 {
			u.union(g, a)
		}
	}
	linkDefinitions(d, group, u)
	buildEntities(d, group, u)
}

// name is one distinct mention name in a document.
type name struct {
	key    string
	words  []string // the folded words, with a personal suffix dropped
	person bool     // some mention of it is a PERSON
	first  int      // index of its first mention
	uses   []int    // indexes of its mentions
}

// groupNames groups the mentions by name key, in order of first use, and
// returns the groups and the group of each mention.
func groupNames(ms []doc.Mention) ([]name, []int) {
	var names []name
	group := make([]int, len(ms))
	byKey := map[string]int{}
	for i, m := range ms {
		k := nameKey(m.Text)
		g, ok := byKey[k]
		if !ok {
			g = len(names)
			byKey[k] = g
			names = append(names, name{key: k, words: personWords(k), first: i})
		}
		group[i] = g
		names[g].uses = append(names[g].uses, i)
		names[g].person = names[g].person || m.Type == doc.Person
	}
	return names, group
}

// nameKey returns the form under which names compare equal: lower case,
// without periods, with ’ as ' and runs of space as one space, and without
// a final company suffix ("Apple Inc." is "apple").
func nameKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '.':
			continue
		case r == '’':
			r = '\''
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	k := b.String()
	if i := strings.LastIndexByte(k, ' '); i > 0 && companySuffixes[k[i+1:]] {
		k = k[:i]
	}
	return k
}

// companySuffixes are the words that end a company's name without telling
// it apart, as nameKey writes them.
var companySuffixes = map[string]bool{"inc": true, "corp": true, "corporation": true, "ltd": true, "llc": true, "plc": true, "co": true, "ag": true, "sa": true, "gmbh": true}

// personWords returns the words of a name key without a final
// generational suffix ("jr", "sr", "ii", "iii", "iv").
func personWords(key string) []string {
	w := strings.Fields(key)
	if len(w) > 1 {
		switch w[len(w)-1] {
		case "jr", "sr", "ii", "iii", "iv":
			w = w[:len(w)-1]
		}
	}
	return w
}

// nameIndex finds the name groups that a shorter name may stand for.
type nameIndex struct {
	// byLast and byFirst list the PERSON groups of two words or more by
	// their last and first word.
	byLast, byFirst map[string][]int
	// byInitials gives the first group of two words or more, not a PERSON,
	// with the given initials.
	byInitials map[string]int
}

func indexNames(names []name) nameIndex {
	idx := nameIndex{byLast: map[string][]int{}, byFirst: map[string][]int{}, byInitials: map[string]int{}}
	for g, n := range names {
		if n.person && len(n.words) > 1 {
			last, first := n.words[len(n.words)-1], n.words[0]
			idx.byLast[last] = append(idx.byLast[last], g)
			idx.byFirst[first] = append(idx.byFirst[first], g)
		}
		if ini := initials(n.key); !n.person && ini != "" {
			if _, ok := idx.byInitials[ini]; !ok {
				idx.byInitials[ini] = g
			}
		}
	}
	return idx
}

// partialTarget returns the name group that the PERSON name group g is a
// shorter form of, or -1.
func (idx nameIndex) partialTarget(names []name, g int) int {
	short := names[g].words
	best, bestRank := -1, 0
	consider := func(candidates []int, rank int, matches func(long []string) bool) {
		for _, t := range candidates {
			long := names[t].words
			if t == g || len(long) <= len(short) || !matches(long) {
				continue
			}
			if rank > bestRank || rank == bestRank && closer(names, g, t, best) {
				best, bestRank = t, rank
			}
		}
	}
	consider(idx.byLast[short[len(short)-1]], 2, func(long []string) bool {
		return slices.Equal(long[len(long)-len(short):], short)
	})
	consider(idx.byFirst[short[0]], 1, func(long []string) bool {
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
func (idx nameIndex) acronymTarget(names []name, g int) int {
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

// initials returns the first letters of the words of a name key of two
// words or more, minor words skipped; "" for a one-word key.
func initials(k string) string {
	words := strings.Fields(k)
	if len(words) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range words {
		if minorWords[w] {
			continue
		}
		for _, part := range strings.Split(w, "-") {
			if r, _ := utf8.DecodeRuneInString(part); r != utf8.RuneError {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// linkDefinitions links a name to the one-word name right after it in
// parentheses: "Electronic Frontier Foundation (EFF)".
func linkDefinitions(d *doc.Doc, group []int, u *unionFind) {
	for i := 1; i < len(d.Mentions); i++ {
		a, b := d.Mentions[i-1], d.Mentions[i]
		between := strings.TrimSpace(d.Text[a.End:b.Start])
		if between == "(" && strings.HasPrefix(d.Text[b.End:], ")") && !strings.Contains(b.Text, " ") {
			u.union(group[i-1], group[i])
		}
	}
}

// buildEntities makes one entity per union-find class of name groups
// (group[i] is mention i's), in order of first mention, and points each
// mention at its entity.
func buildEntities(d *doc.Doc, group []int, u *unionFind) {
	d.Entities = d.Entities[:0]
	entityOf := map[int]int{} // class root -> entity index
	for i := range d.Mentions {
		m := &d.Mentions[i]
		root := u.find(group[i])
		e, ok := entityOf[root]
		if !ok {
			e = len(d.Entities)
			entityOf[root] = e
			d.Entities = append(d.Entities, doc.Entity{ID: e})
		}
		m.Entity = e
		ent := &d.Entities[e]
		ent.Count++
		if !slices.Contains(ent.Aliases, m.Text) {
			ent.Aliases = append(ent.Aliases, m.Text)
		}
	}
	types := majorityTypes(d.Mentions, len(d.Entities))
	for e := range d.Entities {
		d.Entities[e].Name = fullestName(d.Entities[e].Aliases)
		d.Entities[e].Type = types[e]
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

// majorityTypes returns, for each of n entities, the most frequent type of
// its mentions; ties go to the type used first.
func majorityTypes(ms []doc.Mention, n int) []doc.EntityType {
	vs := make([]votes, n)
	for _, m := range ms {
		vs[m.Entity].add(m.Type)
	}
	types := make([]doc.EntityType, n)
	for e := range vs {
		types[e] = vs[e].majority()
	}
	return types
}

// votes counts the types a name was given, in order of first use.
type votes struct {
	types  []doc.EntityType
	counts []int
}

func (v *votes) add(t doc.EntityType) {
	if i := slices.Index(v.types, t); i >= 0 {
		v.counts[i]++
		return
	}
	v.types = append(v.types, t)
	v.counts = append(v.counts, 1)
}

// majority returns the most frequent type; ties go to the first.
func (v *votes) majority() doc.EntityType {
	best := 0
	for i, c := range v.counts {
		if c > v.counts[best] {
			best = i
		}
	}
	return v.types[best]
}

// unionFind is a disjoint-set forest over 0..n-1 whose roots are the
// smallest members, so classes are named by their first element.
type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n)}
	for i := range u.parent {
		u.parent[i] = i
	}
	return u
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
