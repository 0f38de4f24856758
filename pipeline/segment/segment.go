// Package segment splits article text into sentences.
//
// The splitter reads the text once, token by token (a token is a run of
// text between white space), and decides at each gap between two tokens
// whether a sentence ends there. A blank line always ends a sentence; a line
// break ends one unless the next line plainly continues it; a full stop,
// question mark or exclamation mark ends one unless the words around it say
// otherwise: an abbreviation (see abbreviations), an initial, a number, an
// ellipsis inside a sentence, or a closing quotation followed by a lowercase
// word ("This is great." she said). A numbered or lettered list written
// inline ("1.) The first item 2.) The second item") is split before each of
// its markers, but a list that goes on with its sentence ("has three parts:
// 1) scanning, 2) reporting") is not. A run-on text is cut into sentences of
// at most 200 tokens and 4 KiB.
//
// The splitter makes one pass over the bytes of the text, looking back or
// ahead only a few tokens; Segment allocates nothing but the result.
package segment

import (
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// Segment splits d.Text, minus the furniture spans of d.Skip, into
// sentences and stores them in d.Sentences, replacing what was there. The
// sentences are in text order, each trimmed of surrounding white space and
// ignorable runes, none empty, and none overlapping a span of d.Skip; every
// span of d.Skip ends any sentence before it. Skip spans out of order,
// overlapping or out of range are tolerated.
func Segment(d *doc.Doc) {
	buf, _ := spanBuffers.Get().(*[]doc.Span)
	if buf == nil {
		buf = new([]doc.Span)
	}
	s := splitter{text: d.Text, spans: (*buf)[:0]}
	skip := d.Skip
	if !slices.IsSortedFunc(skip, byStart) {
		skip = slices.SortedFunc(slices.Values(skip), byStart)
	}
	lo := 0
	for _, sk := range skip {
		start, end := runeFloor(d.Text, sk.Start), runeCeil(d.Text, sk.End)
		if start > lo {
			s.region(lo, start)
		}
		lo = max(lo, end)
	}
	if lo < len(d.Text) {
		s.region(lo, len(d.Text))
	}
	sents := slices.Grow(d.Sentences[:0], len(s.spans))
	for _, sp := range s.spans {
		sents = append(sents, doc.Sentence{Span: sp})
	}
	d.Sentences = sents
	*buf = s.spans
	spanBuffers.Put(buf)
}

// spanBuffers is a pool of *[]doc.Span, the buffers in which Segment
// gathers the sentence spans before it makes the sentences.
var spanBuffers sync.Pool

// byStart orders spans by their start.
func byStart(a, b doc.Span) int { return a.Start - b.Start }

// Split returns the sentence spans of text, in order, trimmed, none empty.
// It removes no furniture: see Segment.
func Split(text string) []doc.Span {
	s := splitter{text: text, spans: make([]doc.Span, 0, len(text)/96+1)}
	s.region(0, len(text))
	return s.spans
}

// runeFloor returns i clamped to [0, len(s)] and moved back to the start of
// the rune it falls in.
func runeFloor(s string, i int) int {
	i = min(max(i, 0), len(s))
	for i > 0 && i < len(s) && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// runeCeil returns i clamped to [0, len(s)] and moved forward to the start
// of the next rune when it falls inside one.
func runeCeil(s string, i int) int {
	i = min(max(i, 0), len(s))
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}
