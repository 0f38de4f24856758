package beampipe

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/stancer/stancer/pipeline/summary"
)

func init() {
	beam.RegisterCoder(reflect.TypeOf((*summary.Accumulator)(nil)), encodeAccumulator, decodeAccumulator)
	beam.RegisterCoder(reflect.TypeOf((*summary.Record)(nil)), encodeRecord, decodeRecord)
	register.Combiner3[*summary.Accumulator, *summary.Record, []byte](&summaryFn{})
	register.DoFn2x1[context.Context, []byte, error](&writeFileFn{})
}

// encodeAccumulator is the Beam coder's encoder of accumulators: their
// exact JSON form.
func encodeAccumulator(a *summary.Accumulator) ([]byte, error) {
	return json.Marshal(a)
}

// decodeAccumulator is the Beam coder's decoder of accumulators.
func decodeAccumulator(data []byte) (*summary.Accumulator, error) {
	a := new(summary.Accumulator)
	if err := json.Unmarshal(data, a); err != nil {
		return nil, err
	}
	return a, nil
}

// summaryFn is the CombineFn of a summary: it folds article records (the
// lines of "stancer run --emit articles", decoded) into a
// summary.Accumulator of grouping By, the accumulator of "stancer
// summarize", and extracts its rows in Format, as "stancer summarize --by
// By --format Format" writes them.
type summaryFn struct {
	// By is the grouping, a summary.By; Format the file format of the
	// rows, a summary.Format.
	By, Format string
}

// CreateAccumulator returns an empty accumulator.
func (fn *summaryFn) CreateAccumulator() *summary.Accumulator {
	return summary.New(summary.By(fn.By))
}

// AddInput adds the article record r to acc.
func (fn *summaryFn) AddInput(acc *summary.Accumulator, r *summary.Record) *summary.Accumulator {
	acc.Add(r)
	return acc
}

// encodeRecord is the Beam coder's encoder of article records for
// summaries: their JSON form.
func encodeRecord(r *summary.Record) ([]byte, error) {
	return json.Marshal(r)
}

// decodeRecord decodes the article record rec. The records come from the
// output encoder, which has checked them against the output contract.
func decodeRecord(rec []byte) (*summary.Record, error) {
	r := new(summary.Record)
	if err := json.Unmarshal(rec, r); err != nil {
		return nil, fmt.Errorf("not an article record: %w", err)
	}
	return r, nil
}

// MergeAccumulators merges b into a.
func (fn *summaryFn) MergeAccumulators(a, b *summary.Accumulator) (*summary.Accumulator, error) {
	return a, a.Merge(b)
}

// ExtractOutput returns the rows of acc, written in fn's format.
func (fn *summaryFn) ExtractOutput(acc *summary.Accumulator) ([]byte, error) {
	var b bytes.Buffer
	if err := summary.Write(&b, summary.Format(fn.Format), acc.By(), acc.Rows()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// SummaryName returns the name of the file of the summary by by in format
// f of the files prefix: "prefix-by-source.csv" for a summary by source
// in CSV.
func SummaryName(prefix string, by summary.By, f summary.Format) string {
	return fmt.Sprintf("%s-by-%s.%s", prefix, by, f)
}

// writeFileFn writes its one element to the file Path.
type writeFileFn struct {
	Path string
}

// ProcessElement writes data to the file.
func (fn *writeFileFn) ProcessElement(ctx context.Context, data []byte) error {
	return writeFile(ctx, fn.Path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// summarize writes the summary of records, a PCollection of decoded
// article records, by by in format f to SummaryName(prefix, by, f).
func summarize(s beam.Scope, records beam.PCollection, prefix string, by summary.By, f summary.Format) {
	s = s.Scope("SummarizeBy" + string(by))
	rows := beam.Combine(s, &summaryFn{By: string(by), Format: string(f)}, records)
	beam.ParDo0(s, &writeFileFn{Path: SummaryName(prefix, by, f)}, rows)
}
