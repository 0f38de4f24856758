package report_test

import (
	"encoding/json"
	"io"
	"testing"

	"github.com/stancer/stancer/pipeline/report"
	"github.com/stancer/stancer/pipeline/summary"
	"github.com/stancer/stancer/pipeline/summary/summarytest"
)

// synthetic returns n records derived from the hand-written corpus.
func synthetic(b *testing.B, n int) []*summary.Record {
	base, err := summarytest.Load(corpusPath)
	if err != nil {
		b.Fatal(err)
	}
	lines, err := summarytest.Synthesize(base, n, 9)
	if err != nil {
		b.Fatal(err)
	}
	recs := make([]*summary.Record, n)
	for i, line := range lines {
		recs[i] = new(summary.Record)
		if err := json.Unmarshal(line, recs[i]); err != nil {
			b.Fatal(err)
		}
	}
	return recs
}

// BenchmarkAdd measures adding one article record to a report.
func BenchmarkAdd(b *testing.B) {
	recs := synthetic(b, 1000)
	builder := report.NewBuilder()
	for i := 0; b.Loop(); i++ {
		builder.Add(recs[i%len(recs)])
	}
}

// BenchmarkWriteHTML measures writing the page of 10,000 articles.
func BenchmarkWriteHTML(b *testing.B) {
	builder := report.NewBuilder()
	for _, r := range synthetic(b, 10000) {
		builder.Add(r)
	}
	for b.Loop() {
		if err := builder.WriteHTML(io.Discard, report.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
