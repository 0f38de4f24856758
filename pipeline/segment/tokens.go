package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isInitial reports whether word is a single letter, as in "J. Edgar Hoover".
func isInitial(word string) bool {
	r, n := firstRune(word)
	return n == len(word) && unicode.IsLetter(r)
}

// isDotted reports whether word is a dotted abbreviation such as "U.S",
// "Ph.D" or "a.m": parts of one or two letters joined by periods.
func isDotted(word string) bool {
	parts := 0
	for part := range strings.SplitSeq(word, ".") {
		if len(part) == 0 || len(part) > 2 {
			return false
		}
		for i := 0; i < len(part); i++ {
			if c := part[i] | 0x20; c < 'a' || c > 'z' {
				return false
			}
		}
		parts++
	}
	return parts >= 2
}

// isStarter reports whether bt begins, after any opening quotes, with a
// capitalised word from starters.
func isStarter(bt string) bool {
	w := trimLeft(bt, isOpener)
	var buf [12]byte
	n := 0
	for ; n < len(w); n++ {
		c := w[n]
		if c|0x20 < 'a' || c|0x20 > 'z' {
			break
		}
		if n == len(buf) {
			return false
		}
		buf[n] = c | 0x20
	}
	return n > 0 && 'A' <= w[0] && w[0] <= 'Z' && starters[string(buf[:n])]
}

// lowerASCII writes w into buf with its ASCII capitals lowered and returns
// that part of buf; ok is false when w is longer than buf.
func lowerASCII(buf []byte, w string) (lw []byte, ok bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

// tail describes how a token ending in a terminator ends.
type tail struct {
	word   string // the token without openers, bullets, terminators and closers
	dots   int    // periods in the terminator run; "…" counts three
	stop   bool   // the run holds '?', '!' or '‽'
	closed bool   // closing quotes or brackets follow the run
	paren  bool   // one of them is ')'
}

// mayEnd reports whether tailOf may find a terminator at the end of token
// text w: whether its last byte is a terminator, a closer or part of a
// rune outside ASCII. Most tokens, words, fail this cheap test.
func mayEnd(w string) bool {
	c := w[len(w)-1]
	return c >= utf8.RuneSelf || terminatorOrCloser[c]
}

// terminatorOrCloser says which ASCII bytes are terminators or closers.
var terminatorOrCloser = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isTerminator(rune(c)) || isCloser(rune(c))
	}
	return t
}()

// tailOf describes the end of token w; ok is false when no terminator ends
// it, possibly followed by closers.
func tailOf(w string) (t tail, ok bool) {
	end := len(w)
	for {
		r, n := lastRune(w[:end])
		if n == 0 || !isCloser(r) {
			break
		}
		end -= n
		t.closed = true
		t.paren = t.paren || r == ')'
	}
	run := end
	for {
		r, n := lastRune(w[:run])
		if n == 0 || !isTerminator(r) {
			break
		}
		run -= n
		switch r {
		case '.':
			t.dots++
		case '…':
			t.dots += 3
		default:
			t.stop = true
		}
	}
	if run == end {
		return tail{}, false
	}
	t.word = trimLeft(trimLeft(w[:run], isBullet), isOpener)
	return t, true
}

// marker is a list marker: "1.", "2)", "3.)", "a.", "b)".
type marker struct {
	n      int   // its number, or its letter's place in the alphabet
	letter bool  // it is a letter
	style  style // what follows the number or letter; noMarker for none
}

// style is the punctuation that follows the number or letter of a list
// marker.
type style uint8

const (
	noMarker    style = iota
	period            // "1."
	paren             // "1)"
	periodParen       // "1.)"
)

// parseMarker parses w, without leading bullets, as a list marker: one or
// two digits, or one lowercase letter, then ".", ")" or ".)".
func parseMarker(w string) (marker, bool) {
	if len(w) < 2 {
		return marker{}, false
	}
	st, k := period, 1 // k is the length of the punctuation
	switch w[len(w)-1] {
	case '.':
	case ')':
		st = paren
		if w[len(w)-2] == '.' {
			st, k = periodParen, 2
		}
	default:
		return marker{}, false
	}
	w = trimLeft(w, isBullet)
	if len(w) <= k {
		return marker{}, false
	}
	m, ok := markerBody(w[:len(w)-k])
	if !ok {
		return marker{}, false
	}
	m.style = st
	return m, true
}

// markerBody parses the body of a list marker: one or two digits, or one
// lowercase letter.
func markerBody(body string) (marker, bool) {
	if len(body) == 1 && 'a' <= body[0] && body[0] <= 'z' {
		return marker{n: int(body[0]-'a') + 1, letter: true}, true
	}
	if len(body) == 0 || len(body) > 2 {
		return marker{}, false
	}
	n := 0
	for i := 0; i < len(body); i++ {
		if body[i] < '0' || body[i] > '9' {
			return marker{}, false
		}
		n = n*10 + int(body[i]-'0')
	}
	return marker{n: n}, true
}

// next reports whether n is the item after m in the same list: the same
// style, one number or letter further.
func (m marker) next(n marker) bool {
	return m.style != noMarker && n.style == m.style && n.letter == m.letter && n.n == m.n+1
}

// opens reports whether m can open a list: "1.", "1)", "1.)", "a.", "a)".
func (m marker) opens() bool { return m.style != noMarker && m.n == 1 }

// capitalsWord returns the number of letters of w when w is a word in
// capitals (letters, digits, apostrophes, '&' and '-', no lowercase), and 0
// otherwise.
func capitalsWord(w string) int {
	n := 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			n++
		case unicode.IsDigit(r) || r == '\'' || r == '’' || r == '&' || r == '-':
		default:
			return 0
		}
	}
	return n
}
