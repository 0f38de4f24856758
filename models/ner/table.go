package ner

import "fmt"

// table holds the feature weights, indexed by feature key for scoring.
//
// The index is an open-addressing hash table with linear probing of a
// power of two slots, at least twice as many as keys. The low bits of a
// key pick its first slot, its home; slot j holds
//
//	slots[j] = tag·2³² + r
//
// where tag is the key's high 32 bits with the lowest bit set and r is
// the key's row plus one; 0 marks an empty slot. A lookup returns the
// first slot from the home on that holds the key's tag or is empty. It
// compares about 32 + log2(len(slots)) bits of the key, and at the model's
// sizes a false match is negligible. A lookup of an absent key ends on an
// empty slot, whose r of 0 is an all-zero row, so scoring adds a row
// without a branch either way.
//
// Most lookups end at the home. Of the rest, most are of absent keys
// whose home holds another key: runs tells them apart without probing,
// so that score takes a branch the processor mispredicts only for the
// few lookups that probe. runs is a bitmap of runBits bits per slot; for
// every slot p of tag g and every slot j from the first of the run of
// full slots that holds p up to p, it sets bit
//
//	runBit(j, g) = ⌊((g·2³² + j)·φ mod 2⁶⁴) / 2^shift⌋,  φ = 0x9E3779B97F4A7C15
//
// A clear bit runBit(j, g) thus says that no slot of tag g lies between
// slot j and the next empty slot: a lookup from home j of tag g ends there.
//
// Each row is kept twice. weights[(r-1)·nl : r·nl] are the nl int16
// weights of row r as the model file has them (row reads them). packed
// holds them for scoring, two labels to an int64 lane:
//
//	packed[r·stride + i] = w[2i] + w[2i+1]·2³²,  stride = ⌈nl/2⌉
//
// (w[nl] = 0 when nl is odd), and maxLanes − stride zero lanes pad the
// end so that every row can be read as maxLanes lanes. Adding lanes adds
// both halves at once: after summing the lanes of features f, a lane x
// holds L + H·2³² with L = Σ_f w_f[2i] and H = Σ_f w_f[2i+1], and as long
// as |L| < 2³¹, L is x's low 32 bits read as an int32 and H = (x − L)/2³²
// (see unpack). A token has at most a few hundred features of |w| ≤ 2¹⁵,
// so its sums stay far below 2³¹.
type table struct {
	slots   []uint64
	mask    uint64
	runs    []uint64
	shift   uint
	weights []int16
	packed  []int64
	nl      int
	stride  int
}

// runBits is the number of bits of table.runs per slot, 2^runBitsLog.
// With half of the slots full at most, about one bit in eight is set.
const (
	runBitsLog = 3
	runBits    = 1 << runBitsLog
)

// tagOf returns the slot tag of a key.
func tagOf(key uint64) uint32 { return uint32(key>>32) | 1 }

// newTable returns the table of the given keys and nl weights per key:
// the weights of keys[r] are weights[r·nl : (r+1)·nl]. The table keeps
// weights without copying it. It fails on a zero key and on two keys it
// cannot tell apart.
func newTable(keys []uint64, weights []int16, nl int) (table, error) {
	size, logSize := 2, 1
	for size < 2*len(keys) {
		size, logSize = size*2, logSize+1
	}
	stride := (nl + 1) / 2
	t := table{
		slots:   make([]uint64, size),
		mask:    uint64(size - 1),
		runs:    make([]uint64, (size*runBits+63)/64),
		shift:   uint(64 - logSize - runBitsLog),
		weights: weights[:len(keys)*nl],
		packed:  make([]int64, (len(keys)+1)*stride+maxLanes-stride),
		nl:      nl,
		stride:  stride,
	}
	for r, k := range keys {
		if k == 0 {
			return table{}, fmt.Errorf("feature %d has key 0", r)
		}
		j := t.slot(k)
		if t.slots[j] != 0 {
			return table{}, fmt.Errorf("feature %d repeats key %#x", r, k)
		}
		t.slots[j] = uint64(tagOf(k))<<32 | uint64(r+1)
		lanes := t.packed[(r+1)*stride : (r+2)*stride]
		for l, w := range weights[r*nl : (r+1)*nl] {
			lanes[l/2] += int64(w) << (32 * (l % 2))
		}
	}
	for p, s := range t.slots {
		if s == 0 {
			continue
		}
		// Slots are at most half full: the run has an empty slot before.
		for j := uint64(p); ; j = (j - 1) & t.mask {
			b := t.runBit(j, s>>32)
			t.runs[b/64] |= 1 << (b % 64)
			if t.slots[(j-1)&t.mask] == 0 {
				break
			}
		}
	}
	return t, nil
}

// runBit returns the bit of runs for home slot j and tag.
func (t *table) runBit(j, tag uint64) uint64 {
	return (tag<<32 | j) * 0x9E3779B97F4A7C15 >> t.shift
}

// slot returns the slot of key, or the empty slot where it would go.
func (t *table) slot(key uint64) uint64 { return t.probe(key&t.mask, uint64(tagOf(key))) }

// probe returns the first slot from slot j on that holds tag or is empty.
func (t *table) probe(j, tag uint64) uint64 {
	for {
		s := t.slots[j]
		if s>>32 == tag || s == 0 {
			return j
		}
		j = (j + 1) & t.mask
	}
}

// rowOf returns the row of key plus one, 0 when it is absent.
func (t *table) rowOf(key uint64) int { return int(uint32(t.slots[t.slot(key)])) }

// row returns the weights of key, nil when it is absent (writePayload
// reads those of the model's keys).
func (t *table) row(key uint64) []int16 {
	r := t.rowOf(key)
	if r == 0 {
		return nil
	}
	return t.weights[(r-1)*t.nl : r*t.nl]
}

// maxLanes is the most lanes of a packed row.
const maxLanes = (maxLabels + 1) / 2

// lanes are packed sums of weights, two labels to a lane (see table); the
// first stride lanes hold the nl labels.
type lanes [maxLanes]int64

// add adds the packed rows of keys to acc. Scoring spends most of its
// time here: the lookups avoid branches (see table), and the lanes are
// added unrolled.
func (t *table) add(acc *lanes, keys []uint64) {
	slots, mask, runs, packed, stride := t.slots, t.mask, t.runs, t.packed, t.stride
	for _, k := range keys {
		// The lookup of k, without a branch unless it must probe.
		j, tag := k&mask, k>>32|1
		s := slots[j]
		other := b2u(s>>32 != tag) // the home holds another key, or none
		r := int(uint32(s) * uint32(1-other))
		b := t.runBit(j, tag)
		if other&b2u(s != 0)&(runs[b/64]>>(b%64)) != 0 {
			r = int(uint32(slots[t.probe(j, tag)]))
		}
		r *= stride
		p := (*lanes)(packed[r : r+maxLanes])
		switch stride {
		default: // more lanes than unrolled below
			for i := range stride {
				acc[i] += p[i]
			}
		case 9:
			acc[8] += p[8]
			fallthrough
		case 8:
			acc[7] += p[7]
			fallthrough
		case 7:
			acc[6] += p[6]
			fallthrough
		case 6:
			acc[5] += p[5]
			fallthrough
		case 5:
			acc[4] += p[4]
			fallthrough
		case 4:
			acc[3] += p[3]
			fallthrough
		case 3:
			acc[2] += p[2]
			fallthrough
		case 2:
			acc[1] += p[1]
			fallthrough
		case 1:
			acc[0] += p[0]
		}
	}
}

// plus adds the lanes of x to acc.
func (acc *lanes) plus(x *lanes) {
	for i, v := range x {
		acc[i] += v
	}
}

// unpack sets row[:nl] to the label sums held in acc: after add of some
// keys, row[l] = Σ_k w[k, l].
func (t *table) unpack(acc *lanes, row []int32) {
	var sums [2 * maxLanes]int32
	for i, x := range acc[:t.stride] {
		sums[2*i], sums[2*i+1] = unpack(x)
	}
	copy(row, sums[:t.nl])
}

// unpack returns the low and high halves L and H of a lane x = L + H·2³²
// with |L| < 2³¹.
func unpack(x int64) (lo, hi int32) {
	lo = int32(x)
	return lo, int32((x - int64(lo)) >> 32)
}
