package tokenize

import (
	"strings"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/clean"
)

// A class is a set of properties of a byte of text. The tokenizer looks up
// the class of every byte of a chunk as it scans for the chunk's end, and
// the union of those classes tells which of its tests can apply to the
// chunk: a chunk of ASCII bytes, for one, needs no normalization, one
// without '@' is no e-mail address, and one whose bytes have no class at
// all is a single token.
type class uint8

const (
	classSpace      class = 1 << iota // ASCII white space (see clean.IsSpace)
	classNonASCII                     // a byte of a multi-byte rune or of invalid UTF-8
	classOpening                      // ASCII opening punctuation (see isOpening)
	classClosing                      // ASCII closing punctuation (see isClosing)
	classHyphen                       // '-'
	classApostrophe                   // '\''
	classAt                           // '@'
	classPeriod                       // '.'
)

// The ASCII runes that isOpening and isClosing accept.
const (
	asciiOpening = `"'([{<*`
	asciiClosing = `"')]}>,;:!?*`
)

// byteClasses holds the class of every byte.
var byteClasses = func() [256]class {
	var t [256]class
	for b := range t {
		r := rune(b)
		switch {
		case r >= utf8.RuneSelf:
			t[b] = classNonASCII
			continue
		case clean.IsSpace(r):
			t[b] |= classSpace
		case r == '-':
			t[b] |= classHyphen
		case r == '\'':
			t[b] |= classApostrophe
		case r == '@':
			t[b] |= classAt
		case r == '.':
			t[b] |= classPeriod
		}
		if strings.ContainsRune(asciiOpening, r) {
			t[b] |= classOpening
		}
		if strings.ContainsRune(asciiClosing, r) {
			t[b] |= classClosing
		}
	}
	return t
}()

// isOpening reports whether r is punctuation that a chunk's first tokens
// may be made of.
func isOpening(r rune) bool {
	if r < utf8.RuneSelf {
		return byteClasses[r]&classOpening != 0
	}
	switch r {
	case '“', '‘', '«', '¿', '¡':
		return true
	}
	return false
}

// isClosing reports whether r is punctuation that a chunk's last tokens
// may be made of.
func isClosing(r rune) bool {
	if r < utf8.RuneSelf {
		return byteClasses[r]&classClosing != 0
	}
	switch r {
	case '”', '’', '»', '…':
		return true
	}
	return false
}
