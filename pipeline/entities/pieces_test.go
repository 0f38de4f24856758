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
			if tt.text[p.Start:p.End] != p.norm {
				t.Errorf("%q: piece %q spans %q", tt.text, p.norm, tt.text[p.Start:p.End])
			}
			got = append(got, p.norm)
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
		tags = append(tags, p.tag)
	}
	if want := []string{"JJ", sepTag, "JJ"}; !slices.Equal(tags, want) {
		t.Errorf("tags = %q, want %q", tags, want)
	}
}
