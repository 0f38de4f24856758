package cli

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// fixedProgress is a progressSource that reports constant numbers.
type fixedProgress struct{ articles, read, total int64 }

func (f fixedProgress) progress() (articles, read, total int64) {
	return f.articles, f.read, f.total
}

// waitFor polls the console's output until it contains s, failing the
// test after a few seconds, and returns the output.
func waitFor(t *testing.T, con *console, buf *bytes.Buffer, s string) string {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		con.mu.Lock()
		out := buf.String()
		con.mu.Unlock()
		if strings.Contains(out, s) {
			return out
		}
		if time.Now().After(deadline) {
			t.Fatalf("the console never showed %q; it shows %q", s, out)
		}
		time.Sleep(progressInterval / 4)
	}
}

func TestProgressBar(t *testing.T) {
	const clearLine = "\x1b[2K\r"
	tests := []struct {
		name string
		src  fixedProgress
		want []string // substrings of the bar
		not  []string
	}{
		{"known size", fixedProgress{articles: 120, read: 2_500_000, total: 10_000_000},
			[]string{"120 articles, ", "25%", "2.5/10 MB"}, nil},
		{"everything read, analysis going on", fixedProgress{articles: 7, read: 500, total: 500},
			[]string{"7 articles", "99%"}, []string{"100%"}},
		{"unknown size", fixedProgress{articles: 3, read: 4_000, total: -1},
			[]string{"3 articles, ", "4.0 kB"}, []string{"%"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			con := &console{w: &buf}
			stop := con.showProgress(tt.src)
			bar := waitFor(t, con, &buf, "articles")
			bar = waitFor(t, con, &buf, tt.want[len(tt.want)-1])
			for _, s := range tt.want {
				if !strings.Contains(bar, s) {
					t.Errorf("bar %q does not contain %q", bar, s)
				}
			}
			for _, s := range tt.not {
				if strings.Contains(bar, s) {
					t.Errorf("bar %q contains %q", bar, s)
				}
			}

			con.printf("a message\n")
			out := waitFor(t, con, &buf, "a message\n")
			if !strings.HasSuffix(out, clearLine+"a message\n") {
				t.Errorf("the bar was not cleared before the message: %q", out)
			}
			stop()
			if out := buf.String(); !strings.HasSuffix(out, clearLine) {
				t.Errorf("the bar was not cleared at the end: %q", out)
			}
			n := buf.Len()
			time.Sleep(2 * progressInterval)
			if buf.Len() != n {
				t.Errorf("the bar was drawn after stop: %q", buf.String()[n:])
			}
		})
	}
}
