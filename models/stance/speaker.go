package stance

import (
	"slices"
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
)

// authorKey is the speaker key of the writer's own voice.
var authorKey = hashString("<author>")

// speakers sets a.ctx.speaker to a key of who speaks in each sentence of d:
// its Holder, as the holder stage attributes the sentences before their
// stance is known (pipeline/holder.Attribute), keyed by the stem of the last
// word of the name, so that "Rudd" is "Amber Rudd"; authorKey for the
// writer's own voice (doc.Author); 0 for a sentence without a holder.
func (x *extractor) speakers(d *doc.Doc, a *analysis) {
	a.ctx.speaker = resize(a.ctx.speaker, len(d.Sentences))
	for i, s := range d.Sentences {
		switch {
		case s.Holder == nil || s.Holder.Name == "":
		case s.Holder.Name == doc.Author:
			a.ctx.speaker[i] = authorKey
		default:
			name := s.Holder.Name
			last := name[strings.LastIndexByte(name, ' ')+1:]
			a.ctx.speaker[i] = x.lex.words.lookup(last, &a.memo).stem | 1
		}
	}
}

// resize returns s with length n and every element zero, reusing its
// storage when large enough.
func resize[E any](s []E, n int) []E {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}
