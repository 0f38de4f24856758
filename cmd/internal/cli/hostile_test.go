package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"

	"github.com/stancer/stancer/pipeline/output"
)

// bigInputsEnv names the environment variable that, set to 1, adds to
// TestHostile the cases that analyse very large articles. They take
// minutes, so "make test" leaves them out.
const bigInputsEnv = "STANCER_BIG_INPUTS"

// hostileTimeout bounds one run of the program: a run that takes longer is
// taken to hang, killed, and fails its test.
const hostileTimeout = 5 * time.Minute

// maxResident is the most resident memory, in bytes, that one run of the
// program may take, whatever its input.
const maxResident = 1 << 30

// goodText is the text of every good article around a hostile input.
const goodText = "The minister said encrypted apps must give police a way in. Signal said it would never weaken its encryption."

// A hostileCase is one hostile input, given to the program between two
// files of good articles (ids before-1, before-2 and after-1, after-2). In
// written, errInput and warnID, "$BAD" stands for the path of the hostile
// file.
type hostileCase struct {
	name string
	// file is the name of the hostile file.
	file string
	// data writes the content of the file; nil leaves the file missing.
	data func(w io.Writer) error
	// unreadable makes the file unreadable to the program.
	unreadable bool
	// big marks a case that runs only when bigInputsEnv is 1.
	big bool

	// exit is the expected exit status.
	exit int
	// written lists the ids of the articles of the file that the output
	// holds, in order.
	written []string
	// errInput is the "input" of the one error record, naming the file
	// and, for JSON Lines, the line; "" when no article fails.
	errInput string
	// errText is a substring of the error of that record.
	errText string
	// warnID is the id of an output record whose warnings hold warn.
	warnID, warn string
}

// hostileCases are the hostile inputs of TestHostile.
var hostileCases = []hostileCase{
	{name: "invalid JSON", file: "bad.jsonl", data: around(`{"id": "x", "text": "unclosed`),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: "invalid JSON"},
	{name: "JSON array", file: "bad.jsonl", data: around(`["text", "an array"]`),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: "not a JSON object"},
	{name: "JSON string", file: "bad.jsonl", data: around(`"text"`),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: "not a JSON object"},
	{name: "text missing", file: "bad.jsonl", data: around(`{"id": "x", "body": "The minister spoke."}`),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: `field "text" is missing`},
	{name: "text null", file: "bad.jsonl", data: around(`{"id": "x", "text": null}`),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: `field "text" is null`},
	{name: "text a number", file: "bad.jsonl", data: around(`{"id": "x", "text": 42}`),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: `field "text" is`},
	{name: "text an array", file: "bad.jsonl", data: around(`{"id": "x", "text": ["The minister spoke."]}`),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: `field "text" is`},
	{name: "200000 open brackets", file: "bad.jsonl", data: around(strings.Repeat("[", 200000)),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: "max depth"},
	{name: "200000 nested brackets in a field", file: "bad.jsonl", data: around(`{"id": "x", "text": "Deep.", "extra": ` + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "}"),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: "max depth"},
	{name: "invalid UTF-8", file: "bad.jsonl", data: around("{\"id\": \"odd\", \"text\": \"Caf\xe9 owners \xff\xfe said encryption \xe2\x80 matters.\"}"),
		exit: 0, written: []string{"in-1", "odd", "in-3"}, warnID: "odd", warn: "UTF-8"},
	{name: "raw NUL and control bytes", file: "bad.jsonl", data: around("{\"id\": \"x\", \"text\": \"The\x00 minister\x07 said\x1b[0m so.\"}"),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: "invalid JSON"},
	{name: "escaped NUL and control characters", file: "odd.jsonl", data: around(`{"id": "odd", "text": "The\u0000 minister\u0007 said\u001b[0m so.\u007f"}`),
		exit: 0, written: []string{"in-1", "odd", "in-3"}},
	{name: "byte-order mark", file: "odd.jsonl", data: concat(bytesOf("\ufeff"), around(`{"id": "odd", "text": "A BOM started the file."}`)),
		exit: 0, written: []string{"in-1", "odd", "in-3"}},
	{name: "CRLF line ends", file: "odd.jsonl", data: bytesOf(goodLine("in-1") + "\r\n" + `{"id": "odd", "text": "Line one.\r\nLine two."}` + "\r\n\r\n" + goodLine("in-3") + "\r\n"),
		exit: 0, written: []string{"in-1", "odd", "in-3"}},
	{name: "zero-width and bidi characters", file: "odd.jsonl",
		data: around(`{"id": "odd", "text": "\u202eWhats\u200bApp\u202c said \u2066Amber\u200d Rudd\u2069 was wrong.\u200f\ufeff Apple\u00ad agreed. \u061c\u2028Next line."}`),
		exit: 0, written: []string{"in-1", "odd", "in-3"}},
	{name: "empty file", file: "empty.jsonl", data: bytesOf(""),
		exit: 0},
	{name: "empty text", file: "odd.jsonl", data: around(`{"id": "odd", "text": ""}`),
		exit: 0, written: []string{"in-1", "odd", "in-3"}},
	{name: "random binary as .txt", file: "noise.txt", data: randomBytes(64<<10, 1),
		exit: 0, written: []string{"$BAD"}, warnID: "$BAD", warn: "UTF-8"},
	{name: "truncated gzip", file: "cut.jsonl.gz", data: truncatedGzip(),
		exit: 1, written: []string{"in-1"}, errInput: "$BAD:2", errText: "gzip stream"},
	{name: "missing file", file: "missing.jsonl",
		exit: 1, errInput: "$BAD", errText: "no such file"},
	{name: "unreadable file", file: "secret.jsonl", data: around(`{"id": "x", "text": "Unseen."}`), unreadable: true,
		exit: 1, errInput: "$BAD", errText: "permission denied"},
	{name: "64 MiB article", file: "big.jsonl", data: concat(bytesOf(goodLine("in-1")+"\n"), bigArticles(1, 64<<20, prose), bytesOf(goodLine("in-3")+"\n")),
		exit: 1, written: []string{"in-1", "in-3"}, errInput: "$BAD:2", errText: "more than --max-bytes"},
	{name: "1 GiB of zeros gzipped, no newline", file: "zeros.jsonl.gz", data: zerosGzip(1 << 30),
		exit: 1, errInput: "$BAD:1", errText: "more than --max-bytes"},
	{name: "1 GiB of zeros gzipped as plain text", file: "zeros.gz", data: zerosGzip(1 << 30),
		exit: 1, errInput: "$BAD", errText: "more than --max-bytes"},
	{name: "16 MiB article, just within --max-bytes", file: "limit.jsonl", data: concat(bytesOf(goodLine("in-1")+"\n"), bigArticles(1, 16<<20-64, prose), bytesOf(goodLine("in-3")+"\n")), big: true,
		exit: 0, written: []string{"in-1", "big-1", "in-3"}},
	{name: "eight 2 MiB articles", file: "large.jsonl", data: bigArticles(8, 2<<20, prose), big: true,
		exit: 0, written: []string{"big-1", "big-2", "big-3", "big-4", "big-5", "big-6", "big-7", "big-8"}},
	{name: "2 MiB without a sentence end", file: "run-on.jsonl", data: concat(bytesOf(goodLine("in-1")+"\n"), bigArticles(1, 2<<20, "A B C D "), bytesOf(goodLine("in-3")+"\n")), big: true,
		exit: 0, written: []string{"in-1", "big-1", "in-3"}},
}

// TestHostile builds the program once and runs it on hostile inputs and
// faults, checking that it never crashes or hangs and loses nothing.
// It is skipped in -short mode.
func TestHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the program; skipped in -short mode")
	}
	bin := buildStancer(t)
	t.Run("inputs", func(t *testing.T) {
		for _, c := range hostileCases {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				if c.big && os.Getenv(bigInputsEnv) != "1" {
					t.Skipf("a very large input; set %s=1 to run it", bigInputsEnv)
				}
				c.run(t, bin)
			})
		}
	})
	t.Run("models", func(t *testing.T) {
		for _, c := range modelFaultCases {
			t.Run(c.name, func(t *testing.T) {
				t.Parallel()
				c.run(t, bin)
			})
		}
	})
	t.Run("faults", func(t *testing.T) {
		for _, c := range outputFaultCases {
			t.Run(c.name, func(t *testing.T) { c.run(t, bin) })
		}
	})
}

// buildStancer builds the program into a temporary directory and returns
// its path.
func buildStancer(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to build the program with")
	}
	bin := filepath.Join(t.TempDir(), "stancer")
	build := exec.Command(goTool, "build", "-o", bin, "github.com/stancer/stancer/cmd/stancer")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// run runs the program on the case's hostile file between two good ones
// and checks that every article ends in exactly one place.
func (c *hostileCase) run(t *testing.T, bin string) {
	dir := t.TempDir()
	bad := filepath.Join(dir, c.file)
	expand := func(s string) string { return strings.ReplaceAll(s, "$BAD", bad) }
	before := writeLines(t, dir, "before.jsonl", []string{goodLine("before-1"), goodLine("before-2")})
	after := writeLines(t, dir, "after.jsonl", []string{goodLine("after-1"), goodLine("after-2")})
	if c.data != nil {
		writeFileWith(t, bad, c.data)
	}
	outPath, errPath := filepath.Join(dir, "out.jsonl"), filepath.Join(dir, "errors.jsonl")
	cmd := exec.Command(bin, "-o", outPath, "--errors", errPath, before, bad, after)
	if c.unreadable {
		makeUnreadable(t, cmd, bad, bin, dir)
	}
	res := runChild(t, cmd)
	t.Logf("peak resident memory %d MiB", res.maxRSS>>20)

	if res.code != c.exit {
		t.Errorf("exit status %d, want %d\nstderr:\n%s", res.code, c.exit, res.stderr)
	}
	records := checkRecords(t, "output", readFile(t, outPath), output.Articles)
	want := []string{"before-1", "before-2"}
	for _, id := range c.written {
		want = append(want, expand(id))
	}
	want = append(want, "after-1", "after-2")
	ids, warnings := recordIDs(t, records)
	if !slices.Equal(ids, want) {
		t.Errorf("output holds the articles %q, want %q", ids, want)
	}
	if c.warn != "" && !strings.Contains(warnings[expand(c.warnID)], c.warn) {
		t.Errorf("the warnings of %s are %q, want one about %q", expand(c.warnID), warnings[expand(c.warnID)], c.warn)
	}

	failures := checkErrorRecords(t, readFile(t, errPath))
	switch {
	case c.errInput == "" && len(failures) > 0:
		t.Errorf("unexpected error records:\n%s", strings.Join(failures, "\n"))
	case c.errInput != "":
		checkFailure(t, failures, expand(c.errInput), c.errText)
	}
	checkSummary(t, res.stderr, len(records), len(failures))
}

// checkFailure checks that failures is one error record whose input is
// input and whose error holds text.
func checkFailure(t *testing.T, failures []string, input, text string) {
	t.Helper()
	if len(failures) != 1 {
		t.Errorf("got %d error records, want 1:\n%s", len(failures), strings.Join(failures, "\n"))
		return
	}
	var rec struct{ Input, Error string }
	if err := json.Unmarshal([]byte(failures[0]), &rec); err != nil {
		t.Fatal(err)
	}
	if rec.Input != input || !strings.Contains(rec.Error, text) {
		t.Errorf("error record at %q: %q; want one at %q about %q", rec.Input, rec.Error, input, text)
	}
}

// checkSummary checks that stderr is nothing but the summary line of a run
// that wrote wrote articles and reported failed ones, and that its counts
// reconcile: read = written + failed.
func checkSummary(t *testing.T, stderr string, wrote, failed int) {
	t.Helper()
	m := summaryRE.FindStringSubmatch(stderr)
	if m == nil || m[0] != stderr {
		t.Errorf("stderr is not just the summary line:\n%s", stderr)
		return
	}
	read, _ := strconv.Atoi(m[1])
	w, _ := strconv.Atoi(m[2])
	f, _ := strconv.Atoi(m[3])
	if read != w+f || w != wrote || f != failed {
		t.Errorf("summary says read %d, wrote %d, failed %d; the files hold %d records and %d failures", read, w, f, wrote, failed)
	}
}

// recordIDs returns the ids of the article records and the warnings of
// each, joined by "; ".
func recordIDs(t *testing.T, records []string) (ids []string, warnings map[string]string) {
	t.Helper()
	warnings = make(map[string]string)
	for _, r := range records {
		var rec struct {
			ID       string
			Warnings []string
		}
		if err := json.Unmarshal([]byte(r), &rec); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, rec.ID)
		warnings[rec.ID] = strings.Join(rec.Warnings, "; ")
	}
	return ids, warnings
}

// childResult is how a run of the program ended.
type childResult struct {
	code           int
	stdout, stderr string
	maxRSS         int64 // peak resident memory in bytes
}

// runChild runs cmd, killing it after hostileTimeout, and checks that it
// neither hung, crashed nor took more than maxResident of memory.
func runChild(t *testing.T, cmd *exec.Cmd) childResult {
	t.Helper()
	var res childResult
	var stdout, stderr strings.Builder
	if cmd.Stdout == nil {
		cmd.Stdout = &stdout
	}
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(hostileTimeout, func() { cmd.Process.Kill() })
	sampled := sampleHighWater(cmd.Process.Pid)
	err := cmd.Wait()
	peak := sampled()
	hung := !timer.Stop()
	res.stdout, res.stderr = stdout.String(), stderr.String()
	if hung {
		t.Fatalf("the program ran for more than %v and was killed; stderr:\n%s", hostileTimeout, res.stderr)
	}
	res.code = exitCodeOf(t, err)
	if res.maxRSS = peak; res.maxRSS == 0 {
		// The child ended before a sample. Its rusage peak counts that
		// of this process at the fork (see sampleHighWater), so it tells
		// only when it exceeds this process's own peak.
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss<<10 > highWater("/proc/self/status") {
			res.maxRSS = ru.Maxrss << 10 // Linux reports KiB
		}
	}
	if res.maxRSS > maxResident {
		t.Errorf("the program took %d MiB of resident memory, more than %d MiB", res.maxRSS>>20, maxResident>>20)
	}
	if strings.Contains(res.stderr, "panic:") || strings.Contains(res.stderr, "goroutine ") {
		t.Errorf("the program crashed:\n%s", res.stderr)
	}
	return res
}

// sampleHighWater reads the peak resident memory of process pid (VmHWM in
// /proc/pid/status) every 20 ms until the returned function is called,
// which returns the last value read, or 0 if none was (a process that ended
// at once, or a system without /proc). The child's rusage is no substitute
// on Linux: its peak includes that of the test process at the time of the
// fork, which the checks of large outputs make large.
func sampleHighWater(pid int) (stop func() int64) {
	var peak atomic.Int64
	done := make(chan struct{})
	finished := make(chan struct{})
	path := fmt.Sprintf("/proc/%d/status", pid)
	go func() {
		defer close(finished)
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			if hwm := highWater(path); hwm > peak.Load() {
				peak.Store(hwm)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 {
		close(done)
		<-finished
		return peak.Load()
	}
}

// highWater returns the VmHWM of the status file at path in bytes, or 0.
func highWater(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	_, rest, ok := strings.Cut(string(b), "VmHWM:")
	if !ok {
		return 0
	}
	kib, _, _ := strings.Cut(strings.TrimSpace(rest), " ")
	n, err := strconv.ParseInt(kib, 10, 64)
	if err != nil {
		return 0
	}
	return n << 10
}

// makeUnreadable makes the file at path unreadable to cmd. As root, whom
// file modes do not stop, cmd runs as the user nobody, and bin and dir are
// opened to that user; a test that cannot do so is skipped.
func makeUnreadable(t *testing.T, cmd *exec.Cmd, path, bin, dir string) {
	t.Helper()
	if err := os.Chmod(path, 0); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		return
	}
	nobody, err := user.Lookup("nobody")
	if err != nil {
		t.Skipf("running as root and there is no user nobody to run as: %v", err)
	}
	uid, err1 := strconv.ParseUint(nobody.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(nobody.Gid, 10, 32)
	if err := errors.Join(err1, err2); err != nil {
		t.Skipf("running as root and user nobody has no numeric ids: %v", err)
	}
	// nobody must reach the program and the good files, and create the
	// output files.
	for _, d := range []string{filepath.Dir(bin), dir} {
		openToAll(t, d)
	}
	if err := os.Chmod(dir, 0o777); err != nil {
		t.Fatal(err)
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}}
}

// openToAll lets every user search dir and the directories above it that
// the test created under the temporary directory.
func openToAll(t *testing.T, dir string) {
	t.Helper()
	root := filepath.Clean(os.TempDir())
	for d := filepath.Clean(dir); d != root && strings.HasPrefix(d, root+string(filepath.Separator)); d = filepath.Dir(d) {
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// goodLine returns a JSON Lines record of a good article with the given id.
func goodLine(id string) string {
	return fmt.Sprintf(`{"id": %q, "text": %q}`, id, goodText)
}

// around returns the content of a JSON Lines file of three lines: the good
// article in-1, line, and the good article in-3.
func around(line string) func(io.Writer) error {
	return bytesOf(goodLine("in-1") + "\n" + line + "\n" + goodLine("in-3") + "\n")
}

// bytesOf returns a writer of s.
func bytesOf(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// concat returns a writer of the contents of parts, one after the other.
func concat(parts ...func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		for _, p := range parts {
			if err := p(w); err != nil {
				return err
			}
		}
		return nil
	}
}

// randomBytes returns a writer of n bytes from a random source of the
// given seed.
func randomBytes(n int, seed uint64) func(io.Writer) error {
	return func(w io.Writer) error {
		r := rand.New(rand.NewPCG(seed, seed))
		buf := make([]byte, n)
		for i := range buf {
			buf[i] = byte(r.Uint32())
		}
		_, err := w.Write(buf)
		return err
	}
}

// prose is the text of large articles: sentences of news, repeated.
const prose = "Police said the app's encryption kept them out. Amber Rudd said WhatsApp must open up. "

// bigArticles returns a writer of n JSON Lines records, each with its
// newline, of ids big-1 to big-n and texts of size bytes: unit repeated.
// The unit must need no escaping in JSON.
func bigArticles(n, size int, unit string) func(io.Writer) error {
	chunk := strings.Repeat(unit, (1<<20)/len(unit))
	return func(w io.Writer) error {
		for i := 1; i <= n; i++ {
			if _, err := fmt.Fprintf(w, `{"id": "big-%d", "text": "`, i); err != nil {
				return err
			}
			for k := 0; k < size; k += len(chunk) {
				if _, err := io.WriteString(w, chunk[:min(len(chunk), size-k)]); err != nil {
					return err
				}
			}
			if _, err := io.WriteString(w, "\"}\n"); err != nil {
				return err
			}
		}
		return nil
	}
}

// truncatedGzip returns a writer of a gzip stream of the good article in-1
// and a long article after it, cut in the middle of the long article.
func truncatedGzip() func(io.Writer) error {
	return func(w io.Writer) error {
		var text strings.Builder
		r := rand.New(rand.NewPCG(2, 2))
		for text.Len() < 256<<10 {
			fmt.Fprintf(&text, "Word%x said so. ", r.Uint64())
		}
		var buf strings.Builder
		zw := gzip.NewWriter(&buf)
		fmt.Fprintf(zw, "%s\n{\"id\": \"long\", \"text\": %q}\n", goodLine("in-1"), text.String())
		if err := zw.Close(); err != nil {
			return err
		}
		_, err := io.WriteString(w, buf.String()[:buf.Len()/2])
		return err
	}
}

// zeros is an endless source of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// zerosGzip returns a writer of a gzip stream of n zero bytes, compressed
// as it goes.
func zerosGzip(n int64) func(io.Writer) error {
	return func(w io.Writer) error {
		zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
		if err != nil {
			return err
		}
		if _, err := io.CopyN(zw, zeros{}, n); err != nil {
			return err
		}
		return zw.Close()
	}
}

// writeFileWith creates the file at path with the content that data writes.
func writeFileWith(t *testing.T, path string, data func(io.Writer) error) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	err = data(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}
