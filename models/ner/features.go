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
	tTag
	tTagL1
	tTagR1
	tTagL1Tag
	tTagTagR1
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

// Hashes standing for the words, shapes and tags beyond the sentence ends.
var (
	padLeft  = gazetteer.Extend(gazetteer.Seed, "\x00<s>", false)
	padRight = gazetteer.Extend(gazetteer.Seed, "\x00</s>", false)
)

// token holds what the features of a token and of its neighbours need.
type token struct {
	word, cased, shape, tag uint64
	gaz, gazFold            uint64 // gazetteer match bits, exact and folded
	caps                    uint8
	verb                    bool // tagged as a verb or modal
}

// extractor computes the feature keys of the tokens of one sentence. It
// keeps its buffers between sentences; it is not safe for concurrent use.
type extractor struct {
	gaz *gazetteer.Gazetteer
	// appBits are the gazetteer bits of the apps list: the names that may
	// be an app or a company ("Signal", "WhatsApp"), which the words of
	// the whole sentence help tell apart.
	appBits uint64
	toks    []token
	gz      []uint64
	// keys holds the keys of token t at keys[offs[t]:offs[t+1]].
	keys []uint64
	offs []int
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
	e.toks = grow(e.toks, n)
	e.gz = grow(e.gz, n)
	e.gaz.Match(words, false, e.gz)
	for i, w := range words {
		tag := ""
		if i < len(tags) {
			tag = tags[i]
		}
		e.toks[i] = token{
			word:  gazetteer.Extend(gazetteer.Seed, w, true),
			cased: gazetteer.Extend(gazetteer.Seed, w, false),
			shape: shapeHash(w),
			tag:   gazetteer.Extend(gazetteer.Seed, tag, false),
			gaz:   e.gz[i],
			caps:  capClass(w),
			verb:  strings.HasPrefix(tag, "VB") || tag == "MD",
		}
	}
	e.gaz.Match(words, true, e.gz)
	for i := range words {
		e.toks[i].gazFold = e.gz[i]
	}
	headline := isHeadline(e.toks)
	e.keys = e.keys[:0]
	e.offs = append(e.offs[:0], 0)
	for i, w := range words {
		e.tokenKeys(i, w, headline)
		e.offs = append(e.offs, len(e.keys))
	}
}

// at returns the token at index i, or a padding token beyond the ends.
func (e *extractor) at(i int) token {
	switch {
	case i < 0:
		return token{word: padLeft, cased: padLeft, shape: padLeft, tag: padLeft}
	case i >= len(e.toks):
		return token{word: padRight, cased: padRight, shape: padRight, tag: padRight}
	}
	return e.toks[i]
}

// tokenKeys appends the feature keys of token i (text w) to e.keys.
func (e *extractor) tokenKeys(i int, w string, headline bool) {
	c, l1, l2, r1, r2 := e.toks[i], e.at(i-1), e.at(i-2), e.at(i+1), e.at(i+2)
	k := append(e.keys,
		mix(tBias, 0),
		mix(tWord, c.word),
		mix(tCased, c.cased),
		mix(tWordL1, l1.word),
		mix(tWordR1, r1.word),
		mix(tWordL2, l2.word),
		mix(tWordR2, r2.word),
		mix(tShape, c.shape),
		mix(tShapeL1, l1.shape),
		mix(tShapeR1, r1.shape),
		mix(tShapeL1Shape, mix(l1.shape, c.shape)),
		mix(tShapeShapeR1, mix(c.shape, r1.shape)),
		mix(tTag, c.tag),
		mix(tTagL1, l1.tag),
		mix(tTagR1, r1.tag),
		mix(tTagL1Tag, mix(l1.tag, c.tag)),
		mix(tTagTagR1, mix(c.tag, r1.tag)),
		mix(tWordL1Word, mix(l1.word, c.word)),
		mix(tWordWordR1, mix(c.word, r1.word)),
		mix(tWordL1Shape, mix(l1.word, c.shape)),
		mix(tShapeWordR1, mix(c.shape, r1.word)),
		mix(tFirstCap, uint64(c.caps)<<1|b2u(i == 0)),
		mix(tHeadlineCap, uint64(c.caps)<<1|b2u(headline)),
	)
	k = appendSuffixes(k, w)
	// The context of a capitalized token, apart from that of other tokens:
	// what surrounds a name tells its type ("on X", "X said").
	if c.caps >= capInit {
		k = append(k,
			mix(tNameL1, l1.word),
			mix(tNameL2, l2.word),
			mix(tNameR1, r1.word),
			mix(tNameR2, r2.word),
		)
		for j := i + 1; j <= min(len(e.toks)-1, i+verbWindow); j++ {
			if e.toks[j].verb {
				k = append(k, mix(tNameVerb, e.toks[j].word))
				break
			}
		}
	}
	// A name in the apps list: the other words of the sentence.
	if c.gaz&e.appBits != 0 {
		for j := max(0, i-appBagWidth); j <= min(len(e.toks)-1, i+appBagWidth); j++ {
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

// appendSuffixes appends the keys of the lower-cased suffixes of w of 1
// to maxSuffix runes (those shorter than w).
func appendSuffixes(k []uint64, w string) []uint64 {
	start := len(w)
	for n := 1; n <= maxSuffix && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(w[:start])
		start -= size
		if start == 0 {
			break
		}
		k = append(k, mix(tSuffix+uint64(n)<<8, gazetteer.Extend(gazetteer.Seed, w[start:], true)))
	}
	return k
}

// mix returns the key of a feature of template t with value hash v.
func mix(t, v uint64) uint64 { return gazetteer.Mix(t, v) }

// shapeHash returns the hash of the shape of w: each rune mapped to 'X'
// (upper case), 'x' (other letter), 'd' (digit), itself (ASCII
// punctuation) or 'o' (anything else), with runs longer than two cut to
// two ("Apple" -> "Xxx", "FBI" -> "XX", "iMessage" -> "xXxx", "U.S." ->
// "X.X.").
func shapeHash(w string) uint64 {
	h := gazetteer.Seed
	var prev byte
	run := 0
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = 'o'
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
	return h
}

// capClass returns the capitalization class of w.
func capClass(w string) uint8 {
	var letters, upper int
	firstUpper := false
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if unicode.IsUpper(r) {
			if letters == 0 {
				firstUpper = true
			}
			upper++
		}
		letters++
	}
	switch {
	case letters == 0:
		return capNone
	case upper == 0:
		return capLower
	case firstUpper && upper == 1:
		return capInit
	case upper == letters:
		return capAll
	}
	return capMixed
}

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
