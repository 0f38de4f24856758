// Package goldenfile compares the output of a test with a golden file, the
// expected output kept in the repository, and rewrites golden files when
// the tests run with the -update flag:
//
//	go test ./... -update
//
// It registers that flag on the command line of the test binary, so a
// package that imports it must not define its own -update flag. It is for
// tests only.
package goldenfile

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files with the output of the tests")

// Update reports whether the test binary runs with -update, for tests that
// regenerate other files (models, for instance) in the same run.
func Update() bool { return *update }

// Check compares got with the contents of the golden file at path. Without
// -update it fails t when they differ, naming the file and the first line
// that differs, or when the file cannot be read. With -update it writes got
// to path, creating its directory, and fails t only if writing fails.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	line, gotLine, wantLine := firstDifference(got, want)
	t.Errorf("output differs from %s at line %d (go test -update accepts the new output, after review):\ngot:  %q\nwant: %q",
		path, line, gotLine, wantLine)
}

// firstDifference returns the number, counted from 1, of the first line at
// which a and b differ, and that line of each with its line end (empty past
// the end); 0 when a and b are equal.
func firstDifference(a, b []byte) (line int, lineA, lineB []byte) {
	for line = 1; len(a) > 0 || len(b) > 0; line++ {
		lineA, a = cutLine(a)
		lineB, b = cutLine(b)
		if !bytes.Equal(lineA, lineB) {
			return line, lineA, lineB
		}
	}
	return 0, nil, nil
}

// cutLine splits s after its first newline, or at its end.
func cutLine(s []byte) (line, rest []byte) {
	if i := bytes.IndexByte(s, '\n'); i >= 0 {
		return s[:i+1], s[i+1:]
	}
	return s, nil
}
