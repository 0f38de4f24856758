package gazetteer

// seqKey extends the key k of a token sequence by a token whose hash is
// h = Extend(Seed, w, fold); the key of the empty sequence is Seed:
//
//	key(w_0 … w_j) = Mix(key(w_0 … w_{j-1}), h_j)
//
// Built from the tokens' hashes, the keys of all the sequences starting at
// each token of a sentence cost one Mix per step, and callers that hash
// the tokens already (models/ner) pass their hashes. A key is never 0.
func seqKey(k, h uint64) uint64 { return Mix(k, h) }

// node says which lists hold a token sequence as a whole entry, and whether
// it is a proper prefix of some longer entry.
type node struct {
	lists  uint16
	prefix bool
}

// index maps sequence keys to nodes: an open-addressing hash table with
// linear probing over a power of two slots, at most half of them used.
// keys[j] is the key held in slot j, 0 when the slot is empty, and
// nodes[j] its node; the low bits of a key pick its first slot.
//
// Most words of a text start no entry. So that their lookups need not
// reach the table, a bitmap of filterBits bits per slot, small enough to
// stay in the first-level cache, has bit ⌊k / 2^shift⌋ set for each key k
// of the table (the high bits of a key); a lookup of a key whose bit is
// clear ends there.
type index struct {
	keys   []uint64
	nodes  []node
	mask   uint64
	filter []uint64
	shift  uint
}

// filterBits is the number of bits of index.filter per slot, 2^filterBitsLog.
const (
	filterBitsLog = 2
	filterBits    = 1 << filterBitsLog
)

// newIndex returns an empty index with room for n keys.
func newIndex(n int) index {
	size, log := 64, 6
	for size < 2*n {
		size, log = size*2, log+1
	}
	return index{
		keys:   make([]uint64, size),
		nodes:  make([]node, size),
		mask:   uint64(size - 1),
		filter: make([]uint64, size*filterBits/64),
		shift:  uint(64 - log - filterBitsLog),
	}
}

// slot returns the slot of key k, or the empty slot where it would go.
func (x *index) slot(k uint64) uint64 {
	j := k & x.mask
	for x.keys[j] != k && x.keys[j] != 0 {
		j = (j + 1) & x.mask
	}
	return j
}

// at returns the node of key k, for a k the index was made with room for.
func (x *index) at(k uint64) *node {
	j := x.slot(k)
	x.keys[j] = k
	b := k >> x.shift
	x.filter[b/64] |= 1 << (b % 64)
	return &x.nodes[j]
}

// get returns the node of key k and whether the index holds k.
func (x *index) get(k uint64) (node, bool) {
	if b := k >> x.shift; x.filter[b/64]&(1<<(b%64)) == 0 {
		return node{}, false
	}
	j := x.slot(k)
	return x.nodes[j], x.keys[j] != 0
}
