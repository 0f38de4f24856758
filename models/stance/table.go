package stance

import "math/bits"

// A table finds the row of a feature key in a layer. It is an open-addressing
// hash table with linear probing, at most half full, whose slots hold the
// keys themselves, so that a lookup, hit or miss, reads one or two adjacent
// slots instead of hashing the key again as a Go map would. A key's first
// slot is chosen by Fibonacci hashing,
//
//	i(k) = ⌊(k·φ·2⁶⁴ mod 2⁶⁴) / 2^(64−b)⌋,
//
// with 2^b slots and φ the golden ratio, which spreads even keys that share
// their low bits.
type table struct {
	slots []slot
	shift uint // 64 − b
}

// A slot holds a key and 1 + its row, or row 0 when the slot is empty.
type slot struct {
	key uint64
	row int32
}

// fibonacci is 2⁶⁴/φ, rounded to an odd number.
const fibonacci = 0x9e3779b97f4a7c15

// newTable returns the table of keys, whose row j is that of keys[j]. A key
// listed twice has the row of its first occurrence.
func newTable(keys []uint64) table {
	b := bits.Len(uint(2 * len(keys))) // 2^b > 2·len(keys): at most half full
	t := table{slots: make([]slot, 1<<b), shift: uint(64 - b)}
	mask := len(t.slots) - 1
	for j, k := range keys {
		i := t.first(k)
		for t.slots[i].row != 0 && t.slots[i].key != k {
			i = (i + 1) & mask
		}
		if t.slots[i].row == 0 {
			t.slots[i] = slot{key: k, row: int32(j + 1)}
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

// find returns the row of key k, or -1 when the table does not hold it.
func (t *table) find(k uint64) int {
	mask := len(t.slots) - 1
	for i := t.first(k); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.row == 0 {
			return -1
		}
		if s.key == k {
			return int(s.row) - 1
		}
	}
}
