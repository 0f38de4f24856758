package ner

import "fmt"

// table holds the feature weights in an open-addressing hash table with
// linear probing, keyed by feature key. Slot j has a tag, the key's high
// 32 bits with the lowest bit set (0 marks an empty slot), and the weights
// weights[j·nl : (j+1)·nl]; the low bits of the key pick the first slot, so
// a lookup compares about 32 + log2(slots) bits of the key, and at the
// model's sizes a false match is negligible. A lookup of an absent key
// ends on an empty slot, whose weights are zero, so scoring adds a slot's
// weights without a branch either way.
type table struct {
	tags    []uint32
	weights []int16
	nl      int
	mask    uint64
}

// tagOf returns the slot tag of a key.
func tagOf(key uint64) uint32 { return uint32(key>>32) | 1 }

// newTable returns the table of the given keys and nl weights per key:
// the weights of keys[r] are weights[r·nl : (r+1)·nl]. It has a power of
// two slots, at least twice len(keys). It fails on a zero key and on two
// keys it cannot tell apart.
func newTable(keys []uint64, weights []int16, nl int) (table, error) {
	size := 2
	for size < 2*len(keys) {
		size *= 2
	}
	t := table{tags: make([]uint32, size), weights: make([]int16, size*nl), nl: nl, mask: uint64(size - 1)}
	for r, k := range keys {
		if k == 0 {
			return table{}, fmt.Errorf("feature %d has key 0", r)
		}
		j := t.slot(k)
		if t.tags[j] != 0 {
			return table{}, fmt.Errorf("feature %d repeats key %#x", r, k)
		}
		t.tags[j] = tagOf(k)
		copy(t.weights[j*nl:(j+1)*nl], weights[r*nl:(r+1)*nl])
	}
	return t, nil
}

// slot returns the slot of key, or the empty slot where it would go.
func (t *table) slot(key uint64) int {
	tag := tagOf(key)
	j := key & t.mask
	for t.tags[j] != tag && t.tags[j] != 0 {
		j = (j + 1) & t.mask
	}
	return int(j)
}

// row returns the weights of key, all zeros when it is absent.
func (t *table) row(key uint64) []int16 {
	j := t.slot(key)
	return t.weights[j*t.nl : (j+1)*t.nl]
}
