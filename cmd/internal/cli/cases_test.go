package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/output/schema"
)

// cliCase is one test of the command line, read from testdata/cases.json.
// In Args, Files and every expected substring, $DIR stands for the case's
// temporary directory, where Files are written before the run.
type cliCase struct {
	Name  string            `json:"name"`
	Args  []string          `json:"args"`
	Stdin string            `json:"stdin"`
	Files map[string]string `json:"files"` // path in $DIR -> content
	Gzip  []string          `json:"gzip"`  // Files to store gzip-compressed
	Zstd  []string          `json:"zstd"`  // Files to store zstd-compressed

	Exit        int      `json:"exit"`
	Stdout      []string `json:"stdout"`       // substrings of stdout
	StdoutOrder []string `json:"stdout_order"` // substrings of stdout, in this order
	StdoutEmpty bool     `json:"stdout_empty"`
	Stderr      []string `json:"stderr"`     // substrings of stderr
	NotStderr   []string `json:"not_stderr"` // strings stderr must not hold
	StderrEmpty bool     `json:"stderr_empty"`

	// Emit is the kind of the records on stdout ("" for articles). When
	// Records or MinRecords is set, stdout must be that many records (at
	// least MinRecords), each valid.
	Emit       output.Emit `json:"emit"`
	Records    *int        `json:"records"`
	MinRecords *int        `json:"min_records"`
	// OutputFile, when set, must hold OutputRecords valid records.
	OutputFile    string `json:"output_file"`
	OutputRecords int    `json:"output_records"`
	// ErrorsFile, when set, must hold ErrorRecords valid error records,
	// with the substrings ErrorsContain.
	ErrorsFile    string   `json:"errors_file"`
	ErrorRecords  int      `json:"error_records"`
	ErrorsContain []string `json:"errors_contain"`
}

// loadCases reads the test cases of testdata/cases.json, refusing unknown
// fields so that a misspelled expectation cannot pass unnoticed.
func loadCases(t *testing.T) []cliCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var cases []cliCase
	if err := dec.Decode(&cases); err != nil {
		t.Fatalf("testdata/cases.json: %v", err)
	}
	return cases
}

func TestCases(t *testing.T) {
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			t.Parallel()
			c.run(t)
		})
	}
}

// run runs the case and checks every expectation.
func (c *cliCase) run(t *testing.T) {
	dir := t.TempDir()
	expand := func(s string) string { return strings.ReplaceAll(s, "$DIR", dir) }
	expandAll := func(ss []string) []string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = expand(s)
		}
		return out
	}
	c.writeFiles(t, dir, expand)

	code, stdout, stderr := runCLI(t, context.Background(), expandAll(c.Args), strings.NewReader(c.Stdin))
	if code != c.Exit {
		t.Errorf("exit status %d, want %d\nstderr:\n%s", code, c.Exit, stderr)
	}
	checkText(t, "stdout", stdout, expandAll(c.Stdout), nil, c.StdoutEmpty)
	checkOrder(t, stdout, expandAll(c.StdoutOrder))
	checkText(t, "stderr", stderr, expandAll(c.Stderr), expandAll(c.NotStderr), c.StderrEmpty)

	if c.Records != nil || c.MinRecords != nil {
		n := len(checkRecords(t, "stdout", stdout, c.Emit))
		switch {
		case c.Records != nil && n != *c.Records:
			t.Errorf("stdout has %d records, want %d", n, *c.Records)
		case c.MinRecords != nil && n < *c.MinRecords:
			t.Errorf("stdout has %d records, want at least %d", n, *c.MinRecords)
		}
	}
	if c.OutputFile != "" {
		if n := len(checkRecords(t, c.OutputFile, readFile(t, filepath.Join(dir, c.OutputFile)), c.Emit)); n != c.OutputRecords {
			t.Errorf("%s has %d records, want %d", c.OutputFile, n, c.OutputRecords)
		}
	}
	if c.ErrorsFile != "" {
		errs := readFile(t, filepath.Join(dir, c.ErrorsFile))
		if n := len(checkErrorRecords(t, errs)); n != c.ErrorRecords {
			t.Errorf("%s has %d error records, want %d", c.ErrorsFile, n, c.ErrorRecords)
		}
		checkText(t, c.ErrorsFile, errs, expandAll(c.ErrorsContain), nil, false)
	}
}

// writeFiles writes the case's files into dir, compressing those listed
// in Gzip and Zstd.
func (c *cliCase) writeFiles(t *testing.T, dir string, expand func(string) string) {
	t.Helper()
	codec := make(map[string]string)
	for _, name := range c.Gzip {
		codec[name] = "gzip"
	}
	for _, name := range c.Zstd {
		codec[name] = "zstd"
	}
	for name, content := range c.Files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		data := compress(t, codec[name], []byte(expand(content)))
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// compress returns data compressed with codec: "gzip", "zstd", or "" for
// none.
func compress(t *testing.T, codec string, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	var w io.WriteCloser
	switch codec {
	case "":
		return data
	case "gzip":
		w = gzip.NewWriter(&buf)
	case "zstd":
		zw, err := zstd.NewWriter(&buf)
		if err != nil {
			t.Fatal(err)
		}
		w = zw
	default:
		t.Fatalf("unknown codec %q", codec)
	}
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// runCLI runs the command line args in-process with stdin and returns the
// exit status and what was written on stdout and stderr.
func runCLI(t *testing.T, ctx context.Context, args []string, stdin io.Reader) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(ctx, args, stdin, &out, &errOut)
	return code, out.String(), errOut.String()
}

// checkText checks that text, named name, holds every string of want and
// none of unwanted, and is empty if empty is set.
func checkText(t *testing.T, name, text string, want, unwanted []string, empty bool) {
	t.Helper()
	if empty && text != "" {
		t.Errorf("%s is not empty:\n%s", name, text)
	}
	for _, s := range want {
		if !strings.Contains(text, s) {
			t.Errorf("%s does not contain %q:\n%s", name, s, text)
		}
	}
	for _, s := range unwanted {
		if strings.Contains(text, s) {
			t.Errorf("%s contains %q:\n%s", name, s, text)
		}
	}
}

// checkOrder checks that the strings of want occur in text in their order.
func checkOrder(t *testing.T, text string, want []string) {
	t.Helper()
	rest := text
	for _, s := range want {
		i := strings.Index(rest, s)
		if i < 0 {
			t.Errorf("stdout does not contain %q after the strings before it:\n%s", s, text)
			return
		}
		rest = rest[i+len(s):]
	}
}

// checkRecords checks that data, named name, is whole lines each holding a
// valid record of kind emit, and returns the lines.
func checkRecords(t *testing.T, name, data string, emit output.Emit) []string {
	t.Helper()
	lines := splitLines(t, name, data)
	for i, line := range lines {
		if err := schema.Validate(emit, []byte(line)); err != nil {
			t.Errorf("%s record %d: %v\n%s", name, i+1, err, line)
		}
	}
	return lines
}

// checkErrorRecords checks that data is whole lines each holding a valid
// error record, and returns the lines.
func checkErrorRecords(t *testing.T, data string) []string {
	t.Helper()
	lines := splitLines(t, "errors file", data)
	for i, line := range lines {
		if err := schema.ValidateError([]byte(line)); err != nil {
			t.Errorf("error record %d: %v\n%s", i+1, err, line)
		}
	}
	return lines
}

// splitLines returns the lines of data, which must be empty or end in a
// newline.
func splitLines(t *testing.T, name, data string) []string {
	t.Helper()
	if data == "" {
		return nil
	}
	if !strings.HasSuffix(data, "\n") {
		t.Errorf("%s does not end in a newline", name)
	}
	return strings.Split(strings.TrimSuffix(data, "\n"), "\n")
}

// readFile returns the content of the file at path.
func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
