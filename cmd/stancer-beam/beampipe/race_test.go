//go:build race

package beampipe_test

// raceEnabled says whether the tests run with the race detector, which
// slows the analysis some tenfold.
const raceEnabled = true
