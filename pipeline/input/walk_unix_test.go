//go:build unix

package input

import (
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

func TestReadUnreadable(t *testing.T) {
	dir := fixture(t, map[string]string{"a.txt": "a", "b.txt": "secret", "c/d.txt": "secret", "e.txt": "e"})
	for _, p := range []string{"b.txt", "c"} {
		if err := os.Chmod(filepath.Join(dir, p), 0); err != nil {
			t.Fatal(err)
		}
		defer os.Chmod(filepath.Join(dir, p), 0o755)
	}
	if f, err := os.Open(filepath.Join(dir, "b.txt")); err == nil {
		f.Close()
		t.Skip("file modes do not stop this process from reading (running as root?)")
	}
	r := Open([]string{dir}, Options{})
	defer r.Close()
	got := summaries(t, r, dir)
	want := []string{
		`a.txt id=a.txt text="a"`,
		`b.txt error: open b.txt: permission denied raw=""`,
		`c error: open c: permission denied raw=""`,
		`e.txt id=e.txt text="e"`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%q\nwant\n\t%q", got, want)
	}
}

func TestReadSkipsSpecialFilesInTrees(t *testing.T) {
	dir := fixture(t, map[string]string{"a.txt": "a", "z.txt": "z"})
	if err := syscall.Mkfifo(filepath.Join(dir, "m.fifo"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe: %v", err)
	}
	r := Open([]string{dir}, Options{})
	defer r.Close()
	got := summaries(t, r, dir) // would block forever opening the pipe
	want := []string{`a.txt id=a.txt text="a"`, `z.txt id=z.txt text="z"`}
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%q\nwant\n\t%q", got, want)
	}
}
