package summary_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/stancer/stancer/pipeline/input"
	"github.com/stancer/stancer/pipeline/summary"
	"github.com/stancer/stancer/pipeline/summary/summarytest"
)

// BenchmarkAdd measures adding one article record to an accumulator.
func BenchmarkAdd(b *testing.B) {
	recs := syntheticRecords(b, 1000, 5)
	for _, by := range summary.Bys {
		b.Run(string(by), func(b *testing.B) {
			acc := summary.New(by)
			for i := 0; b.Loop(); i++ {
				acc.Add(recs[i%len(recs)])
			}
		})
	}
}

// BenchmarkRead measures reading and decoding article records.
func BenchmarkRead(b *testing.B) {
	base, err := summarytest.Load(corpusPath)
	if err != nil {
		b.Fatal(err)
	}
	lines, err := summarytest.Synthesize(base, 1000, 6)
	if err != nil {
		b.Fatal(err)
	}
	data := summarytest.JoinLines(lines)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		var n int
		err := summary.Read(context.Background(), nil, input.Options{Stdin: bytes.NewReader(data)},
			func(*summary.Record) { n++ },
			func(where string, err error) { b.Fatalf("%s: %v", where, err) })
		if err != nil || n != len(lines) {
			b.Fatalf("read %d records, error %v", n, err)
		}
	}
}
