package gazetteer

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/gold"
)

// BenchmarkMatchHashes measures MatchHashes, exact and folded, with the
// shipped lists on the words of the development articles (split at
// spaces), as models/ner calls it, and reports words per second.
func BenchmarkMatchHashes(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	arts, err := gold.ReadFile(filepath.Join("..", "..", "testdata", "gold", "dev.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	var exact, folded [][]uint64
	words := 0
	for _, a := range arts {
		for _, s := range a.Sentences {
			var e, f []uint64
			for _, w := range strings.Fields(s.Text) {
				e = append(e, Extend(Seed, w, false))
				f = append(f, Extend(Seed, w, true))
			}
			exact, folded = append(exact, e), append(folded, f)
			words += len(e)
		}
	}
	out := make([]uint64, words)
	b.ReportAllocs()
	for b.Loop() {
		for i := range exact {
			g.MatchHashes(exact[i], false, out)
			g.MatchHashes(folded[i], true, out)
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
