package segment

import (
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/swar"
)

// isTerminator reports whether r can end a sentence.
func isTerminator(r rune) bool {
	return r == '.' || r == '?' || r == '!' || r == '…' || r == '‽'
}

// isCloser reports whether r closes a quotation or a parenthesis, and so may
// follow the full stop of a sentence: ." .) .' ?” .»
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '」', '』':
		return true
	}
	return false
}

// isOpener reports whether r opens a quotation or a parenthesis, and so may
// come before the first word of a sentence.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '“', '‘', '«', '‹', '„', '‚', '¿', '¡', '「', '『':
		return true
	}
	return false
}

// isBullet reports whether r marks an item of a list. A bullet inside a line
// starts a new sentence.
func isBullet(r rune) bool {
	switch r {
	case '•', '‣', '◦', '⁃', '▪', '▫', '●', '○', '■', '□', '►', '▸':
		return true
	}
	return false
}

// isDash reports whether r is a dash that continues a sentence after an
// abbreviation or a dateline: "CUPERTINO, Calif. — Apple said".
func isDash(r rune) bool { return r == '—' || r == '–' || r == '-' }

// isGap reports whether r separates tokens: white space or an invisible
// format character.
func isGap(r rune) bool { return clean.IsSpace(r) || clean.IsIgnorable(r) }

// firstRune decodes the first rune of s, or returns 0 for an empty s.
func firstRune(s string) (rune, int) {
	if s == "" {
		return 0, 0
	}
	if c := s[0]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s)
}

// lastRune decodes the last rune of s, or returns 0 for an empty s.
func lastRune(s string) (rune, int) {
	if s == "" {
		return 0, 0
	}
	if c := s[len(s)-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s)
}

// trimLeft returns s without its leading runes for which f is true.
func trimLeft(s string, f func(rune) bool) string {
	for {
		r, n := firstRune(s)
		if n == 0 || !f(r) {
			return s
		}
		s = s[n:]
	}
}

// scanGap returns the end of the run of gap runes that starts at i, and the
// number of line breaks in it ("\r\n" is one; U+2029 PARAGRAPH SEPARATOR
// counts as two, a paragraph break).
func scanGap(text string, i, hi int) (end, breaks int) {
	if i+1 < hi && text[i] == ' ' && ' ' < text[i+1] && text[i+1] < utf8.RuneSelf {
		return i + 1, 0 // the common case: one space between words
	}
	for i < hi {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ', '\t', '\v', '\f':
			case '\n':
				breaks++
			case '\r':
				if i+1 >= hi || text[i+1] != '\n' {
					breaks++
				}
			default:
				return i, breaks
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:hi])
		switch {
		case r == 0x2029:
			breaks += 2
		case r == 0x85 || r == 0x2028:
			breaks++
		case !isGap(r):
			return i, breaks
		}
		i += n
	}
	return hi, breaks
}

// scanToken returns the end of the token that starts at i: the first gap
// rune at or after i, or hi.
func scanToken(text string, i, hi int) int {
	for i < hi {
		if i+8 <= hi {
			// The common case: printable ASCII, eight bytes at a time.
			// Short of eight, the run ends at text[i], which is not.
			n := printable(text[i : i+8])
			i += n
			if n == 8 {
				continue
			}
		}
		c := text[i]
		if ' ' < c && c < utf8.RuneSelf {
			i++
			continue
		}
		if c == ' ' || '\t' <= c && c <= '\r' {
			return i
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:hi])
		if isGap(r) {
			return i
		}
		i += n
	}
	return hi
}

// printable returns the number of leading bytes of the eight bytes of w
// that are printable ASCII, from '!' to '~' and DEL: those that are
// neither below 0x21 nor outside ASCII.
func printable(w string) int {
	x := swar.Load(w)
	return swar.First(swar.Less(x, 0x21) | swar.NonASCII(x))
}
