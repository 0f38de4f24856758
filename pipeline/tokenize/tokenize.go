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
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
)

// Tokenize sets d.Tokens to the tokens of every sentence in d.Sentences, in
// text order, and each sentence's Tokens to its index range in d.Tokens.
func Tokenize(d *doc.Doc) {
	d.Tokens = d.Tokens[:0]
	for i := range d.Sentences {
		s := &d.Sentences[i]
		first := len(d.Tokens)
		d.Tokens = appendTokens(d.Tokens, d.Text, s.Span)
		s.Tokens = doc.Span{Start: first, End: len(d.Tokens)}
	}
}

// Split returns the tokens of text[span.Start:span.End].
func Split(text string, span doc.Span) []doc.Token {
	return appendTokens(nil, text, span)
}

// appendTokens appends to toks the tokens of text within span.
func appendTokens(toks []doc.Token, text string, span doc.Span) []doc.Token {
	i := span.Start
	for i < span.End {
		r, n := utf8.DecodeRuneInString(text[i:span.End])
		if clean.IsSpace(r) || clean.IsIgnorable(r) {
			i += n
			continue
		}
		j := i + n
		for j < span.End {
			r, n := utf8.DecodeRuneInString(text[j:span.End])
			if clean.IsSpace(r) {
				break
			}
			j += n
		}
		toks = appendChunk(toks, text, i, j)
		i = j
	}
	return toks
}

// appendChunk splits one white-space-free chunk text[start:end] into tokens.
func appendChunk(toks []doc.Token, text string, start, end int) []doc.Token {
	// Peel opening punctuation.
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if clean.IsIgnorable(r) {
			start += n
			continue
		}
		if !isOpening(r) && !(isDash(r) && start+n < end) {
			break
		}
		if isDash(r) {
			n = dashRunLen(text[start:end])
		}
		toks = addToken(toks, text, start, start+n)
		start += n
	}
	// Peel closing punctuation, collecting it to append after the body.
	var tail [8]doc.Span
	nt := 0
	for start < end {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if clean.IsIgnorable(r) {
			end -= n
			continue
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
		toks = appendBody(toks, text, start, end)
	}
	for k := nt - 1; k >= 0; k-- {
		toks = addToken(toks, text, tail[k].Start, tail[k].End)
	}
	return toks
}

// appendBody splits the core of a chunk (punctuation peeled off) at inner
// dashes, clitics and stray inner punctuation.
func appendBody(toks []doc.Token, text string, start, end int) []doc.Token {
	body := text[start:end]
	if isURLOrEmail(body) {
		return addToken(toks, text, start, end)
	}
	// Split at inner em/en dashes and double hyphens: "word—word".
	for k := 0; k < len(body); {
		r, n := utf8.DecodeRuneInString(body[k:])
		if (r == '—' || r == '–') || (r == '-' && strings.HasPrefix(body[k:], "--")) {
			w := dashRunLen(body[k:])
			toks = appendBody(toks, text, start, start+k)
			toks = addToken(toks, text, start+k, start+k+w)
			return appendBody(toks, text, start+k+w, end)
		}
		k += n
	}
	if start >= end {
		return toks
	}
	if cut := cliticStart(body); cut > 0 {
		toks = appendBody(toks, text, start, start+cut)
		return addToken(toks, text, start+cut, end)
	}
	return addToken(toks, text, start, end)
}

// addToken appends the token text[start:end], unless it is empty.
func addToken(toks []doc.Token, text string, start, end int) []doc.Token {
	if start >= end {
		return toks
	}
	norm := clean.Normalize(text[start:end])
	if norm == "" {
		return toks
	}
	return append(toks, doc.Token{Span: doc.Span{Start: start, End: end}, Norm: norm})
}

// clitics are the endings split off a word, longest first; ’ is matched as '.
var clitics = []string{"n't", "'ll", "'re", "'ve", "'s", "'m", "'d"}

// cliticStart returns the byte offset in w where a clitic ending starts
// ("do|n't", "Apple|'s"), or 0 when w has none. (A plural possessive's
// final apostrophe, "parents'", is peeled off as closing punctuation.)
func cliticStart(w string) int {
	lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	for _, c := range clitics {
		if len(lw) > len(c) && strings.HasSuffix(lw, c) {
			// Map the cut back to w: ’ is 3 bytes where ' is 1.
			return cutInOriginal(w, len([]rune(lw))-len([]rune(c)))
		}
	}
	return 0
}

// cutInOriginal returns the byte offset of the rune with index runes in w.
func cutInOriginal(w string, runes int) int {
	for i := range w {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(w)
}

// keepsPeriod reports whether the final period of w belongs to the word:
// abbreviations such as "Mr.", "Inc." and "U.S.", and single initials ("J.").
func keepsPeriod(w string) bool {
	core := strings.TrimSuffix(w, ".")
	if core == "" {
		return false
	}
	if _, ok := abbreviations[strings.ToLower(core)]; ok {
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

// abbreviations keep their final period as part of the token.
var abbreviations = setOf(
	"mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft",
	"gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres",
	"inc", "corp", "ltd", "co", "llc", "plc", "bros", "dept", "univ", "assn",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
	"ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
	"ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
	"vs", "etc", "no", "nos", "vol", "approx", "est", "fig", "al",
)

func setOf(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// isURLOrEmail reports whether w is a web address or an e-mail address,
// which stays one token.
func isURLOrEmail(w string) bool {
	lw := strings.ToLower(w)
	if strings.HasPrefix(lw, "http://") || strings.HasPrefix(lw, "https://") || strings.HasPrefix(lw, "www.") {
		return true
	}
	at := strings.IndexByte(w, '@')
	return at > 0 && at < len(w)-1 && strings.Contains(w[at:], ".")
}

func isOpening(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '(', '[', '{', '<', '¿', '¡', '*':
		return true
	}
	return false
}

func isClosing(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', ')', ']', '}', '>', ',', ';', ':', '!', '?', '*', '…':
		return true
	}
	return false
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
