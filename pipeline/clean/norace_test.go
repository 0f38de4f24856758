//go:build !race

package clean

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
