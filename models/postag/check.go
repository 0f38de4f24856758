package postag

import (
	"errors"
	"fmt"
)

// maxTags bounds the number of tags of a model file, which keeps the size of
// the tag scores small.
const maxTags = 1 << 10

// check reports the first index of t that tagging could follow out of its
// table, and a lexicon that a probe could loop in forever.
func (t *Tagger) check() error {
	nt, nl := t.numTags, len(t.labelTags)
	switch {
	case nt == 0 || nt > maxTags:
		return fmt.Errorf("%d tags, want 1 to %d", nt, maxTags)
	case nl == 0 || nl > maxLabels:
		return fmt.Errorf("%d labels, want 1 to %d", nl, maxLabels)
	case len(t.tagScores) != nt*nt*maxChunks:
		return fmt.Errorf("%d tag score chunks, want %d for %d tags", len(t.tagScores), nt*nt*maxChunks, nt)
	}
	if err := checkLanes(t.labelLanes, nl); err != nil {
		return err
	}
	if err := t.lex.check(len(t.entries)); err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	b := bounds{entries: uint(len(t.entries)), tags: uint(nt), weights: uint(len(t.weights)), pairs: uint(len(t.pairs))}
	for r, id := range t.ruleTags {
		if uint(id) >= b.tags {
			return fmt.Errorf("rule %d: tag %d out of range", r, id)
		}
	}
	for _, id := range [...]int32{t.start, t.start2} {
		if uint(id) >= b.tags {
			return fmt.Errorf("start tag %d out of range", id)
		}
	}
	for k, id := range t.labelTags {
		if uint(id) >= b.tags {
			return fmt.Errorf("label %d: tag %d out of range", k, id)
		}
	}
	for c, r := range t.pref1 {
		if !b.row(r) {
			return fmt.Errorf("first byte %d: row out of range", c)
		}
	}
	for i := range t.edges {
		if !b.context(&t.edges[i]) {
			return fmt.Errorf("boundary context %d: entry or row out of range", i)
		}
	}
	for e := range t.entries {
		if !b.entry(&t.entries[e]) {
			return fmt.Errorf("entry %d: entry, tag, row or tag-word pair out of range", e)
		}
	}
	for i, p := range t.pairs {
		if !b.row(p.row) {
			return fmt.Errorf("tag-word pair %d: row out of range", i)
		}
	}
	return nil
}

// checkLanes checks that lanes gives each of n labels its own lane
// position below n.
func checkLanes(lanes []int32, n int) error {
	if len(lanes) != n {
		return fmt.Errorf("%d label lanes for %d labels", len(lanes), n)
	}
	var used [maxLabels]bool
	for k, q := range lanes {
		if uint(q) >= uint(n) || used[q] {
			return fmt.Errorf("label %d: lane %d out of range or taken", k, q)
		}
		used[q] = true
	}
	return nil
}

// A bounds holds the sizes of the tables of a Tagger.
type bounds struct{ entries, tags, weights, pairs uint }

// row reports whether the row r lies within the weights.
func (b *bounds) row(r span) bool { return uint(r>>spanLenBits)+uint(r&spanLenMask) <= b.weights }

// context reports whether the entry and the rows of x are in range.
func (b *bounds) context(x *context) bool {
	return uint(x.word) < b.entries &&
		b.row(x.asPrev) && b.row(x.asPrev2) && b.row(x.asNext) && b.row(x.asNext2)
}

// entry reports whether the entries, tag, rows and tag-word pairs of en are
// in range.
func (b *bounds) entry(en *entry) bool {
	return b.context(&en.ctx) && uint(en.norm) < b.entries && uint(en.fixed) < b.tags &&
		b.row(en.suffix) && b.row(en.word) && b.row(en.prevSuffix) && b.row(en.nextSuffix) &&
		0 <= en.pairLo && en.pairLo <= en.pairHi && uint(en.pairHi) <= b.pairs
}

// check checks that the lexicon's table has a power-of-two size and an
// empty slot, that its other slots hold entries from 1 to n-1, and that its
// key ends delimit the keys of n-1 entries.
func (l *lexicon) check(n int) error {
	size := len(l.slots)
	if size == 0 || size&(size-1) != 0 {
		return fmt.Errorf("%d slots, not a power of two", size)
	}
	empty := false
	for j := range l.slots {
		s := &l.slots[j]
		switch e := s.entry(); {
		case uint(e) >= uint(n):
			return fmt.Errorf("slot %d: entry %d out of range", j, e)
		case e == 0 && s.info != 0:
			return fmt.Errorf("slot %d: a key without entry", j)
		}
		empty = empty || s.info == 0
	}
	if !empty {
		return errors.New("no slot is empty")
	}
	if len(l.ends) != n {
		return fmt.Errorf("%d key ends for %d entries", len(l.ends), n)
	}
	return checkEnds(l.ends, len(l.keys))
}

// checkEnds checks that ends are the ends of consecutive strings that make
// up a string of length size: ends[0] = 0, and ends ascend to size.
func checkEnds(ends []uint32, size int) error {
	if len(ends) == 0 || ends[0] != 0 {
		return errors.New("the first end is not 0")
	}
	for i := 1; i < len(ends); i++ {
		if ends[i] < ends[i-1] {
			return fmt.Errorf("end %d is %d, below the end before it, %d", i, ends[i], ends[i-1])
		}
	}
	if last := ends[len(ends)-1]; uint64(last) != uint64(size) {
		return fmt.Errorf("the last end is %d, not the length %d", last, size)
	}
	return nil
}
