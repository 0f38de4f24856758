package stance

import (
	"testing"
	"unsafe"
)

// TestFeatureNote checks that a feature of words has noteWords and a noted
// one the note it was given, and that a feature keeps in 32 bytes, two to
// a cache line, which is why the note shares a field.
func TestFeatureNote(t *testing.T) {
	words := feature{key: 1, val: 1, from: 3, to: 5}
	if got := words.note(); got != noteWords {
		t.Errorf("note of a feature of words = %d, want noteWords", got)
	}
	for n := range note(len(notes)) {
		if got := noted(1, 0.5, n); got.note() != n || got.from >= 0 || got.val != 0.5 {
			t.Errorf("noted(1, 0.5, %d) = %+v with note %d", n, got, got.note())
		}
	}
	if size := unsafe.Sizeof(feature{}); size != 32 {
		t.Errorf("a feature takes %d bytes, want 32", size)
	}
}
