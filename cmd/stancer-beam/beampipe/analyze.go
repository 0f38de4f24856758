package beampipe

import (
	"bytes"
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/stancer/stancer/pipeline"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/summary"
)

func init() {
	register.DoFn5x1[context.Context, article, func([]byte), func(*summary.Record), func([]byte), error](&analyzeFn{})
	register.Emitter1[*summary.Record]()
}

// sharedPipeline loads the stancer pipeline once per worker process; every
// instance of analyzeFn in the process shares it, as a Pipeline is safe for
// concurrent use.
var sharedPipeline = sync.OnceValues(func() (*pipeline.Pipeline, error) {
	return pipeline.New(pipeline.Options{})
})

// batchPerWorker is the number of articles per analysis goroutine that
// analyzeFn gathers before analysing them together.
const batchPerWorker = 16

// analyzeFn analyses articles. For each one it emits, on its first output,
// the records that "stancer run --emit Emit" writes for it, one element per
// line (none for an article with no record of that kind, such as one
// without entities under --emit entities); when Summaries is set, on its
// second output, its article record decoded as summaries read it; and on
// its third,
// the error record of an article whose analysis failed or broke the output
// contract.
//
// A runner may hand a whole input to one bundle (Prism does), so the
// articles of a bundle are analysed in batches by Workers goroutines, and
// their records emitted once a batch is done.
type analyzeFn struct {
	// Emit is the kind of records to emit, an output.Emit.
	Emit string
	// Summaries says whether to emit article records for the summaries.
	Summaries bool
	// Workers is the number of goroutines analysing the articles of a
	// bundle; 0 means the number of CPUs of the worker.
	Workers int

	p        *pipeline.Pipeline
	records  *output.Encoder
	articles *output.Encoder // nil when records are article records
	workers  int
	batch    []*doc.Doc
}

// Setup loads the pipeline, or takes the one the process has loaded.
func (fn *analyzeFn) Setup() error {
	p, err := sharedPipeline()
	if err != nil {
		return fmt.Errorf("loading the stancer pipeline: %w", err)
	}
	emit, err := output.ParseEmit(fn.Emit)
	if err != nil {
		return err
	}
	meta := output.Meta{Version: pipeline.Version, Model: p.Model()}
	fn.p, fn.records = p, output.NewEncoder(emit, meta)
	if emit != output.Articles {
		fn.articles = output.NewEncoder(output.Articles, meta)
	}
	fn.workers = fn.Workers
	if fn.workers < 1 {
		fn.workers = runtime.NumCPU()
	}
	return nil
}

// ProcessElement adds a to the batch, and analyses the batch and emits its
// records once it is full.
func (fn *analyzeFn) ProcessElement(ctx context.Context, a article, emitRecords func([]byte), emitSummary func(*summary.Record), dead func([]byte)) error {
	fn.batch = append(fn.batch, a.doc())
	if len(fn.batch) < batchPerWorker*fn.workers {
		return nil
	}
	return fn.flush(ctx, emitRecords, emitSummary, dead)
}

// FinishBundle analyses the last batch of the bundle and emits its
// records.
func (fn *analyzeFn) FinishBundle(ctx context.Context, emitRecords func([]byte), emitSummary func(*summary.Record), dead func([]byte)) error {
	return fn.flush(ctx, emitRecords, emitSummary, dead)
}

// flush analyses the batch, emits the records of its articles in order,
// and empties it.
func (fn *analyzeFn) flush(ctx context.Context, emitRecords func([]byte), emitSummary func(*summary.Record), dead func([]byte)) error {
	analyzeAll(fn.p, fn.batch, fn.workers)
	for _, d := range fn.batch {
		if err := fn.emit(ctx, d, emitRecords, emitSummary, dead); err != nil {
			return err
		}
	}
	clear(fn.batch)
	fn.batch = fn.batch[:0]
	return nil
}

// analyzeAll analyses docs with p, on workers goroutines.
func analyzeAll(p *pipeline.Pipeline, docs []*doc.Doc, workers int) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(workers, len(docs)) {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < int64(len(docs)); i = next.Add(1) - 1 {
				p.Analyze(docs[i])
			}
		})
	}
	wg.Wait()
}

// emit emits the records of d, analysed, or its error record. As "stancer
// run" does, it counts an article written once its records are built, and
// failed when it goes to the dead letters.
func (fn *analyzeFn) emit(ctx context.Context, d *doc.Doc, emitRecords func([]byte), emitSummary func(*summary.Record), dead func([]byte)) error {
	var recs, art []byte
	var sum *summary.Record
	if d.Err == nil {
		recs, d.Err = fn.records.Append(nil, d)
	}
	if d.Err == nil && fn.Summaries {
		art = recs
		if fn.articles != nil {
			art, d.Err = fn.articles.Append(nil, d)
		}
	}
	if d.Err == nil && fn.Summaries {
		sum, d.Err = decodeRecord(art)
	}
	if d.Err != nil {
		return deadLetter(ctx, dead, d)
	}
	counters.written.Inc(ctx, 1)
	for line := range bytes.Lines(recs) {
		emitRecords(line)
	}
	if sum != nil {
		emitSummary(sum)
	}
	return nil
}

// analyze returns the records of articles, their decoded article records
// for summaries (none unless fn.Summaries), and the error records of the
// articles that failed.
func analyze(s beam.Scope, fn *analyzeFn, articles beam.PCollection) (records, forSummaries, dead beam.PCollection) {
	return beam.ParDo3(s.Scope("Analyze"), fn, articles)
}
