package cli

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"

	"github.com/stancer/stancer/pipeline/entities"
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/stance"
)

// A modelFault is a model file given with a model flag: the built-in model
// of the flag's kind, written out and then damaged.
type modelFault struct {
	name string
	// flag is the model flag; kind names its model in messages.
	flag, kind string
	// damage returns the damaged file made of the model file m; it may
	// change m.
	damage func(m []byte) []byte
	// intact says the file is a good model, which must load.
	intact bool
}

// modelDamages are the ways a model file is damaged in modelFaultCases.
var modelDamages = []struct {
	name   string
	damage func(m []byte) []byte
	intact bool
}{
	{"intact", func(m []byte) []byte { return m }, true},
	{"empty", func([]byte) []byte { return nil }, false},
	{"cut in half", func(m []byte) []byte { return m[:len(m)/2] }, false},
	{"last byte cut", func(m []byte) []byte { return m[:len(m)-1] }, false},
	{"a byte flipped in the middle", func(m []byte) []byte { m[len(m)/2] ^= 0xff; return m }, false},
	{"a byte flipped in the checksum", func(m []byte) []byte { m[len(m)-6] ^= 0x01; return m }, false},
	{"trailing data", func(m []byte) []byte { return append(m, "junk"...) }, false},
	{"gzip of other data", func([]byte) []byte { return gzipped("a gzip stream that holds no model\n") }, false},
}

// modelFaultCases pairs every model flag with every damage.
var modelFaultCases = func() []modelFault {
	var cases []modelFault
	for _, f := range []struct{ flag, kind string }{{"--model-ner", "entity"}, {"--model-stance", "stance"}} {
		for _, d := range modelDamages {
			cases = append(cases, modelFault{name: f.kind + " model " + d.name, flag: f.flag, kind: f.kind, damage: d.damage, intact: d.intact})
		}
	}
	return cases
}()

// run runs the program with the damaged model file and checks that it
// refuses it with status 2 and a message naming the file, and writes no
// record; an intact file must give the usual output.
func (c *modelFault) run(t *testing.T, bin string) {
	dir := t.TempDir()
	path := filepath.Join(dir, "model.gz")
	if err := os.WriteFile(path, c.damage(builtinModel(t, c.kind)), 0o644); err != nil {
		t.Fatal(err)
	}
	in := writeLines(t, dir, "in.jsonl", []string{goodLine("a-1")})
	res := runChild(t, exec.Command(bin, c.flag, path, in))
	if c.intact {
		if res.code != exitOK || len(checkRecords(t, "stdout", res.stdout, output.Articles)) != 1 {
			t.Errorf("exit status %d, stdout %q; want 0 and one record\nstderr:\n%s", res.code, res.stdout, res.stderr)
		}
		return
	}
	want := "stancer: loading the " + c.kind + " model from " + path + ": "
	if res.code != exitUsage || res.stdout != "" || !strings.HasPrefix(res.stderr, want) || strings.Count(res.stderr, "\n") != 1 {
		t.Errorf("exit status %d, stdout %q, stderr %q; want %d, nothing, and one line starting %q", res.code, res.stdout, res.stderr, exitUsage, want)
	}
}

// builtinModel returns the model file of the built-in model of kind
// "entity" or "stance".
func builtinModel(t *testing.T, kind string) []byte {
	t.Helper()
	var m io.WriterTo
	var err error
	switch kind {
	case "entity":
		m, err = entities.Default()
	case "stance":
		m, err = stance.Default()
	default:
		t.Fatalf("unknown model kind %q", kind)
	}
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// gzipped returns s compressed with gzip.
func gzipped(s string) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	io.WriteString(zw, s)
	zw.Close()
	return buf.Bytes()
}

// outputFaultCases are faults of the program's surroundings that the
// other binary tests leave out: full disks behind the output and error
// files, and signals while standard input stays open or records go to a
// file.
var outputFaultCases = []struct {
	name string
	run  func(t *testing.T, bin string)
}{
	{"output file on a full disk", func(t *testing.T, bin string) {
		in := writeLines(t, t.TempDir(), "in.jsonl", []string{goodLine("a-1")})
		checkFullDisk(t, bin, "-o", "/dev/full", in)
	}},
	{"errors file on a full disk", func(t *testing.T, bin string) {
		in := writeLines(t, t.TempDir(), "in.jsonl", []string{goodLine("a-1"), "not JSON"})
		checkFullDisk(t, bin, "--errors", "/dev/full", in)
	}},
	{"interrupt while standard input stays open", testInterruptOpenStdin},
	{"terminate while writing an output file", testTerminateOutputFile},
}

// checkFullDisk runs the program with args, which name /dev/full for one
// of its outputs, and checks that it fails with status 1 and a message
// naming that file and the cause.
func checkFullDisk(t *testing.T, bin string, args ...string) {
	t.Helper()
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	res := runChild(t, exec.Command(bin, args...))
	if res.code != exitFailure || !strings.Contains(res.stderr, "/dev/full") || !strings.Contains(res.stderr, "no space left on device") {
		t.Errorf("exit status %d, stderr %q; want 1 and a message naming /dev/full and the failure", res.code, res.stderr)
	}
}

// testInterruptOpenStdin interrupts the program while it waits for more
// of a standard input that never ends: it must stop at once with status
// 130, having written the records of the articles it got.
func testInterruptOpenStdin(t *testing.T, bin string) {
	cmd := exec.Command(bin)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(hostileTimeout, func() { cmd.Process.Kill() })
	defer timer.Stop()
	if _, err := io.WriteString(stdin, goodLine("a-1")+"\n"); err != nil {
		t.Fatal(err)
	}
	// The program handles signals once it writes; a record of the first
	// article may wait in the output buffer, so give it time to reach the
	// read of the second.
	time.Sleep(2 * time.Second)
	start := time.Now()
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(stdout)
	if err != nil {
		t.Fatal(err)
	}
	code := exitCodeOf(t, cmd.Wait())
	if took := time.Since(start); took > 10*time.Second {
		t.Errorf("the program took %v to stop", took)
	}
	if code != exitInterrupted || !strings.HasSuffix(stderr.String(), "stancer: interrupted\n") {
		t.Errorf("exit status %d, stderr %q; want %d and the interruption", code, stderr.String(), exitInterrupted)
	}
	if records := checkRecords(t, "stdout", string(out), output.Articles); len(records) > 1 {
		t.Errorf("got %d records of 1 article", len(records))
	}
}

// testTerminateOutputFile stops the program with SIGTERM while it writes
// a large input's records to a file: the file must hold whole records,
// the start of what a full run writes.
func testTerminateOutputFile(t *testing.T, bin string) {
	dir := t.TempDir()
	lines := exampleLines(t, 5000)
	in := writeLines(t, dir, "large.jsonl", lines)
	outPath := filepath.Join(dir, "out.jsonl")
	cmd := exec.Command(bin, "-q", "--workers", "2", "-o", outPath, in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(hostileTimeout, func() { cmd.Process.Kill() })
	defer timer.Stop()
	waitForData(t, outPath)
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	code := exitCodeOf(t, cmd.Wait())
	if code != exitInterrupted || !strings.HasSuffix(stderr.String(), "stancer: interrupted\n") {
		t.Fatalf("exit status %d, stderr %q; want %d and the interruption", code, stderr.String(), exitInterrupted)
	}
	got := readFile(t, outPath)
	records := checkRecords(t, "output file", got, output.Articles)
	if len(records) == 0 || len(records) >= len(lines) {
		t.Fatalf("the stopped run wrote %d of %d records; want some, not all", len(records), len(lines))
	}
	head := writeLines(t, dir, "head.jsonl", lines[:len(records)])
	res := runChild(t, exec.Command(bin, "-q", head))
	if res.code != exitOK || res.stdout != got {
		t.Errorf("the stopped run's output is not the start of the full run's (exit status %d)", res.code)
	}
}

// waitForData waits until the file at path is not empty.
func waitForData(t *testing.T, path string) {
	t.Helper()
	for deadline := time.Now().Add(hostileTimeout); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
			return
		}
	}
	t.Fatalf("nothing was written to %s", path)
}
