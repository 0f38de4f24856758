package segment

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// scanTokenByRune is what scanToken computes, one rune at a time.
func scanTokenByRune(text string, i, hi int) int {
	for i < hi {
		r, n := utf8.DecodeRuneInString(text[i:hi])
		if isGap(r) {
			return i
		}
		i += n
	}
	return hi
}

func TestPrintable(t *testing.T) {
	tests := []struct {
		w    string
		want int
	}{
		{"abcdefgh", 8},
		{"abc defg", 3},
		{" abcdefg", 0},
		{"!~\x7f!!!!!", 8},
		{"abcdefg\x80", 7},
		{"abcdef\x00g", 6},
		{"!\x00\x00\x00\x00\x00\x00\x00", 1},
		{"a\tbcdefg", 1},
		{"\xffabcdefg", 0},
		{"é1234567", 0},
		{"1234567\x20", 7},
	}
	for _, tt := range tests {
		if got := printable(tt.w); got != tt.want {
			t.Errorf("printable(%q) = %d, want %d", tt.w, got, tt.want)
		}
	}
}

// scanTokenTexts hold gaps and runes of every kind before, at and after the
// eighth byte of a token.
var scanTokenTexts = []string{
	"abcdefghijklmnop qr",
	"a\x7fbcdefghijk\tl",
	"日本語のテキスト abc",
	"abcdefg\u00a0hij klmnopqrs\u2028t",
	"abcdefgh\u200bijk",
	"abc\x01defghijkl\r\nm",
	"https://example.org/a/very/long/path?x=1&y=2. Next",
	"\xff\xfeabcdefgh\xe2\x80",
}

func TestScanTokenMatchesRunes(t *testing.T) {
	texts := scanTokenTexts
	for n := 1; n <= 18; n++ {
		for gap := 0; gap <= n; gap++ {
			texts = append(texts, strings.Repeat("x", gap)+" "+strings.Repeat("y", n-gap))
		}
	}
	for _, text := range texts {
		checkScanToken(t, text)
	}
}

func FuzzScanToken(f *testing.F) {
	for _, text := range scanTokenTexts {
		f.Add(text)
	}
	f.Fuzz(checkScanToken)
}

// checkScanToken compares scanToken with scanTokenByRune from every byte
// of text, with the whole text and with the text short of its last bytes.
// A text longer than 256 bytes is cut, to keep the work quadratic in no
// more than that.
func checkScanToken(t *testing.T, text string) {
	text = text[:min(len(text), 256)]
	for hi := len(text); hi >= 0 && hi >= len(text)-3; hi-- {
		for i := 0; i < hi; i++ {
			if got, want := scanToken(text, i, hi), scanTokenByRune(text, i, hi); got != want {
				t.Fatalf("scanToken(%q, %d, %d) = %d, want %d", text, i, hi, got, want)
			}
		}
	}
}
