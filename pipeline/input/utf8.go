package input

import (
	"bytes"
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// decoded is a string made valid UTF-8 and the repairs that took.
type decoded struct {
	text string
	// badBytes counts the bytes of invalid UTF-8 replaced by U+FFFD.
	badBytes int
	// badEscapes counts the \u escapes of unpaired UTF-16 surrogates
	// replaced by U+FFFD.
	badEscapes int
}

// warnings describes the repairs made to s; field names the JSON field it
// came from, "" for the article text.
func (s decoded) warnings(field string) []string {
	if s.badBytes == 0 && s.badEscapes == 0 {
		return nil
	}
	where := ""
	if field != "" {
		where = fmt.Sprintf(" in field %q", field)
	}
	var w []string
	if s.badBytes > 0 {
		w = append(w, fmt.Sprintf("invalid UTF-8%s replaced by U+FFFD (%s)", where, plural(s.badBytes, "byte")))
	}
	if s.badEscapes > 0 {
		w = append(w, fmt.Sprintf("unpaired UTF-16 surrogate escape%s replaced by U+FFFD (%s)", where, plural(s.badEscapes, "escape")))
	}
	return w
}

// plural returns n and the noun, with an "s" unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// repairUTF8 returns b as a valid UTF-8 string, each byte of an invalid
// sequence replaced by U+FFFD as a range loop over a string yields them.
// scratch is a buffer to reuse; the one to keep is returned.
func repairUTF8(scratch, b []byte) (decoded, []byte) {
	if utf8.Valid(b) {
		return decoded{text: string(b)}, scratch
	}
	var s decoded
	scratch, s.badBytes = appendRepaired(scratch[:0], b)
	s.text = string(scratch)
	return s, scratch
}

// appendRepaired appends b to dst with each byte of invalid UTF-8
// replaced by U+FFFD, and returns the count of such bytes.
func appendRepaired(dst, b []byte) ([]byte, int) {
	if utf8.Valid(b) {
		return append(dst, b...), 0
	}
	bad := 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			dst = utf8.AppendRune(dst, utf8.RuneError)
			bad++
		} else {
			dst = append(dst, b[:n]...)
		}
		b = b[n:]
	}
	return dst, bad
}

// decodeString returns the value of quoted, a valid JSON string literal,
// decoded as encoding/json decodes it: invalid UTF-8 bytes and unpaired
// surrogate escapes become U+FFFD. scratch is a buffer to reuse; the one to
// keep is returned.
func decodeString(scratch, quoted []byte) (decoded, []byte) {
	b := quoted[1 : len(quoted)-1]
	if bytes.IndexByte(b, '\\') < 0 {
		return repairUTF8(scratch, b)
	}
	var s decoded
	var bad int
	dst := scratch[:0]
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\\')
		if i < 0 {
			i = len(b)
		}
		dst, bad = appendRepaired(dst, b[:i])
		s.badBytes += bad
		if b = b[i:]; len(b) == 0 {
			break
		}
		if b[1] != 'u' {
			dst = append(dst, unescape(b[1]))
			b = b[2:]
			continue
		}
		r := hex4(b[2:6])
		b = b[6:]
		if utf16.IsSurrogate(r) {
			if len(b) >= 6 && b[0] == '\\' && b[1] == 'u' {
				if pair := utf16.DecodeRune(r, hex4(b[2:6])); pair != utf8.RuneError {
					dst = utf8.AppendRune(dst, pair)
					b = b[6:]
					continue
				}
			}
			r = utf8.RuneError
			s.badEscapes++
		}
		dst = utf8.AppendRune(dst, r)
	}
	s.text = string(dst)
	return s, dst
}

// unescape returns the byte that the one-character escape \c stands for.
func unescape(c byte) byte {
	switch c {
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return c // '"', '\\' and '/' stand for themselves
}
