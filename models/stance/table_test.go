package stance

import "testing"

// rowsOf returns the weights that TestTable gives n keys: key j has the
// weights (j+1, 10(j+1), −(j+1)).
func rowsOf(n int) []float32 {
	w := make([]float32, 0, classes*n)
	for j := range n {
		v := float32(j + 1)
		w = append(w, v, 10*v, -v)
	}
	return w
}

func TestTable(t *testing.T) {
	// Keys that share their low bits, or whose first slots collide, must
	// still be told apart; key 0 must be told from an empty slot.
	crowded := []uint64{0, 1 << 20, 2 << 20, 3 << 20, 1<<63 | 5, 7, 8, 9}
	for _, tc := range []struct {
		name   string
		keys   []uint64
		absent []uint64
	}{
		{"empty", nil, []uint64{0, 1, 1 << 63}},
		{"one", []uint64{42}, []uint64{0, 43}},
		{"crowded", crowded, []uint64{4 << 20, 10, 1 << 63}},
		{"hashed", []uint64{key(kindUnigram, 1, 0), key(kindUnigram, 2, 0), flagKey("modal")}, []uint64{key(kindBigram, 1, 2)}},
	} {
		weights := rowsOf(len(tc.keys))
		tab := newTable(tc.keys, weights)
		if n := len(tab.slots); n <= 2*len(tc.keys) || n&(n-1) != 0 {
			t.Errorf("%s: %d slots for %d keys, want a power of two above twice as many", tc.name, n, len(tc.keys))
		}
		for j, k := range tc.keys {
			if got, want := *tab.find(k), [classes]float32(weights[classes*j:]); got != want {
				t.Errorf("%s: find(%#x) = %v, want %v", tc.name, k, got, want)
			}
		}
		for _, k := range tc.absent {
			if got := *tab.find(k); got != [classes]float32{} {
				t.Errorf("%s: find(%#x) = %v for an absent key, want zeros", tc.name, k, got)
			}
		}
	}
}

func TestTableDuplicateKeys(t *testing.T) {
	tab := newTable([]uint64{7, 9, 7}, rowsOf(3))
	if got, want := *tab.find(7), [classes]float32{1, 10, -1}; got != want {
		t.Errorf("find(7) = %v, want the first weights %v", got, want)
	}
	if got, want := *tab.find(9), [classes]float32{2, 20, -2}; got != want {
		t.Errorf("find(9) = %v, want %v", got, want)
	}
}

func BenchmarkTableFind(b *testing.B) {
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	keys := m.local.keys
	for b.Loop() {
		for i, k := range keys {
			// Every other lookup misses, as most n-grams of a text do.
			if i%2 == 1 {
				k ^= 1
			}
			m.local.index.find(k)
		}
	}
}

// TestLayerSupport checks that logits notes each feature's weights and
// that support reads them: x_j·(W_jc − mean_k W_jk) for a feature with weights, 0
// for one without or for one whose logits were never computed.
func TestLayerSupport(t *testing.T) {
	l := newLayer([]uint64{10, 20}, []float32{1, 2, 3, 0, -3, 0}, [classes]float32{0.5, 0, 0})
	fs := []feature{{key: 20, val: 2}, {key: 10, val: 1}, {key: 30, val: 5}}
	unseen := feature{key: 10, val: 1}
	if got := unseen.support(0); got != 0 {
		t.Errorf("support before logits = %v, want 0", got)
	}
	z := l.logits(fs)
	if want := [classes]float64{0.5 + 1, 2 - 6, 3}; z != want {
		t.Errorf("logits = %v, want %v", z, want)
	}
	for _, tc := range []struct {
		f    int
		c    int
		want float64
	}{
		{0, sideAgainst, 2 * (-3 + 1)}, {0, sideFavor, 2 * 1}, {1, sideNeutral, 3 - 2}, {2, sideFavor, 0},
	} {
		if got := fs[tc.f].support(tc.c); got != tc.want {
			t.Errorf("support(feature %d, class %d) = %v, want %v", tc.f, tc.c, got, tc.want)
		}
	}
}
