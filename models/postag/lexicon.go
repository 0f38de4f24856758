package postag

import (
	"hash/maphash"
	"math/bits"
)

// A lexicon maps strings to entry indices, 0 meaning absent. It is an
// open-addressing hash table with linear probing, at most half full; the
// keys are kept in one byte arena, and each slot holds 32 bits of its key's
// hash, so that probing seldom compares a key.
type lexicon struct {
	seed  maphash.Seed
	mask  uint64
	slots []lexSlot
	keys  []byte   // the keys in entry order
	ends  []uint32 // entry e's key is keys[ends[e-1]:ends[e]] (ends[0] = 0)
}

// A lexSlot holds an entry and the high half of its key's hash; entry 0
// marks an empty slot.
type lexSlot struct {
	hash  uint32
	entry int32
}

// newLexicon returns a lexicon of keys, keys[i] having entry i+1.
func newLexicon(keys []string) lexicon {
	size := uint64(1) << bits.Len(uint(2*len(keys)))
	l := lexicon{
		seed:  maphash.MakeSeed(),
		mask:  size - 1,
		slots: make([]lexSlot, size),
		ends:  make([]uint32, 1, len(keys)+1),
	}
	for i, k := range keys {
		l.keys = append(l.keys, k...)
		l.ends = append(l.ends, uint32(len(l.keys)))
		h := maphash.String(l.seed, k)
		j := h & l.mask
		for l.slots[j].entry != 0 {
			j = (j + 1) & l.mask
		}
		l.slots[j] = lexSlot{hash: uint32(h >> 32), entry: int32(i + 1)}
	}
	return l
}

// find returns the entry of s, or 0.
func (l *lexicon) find(s string) int32 {
	return probe(l, maphash.String(l.seed, s), s)
}

// findBytes returns the entry of the string b, or 0.
func (l *lexicon) findBytes(b []byte) int32 {
	return probe(l, maphash.Bytes(l.seed, b), b)
}

// probe returns the entry of key, whose hash is h, or 0.
func probe[K string | []byte](l *lexicon, h uint64, key K) int32 {
	hi := uint32(h >> 32)
	for j := h & l.mask; ; j = (j + 1) & l.mask {
		s := l.slots[j]
		if s.entry == 0 {
			return 0
		}
		if s.hash == hi && string(l.keys[l.ends[s.entry-1]:l.ends[s.entry]]) == string(key) {
			return s.entry
		}
	}
}
