//go:build race

package segment

// raceEnabled reports whether the race detector is on; sync.Pool then drops
// items at random, so the buffers of the package are allocated anew.
const raceEnabled = true
