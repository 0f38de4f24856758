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

// A phraseSet finds any of a set of phrases in a line with one pass of the
// Wu–Manber kind, which mostly skips ahead many bytes at a time. It looks at
// the window of the line that a phrase would fill with its first m bytes,
// m being the length of the shortest phrase: the last two bytes of the
// window give, through shift, how far the window may move without passing
// over a window where a phrase starts. Only a shift of 0 makes it compare
// phrases with the line there.
type phraseSet struct {
	texts []string
	m     int
	// shift[h] is the least distance, over every phrase p and every pair
	// of bytes in p[:m] whose hash (see pairHash) is h, from the pair's end
	// to the end of p[:m]; m−1 where there is none.
	shift [pairHashes]uint8
	// last[i] is the hash of the last pair of texts[i][:m].
	last []uint16
}

// pairHashes is the number of hashes of pairs of bytes.
const pairHashes = 1 << 12

// pairHash hashes the pair of bytes a, b into [0, pairHashes). Pairs that
// share a hash share a shift, the smaller.
func pairHash(a, b byte) uint16 { return (uint16(a)<<5 ^ uint16(b)) & (pairHashes - 1) }

// newPhraseSet returns the phraseSet of texts, the shortest of which must
// be of 2 to 256 bytes.
func newPhraseSet(texts []string) *phraseSet {
	s := &phraseSet{texts: texts, m: len(texts[0])}
	for _, t := range texts {
		s.m = min(s.m, len(t))
	}
	if s.m < 2 || s.m > 256 {
		panic("clean: a phrase is shorter than 2 bytes or longer than 256")
	}
	for h := range s.shift {
		s.shift[h] = uint8(s.m - 1)
	}
	for _, t := range texts {
		for j := 1; j < s.m; j++ {
			h := pairHash(t[j-1], t[j])
			s.shift[h] = min(s.shift[h], uint8(s.m-1-j))
		}
		s.last = append(s.last, pairHash(t[s.m-2], t[s.m-1]))
	}
	return s
}

// in reports whether one of the phrases of s occurs in f.
func (s *phraseSet) in(f string) bool {
	for end := s.m - 1; end < len(f); { // f[end-m+1:end+1] is the window
		h := pairHash(f[end-1], f[end])
		if d := s.shift[h]; d > 0 {
			end += int(d)
			continue
		}
		start := end - s.m + 1
		for i, t := range s.texts {
			if s.last[i] == h && strings.HasPrefix(f[start:], t) {
				return true
			}
		}
		end++
	}
	return false
}
