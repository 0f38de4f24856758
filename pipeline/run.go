package pipeline

import (
	"context"
	"errors"
	"io"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/sync/semaphore"

	"github.com/stancer/stancer/pipeline/doc"
)

// Source yields documents in input order; Next returns io.EOF after the
// last one. A document that could not be read comes with Err set.
type Source interface {
	Next() (*doc.Doc, error)
}

// Sink receives every document in input order, analysed, or with Err set
// when it failed.
type Sink interface {
	Write(d *doc.Doc) error
}

// A Flusher is a Sink that buffers what it writes. Run calls Flush whenever
// it has written every document that is ready and must wait for the next,
// so that records reach the reader as soon as they exist while a fast run
// still writes in large blocks.
type Flusher interface {
	Sink
	Flush() error
}

// maxInFlightText bounds the text bytes of the documents in flight in Run.
// Analysis holds about a hundred bytes of memory per byte of text, so a few
// mebibytes of text in flight keep a run of very long articles within a few
// hundred mebibytes, while articles of ordinary length are bounded by their
// number alone.
const maxInFlightText = 4 << 20

// Run reads every document from src, analyses it, and writes it to sink in
// input order, until src is exhausted, ctx is cancelled, or src or sink
// fails. Each stage runs as p's Workers goroutines; stages are joined by
// channels of Workers slots, and at most 4·Workers+8 documents, holding at
// most 4 MiB of text together unless one alone is longer, are in flight at
// once, so memory stays bounded whatever the input size. The first
// document goes through alone, for the first record to come out as soon as
// it can.
//
// On cancellation Run stops reading, lets no partial document through, and
// returns ctx's error; every document written before is whole. A failure of
// src or sink is returned as is.
func (p *Pipeline) Run(ctx context.Context, src Source, sink Sink) error {
	g, ctx := errgroup.WithContext(ctx)
	inFlight := make(chan struct{}, 4*p.workers+8)
	text := semaphore.NewWeighted(maxInFlightText)

	read := make(chan *doc.Doc, p.workers)
	// firstOut is closed once the first document has been written: until
	// then the reader holds back the rest, so that the first record is not
	// slowed by the analysis of those behind it.
	firstOut := make(chan struct{})
	g.Go(func() error {
		defer close(read)
		for sent := 0; ; sent++ {
			if sent == 1 {
				select {
				case <-firstOut:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			select {
			case inFlight <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			d, err := src.Next()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			if err := text.Acquire(ctx, textWeight(d)); err != nil {
				return err
			}
			select {
			case read <- d:
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	})

	var in <-chan *doc.Doc = read
	for _, s := range p.stages {
		in = s.start(ctx, g, in, p.workers)
	}

	var closeFirst sync.Once
	g.Go(func() error {
		return writeInOrder(ctx, in, sink, func(d *doc.Doc) {
			text.Release(textWeight(d))
			<-inFlight
			closeFirst.Do(func() { close(firstOut) })
		})
	})
	return g.Wait()
}

// textWeight is the share of maxInFlightText that d takes while in flight:
// its text length, at least 1 and at most all of it.
func textWeight(d *doc.Doc) int64 {
	return min(max(int64(len(d.Text)), 1), maxInFlightText)
}

// start launches workers goroutines applying s to the documents from in and
// returns the channel they send results on, closed when all are done.
func (s stage) start(ctx context.Context, g *errgroup.Group, in <-chan *doc.Doc, workers int) <-chan *doc.Doc {
	out := make(chan *doc.Doc, workers)
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		g.Go(func() error {
			defer wg.Done()
			for d := range in {
				s.apply(d)
				select {
				case out <- d:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		wg.Wait()
		close(out)
		return nil
	})
	return out
}

// writeInOrder writes documents from in to sink by increasing Seq, holding
// early arrivals until their turn, and calls done with each document
// written. Before it waits for a document it flushes sink, if sink is a
// Flusher.
func writeInOrder(ctx context.Context, in <-chan *doc.Doc, sink Sink, done func(*doc.Doc)) error {
	flusher, _ := sink.(Flusher)
	pending := make(map[int64]*doc.Doc)
	var next int64
	for {
		var d *doc.Doc
		var ok bool
		select {
		case d, ok = <-in:
		default:
			if flusher != nil {
				if err := flusher.Flush(); err != nil {
					return err
				}
			}
			d, ok = <-in
		}
		if !ok {
			return ctx.Err()
		}
		pending[d.Seq] = d
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := sink.Write(d); err != nil {
				return err
			}
			delete(pending, next)
			next++
			done(d)
		}
	}
}
