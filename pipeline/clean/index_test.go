package clean

import (
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// TestPhraseIn requires phrase.in to agree with strings.Contains, on lines
// that hold a phrase, parts of it, or its tail without its head.
func TestPhraseIn(t *testing.T) {
	texts := append([]string{"abcab", "a/b", "x"}, furniturePhrases...)
	for _, p := range newPhrases(texts) {
		lines := []string{"", p.text, p.text[1:], p.text[:len(p.text)-1], p.text[p.tail:], "x" + p.text[p.tail:] + p.text}
		for i := range len(p.text) {
			lines = append(lines, p.text[:i]+" "+p.text[i:], p.text[i:]+p.text[:i], strings.Repeat(p.text[i:], 3))
		}
		for _, line := range lines {
			if got, want := p.in(line), strings.Contains(line, p.text); got != want {
				t.Errorf("phrase %q (tail %q) in %q = %v, want %v", p.text, p.text[p.tail:], line, got, want)
			}
		}
	}
}

func TestPhraseTails(t *testing.T) {
	for _, tc := range []struct{ text, tail string }{
		{"all rights reserved", "ved"},
		{"store and/or access information on a device", "/or access information on a device"},
		{"ee", "ee"},
	} {
		if p := newPhrases([]string{tc.text})[0]; p.text[p.tail:] != tc.tail {
			t.Errorf("tail of %q = %q, want %q", tc.text, p.text[p.tail:], tc.tail)
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
	if raceEnabled {
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
