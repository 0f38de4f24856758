package entities

import (
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/tokenize"
)

func TestAppendPieces(t *testing.T) {
	tests := []struct {
		text string
		want string // pieces joined by "|"
	}{
		{"Sen. Patrick Leahy, D-Vt., said", "Sen.|Patrick|Leahy|,|D|-|Vt|.|,|said"},
		{"(Continental Wire/Lee Garver)", "(|Continental|Wire|/|Lee|Garver|)"},
		{"a Berlin-based group", "a|Berlin|-|based|group"},
		{"Jean-François Eap", "Jean|-|François|Eap"},
		{"24/7 and e-mail", "24|/|7|and|e|-|mail"},
		{"see https://example.com/a-b or me@x-y.org", "see|https://example.com/a-b|or|me@x-y.org"},
		{"a -b- c", "a|-|b|-|c"},
		{"posted on X.", "posted|on|X|."},
		{"J. Edgar Hoover", "J.|Edgar|Hoover"},
	}
	for _, tt := range tests {
		toks := tokenize.Split(tt.text, doc.Span{Start: 0, End: len(tt.text)})
		ps := appendPieces(nil, tt.text, toks)
		var got []string
		for _, p := range ps {
			if tt.text[p.Start:p.End] != p.Norm {
				t.Errorf("%q: piece %q spans %q", tt.text, p.Norm, tt.text[p.Start:p.End])
			}
			got = append(got, p.Norm)
		}
		if strings.Join(got, "|") != tt.want {
			t.Errorf("pieces of %q = %q, want %q", tt.text, strings.Join(got, "|"), tt.want)
		}
	}
}

func TestAppendPiecesKeepsTags(t *testing.T) {
	text := "FBI-backed"
	toks := []doc.Token{{Span: doc.Span{Start: 0, End: len(text)}, Norm: text, Tag: "JJ"}}
	var tags []string
	for _, p := range appendPieces(nil, text, toks) {
		tags = append(tags, p.Tag)
	}
	if want := []string{"JJ", sepTag, "JJ"}; !slices.Equal(tags, want) {
		t.Errorf("tags = %q, want %q", tags, want)
	}
}

// TestNextSplit checks nextSplit, which passes over the tokens before the
// first separator in the text, against a look at every token.
func TestNextSplit(t *testing.T) {
	// words splits text at spaces into tokens whose Norm is their text,
	// but for those given in norms.
	words := func(text string, norms map[string]string) []doc.Token {
		var toks []doc.Token
		start := 0
		for w := range strings.SplitSeq(text, " ") {
			if w != "" {
				norm := w
				if n, ok := norms[w]; ok {
					norm = n
				}
				toks = append(toks, doc.Token{Span: doc.Span{Start: start, End: start + len(w)}, Norm: norm})
			}
			start += len(w) + 1
		}
		return toks
	}
	tests := []struct {
		text  string
		norms map[string]string
	}{
		{"no separator at all", nil},
		{"a - b", nil},
		{"a  / b c-d", nil},
		{"the pro-encryption camp", nil},
		{"see www.a-b.com then x/y", nil},
		{"see me@a-b.org", nil},
		{"an e-mail apart", map[string]string{"e-mail": "email"}},
		{"a soft ebook here-now", map[string]string{"ebook": "e-book"}},
		{"- lead and trail -", nil},
	}
	for _, tt := range tests {
		toks := words(tt.text, tt.norms)
		for from := range len(toks) + 1 {
			rest := toks[from:]
			want := len(rest)
			for i, tok := range rest {
				if hasSeparator(tok.Norm) && tt.text[tok.Start:tok.End] == tok.Norm && !isAddress(tok.Norm) {
					want = i
					break
				}
			}
			if got := nextSplit(tt.text, rest); got != want {
				t.Errorf("nextSplit(%q, tokens from %d) = %d, want %d", tt.text, from, got, want)
			}
		}
	}
	// Tokens out of text order are looked at one by one.
	text := "x-y ab"
	toks := []doc.Token{{Span: doc.Span{Start: 4, End: 6}, Norm: "ab"}, {Span: doc.Span{Start: 0, End: 3}, Norm: "x-y"}}
	if got := nextSplit(text, toks); got != 1 {
		t.Errorf("nextSplit of tokens out of order = %d, want 1", got)
	}
}
