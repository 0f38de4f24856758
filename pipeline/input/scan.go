package input

import (
	"encoding/binary"

	"github.com/stancer/stancer/pipeline/swar"
)

// maxDepth is the deepest nesting of JSON arrays and objects accepted, the
// limit encoding/json applies.
const maxDepth = 10000

// scanner validates JSON text without recursion, so that any depth of
// nesting costs only a byte per level. Its method and the scan functions
// below take the text and an index into it and return the index just past
// what they scanned, or -1 if the text is not valid JSON there.
type scanner struct {
	stack []byte // the open containers, '{' or '['
}

// value scans the JSON value starting at b[i], with depth containers
// already open around it.
func (s *scanner) value(b []byte, i, depth int) int {
	stack := s.stack[:0]
	defer func() { s.stack = stack[:0] }()
	for {
		i = skipSpace(b, i)
		if i >= len(b) {
			return -1
		}
		switch c := b[i]; c {
		case '{', '[':
			if depth+len(stack) >= maxDepth {
				return -1
			}
			end := byte('}')
			if c == '[' {
				end = ']'
			}
			if j := skipSpace(b, i+1); j < len(b) && b[j] == end {
				i = j + 1
				break
			}
			stack = append(stack, c)
			i++
			if c == '{' {
				if i = memberName(b, i); i < 0 {
					return -1
				}
			}
			continue
		case '"':
			i = scanString(b, i)
		case 't':
			i = scanLiteral(b, i, "true")
		case 'f':
			i = scanLiteral(b, i, "false")
		case 'n':
			i = scanLiteral(b, i, "null")
		default:
			i = scanNumber(b, i)
		}
		if i < 0 {
			return -1
		}
		// A value ended: close the containers it completes, then expect
		// the next element or member, or stop at the outermost value.
	closing:
		for {
			if len(stack) == 0 {
				return i
			}
			i = skipSpace(b, i)
			if i >= len(b) {
				return -1
			}
			open := stack[len(stack)-1]
			switch {
			case b[i] == ',':
				i++
				if open == '{' {
					if i = memberName(b, i); i < 0 {
						return -1
					}
				}
				break closing
			case open == '{' && b[i] == '}', open == '[' && b[i] == ']':
				stack = stack[:len(stack)-1]
				i++
			default:
				return -1
			}
		}
	}
}

// memberName scans optional white space, a string and a colon: the start
// of an object member up to its value.
func memberName(b []byte, i int) int {
	i = skipSpace(b, i)
	if i >= len(b) || b[i] != '"' {
		return -1
	}
	if i = scanString(b, i); i < 0 {
		return -1
	}
	i = skipSpace(b, i)
	if i >= len(b) || b[i] != ':' {
		return -1
	}
	return i + 1
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space, or len(b).
func skipSpace(b []byte, i int) int {
	for i < len(b) && isSpace(b[i]) {
		i++
	}
	return i
}

// scanString scans the string starting at b[i] == '"'. Bytes that are not
// valid UTF-8 are accepted, as encoding/json does; control characters
// must be escaped.
func scanString(b []byte, i int) int {
	for i++; i < len(b); {
		for i+8 <= len(b) && plainWord(binary.LittleEndian.Uint64(b[i:])) {
			i += 8
		}
		if i >= len(b) {
			break
		}
		switch c := b[i]; {
		case c == '"':
			return i + 1
		case c == '\\':
			if i+1 >= len(b) {
				return -1
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(b) || hex4(b[i+2:i+6]) < 0 {
					return -1
				}
				i += 6
			default:
				return -1
			}
		case c < ' ':
			return -1
		default:
			i++
		}
	}
	return -1
}

// plainWord reports whether none of the 8 bytes packed in w is '"', '\\'
// or a control character, the bytes a string scan must stop at.
func plainWord(w uint64) bool { return swar.JSONEscaped(w) == 0 }

// scanLiteral scans the literal lit (true, false or null) at b[i].
func scanLiteral(b []byte, i int, lit string) int {
	if len(b)-i < len(lit) || string(b[i:i+len(lit)]) != lit {
		return -1
	}
	return i + len(lit)
}

// scanNumber scans the number at b[i]:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func scanNumber(b []byte, i int) int {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = skipDigits(b, i)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		if i = skipDigits(b, i+1); i < 0 {
			return -1
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i = skipDigits(b, i); i < 0 {
			return -1
		}
	}
	return i
}

// skipDigits scans one or more decimal digits.
func skipDigits(b []byte, i int) int {
	j := i
	for j < len(b) && '0' <= b[j] && b[j] <= '9' {
		j++
	}
	if j == i {
		return -1
	}
	return j
}

// hex4 returns the value of the four hexadecimal digits h, or -1.
func hex4(h []byte) rune {
	var r rune
	for _, c := range h[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}
