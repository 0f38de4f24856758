package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stancer/stancer/pipeline/output"
)

// examplesPath is the file of example articles shipped with stancer.
var examplesPath = filepath.Join("..", "..", "..", "testdata", "examples", "articles.jsonl")

// exampleLines returns n JSON Lines articles: the example articles over
// and over, each copy with its own id ("ex-...#3").
func exampleLines(t testing.TB, n int) []string {
	t.Helper()
	f, err := os.Open(examplesPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var examples []map[string]any
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var a map[string]any
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("%s: %v", examplesPath, err)
		}
		examples = append(examples, a)
	}
	if err := sc.Err(); err != nil || len(examples) == 0 {
		t.Fatalf("%s: %v, %d articles", examplesPath, err, len(examples))
	}
	lines := make([]string, n)
	for i := range lines {
		a := examples[i%len(examples)]
		a["id"] = fmt.Sprintf("%s#%d", strings.Split(a["id"].(string), "#")[0], i)
		line, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		lines[i] = string(line)
	}
	return lines
}

// writeLines writes lines, each ending in a newline, to a new file in dir.
func writeLines(t testing.TB, dir, name string, lines []string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestOutputIndependentOfWorkers(t *testing.T) {
	path := writeLines(t, t.TempDir(), "in.jsonl", exampleLines(t, 40))
	for _, emit := range []string{"articles", "sentences", "entities"} {
		var outs [2]string
		for i, workers := range []string{"1", "4"} {
			code, stdout, stderr := runCLI(t, context.Background(), []string{"-q", "--emit", emit, "--workers", workers, path}, nil)
			if code != exitOK {
				t.Fatalf("--emit %s --workers %s: exit status %d\n%s", emit, workers, code, stderr)
			}
			checkRecords(t, "stdout", stdout, output.Emit(emit))
			outs[i] = stdout
		}
		if outs[0] != outs[1] {
			t.Errorf("--emit %s: the output of --workers 1 and --workers 4 differ", emit)
		}
	}
}

// summaryRE matches the summary line and captures its three counts.
var summaryRE = regexp.MustCompile(`stancer: read (\d+) articles?, wrote (\d+), failed (\d+) in \S+ \(\d+ articles/s, [\d.]+ MB/s\)\n`)

// TestEveryArticleInOnePlace checks the promise that nothing is lost: each
// input article ends up in exactly one of the output and the error file,
// and the summary counts agree.
func TestEveryArticleInOnePlace(t *testing.T) {
	dir := t.TempDir()
	good := exampleLines(t, 30)
	bad := []string{
		`{"id": "no-text"}`,
		`{"id": "wrong-type", "text": 42}`,
		`["an", "array"]`,
		`{"id": "cut-short", "text": "The minister`,
		`not json at all`,
		`{"id": "too-long", "text": "` + strings.Repeat("encryption ", 1000) + `"}`,
	}
	// Interleave: line i+1 of the input is lines[i].
	var lines []string
	wantOut := make(map[string]int) // article id -> input line
	wantErr := make(map[int]bool)   // input lines that must fail
	for i, g := range good {
		lines = append(lines, g)
		var a struct{ ID string }
		if err := json.Unmarshal([]byte(g), &a); err != nil {
			t.Fatal(err)
		}
		wantOut[a.ID] = len(lines)
		if i%5 == 2 && len(bad) > 0 {
			lines = append(lines, bad[0])
			bad = bad[1:]
			wantErr[len(lines)] = true
		}
	}
	in := writeLines(t, dir, "in.jsonl", lines)
	errPath := filepath.Join(dir, "errors.jsonl")

	code, stdout, stderr := runCLI(t, context.Background(), []string{"--errors", errPath, "--max-bytes", "8KiB", in}, nil)
	if code != exitFailure {
		t.Errorf("exit status %d, want %d", code, exitFailure)
	}
	placed := make(map[int]string) // input line -> where it ended up
	place := func(line int, where string) {
		if prev, ok := placed[line]; ok {
			t.Errorf("input line %d is both in %s and in %s", line, prev, where)
		}
		placed[line] = where
	}
	for _, rec := range checkRecords(t, "stdout", stdout, output.Articles) {
		var a struct{ ID string }
		if err := json.Unmarshal([]byte(rec), &a); err != nil {
			t.Fatal(err)
		}
		line, ok := wantOut[a.ID]
		if !ok {
			t.Errorf("unexpected article %q in the output", a.ID)
		}
		place(line, "the output")
	}
	for _, rec := range checkErrorRecords(t, readFile(t, errPath)) {
		var e struct{ Input, Error string }
		if err := json.Unmarshal([]byte(rec), &e); err != nil {
			t.Fatal(err)
		}
		line, err := strconv.Atoi(strings.TrimPrefix(e.Input, in+":"))
		if err != nil || !wantErr[line] {
			t.Errorf("unexpected error record for %q: %s", e.Input, e.Error)
		}
		place(line, "the error file")
	}
	for i := range lines {
		if _, ok := placed[i+1]; !ok {
			t.Errorf("input line %d is nowhere", i+1)
		}
	}

	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no summary line in stderr:\n%s", stderr)
	}
	want := []string{strconv.Itoa(len(lines)), strconv.Itoa(len(wantOut)), strconv.Itoa(len(wantErr))}
	if got := m[1:]; !equalStrings(got, want) {
		t.Errorf("summary counts read, wrote, failed = %v, want %v", got, want)
	}
	if strings.Count(stderr, "\n") != 1 {
		t.Errorf("stderr holds more than the summary although failures go to the error file:\n%s", stderr)
	}
}

// equalStrings reports whether a and b hold the same strings in order.
func equalStrings(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

// TestInterruptWhileWaitingForInput checks that a cancelled run ends at
// once with status 130, even while standard input has nothing to read.
func TestInterruptWhileWaitingForInput(t *testing.T) {
	stdin, w := io.Pipe() // never written: reads block
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	done := make(chan struct{})
	var (
		code           int
		stdout, stderr string
	)
	go func() {
		defer close(done)
		code, stdout, stderr = runCLI(t, ctx, nil, stdin)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the run did not stop after its context was cancelled")
	}
	if code != exitInterrupted {
		t.Errorf("exit status %d, want %d", code, exitInterrupted)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	for _, want := range []string{"read 0 articles, wrote 0, failed 0", "stancer: interrupted\n"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not contain %q:\n%s", want, stderr)
		}
	}
}

func TestCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code, stdout, stderr := runCLI(t, ctx, []string{examplesPath}, nil)
	if code != exitInterrupted || stdout != "" || stderr != "stancer: interrupted\n" {
		t.Errorf("got status %d, stdout %q, stderr %q; want %d, nothing, the interruption", code, stdout, stderr, exitInterrupted)
	}
}

// TestClosedOutputPipe checks that a reader that goes away (as "| head -1"
// does) ends the run quietly with status 0.
func TestClosedOutputPipe(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close()
	defer w.Close()
	var stderr strings.Builder
	code := Run(context.Background(), []string{examplesPath}, nil, w, &stderr)
	if code != exitOK || stderr.Len() > 0 {
		t.Errorf("exit status %d, stderr %q; want 0 and nothing", code, stderr.String())
	}
}

func TestWriteFailure(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	for _, args := range [][]string{
		{"-o", "/dev/full", examplesPath},
		{"--errors", "/dev/full", examplesPath, "no-such-file"},
	} {
		code, _, stderr := runCLI(t, context.Background(), args, nil)
		if code != exitFailure {
			t.Errorf("%v: exit status %d, want %d", args, code, exitFailure)
		}
		for _, want := range []string{"/dev/full", "no space left on device"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%v: stderr does not contain %q:\n%s", args, want, stderr)
			}
		}
		if strings.Contains(stderr, "stancer: read ") {
			t.Errorf("%v: a summary after a failed write:\n%s", args, stderr)
		}
	}
}

// BenchmarkRun measures the whole run command in-process, from reading a
// JSON Lines file to writing the records, in articles per second.
func BenchmarkRun(b *testing.B) {
	const n = 200
	path := writeLines(b, b.TempDir(), "in.jsonl", exampleLines(b, n))
	args := []string{"-q", path}
	if code := Run(context.Background(), args, nil, io.Discard, io.Discard); code != exitOK {
		b.Fatalf("exit status %d", code) // the models load here, untimed
	}
	for b.Loop() {
		Run(context.Background(), args, nil, io.Discard, io.Discard)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
}
