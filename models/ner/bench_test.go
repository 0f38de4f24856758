package ner

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stancer/stancer/pipeline/gold"
)

// BenchmarkLabel measures Label on the toy sentences and reports tokens
// per second.
func BenchmarkLabel(b *testing.B) {
	m, err := toyModel()
	if err != nil {
		b.Fatal(err)
	}
	benchLabel(b, m, toySentences())
}

// BenchmarkLabelDefault measures Label with the embedded model on the
// sentences of the development articles, split into words at spaces and
// before final punctuation, untagged. Unlike the toy model's, the
// embedded model's weights do not fit in the first-level cache, as in use.
func BenchmarkLabelDefault(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	arts, err := gold.ReadFile(filepath.Join("..", "..", "testdata", "gold", "dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var sents []Sentence
	for _, a := range arts {
		for _, s := range a.Sentences {
			sents = append(sents, Sentence{Words: splitWords(s.Text)})
		}
	}
	benchLabel(b, m, sents)
}

// benchLabel labels sents with m b.N times and reports tokens per second.
func benchLabel(b *testing.B, m *Model, sents []Sentence) {
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Words)
	}
	var out []Chunk
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range sents {
			out = m.Label(s, out[:0])
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// splitWords splits text at spaces, and a word before its final
// punctuation marks: "said," gives "said" and ",".
func splitWords(text string) []string {
	var words []string
	for _, f := range strings.Fields(text) {
		end := len(strings.TrimRightFunc(f, unicode.IsPunct))
		if end > 0 && end < len(f) {
			words = append(words, f[:end], f[end:])
			continue
		}
		words = append(words, f)
	}
	return words
}
