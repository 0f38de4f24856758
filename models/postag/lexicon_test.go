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
	l, err := newLexicon(keys)
	if err != nil {
		t.Fatal(err)
	}
	for i, k := range keys {
		if got := l.find(k); got != int32(i+1) {
			t.Errorf("find(%q) = %d, want %d", k, got, i+1)
		}
		if got := l.findBytes([]byte(k)); got != int32(i+1) {
			t.Errorf("findBytes(%q) = %d, want %d", k, got, i+1)
		}
	}
	for _, k := range []string{"b", "abcd", "A", "k1000", "k-1", "\xfe", "e", "aab", "abb", "\x00"} {
		if got := l.find(k); got != 0 {
			t.Errorf("find(%q) = %d, want 0", k, got)
		}
	}
	if empty, err := newLexicon(nil); err != nil || empty.find("x") != 0 {
		t.Errorf("an empty lexicon finds x (%v)", err)
	}
}

// TestHashKey requires hashKey to hash a string and its bytes alike and to
// tell apart all prefixes of two strings, which exercises every length class
// of its tail.
func TestHashKey(t *testing.T) {
	seen := map[uint64]string{}
	for _, s := range []string{"abcdefghijklmnopqrstuvwxyz", "\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"} {
		for n := range len(s) + 1 {
			k := s[:n]
			h, pack := hashKey(k)
			if hb, pb := hashKey([]byte(k)); hb != h || pb != pack {
				t.Errorf("hashKey(%q) = %#x, %#x as a string, %#x, %#x as bytes", k, h, pack, hb, pb)
			}
			if prev, dup := seen[h]; dup && prev != k {
				t.Errorf("hashKey(%q) = hashKey(%q) = %#x", k, prev, h)
			}
			seen[h] = k
		}
	}
}

// TestLexiconProbes requires the lexicon of the embedded model to find its
// keys in few probes: linear probing in a table 3/5 full, as it is, takes
// about 1.75 probes on average if the hash spreads the keys well.
func TestLexiconProbes(t *testing.T) {
	l := &defaultTagger(t).lex
	probes := 0
	for e := 1; e < len(l.ends); e++ {
		h, _ := hashKey(l.key(int32(e)))
		for j := h & l.mask; l.slots[j].entry() != int32(e); j = (j + 1) & l.mask {
			probes++
		}
		probes++
	}
	mean := float64(probes) / float64(len(l.ends)-1)
	t.Logf("%d keys in %d slots, %.3f probes per key", len(l.ends)-1, len(l.slots), mean)
	if mean > 2 {
		t.Errorf("%.3f probes per key, want at most 2", mean)
	}
}
