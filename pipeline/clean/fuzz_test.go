package clean

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// FuzzClean checks the promises of Clean on arbitrary text: the furniture
// spans are in text order and disjoint, inside the text, on rune
// boundaries, non-empty, trimmed of space and ignorable runes, never longer
// than maxFurnitureLine and never across a line end; Clean replaces any
// earlier d.Skip and gives the same spans when run again. Invalid UTF-8,
// which the reader never lets through, must at least not make it panic.
func FuzzClean(f *testing.F) {
	for _, tt := range furnitureTests {
		f.Add(tt.line)
	}
	f.Add("Related:\nA headline\nAnother one.\n\nShare · Print\r\nAdvertisement\u2028[adrotate]\u0085ENDS")
	f.Add("\u200b\ufeffAdvertisement\u200e \u00a0\n\r\r\n\u2029")
	f.Add("Read more: " + strings.Repeat("x", maxFurnitureLine))
	f.Add("Advertisement\xff\nShare\xe2\x80")
	f.Fuzz(func(t *testing.T, text string) {
		Clean(&doc.Doc{Article: doc.Article{Text: text}}) // must not panic
		text = strings.ToValidUTF8(text, "\uFFFD")
		d := &doc.Doc{Article: doc.Article{Text: text}, Skip: []doc.Span{{Start: -1, End: len(text) + 9}}}
		Clean(d)
		if msg := checkFurniture(text, d.Skip); msg != "" {
			t.Fatalf("Clean(%q) = %v: %s", text, d.Skip, msg)
		}
		first := slices.Clone(d.Skip)
		Clean(d)
		if !slices.Equal(d.Skip, first) {
			t.Fatalf("Clean(%q) gave %v, then %v", text, first, d.Skip)
		}
	})
}

// checkFurniture reports how the furniture spans of text break the
// promises of Clean, or returns "".
func checkFurniture(text string, spans []doc.Span) string {
	prev := 0
	for _, s := range spans {
		switch {
		case s.Start < prev || s.End > len(text):
			return "a span out of order or out of the text"
		case s.Start >= s.End:
			return "an empty span"
		case s.Len() > maxFurnitureLine:
			return "a span longer than a furniture line"
		case !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]):
			return "a span not on rune boundaries"
		}
		first, _ := utf8.DecodeRuneInString(text[s.Start:s.End])
		last, _ := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if IsSpace(first) || IsIgnorable(first) || IsSpace(last) || IsIgnorable(last) {
			return "a span not trimmed"
		}
		if i := strings.IndexAny(text[s.Start:s.End], "\n\r\u0085\u2028\u2029"); i >= 0 {
			return "a span across a line end"
		}
		prev = s.End
	}
	return ""
}
