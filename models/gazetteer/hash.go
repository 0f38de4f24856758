package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// The hash functions below are 64-bit FNV-1a with a final mixing step. They
// are stable across processes and platforms, so models that key persisted
// weights by them (see models/ner) can share them with the gazetteer.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Seed is the hash of the empty sequence: the value to extend from.
const Seed uint64 = fnvOffset

// Extend returns h extended by the bytes of w, lowercased first when fold is
// set (Unicode simple case folding to lower case, rune by rune).
func Extend(h uint64, w string, fold bool) uint64 {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if fold && 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		if fold {
			r = unicode.ToLower(r)
		}
		var buf [utf8.UTFMax]byte
		for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
			h = (h ^ uint64(b)) * fnvPrime
		}
		i += n
	}
	return h
}

// ExtendBoth returns Extend(h, w, true) and Extend(h, w, false), in one
// pass over w.
func ExtendBoth(h uint64, w string) (folded, cased uint64) {
	folded, cased = h, h
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			cased = (cased ^ uint64(c)) * fnvPrime
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			folded = (folded ^ uint64(c)) * fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(w[i:])
		cased = Extend(cased, w[i:i+n], false)
		folded = Extend(folded, string(unicode.ToLower(r)), false)
		i += n
	}
	return folded, cased
}

// ExtendByte returns h extended by the single byte b.
func ExtendByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

// Mix returns a well-spread combination of a and b, never 0: the result of
// Mix is fit to index a hash table by its low bits.
func Mix(a, b uint64) uint64 {
	h := a*0x9E3779B97F4A7C15 ^ b
	h ^= h >> 31
	h *= 0xBF58476D1CE4E5B9
	h ^= h >> 29
	h *= 0x94D049BB133111EB
	h ^= h >> 32
	if h == 0 {
		h = 1
	}
	return h
}
