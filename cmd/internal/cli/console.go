package cli

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// progressInterval is how often the progress bar is redrawn.
const progressInterval = 200 * time.Millisecond

// console writes the messages of a run to standard error, one whole line
// at a time, and draws the progress bar, if any, on the line below them:
// a message first clears the bar, which the next tick redraws. It is safe
// for concurrent use.
type console struct {
	mu  sync.Mutex
	w   io.Writer
	bar *progressbar.ProgressBar // nil while no bar is drawn
	// barMax is the bar's maximum in bytes, or -1 for a bar of unknown
	// length.
	barMax int64
}

// printf writes a formatted message, which should end in a newline.
// Errors writing standard error are ignored: there is nowhere left to
// report them.
func (c *console) printf(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bar != nil {
		c.bar.Clear()
	}
	fmt.Fprintf(c.w, format, args...)
}

// isTerminal reports whether f is a terminal: an *os.File, or anything
// else with a file descriptor, that refers to one.
func isTerminal(f any) bool {
	fd, ok := f.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(int(fd.Fd()))
}

// progressSource is what the progress bar reports on.
type progressSource interface {
	// progress returns the number of articles read so far, the number of
	// input bytes read, and the total size of the input or -1 if unknown.
	progress() (articles, read, total int64)
}

// showProgress draws a progress bar of src on the console, redrawn every
// progressInterval, until the returned function is called; that function
// clears the bar and returns once it is gone.
func (c *console) showProgress(src progressSource) (stop func()) {
	start := time.Now()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(progressInterval)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				articles, read, total := src.progress()
				c.drawBar(articles, read, total, time.Since(start))
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.bar != nil {
			c.bar.Clear()
			c.bar = nil
		}
	}
}

// drawBar redraws the bar for articles read in elapsed time and read of
// total input bytes. The bar counts bytes, with a percentage and time
// left when the total is known; its description counts articles.
func (c *console) drawBar(articles, read, total int64, elapsed time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if total <= 0 {
		total = -1
	}
	if c.bar == nil || c.barMax != total {
		if c.bar != nil {
			c.bar.Clear()
		}
		c.bar, c.barMax = newBar(c.w, total), total
	}
	if total > 0 {
		// Reading ends before analysing does: hold the bar short of full,
		// which would make it vanish, until the run is over.
		read = min(read, total-1)
	}
	c.bar.Describe(fmt.Sprintf("%d articles, %.0f/s ", articles, float64(articles)/max(elapsed.Seconds(), 1e-3)))
	c.bar.Set64(read)
}

// newBar returns a progress bar of max bytes (-1: unknown) drawn on w. It
// redraws only when told to, from the console's goroutines, so it starts
// no goroutine of its own.
func newBar(w io.Writer, max int64) *progressbar.ProgressBar {
	return progressbar.NewOptions64(max,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetWidth(20),
		progressbar.OptionShowBytes(true),
		progressbar.OptionShowCount(),
		progressbar.OptionSetPredictTime(max > 0),
		progressbar.OptionSetSpinnerChangeInterval(0),
		progressbar.OptionUseANSICodes(true),
		progressbar.OptionClearOnFinish(),
	)
}
