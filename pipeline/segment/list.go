package segment

import "unicode"

// A numbered or lettered list written inline, "1.) The first item 2.) The
// second item", is split before each of its markers. The list opens where a
// sentence starts with a marker that can open one ("1.", "1)", "1.)", "a.",
// "a)"), whether at the start of a line or after another sentence; a line
// that does not start with the list's next marker closes it.

// enter makes m, the marker token t, the current item of the open list.
func (s *splitter) enter(m marker, t token) {
	s.list, s.parens, s.parensAt = m, 0, t.end
}

// item reports whether token b, which follows token a across a gap holding
// the given number of line breaks, is the marker of the next item of the
// open list, and enters that item when it is; a line break closes the list
// otherwise. The next marker is the next
// number or letter in the same style ("2." after "1.", "b)" after "a)").
// Inside a line it must also be read as a marker rather than as part of the
// item's prose: it does not close a parenthesis opened in the item
// ("(see Section 2)"), nor follow a word that a number often follows
// ("version 2.", "page 2.").
func (s *splitter) item(a, b token, breaks int) bool {
	m, ok := parseMarker(s.text[b.start:b.end])
	next := ok && s.list.next(m)
	switch {
	case !next:
		if breaks > 0 {
			s.list = marker{}
		}
		return false
	case breaks == 0 && (s.parenOpen(b) || beforeNumber(s.text[a.start:a.end])):
		return false
	}
	s.enter(m, b)
	return true
}

// parenOpen reports whether a parenthesis opened in the text of the current
// list item before token b is still open. It reads each byte of the item at
// most once, however many markers it is asked about.
func (s *splitter) parenOpen(b token) bool {
	for ; s.parensAt < b.start; s.parensAt++ {
		switch s.text[s.parensAt] {
		case '(':
			s.parens++
		case ')':
			s.parens--
		}
	}
	return s.parens > 0
}

// beforeNumber reports whether token text w is a word that a number often
// follows (see numberLeads), possibly capitalised, in brackets or
// abbreviated with a period: "version", "Section", "(page", "No.".
func beforeNumber(w string) bool {
	w = trimLeft(w, isOpener)
	if n := len(w); n > 1 && w[n-1] == '.' {
		w = w[:n-1]
	}
	var buf [12]byte
	lw, ok := lowerASCII(buf[:], w)
	if !ok {
		return false
	}
	return numberLeads[string(lw)] || abbreviations[string(lw)].class == numbered
}

// opensList reports whether token b, text bt, is "1." and opens a numbered
// list in the middle of a line, as in a page flattened into one line
// ("Notes to editors 1. The plan"): the word after it is not in lowercase,
// as it is in a list that goes on with its sentence ("parts: 1. scanning,
// 2. reporting").
func (s *splitter) opensList(bt string, b token, hi int) bool {
	m, ok := parseMarker(bt)
	if !ok || m.style != period || m.letter || m.n != 1 {
		return false
	}
	g, breaks := scanGap(s.text, b.end, hi)
	if g >= hi || breaks > 0 {
		return true
	}
	r, _ := firstRune(trimLeft(s.text[g:hi], isOpener))
	return !unicode.IsLower(r)
}
