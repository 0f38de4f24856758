package cli

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stancer/stancer/pipeline/bench"
	"github.com/stancer/stancer/pipeline/output"
)

// buildProgram builds the stancer program into dir and returns its path,
// skipping the test where there is no go command.
func buildProgram(tb testing.TB, dir string) string {
	tb.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		tb.Skip("no go command to build the program with")
	}
	bin := filepath.Join(dir, "stancer")
	build := exec.Command(goTool, "build", "-o", bin, "github.com/stancer/stancer/cmd/stancer")
	if out, err := build.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// BenchmarkFirstRecord measures the start-up of the program: it runs it on
// one article, as "stancer one.jsonl" does, and reports the median time
// from starting the process to the end of the first record on its output
// (what pipeline/bench calls the first-record time), as ns/first-record.
func BenchmarkFirstRecord(b *testing.B) {
	dir := b.TempDir()
	bin := buildProgram(b, dir)
	in := writeLines(b, dir, "one.jsonl", exampleLines(b, 1))
	var times []time.Duration
	for b.Loop() {
		res, err := bench.Measure(exec.Command(bin, in))
		if err != nil {
			b.Fatal(err)
		}
		if res.ExitCode != exitOK || res.Records != 1 {
			b.Fatalf("exit status %d, %d records: %s", res.ExitCode, res.Records, res.Stderr)
		}
		times = append(times, res.FirstRecord)
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2]), "ns/first-record")
}

// TestBinary builds the stancer program and runs it as a user would,
// checking what only a real process shows: signals, closed pipes, full
// disks. It is skipped in -short mode.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the program; skipped in -short mode")
	}
	dir := t.TempDir()
	bin := buildProgram(t, dir)

	t.Run("example articles", func(t *testing.T) {
		cmd := exec.Command(bin, examplesPath)
		stdout, stderr, code := runProcess(t, cmd)
		if code != exitOK {
			t.Fatalf("exit status %d\n%s", code, stderr)
		}
		records := checkRecords(t, "stdout", stdout, output.Articles)
		if len(records) != 5 || !strings.HasPrefix(records[0], `{"id":"ex-minister-2017",`) {
			t.Errorf("got %d records, the first %.40q; want the 5 example articles in order", len(records), records[0])
		}
		if !summaryRE.MatchString(stderr) || !strings.Contains(stderr, "read 5 articles, wrote 5, failed 0") {
			t.Errorf("stderr is not the summary of 5 articles:\n%s", stderr)
		}
	})

	t.Run("reader closes the pipe early", func(t *testing.T) {
		// Enough output to fill the pipe, so that the program is still
		// writing when the reader goes away.
		in := writeLines(t, dir, "many.jsonl", exampleLines(t, 400))
		cmd := exec.Command(bin, in)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		pipe, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		first, err := bufio.NewReader(pipe).ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		pipe.Close() // as "| head -1" does
		code := exitCodeOf(t, cmd.Wait())
		checkRecords(t, "first line", first, output.Articles)
		if code != exitOK || stderr.Len() > 0 {
			t.Errorf("exit status %d, stderr %q; want 0 and nothing", code, stderr.String())
		}
	})

	t.Run("full disk", func(t *testing.T) {
		full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
		if err != nil {
			t.Skip("no /dev/full here")
		}
		defer full.Close()
		cmd := exec.Command(bin, examplesPath)
		cmd.Stdout = full
		_, stderr, code := runProcess(t, cmd)
		if code != exitFailure || !strings.Contains(stderr, "no space left on device") {
			t.Errorf("exit status %d, stderr %q; want 1 and a message naming the failure", code, stderr)
		}
	})

	t.Run("interrupt", func(t *testing.T) {
		lines := exampleLines(t, 5000)
		in := writeLines(t, dir, "large.jsonl", lines)
		stdout, stderr, code := interruptMidRun(t, exec.Command(bin, "--workers", "2", in))
		if code != exitInterrupted || !strings.HasSuffix(stderr, "stancer: interrupted\n") {
			t.Fatalf("exit status %d, stderr %q; want %d and the interruption", code, stderr, exitInterrupted)
		}
		got := checkRecords(t, "stdout", stdout, output.Articles)
		if len(got) == 0 || len(got) >= len(lines) {
			t.Fatalf("the interrupted run wrote %d of %d records; want some, not all", len(got), len(lines))
		}
		// Records depend only on their article, so the full run's output
		// starts with that of its first len(got) articles.
		head := writeLines(t, dir, "head.jsonl", lines[:len(got)])
		want, stderr, code := runProcess(t, exec.Command(bin, head))
		if code != exitOK {
			t.Fatalf("run on the first %d articles: exit status %d\n%s", len(got), code, stderr)
		}
		if stdout != want {
			t.Errorf("the interrupted output is not a prefix of the full output")
		}
	})
}

// runProcess runs cmd and returns its stdout, stderr and exit status.
func runProcess(t *testing.T, cmd *exec.Cmd) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	if cmd.Stdout == nil {
		cmd.Stdout = &out
	}
	cmd.Stderr = &errOut
	code = exitCodeOf(t, cmd.Run())
	return out.String(), errOut.String(), code
}

// interruptMidRun starts cmd, sends it SIGINT once it has written some
// output, and returns all it wrote and its exit status.
func interruptMidRun(t *testing.T, cmd *exec.Cmd) (stdout, stderr string, code int) {
	t.Helper()
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(time.Minute, func() { cmd.Process.Kill() })
	defer timer.Stop()
	var out bytes.Buffer
	if _, err := io.CopyN(&out, pipe, 1); err != nil {
		t.Fatalf("no output before the interrupt: %v", err)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(&out, pipe); err != nil {
		t.Fatal(err)
	}
	code = exitCodeOf(t, cmd.Wait())
	return out.String(), errOut.String(), code
}

// exitCodeOf returns the exit status that err, from running a command,
// stands for.
func exitCodeOf(t *testing.T, err error) int {
	t.Helper()
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	t.Fatal(err)
	return -1
}
