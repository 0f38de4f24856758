package clean

import "strings"

// A byteIndex holds non-empty strings by their first byte, so that a match
// need only try the strings that begin with the byte it starts at.
type byteIndex [256][]string

// newByteIndex returns the byteIndex of words.
func newByteIndex(words []string) *byteIndex {
	x := new(byteIndex)
	for _, w := range words {
		x[w[0]] = append(x[w[0]], w)
	}
	return x
}

// at returns the strings of x that begin with the first byte of f.
func (x *byteIndex) at(f string) []string {
	if f == "" {
		return nil
	}
	return x[f[0]]
}

// A phrase is a string to look for anywhere in a line. The search looks for
// its tail from its rarest byte on (see rarity), which strings.Index finds
// fast, and then checks the bytes before.
type phrase struct {
	text string
	tail int // offset of the tail in text
}

// commonBytes lists the bytes that are most frequent in English text, the
// most frequent first; others are rarer than all of them.
const commonBytes = " etaoinshrdlcumwfgypbvkjxqz"

// rarity ranks the byte b: the rarer, the higher.
func rarity(b byte) int {
	if i := strings.IndexByte(commonBytes, b); i >= 0 {
		return i
	}
	return len(commonBytes)
}

// newPhrases returns the phrases of texts.
func newPhrases(texts []string) []phrase {
	ps := make([]phrase, len(texts))
	for i, t := range texts {
		ps[i].text = t
		for j := range len(t) {
			if rarity(t[j]) > rarity(t[ps[i].tail]) {
				ps[i].tail = j
			}
		}
	}
	return ps
}

// in reports whether p occurs in f.
func (p phrase) in(f string) bool {
	head, tail := p.text[:p.tail], p.text[p.tail:]
	for from := p.tail; from <= len(f); {
		i := strings.Index(f[from:], tail)
		if i < 0 {
			return false
		}
		i += from
		if f[i-p.tail:i] == head {
			return true
		}
		from = i + 1
	}
	return false
}

// containsPhrase reports whether one of phrases occurs in f.
func containsPhrase(f string) bool {
	for _, p := range phrases {
		if p.in(f) {
			return true
		}
	}
	return false
}
