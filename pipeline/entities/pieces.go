package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// A piece is what the model labels: a token, or a part of a token split at
// a hyphen or slash inside a word. The tokenizer keeps "FBI-backed",
// "D-Calif." and "Wire/Lee" whole, yet each holds a name of its own. A
// piece is a doc.Token, so that the tokens left whole are copied in bulk.
type piece = doc.Token

// sepTag is the part-of-speech tag given to a hyphen or slash split off.
const sepTag = "HYPH"

// appendPieces appends the pieces of the tokens of one sentence to ps. A
// token is split before and after each '-' or '/' that has a letter or
// digit on both sides, unless it is a web or e-mail address, or its
// normalized form differs from its text (offsets would not map back).
// Parts keep the token's tag. A sentence's last token that is one capital
// letter and a period ("on X.") is split before the period: the sentence
// ends there, so the period is not an initial's.
func appendPieces(ps []piece, text string, toks []doc.Token) []piece {
	var last *doc.Token // the last token, when it is split before its period
	if n := len(toks); n > 0 {
		if t := &toks[n-1]; isLetterPeriod(t.Norm) && text[t.Start:t.End] == t.Norm {
			last, toks = t, toks[:n-1]
		}
	}
	for len(toks) > 0 {
		i := nextSplit(text, toks)
		ps = append(ps, toks[:i]...) // pieces as they are
		if i == len(toks) {
			break
		}
		ps = appendSplit(ps, &toks[i])
		toks = toks[i+1:]
	}
	if last != nil {
		w := last.Norm
		ps = append(ps,
			piece{Span: doc.Span{Start: last.Start, End: last.End - 1}, Norm: w[:len(w)-1], Tag: last.Tag},
			piece{Span: doc.Span{Start: last.End - 1, End: last.End}, Norm: ".", Tag: "."})
	}
	return ps
}

// nextSplit returns the index of the first of toks that appendSplit splits:
// one with a separator, whose normalized form is its text, and that is not
// an address; len(toks) when there is none. The tokens must be in text
// order. Those before the first separator in their text are passed over
// without a look at their words.
func nextSplit(text string, toks []doc.Token) int {
	if len(toks) == 0 {
		return 0
	}
	i := 0
	if lo, hi := toks[0].Start, toks[len(toks)-1].End; lo <= hi {
		sep := indexSeparator(text[lo:hi])
		if sep < 0 {
			return len(toks)
		}
		for i < len(toks) && toks[i].End <= lo+sep {
			i++
		}
	}
	for ; i < len(toks); i++ {
		if t := &toks[i]; hasSeparator(t.Norm) && text[t.Start:t.End] == t.Norm && !isAddress(t.Norm) {
			return i
		}
	}
	return len(toks)
}

// indexSeparator returns the index of the first '-' or '/' in s, or -1.
func indexSeparator(s string) int {
	i := strings.IndexByte(s, '-')
	if i >= 0 {
		s = s[:i]
	}
	if j := strings.IndexByte(s, '/'); j >= 0 {
		return j
	}
	return i
}

// appendSplit appends to ps the pieces of token t split at each '-' or '/'
// that has a letter or digit on both sides.
func appendSplit(ps []piece, t *doc.Token) []piece {
	w, from := t.Norm, 0
	for i := 1; i < len(w)-1; i++ {
		if (w[i] != '-' && w[i] != '/') || !wordRuneBefore(w, i) || !wordRuneAfter(w, i+1) {
			continue
		}
		ps = append(ps,
			piece{Span: doc.Span{Start: t.Start + from, End: t.Start + i}, Norm: w[from:i], Tag: t.Tag},
			piece{Span: doc.Span{Start: t.Start + i, End: t.Start + i + 1}, Norm: w[i : i+1], Tag: sepTag})
		from = i + 1
	}
	return append(ps, piece{Span: doc.Span{Start: t.Start + from, End: t.End}, Norm: w[from:], Tag: t.Tag})
}

// hasSeparator reports whether w has a '-' or a '/'.
func hasSeparator(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i]|2 == '/' { // '-' is 0x2d, '/' 0x2f, and no other byte
			return true
		}
	}
	return false
}

// isLetterPeriod reports whether w is one capital letter and a period.
func isLetterPeriod(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && w[n:] == "."
}

// isAddress reports whether w looks like a web or e-mail address.
func isAddress(w string) bool {
	return strings.Contains(w, "://") || strings.Contains(w, "@") || strings.HasPrefix(strings.ToLower(w), "www.")
}

func wordRuneBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func wordRuneAfter(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}
