package stance

import "math/bits"

// A table finds the weights of a feature key in a layer. It is an
// open-addressing hash table with linear probing, at most half full, whose
// slots hold the keys and their weights themselves, so that a lookup, hit
// or miss, reads one or two adjacent slots instead of hashing the key again
// as a Go map would, and then reads no other memory. A key's first slot is
// chosen by Fibonacci hashing,
//
//	i(k) = ⌊(k·φ·2⁶⁴ mod 2⁶⁴) / 2^(64−b)⌋,
//
// with 2^b slots and φ the golden ratio, which spreads even keys that share
// their low bits.
type table struct {
	slots []slot
	shift uint // 64 − b
}

// A slot holds a key and its weights W_j·, or nothing, with zero weights,
// when full is false.
type slot struct {
	key     uint64
	weights [classes]float32
	full    bool
}

// fibonacci is 2⁶⁴/φ, rounded to an odd number.
const fibonacci = 0x9e3779b97f4a7c15

// newTable returns the table of keys, where keys[j] has the weights
// weights[3j : 3j+3]. A key listed twice has the weights of its first
// occurrence.
func newTable(keys []uint64, weights []float32) table {
	b := bits.Len(uint(2 * len(keys))) // 2^b > 2·len(keys): at most half full
	t := table{slots: make([]slot, 1<<b), shift: uint(64 - b)}
	mask := len(t.slots) - 1
	for j, k := range keys {
		i := t.first(k)
		for t.slots[i].full && t.slots[i].key != k {
			i = (i + 1) & mask
		}
		if !t.slots[i].full {
			t.slots[i] = slot{key: k, weights: [classes]float32(weights[classes*j : classes*j+classes]), full: true}
		}
	}
	return t
}

// first returns the first slot to probe for key k.
func (t *table) first(k uint64) int {
	if t.shift == 64 {
		return 0
	}
	return int((k * fibonacci) >> t.shift)
}

// find returns the weights of key k, or zeros when the table does not hold
// it: the zero weights of the empty slot that ends the probe. An empty slot
// whose zero key equals k ends the probe too, which is right, for a key 0
// in the table would have been found before it.
func (t *table) find(k uint64) *[classes]float32 {
	mask := len(t.slots) - 1
	for i := t.first(k); ; i = (i + 1) & mask {
		if s := &t.slots[i]; s.key == k || !s.full {
			return &s.weights
		}
	}
}
