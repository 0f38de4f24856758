package holder

import (
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// BenchmarkResolve resolves the holders of every training article; it
// reports the time per article.
func BenchmarkResolve(b *testing.B) {
	arts := readGold(b, "train.jsonl")
	docs := make([]*doc.Doc, len(arts))
	sents := 0
	for i, a := range arts {
		docs[i] = docFromGold(b, a)
		sents += len(docs[i].Sentences)
	}
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		for _, d := range docs {
			Resolve(d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/article")
	b.ReportMetric(float64(b.N*sents)/b.Elapsed().Seconds(), "sentences/s")
}
