package cli

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// The progress bar is drawn with mpb rather than schollz/progressbar,
// which imports net/http: that links net/http, crypto/tls, crypto/x509
// and their kin into stancer, whose package initialization costs about
// 2.7 ms at every start, against about 0.5 ms for mpb.

const (
	// progressInterval is how often the progress bar is redrawn.
	progressInterval = 200 * time.Millisecond
	// barWidth is the width of the bar proper, in columns; the counts on
	// either side of it take what is left of the line.
	barWidth = 20
)

// console writes the messages of a run to standard error, one whole line
// at a time, and draws the progress bar, if any, on the line below them.
// It is safe for concurrent use.
type console struct {
	mu  sync.Mutex
	w   io.Writer
	bar *progressBar // nil while no bar is drawn
}

// printf writes a formatted message, which should end in a newline: at
// once while no bar is drawn, else above the bar, which is redrawn below
// it. Errors writing standard error are ignored: there is nowhere left
// to report them.
func (c *console) printf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bar == nil || !c.bar.print(msg) {
		io.WriteString(c.w, msg)
	}
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

// showProgress draws a progress bar of src on the console, from
// progressInterval on and redrawn every progressInterval, until the
// returned function is called; that function clears the bar, after the
// messages still pending above it, and returns once it is gone and
// nothing is left that could draw.
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
				c.drawBar(src, start)
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.bar != nil {
			c.bar.close()
			c.bar = nil
		}
	}
}

// drawBar redraws the bar, which it creates on the first call, with what
// src reports now, for a run that started at start.
func (c *console) drawBar(src progressSource, start time.Time) {
	articles, read, total := src.progress()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bar == nil {
		c.bar = newProgressBar(c.w, start)
	}
	c.bar.update(articles, read, total)
}

// progressBar is one mpb bar of the input bytes read, with the articles
// read on its left. mpb draws it, and the messages above it, only when
// asked to, by update and print, so that the bar shows what was polled
// last and a message shows at once.
type progressBar struct {
	p     *mpb.Progress
	bar   *mpb.Bar
	start time.Time
	// redraws asks mpb to draw. Its capacity is 1: a redraw pending
	// covers any number of requests made before it starts.
	redraws chan any
	// polled is what the last update was told, besides the bytes, which
	// the bar holds; it is read by mpb's goroutines.
	polled atomic.Pointer[poll]
}

// poll is the number of articles read by elapsed time into the run.
type poll struct {
	articles int64
	elapsed  time.Duration
}

// newProgressBar returns a bar drawn on w, which the caller knows to be
// a terminal or wants treated as one, for a run that started at start.
// The bar is not drawn before the first update.
func newProgressBar(w io.Writer, start time.Time) *progressBar {
	b := &progressBar{start: start, redraws: make(chan any, 1)}
	b.polled.Store(&poll{})
	b.p = mpb.New(
		mpb.WithOutput(w),
		mpb.ForceTTY(),
		mpb.WithManualRefresh(b.redraws),
	)
	b.bar = b.p.New(-1, byteFiller{mpb.BarStyle().Build(), mpb.SpinnerStyle().PositionLeft().Build()},
		mpb.BarWidth(barWidth),
		// The spaces around the bar proper are the decorators', so that
		// they stay when a narrow terminal leaves no room for the bar.
		mpb.BarFillerTrim(),
		mpb.PrependDecorators(decor.Any(func(decor.Statistics) string {
			last := b.polled.Load()
			return articlesText(last.articles, last.elapsed) + " "
		})),
		mpb.AppendDecorators(decor.Any(func(st decor.Statistics) string {
			return " " + bytesText(st.Current, st.Total, b.polled.Load().elapsed)
		})),
	)
	return b
}

// update sets the bar to articles and read of total bytes (-1: unknown),
// read by now, and redraws it.
func (b *progressBar) update(articles, read, total int64) {
	b.polled.Store(&poll{articles, time.Since(b.start)})
	if total > 0 {
		// Reading ends before analysing does: hold the bar short of full
		// until the run is over.
		read = min(read, total-1)
	}
	// The bar was made with total -1, so it never completes on its own:
	// its total here is only what it shows, 0 for unknown.
	b.bar.SetTotal(max(total, 0), false)
	b.bar.SetCurrent(read)
	b.redraw()
}

// print writes msg above the bar and redraws both. It reports false,
// writing nothing, if mpb has stopped drawing after an error writing
// its output.
func (b *progressBar) print(msg string) bool {
	if _, err := b.p.Write([]byte(msg)); err != nil {
		return false
	}
	b.redraw()
	return true
}

// redraw asks mpb to draw the messages written and the bar as it is now.
func (b *progressBar) redraw() {
	select {
	case b.redraws <- nil:
	default: // a redraw is pending, and will draw this too
	}
}

// close draws the messages still pending, removes the bar from the
// screen, and returns once mpb has done and no longer draws.
func (b *progressBar) close() {
	b.bar.Abort(true)
	b.p.Wait()
}

// byteFiller draws the bar proper: the share of the input read when its
// size is known and a spinner while it is not.
type byteFiller struct{ bar, spinner mpb.BarFiller }

// Build returns f: a byteFiller is its own mpb.BarFillerBuilder.
func (f byteFiller) Build() mpb.BarFiller { return f }

// Fill draws the bar for st on w.
func (f byteFiller) Fill(w io.Writer, st decor.Statistics) error {
	if st.Total > 0 {
		return f.bar.Fill(w, st)
	}
	st.RequestedWidth = 1
	return f.spinner.Fill(w, st)
}

// articlesText describes articles read in elapsed time:
// "120 articles, 35/s".
func articlesText(articles int64, elapsed time.Duration) string {
	return fmt.Sprintf("%d articles, %.0f/s", articles, float64(articles)/max(elapsed.Seconds(), 1e-3))
}

// bytesText describes read bytes of total (0: unknown) read in elapsed
// time: "25% 2.5 MB / 10.0 MB, 6s left", or "4.0 KB" while total is
// unknown. The share is rounded down, so that only a whole input shows
// 100%, and the time left is at the mean rate so far,
//
//	left = elapsed · (total − read) / read,
//
// shown once something is read.
func bytesText(read, total int64, elapsed time.Duration) string {
	if total <= 0 {
		return fmt.Sprintf("% .1f", decor.SizeB1000(read))
	}
	s := fmt.Sprintf("%d%% % .1f / % .1f", read*100/total, decor.SizeB1000(read), decor.SizeB1000(total))
	if read > 0 {
		left := time.Duration(float64(elapsed) * float64(total-read) / float64(read))
		s += ", " + left.Round(time.Second).String() + " left"
	}
	return s
}
