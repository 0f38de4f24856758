package holder

import (
	"math/bits"
	"strings"
)

// wordTable maps words to their lexicon classes, as a map[string]wordClass
// would, but laid out for the lookup of every token of a document, most of
// which miss: a lookup hashes the word's length and three of its bytes, and
// probes an array of one byte per slot, which is small enough to stay in
// the processor's fastest cache, before it reads a slot. It is a hash table
// with open addressing and linear probing.
type wordTable struct {
	// text holds the words, one after another.
	text string
	// fps holds the fingerprint of the word in each slot, never 0, or 0
	// for a free slot.
	fps []uint8
	// slots holds each word at the first free slot from its hash on.
	slots []wordSlot
	// shift is 32 less the base-2 logarithm of the number of slots.
	shift uint
}

// wordSlot is a word of a wordTable, text[off:off+n], and its classes.
type wordSlot struct {
	off   uint32
	n     uint16
	class wordClass
}

// slotsPerWord is the least number of slots of a wordTable per word, which
// keeps most probes for a missing word to one.
const slotsPerWord = 4

// maxTableWord is the length of the longest word a wordTable holds.
const maxTableWord = 1<<16 - 1

// tableWord is a word and classes of it to put in a wordTable.
type tableWord struct {
	word  string
	class wordClass
}

// newWordTable returns the table of words, which may repeat a word to add
// classes to it. Each must be at most maxTableWord bytes long, and all
// together shorter than 4 GiB.
func newWordTable(words []tableWord) *wordTable {
	size := bits.Len(uint(slotsPerWord*max(len(words), 1) - 1))
	t := &wordTable{fps: make([]uint8, 1<<size), slots: make([]wordSlot, 1<<size), shift: uint(32 - size)}
	// The text holds every word given, repeats too, so that it is
	// complete before the first lookup.
	var text strings.Builder
	for _, w := range words {
		text.WriteString(w.word)
	}
	t.text = text.String()
	off := 0
	for _, w := range words {
		i, fp := t.find(w.word)
		if t.fps[i] == 0 {
			t.fps[i] = fp
			t.slots[i] = wordSlot{off: uint32(off), n: uint16(len(w.word))}
		}
		t.slots[i].class |= w.class
		off += len(w.word)
	}
	return t
}

// hash returns the hash of w and its fingerprint: the 8 bits of the hash
// below those that pick the slot, with the lowest set so that it is never
// 0.
func (t *wordTable) hash(w string) (uint32, uint8) {
	n := len(w)
	var h uint32
	if n > 0 {
		h = uint32(w[0]) | uint32(w[n/2])<<8 | uint32(w[n-1])<<16 | uint32(n)<<24
	}
	h *= 0x9E3779B1 // Fibonacci hashing: the high bits depend on all of h
	return h, uint8(h>>(t.shift-8)) | 1
}

// find returns the slot that holds w or, when the table lacks w, the free
// slot where it would go; and the fingerprint of w.
func (t *wordTable) find(w string) (int, uint8) {
	h, fp := t.hash(w)
	mask := len(t.fps) - 1
	for i := int(h >> t.shift); ; i = (i + 1) & mask {
		switch f := t.fps[i]; f {
		case 0:
			return i, fp
		case fp:
			if s := t.slots[i]; int(s.n) == len(w) && t.text[s.off:s.off+uint32(s.n)] == w {
				return i, fp
			}
		}
	}
}

// classOf returns the classes of word w, or 0 when the table lacks it.
func (t *wordTable) classOf(w string) wordClass {
	i, _ := t.find(w)
	return t.slots[i].class
}
