package output

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"
)

func TestRuneCursor(t *testing.T) {
	const text = "aé😀中 b\u2028c, then a run of plain text, and 北京 again"
	var bounds []int // every code-point boundary, in order
	for b := range text {
		bounds = append(bounds, b)
	}
	bounds = append(bounds, len(text))
	backward := slices.Clone(bounds)
	slices.Reverse(backward)
	orders := map[string][]int{
		"forward":  bounds,
		"backward": backward,
		"repeated": {0, 0, 3, 3, 7, 7, len(text), len(text)},
		"mixed":    {0, 10, 3, 15, 1, len(text), 0},
	}
	rng := rand.New(rand.NewPCG(1, 2))
	shuffled := slices.Clone(bounds)
	rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	orders["shuffled"] = shuffled

	for name, offsets := range orders {
		var c runeCursor
		c.reset(text)
		for _, b := range offsets {
			if got, want := c.at(b), utf8.RuneCountInString(text[:b]); got != want {
				t.Errorf("%s: at(%d) = %d, want %d", name, b, got, want)
			}
		}
	}
}

func TestCountRunes(t *testing.T) {
	for _, s := range []string{
		"", "a", "abcdefgh", "abcdefghi", "é", "abcdefgé", "abcdefghé😀中 and more text after",
		"bad \xff byte in a long line", "\x80\x80\x80\x80\x80\x80\x80\x80\x80", "cut \xe2\x82 rune, then text",
	} {
		for i := range len(s) { // every suffix, to shift the words
			if got, want := countRunes(s[i:]), utf8.RuneCountInString(s[i:]); got != want {
				t.Errorf("countRunes(%q) = %d, want %d", s[i:], got, want)
			}
		}
	}
}

func TestRuneCursorReset(t *testing.T) {
	var c runeCursor
	c.reset("ééé")
	c.at(6)
	c.reset("abc")
	if got := c.at(2); got != 2 {
		t.Errorf("after reset, at(2) = %d, want 2", got)
	}
}
