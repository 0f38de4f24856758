package summary_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/stancer/stancer/pipeline/input"
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/output/schema"
	"github.com/stancer/stancer/pipeline/summary"
	"github.com/stancer/stancer/pipeline/summary/summarytest"
)

// TestCorpusIsValid checks that the hand-written records keep the output
// contract, so that the tests read what stancer writes.
func TestCorpusIsValid(t *testing.T) {
	lines, err := summarytest.Load(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range lines {
		if err := schema.Validate(output.Articles, line); err != nil {
			t.Errorf("%s:%d: %v", corpusPath, i+1, err)
		}
	}
}

// compressors make the compressed forms of a file's content.
var compressors = map[string]func(t *testing.T, data []byte) []byte{
	"plain": func(_ *testing.T, data []byte) []byte { return data },
	"gzip": func(t *testing.T, data []byte) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		if _, err := w.Write(data); err != nil || w.Close() != nil {
			t.Fatal("gzip failed")
		}
		return b.Bytes()
	},
	"zstd": func(t *testing.T, data []byte) []byte {
		w, err := zstd.NewWriter(nil)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		return w.EncodeAll(data, nil)
	},
}

// readResult is what Read delivered: record ids and "where: error" lines.
type readResult struct {
	ids, failures []string
}

// readAll reads paths with stdin as standard input.
func readAll(t *testing.T, ctx context.Context, paths []string, stdin string) (readResult, error) {
	t.Helper()
	var res readResult
	err := summary.Read(ctx, paths, input.Options{Stdin: strings.NewReader(stdin)},
		func(r *summary.Record) { res.ids = append(res.ids, r.ID) },
		func(where string, err error) {
			res.failures = append(res.failures, filepath.ToSlash(where)+": "+err.Error())
		})
	return res, err
}

func TestReadCompressed(t *testing.T) {
	data, err := os.ReadFile(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"uk-rudd-2017", "guardian-rudd-2017", "guardian-whatsapp-2017", "wired-comey-2017",
		"guardian-apple-2017", "wired-empty-2017", "securityaffairs-2018-01", "blog-undated"}
	for name, compress := range compressors {
		// The name says nothing of the compression: magic bytes do.
		path := filepath.Join(t.TempDir(), "records.jsonl")
		if err := os.WriteFile(path, compress(t, data), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range []struct {
			paths []string
			stdin string
		}{{[]string{path}, ""}, {[]string{filepath.Dir(path)}, ""}, {nil, string(compress(t, data))}} {
			res, err := readAll(t, context.Background(), args.paths, args.stdin)
			if err != nil || !slices.Equal(res.ids, want) || len(res.failures) > 0 {
				t.Errorf("%s %v: ids %v, failures %v, error %v", name, args.paths, res.ids, res.failures, err)
			}
		}
	}
}

func TestReadBadLines(t *testing.T) {
	lines := []string{
		`{"id":"ok1","sentences":[]}`,
		`not json`,
		`{"id":"bad-label","sentences":[{"stance":{"label":"pro","score":0.5}}]}`,
		``,
		`{"id":"bad-score","sentences":[{"stance":{"label":"favor","score":2}}]}`,
		`{"sentences":[]}`,
		`{"id":"bad-type","sentences":{}}`,
		`[1,2]`,
		`{"id":"ok2"}`,
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "missing.jsonl")
	res, err := readAll(t, context.Background(), []string{path, missing}, "")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"ok1", "ok2"}; !slices.Equal(res.ids, want) {
		t.Errorf("ids %v, want %v", res.ids, want)
	}
	p := filepath.ToSlash(path)
	want := []string{
		p + ":2: invalid JSON",
		p + `:3: not a stancer article record: sentence 0: stance label "pro" is not favor, against or neutral`,
		p + ":5: not a stancer article record: sentence 0: stance score 2 is outside [-1, 1]",
		p + `:6: field "id" is missing`,
		p + ":7: not a stancer article record: json: cannot unmarshal object",
		p + ":8: line is not a JSON object",
		filepath.ToSlash(missing) + ": ",
	}
	if len(res.failures) != len(want) {
		t.Fatalf("failures:\n%s\nwant %d", strings.Join(res.failures, "\n"), len(want))
	}
	for i, f := range res.failures {
		if !strings.HasPrefix(f, want[i]) {
			t.Errorf("failure %d: %q, want it to start with %q", i, f, want[i])
		}
	}
}

func TestReadStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var n int
	err := summary.Read(ctx, []string{corpusPath}, input.Options{},
		func(*summary.Record) {
			if n++; n == 2 {
				cancel()
			}
		},
		func(where string, err error) { t.Errorf("%s: %v", where, err) })
	if !errors.Is(err, context.Canceled) || n != 2 {
		t.Errorf("error %v after %d records, want %v after 2", err, n, context.Canceled)
	}
}

func TestReadMaxBytes(t *testing.T) {
	line := fmt.Sprintf(`{"id":"long","title":%q}`, strings.Repeat("x", 100))
	var failures []string
	err := summary.Read(context.Background(), nil, input.Options{MaxBytes: 64, Stdin: strings.NewReader(line + "\n")},
		func(r *summary.Record) { t.Errorf("record %s read", r.ID) },
		func(where string, err error) { failures = append(failures, where+": "+err.Error()) })
	if err != nil || len(failures) != 1 || !strings.HasPrefix(failures[0], fmt.Sprintf("-:1: record is %d bytes", len(line))) {
		t.Errorf("failures %q, error %v", failures, err)
	}
}
