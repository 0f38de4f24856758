package prosebaseline_test

// The tests of this package have no golden files; importing goldenfile
// lets them accept its -update flag, so that "go test ./... -update" runs
// here too.
import _ "github.com/stancer/stancer/pipeline/goldenfile"
