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
// it was given most often (ties: the first). d.Mentions must be in text
// order, with their piece ranges in b.spans; so are the results.
func (b *docBuf) propagate(d *doc.Doc, r *Recognizer) {
	names := map[string]*votes{}
	firsts := map[string]bool{}
	add := func(ps []piece, typ doc.EntityType) {
		if len(ps) == 1 && r.gaz.Contains([]string{ps[0].norm}, true)&r.common != 0 {
			return
		}
		var k strings.Builder
		for i, p := range ps {
			if i > 0 {
				k.WriteByte(0)
			}
			k.WriteString(p.norm)
		}
		v := names[k.String()]
		if v == nil {
			v = &votes{}
			names[k.String()] = v
		}
		v.add(typ)
		firsts[ps[0].norm] = true
	}
	for i, m := range d.Mentions {
		ps := b.pieces[b.spans[i].Start:b.spans[i].End]
		if len(ps) > maxPropagated {
			continue
		}
		add(ps, m.Type)
		if n := len(ps); m.Type == doc.Person && n > 1 {
			if n > 2 && isSuffix(ps[n-1].norm) {
				n--
			}
			add(ps[n-1:n], doc.Person)
		}
	}
	if len(names) == 0 {
		return
	}
	found := len(d.Mentions)
	next := 0 // the first mention not ending before piece i
	for si, sp := range b.sents {
		for i := sp.Start; i < sp.End; i++ {
			for next < found && b.spans[next].End <= i {
				next++
			}
			if next < found && b.spans[next].Start <= i {
				continue
			}
			if p := b.pieces[i]; !firsts[p.norm] || !startsUpper(p.norm) {
				continue
			}
			limit := min(sp.End, i+maxPropagated)
			if next < found {
				limit = min(limit, b.spans[next].Start)
			}
			if n, typ := longestName(b.pieces[i:limit], names); n > 0 {
				b.addMention(d, si, i, i+n, typ)
				i += n - 1
			}
		}
	}
	if len(d.Mentions) > found {
		b.sortMentions(d)
	}
}

// sortMentions puts d.Mentions and b.spans in text order.
func (b *docBuf) sortMentions(d *doc.Doc) {
	order := make([]int, len(d.Mentions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(x, y int) int { return b.spans[x].Start - b.spans[y].Start })
	ms := make([]doc.Mention, len(order))
	spans := make([]doc.Span, len(order))
	for j, i := range order {
		ms[j], spans[j] = d.Mentions[i], b.spans[i]
	}
	d.Mentions, b.spans = ms, spans
}

// longestName returns the number of leading tokens of toks that form the
// longest known name, and the name's type; 0 when none does.
func longestName(ps []piece, names map[string]*votes) (int, doc.EntityType) {
	var b strings.Builder
	n, typ := 0, doc.EntityType("")
	for j, p := range ps {
		if j > 0 {
			b.WriteByte(0)
		}
		b.WriteString(p.norm)
		if v, ok := names[b.String()]; ok {
			n, typ = j+1, v.majority()
		}
	}
	return n, typ
}

// isSuffix reports whether w is a generational suffix of a name.
func isSuffix(w string) bool {
	switch strings.TrimSuffix(strings.ToLower(w), ".") {
	case "jr", "sr", "ii", "iii", "iv":
		return true
	}
	return false
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
