package postag

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Context forms that stand for whole classes of words.
const (
	hyphenForm = "!HYPHEN"
	yearForm   = "!YEAR"
	digitsForm = "!DIGITS"
)

// appendNormal appends to dst the form in which the word w enters the
// features of its neighbours (and its own word features): hyphenForm if w
// contains '-' anywhere but at its start; yearForm if w is four bytes that
// strconv.Atoi accepts; digitsForm if w begins with an ASCII digit; else w
// lower-cased as strings.ToLower does it.
func appendNormal(dst []byte, w string) []byte {
	switch {
	case w == "":
		return dst
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return append(dst, hyphenForm...)
	case len(w) == 4 && isAtoi(w):
		return append(dst, yearForm...)
	case isDigit(w[0]):
		return append(dst, digitsForm...)
	}
	return appendLower(dst, w)
}

// isAtoi reports whether strconv.Atoi accepts the short string s: an
// optional sign followed by one or more ASCII digits.
func isAtoi(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	return allDigits(s)
}

// appendLower appends strings.ToLower(w) to dst without allocating: each
// rune is mapped by unicode.ToLower, and each byte of invalid UTF-8 becomes
// U+FFFD.
func appendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		b := w[i]
		if b >= utf8.RuneSelf {
			for _, r := range w[i:] {
				dst = utf8.AppendRune(dst, unicode.ToLower(r))
			}
			return dst
		}
		if isUpper(b) {
			b += 'a' - 'A'
		}
		dst = append(dst, b)
	}
	return dst
}

// suffix returns the last three bytes of s, or s if it is shorter. Like
// prose, it counts bytes, so it may cut a multi-byte rune.
func suffix[K string | []byte](s K) K { return s[len(s)-min(len(s), 3):] }
