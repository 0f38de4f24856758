package cli

import (
	"errors"
	"flag"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParseSize(t *testing.T) {
	tests := []struct {
		in      string
		want    int64
		wantErr string
	}{
		{in: "65536", want: 65536},
		{in: "100B", want: 100},
		{in: "16MiB", want: 16 << 20},
		{in: "16M", want: 16 << 20},
		{in: "16mib", want: 16 << 20},
		{in: "1GB", want: 1_000_000_000},
		{in: "1 GiB", want: 1 << 30},
		{in: "1.5k", want: 1536},
		{in: "2.5KB", want: 2500},
		{in: "1TB", want: 1_000_000_000_000},
		{in: "1.0001", want: 1},
		{in: "", wantErr: "not a number"},
		{in: "MB", wantErr: "not a number"},
		{in: "1..5MB", wantErr: "not a number"},
		{in: "-1", wantErr: "unknown unit"},
		{in: "1e6", wantErr: "unknown unit"},
		{in: "12XB", wantErr: "unknown unit \"XB\""},
		{in: "0", wantErr: "out of range"},
		{in: "0.5", wantErr: "out of range"},
		{in: "9000000TiB", wantErr: "out of range"},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		switch {
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("parseSize(%q) = %d, %v; want an error with %q", tt.in, got, err, tt.wantErr)
		case tt.wantErr == "" && (err != nil || got != tt.want):
			t.Errorf("parseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseFlagsInterspersed(t *testing.T) {
	tests := []struct {
		args     []string
		operands []string
		emit     string
		quiet    bool
	}{
		{[]string{"a", "--emit", "sentences", "b"}, []string{"a", "b"}, "sentences", false},
		{[]string{"--quiet", "-", "-emit=entities"}, []string{"-"}, "entities", true},
		{[]string{"a", "--", "-q", "--emit", "b"}, []string{"a", "-q", "--emit", "b"}, "articles", false},
		{[]string{"--", "--"}, []string{"--"}, "articles", false},
		{nil, nil, "articles", false},
	}
	for _, tt := range tests {
		cfg, err := parseRun(tt.args)
		if err != nil {
			t.Errorf("parseRun(%q): %v", tt.args, err)
			continue
		}
		if !slices.Equal(cfg.paths, tt.operands) || string(cfg.emit) != tt.emit || cfg.quiet != tt.quiet {
			t.Errorf("parseRun(%q) = operands %q, emit %s, quiet %v; want %q, %s, %v",
				tt.args, cfg.paths, cfg.emit, cfg.quiet, tt.operands, tt.emit, tt.quiet)
		}
	}
}

func TestParseFlagsErrors(t *testing.T) {
	if _, err := parseRun([]string{"a", "-h"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h gives %v, want flag.ErrHelp", err)
	}
	var ue *usageError
	if _, err := parseRun([]string{"--workers", "-2"}); !errors.As(err, &ue) || ue.cmd != defaultCommand {
		t.Errorf("--workers -2 gives %v, want a usage error of the run command", err)
	}
}

// TestHelpMentionsEveryFlag keeps the hand-written help of the run command
// in step with its flags: each has a line of the flag list, "  --name" or
// "  -n, --name".
func TestHelpMentionsEveryFlag(t *testing.T) {
	runFlags(&runConfig{}).VisitAll(func(f *flag.Flag) {
		line := `(?m)^  (-[a-z], )?--` + regexp.QuoteMeta(f.Name) + `\b`
		if len(f.Name) == 1 {
			line = `(?m)^  -` + f.Name + `, --`
		}
		if !regexp.MustCompile(line).MatchString(runHelp) {
			t.Errorf("the help of run has no line for the flag %s", f.Name)
		}
	})
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		if !strings.HasPrefix(c.help, "Usage: stancer") || !strings.Contains(overviewText(), "  "+c.name+" ") || c.summary == "" {
			t.Errorf("command %q lacks a help starting with its usage, or a line in the overview", c.name)
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		read, wrote, failed, bytes int64
		elapsed                    time.Duration
		want                       string
	}{
		{5, 4, 1, 2_000_000, 2 * time.Second,
			"stancer: read 5 articles, wrote 4, failed 1 in 2.0s (2 articles/s, 1.0 MB/s)"},
		{1, 1, 0, 500, 250 * time.Millisecond,
			"stancer: read 1 article, wrote 1, failed 0 in 0.2s (4 articles/s, 0.0 MB/s)"},
		{153000, 153000, 0, 12_300_000_000, 90 * time.Second,
			"stancer: read 153000 articles, wrote 153000, failed 0 in 1m30s (1700 articles/s, 136.7 MB/s)"},
		{0, 0, 0, 0, 0,
			"stancer: read 0 articles, wrote 0, failed 0 in 0.0s (0 articles/s, 0.0 MB/s)"},
	}
	for _, tt := range tests {
		if got := summary(tt.read, tt.wrote, tt.failed, tt.bytes, tt.elapsed); got != tt.want {
			t.Errorf("summary(%d, %d, %d, %d, %v) =\n%s\nwant\n%s", tt.read, tt.wrote, tt.failed, tt.bytes, tt.elapsed, got, tt.want)
		}
	}
}

// FuzzParseSize checks that parseSize never panics, accepts only positive
// sizes, and reads a plain number of bytes exactly.
func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"16MiB", "1.5GB", "100", "0", "1e9", " 2 kb ", "9.9.9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := parseSize(s)
		if err != nil {
			return
		}
		if n < 1 {
			t.Fatalf("parseSize(%q) = %d, not positive", s, n)
		}
		if plain, perr := strconv.ParseInt(strings.TrimSpace(s), 10, 64); perr == nil && plain < 1<<53 && plain != n {
			t.Fatalf("parseSize(%q) = %d, want %d", s, n, plain)
		}
	})
}
