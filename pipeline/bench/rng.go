package bench

import (
	"math/bits"
	"math/rand/v2"
)

// pcgStream is the second word of the PCG seed: any fixed constant would
// do, and changing it changes every corpus.
const pcgStream = 0x9e3779b97f4a7c15

// rng draws uniform integers from a PCG stream by a method fixed here,
// rather than by math/rand/v2's IntN, whose algorithm a Go release may
// change: a seed must mean the same corpus in every Go release.
type rng struct{ src *rand.PCG }

// newRNG returns the rng of seed.
func newRNG(seed uint64) rng { return rng{rand.NewPCG(seed, pcgStream)} }

// intn returns an integer in [0, n) for n > 0: ⌊x·n / 2⁶⁴⌋ for the next
// 64-bit output x, whose bias, at most n / 2⁶⁴, is negligible here.
func (r *rng) intn(n int) int {
	hi, _ := bits.Mul64(r.src.Uint64(), uint64(n))
	return int(hi)
}
