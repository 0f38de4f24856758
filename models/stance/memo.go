package stance

import (
	"math/bits"

	"github.com/stancer/stancer/pipeline/swar"
)

// memoLimit bounds the words that each table of a memo holds; a full table
// starts afresh.
const memoLimit = 1 << 16

// shortWord is the length in bytes of the longest word that a memo keeps in
// its table of short words.
const shortWord = 16

// A memo holds the analyses of the words seen by one goroutine: each word
// is stemmed once per memo rather than once per occurrence, and no word
// list is stemmed before it is seen.
//
// Most words are short and ASCII. A memo keeps those in a table of its own
// whose slots hold the folded word itself, packed into two integers, so
// that looking one up hashes and compares two integers rather than a
// string, and so that the garbage collector has no pointers to trace in
// it. Other words go to a map.
type memo struct {
	short []shortSlot     // open addressing with linear probing, at most 3/4 full
	count int             // the words in short
	words map[string]word // the other words, by their folded form
	buf   []byte
}

// A shortSlot holds the analysis of one short word, or nothing when n is 0.
// It has the fields of a word laid out beside the text and n, rather than a
// word, so that it takes 32 bytes rather than 40.
type shortSlot struct {
	// text is the folded word, byte k in bits 8(k mod 8) to 8(k mod 8)+7
	// of text[k/8], and zero bytes after it.
	text   [2]uint64
	stem   uint64
	flags  uint16
	starts uint16
	actor  uint8
	n      uint8 // the word's length in bytes
}

// lookup returns the analysis of the token text norm. Only a word that is
// not in m allocates: once to be stemmed and remembered, and now and then
// to grow m.
func (v *vocabulary) lookup(norm string, m *memo) word {
	if text, ok := packShort(norm); ok {
		return v.lookupShort(norm, text, m)
	}
	m.buf = appendFold(m.buf[:0], norm)
	if wd, ok := m.words[string(m.buf)]; ok {
		return wd
	}
	if m.words == nil || len(m.words) >= memoLimit {
		m.words = make(map[string]word)
	}
	w := string(m.buf)
	wd := v.analyse(w)
	m.words[w] = wd
	return wd
}

// packShort returns the folded form of s (see fold) packed as in
// shortSlot.text, and whether s is short and ASCII enough for that: not
// empty, at most shortWord bytes long and all ASCII, which fold only
// lower-cases. It reads s a word at a time, with overlapping loads for the
// lengths that are not a power of two.
func packShort(s string) (text [2]uint64, ok bool) {
	n := len(s)
	switch {
	case n == 0 || n > shortWord:
		return text, false
	case n >= 8:
		text[0] = swar.Load(s[:8])
		text[1] = swar.Load(s[n-8:]) >> (8 * (shortWord - n)) // bytes 8 to n-1
	case n >= 4:
		text[0] = uint64(swar.Load32(s[:4])) | uint64(swar.Load32(s[n-4:]))<<(8*(n-4))
	case n >= 2:
		text[0] = uint64(s[0]) | uint64(s[1])<<8 | uint64(s[n-2])<<(8*(n-2)) | uint64(s[n-1])<<(8*(n-1))
	default:
		text[0] = uint64(s[0])
	}
	if swar.NonASCII(text[0]|text[1]) != 0 {
		return text, false
	}
	text[0], text[1] = swar.Lower(text[0]), swar.Lower(text[1])
	return text, true
}

// lookupShort returns the analysis of the short ASCII token text norm,
// packed as text, from the short table of m, analysing and adding it when
// it is not there.
func (v *vocabulary) lookupShort(norm string, text [2]uint64, m *memo) word {
	n := uint8(len(norm))
	h := shortHash(text, n)
	if m.short != nil {
		mask := uint64(len(m.short) - 1)
		for i := slotOf(h, len(m.short)); ; i = (i + 1) & mask {
			s := &m.short[i]
			if s.n == 0 {
				break
			}
			if s.n == n && s.text == text {
				return word{stem: s.stem, flags: s.flags, starts: s.starts, actor: s.actor}
			}
		}
	}
	m.buf = appendFold(m.buf[:0], norm)
	wd := v.analyse(string(m.buf))
	m.addShort(shortSlot{text: text, stem: wd.stem, flags: wd.flags, starts: wd.starts, actor: wd.actor, n: n}, h)
	return wd
}

// shortHash returns the hash of a short word by its packed text and length,
// whose top bits choose the word's first slot (Fibonacci hashing, as in
// table). It mixes less than mix does, for it must cost less than the
// probe it saves.
func shortHash(text [2]uint64, n uint8) uint64 {
	return (text[0] ^ bits.RotateLeft64(text[1], 31) ^ uint64(n)<<58) * fibonacci
}

// slotOf returns the first slot of the hash h in a short table of the
// given size, a power of two.
func slotOf(h uint64, size int) uint64 {
	return h >> (64 - bits.Len(uint(size-1)))
}

// addShort adds the slot s, not yet in m, whose word has the hash h to the
// short table of m. It doubles the table when it would be more than 3/4
// full, or empties it when it holds memoLimit words.
func (m *memo) addShort(s shortSlot, h uint64) {
	switch {
	case m.count >= memoLimit:
		clear(m.short)
		m.count = 0
	case 4*(m.count+1) > 3*len(m.short):
		old := m.short
		m.short = make([]shortSlot, max(1024, 2*len(old)))
		m.count = 0
		for _, o := range old {
			if o.n != 0 {
				m.insertShort(o, shortHash(o.text, o.n))
			}
		}
	}
	m.insertShort(s, h)
}

// insertShort puts s, whose word has the hash h, into the first free slot
// of its probe sequence; the table must have one.
func (m *memo) insertShort(s shortSlot, h uint64) {
	mask := uint64(len(m.short) - 1)
	i := slotOf(h, len(m.short))
	for m.short[i].n != 0 {
		i = (i + 1) & mask
	}
	m.short[i] = s
	m.count++
}
