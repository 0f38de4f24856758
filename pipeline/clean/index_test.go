package clean

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/internal/race"
)

// TestPhraseSetIn requires phraseSet.in to agree with strings.Contains, on
// lines that hold a phrase, parts of it, or its pieces shuffled, for sets
// of phrases of equal and of different lengths.
func TestPhraseSetIn(t *testing.T) {
	for _, texts := range [][]string{
		furniturePhrases,
		{"abcab", "a/b", "xy"},
		{"ee", "eee"},
		{"ab", "ba"},
	} {
		s := newPhraseSet(texts)
		var lines []string
		for _, p := range texts {
			lines = append(lines, "", p, p[1:], p[:len(p)-1], "x"+p[1:]+p, "ab ba"+p+"."+p)
			for i := range len(p) {
				lines = append(lines, p[:i]+" "+p[i:], p[i:]+p[:i], strings.Repeat(p[i:], 3), p[:i]+"xyz ab")
			}
		}
		rng := rand.New(rand.NewPCG(1, uint64(len(lines))))
		for range 2000 { // lines of random pieces of the phrases
			var b strings.Builder
			for range 1 + rng.IntN(6) {
				p := texts[rng.IntN(len(texts))]
				i := rng.IntN(len(p))
				b.WriteString(p[i : i+rng.IntN(len(p)-i+1)])
			}
			lines = append(lines, b.String())
		}
		for _, line := range lines {
			want := false
			for _, p := range texts {
				want = want || strings.Contains(line, p)
			}
			if got := s.in(line); got != want {
				t.Errorf("phrases %q in %q = %v, want %v", texts, line, got, want)
			}
		}
	}
}

func TestByteIndex(t *testing.T) {
	x := newByteIndex([]string{"share", "subscribe", "tags:", "share:"})
	for _, tc := range []struct {
		f    string
		want string
	}{
		{"share this", "share|subscribe|share:"},
		{"sign up", "share|subscribe|share:"},
		{"tags: a", "tags:"},
		{"x", ""},
		{"", ""},
	} {
		if got := strings.Join(x.at(tc.f), "|"); got != tc.want {
			t.Errorf("at(%q) = %q, want %q", tc.f, got, tc.want)
		}
	}
}

// TestCleanAllocations requires Clean to allocate nothing but the array of
// d.Skip, and only when d.Skip has too small an array, once its buffers have
// grown.
func TestCleanAllocations(t *testing.T) {
	if race.Enabled {
		t.Skip("skipping: the race detector makes sync.Pool drop items")
	}
	text := "Minister says apps must open up\nAdvertisement\nThe Home Secretary said on Sunday that encrypted messaging services must not hide terrorists.\nShare · Tweet · Email\n"
	d := &doc.Doc{Article: doc.Article{Text: text}}
	for _, tc := range []struct {
		name string
		run  func()
		want float64
	}{
		{"new spans", func() { d.Skip = nil; Clean(d) }, 1},
		{"reused spans", func() { Clean(d) }, 0},
		{"no furniture", func() { Clean(&doc.Doc{Article: doc.Article{Text: "Just prose."}}) }, 0},
	} {
		if n := testing.AllocsPerRun(20, tc.run); n != tc.want {
			t.Errorf("%s: %v allocations, want %v", tc.name, n, tc.want)
		}
	}
	if len(d.Skip) != 2 {
		t.Errorf("Clean found %v, want two furniture lines", d.Skip)
	}
}

func TestItems(t *testing.T) {
	for _, tc := range []struct {
		f    string
		want string // items joined by "|"
	}{
		{"share · tweet · email", "share|tweet|email"},
		{"a|b  c•d", "a|b|c|d"},
		{"one item only", "one item only"},
		{"  lead and trail  ", "lead and trail"},
		{"|| · •", ""},
		{"café ·naïve•  über", "café|naïve|über"},
		{"", ""},
	} {
		if got := strings.Join(slices.Collect(items(tc.f)), "|"); got != tc.want {
			t.Errorf("items(%q) = %q, want %q", tc.f, got, tc.want)
		}
	}
}
