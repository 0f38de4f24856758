package input

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestReadTrees(t *testing.T) {
	tree := map[string]string{
		"b.jsonl":       `{"text":"b"}`,
		"a/z.txt":       "az",
		"a/b/c.txt":     "abc",
		"a/.hidden.txt": "hidden",
		".dot/x.txt":    "x",
		"a.txt":         "a",
		"A.txt":         "A",
	}
	tests := []readCase{
		{name: "directory walked in lexical order, dot names skipped",
			files: tree,
			want: []string{
				`A.txt id=A.txt text="A"`,
				`a/b/c.txt id=a/b/c.txt text="abc"`,
				`a/z.txt id=a/z.txt text="az"`,
				`a.txt id=a.txt text="a"`,
				`b.jsonl:1 id=b.jsonl:1 text="b"`,
			}},
		{name: "paths in the order given, errors in place",
			files: tree,
			paths: []string{"b.jsonl", "missing.jsonl", "a", ".dot/x.txt", "a/b/c.txt"},
			want: []string{
				`b.jsonl:1 id=b.jsonl:1 text="b"`,
				`missing.jsonl error: stat missing.jsonl: no such file or directory raw=""`,
				`a/b/c.txt id=a/b/c.txt text="abc"`,
				`a/z.txt id=a/z.txt text="az"`,
				`.dot/x.txt id=.dot/x.txt text="x"`,
				`a/b/c.txt id=a/b/c.txt text="abc"`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

func TestReadSymlinks(t *testing.T) {
	dir := fixture(t, map[string]string{"a/b/c.txt": "abc", "target.txt": "target"})
	for _, l := range []struct{ old, new string }{
		{"..", "a/b/up"}, // a loop
		{filepath.Join(dir, "target.txt"), "a/file.txt"}, // followed
		{"nowhere", "a/dangling.txt"},
	} {
		if err := os.Symlink(l.old, filepath.Join(dir, l.new)); err != nil {
			t.Skipf("cannot make symbolic links: %v", err)
		}
	}
	r := Open([]string{filepath.Join(dir, "a")}, Options{})
	defer r.Close()
	got := summaries(t, r, dir)
	want := []string{
		`a/b/c.txt id=a/b/c.txt text="abc"`,
		`a/b/up error: directory loop: same directory as a raw=""`,
		`a/dangling.txt error: stat a/dangling.txt: no such file or directory raw=""`,
		`a/file.txt id=a/file.txt text="target"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%q\nwant\n\t%q", got, want)
	}
}

func TestJoinPath(t *testing.T) {
	sep := string(os.PathSeparator)
	tests := []struct{ dir, name, want string }{
		{"data", "a.txt", "data" + sep + "a.txt"},
		{"data" + sep, "a.txt", "data" + sep + "a.txt"},
		{"." + sep + "data", "a.txt", "." + sep + "data" + sep + "a.txt"},
		{sep, "a.txt", sep + "a.txt"},
	}
	for _, tt := range tests {
		if got := joinPath(tt.dir, tt.name); got != tt.want {
			t.Errorf("joinPath(%q, %q) = %q, want %q", tt.dir, tt.name, got, tt.want)
		}
	}
}

func TestTotalSize(t *testing.T) {
	dir := fixture(t, map[string]string{"a.txt": "12345", "d/b.txt": "123", "d/.skip": "1234567"})
	tests := []struct {
		paths []string
		want  int64
	}{
		{[]string{dir}, 8},
		{[]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "missing"), filepath.Join(dir, "d")}, 8},
		{[]string{filepath.Join(dir, "a.txt"), "-"}, -1},
		{nil, -1},
	}
	for _, tt := range tests {
		if got := totalSize(tt.paths, nil); got != tt.want {
			t.Errorf("totalSize(%q) = %d, want %d", tt.paths, got, tt.want)
		}
	}
	stop := make(chan struct{})
	close(stop)
	if got := totalSize([]string{dir}, stop); got != -1 {
		t.Errorf("totalSize after stop = %d, want -1", got)
	}
}
