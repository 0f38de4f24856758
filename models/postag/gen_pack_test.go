package postag

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// A labelRow lists the weights, in thousandths, that a feature gives the
// labels it has weights for, in ascending label order. The builder keeps
// its rows so until pack turns them into rows of chunks.
type labelRow []labelWeight

// A labelWeight is the weight, in thousandths, of one label in a row; the
// label is its index in prose's class order.
type labelWeight struct{ label, milli int32 }

// maxAbs returns the largest absolute weight of r, 0 for no weight.
func (r labelRow) maxAbs() int64 {
	var m int64
	for _, lw := range r {
		m = max(m, abs(int64(lw.milli)))
	}
	return m
}

func abs(x int64) int64 { return max(x, -x) }

// checkBound fails unless the scores of every token are sure to stay
// within ±maxScore, as the lanes of the Tagger's score chunks require. The
// score of a label adds one tag score and at most one row of each kind that
// tagToken adds; the bound sums the largest weight of each kind.
func (b *builder) checkBound() error {
	t := b.t
	var kinds [9]int64 // tag scores, then the kinds of rows
	for _, sc := range b.tagScores {
		for _, v := range sc {
			kinds[0] = max(kinds[0], abs(int64(v)))
		}
	}
	maxRow := func(kind int, r span) { kinds[kind] = max(kinds[kind], b.labelRows[r].maxAbs()) }
	maxContext := func(c *context) {
		maxRow(1, c.asPrev)
		maxRow(2, c.asPrev2)
		maxRow(3, c.asNext)
		maxRow(4, c.asNext2)
	}
	for i := range t.entries {
		en := &t.entries[i]
		maxContext(&en.ctx)
		maxRow(1, en.prevSuffix) // the asPrev of an unknown word (see context)
		maxRow(3, en.nextSuffix)
		maxRow(5, en.suffix)
		maxRow(6, en.word)
	}
	for i := range t.edges {
		maxContext(&t.edges[i])
	}
	for _, r := range t.pref1 {
		maxRow(7, r)
	}
	for _, p := range t.pairs {
		maxRow(8, p.row)
	}
	var bound int64
	for _, m := range kinds {
		bound += m
	}
	if bound > maxScore {
		return fmt.Errorf("postag: scores may reach ±%d thousandths, beyond the ±%d that score chunks hold", bound, maxScore)
	}
	return nil
}

// pack turns the label rows that the Tagger refers to into rows of chunks,
// laid out so that the rows an entry refers to lie together, in entry
// order, which makes tagging touch fewer cache lines. It assigns the labels
// their lanes, the labels found in most rows first, so that the weights of
// a row share few chunks, and packs the tag scores. It must run last.
func (b *builder) pack() error {
	t := b.t
	refs := b.referencedRows()
	t.labelLanes = b.assignLanes(refs)
	t.setTies()
	moved := make(map[span]span, len(refs))
	t.weights = nil
	for _, r := range refs {
		off := len(t.weights)
		if off > math.MaxUint32>>spanLenBits {
			return fmt.Errorf("postag: model has more than %d row chunks", math.MaxUint32>>spanLenBits)
		}
		t.weights = b.appendChunks(t.weights, b.labelRows[r], false)
		moved[r] = span(off)<<spanLenBits | span(len(t.weights)-off)
	}
	b.forEachRow(func(r *span) { *r = moved[*r] })
	t.tagScores = nil
	for _, sc := range b.tagScores {
		var r labelRow
		for k, v := range sc {
			r = append(r, labelWeight{label: int32(k), milli: v})
		}
		t.tagScores = b.appendChunks(t.tagScores, r, true)
	}
	return nil
}

// referencedRows returns the label rows that the Tagger refers to, each
// once, in the order of the layout.
func (b *builder) referencedRows() []span {
	var refs []span
	seen := map[span]bool{0: true}
	b.forEachRow(func(r *span) {
		if !seen[*r] {
			seen[*r] = true
			refs = append(refs, *r)
		}
	})
	return refs
}

// forEachRow calls f with every span of the Tagger, in the order of the
// layout: entry by entry, then the first-byte rows, then the boundary
// contexts.
func (b *builder) forEachRow(f func(*span)) {
	t := b.t
	forContext := func(c *context) {
		for _, r := range []*span{&c.asPrev, &c.asPrev2, &c.asNext, &c.asNext2} {
			f(r)
		}
	}
	for e := range t.entries {
		en := &t.entries[e]
		forContext(&en.ctx)
		f(&en.word)
		for i := en.pairLo; i < en.pairHi; i++ {
			f(&t.pairs[i].row)
		}
		for _, r := range []*span{&en.suffix, &en.prevSuffix, &en.nextSuffix} {
			f(r)
		}
	}
	for i := range t.pref1 {
		f(&t.pref1[i])
	}
	for i := range t.edges {
		forContext(&t.edges[i])
	}
}

// assignLanes returns the lane position of each label: the labels in
// descending order of the number of rows of refs that weigh them, ties in
// prose's class order.
func (b *builder) assignLanes(refs []span) []int32 {
	nl := len(b.t.labelTags)
	count := make([]int, nl)
	for _, r := range refs {
		for _, lw := range b.labelRows[r] {
			count[lw.label]++
		}
	}
	order := make([]int, nl)
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(x, y int) int { return cmp.Compare(count[y], count[x]) })
	lanes := make([]int32, nl)
	for q, k := range order {
		lanes[k] = int32(q)
	}
	return lanes
}

// appendChunks appends to dst the chunks of the row r (see score.go): one
// chunk, with its index, for each chunk in which r has a weight or, if
// dense, all maxChunks chunks of a score vector, without indices, each lane
// with a label holding its weight plus laneOffset.
func (b *builder) appendChunks(dst []chunk, r labelRow, dense bool) []chunk {
	t := b.t
	var vals [maxChunks]uint64
	var has [maxChunks]bool
	for _, lw := range r {
		q := int(t.labelLanes[lw.label])
		w := int64(lw.milli)
		if dense {
			w += laneOffset
		}
		vals[q/lanesPerChunk] += uint64(w) << laneShift(q)
		has[q/lanesPerChunk] = true
	}
	n := t.numChunks
	if dense {
		n = maxChunks
	}
	for j := range n {
		switch {
		case dense:
			dst = append(dst, newChunk(vals[j]))
		case has[j]:
			dst = append(dst, newChunk(vals[j]+uint64(j)))
		}
	}
	return dst
}
