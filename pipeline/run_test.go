package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stancer/stancer/pipeline/doc"
)

// counter is a Source of n documents whose text is their number.
type counter struct {
	n, next int
	reads   atomic.Int64
}

func (c *counter) Next() (*doc.Doc, error) {
	if c.next == c.n {
		return nil, io.EOF
	}
	d := &doc.Doc{Seq: int64(c.next), Article: doc.Article{ID: fmt.Sprint(c.next), Text: fmt.Sprint(c.next)}}
	c.next++
	c.reads.Add(1)
	return d, nil
}

// collect is a Sink that records document ids, optionally failing or
// cancelling after some writes.
type collect struct {
	ids      []string
	failAt   int
	onWrite  func(n int)
	writeErr error
}

func (c *collect) Write(d *doc.Doc) error {
	if c.writeErr != nil && len(c.ids) == c.failAt {
		return c.writeErr
	}
	c.ids = append(c.ids, d.ID)
	if c.onWrite != nil {
		c.onWrite(len(c.ids))
	}
	return nil
}

// testPipeline builds a Pipeline with the given stages and no models.
func testPipeline(workers int, stages ...stage) *Pipeline {
	return &Pipeline{workers: workers, stages: stages}
}

// jitter sleeps longer for low-numbered documents, so that workers finish
// out of order.
func jitter(d *doc.Doc) {
	time.Sleep(time.Duration((d.Seq*7)%5) * 100 * time.Microsecond)
}

func TestRunKeepsInputOrder(t *testing.T) {
	want := make([]string, 200)
	for i := range want {
		want[i] = fmt.Sprint(i)
	}
	for _, workers := range []int{1, 2, 4, 8} {
		p := testPipeline(workers, stage{"jitter", jitter}, stage{"again", jitter})
		sink := &collect{}
		if err := p.Run(context.Background(), &counter{n: 200}, sink); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(sink.ids, want) {
			t.Fatalf("workers=%d: order %v", workers, sink.ids[:10])
		}
	}
}

func TestRunStopsOnCancelWithWholePrefix(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	src := &counter{n: 1_000_000}
	sink := &collect{onWrite: func(n int) {
		if n == 50 {
			cancel()
		}
	}}
	err := testPipeline(4, stage{"jitter", jitter}).Run(ctx, src, sink)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	for i, id := range sink.ids {
		if id != fmt.Sprint(i) {
			t.Fatalf("record %d is %s: not a prefix of the input", i, id)
		}
	}
	// Reading stops: at most the in-flight bound beyond what was written.
	if reads := src.reads.Load(); reads > int64(len(sink.ids))+4*4+8+1 {
		t.Errorf("read %d documents after writing %d", reads, len(sink.ids))
	}
}

func TestRunReturnsSinkError(t *testing.T) {
	boom := errors.New("disk full")
	sink := &collect{failAt: 10, writeErr: boom}
	err := testPipeline(2, stage{"jitter", jitter}).Run(context.Background(), &counter{n: 1000}, sink)
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if len(sink.ids) != 10 {
		t.Errorf("wrote %d records before failing, want 10", len(sink.ids))
	}
}

func TestRunBoundsDocumentsInFlight(t *testing.T) {
	var live, peak atomic.Int64
	enter := func(d *doc.Doc) {
		n := live.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
	}
	sink := &collect{onWrite: func(int) { live.Add(-1) }}
	if err := testPipeline(2, stage{"enter", enter}, stage{"jitter", jitter}).Run(context.Background(), &counter{n: 500}, sink); err != nil {
		t.Fatal(err)
	}
	if got, bound := peak.Load(), int64(4*2+8); got > bound {
		t.Errorf("%d documents in flight, bound is %d", got, bound)
	}
}

func TestAnalyzeTurnsPanicIntoDocumentError(t *testing.T) {
	reached := false
	p := testPipeline(1,
		stage{"broken", func(d *doc.Doc) { panic("index out of range") }},
		stage{"after", func(d *doc.Doc) { reached = true }})
	d := &doc.Doc{}
	p.Analyze(d)
	if d.Err == nil || d.Err.Error() != "internal error in the broken stage: index out of range" {
		t.Fatalf("Err = %v", d.Err)
	}
	if reached {
		t.Error("a stage ran after the document failed")
	}
}
