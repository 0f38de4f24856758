package tokenize

import (
	"strings"
	"testing"
)

// foldPieces are the pieces of the words of TestFoldingMatchesToLower:
// letters of the clitics and prefixes in both cases, the apostrophes, whole
// clitics and prefixes, the runes that strings.ToLower maps to ASCII letters
// (U+0130 to i, the Kelvin sign to k), runes that it lengthens or shortens,
// and invalid UTF-8.
var foldPieces = []string{
	"a", "n", "'", "’", "‘", "t", "S", "l", "D", "M", "E", "v", "R",
	"N’T", "n't", "'LL", "’re", "hTtP", "s://", "Www", ".", "@",
	"\u0130", "\u212A", "\u023A", "ſ", "é", "\xe2\x80", "\xff",
}

// foldWords returns every string of one to n pieces.
func foldWords(n int) []string {
	words := []string{""}
	var all []string
	for range n {
		var next []string
		for _, w := range words {
			for _, p := range foldPieces {
				next = append(next, w+p)
			}
		}
		all = append(all, next...)
		words = next
	}
	return all
}

// TestFoldingMatchesToLower requires the case-insensitive matches of the
// tokenizer to agree with matches on strings.ToLower, which the tokenizer
// avoids for its allocations.
func TestFoldingMatchesToLower(t *testing.T) {
	words := foldWords(3)
	for _, w := range append(words, "Www.x", "HTTPS://x", "HtTp://", "WWW", "MR", "\u212Ay", "Kelvin\u212A", "Mr") {
		if got, want := cliticStart(w), lowerCliticStart(w); got != want {
			t.Errorf("cliticStart(%q) = %d, want %d", w, got, want)
		}
		for _, p := range []string{"http://", "https://", "www."} {
			if got, want := hasLowerPrefix(w, p), strings.HasPrefix(strings.ToLower(w), p); got != want {
				t.Errorf("hasLowerPrefix(%q, %q) = %v, want %v", w, p, got, want)
			}
		}
		if got, want := isURLOrEmail(w, classesOf(w)), lowerIsURLOrEmail(w); got != want {
			t.Errorf("isURLOrEmail(%q) = %v, want %v", w, got, want)
		}
		_, want := abbreviations().words[strings.ToLower(w)]
		if got := isAbbreviation(w); got != want {
			t.Errorf("isAbbreviation(%q) = %v, want %v", w, got, want)
		}
	}
	for a := range abbreviations().words {
		for _, w := range []string{a, strings.ToUpper(a), strings.ReplaceAll(strings.ToUpper(a), "K", "\u212A")} {
			if !isAbbreviation(w) {
				t.Errorf("isAbbreviation(%q) = false", w)
			}
		}
	}
}

// lowerIsURLOrEmail is isURLOrEmail written with strings.ToLower.
func lowerIsURLOrEmail(w string) bool {
	lw := strings.ToLower(w)
	if strings.HasPrefix(lw, "http://") || strings.HasPrefix(lw, "https://") || strings.HasPrefix(lw, "www.") {
		return true
	}
	at := strings.IndexByte(w, '@')
	return at > 0 && at < len(w)-1 && strings.Contains(w[at:], ".")
}

// lowerCliticStart is cliticStart written with strings.ToLower.
func lowerCliticStart(w string) int {
	lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	for _, c := range clitics {
		if len(lw) > len(c) && strings.HasSuffix(lw, c) {
			runes := len([]rune(lw)) - len(c)
			for i := range w {
				if runes == 0 {
					return i
				}
				runes--
			}
			return len(w)
		}
	}
	return 0
}

func TestAbbreviationBuffer(t *testing.T) {
	// isAbbreviation lower-cases into a buffer of 16 bytes on the stack.
	if n := abbreviations().maxLen + 4; n > 16 {
		t.Errorf("the longest abbreviation and one rune take %d bytes, more than isAbbreviation's buffer", n)
	}
}

func TestTaggerWord(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"’s", "'s"},
		{"N’T", "N'T"},
		{"“", `"`},
		{"rock’n’roll", "rock'n'roll"},
		{"‘quoted’", "'quoted'"},
		{"—", "—"},
		{"€5", "€5"},
		{"élan", "élan"},
		{"\xe2\x80", "\xe2\x80"},
		{"plain", "plain"},
	} {
		if got := taggerWord(tc.in); got != tc.want {
			t.Errorf("taggerWord(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got, want := taggerWord(tc.in), curlyQuotes.Replace(tc.in); got != want {
			t.Errorf("taggerWord(%q) = %q, but the replacer gives %q", tc.in, got, want)
		}
	}
}
