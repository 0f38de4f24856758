package segment

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/internal/race"
)

// sp returns the span [start, end).
func sp(start, end int) doc.Span { return doc.Span{Start: start, End: end} }

func sentenceTexts(d *doc.Doc) []string {
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Text[s.Start:s.End])
	}
	return out
}

func TestSegmentSkipsFurniture(t *testing.T) {
	tests := []struct {
		name string
		text string
		skip []doc.Span
		want []string
	}{
		{"skip ends a sentence", "Police said\n[ad]\nmore", []doc.Span{sp(12, 16)}, []string{"Police said", "more"}},
		{"skip at both ends", "Share\nIt works.\nPrint", []doc.Span{sp(0, 5), sp(16, 21)}, []string{"It works."}},
		{"skip inside a line", "One two. Three four", []doc.Span{sp(4, 7)}, []string{"One", ".", "Three four"}},
		{"unsorted and overlapping", "aa bb cc dd", []doc.Span{sp(6, 8), sp(0, 2), sp(1, 4)}, []string{"b", "dd"}},
		{"out of range", "aa bb", []doc.Span{sp(-3, 1), sp(4, 99)}, []string{"a b"}},
		{"inside a rune", "é x", []doc.Span{sp(1, 2)}, []string{"x"}},
	}
	for _, tt := range tests {
		d := &doc.Doc{Article: doc.Article{Text: tt.text}, Skip: tt.skip}
		Segment(d)
		if got := sentenceTexts(d); !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSegmentAfterClean(t *testing.T) {
	d := &doc.Doc{Article: doc.Article{Text: "Rudd spoke. [adrotate banner=\"9\"] was here.\n[adrotate banner=\"9\"]\nAdvertisement\n\nShe left. Share this story: Facebook"}}
	clean.Clean(d)
	Segment(d)
	want := []string{"Rudd spoke.", "[adrotate banner=\"9\"] was here.", "She left.", "Share this story: Facebook"}
	if got := sentenceTexts(d); !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// checkSpans reports how spans break the contract of Segment, or "".
func checkSpans(text string, spans []doc.Span, skip []doc.Span) string {
	prev := 0
	for _, s := range spans {
		switch {
		case s.Start < prev || s.End > len(text):
			return "out of order or range"
		case s.Start >= s.End:
			return "empty"
		case !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]):
			return "not on rune boundaries"
		}
		first, _ := utf8.DecodeRuneInString(text[s.Start:])
		last, _ := utf8.DecodeLastRuneInString(text[:s.End])
		if isGap(first) || isGap(last) {
			return "not trimmed"
		}
		for _, k := range skip {
			if s.Start < k.End && k.Start < s.End {
				return "overlaps a skip span"
			}
		}
		prev = s.End
	}
	return ""
}

// TestRunOnTextIsCut checks that text without sentence ends comes out in
// sentences of at most maxSentenceTokens tokens and maxSentenceBytes bytes
// that together hold every token, in order.
func TestRunOnTextIsCut(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		min, max int // the number of sentences expected
	}{
		{"short words", strings.Repeat("and then ", 1000), 10, 10},
		{"long words", strings.Repeat(strings.Repeat("x", 99)+" ", 500), 13, 13},
		{"one giant token", strings.Repeat("y", 10000) + " a b", 2, 2},
		{"a written paragraph is not cut", strings.Repeat("Signal said it would leave. ", 50), 50, 50},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := Split(tt.text)
			if len(spans) < tt.min || len(spans) > tt.max {
				t.Errorf("%d sentences, want %d to %d", len(spans), tt.min, tt.max)
			}
			var words []string
			for _, sp := range spans {
				s := tt.text[sp.Start:sp.End]
				f := strings.Fields(s)
				if len(f) > maxSentenceTokens || len(s) > maxSentenceBytes && len(f) > 1 {
					t.Errorf("sentence at %d has %d tokens and %d bytes", sp.Start, len(f), len(s))
				}
				words = append(words, f...)
			}
			if !slices.Equal(words, strings.Fields(tt.text)) {
				t.Error("the sentences do not hold the tokens of the text in order")
			}
		})
	}
}

func FuzzSegment(f *testing.F) {
	for _, tt := range splitTests {
		f.Add(tt.in)
	}
	f.Add("Share · Print\n[adrotate banner=\"9\"]\nIt works. (File photo)\nRelated:\nA headline")
	f.Add("\xff. \xe2\x80 a.\u2029. . . .")
	f.Fuzz(func(t *testing.T, text string) {
		if msg := checkSpans(text, Split(text), nil); msg != "" && utf8.ValidString(text) {
			t.Fatalf("Split(%q): %s", text, msg)
		}
		d := &doc.Doc{Article: doc.Article{Text: strings.ToValidUTF8(text, "\uFFFD")}}
		clean.Clean(d)
		Segment(d)
		spans := make([]doc.Span, len(d.Sentences))
		for i, s := range d.Sentences {
			spans[i] = s.Span
		}
		if msg := checkSpans(d.Text, spans, d.Skip); msg != "" {
			t.Fatalf("Segment(%q) with skip %v: %s", d.Text, d.Skip, msg)
		}
	})
}

// benchText returns the texts of the training articles, joined by blank
// lines.
func benchText(b *testing.B) string {
	arts, err := gold.ReadFile(filepath.Join("..", "..", "testdata", "gold", "train.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for _, a := range arts {
		sb.WriteString(a.Text)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

func BenchmarkSplit(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Split(text)
	}
}

func BenchmarkSegment(b *testing.B) {
	d := &doc.Doc{Article: doc.Article{Text: benchText(b)}}
	clean.Clean(d)
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Segment(d)
	}
}

// TestSegmentAllocations requires Segment to allocate nothing but the array
// of d.Sentences, and only when d.Sentences has too small an array, once
// its buffers have grown.
func TestSegmentAllocations(t *testing.T) {
	if race.Enabled {
		t.Skip("skipping: the race detector makes sync.Pool drop items")
	}
	d := &doc.Doc{Article: doc.Article{Text: strings.Repeat("The minister spoke. Critics said no! Was it wise? ", 20)}}
	for _, tc := range []struct {
		name string
		run  func()
		want float64
	}{
		{"new sentences", func() { d.Sentences = nil; Segment(d) }, 1},
		{"reused sentences", func() { Segment(d) }, 0},
	} {
		if n := testing.AllocsPerRun(20, tc.run); n != tc.want {
			t.Errorf("%s: %v allocations, want %v", tc.name, n, tc.want)
		}
	}
	if len(d.Sentences) != 60 {
		t.Errorf("Segment found %d sentences, want 60", len(d.Sentences))
	}
}
