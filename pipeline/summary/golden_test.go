package summary_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/pipeline/goldenfile"
	"github.com/stancer/stancer/pipeline/input"
	"github.com/stancer/stancer/pipeline/summary"
)

// corpusPath is the file of hand-written article records.
var corpusPath = filepath.Join("testdata", "articles.jsonl")

// readCorpus returns the records of the files at paths, failing the test
// on any bad line.
func readCorpus(t testing.TB, paths ...string) []*summary.Record {
	t.Helper()
	var recs []*summary.Record
	err := summary.Read(context.Background(), paths, input.Options{},
		func(r *summary.Record) { recs = append(recs, r) },
		func(where string, err error) { t.Errorf("%s: %v", where, err) })
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// summarize returns the accumulator of recs by by.
func summarize(by summary.By, recs []*summary.Record) *summary.Accumulator {
	acc := summary.New(by)
	for _, r := range recs {
		acc.Add(r)
	}
	return acc
}

func TestGolden(t *testing.T) {
	recs := readCorpus(t, corpusPath)
	if len(recs) != 8 {
		t.Fatalf("read %d records from %s, want 8", len(recs), corpusPath)
	}
	for _, by := range summary.Bys {
		rows := summarize(by, recs).Rows()
		for _, f := range []summary.Format{summary.JSONL, summary.CSV} {
			var b bytes.Buffer
			if err := summary.Write(&b, f, by, rows); err != nil {
				t.Fatal(err)
			}
			goldenfile.Check(t, filepath.Join("testdata", "golden", string(by)+"."+string(f)), b.Bytes())
		}
	}
}
