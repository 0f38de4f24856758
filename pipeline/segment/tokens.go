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

// tail describes how a token ending in a terminator ends.
type tail struct {
	word   string // the token without openers, bullets, terminators and closers
	dots   int    // periods in the terminator run; "…" counts three
	stop   bool   // the run holds '?', '!' or '‽'
	closed bool   // closing quotes or brackets follow the run
	paren  bool   // one of them is ')'
}

// tailOf describes the end of token w; ok is false when no terminator ends
// it, possibly followed by closers.
func tailOf(w string) (t tail, ok bool) {
	if c := w[len(w)-1]; c < utf8.RuneSelf && !isTerminator(rune(c)) && !isCloser(rune(c)) {
		return tail{}, false
	}
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

// marker is a list marker: "1.", "2)", "a.", "b)".
type marker struct {
	n      int  // its number, or its letter's place in the alphabet
	letter bool // it is a letter
	punct  byte // '.' or ')'; 0 for no marker
}

// parseMarker parses w, without leading bullets, as a list marker: one or
// two digits, or one lowercase letter, then '.' or ')'.
func parseMarker(w string) (marker, bool) {
	if len(w) < 2 || w[len(w)-1] != '.' && w[len(w)-1] != ')' {
		return marker{}, false
	}
	w = trimLeft(w, isBullet)
	if len(w) < 2 {
		return marker{}, false
	}
	p := w[len(w)-1]
	m, ok := markerBody(w[:len(w)-1])
	m.punct = p
	return m, ok
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

// next reports whether n is the item after m in the same list.
func (m marker) next(n marker) bool {
	return m.punct != 0 && n.punct == m.punct && n.letter == m.letter && n.n == m.n+1
}

// startsList reports whether m is "1.", the first item of a numbered list.
func (m marker) startsList() bool { return m.punct == '.' && !m.letter && m.n == 1 }

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
