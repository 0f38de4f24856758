package goldenfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFirstDifference(t *testing.T) {
	tests := []struct {
		a, b         string
		line         int
		lineA, lineB string
	}{
		{"x\ny\n", "x\ny\n", 0, "", ""},
		{"", "", 0, "", ""},
		{"x\ny\n", "x\nz\n", 2, "y\n", "z\n"},
		{"x\n", "x", 1, "x\n", "x"},
		{"x\ny", "x\n", 2, "y", ""},
		{"", "a", 1, "", "a"},
	}
	for _, tt := range tests {
		line, lineA, lineB := firstDifference([]byte(tt.a), []byte(tt.b))
		if line != tt.line || string(lineA) != tt.lineA || string(lineB) != tt.lineB {
			t.Errorf("firstDifference(%q, %q) = %d, %q, %q; want %d, %q, %q",
				tt.a, tt.b, line, lineA, lineB, tt.line, tt.lineA, tt.lineB)
		}
	}
}

// recorder is a testing.TB that notes failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Helper()               {}
func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Fatal(...any)          { r.failed = true }

func TestCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "out.golden")
	check := func(got string, updating bool) bool {
		defer func(old bool) { *update = old }(*update)
		*update = updating
		r := &recorder{TB: t}
		Check(r, path, []byte(got))
		return !r.failed
	}
	if check("a\n", false) {
		t.Error("Check passed without a golden file")
	}
	if !check("a\n", true) {
		t.Error("Check with -update failed")
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != "a\n" {
		t.Errorf("golden file %q, %v after -update; want %q", b, err, "a\n")
	}
	if !check("a\n", false) {
		t.Error("Check failed on output equal to the golden file")
	}
	if check("b\n", false) {
		t.Error("Check passed on output that differs from the golden file")
	}
}
