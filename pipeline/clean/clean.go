// Package clean finds site furniture in article text (share bars, ad
// shortcodes, cookie notices, "Read more" links and the like) so that later
// stages see only article prose, and defines the white space and invisible
// characters that analysis ignores.
//
// Furniture is found a line at a time: a line is furniture as a whole or not
// at all, so a furniture span never cuts a sentence of prose.
package clean

import (
	"math/bits"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/swar"
)

// maxListItem is the longest line, in bytes, taken for a headline in a block
// of links under a list header such as "Related:" (a line ending with a full
// stop is prose, not a headline); maxFurnitureLine is the longest line that
// may be furniture at all.
const (
	maxListItem      = 160
	maxFurnitureLine = 1000
)

// Clean finds site furniture in d.Text and records it in d.Skip, replacing
// what was there: one span per furniture line, trimmed of surrounding space,
// in text order. It reuses the array of d.Skip if it is large enough and
// otherwise allocates one of the exact size; its other buffers it keeps for
// the next document.
func Clean(d *doc.Doc) {
	b, _ := cleanBuffers.Get().(*buffers)
	if b == nil {
		b = new(buffers)
	}
	b.spans = b.appendFurniture(b.spans[:0], d.Text)
	if cap(d.Skip) < len(b.spans) {
		d.Skip = make([]doc.Span, len(b.spans))
	}
	d.Skip = d.Skip[:len(b.spans)]
	copy(d.Skip, b.spans)
	cleanBuffers.Put(b)
}

// buffers hold the spans that Clean finds and the folded line it matches.
type buffers struct {
	spans []doc.Span
	line  []byte
}

// cleanBuffers is a pool of *buffers.
var cleanBuffers sync.Pool

// appendFurniture appends the spans of the furniture lines of text to spans.
func (b *buffers) appendFurniture(spans []doc.Span, text string) []doc.Span {
	inList := false
	for start := 0; start < len(text); {
		end, next := lineEnd(text, start)
		s, e := trim(text, start, end)
		start = next
		if s == e {
			inList = false
			continue
		}
		if e-s > maxFurnitureLine {
			inList = false
			continue // a paragraph of prose
		}
		b.line = fold(b.line[:0], text[s:e])
		// f shares the memory of b.line, which is not written to until
		// the next line; the patterns keep no part of it.
		f := unsafe.String(unsafe.SliceData(b.line), len(b.line))
		furniture := true
		switch {
		case isListHeader(f):
			inList = true
		case inList && e-s <= maxListItem && text[e-1] != '.':
		default:
			inList = false
			furniture = isFurniture(f)
		}
		if furniture {
			spans = append(spans, doc.Span{Start: s, End: e})
		}
	}
	return spans
}

// lineEnd returns the end of the line that starts at i and the start of the
// next one. Lines end at '\n', '\r', U+0085 NEXT LINE, U+2028 LINE SEPARATOR
// and U+2029 PARAGRAPH SEPARATOR; "\r\n" is one line end.
func lineEnd(text string, i int) (end, next int) {
	for ; i < len(text); i++ {
		// The common case: eight bytes at a time while none is '\n',
		// '\r' or outside ASCII.
		for i+8 <= len(text) {
			x := swar.Load(text[i : i+8])
			f := swar.Equal(x, '\n') | swar.Equal(x, '\r') | swar.NonASCII(x)
			if f != 0 {
				i += bits.TrailingZeros64(f) / 8
				break
			}
			i += 8
		}
		if i == len(text) {
			break
		}
		switch c := text[i]; {
		case c == '\n':
			return i, i + 1
		case c == '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				return i, i + 2
			}
			return i, i + 1
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(text[i:])
			if r == 0x85 || r == 0x2028 || r == 0x2029 {
				return i, i + n
			}
			i += n - 1
		}
	}
	return len(text), len(text)
}

// trim returns the bounds of text[start:end] without surrounding space and
// ignorable runes.
func trim(text string, start, end int) (int, int) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !IsSpace(r) && !IsIgnorable(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !IsSpace(r) && !IsIgnorable(r) {
			break
		}
		end -= n
	}
	return start, end
}
