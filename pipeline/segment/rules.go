package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxCredit is the longest parenthesised photo credit, in bytes.
const maxCredit = 80

// boundary reports whether a sentence ends between tokens a and b, which
// are separated by a gap holding the given number of line breaks.
func (s *splitter) boundary(a token, breaks int, b token, hi int) bool {
	if breaks >= 2 {
		return true // a blank line
	}
	at, bt := s.text[a.start:a.end], s.text[b.start:b.end]
	if mayEnd(at) {
		if t, ok := tailOf(at); ok {
			return s.endsSentence(a, t, bt, b, breaks == 1, hi)
		}
	}
	if breaks == 1 {
		return !s.continues(bt)
	}
	if bt[0] >= utf8.RuneSelf { // no bullet is ASCII
		if r, _ := firstRune(bt); isBullet(r) {
			return true
		}
	}
	return bt[len(bt)-1] == '.' && s.opensList(bt, b, hi) || s.endsHeading(bt)
}

// leadsOn reports whether token text at ends with a colon, comma or
// semicolon, after which a list goes on with the sentence: "has three
// parts: 1. scanning, 2. reporting".
func leadsOn(at string) bool {
	if at == "" {
		return false
	}
	switch at[len(at)-1] {
	case ':', ',', ';':
		return true
	}
	return false
}

// numberMarker reports whether word, a number of one or two digits before a
// period, marks an item of a list inside the sentence rather than ending
// it: it comes after a colon, comma or semicolon ("parts: 1. Scanning"), or
// the word after it, whose first rune is h, is in lowercase ("1. scanning").
func (s *splitter) numberMarker(word string, h rune) bool {
	m, ok := markerBody(word)
	if !ok || m.letter {
		return false
	}
	return unicode.IsLower(h) || leadsOn(s.text[s.prev.start:s.prev.end])
}

// endsHeading reports whether the sentence so far is a run-in heading in
// capitals ("WHAT'S NEXT") and bt starts the text under it: a capitalised
// word in lowercase letters. The heading has two words or more, one of them
// four letters or longer, so that "EU AI Act" stays whole.
func (s *splitter) endsHeading(bt string) bool {
	if s.heading < 2 || !s.headingLong {
		return false
	}
	r, n := firstRune(bt)
	r2, _ := firstRune(bt[n:])
	return unicode.IsUpper(r) && unicode.IsLower(r2)
}

// continues reports whether the line starting with token text bt goes on
// with the sentence before the line break: the sentence started with a
// capital (prose, not a lowercase chat line or a header) and the new line
// starts with a word in lowercase letters, as in text wrapped at a fixed
// width. A name such as "iPhone" may start a line of its own.
func (s *splitter) continues(bt string) bool {
	if !s.capital {
		return false
	}
	w := trimLeft(bt, isOpener)
	r, _ := firstRune(w)
	if !unicode.IsLower(r) {
		return false
	}
	for _, r := range w {
		if unicode.IsUpper(r) {
			return false
		}
		if !unicode.IsLetter(r) {
			break
		}
	}
	return true
}

// endsSentence reports whether the terminator at the end of token a, whose
// ending is t, ends the sentence, given the next token b (text bt).
// lineBreak says whether a line break comes between them.
func (s *splitter) endsSentence(a token, t tail, bt string, b token, lineBreak bool, hi int) bool {
	if s.firstSet && a == s.first && t.dots == 1 && !t.stop {
		if _, ok := markerBody(t.word); ok {
			return false // a list marker starts the sentence: "1. The", "2.) The"
		}
	}
	r0, _ := firstRune(bt)
	switch {
	case r0 == '.' || r0 == '…':
		// A spaced ellipsis goes on; only a full stop attached to a word
		// and followed by a separate ". . ." and a capital ends a sentence,
		// the ellipsis starting the next one.
		return t.word != "" && t.dots == 1 && !t.stop && s.ellipsisOpens(b, hi)
	case lineBreak:
	case isDash(r0) || strings.ContainsRune(",;:)]}&", r0):
		return false
	case r0 == '(' && s.creditEnds(b, hi):
		return false // a photo credit after a caption: "... in March. (CNW Photo/File)"
	}
	h, _ := firstRune(trimLeft(bt, isOpener))
	if t.stop {
		return lineBreak || !unicode.IsLower(h)
	}
	dots := t.dots
	if t.word == "" {
		dots = s.dots
	}
	if dots == 3 {
		return lineBreak // an ellipsis inside a sentence: "is . . . I didn't"
	}
	if t.paren && s.parenthetical {
		return true // a sentence in parentheses ends with them
	}
	if dots != 1 || t.closed {
		// A long ellipsis ends a sentence; so does a full stop inside a
		// closing quotation or parenthesis unless a lowercase word follows:
		// "'This is great.' she said".
		return lineBreak || !unicode.IsLower(h)
	}
	if !lineBreak && s.numberMarker(t.word, h) {
		return false
	}
	switch abbreviation(t.word) {
	case title:
		return false
	case numbered:
		return !unicode.IsDigit(h)
	case ambiguous:
		if isInitial(t.word) && unicode.IsUpper(h) && !isStarter(bt) {
			return s.initialEnds(b, hi)
		}
		return unicode.IsUpper(h) && isStarter(bt)
	}
	return true
}

// initialEnds reports whether a single capital letter and period before
// token b ends a sentence although b is not a starter: "support on X.
// Telegram has" ends, "J. Edgar Hoover" and "Albert I. Jones" do not. The
// letter is a name (it ends the sentence) when the word before it is not
// capitalised and b is a plain word followed by a lowercase one.
func (s *splitter) initialEnds(b token, hi int) bool {
	r, _ := firstRune(trimLeft(s.text[s.prev.start:s.prev.end], isOpener))
	if unicode.IsUpper(r) {
		return false
	}
	for _, r := range s.text[b.start:b.end] {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	g, breaks := scanGap(s.text, b.end, hi)
	if g >= hi || breaks > 0 {
		return false
	}
	r, _ = firstRune(s.text[g:hi])
	return unicode.IsLower(r)
}

// creditEnds reports whether token b opens a parenthesis that closes, with
// no terminator inside, at the end of the line or region, as a photo credit
// does.
func (s *splitter) creditEnds(b token, hi int) bool {
	end := min(hi, b.start+maxCredit)
	for i := b.start + 1; i < end; i++ {
		switch s.text[i] {
		case '.', '?', '!', '\n', '(':
			return false
		case ')':
			g, breaks := scanGap(s.text, i+1, hi)
			return g >= hi || breaks > 0
		}
	}
	return false
}

// abbreviation returns the class of word, the text before a period, when it
// is an abbreviation, and 0 otherwise.
func abbreviation(word string) class {
	var buf [16]byte
	if lw, ok := lowerASCII(buf[:], word); ok {
		ab, ok := abbreviations[string(lw)]
		if ok && (!ab.capital || 'A' <= word[0] && word[0] <= 'Z') {
			return ab.class
		}
	}
	if isInitial(word) || isDotted(word) {
		return ambiguous
	}
	return 0
}

// ellipsisOpens reports whether token b starts a spaced three-dot ellipsis
// ". . ." that is followed, on the same paragraph, by a capitalised word.
func (s *splitter) ellipsisOpens(b token, hi int) bool {
	for n := 1; ; n++ {
		if s.text[b.start:b.end] != "." {
			return false
		}
		g, breaks := scanGap(s.text, b.end, hi)
		if g >= hi || breaks >= 2 {
			return false
		}
		b = token{g, scanToken(s.text, g, hi)}
		if n == 3 {
			r, _ := firstRune(trimLeft(s.text[b.start:b.end], isOpener))
			return unicode.IsUpper(r)
		}
	}
}
