package ner

import "testing"

// BenchmarkLabel measures Label on the toy sentences and reports tokens
// per second.
func BenchmarkLabel(b *testing.B) {
	m, err := toyModel()
	if err != nil {
		b.Fatal(err)
	}
	sents := toySentences()
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Words)
	}
	var out []Chunk
	for b.Loop() {
		for _, s := range sents {
			out = m.Label(s, out[:0])
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
