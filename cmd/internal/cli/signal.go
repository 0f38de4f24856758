package cli

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// NotifyContext returns a copy of parent that is cancelled by the first
// SIGINT or SIGTERM, for Run to stop at; a second such signal kills the
// program at once. The returned stop function releases the signals.
//
// It also ignores SIGPIPE for the whole process, so that writing to a
// closed pipe on standard output fails with an error (EPIPE) that Run
// handles quietly, instead of killing the program before it has flushed
// the error file.
func NotifyContext(parent context.Context) (ctx context.Context, stop context.CancelFunc) {
	signal.Ignore(syscall.SIGPIPE)
	ctx, stop = signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop() // restore the default action for the next signal
	}()
	return ctx, stop
}

// cancelableReader is an io.Reader whose Read returns ctx's error as soon
// as ctx is done, even while a read of the underlying reader, such as a
// terminal waiting for input, is blocked. Each read goes through a
// goroutine into a buffer of its own; one left blocked by cancellation
// keeps that buffer, which nothing else touches afterwards.
type cancelableReader struct {
	ctx     context.Context
	r       io.Reader
	buf     []byte
	results chan readResult
}

// readResult is the outcome of one Read of the underlying reader.
type readResult struct {
	n   int
	err error
}

// newCancelableReader returns a reader of r that stops when ctx is done.
func newCancelableReader(ctx context.Context, r io.Reader) *cancelableReader {
	return &cancelableReader{ctx: ctx, r: r, results: make(chan readResult, 1)}
}

func (c *cancelableReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(c.buf) < len(p) {
		c.buf = make([]byte, len(p))
	}
	buf := c.buf[:len(p)]
	go func() {
		n, err := c.r.Read(buf)
		c.results <- readResult{n, err}
	}()
	select {
	case res := <-c.results:
		return copy(p, buf[:res.n]), res.err
	case <-c.ctx.Done():
		return 0, c.ctx.Err()
	}
}
