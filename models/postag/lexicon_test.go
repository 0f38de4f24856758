package postag

import (
	"strconv"
	"testing"
)

func TestLexicon(t *testing.T) {
	keys := []string{"", "a", "ab", "abc", "\xff", "é"}
	for i := range 1000 {
		keys = append(keys, "k"+strconv.Itoa(i))
	}
	l := newLexicon(keys)
	for i, k := range keys {
		if got := l.find(k); got != int32(i+1) {
			t.Errorf("find(%q) = %d, want %d", k, got, i+1)
		}
		if got := l.findBytes([]byte(k)); got != int32(i+1) {
			t.Errorf("findBytes(%q) = %d, want %d", k, got, i+1)
		}
	}
	for _, k := range []string{"b", "abcd", "A", "k1000", "k-1", "\xfe", "e"} {
		if got := l.find(k); got != 0 {
			t.Errorf("find(%q) = %d, want 0", k, got)
		}
	}
	if empty := newLexicon(nil); empty.find("x") != 0 {
		t.Error("an empty lexicon finds x")
	}
}
