package segment

import (
	"unicode"

	"github.com/stancer/stancer/pipeline/doc"
)

// The longest sentence the splitter makes: a run-on text without sentence
// ends (a log file, a list flattened into one line) is cut into pieces of at
// most maxSentenceTokens tokens, each at most maxSentenceBytes long unless
// it is a single token, so that the work of the later stages, some of which
// grows faster than linearly in the length of a sentence, stays bounded.
// Written sentences are far shorter: the longest of the gold files has 71
// tokens and 445 bytes.
const (
	maxSentenceTokens = 200
	maxSentenceBytes  = 4 << 10
)

// token is a maximal run of text without white space: text[start:end].
type token struct{ start, end int }

// splitter finds the sentences of a text, one region at a time.
type splitter struct {
	text  string
	spans []doc.Span

	// The sentence being read.
	start int // where it starts
	// first is its first token after any bullet tokens; firstSet is false
	// while only bullets have been read.
	first    token
	firstSet bool
	capital  bool // its first word is capitalised or a number
	// parenthetical says whether it opens with a parenthesis.
	parenthetical bool

	// list is the marker of the current item of the open inline list, if
	// any (see item).
	list marker
	// parens counts the parentheses opened and not closed in the text of
	// that item up to byte parensAt.
	parens, parensAt int

	// heading counts the words of the sentence while they are all in
	// capitals and without punctuation, as in a run-in heading ("WHAT'S
	// NEXT The roadmap ..."); -1 once another word has come.
	heading int
	// headingLong says whether one of those words has four letters or more.
	headingLong bool

	// tokens counts the tokens of the sentence read so far.
	tokens int

	// prev is the token before the current one, empty at a region's start.
	prev token
	// dots counts the periods of the run of free-standing dot tokens (a
	// spaced ellipsis ". . .") that ends at the current token.
	dots int
}

// region appends the sentences of text[lo:hi] to s.spans. Both ends of the
// region end any sentence.
func (s *splitter) region(lo, hi int) {
	i, _ := scanGap(s.text, lo, hi)
	if i >= hi {
		return
	}
	a := token{i, scanToken(s.text, i, hi)}
	s.prev, s.list = token{}, marker{}
	s.begin(a)
	for {
		s.see(a)
		g, breaks := scanGap(s.text, a.end, hi)
		if g >= hi {
			break
		}
		b := token{g, scanToken(s.text, g, hi)}
		item := s.list.style != noMarker && s.item(a, b, breaks)
		switch {
		case item, s.tooLong(b), s.boundary(a, breaks, b, hi):
			s.spans = append(s.spans, doc.Span{Start: s.start, End: a.end})
			s.begin(b)
		case !s.firstSet:
			s.setFirst(b)
		}
		s.prev, a = a, b
	}
	s.spans = append(s.spans, doc.Span{Start: s.start, End: a.end})
}

// tooLong says whether the sentence must end before token b because it
// already holds maxSentenceTokens tokens or would reach past
// maxSentenceBytes bytes with b.
func (s *splitter) tooLong(b token) bool {
	return s.tokens >= maxSentenceTokens || b.end-s.start > maxSentenceBytes
}

// begin starts a sentence at token t.
func (s *splitter) begin(t token) {
	s.start, s.tokens = t.start, 0
	s.parenthetical = s.text[t.start] == '('
	s.firstSet, s.capital = false, false
	s.heading, s.headingLong = 0, false
	s.setFirst(t)
}

// setFirst records t as the first token of the sentence unless it holds
// bullets only.
func (s *splitter) setFirst(t token) {
	w := trimLeft(s.text[t.start:t.end], isBullet)
	if w == "" {
		return
	}
	s.first, s.firstSet = t, true
	if m, _ := parseMarker(w); m.opens() {
		s.enter(m, t) // a sentence that starts a list: "1. The first item"
	}
	r, _ := firstRune(trimLeft(w, isOpener))
	s.capital = unicode.IsUpper(r) || unicode.IsDigit(r)
}

// see updates the running counts with token t, the current token.
func (s *splitter) see(t token) {
	s.tokens++
	w := s.text[t.start:t.end]
	if c := w[0] | 0x20; 'a' <= c && c <= 'z' {
		s.dots = 0 // the common case: a word
	} else {
		s.countDots(w)
	}
	if s.heading >= 0 {
		if n := capitalsWord(w); n > 0 {
			s.heading++
			s.headingLong = s.headingLong || n >= 4
		} else {
			s.heading = -1
		}
	}
}

// countDots updates s.dots with token text w.
func (s *splitter) countDots(w string) {
	bare := trimLeft(w, isOpener)
	n := 0
	for _, r := range bare {
		switch {
		case r == '.':
			n++
		case r == '…':
			n += 3
		case isCloser(r):
		default:
			s.dots = 0
			return
		}
	}
	if len(bare) < len(w) {
		s.dots = 0
	}
	s.dots += n
}
