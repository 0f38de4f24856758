package clean

import "github.com/stancer/stancer/pipeline/internal/swar"

// lowerWord lowers the ASCII capitals of x, a word of eight ASCII bytes. A
// byte b gets bit 7 set in b + (0x80 − 'A') when b ≥ 'A' and in
// b + (0x7f − 'Z') when b > 'Z', neither sum carrying into the next byte as
// b < 0x80; a capital has the first bit and not the second, and 0x80 >> 2 is
// the 0x20 that lowers it.
func lowerWord(x uint64) uint64 {
	upper := (x + (0x80-'A')*swar.Ones) &^ (x + (0x7f-'Z')*swar.Ones) & swar.Highs
	return x | upper>>2
}
