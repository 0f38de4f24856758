package stance

import (
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// benchmarkClassify classifies the development articles, split at their
// gold sentences, with c, and reports sentences/s and tokens/s.
func benchmarkClassify(b *testing.B, c *Classifier) {
	var docs []*doc.Doc
	sentences, tokens := 0, 0
	for _, l := range mustLabeled(b, readGold(b, "dev.jsonl")) {
		docs = append(docs, l.Doc)
		sentences += len(l.Doc.Sentences)
		tokens += len(l.Doc.Tokens)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			c.Classify(d)
		}
	}
	sec := b.Elapsed().Seconds()
	b.ReportMetric(float64(sentences*b.N)/sec, "sentences/s")
	b.ReportMetric(float64(tokens*b.N)/sec, "tokens/s")
}

func BenchmarkClassify(b *testing.B) {
	c, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	benchmarkClassify(b, c)
}

func BenchmarkClassifyBaseline(b *testing.B) {
	c, err := Baseline()
	if err != nil {
		b.Fatal(err)
	}
	benchmarkClassify(b, c)
}
