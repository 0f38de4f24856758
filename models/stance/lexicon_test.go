package stance

import (
	"slices"
	"strings"
	"testing"
)

func TestLexicon(t *testing.T) {
	lex, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var sides [2]int
	for _, c := range lex.cues {
		sides[c.side]++
	}
	if sides[sideFavor] < 50 || sides[sideAgainst] < 50 {
		t.Errorf("cues per side = %v, want at least 50 each", sides)
	}
	if len(lex.words.speech) < 20 {
		t.Errorf("%d speech verbs, want at least 20", len(lex.words.speech))
	}
	var m memo
	for _, tc := range []struct{ word, class string }{
		{"Police", "state"}, {"ministers", "state"}, {"NSPCC", "child"},
		{"Apple", "industry"}, {"campaigners", "rights"}, {"encryption", ""},
	} {
		got := ""
		if c := lex.words.lookup(tc.word, &m).actor; c > 0 {
			got = lex.actorClasses[c-1]
		}
		if got != tc.class {
			t.Errorf("actor class of %q = %q, want %q", tc.word, got, tc.class)
		}
	}
}

// matches returns the cue texts that lex finds in the words of s.
func matches(lex *lexicon, s string) []string {
	var m memo
	var words []word
	for _, w := range strings.Fields(s) {
		words = append(words, lex.words.lookup(w, &m))
	}
	var found []string
	lex.match(words, func(c, start, end int) {
		found = append(found, lex.cues[c].text)
	})
	return found
}

func TestMatch(t *testing.T) {
	lex, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		words string
		want  []string
	}{
		{"police need lawful access", []string{"lawful access"}},
		// Stems match inflections; the longest cue at a position wins.
		{"it weakens security for everyone", []string{"weaken", "for everyone"}},
		{"predators groomed children", []string{"predators", "groomed", "children"}},
		{"child sexual abuse images", []string{"child sexual abuse"}},
		// A gap stands for up to three tokens.
		{"it would weaken the security of encryption", []string{"weaken * encryption"}},
		{"there is no place for terrorists to hide", []string{"no place * to hide"}},
		{"there is no place for the most violent terrorists to hide", []string{"no place", "terrorists", "hide"}},
		{"nothing to see here", nil},
		// Reassurances of access and warnings against it are cues too.
		{"if you have nothing to hide", []string{"nothing to hide"}},
		{"targeted and proportionate safeguards", []string{"targeted", "proportionate", "safeguards"}},
		{"a scanner on every phone", []string{"scanner on every"}},
		{"the key was exploited by ransomware gangs", []string{"exploited", "ransomware"}},
	} {
		if got := matches(lex, tc.words); !slices.Equal(got, tc.want) {
			t.Errorf("match(%q) = %q, want %q", tc.words, got, tc.want)
		}
	}
}

func TestMatchAtGap(t *testing.T) {
	a, b, c := hashString("a"), hashString("b"), hashString("c")
	pattern := []uint64{a, gap, c}
	for _, tc := range []struct {
		stems []uint64
		want  int
	}{
		{[]uint64{a, c}, 2},
		{[]uint64{a, b, c}, 3},
		{[]uint64{a, b, b, b, c}, 5},
		{[]uint64{a, b, b, b, b, c}, -1},
		{[]uint64{a, b}, -1},
	} {
		words := make([]word, len(tc.stems))
		for k, stem := range tc.stems {
			words[k].stem = stem
		}
		if got := matchAt(pattern, words, 0); got != tc.want {
			t.Errorf("matchAt(a * c, %d stems) = %d, want %d", len(tc.stems), got, tc.want)
		}
	}
}

// BenchmarkLoadLexicon measures parsing the embedded cue lists afresh, which
// a process does once, before its first stance model loads.
func BenchmarkLoadLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadLexicon(); err != nil {
			b.Fatal(err)
		}
	}
}
