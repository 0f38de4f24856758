package ner

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/models/gazetteer"
)

// Feature templates. A feature's key is mix(template, value hash); changing
// any template, its value or the set of templates changes what a stored
// model means, so it must come with a new formatVersion.
const (
	tBias uint64 = iota + 1
	tWord
	tCased
	tWordL1
	tWordR1
	tWordL2
	tWordR2
	tShape
	tShapeL1
	tShapeR1
	tShapeL1Shape
	tShapeShapeR1
	tSuffix // + 256·length
	tWordL1Word
	tWordWordR1
	tWordL1Shape
	tShapeWordR1
	tFirstCap
	tHeadlineCap
	tGaz
	tGazFold
	tGazL1
	tGazR1
	tNameL1
	tNameL2
	tNameR1
	tNameR2
	tNameVerb
	tAppBag
)

// maxSuffix is the longest suffix, in runes, used as a feature.
const maxSuffix = 4

// appBagWidth bounds how many words on each side of a name in the apps list
// count as its sentence's words (so that the cost stays linear in the
// length of a sentence).
const appBagWidth = 40

// verbWindow is how many tokens after a capitalized token are searched for
// the verb it may be the subject of ("WhatsApp said", "WhatsApp has ...
// users").
const verbWindow = 4

// Capitalization classes of a token.
const (
	capNone  = iota // no letters
	capLower        // all letters lower case
	capInit         // an upper-case first letter, then lower case ("Apple", "X")
	capAll          // two or more letters, all upper case ("FBI")
	capMixed        // anything else ("iMessage", "WhatsApp")
)

// Hashes standing for the words and shapes beyond the sentence ends.
var (
	padLeft  = gazetteer.Extend(gazetteer.Seed, "\x00<s>", false)
	padRight = gazetteer.Extend(gazetteer.Seed, "\x00</s>", false)
)

// token holds what the features of a token and of its neighbours need.
type token struct {
	word, cased, shape uint64
	// wordL and shapeL are the word and shape of the token before and this
	// token's, mixed: the pair features of a token with the one before, and
	// of the token before with this one.
	wordL, shapeL uint64
	gaz, gazFold  uint64 // gazetteer match bits, exact and folded
	caps          uint8
	verb          bool // tagged as a verb or modal
	// plain is whether the token is a lower-case word or has no letters,
	// and matches no gazetteer list, exactly or ignoring case.
	plain bool
}

// padding is the number of padding tokens on each side of a sentence: the
// farthest neighbour a feature reads.
const padding = 2

// Tokens standing for the words beyond the sentence ends.
var (
	leftPad  = token{word: padLeft, cased: padLeft, shape: padLeft}
	rightPad = token{word: padRight, cased: padRight, shape: padRight}
)

// extractor computes the feature keys of the tokens of one sentence. It
// keeps its buffers between sentences; it is not safe for concurrent use.
type extractor struct {
	gaz *gazetteer.Gazetteer
	// appBits are the gazetteer bits of the apps list: the names that may
	// be an app or a company ("Signal", "WhatsApp"), which the words of
	// the whole sentence help tell apart.
	appBits uint64
	// padded holds the tokens of the sentence between padding tokens on
	// each side, so that token i and its neighbours are padded[i :
	// i+2·padding+1]; toks is the sentence's part of it.
	padded, toks []token
	// folded and cased are the hashes of the words, lower-cased and as
	// written; gz the gazetteer bits of a Match.
	folded, cased, gz []uint64
	// headline is whether the sentence is in title case (see isHeadline).
	headline bool
	// keys holds the keys of token t at keys[offs[t]:offs[t+1]]: all of
	// them, or all but its word features (see wordKeys) and its fixed
	// features (see fixedKeys) when cached is set.
	keys   []uint64
	offs   []int
	cached bool
	// settled[t] is whether token t and both its neighbours are plain
	// (see token.plain). With prune set, settled tokens have no keys:
	// Label decodes them as O without scoring them.
	settled []bool
	prune   bool
}

// newExtractor returns an extractor of the features that use gaz.
func newExtractor(gaz *gazetteer.Gazetteer) extractor {
	e := extractor{gaz: gaz}
	if l := gaz.Lookup("apps"); l >= 0 {
		for p := gazetteer.Begin; p <= gazetteer.Unit; p++ {
			e.appBits |= gazetteer.Bit(l, p)
		}
	}
	return e
}

// extract computes the feature keys of every token of the sentence; a
// missing tag counts as the empty tag.
func (e *extractor) extract(words, tags []string) {
	n := len(words)
	e.padded = grow(e.padded, n+2*padding)
	for i := range padding {
		e.padded[i], e.padded[padding+n+i] = leftPad, rightPad
	}
	e.toks = e.padded[padding : padding+n]
	e.folded, e.cased, e.gz = grow(e.folded, n), grow(e.cased, n), grow(e.gz, n)
	for i, w := range words {
		e.folded[i], e.cased[i] = gazetteer.ExtendBoth(gazetteer.Seed, w)
	}
	e.gaz.MatchHashes(e.cased, false, e.gz)
	for i, w := range words {
		tag := ""
		if i < len(tags) {
			tag = tags[i]
		}
		shape, caps := shapeCaps(w)
		e.toks[i] = token{
			word:  e.folded[i],
			cased: e.cased[i],
			shape: shape,
			gaz:   e.gz[i],
			caps:  caps,
			verb:  strings.HasPrefix(tag, "VB") || tag == "MD",
		}
	}
	e.gaz.MatchHashes(e.folded, true, e.gz)
	for i, b := range e.gz {
		t := &e.toks[i]
		t.gazFold = b
		t.plain = t.caps <= capLower && t.gaz|b == 0
	}
	e.settled = grow(e.settled, n)
	for i := range e.toks {
		e.settled[i] = e.toks[i].plain && (i == 0 || e.toks[i-1].plain) && (i == n-1 || e.toks[i+1].plain)
	}
	for i := padding; i <= padding+n; i++ {
		l, c := &e.padded[i-1], &e.padded[i]
		c.wordL, c.shapeL = mix(l.word, c.word), mix(l.shape, c.shape)
	}
	e.headline = isHeadline(e.toks)
	e.keys = e.keys[:0]
	e.offs = append(e.offs[:0], 0)
	for i, w := range words {
		if !e.prune || !e.settled[i] {
			e.tokenKeys(i, w)
		}
		e.offs = append(e.offs, len(e.keys))
	}
}

// tokenKeys appends the feature keys of token i (text w) to e.keys.
func (e *extractor) tokenKeys(i int, w string) {
	win := (*[2*padding + 1]token)(e.padded[i:])
	l2, l1, c, r1, r2 := &win[0], &win[1], &win[2], &win[3], &win[4]
	k := e.keys
	if !e.cached {
		k = append(k, biasKey(), mix(tWord, c.word), mix(tCased, c.cased))
	}
	k = append(k,
		mix(tWordL1, l1.word),
		mix(tWordR1, r1.word),
		mix(tWordL2, l2.word),
		mix(tWordR2, r2.word))
	if !e.cached {
		k = append(k,
			mix(tShape, c.shape))
	}
	k = append(k,
		mix(tShapeL1, l1.shape),
		mix(tShapeR1, r1.shape))
	k = append(k,
		mix(tShapeL1Shape, c.shapeL),
		mix(tShapeShapeR1, r1.shapeL))
	k = append(k,
		mix(tWordL1Word, c.wordL),
		mix(tWordWordR1, r1.wordL),
		mix(tWordL1Shape, mix(l1.word, c.shape)),
		mix(tShapeWordR1, mix(c.shape, r1.word)),
	)
	if !e.cached {
		k = appendCapKeys(k, c.caps, i == 0, e.headline)
		k = appendSuffixes(k, w)
	}
	// The context of a capitalized token, apart from that of other tokens:
	// what surrounds a name tells its type ("on X", "X said").
	if c.caps >= capInit {
		k = append(k,
			mix(tNameL1, l1.word),
			mix(tNameL2, l2.word),
			mix(tNameR1, r1.word),
			mix(tNameR2, r2.word),
		)
		for _, t := range e.toks[i+1 : min(len(e.toks), i+1+verbWindow)] {
			if t.verb {
				k = append(k, mix(tNameVerb, t.word))
				break
			}
		}
	}
	// A name in the apps list: the other words of the sentence.
	if c.gaz&e.appBits != 0 {
		for j := max(0, i-appBagWidth); j < min(len(e.toks), i+appBagWidth+1); j++ {
			if j != i {
				k = append(k, mix(tAppBag, e.toks[j].word))
			}
		}
	}
	for b := c.gaz; b != 0; b &= b - 1 {
		k = append(k, mix(tGaz, uint64(bits.TrailingZeros64(b))))
	}
	for b := c.gazFold; b != 0; b &= b - 1 {
		k = append(k, mix(tGazFold, uint64(bits.TrailingZeros64(b))<<3|uint64(c.caps)))
	}
	for b := l1.gazFold; b != 0; b &= b - 1 {
		k = append(k, mix(tGazL1, uint64(bits.TrailingZeros64(b))))
	}
	for b := r1.gazFold; b != 0; b &= b - 1 {
		k = append(k, mix(tGazR1, uint64(bits.TrailingZeros64(b))))
	}
	e.keys = k
}

// biasKey returns the key of the feature every token has.
func biasKey() uint64 { return mix(tBias, 0) }

// appendCapKeys appends to k the keys of the features of a token of
// capitalization class caps, first in its sentence or not, of a headline
// or not.
func appendCapKeys(k []uint64, caps uint8, first, headline bool) []uint64 {
	return append(k,
		mix(tFirstCap, uint64(caps)<<1|b2u(first)),
		mix(tHeadlineCap, uint64(caps)<<1|b2u(headline)))
}

// fixedKeys appends to k the keys of the fixed features of a token: those
// that read no more than its capitalization class, whether it is first in
// its sentence, and whether the sentence is a headline (the bias and
// appendCapKeys).
func fixedKeys(k []uint64, caps uint8, first, headline bool) []uint64 {
	return appendCapKeys(append(k, biasKey()), caps, first, headline)
}

// appendSuffixes appends the keys of the lower-cased suffixes of w of 1
// to maxSuffix runes (those shorter than w).
func appendSuffixes(k []uint64, w string) []uint64 {
	start := len(w)
	for n := 1; n <= maxSuffix && start > 0; n++ {
		if w[start-1] < utf8.RuneSelf {
			start--
		} else {
			_, size := utf8.DecodeLastRuneInString(w[:start])
			start -= size
		}
		if start == 0 {
			break
		}
		k = append(k, mix(tSuffix+uint64(n)<<8, gazetteer.Extend(gazetteer.Seed, w[start:], true)))
	}
	return k
}

// mix returns the key of a feature of template t with value hash v.
func mix(t, v uint64) uint64 { return gazetteer.Mix(t, v) }

// shapeCaps returns the hash of the shape of w and its capitalization
// class. The shape maps each rune to 'X' (upper case), 'x' (other letter),
// 'd' (digit), itself (ASCII punctuation) or 'o' (anything else), with
// runs longer than two cut to two ("Apple" -> "Xxx", "FBI" -> "XX",
// "iMessage" -> "xXxx", "U.S." -> "X.X.").
func shapeCaps(w string) (uint64, uint8) {
	h := gazetteer.Seed
	var prev byte
	run, letters, upper := 0, 0, 0
	firstUpper := false
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			c = asciiShape[c]
			i++
		} else {
			r, n := utf8.DecodeRuneInString(w[i:])
			c = runeShape(r)
			i += n
		}
		switch c {
		case 'X':
			firstUpper = firstUpper || letters == 0
			upper++
			letters++
		case 'x':
			letters++
		}
		if c == prev {
			run++
		} else {
			prev, run = c, 1
		}
		if run <= 2 {
			h = gazetteer.ExtendByte(h, c)
		}
	}
	switch {
	case letters == 0:
		return h, capNone
	case upper == 0:
		return h, capLower
	case firstUpper && upper == 1:
		return h, capInit
	case upper == letters:
		return h, capAll
	}
	return h, capMixed
}

// runeShape returns the shape of a rune: 'X', 'x', 'd', the rune itself
// for ASCII punctuation, or 'o'. An upper-case rune is a letter, and no
// letter is a digit, so the shape also tells letters and upper case apart
// (an ASCII 'X', 'x', 'd' or 'o' is a letter, whose shape is 'X' or 'x').
func runeShape(r rune) byte {
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLetter(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	}
	return 'o'
}

// asciiShape[c] is runeShape(c) for the ASCII bytes.
var asciiShape = func() (t [utf8.RuneSelf]byte) {
	for c := range t {
		t[c] = runeShape(rune(c))
	}
	return t
}()

// isHeadline reports whether the sentence is written in title case: it has
// three or more tokens with letters, and three quarters of them or more
// have an upper-case letter.
func isHeadline(toks []token) bool {
	var words, capped int
	for _, t := range toks {
		switch t.caps {
		case capNone:
			continue
		case capInit, capAll, capMixed:
			capped++
		}
		words++
	}
	return words >= 3 && 4*capped >= 3*words
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// grow returns s resized to n elements, reallocating only when its capacity
// is too small.
func grow[E any](s []E, n int) []E {
	if cap(s) < n {
		return make([]E, n)
	}
	return s[:n]
}
