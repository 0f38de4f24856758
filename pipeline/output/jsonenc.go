package output

import (
	"math"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/swar"
)

// plainASCII[c] reports whether the ASCII byte c stands for itself inside a
// JSON string: every byte from 0x20 up except the quote and the backslash.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendString appends s to dst as a quoted JSON string.
//
// The quote and the backslash are escaped, as are the control characters
// below U+0020 (\b \f \n \r \t in their short forms, the others as \u00XX)
// and U+2028 and U+2029, which JavaScript source does not accept raw. Every
// byte of s that is not part of valid UTF-8 becomes one U+FFFD, so the
// output is valid UTF-8 whatever s holds. Other characters are copied as is.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	done := 0 // s[:done] is already in dst
	for i := 0; i < len(s); {
		for i+8 <= len(s) { // the common case: eight plain bytes at a time
			if f := plainFlags(swar.Load(s[i : i+8])); f != 0 {
				i += bits.TrailingZeros64(f) / 8
				break
			}
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if plainASCII[c] {
				i++
				continue
			}
			dst = append(dst, s[done:i]...)
			dst = appendEscapedASCII(dst, c)
			i++
			done = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[done:i]...)
			dst = utf8.AppendRune(dst, utf8.RuneError)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[done:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		done = i
	}
	dst = append(dst, s[done:]...)
	return append(dst, '"')
}

// appendKnown appends s to dst as a quoted JSON string, s being one of the
// labels or entity types that checkDoc accepts, which hold nothing to
// escape.
func appendKnown(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// plainFlags flags the bytes of a word x (see swar.Load) that plainASCII
// does not pass: those a JSON string cannot hold raw, and those outside
// ASCII. The lowest flag is exact (see swar).
func plainFlags(x uint64) uint64 { return swar.JSONEscaped(x) | swar.NonASCII(x) }

// appendEscapedASCII appends the escape sequence of an ASCII byte that may
// not appear raw in a JSON string.
func appendEscapedASCII(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
}

// appendStrings appends ss as a JSON array of strings, [] when empty.
func appendStrings(dst []byte, ss []string) []byte {
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, s)
	}
	return append(dst, ']')
}

// appendInt appends n in decimal.
func appendInt(dst []byte, n int) []byte {
	return strconv.AppendInt(dst, int64(n), 10)
}

// appendRounded appends round3(x) in the shortest decimal form that reads
// back as the same float64 ("0.25", "-1", "0").
//
// Below maxMillis in magnitude, that form is the decimal m/1000 for
// m = round(1000·x) with the trailing zeros of its fraction dropped: the
// float64 nearest m/1000 is round3(x), and any other decimal of as few
// digits is at least 0.001 away from it, where float64s are far closer
// together, so it reads back as another float64.
func appendRounded(dst []byte, x float64) []byte {
	if math.Abs(x) >= maxMillis || math.IsNaN(x) {
		return strconv.AppendFloat(dst, round3(x), 'f', -1, 64)
	}
	m := int64(math.Round(x * 1000))
	if m < 0 {
		dst = append(dst, '-')
		m = -m
	}
	dst = strconv.AppendInt(dst, m/1000, 10)
	frac := m % 1000
	if frac == 0 {
		return dst
	}
	dst = append(dst, '.', byte('0'+frac/100))
	if frac%100 != 0 {
		dst = append(dst, byte('0'+frac/10%10))
		if frac%10 != 0 {
			dst = append(dst, byte('0'+frac%10))
		}
	}
	return dst
}

// maxMillis bounds the magnitudes that appendRounded writes itself.
const maxMillis = 1 << 20

// round3 rounds x to 3 decimals, halves away from zero:
//
//	round3(x) = round(1000·x) / 1000
//
// NaN and ±Inf, which JSON cannot represent, become 0, and so does -0.
// Magnitudes of 2⁵² and more are integers already and are returned as is.
func round3(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 0):
		return 0
	case math.Abs(x) >= 1<<52:
		return x
	}
	r := math.Round(x*1000) / 1000
	if r == 0 {
		return 0 // drop the sign of -0
	}
	return r
}
