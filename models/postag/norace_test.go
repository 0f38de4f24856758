//go:build !race

package postag

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
