package entities

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// maxPropagated is the longest name, in tokens, that propagate looks for.
const maxPropagated = 6

// propagate adds the mentions the model missed of names it found elsewhere
// in the same document: every capitalized occurrence, outside the mentions,
// of the pieces of a mention, or of the last name of a PERSON mention of
// two words or more ("Comey" after "James Comey"); but not a one-word name
// that the gazetteer lists as a common word, a title or a demonym (a
// mistake of the model's that would spread). A name takes the type
// it was given most often (ties: the first). b.mentions, the mentions of
// d, must be in text order, with their piece ranges in b.spans; so are the
// results.
func (b *docBuf) propagate(d *doc.Doc, r *Recognizer) {
	b.names.reset()
	clear(b.firsts)
	if b.firsts == nil {
		b.firsts = map[string]bool{}
	}
	add := func(ps []piece, typ doc.EntityType) {
		if len(ps) == 1 && r.gaz.Contains([]string{ps[0].Norm}, true)&r.common != 0 {
			return
		}
		b.names.add(ps, typ)
		b.firsts[ps[0].Norm] = true
	}
	for i, m := range b.mentions {
		ps := b.pieces[b.spans[i].Start:b.spans[i].End]
		if len(ps) > maxPropagated {
			continue
		}
		add(ps, m.Type)
		if n := len(ps); m.Type == doc.Person && n > 1 {
			if n > 2 && isSuffix(ps[n-1].Norm) {
				n--
			}
			add(ps[n-1:n], doc.Person)
		}
	}
	b.names.count()
	if len(b.names.votes) == 0 {
		return
	}
	found := len(b.mentions)
	next := 0 // the first mention not ending before piece i
	for si, sp := range b.sents {
		for i := sp.Start; i < sp.End; i++ {
			for next < found && b.spans[next].End <= i {
				next++
			}
			if next < found && b.spans[next].Start <= i {
				continue
			}
			if p := b.pieces[i]; !startsUpper(p.Norm) || !b.firsts[p.Norm] {
				continue
			}
			limit := min(sp.End, i+maxPropagated)
			if next < found {
				limit = min(limit, b.spans[next].Start)
			}
			if n, typ := b.names.longest(b.pieces[i:limit]); n > 0 {
				b.addMention(d, si, i, i+n, typ)
				i += n - 1
			}
		}
	}
	if len(b.mentions) > found {
		b.sortMentions()
	}
}

// sortMentions puts b.mentions and b.spans in text order.
func (b *docBuf) sortMentions() {
	b.order = b.order[:0]
	for i := range b.mentions {
		b.order = append(b.order, i)
	}
	slices.SortStableFunc(b.order, func(x, y int) int { return b.spans[x].Start - b.spans[y].Start })
	b.sorted = append(b.sorted[:0], b.mentions...)
	b.sortedSpans = append(b.sortedSpans[:0], b.spans...)
	for j, i := range b.order {
		b.mentions[j], b.spans[j] = b.sorted[i], b.sortedSpans[i]
	}
}

// nameVotes counts the types given to the names of one document, a name
// being a sequence of pieces' normalized words. It keeps its buffers
// between documents.
type nameVotes struct {
	// index gives the votes of a name, under its key: its words joined
	// by 0 bytes.
	index map[string]int
	votes []votes
	// keys holds the keys of the names added since the last count, and
	// added where each ends in keys and the type it was given.
	keys  []byte
	added []addedName
	// key is the key longest is looking up.
	key []byte
}

// An addedName is a name given a type, waiting to be counted.
type addedName struct {
	end int
	typ doc.EntityType
}

// reset forgets all names.
func (n *nameVotes) reset() {
	if n.index == nil {
		n.index = map[string]int{}
	}
	clear(n.index)
	n.votes, n.keys, n.added = n.votes[:0], n.keys[:0], n.added[:0]
}

// appendWord appends to the key of a name the name's word number j, w.
func appendWord(key []byte, j int, w string) []byte {
	if j > 0 {
		key = append(key, 0)
	}
	return append(key, w...)
}

// add records one use of the name of pieces ps as type typ, to be counted
// by count.
func (n *nameVotes) add(ps []piece, typ doc.EntityType) {
	for j, p := range ps {
		n.keys = appendWord(n.keys, j, p.Norm)
	}
	n.added = append(n.added, addedName{end: len(n.keys), typ: typ})
}

// count counts the uses added since the last count. The keys of the new
// names are parts of one string.
func (n *nameVotes) count() {
	keys, start := string(n.keys), 0
	for _, a := range n.added {
		k := keys[start:a.end]
		start = a.end
		v, ok := n.index[k]
		if !ok {
			v = len(n.votes)
			n.index[k] = v
			n.votes = append(n.votes, votes{})
		}
		n.votes[v].add(a.typ)
	}
	n.keys, n.added = n.keys[:0], n.added[:0]
}

// longest returns the number of leading pieces of ps that form the
// longest known name, and the name's type; 0 when none does.
func (n *nameVotes) longest(ps []piece) (int, doc.EntityType) {
	best, typ := 0, doc.EntityType("")
	n.key = n.key[:0]
	for j, p := range ps {
		n.key = appendWord(n.key, j, p.Norm)
		if v, ok := n.index[string(n.key)]; ok {
			best, typ = j+1, n.votes[v].majority()
		}
	}
	return best, typ
}

// isSuffix reports whether w is a generational suffix of a name.
func isSuffix(w string) bool {
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

// startsUpper reports whether w begins with an upper-case letter. It is
// small enough to be inlined: words outside ASCII take a call.
func startsUpper(w string) bool {
	if w == "" || w[0] >= utf8.RuneSelf {
		return startsUpperRune(w)
	}
	return w[0]-'A' <= 'Z'-'A'
}

// startsUpperRune is startsUpper for a word that is empty or begins outside
// ASCII.
func startsUpperRune(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
