package input

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/stancer/stancer/pipeline/doc"
)

// fixture writes files, named by slash-separated paths, under a new
// temporary directory and returns the directory.
func fixture(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// gz returns s compressed as one gzip member.
func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	io.WriteString(w, s)
	w.Close()
	return b.String()
}

// zst returns s compressed as one zstd frame.
func zst(s string) string {
	w, err := zstd.NewWriter(nil)
	if err != nil {
		panic(err)
	}
	defer w.Close()
	return string(w.EncodeAll([]byte(s), nil))
}

// readAll reads r to the end, checking that Seq counts from 0.
func readAll(t testing.TB, r *Reader) []*doc.Doc {
	t.Helper()
	var docs []*doc.Doc
	for {
		d, err := r.Next()
		if err == io.EOF {
			return docs
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		if d.Seq != int64(len(docs)) {
			t.Fatalf("doc %d has Seq %d", len(docs), d.Seq)
		}
		docs = append(docs, d)
	}
}

// summary describes d in one line, with dir removed from paths.
func summary(d *doc.Doc, dir string) string {
	rel := func(s string) string { return strings.ReplaceAll(s, dir+string(os.PathSeparator), "") }
	if d.Err != nil {
		return fmt.Sprintf("%s error: %s raw=%q", rel(d.Input), rel(d.Err.Error()), d.Raw)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s id=%s text=%q", rel(d.Input), rel(d.ID), d.Text)
	for _, f := range []struct {
		name string
		val  *string
	}{{"title", d.Title}, {"url", d.URL}, {"date", d.Date}, {"source", d.Source}} {
		if f.val != nil {
			fmt.Fprintf(&b, " %s=%q", f.name, *f.val)
		}
	}
	if len(d.Warnings) > 0 {
		fmt.Fprintf(&b, " warnings=%q", d.Warnings)
	}
	return b.String()
}

// summaries reads r to the end and describes each doc.
func summaries(t testing.TB, r *Reader, dir string) []string {
	t.Helper()
	var out []string
	for _, d := range readAll(t, r) {
		out = append(out, summary(d, dir))
	}
	return out
}
