package postag

import "math/bits"

// A lexicon maps strings to entry indices, 0 meaning absent. It is an
// open-addressing hash table with linear probing, at most 2/3 full; the
// keys are kept in one string. Each slot holds the high 32 bits of its
// key's hash and its length and, for keys of at most shortKey bytes, most
// words, the packing of their bytes that hashKey computes, so that probing
// such a key reads nothing but slots. The hash depends on nothing but the
// key's bytes, so the table can be stored in the model file and used as it
// is.
type lexicon struct {
	mask  uint64    // len(slots)-1; len(slots) is a power of two
	slots []lexSlot // the table; at least one slot is empty
	keys  string    // the keys in entry order
	ends  []uint32  // entry e's key is keys[ends[e-1]:ends[e]] (ends[0] = 0)
}

// A lexSlot holds an entry and what tells its key from others; info 0 marks
// an empty slot.
type lexSlot struct {
	hash uint32 // the high half of the key's hash
	// info is the entry shifted left by lenBits, or'ed with the length of
	// the key or, if the key is longer than shortKey bytes, with longKey.
	info uint32
	// packLo and packHi are the low and high halves of the packing of a
	// short key (see hashKey), 0 for a long one.
	packLo, packHi uint32
}

// Keys of at most shortKey bytes are told apart by their length and
// packing alone; longer ones have the length class longKey.
const (
	shortKey = 8
	longKey  = shortKey + 1
	lenBits  = 4
	lenMask  = 1<<lenBits - 1
	// maxEntries bounds the entries that info can hold.
	maxEntries = 1 << (32 - lenBits)
)

// newSlot returns the slot of entry e, whose key has the hash h and the
// packing pack.
func newSlot[K string | []byte](key K, e int32, h, pack uint64) lexSlot {
	n := lengthClass(key)
	if n == longKey {
		pack = 0
	}
	return lexSlot{hash: uint32(h >> 32), info: uint32(e)<<lenBits | n, packLo: uint32(pack), packHi: uint32(pack >> 32)}
}

// lengthClass returns the length of key, or longKey if it is longer than
// shortKey bytes.
func lengthClass[K string | []byte](key K) uint32 { return uint32(min(len(key), longKey)) }

// entry returns the entry of s.
func (s *lexSlot) entry() int32 { return int32(s.info >> lenBits) }

// find returns the entry of s, or 0.
func (l *lexicon) find(s string) int32 { return probe(l, s) }

// findBytes returns the entry of the string b, or 0.
func (l *lexicon) findBytes(b []byte) int32 { return probe(l, b) }

// probe returns the entry of key, or 0.
func probe[K string | []byte](l *lexicon, key K) int32 {
	h, pack := hashKey(key)
	hi, n := uint32(h>>32), lengthClass(key)
	for j := h & l.mask; ; j = (j + 1) & l.mask {
		s := &l.slots[j]
		switch {
		case s.info == 0:
			return 0
		case s.hash != hi || s.info&lenMask != n:
		case n < longKey:
			if s.packLo == uint32(pack) && s.packHi == uint32(pack>>32) {
				return s.entry()
			}
		case l.key(s.entry()) == string(key):
			return s.entry()
		}
	}
}

// key returns the key of entry e.
func (l *lexicon) key(e int32) string { return l.keys[l.ends[e-1]:l.ends[e]] }

// Constants of hashKey: odd numbers with no pattern in their bits.
const (
	hashSeed = 0x8f3a_5c1d_e047_b29b
	hashMulA = 0x9e37_79b9_7f4a_7c15
	hashMulB = 0xc2b2_ae3d_27d4_eb4f
)

// hashKey returns a 64-bit hash of the string k that depends on its bytes
// alone, not on the process or the machine, and the packing t of its last
// 1 to 8 bytes into 64 bits, which is one-to-one for each length. Writing
// fold(x, m) for the exclusive or of the high and low halves of the 128-bit
// product x·m, and c₁, …, cₙ for the 8-byte little-endian chunks of k but
// its last 1 to 8 bytes, it computes
//
//	h₀ = seed,  hᵢ = fold(hᵢ₋₁ ⊕ cᵢ, A),  hash = fold(hₙ ⊕ t, B ⊕ 2·len(k)).
//
// The length enters the last multiplier, which stays odd, so that strings
// of different lengths do not collide by design.
func hashKey[K string | []byte](k K) (hash, t uint64) {
	m := hashMulB ^ uint64(len(k))<<1
	h := uint64(hashSeed)
	for ; len(k) > 8; k = k[8:] {
		h = fold(h^le64(k), hashMulA)
	}
	switch n := len(k); {
	case n >= 4: // the first and the last four bytes, which overlap when n < 8
		t = uint64(le32(k))<<32 | uint64(le32(k[n-4:]))
	case n > 0:
		t = uint64(k[0])<<16 | uint64(k[n/2])<<8 | uint64(k[n-1])
	}
	return fold(h^t, m), t
}

// fold returns the exclusive or of the high and low halves of x·m.
func fold(x, m uint64) uint64 {
	hi, lo := bits.Mul64(x, m)
	return hi ^ lo
}

// le64 returns the first eight bytes of b as a little-endian number.
func le64[K string | []byte](b K) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// le32 returns the first four bytes of b as a little-endian number.
func le32[K string | []byte](b K) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}
