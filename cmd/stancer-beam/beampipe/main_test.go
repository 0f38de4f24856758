package beampipe_test

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beamlog "github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/stancer/stancer/cmd/stancer-beam/beampipe"
)

// TestMain starts Beam as a pipeline program does, with Prism's progress
// messages held back: they would drown the test output.
func TestMain(m *testing.M) {
	flag.Parse()
	beamlog.LogLevel = "warn"
	beam.Init()
	os.Exit(m.Run())
}

// runBeam runs the pipeline of cfg on Prism, in-process, and returns what
// its counters counted.
func runBeam(t testing.TB, cfg beampipe.Config) beampipe.Tally {
	t.Helper()
	p, s := beam.NewPipelineWithRoot()
	if err := beampipe.Build(s, cfg); err != nil {
		t.Fatal(err)
	}
	res, err := prism.Execute(context.Background(), p)
	if err != nil {
		t.Fatalf("running the pipeline on Prism: %v", err)
	}
	return beampipe.TallyOf(res.Metrics())
}
