// Package tokenize splits sentences into Penn-Treebank-style tokens and tags
// them with parts of speech.
//
// Tokens keep byte offsets into the original text; their Norm field is the
// text the models see (see clean.Normalize). The splitting follows the
// conventions the tagger was trained on: punctuation is separate ("word", ","),
// clitics are split off ("Apple", "'s"; "do", "n't"), while abbreviations
// ("U.S.", "Mr."), numbers ("1,000.5"), URLs and e-mail addresses stay whole.
package tokenize

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/swar"
)

// Tokenize sets d.Tokens to the tokens of every sentence in d.Sentences, in
// text order, and each sentence's Tokens to its index range in d.Tokens.
// It reuses the array of d.Tokens if it is large enough and otherwise
// allocates one of the exact size: the tokens are gathered in a buffer that
// it keeps for the next document.
func Tokenize(d *doc.Doc) {
	b, _ := tokenBuffers.Get().(*tokenBuffer)
	if b == nil {
		b = new(tokenBuffer)
	}
	for i := range d.Sentences {
		s := &d.Sentences[i]
		first := len(b.spans)
		b.appendTokens(d.Text, s.Span)
		s.Tokens = doc.Span{Start: first, End: len(b.spans)}
	}
	n := len(b.spans)
	if cap(d.Tokens) < n {
		d.Tokens = make([]doc.Token, n)
	} else {
		d.Tokens = d.Tokens[:n]
		clear(d.Tokens)
	}
	b.fill(d.Tokens, d.Text)
	b.reset()
	tokenBuffers.Put(b)
}

// tokenBuffers is a pool of *tokenBuffer for Tokenize.
var tokenBuffers sync.Pool

// Split returns the tokens of text[span.Start:span.End], or nil if it has
// none.
func Split(text string, span doc.Span) []doc.Token {
	var b tokenBuffer
	b.appendTokens(text, span)
	if len(b.spans) == 0 {
		return nil
	}
	toks := make([]doc.Token, len(b.spans))
	b.fill(toks, text)
	return toks
}

// A tokenBuffer gathers the tokens of a text as the tokenizer finds them.
// It holds their spans, which have no pointers for the garbage collector to
// trace, and apart from them the few normal forms that differ from the
// text of their token.
type tokenBuffer struct {
	spans []doc.Span
	norms []normForm // in token order
}

// A normForm is the normal form of the token spans[token] of a tokenBuffer.
type normForm struct {
	token int
	norm  string
}

// fill writes the tokens of b, found in text, to toks, which has as many
// elements as b has tokens, all zero: it sets only their Span and Norm.
func (b *tokenBuffer) fill(toks []doc.Token, text string) {
	norms := b.norms
	for i, sp := range b.spans {
		norm := text[sp.Start:sp.End]
		if len(norms) > 0 && norms[0].token == i {
			norm = norms[0].norm
			norms = norms[1:]
		}
		toks[i].Span = sp
		toks[i].Norm = norm
	}
}

// reset empties b, keeping no text alive.
func (b *tokenBuffer) reset() {
	b.spans = b.spans[:0]
	clear(b.norms)
	b.norms = b.norms[:0]
}

// appendTokens appends to b the tokens of text within span.
func (b *tokenBuffer) appendTokens(text string, span doc.Span) {
	text = text[:span.End]
	for i := span.Start; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			if byteClasses[c]&classSpace != 0 {
				i++
				continue
			}
		} else if r, n := utf8.DecodeRuneInString(text[i:]); clean.IsSpace(r) || clean.IsIgnorable(r) {
			i += n
			continue
		}
		end, seen := chunkEnd(text, i)
		b.appendChunk(text, i, end, seen)
		i = end
	}
}

// chunkEnd returns the end of the chunk of text that starts at start, the
// offset of the first white space rune after it or len(text), and the union
// of the classes of the chunk's bytes.
func chunkEnd(text string, start int) (int, class) {
	var seen class
	i := start
	// Letters and digits, of no class, are most of a chunk: skip them
	// eight at a time.
	for i+8 <= len(text) {
		n := alnumRun(text, i)
		i += n
		if n < 8 {
			break
		}
	}
	for i < len(text) {
		k := byteClasses[text[i]]
		if k&(classSpace|classNonASCII) == 0 {
			seen |= k
			i++
			continue
		}
		if k&classSpace != 0 {
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if clean.IsSpace(r) {
			break
		}
		seen |= k
		i += n
	}
	return i, seen
}

// alnumRun returns how many ASCII letters and digits the 8 bytes of text at
// i, which must exist, begin with. It tests the bytes all at once, as the
// lanes of one 64-bit word x: for m < 0x80, the top bit of lane b of
//
//	((x | 0x8080…80) - m·0x0101…01) & 0x8080…80
//
// is set when b&0x7F ≥ m, and no lane borrows from the next, for each is at
// least 0x80 before the subtraction. Lane b holds a letter or a digit when
// its top bit is clear and b&0x7F is in '0'…'9', 'A'…'Z' or 'a'…'z'.
func alnumRun(text string, i int) int {
	x := swar.Load(text[i : i+8])
	atLeast := func(m byte) uint64 { return ((x | swar.Highs) - uint64(m)*swar.Ones) & swar.Highs }
	alnum := (atLeast('0')&^atLeast('9'+1) | atLeast('A')&^atLeast('Z'+1) | atLeast('a')&^atLeast('z'+1)) &^ x
	return swar.First(^alnum & swar.Highs)
}

// appendChunk splits one white-space-free chunk text[start:end], the union
// of whose byte classes is seen, into tokens.
func (b *tokenBuffer) appendChunk(text string, start, end int, seen class) {
	if seen == 0 {
		// ASCII letters, digits and symbols that no test below looks
		// for, as most words are: the chunk is one token.
		b.spans = append(b.spans, doc.Span{Start: start, End: end})
		return
	}
	// Peel opening punctuation.
	for start < end {
		r, n := rune(text[start]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[start:end])
			if clean.IsIgnorable(r) {
				start += n
				continue
			}
		}
		if !isOpening(r) && !(isDash(r) && start+n < end) {
			break
		}
		if isDash(r) {
			n = dashRunLen(text[start:end])
		}
		b.addToken(text, start, start+n, seen)
		start += n
	}
	// Peel closing punctuation, collecting it to append after the body.
	var tail [8]doc.Span
	nt := 0
	for start < end {
		r, n := rune(text[end-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(text[start:end])
			if clean.IsIgnorable(r) {
				end -= n
				continue
			}
		}
		w := 0
		switch {
		case r == '.' && strings.HasSuffix(text[start:end], "..."):
			w = 3
		case r == '.':
			if keepsPeriod(text[start:end]) {
				break
			}
			w = n
		case isClosing(r), isDash(r) && end-n > start:
			w = n
		}
		if w == 0 || nt == len(tail) {
			break
		}
		tail[nt] = doc.Span{Start: end - w, End: end}
		nt++
		end -= w
	}
	if start < end {
		b.appendBody(text, start, end, seen)
	}
	for k := nt - 1; k >= 0; k-- {
		b.addToken(text, tail[k].Start, tail[k].End, seen)
	}
}

// appendBody splits the core text[start:end] of a chunk (punctuation peeled
// off) at inner dashes, clitics and stray inner punctuation. Only the tests
// that the classes seen of the chunk's bytes allow are run.
func (b *tokenBuffer) appendBody(text string, start, end int, seen class) {
	body := text[start:end]
	if isURLOrEmail(body, seen) {
		b.addToken(text, start, end, seen)
		return
	}
	// Split at inner em/en dashes and double hyphens: "word—word".
	if seen&(classHyphen|classNonASCII) != 0 {
		if k := innerDash(body); k >= 0 {
			w := dashRunLen(body[k:])
			b.appendBody(text, start, start+k, seen)
			b.addToken(text, start+k, start+k+w, seen)
			b.appendBody(text, start+k+w, end, seen)
			return
		}
	}
	if start >= end {
		return
	}
	if seen&(classApostrophe|classNonASCII) != 0 {
		if cut := cliticStart(body); cut > 0 {
			b.appendBody(text, start, start+cut, seen)
			b.addToken(text, start+cut, end, seen)
			return
		}
	}
	b.addToken(text, start, end, seen)
}

// addToken appends the token text[start:end] of a chunk the union of whose
// byte classes is seen, unless it is empty. The text of an ASCII chunk is
// its own normal form, for it holds no white space.
func (b *tokenBuffer) addToken(text string, start, end int, seen class) {
	if start >= end {
		return
	}
	if seen&classNonASCII != 0 {
		tok := text[start:end]
		norm := clean.Normalize(tok)
		if norm == "" {
			return
		}
		if norm != tok {
			b.norms = append(b.norms, normForm{token: len(b.spans), norm: norm})
		}
	}
	b.spans = append(b.spans, doc.Span{Start: start, End: end})
}

// innerDash returns the offset of the first em dash, en dash or double
// hyphen in s, or -1 if there is none.
func innerDash(s string) int {
	for k := 0; k < len(s); k++ {
		switch s[k] {
		case '-':
			if strings.HasPrefix(s[k+1:], "-") {
				return k
			}
		case dashLead:
			if strings.HasPrefix(s[k:], "—") || strings.HasPrefix(s[k:], "–") {
				return k
			}
		}
	}
	return -1
}

// dashLead is the first byte of the UTF-8 encodings of '—' and '–'.
const dashLead = 0xE2

// clitics are the endings split off a word, longest first, all ASCII and
// lower-case; ’ is matched as '.
var clitics = []string{"n't", "'ll", "'re", "'ve", "'s", "'m", "'d"}

// cliticStart returns the byte offset in w where a clitic ending starts
// ("do|n't", "Apple|'s", "DO|N’T"), or 0 when w has none. (A plural
// possessive's final apostrophe, "parents'", is peeled off as closing
// punctuation.) The ending matches case-insensitively and must follow at
// least one rune of w.
func cliticStart(w string) int {
	if !apostropheNearEnd(w) {
		return 0
	}
	for _, c := range clitics {
		if cut, ok := cliticCut(w, c); ok {
			return cut
		}
	}
	return 0
}

// cliticCut returns where in w the clitic c starts, if w ends with c after
// at least one other rune.
func cliticCut(w, c string) (int, bool) {
	end := len(w)
	for k := len(c) - 1; k >= 0; k-- {
		r, n := utf8.DecodeLastRuneInString(w[:end])
		if !lowersTo(r, c[k]) && !(c[k] == '\'' && r == '’') {
			return 0, false
		}
		end -= n
	}
	return end, end > 0
}

// apostropheNearEnd reports whether ' or ’ comes just before the last one or
// two bytes of w, as it does in every word with a clitic ending: the one or
// two letters after its apostrophe are ASCII, since no other rune
// lower-cases to an ASCII letter but to i or k, which no clitic has.
func apostropheNearEnd(w string) bool {
	for _, letters := range [...]int{1, 2} {
		end := len(w) - letters
		if end >= 1 && w[end-1] == '\'' || end >= len("’") && w[end-len("’"):end] == "’" {
			return true
		}
	}
	return false
}

// hasLowerPrefix reports whether strings.ToLower(w) begins with the ASCII
// string p.
func hasLowerPrefix(w, p string) bool {
	for k := 0; k < len(p); k++ {
		r, n := utf8.DecodeRuneInString(w)
		if !lowersTo(r, p[k]) {
			return false
		}
		w = w[n:]
	}
	return true
}

// lowersTo reports whether unicode.ToLower, which strings.ToLower applies
// to every rune, maps r to the ASCII byte b.
func lowersTo(r rune, b byte) bool { return unicode.ToLower(r) == rune(b) }

// keepsPeriod reports whether the final period of w belongs to the word:
// abbreviations such as "Mr.", "Inc." and "U.S.", and single initials ("J.").
func keepsPeriod(w string) bool {
	core := strings.TrimSuffix(w, ".")
	if core == "" {
		return false
	}
	if isAbbreviation(core) {
		return true
	}
	// Letter-dot sequences: "U.S", "e.g", "J".
	for i, r := range core {
		if i%2 == 0 && !unicode.IsLetter(r) || i%2 == 1 && r != '.' || r >= utf8.RuneSelf {
			return false
		}
	}
	return len(core)%2 == 1
}

// abbreviationSet holds the abbreviations, which keep their final period
// as part of the token, and the length of the longest.
type abbreviationSet struct {
	words  map[string]struct{}
	maxLen int
}

// abbreviations returns the abbreviation set, built on first use rather
// than at program start.
var abbreviations = sync.OnceValue(func() abbreviationSet {
	a := abbreviationSet{words: setOf(
		"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft",
		"gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres",
		"inc", "corp", "ltd", "co", "llc", "plc", "bros", "dept", "univ", "assn",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
		"ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
		"ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
		"vs", "etc", "no", "nos", "vol", "approx", "est", "fig", "al",
	)}
	for w := range a.words {
		a.maxLen = max(a.maxLen, len(w))
	}
	return a
})

// isAbbreviation reports whether strings.ToLower(w) is an abbreviation. It
// lower-cases w into a buffer on the stack, which holds the longest
// abbreviation and one rune more.
func isAbbreviation(w string) bool {
	a := abbreviations()
	var buf [16]byte
	lw := buf[:0]
	for _, r := range w {
		if lw = utf8.AppendRune(lw, unicode.ToLower(r)); len(lw) > a.maxLen {
			return false
		}
	}
	_, ok := a.words[string(lw)]
	return ok
}

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// isURLOrEmail reports whether w, the union of whose byte classes is seen,
// is a web address or an e-mail address, which stays one token.
func isURLOrEmail(w string, seen class) bool {
	// Only 'H' and 'h' lower-case to 'h', only 'W' and 'w' to 'w'; or'ing
	// in 0x20 maps them, and no other byte, to the lower-case letter.
	switch w0 := firstByte(w) | 0x20; {
	case w0 == 'h' && (hasLowerPrefix(w, "http://") || hasLowerPrefix(w, "https://")):
		return true
	case w0 == 'w' && hasLowerPrefix(w, "www."):
		return true
	case seen&classAt == 0:
		return false
	}
	at := strings.IndexByte(w, '@')
	return at > 0 && at < len(w)-1 && strings.Contains(w[at:], ".")
}

// firstByte returns the first byte of w, or 0 if w is empty.
func firstByte(w string) byte {
	if w == "" {
		return 0
	}
	return w[0]
}

func isDash(r rune) bool { return r == '—' || r == '–' || r == '-' }

// dashRunLen returns the byte length of the run of dashes that s starts with.
func dashRunLen(s string) int {
	n := 0
	for _, r := range s {
		if !isDash(r) {
			break
		}
		n += utf8.RuneLen(r)
	}
	return n
}
