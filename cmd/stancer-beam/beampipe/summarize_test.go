package beampipe

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stancer/stancer/pipeline/summary"
)

// recordsPath holds hand-written article records, those of the tests of
// package summary.
var recordsPath = filepath.Join("..", "..", "..", "pipeline", "summary", "testdata", "articles.jsonl")

// TestSummaryFnMatchesAccumulator folds records into two accumulators
// with summaryFn, passes one through the coder, merges them, and checks
// that the rows are those of one accumulator fed every record.
func TestSummaryFnMatchesAccumulator(t *testing.T) {
	data, err := os.ReadFile(recordsPath)
	if err != nil {
		t.Fatal(err)
	}
	recs := bytes.Split(bytes.TrimSpace(data), []byte("\n"))
	for _, by := range summary.Bys {
		fn := &summaryFn{By: string(by), Format: string(summary.JSONL)}
		want := summary.New(by)
		parts := [2]*summary.Accumulator{fn.CreateAccumulator(), fn.CreateAccumulator()}
		for i, rec := range recs {
			r, err := decodeRecord(rec)
			if err != nil {
				t.Fatal(err)
			}
			want.Add(r)
			parts[i%2] = fn.AddInput(parts[i%2], r)
		}
		enc, err := encodeAccumulator(parts[1])
		if err != nil {
			t.Fatal(err)
		}
		decoded, err := decodeAccumulator(enc)
		if err != nil {
			t.Fatal(err)
		}
		merged, err := fn.MergeAccumulators(parts[0], decoded)
		if err != nil {
			t.Fatal(err)
		}
		got, err := fn.ExtractOutput(merged)
		if err != nil {
			t.Fatal(err)
		}
		var wantRows bytes.Buffer
		if err := summary.Write(&wantRows, summary.JSONL, by, want.Rows()); err != nil {
			t.Fatal(err)
		}
		if wantRows.Len() == 0 || !bytes.Equal(got, wantRows.Bytes()) {
			t.Errorf("by %s: rows\n%s\nwant\n%s", by, got, wantRows.Bytes())
		}
	}
}

func TestRecordCoder(t *testing.T) {
	for _, rec := range []string{`not JSON`, `{"id": 7}`, `{"sentences": {}}`} {
		if r, err := decodeRecord([]byte(rec)); err == nil {
			t.Errorf("decodeRecord(%s) = %+v, want an error: not an article record", rec, r)
		}
	}
	data, err := os.ReadFile(recordsPath)
	if err != nil {
		t.Fatal(err)
	}
	for line := range bytes.Lines(data) {
		r, err := decodeRecord(line)
		if err != nil {
			t.Fatal(err)
		}
		enc, err := encodeRecord(r)
		if err != nil {
			t.Fatal(err)
		}
		back, err := decodeRecord(enc)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(back, r) {
			t.Errorf("record %s came back from the coder as %+v", r.ID, back)
		}
	}
}
