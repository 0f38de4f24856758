package beampipe

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
)

// readAll runs readFn on path and returns the articles and dead letters
// it emits.
func readAll(t *testing.T, path string) ([]article, []string) {
	t.Helper()
	var arts []article
	var dead []string
	fn := &readFn{MaxBytes: 1 << 20}
	err := fn.ProcessElement(context.Background(), path,
		func(a article) { arts = append(arts, a) },
		func(rec []byte) { dead = append(dead, string(rec)) })
	if err != nil {
		t.Fatal(err)
	}
	return arts, dead
}

// TestReadRemoteAsLocal checks that a file of another Beam file system is
// read as the same file on the local file system, up to its name, in
// every format the input reader knows.
func TestReadRemoteAsLocal(t *testing.T) {
	files := []struct{ name, content string }{
		{"feed.jsonl", `{"id":"a","text":"Encryption protects us.","source":"Wire"}` + "\n" +
			`{"text":"No id here."}` + "\n" + `not JSON` + "\n"},
		{"note.txt", "A plain-text article about backdoors.\n"},
		{"gz.jsonl.gz", string(gzipBytes(t, `{"text":"Compressed, without id."}`+"\n"))},
	}
	dir := t.TempDir()
	for _, f := range files {
		local := filepath.Join(dir, f.name)
		remote := "memfs://stancer-test/" + f.name
		if err := os.WriteFile(local, []byte(f.content), 0o644); err != nil {
			t.Fatal(err)
		}
		memfs.Write(remote, []byte(f.content))

		wantArts, wantDead := readAll(t, local)
		if len(wantArts) == 0 {
			t.Fatalf("%s: no article read", local)
		}
		gotArts, gotDead := readAll(t, remote)
		renamed := func(s string) string { return strings.ReplaceAll(s, local, remote) }
		for i := range wantArts {
			wantArts[i].Input, wantArts[i].ID = renamed(wantArts[i].Input), renamed(wantArts[i].ID)
		}
		for i := range wantDead {
			wantDead[i] = renamed(wantDead[i])
		}
		if !reflect.DeepEqual(gotArts, wantArts) {
			t.Errorf("%s: articles\n%+v\nwant\n%+v", remote, gotArts, wantArts)
		}
		if !reflect.DeepEqual(gotDead, wantDead) {
			t.Errorf("%s: dead letters %q, want %q", remote, gotDead, wantDead)
		}
	}
}

// TestReadMissing checks that an input that cannot be opened, local or
// remote, becomes one dead letter naming it.
func TestReadMissing(t *testing.T) {
	for _, path := range []string{filepath.Join(t.TempDir(), "missing.jsonl"), "memfs://stancer-test/missing.jsonl"} {
		arts, dead := readAll(t, path)
		if len(arts) != 0 || len(dead) != 1 || !strings.HasPrefix(dead[0], `{"input":"`+path+`","error":`) {
			t.Errorf("%s: %d articles and dead letters %q, want one dead letter", path, len(arts), dead)
		}
	}
}

func TestRename(t *testing.T) {
	tests := []struct {
		input, id         string
		wantInput, wantID string
	}{
		{"-:3", "-:3", "gs://b/f.jsonl:3", "gs://b/f.jsonl:3"},
		{"-:3", "art-1", "gs://b/f.jsonl:3", "art-1"},
		{"-", "-", "gs://b/f.jsonl", "gs://b/f.jsonl"},
		{"other:1", "other:1", "other:1", "other:1"},
	}
	for _, tt := range tests {
		d := (&article{Input: tt.input, ID: tt.id}).doc()
		rename(d, "gs://b/f.jsonl")
		if d.Input != tt.wantInput || d.ID != tt.wantID {
			t.Errorf("rename(%q, %q) = %q, %q; want %q, %q", tt.input, tt.id, d.Input, d.ID, tt.wantInput, tt.wantID)
		}
	}
}

// gzipBytes returns s compressed by gzip.
func gzipBytes(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	if _, err := zw.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
