//go:build race

package postag

// raceEnabled reports whether the race detector is on; sync.Pool then drops
// items at random, so Tag may allocate.
const raceEnabled = true
