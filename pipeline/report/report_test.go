package report_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/pipeline/goldenfile"
	"github.com/stancer/stancer/pipeline/input"
	"github.com/stancer/stancer/pipeline/report"
	"github.com/stancer/stancer/pipeline/summary"
)

// corpusPath is the file of hand-written article records of package
// summary.
var corpusPath = filepath.Join("..", "summary", "testdata", "articles.jsonl")

// build returns a Builder fed the records of the files at paths.
func build(t testing.TB, paths ...string) *report.Builder {
	t.Helper()
	b := report.NewBuilder()
	err := summary.Read(context.Background(), paths, input.Options{}, b.Add,
		func(where string, err error) { t.Errorf("%s: %v", where, err) })
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// render returns the report of b.
func render(t testing.TB, b *report.Builder, opts report.Options) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := b.WriteHTML(&out, opts); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func TestGolden(t *testing.T) {
	got := render(t, build(t, corpusPath), report.Options{})
	goldenfile.Check(t, filepath.Join("testdata", "report.golden.html"), got)
}
