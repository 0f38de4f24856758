package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// IsSpace reports whether r is white space for analysis: a rune with the
// Unicode White_Space property. Besides the ASCII spaces and line breaks this
// includes U+0085 NEXT LINE, U+00A0 NO-BREAK SPACE, U+1680 OGHAM SPACE MARK,
// the spaces U+2000 to U+200A, U+2028 LINE SEPARATOR, U+2029 PARAGRAPH
// SEPARATOR, U+202F NARROW NO-BREAK SPACE, U+205F MEDIUM MATHEMATICAL SPACE
// and U+3000 IDEOGRAPHIC SPACE.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// IsIgnorable reports whether r is an invisible format character that
// analysis drops: U+00AD SOFT HYPHEN, U+061C ARABIC LETTER MARK, U+180E
// MONGOLIAN VOWEL SEPARATOR, U+200B ZERO WIDTH SPACE, U+200C ZERO WIDTH
// NON-JOINER, U+200D ZERO WIDTH JOINER, U+200E LEFT-TO-RIGHT MARK, U+200F
// RIGHT-TO-LEFT MARK, the embeddings and overrides U+202A to U+202E, U+2060
// WORD JOINER, the isolates U+2066 to U+2069 and U+FEFF BYTE ORDER MARK.
func IsIgnorable(r rune) bool {
	switch {
	case r < 0xAD:
		return false
	case r == 0xAD, r == 0x061C, r == 0x180E, r == 0x2060, r == 0xFEFF:
		return true
	case 0x200B <= r && r <= 0x200F, 0x202A <= r && r <= 0x202E, 0x2066 <= r && r <= 0x2069:
		return true
	}
	return false
}

// Normalize returns s as analysis sees it: ignorable runes (see IsIgnorable)
// removed, every space rune (see IsSpace) replaced by ' ', and the result put
// in Unicode Normalization Form C. When s is ASCII with no white space but
// ' ', Normalize returns s itself without allocating, and so it does for
// other strings that need no change and pass the NFC quick check.
func Normalize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c != ' ' && IsSpace(rune(c)) {
			return mapRunes(s)
		}
	}
	if ascii {
		return s
	}
	if strings.IndexFunc(s, needsMapping) < 0 {
		if norm.NFC.QuickSpanString(s) == len(s) {
			return s
		}
		return norm.NFC.String(s)
	}
	return mapRunes(s)
}

// needsMapping reports whether Normalize removes or replaces r.
func needsMapping(r rune) bool {
	return r != ' ' && IsSpace(r) || IsIgnorable(r)
}

// mapRunes removes ignorables, maps spaces to ' ' and applies NFC.
func mapRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case IsIgnorable(r):
		case IsSpace(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}
