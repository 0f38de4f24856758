//go:build !race

package segment

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
