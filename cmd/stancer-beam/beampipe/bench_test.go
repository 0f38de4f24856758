package beampipe

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/pipeline/input"
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/summary"
)

// exampleArticles returns the example articles shipped with stancer, as
// the read stage emits them.
func exampleArticles(b *testing.B) []article {
	b.Helper()
	r := input.Open([]string{filepath.Join("..", "..", "..", "testdata", "examples", "articles.jsonl")}, input.Options{})
	defer r.Close()
	var arts []article
	for {
		d, err := r.Next()
		if err == io.EOF {
			return arts
		}
		if err != nil || d.Err != nil {
			b.Fatal(err, d.Err)
		}
		arts = append(arts, articleOf(d))
	}
}

// BenchmarkAnalyzeFn measures the analysis step of the pipeline per
// article, with the records for summaries, in bundles of 100 articles.
func BenchmarkAnalyzeFn(b *testing.B) {
	arts := exampleArticles(b)
	fn := &analyzeFn{Emit: string(output.Articles), Summaries: true}
	if err := fn.Setup(); err != nil {
		b.Fatal(err)
	}
	discard := func([]byte) {}
	discardRecord := func(*summary.Record) {}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		for i := range 100 {
			if err := fn.ProcessElement(ctx, arts[i%len(arts)], discard, discardRecord, discard); err != nil {
				b.Fatal(err)
			}
		}
		if err := fn.FinishBundle(ctx, discard, discardRecord, discard); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(100*b.N), "ns/article")
}

// BenchmarkArticleCoder measures the coding of an article between the read
// and analysis steps, which a runner does once per article.
func BenchmarkArticleCoder(b *testing.B) {
	arts := exampleArticles(b)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		data, err := encodeArticle(arts[i%len(arts)])
		if err != nil {
			b.Fatal(err)
		}
		if _, err := decodeArticle(data); err != nil {
			b.Fatal(err)
		}
	}
}
