package cli

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// clearBar is what mpb writes before each redraw, and last, to clear the
// one-line bar: cursor up one line, then erase to the end of the screen.
const clearBar = "\x1b[1A\x1b[J"

// fixedProgress is a progressSource that reports constant numbers.
type fixedProgress struct{ articles, read, total int64 }

func (f fixedProgress) progress() (articles, read, total int64) {
	return f.articles, f.read, f.total
}

// syncBuffer is a bytes.Buffer that mpb's goroutines may write while the
// test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor polls buf until it contains s, failing the test after a few
// seconds, and returns what it holds.
func waitFor(t *testing.T, buf *syncBuffer, s string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		out := buf.String()
		if strings.Contains(out, s) {
			return out
		}
		if time.Now().After(deadline) {
			t.Fatalf("the console never showed %q; it shows %q", s, out)
		}
		time.Sleep(progressInterval / 4)
	}
}

// lastBar returns the last line of out that draws the bar.
func lastBar(out string) string {
	lines := strings.Split(out, "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], " articles, ") {
			_, bar, found := strings.Cut(lines[i], clearBar)
			if !found {
				bar = lines[i]
			}
			return bar
		}
	}
	return ""
}

// assertStopped checks that out, the output of a console whose bar was
// stopped, ends by clearing the bar, and that nothing is written later.
func assertStopped(t *testing.T, buf *syncBuffer) {
	t.Helper()
	out := buf.String()
	if !strings.HasSuffix(out, clearBar) {
		t.Errorf("the bar was not cleared at the end: %q", out)
	}
	time.Sleep(2 * progressInterval)
	if later := buf.String(); later != out {
		t.Errorf("the bar was drawn after stop: %q", later[len(out):])
	}
}

func TestProgressBar(t *testing.T) {
	tests := []struct {
		name string
		src  fixedProgress
		want []string // substrings of the bar; the last one shows when it is drawn
		not  []string
	}{
		{"known size", fixedProgress{articles: 120, read: 2_500_000, total: 10_000_000},
			[]string{"120 articles, ", "/s [", "25% 2.5 MB / 10.0 MB, ", "s left"}, nil},
		{"everything read, analysis going on", fixedProgress{articles: 7, read: 500, total: 500},
			[]string{"7 articles, ", "99% 499.0 b / 500.0 b"}, []string{"100%"}},
		{"unknown size", fixedProgress{articles: 3, read: 4_000, total: -1},
			[]string{"3 articles, ", "/s ", "4.0 KB"}, []string{"%", "[", "left"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf syncBuffer
			con := &console{w: &buf}
			stop := con.showProgress(tt.src)
			bar := lastBar(waitFor(t, &buf, tt.want[len(tt.want)-1]))
			for _, s := range tt.want {
				if !strings.Contains(bar, s) {
					t.Errorf("bar %q does not contain %q", bar, s)
				}
			}
			for _, s := range append(tt.not, "…") { // "…": cut short
				if strings.Contains(bar, s) {
					t.Errorf("bar %q contains %q", bar, s)
				}
			}

			con.printf("a message\n")
			out := waitFor(t, &buf, "a message\n")
			_, after, _ := strings.Cut(out, clearBar+"a message\n")
			if next, _, _ := strings.Cut(after, "\n"); !strings.HasPrefix(next, tt.want[0]) {
				t.Errorf("the message was not drawn on its own line above the bar: %q", out)
			}
			stop()
			assertStopped(t, &buf)
		})
	}
}

func TestConsoleMessages(t *testing.T) {
	var buf syncBuffer
	con := &console{w: &buf}
	stop := con.showProgress(fixedProgress{articles: 1, read: 10, total: 100})
	waitFor(t, &buf, " articles, ")
	for _, m := range []string{"first\n", "second\n", "third\n"} {
		con.printf("%s", m)
	}
	stop()
	assertStopped(t, &buf)
	con.printf("summary\n")

	out := buf.String()
	if got, want := messages(out), "first\nsecond\nthird\nsummary\n"; got != want {
		t.Errorf("the console shows the messages %q, want %q; its output: %q", got, want, out)
	}
	if !strings.HasSuffix(out, clearBar+"summary\n") {
		t.Errorf("the message after stop was not written on the cleared line: %q", out)
	}
}

// messages returns the lines of out that are not the bar, each whole.
func messages(out string) string {
	var b strings.Builder
	for _, s := range strings.SplitAfter(strings.ReplaceAll(out, clearBar, ""), "\n") {
		if !strings.Contains(s, " articles, ") {
			b.WriteString(s)
		}
	}
	return b.String()
}

func TestConsoleWithoutBar(t *testing.T) {
	var buf syncBuffer
	con := &console{w: &buf}
	con.printf("one %d\n", 1)
	if got := buf.String(); got != "one 1\n" {
		t.Errorf("with no bar, printf wrote %q, want %q at once", got, "one 1\n")
	}

	// Stopped before its first draw, the bar never shows.
	stop := con.showProgress(fixedProgress{articles: 1, read: 1, total: 2})
	con.printf("two\n")
	stop()
	con.printf("three\n")
	time.Sleep(2 * progressInterval)
	if got, want := buf.String(), "one 1\ntwo\nthree\n"; got != want {
		t.Errorf("a bar stopped before it was drawn left %q, want %q", got, want)
	}
}

func TestProgressText(t *testing.T) {
	tests := []struct {
		articles, read, total int64
		elapsed               time.Duration
		want                  string
	}{
		{120, 2_500_000, 10_000_000, 2 * time.Second, "120 articles, 60/s | 25% 2.5 MB / 10.0 MB, 6s left"},
		{7, 499, 500, 90 * time.Second, "7 articles, 0/s | 99% 499.0 b / 500.0 b, 0s left"},
		{0, 0, 1_500_000_000, 0, "0 articles, 0/s | 0% 0.0 b / 1.5 GB"},
		{9, 1_000, 61_000, time.Second, "9 articles, 9/s | 1% 1.0 KB / 61.0 KB, 1m0s left"},
		{3, 4_000, 0, time.Second, "3 articles, 3/s | 4.0 KB"},
	}
	for _, tt := range tests {
		got := articlesText(tt.articles, tt.elapsed) + " | " + bytesText(tt.read, tt.total, tt.elapsed)
		if got != tt.want {
			t.Errorf("progress of %d articles, %d of %d bytes in %v = %q, want %q",
				tt.articles, tt.read, tt.total, tt.elapsed, got, tt.want)
		}
	}
}
