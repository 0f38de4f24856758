package summary_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/pipeline/input"
	"github.com/stancer/stancer/pipeline/summary"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

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

// checkGolden compares got with the golden file name in testdata/golden,
// or rewrites the file with -update.
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update to accept):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
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
			checkGolden(t, string(by)+"."+string(f), b.Bytes())
		}
	}
}
