package clean

// Constants of the word-at-a-time scans: a word holds eight bytes of text,
// the first in its low byte; ones has 0x01 in every byte and highs 0x80.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// load64 returns the first eight bytes of s as a little-endian word.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// zeroBytes sets bit 7 of the bytes of x that are 0, and perhaps of bytes
// above such a byte:
//
//	zeroBytes(x) = (x − ones) ∧ ¬x ∧ highs
//
// A byte that is not 0 borrows nothing from the byte above unless a byte
// below it is 0, so the lowest flag is exact.
func zeroBytes(x uint64) uint64 { return (x - ones) &^ x & highs }

// lowerWord lowers the ASCII capitals of x, a word of eight ASCII bytes. A
// byte b gets bit 7 set in b + (0x80 − 'A') when b ≥ 'A' and in
// b + (0x7f − 'Z') when b > 'Z', neither sum carrying into the next byte as
// b < 0x80; a capital has the first bit and not the second, and 0x80 >> 2 is
// the 0x20 that lowers it.
func lowerWord(x uint64) uint64 {
	upper := (x + (0x80-'A')*ones) &^ (x + (0x7f-'Z')*ones) & highs
	return x | upper>>2
}
