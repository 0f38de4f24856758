package postag

// The scores of the labels are summed three at a time in 64-bit integers,
// the chunks of a score vector. The label at lane position q (see
// Tagger.labelLanes) has lane q mod 3 of chunk q div 3; lane l is the
// laneBits bits from bit laneShift(l) = chunkIndexBits + laneBits·l on, and
// the lowest chunkIndexBits bits are free. A chunk whose lanes hold the numbers a_l is
// thus the integer
//
//	Σ_l a_l · 2^laneShift(l).
//
// Adding two such integers adds their lanes, without any carry between
// lanes as long as every lane of the sum lies in [0, 2^laneBits). The scores
// of a token start from the lanes of Tagger.tagScores, which hold laneOffset
// plus a score, and gain the weights of the token's features, which may be
// negative: a row chunk holding the weights w_l is the integer
// Σ_l w_l · 2^laneShift(l) taken modulo 2^64, plus the index of its chunk
// in its lowest bits. Sums of integers do not depend on the order of the
// terms, so every lane ends up exact, whatever the signs of the terms on
// the way, as long as the final score s of each label obeys |s| ≤ maxScore;
// the builder of the model file checks that bound.
const (
	chunkIndexBits = 4
	chunkIndexMask = 1<<chunkIndexBits - 1
	maxChunks      = 1 << chunkIndexBits // chunks of a score vector
	lanesPerChunk  = 3
	laneBits       = 20
	laneMask       = 1<<laneBits - 1
	laneOffset     = 1 << (laneBits - 1)
	maxScore       = laneOffset - 1
	maxLabels      = maxChunks * lanesPerChunk
)

// A chunk is a 64-bit chunk of a score vector or of a row, stored as two
// 32-bit words, low word first, so that the tables stay made of words (see
// viewWords).
type chunk struct{ lo, hi uint32 }

// newChunk returns the chunk of the 64-bit integer v.
func newChunk(v uint64) chunk { return chunk{lo: uint32(v), hi: uint32(v >> 32)} }

// value returns the 64-bit integer of c.
func (c chunk) value() uint64 { return uint64(c.lo) | uint64(c.hi)<<32 }

// laneShift returns the bit position of the lane of label position q in
// its chunk.
func laneShift(q int) uint { return chunkIndexBits + laneBits*uint(q%lanesPerChunk) }

// scores is the score vector of a token, in chunks.
type scores [maxChunks]chunk

// add adds the weights of the row of chunks to sc.
func (sc *scores) add(row []chunk) {
	for _, c := range row {
		v := c.value()
		p := &sc[v&chunkIndexMask]
		*p = newChunk(p.value() + v&^chunkIndexMask)
	}
}

// tieBits is the width of the tie keys that best appends to the scores it
// compares: the key of a lane is 2^tieBits-1 minus the index of the lane's
// label in prose's class list, or 0 for a lane without label, so that ties
// go to the label prose lists first and never to an empty lane.
const (
	tieBits = 6
	tieMask = 1<<tieBits - 1
)

// best returns the tag id of the label whose lane holds the highest score
// in the first numChunks chunks of sc, ties going to the label listed first
// in prose's class list.
func (t *Tagger) best(sc *scores) int32 {
	// Each key is a lane's score shifted left by tieBits, or'ed with the
	// lane's tie key. The comparisons are unpredictable; max on int64
	// compiles to conditional moves rather than branches, and taking the
	// maximum of a chunk first keeps the chain through top short.
	const keyMask = laneMask << tieBits
	var top int64
	for j, c := range sc[:t.numChunks] {
		v, k := c.value(), &t.ties[j]
		k0 := int64(v<<(tieBits-laneShift(0))&keyMask | k[0])
		k1 := int64(v>>(laneShift(1)-tieBits)&keyMask | k[1])
		k2 := int64(v>>(laneShift(2)-tieBits)&keyMask | k[2])
		top = maxKey(top, maxKey(maxKey(k0, k1), k2))
	}
	return t.tieTags[top&tieMask]
}

// maxKey returns the larger of the keys a and b, which differ by less than
// 2^63, without a branch.
func maxKey(a, b int64) int64 {
	d := b - a
	return b - d&(d>>63)
}
