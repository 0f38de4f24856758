package pipeline

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stancer/stancer/pipeline/doc"
)

// counter is a Source of n documents whose text is their number, or text
// when it is set.
type counter struct {
	n, next int
	text    string
	reads   atomic.Int64
}

func (c *counter) Next() (*doc.Doc, error) {
	if c.next == c.n {
		return nil, io.EOF
	}
	d := &doc.Doc{Seq: int64(c.next), Article: doc.Article{ID: fmt.Sprint(c.next), Text: cmp.Or(c.text, fmt.Sprint(c.next))}}
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

// peakInFlight runs src through a pipeline of two workers and returns the
// largest number of documents seen in flight at once, from the first stage
// to the sink.
func peakInFlight(t *testing.T, src Source) int64 {
	t.Helper()
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
	if err := testPipeline(2, stage{"enter", enter}, stage{"jitter", jitter}).Run(context.Background(), src, sink); err != nil {
		t.Fatal(err)
	}
	return peak.Load()
}

func TestRunBoundsDocumentsInFlight(t *testing.T) {
	tests := []struct {
		name  string
		src   *counter
		bound int64
	}{
		{"short texts: 4·workers+8", &counter{n: 500}, 4*2 + 8},
		{"1.5 MiB texts: two fit in the text budget", &counter{n: 20, text: strings.Repeat("x", 3<<19)}, 2},
		{"texts longer than the budget: one at a time", &counter{n: 6, text: strings.Repeat("x", 5<<20)}, 1},
	}
	for _, tt := range tests {
		if got := peakInFlight(t, tt.src); got > tt.bound {
			t.Errorf("%s: %d documents in flight, bound is %d", tt.name, got, tt.bound)
		}
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

// stalling is a Source of two documents that then waits for resume before
// it reports the end of its input, as a pipe does while its writer is slow.
type stalling struct {
	counter
	resume <-chan struct{}
}

func (s *stalling) Next() (*doc.Doc, error) {
	if s.next == s.n {
		<-s.resume
	}
	return s.counter.Next()
}

// flushing is a Sink that buffers ids until Flush, and reports on flushed
// the ids that a Flush made visible.
type flushing struct {
	buffered []string
	flushed  chan []string
}

func (f *flushing) Write(d *doc.Doc) error {
	f.buffered = append(f.buffered, d.ID)
	return nil
}

func (f *flushing) Flush() error {
	if len(f.buffered) > 0 {
		f.flushed <- f.buffered
		f.buffered = nil
	}
	return nil
}

func TestRunFlushesWhileInputStalls(t *testing.T) {
	resume := make(chan struct{})
	src := &stalling{counter: counter{n: 2}, resume: resume}
	sink := &flushing{flushed: make(chan []string, 1)}
	done := make(chan error, 1)
	go func() { done <- testPipeline(2).Run(context.Background(), src, sink) }()

	// Both documents must reach the sink's reader while the input stalls.
	var got []string
	for len(got) < 2 {
		select {
		case ids := <-sink.flushed:
			got = append(got, ids...)
		case <-time.After(10 * time.Second):
			close(resume)
			t.Fatalf("records %v flushed while the input stalled, want [0 1]", got)
		}
	}
	close(resume)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"0", "1"}) {
		t.Errorf("flushed %v, want [0 1]", got)
	}
}

// TestRunFirstDocumentAlone checks that Run reads no second document
// before the first is written, and then reads and writes the rest.
func TestRunFirstDocumentAlone(t *testing.T) {
	src := &counter{n: 20}
	var readsAtFirstWrite int64
	sink := &collect{onWrite: func(n int) {
		if n == 1 {
			readsAtFirstWrite = src.reads.Load()
		}
	}}
	slow := stage{"slow", func(*doc.Doc) { time.Sleep(time.Millisecond) }}
	if err := testPipeline(4, slow, slow).Run(context.Background(), src, sink); err != nil {
		t.Fatal(err)
	}
	if readsAtFirstWrite != 1 {
		t.Errorf("%d documents read when the first was written, want 1", readsAtFirstWrite)
	}
	if len(sink.ids) != src.n {
		t.Errorf("%d documents written, want %d", len(sink.ids), src.n)
	}
}
