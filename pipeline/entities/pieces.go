package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// A piece is what the model labels: a token, or a part of a token split at
// a hyphen or slash inside a word. The tokenizer keeps "FBI-backed",
// "D-Calif." and "Wire/Lee" whole, yet each holds a name of its own.
type piece struct {
	doc.Span
	norm, tag string
}

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
	for i, t := range toks {
		w := t.Norm
		if i == len(toks)-1 && isLetterPeriod(w) && text[t.Start:t.End] == w {
			ps = append(ps,
				piece{Span: doc.Span{Start: t.Start, End: t.End - 1}, norm: w[:len(w)-1], tag: t.Tag},
				piece{Span: doc.Span{Start: t.End - 1, End: t.End}, norm: ".", tag: "."})
			continue
		}
		if !hasSeparator(w) || text[t.Start:t.End] != w || isAddress(w) {
			ps = append(ps, piece{Span: t.Span, norm: w, tag: t.Tag})
			continue
		}
		from := 0
		for i := 1; i < len(w)-1; i++ {
			if (w[i] != '-' && w[i] != '/') || !wordRuneBefore(w, i) || !wordRuneAfter(w, i+1) {
				continue
			}
			ps = append(ps,
				piece{Span: doc.Span{Start: t.Start + from, End: t.Start + i}, norm: w[from:i], tag: t.Tag},
				piece{Span: doc.Span{Start: t.Start + i, End: t.Start + i + 1}, norm: w[i : i+1], tag: sepTag})
			from = i + 1
		}
		ps = append(ps, piece{Span: doc.Span{Start: t.Start + from, End: t.End}, norm: w[from:], tag: t.Tag})
	}
	return ps
}

// hasSeparator reports whether w has a '-' or a '/'.
func hasSeparator(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] == '-' || w[i] == '/' {
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
