package tokenize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/internal/race"
)

func words(text string) []string {
	var out []string
	for _, t := range Split(text, doc.Span{Start: 0, End: len(text)}) {
		out = append(out, text[t.Start:t.End])
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		in   string
		want string // tokens joined by |
	}{
		{"Apple's lawyers don't agree.", "Apple|'s|lawyers|do|n't|agree|."},
		{"Apple’s chief can’t say.", "Apple|’s|chief|ca|n’t|say|."},
		{`"We will not," she said.`, `"|We|will|not|,|"|she|said|.`},
		{"The U.S. government and Mr. Cook met Inc. staff.", "The|U.S.|government|and|Mr.|Cook|met|Inc.|staff|."},
		{"It cost $1,000.50 (about £800).", "It|cost|$1,000.50|(|about|£800|)|."},
		{"See https://example.org/a.b, or mail a@b.org.", "See|https://example.org/a.b|,|or|mail|a@b.org|."},
		{"LONDON — Ministers met end-to-end critics", "LONDON|—|Ministers|met|end-to-end|critics"},
		{"privacy—and security--matter", "privacy|—|and|security|--|matter"},
		{"the parents' rights", "the|parents|'|rights"},
		{"Wait... what?!", "Wait|...|what|?|!"},
		{"J. Edgar Hoover", "J.|Edgar|Hoover"},
		{"Siobhán Müller said", "Siobhán|Müller|said"},
		{"(Reuters)", "(|Reuters|)"},
		{"", ""},
		{"   \u00a0 ", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(words(tt.in), "|"); got != tt.want {
			t.Errorf("Split(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormStripsIgnorablesButKeepsOffsets(t *testing.T) {
	text := "Whats\u200bApp\u00a0is\u200b encrypted"
	toks := Split(text, doc.Span{Start: 0, End: len(text)})
	var norms []string
	for _, tok := range toks {
		norms = append(norms, tok.Norm)
	}
	if got, want := strings.Join(norms, "|"), "WhatsApp|is|encrypted"; got != want {
		t.Fatalf("norms = %q, want %q", got, want)
	}
	if got := text[toks[0].Start:toks[0].End]; got != "Whats\u200bApp" {
		t.Errorf("first token covers %q", got)
	}
}

func TestTokenizeSetsSentenceRanges(t *testing.T) {
	d := &doc.Doc{Article: doc.Article{Text: "One two. Three."}}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: 8}}, {Span: doc.Span{Start: 9, End: 15}}}
	Tokenize(d)
	if got := d.Sentences[1].Tokens; got != (doc.Span{Start: 3, End: 5}) {
		t.Fatalf("second sentence tokens = %+v", got)
	}
}

type upperTagger struct{}

func (upperTagger) Tag(words, tags []string) {
	for i, w := range words {
		tags[i] = strings.ToUpper(w)
	}
}

func TestTagGivesTaggerASCIIQuotes(t *testing.T) {
	d := &doc.Doc{Article: doc.Article{Text: "“Don’t”"}}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}}}
	Tokenize(d)
	Tag(d, upperTagger{})
	var tags []string
	for _, tok := range d.Tokens {
		tags = append(tags, tok.Tag)
	}
	if got, want := strings.Join(tags, "|"), `"|DO|N'T|"`; got != want {
		t.Fatalf("tags = %q, want %q", got, want)
	}
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Apple's U.S. (test).", "a—b -- c...", "\u200b\u00a0x", "'s n't ’"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		prev := 0
		for _, tok := range Split(text, doc.Span{Start: 0, End: len(text)}) {
			if tok.Start < prev || tok.End <= tok.Start || tok.End > len(text) {
				t.Fatalf("bad token span %+v after %d in %q", tok.Span, prev, text)
			}
			if !utf8.ValidString(text[tok.Start:tok.End]) || tok.Norm == "" {
				t.Fatalf("token %+v splits a rune or has no text in %q", tok, text)
			}
			prev = tok.End
		}
	})
}

func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("The Home Secretary said on Tuesday that WhatsApp's end-to-end encryption, used by 2,000,000 people, must not offer \"a secret place\" to terrorists. ", 50)
	d := &doc.Doc{Article: doc.Article{Text: text}}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}}}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(d)
	}
}

// tagAll is a Tagger that gives every word the same tag.
type tagAll string

func (tag tagAll) Tag(words, tags []string) {
	for i := range tags {
		tags[i] = string(tag)
	}
}

// TestAllocations requires Tokenize to allocate nothing but the array of
// d.Tokens, and only when d.Tokens has too small an array, and Tag to
// allocate nothing, once their buffers have grown.
func TestAllocations(t *testing.T) {
	if race.Enabled {
		t.Skip("skipping: the race detector makes sync.Pool drop items")
	}
	text := "“Apple’s lawyers don’t agree,” said Mr. Cook of Apple Inc. in Cupertino, Calif. It cost $1,000.50 — about £800."
	mid := strings.Index(text, " It")
	d := &doc.Doc{Article: doc.Article{Text: text}}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: mid}}, {Span: doc.Span{Start: mid + 1, End: len(text)}}}
	for _, tc := range []struct {
		name string
		run  func()
		want float64
	}{
		{"Tokenize, new tokens", func() { d.Tokens = nil; Tokenize(d) }, 1},
		{"Tokenize, reused tokens", func() { Tokenize(d) }, 0},
		{"Tag", func() { Tag(d, tagAll("X")) }, 0},
	} {
		if n := testing.AllocsPerRun(20, tc.run); n != tc.want {
			t.Errorf("%s: %v allocations, want %v", tc.name, n, tc.want)
		}
	}
	if got, want := len(d.Tokens), len(Split(text, doc.Span{Start: 0, End: len(text)})); got != want || got == 0 {
		t.Errorf("%d tokens, want %d", got, want)
	}
	for _, tok := range d.Tokens {
		if tok.Tag != "X" {
			t.Fatalf("token %q has tag %q", text[tok.Start:tok.End], tok.Tag)
		}
	}
}
