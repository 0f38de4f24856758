package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// score returns the sums of the weights of keys in t, label by label.
func score(t *table, keys []uint64) []int32 {
	var acc lanes
	t.add(&acc, keys)
	row := make([]int32, t.nl)
	t.unpack(&acc, row)
	return row
}

// probeRow returns the row of key in t's slots plus one (0 for none) by a
// plain linear probe: the meaning of a lookup that add must keep.
func probeRow(t *table, key uint64) int {
	tag := key>>32 | 1
	for j := key & t.mask; ; j = (j + 1) & t.mask {
		switch s := t.slots[j]; {
		case s>>32 == tag:
			return int(uint32(s))
		case s == 0:
			return 0
		}
	}
}

// TestTableLookups checks the lookups of add against a plain linear probe, in
// a table whose keys crowd a few homes around the end of the slots, so
// that runs are long and wrap around: keys present; keys absent; and keys
// absent whose tag is a present key's with a home in that key's run, which
// a probe takes for that key (a false match, which add must make too).
func TestTableLookups(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const nl = 3
	var keys []uint64
	var weights []int16
	for range 40 {
		home := (120 + rng.Uint64N(16)) % 128 // the table has 128 slots
		keys = append(keys, rng.Uint64()&^127|home)
		for range nl {
			weights = append(weights, int16(rng.IntN(2001)-1000))
		}
	}
	tb, err := newTable(keys, weights, nl)
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.slots) != 128 {
		t.Fatalf("table of %d slots, want 128", len(tb.slots))
	}
	lookups := slices.Clone(keys)
	for range 200 {
		lookups = append(lookups, rng.Uint64()) // absent
	}
	falseMatches := 0
	for _, k := range keys {
		for h := uint64(0); h < 128; h++ {
			if f := k&^127 | h; f != k && probeRow(&tb, f) != 0 {
				lookups = append(lookups, f^1<<20) // same tag and home, another key
				falseMatches++
			}
		}
	}
	if falseMatches == 0 {
		t.Fatal("no false match to test")
	}
	for _, k := range lookups {
		want := make([]int32, nl)
		if r := probeRow(&tb, k); r > 0 {
			for l, w := range weights[(r-1)*nl : r*nl] {
				want[l] = int32(w)
			}
		}
		if got := score(&tb, []uint64{k}); !slices.Equal(got, want) {
			t.Fatalf("score of key %#x = %v, want %v", k, got, want)
		}
	}
}

// TestScoreSumsExtremes checks the packed sums (see table) against plain
// sums, for weights of the largest magnitude and an odd and an even number
// of labels.
func TestScoreSumsExtremes(t *testing.T) {
	for _, nl := range []int{3, 4, maxLabels} {
		var keys []uint64
		var weights []int16
		for i := range 400 {
			keys = append(keys, uint64(i+1)*0x9E3779B97F4A7C15)
			for l := range nl {
				w := int16(math.MaxInt16)
				if (i+l)%3 == 0 {
					w = math.MinInt16
				}
				weights = append(weights, w)
			}
		}
		tb, err := newTable(keys, weights, nl)
		if err != nil {
			t.Fatal(err)
		}
		want := make([]int32, nl)
		for i, w := range weights {
			want[i%nl] += int32(w)
		}
		if got := score(&tb, keys); !slices.Equal(got, want) {
			t.Errorf("%d labels: sums %v, want %v", nl, got, want)
		}
	}
}

func TestNewTableRejectsBadKeys(t *testing.T) {
	for _, keys := range [][]uint64{{1, 0}, {7, 7}} {
		if _, err := newTable(keys, make([]int16, 2*len(keys)), 2); err == nil {
			t.Errorf("newTable(%v) succeeded", keys)
		}
	}
}
