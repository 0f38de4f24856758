package entities

import (
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// BenchmarkRecognize measures Recognize on the development articles
// (tokenized and tagged beforehand) and reports tokens per second.
func BenchmarkRecognize(b *testing.B) {
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := goldDocs(readGold(b, "dev"), tagger(b))
	tokens := 0
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			r.Recognize(d)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkRecognizeParallel is BenchmarkRecognize with one document per
// goroutine, as the pipeline's workers run it.
func BenchmarkRecognizeParallel(b *testing.B) {
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	docs := goldDocs(readGold(b, "dev"), tagger(b))
	tokens := 0
	for _, d := range docs {
		tokens += len(d.Tokens)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, d := range docs {
				c := &doc.Doc{Article: d.Article, Sentences: d.Sentences, Tokens: d.Tokens}
				r.Recognize(c)
			}
		}
	})
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
