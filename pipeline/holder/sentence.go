package holder

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// sentence is one sentence of a document prepared for attribution.
type sentence struct {
	// toks are the sentence's tokens.
	toks []doc.Token
	// words holds the lower-cased Norm of each token of the sentence.
	words []string
	// quoted marks the tokens inside a quotation, quote marks included.
	quoted []bool
	// mention holds, for each token, the index in Doc.Mentions of the
	// mention covering it, or -1.
	mention []int
	// startsQuoted reports that the sentence opens inside a quotation or
	// with a quote mark; endsOpen that a quotation is still open at its end.
	startsQuoted, endsOpen bool
	// hasQuote reports that some token is quoted.
	hasQuote bool
}

// quoteMark classifies a token as an opening, closing or ambiguous
// (straight) double quotation mark; single quotes are too often
// apostrophes to be trusted.
func quoteMark(w string) (open, close, straight bool) {
	switch w {
	case "“", "«", "„":
		return true, false, false
	case "”", "»":
		return false, true, false
	case `"`, "''", "``":
		return false, false, true
	}
	return false, false, false
}

// prepare builds the sentence views of d. The quotation state carries from
// one sentence to the next, so a quotation spanning several sentences marks
// all of them, but it is reset at a line break: an unbalanced quote mark
// cannot spill beyond its paragraph.
func prepare(d *doc.Doc) []sentence {
	out := make([]sentence, len(d.Sentences))
	// One backing array for each per-token field of all the sentences.
	n := 0
	for _, ds := range d.Sentences {
		n += len(tokensOf(d, ds))
	}
	words, quoted, mention := make([]string, 0, n), make([]bool, 0, n), make([]int, 0, n)
	open := false
	m := 0 // next mention to place
	prevEnd := 0
	for i, ds := range d.Sentences {
		if ds.Start >= prevEnd && ds.Start <= len(d.Text) && strings.ContainsRune(d.Text[prevEnd:ds.Start], '\n') {
			open = false
		}
		prevEnd = max(prevEnd, min(ds.End, len(d.Text)))
		toks := tokensOf(d, ds)
		base := len(words)
		words, quoted, mention = words[:base+len(toks)], quoted[:base+len(toks)], mention[:base+len(toks)]
		s := sentence{toks: toks, words: words[base:], quoted: quoted[base:], mention: mention[base:]}
		for t, tok := range toks {
			s.words[t] = strings.ToLower(tok.Norm)
			s.mention[t] = -1
			opens, closes, straight := quoteMark(tok.Norm)
			switch {
			case opens || straight && !open:
				if t == 0 {
					s.startsQuoted = true
				}
				open = true
				s.quoted[t] = true
			case closes || straight:
				open = false
				s.quoted[t] = true
			default:
				s.quoted[t] = open
				if t == 0 && open {
					s.startsQuoted = true
				}
			}
			s.hasQuote = s.hasQuote || s.quoted[t]
		}
		s.endsOpen = open
		// Mentions are in text order; skip those before this sentence.
		for m < len(d.Mentions) && d.Mentions[m].End <= ds.Start {
			m++
		}
		for k := m; k < len(d.Mentions) && d.Mentions[k].Start < ds.End; k++ {
			for t, tok := range toks {
				if tok.Start < d.Mentions[k].End && d.Mentions[k].Start < tok.End {
					s.mention[t] = k
				}
			}
		}
		out[i] = s
	}
	return out
}

// tokensOf returns the tokens of sentence s, or none when its token range
// does not fit d.Tokens or a token does not fit d.Text.
func tokensOf(d *doc.Doc, s doc.Sentence) []doc.Token {
	if s.Tokens.Start < 0 || s.Tokens.Start > s.Tokens.End || s.Tokens.End > len(d.Tokens) {
		return nil
	}
	toks := d.Tokens[s.Tokens.Start:s.Tokens.End]
	for _, t := range toks {
		if t.Start < 0 || t.Start > t.End || t.End > len(d.Text) {
			return nil
		}
	}
	return toks
}

// mentionsIn returns the distinct mentions covering tokens [a, e) of s, in
// order.
func (s *sentence) mentionsIn(a, e int) []int {
	var ms []int
	for t := a; t < e; t++ {
		if m := s.mention[t]; m >= 0 && (len(ms) == 0 || ms[len(ms)-1] != m) {
			ms = append(ms, m)
		}
	}
	return ms
}

// isVerb reports whether token t is tagged as a verb or a modal; an
// untagged token is not.
func (s *sentence) isVerb(t int) bool {
	tag := s.toks[t].Tag
	return strings.HasPrefix(tag, "VB") || tag == "MD"
}

// isNominal reports whether token t is tagged as a noun or an adjective.
func (s *sentence) isNominal(t int) bool {
	tag := s.toks[t].Tag
	return strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "JJ")
}

// isTitleCase reports whether token t starts with a capital letter, as the
// words of a title before a name do ("Senator", "District Attorney").
func (s *sentence) isTitleCase(t int) bool {
	r, _ := utf8.DecodeRuneInString(s.toks[t].Norm)
	return unicode.IsUpper(r)
}
