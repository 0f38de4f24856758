package beampipe_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/stancer/stancer/cmd/stancer-beam/beampipe"
	"github.com/stancer/stancer/pipeline/bench"
	"github.com/stancer/stancer/pipeline/summary"
)

// trainPath is the labelled training set, whose texts the generated
// articles are made of.
var trainPath = filepath.Join("..", "..", "..", "testdata", "gold", "train.jsonl")

// corpusBytesEnv names the environment variable that sets the size in
// bytes of each of the three generated files of TestCorpusMatchesCLI.
const corpusBytesEnv = "STANCER_BEAM_CORPUS_BYTES"

// corpusBytes returns the size of each generated file: 3 MB (some 2,600
// articles in all) by default, 1 MB (some 900) with the race detector,
// 100 kB with -short; or the size that corpusBytesEnv gives.
func corpusBytes(t *testing.T) int64 {
	if s := os.Getenv(corpusBytesEnv); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n < 1 {
			t.Fatalf("%s=%q: want a positive number of bytes", corpusBytesEnv, s)
		}
		return n
	}
	switch {
	case testing.Short():
		return 100_000
	case raceEnabled:
		return 1_000_000
	}
	return 3_000_000
}

// maxBytes is the --max-bytes of TestCorpusMatchesCLI, above the size of
// every generated article.
const maxBytes = 256 << 10

// corpusFile is a generated input file.
type corpusFile struct {
	name string
	// compress returns the file's content made from its JSON Lines.
	compress func(t *testing.T, data []byte) []byte
}

// corpusFiles are the generated files: the same kind of articles, plain,
// gzip- and zstd-compressed. The seed of file i is i+1.
var corpusFiles = []corpusFile{
	{"corpus-0.jsonl", func(_ *testing.T, data []byte) []byte { return data }},
	{"corpus-1.jsonl.gz", gzipped},
	{"corpus-2.jsonl.zst", zstded},
}

// gzipped returns data compressed by gzip.
func gzipped(t *testing.T, data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// zstded returns data compressed by zstd.
func zstded(t *testing.T, data []byte) []byte {
	zw, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer zw.Close()
	return zw.EncodeAll(data, nil)
}

// badLines are records that cannot be read, one of each kind, spread over
// every generated file, and a record without an id, whose id becomes its
// location. The empty one is replaced by a line longer than maxBytes.
var badLines = []string{
	`not JSON`,
	`{"id":"bad-text","text":42}`,
	`{"id":"no-text"}`,
	`["an", "array"]`,
	``,
	`{"title":"No id","text":"The minister said encryption must have a back door."}`,
}

// writeCorpus writes the generated files to dir and returns, for each,
// the number of generated articles in it.
func writeCorpus(t *testing.T, dir string, size int64) []int {
	pool, err := bench.LoadPool([]string{trainPath})
	if err != nil {
		t.Fatal(err)
	}
	counts := make([]int, len(corpusFiles))
	for i, f := range corpusFiles {
		var b bytes.Buffer
		st, err := pool.Generate(&b, size, uint64(i+1))
		if err != nil {
			t.Fatal(err)
		}
		counts[i] = st.Articles
		data := interleave(b.Bytes(), badLines)
		if err := os.WriteFile(filepath.Join(dir, f.name), f.compress(t, data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return counts
}

// interleave returns the lines of data with the lines bad spread among
// them, an empty one turned into an overlong one.
func interleave(data []byte, bad []string) []byte {
	lines := bytes.SplitAfter(data, []byte("\n"))
	step := max(1, len(lines)/(len(bad)+1))
	var out bytes.Buffer
	for i, line := range lines {
		out.Write(line)
		if k := i/step - 1; i%step == 0 && k >= 0 && k < len(bad) {
			l := bad[k]
			if l == "" {
				l = `{"id":"huge","text":"` + strings.Repeat("x", maxBytes) + `"}`
			}
			out.WriteString(l + "\n")
		}
	}
	return out.Bytes()
}

// TestCorpusMatchesCLI runs the pipeline on generated articles in plain,
// gzip and zstd files, among them bad records, a plain-text file and a
// file that does not exist, and checks against "stancer run" on the same
// inputs: the same records, the same dead letters, the same counts, and
// the same summaries as "stancer summarize". It checks that no article of
// a compressed file is lost, and that every article read is written or
// failed.
func TestCorpusMatchesCLI(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	generated := writeCorpus(t, in, corpusBytes(t))
	text := filepath.Join(in, "corpus-3.txt")
	if err := os.WriteFile(text, []byte("{Braces first.} Police chiefs called for access to encrypted phones.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(in, "missing.jsonl")
	paths, err := filepath.Glob(filepath.Join(in, "corpus-*"))
	if err != nil {
		t.Fatal(err)
	}

	cliOut, cliErrs := filepath.Join(dir, "cli.jsonl"), filepath.Join(dir, "cli-errors.jsonl")
	args := append([]string{"--max-bytes", strconv.Itoa(maxBytes), "-o", cliOut, "--errors", cliErrs}, paths...)
	want := cliTally(t, stancer(t, 1, append(args, missing)...))
	cliSummaries(t, cliOut, filepath.Join(dir, "cli"))

	prefix := filepath.Join(dir, "beam")
	cfg := beampipe.Config{
		Inputs: []string{filepath.Join(in, "corpus-*"), missing},
		Output: prefix, Shards: 4, Errors: prefix + "-errors",
		MaxBytes: maxBytes,
		Summary:  prefix, SummaryBy: summaryBys, SummaryFormat: summary.JSONL,
	}
	got := runBeam(t, cfg)
	t.Logf("articles generated per file: %v; pipeline counted %+v", generated, got)
	if got != want {
		t.Errorf("pipeline counted %+v, stancer %+v", got, want)
	}
	if err := got.Check(); err != nil {
		t.Error(err)
	}
	records := readLines(t, shardPaths(prefix, cfg.Shards)...)
	if diff := sameLines(records, readLines(t, cliOut)); diff != "" {
		t.Errorf("records: %s", diff)
	}
	dead := readLines(t, beampipe.ShardName(cfg.Errors, 0, 1))
	if diff := sameLines(dead, readLines(t, cliErrs)); diff != "" {
		t.Errorf("dead letters: %s", diff)
	}
	checkSummaries(t, prefix, filepath.Join(dir, "cli"))

	// Every generated article of every file, compressed or not, has its
	// record; the record without id has its location as id; every bad
	// line and the missing file have their dead letter.
	for i, f := range corpusFiles {
		idPrefix := fmt.Sprintf(`{"id":"bench-%d-`, i+1)
		n := 0
		for _, r := range records {
			if strings.HasPrefix(r, idPrefix) {
				n++
			}
		}
		if n != generated[i] {
			t.Errorf("%s: %d records of %d generated articles", f.name, n, generated[i])
		}
		if loc := filepath.Join(in, f.name) + ":"; !containsPrefix(records, `{"id":"`+loc) {
			t.Errorf("%s: no record with a location as id", f.name)
		}
	}
	if wantDead := len(corpusFiles)*(len(badLines)-1) + 1; len(dead) != wantDead {
		t.Errorf("%d dead letters, want %d", len(dead), wantDead)
	}
	if !containsPrefix(records, `{"id":"`+text+`"`) {
		t.Errorf("no record of the plain-text file %s", text)
	}
}

// containsPrefix reports whether one of lines starts with prefix.
func containsPrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}
