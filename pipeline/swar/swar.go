// Package swar tests and changes the bytes of text eight at a time, as the
// lanes of one 64-bit word ("SIMD within a register"), for the scanners
// of the pipeline's stages and the word tables of the models.
//
// A word x holds eight bytes of text, the first in its low byte (see
// Load). The tests return flags: bit 7 of each lane that passes, and 0 in
// the other bits. A test may also flag some lanes above a flagged lane,
// because of the borrows of a subtraction, but never a lane below the
// lowest lane that should be flagged, so the lowest flag is exact and
// First gives the place of the first byte that passes.
package swar

import "math/bits"

// Ones has 0x01 in every lane and Highs 0x80.
const (
	Ones  = 0x0101010101010101
	Highs = 0x8080808080808080
)

// Load returns the first eight bytes of s as a little-endian word. It
// panics if s is shorter.
func Load(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Load32 returns the first four bytes of s as a little-endian number. It
// panics if s is shorter.
func Load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// Lower returns x with the ASCII capitals of its lanes lowered, for an x
// whose eight bytes are all ASCII. A byte b gets bit 7 set in
// b + (0x80 − 'A') when b ≥ 'A' and in b + (0x7f − 'Z') when b > 'Z',
// neither sum carrying into the next lane as b < 0x80; a capital has the
// first bit and not the second, and 0x80 >> 2 is the 0x20 that lowers it:
//
//	Lower(x) = x ∨ (((x + (0x80 − 'A')·Ones) ∧ ¬(x + (0x7f − 'Z')·Ones) ∧ Highs) >> 2)
func Lower(x uint64) uint64 {
	upper := (x + (0x80-'A')*Ones) &^ (x + (0x7f-'Z')*Ones) & Highs
	return x | upper>>2
}

// Less flags the lanes of x whose byte b is less than n, for n ≤ 0x80:
//
//	Less(x, n) = (x − n·Ones) ∧ ¬x ∧ Highs
//
// A lane with b ≥ n borrows nothing from the lane above, so only lanes
// above a flagged lane can be flagged wrongly.
func Less(x uint64, n byte) uint64 { return (x - uint64(n)*Ones) &^ x & Highs }

// Equal flags the lanes of x whose byte is c: Less(x ⊕ c·Ones, 1).
func Equal(x uint64, c byte) uint64 { return Less(x^uint64(c)*Ones, 1) }

// NonASCII flags the lanes of x whose byte is 0x80 or more, exactly.
func NonASCII(x uint64) uint64 { return x & Highs }

// JSONEscaped flags the lanes of x whose byte a JSON string cannot hold
// raw: '"', '\\' and the control bytes below 0x20.
func JSONEscaped(x uint64) uint64 { return Less(x, 0x20) | Equal(x, '"') | Equal(x, '\\') }

// First returns the place (0 to 7) of the lowest flagged lane of flags, or
// 8 when none is flagged.
func First(flags uint64) int { return bits.TrailingZeros64(flags) / 8 }
