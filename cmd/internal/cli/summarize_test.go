package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
)

// recordsPath is the file of hand-written article records of package
// summary, and goldenDir its golden summaries.
var (
	recordsPath = filepath.Join("..", "..", "..", "pipeline", "summary", "testdata", "articles.jsonl")
	goldenDir   = filepath.Join("..", "..", "..", "pipeline", "summary", "testdata", "golden")
)

// recordsCase is one run of the summarize or report command. In Args,
// $DIR stands for a temporary directory holding in.jsonl (the records),
// in.jsonl.gz (the same, compressed) and bad.jsonl (the records with a
// broken second line).
type recordsCase struct {
	name  string
	args  []string
	stdin string
	// cancelled runs the command with a context already done.
	cancelled bool

	exit   int
	stdout string // the whole of stdout, when golden is ""
	golden string // the golden file stdout must equal, in goldenDir
	// stdoutHas and stderrHas are substrings of stdout and stderr.
	stdoutHas, stderrHas []string
	// file, when set, is a file in $DIR that must hold fileHas.
	file    string
	fileHas []string
	// absent is a pattern (filepath.Match) that no name in $DIR may match
	// after the run, when set.
	absent string
}

// recordsDir writes the input files of recordsCase to a new directory.
func recordsDir(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(recordsPath)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(data)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	lines[1] = "{\"id\": broken\n"
	for name, content := range map[string][]byte{
		"in.jsonl":    data,
		"in.jsonl.gz": gz.Bytes(),
		"bad.jsonl":   []byte(strings.Join(lines, "")),
	} {
		if err := os.WriteFile(filepath.Join(dir, name), content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// run runs the case and checks every expectation.
func (c *recordsCase) run(t *testing.T) {
	dir := recordsDir(t)
	args := make([]string, len(c.args))
	for i, a := range c.args {
		args[i] = strings.ReplaceAll(a, "$DIR", dir)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if c.cancelled {
		cancel()
	}
	code, stdout, stderr := runCLI(t, ctx, args, strings.NewReader(c.stdin))
	if code != c.exit {
		t.Errorf("exit status %d, want %d; stderr:\n%s", code, c.exit, stderr)
	}
	want := c.stdout
	if c.golden != "" {
		data, err := os.ReadFile(filepath.Join(goldenDir, c.golden))
		if err != nil {
			t.Fatal(err)
		}
		want = string(data)
	}
	if c.stdoutHas == nil && stdout != want {
		t.Errorf("stdout:\n%s\nwant:\n%s", stdout, want)
	}
	checkText(t, "stdout", stdout, c.stdoutHas, nil, false)
	checkText(t, "stderr", strings.ReplaceAll(stderr, dir, "$DIR"), c.stderrHas, nil, false)
	if c.file != "" {
		data, err := os.ReadFile(filepath.Join(dir, c.file))
		if err != nil {
			t.Fatal(err)
		}
		checkText(t, c.file, string(data), c.fileHas, nil, false)
	}
	if c.absent != "" {
		if found, _ := filepath.Glob(filepath.Join(dir, c.absent)); len(found) > 0 {
			t.Errorf("the run left %q", found)
		}
	}
}

func TestSummarize(t *testing.T) {
	cases := []recordsCase{
		{name: "help", args: []string{"summarize", "-h"},
			stdoutHas: []string{"Usage: stancer summarize", "mean ± t(0.975; n-1) · s / √n", "Exit status:"}},
		{name: "help command", args: []string{"help", "summarize"},
			stdoutHas: []string{"Usage: stancer summarize", "--by GROUP"}},
		{name: "default is by entity", args: []string{"summarize", "-q", "$DIR/in.jsonl"}, golden: "entity.jsonl"},
		{name: "by source", args: []string{"summarize", "--by", "source", "$DIR/in.jsonl"}, golden: "source.jsonl",
			stderrHas: []string{"stancer: read 8 records, failed 0; wrote 4 rows by source"}},
		{name: "by month as CSV, compressed", args: []string{"summarize", "--by", "month", "--format", "csv", "$DIR/in.jsonl.gz"},
			golden: "month.csv"},
		{name: "flags after the file", args: []string{"summarize", "$DIR/in.jsonl", "--by", "holder", "--format", "csv"},
			golden: "holder.csv"},
		{name: "directory", args: []string{"summarize", "--by", "app", "$DIR"},
			stdoutHas: []string{`{"app":"WhatsApp","articles":8,`}, exit: 1, // in.jsonl, in.jsonl.gz and bad.jsonl
			stderrHas: []string{"$DIR/bad.jsonl:2: invalid JSON", "read 23 records, failed 1"}},
		{name: "standard input", args: []string{"summarize", "--by", "day", "--format", "csv"},
			stdin:  `{"id":"a","date":"2020-02-02","sentences":[{"stance":{"label":"favor","score":0.5}}]}` + "\n",
			stdout: "day,articles,sentences,favor,against,neutral,mean,ci_low,ci_high,first_date,last_date,top_holders\n2020-02-02,1,1,1,0,0,0.5,,,2020-02-02,2020-02-02,\n"},
		{name: "bad line", args: []string{"summarize", "--by", "source", "$DIR/bad.jsonl"}, exit: 1,
			stdoutHas: []string{`{"source":"The Guardian","articles":2,`},
			stderrHas: []string{"$DIR/bad.jsonl:2: invalid JSON at byte 8", "read 7 records, failed 1; wrote 4 rows by source"}},
		{name: "output file", args: []string{"summarize", "--by", "source", "-o", "$DIR/out.jsonl", "$DIR/in.jsonl"},
			file: "out.jsonl", fileHas: []string{`{"source":"Wired",`}, absent: ".out.jsonl*"},
		{name: "output file cannot be created", args: []string{"summarize", "-o", "$DIR/no/such/dir/out.csv", "$DIR/in.jsonl"}, exit: 2,
			stderrHas: []string{"$DIR/no/such/dir/out.csv"}},
		{name: "missing input", args: []string{"summarize", "$DIR/missing.jsonl"}, exit: 1,
			stdout: "", stderrHas: []string{"$DIR/missing.jsonl: ", "read 0 records, failed 1; wrote 0 rows"}},
		{name: "unknown grouping", args: []string{"summarize", "--by", "week"}, exit: 2,
			stderrHas: []string{`--by: unknown grouping "week"`, "stancer help summarize"}},
		{name: "unknown format", args: []string{"summarize", "--format", "tsv"}, exit: 2,
			stderrHas: []string{`--format: unknown format "tsv"`, "stancer help summarize"}},
		{name: "bad size", args: []string{"summarize", "--max-bytes", "lots"}, exit: 2,
			stderrHas: []string{`invalid value "lots" for flag -max-bytes`}},
		{name: "record too large", args: []string{"summarize", "--max-bytes", "1k", "$DIR/in.jsonl"}, exit: 1,
			stdoutHas: []string{`{"entity":"Signal","type":"APP","articles":1,`},
			stderrHas: []string{"$DIR/in.jsonl:1: record is 1673 bytes, more than --max-bytes 1024", "read 2 records, failed 6"}},
		{name: "interrupted", args: []string{"summarize", "$DIR/in.jsonl"}, cancelled: true, exit: 130,
			stderrHas: []string{"interrupted"}},
		{name: "interrupted, no partial file", args: []string{"summarize", "-o", "$DIR/out.csv", "$DIR/in.jsonl"}, cancelled: true, exit: 130,
			stderrHas: []string{"interrupted"}, absent: "*out.csv*"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t)
		})
	}
}
