package beampipe

import (
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
)

// Namespace is the namespace of the pipeline's counters.
const Namespace = "stancer"

// The names of the pipeline's counters.
const (
	// CounterRead counts the articles read, good or bad.
	CounterRead = "read"
	// CounterWritten counts the articles whose records were written.
	CounterWritten = "written"
	// CounterFailed counts the articles sent to the dead letters.
	CounterFailed = "failed"
)

// counters are the pipeline's counters.
var counters = struct{ read, written, failed beam.Counter }{
	read:    beam.NewCounter(Namespace, CounterRead),
	written: beam.NewCounter(Namespace, CounterWritten),
	failed:  beam.NewCounter(Namespace, CounterFailed),
}

// Tally is what the counters of a run counted. In a complete run every
// article read was either written or failed: Read = Written + Failed.
type Tally struct {
	Read, Written, Failed int64
}

// TallyOf returns the counters of the namespace Namespace in res, summed
// over the steps that update them.
func TallyOf(res metrics.Results) Tally {
	var t Tally
	for _, c := range res.AllMetrics().Counters() {
		if c.Namespace() != Namespace {
			continue
		}
		switch c.Name() {
		case CounterRead:
			t.Read += c.Result()
		case CounterWritten:
			t.Written += c.Result()
		case CounterFailed:
			t.Failed += c.Result()
		}
	}
	return t
}

// Check returns an error if t does not balance: if some article read was
// neither written nor failed, or was counted twice.
func (t Tally) Check() error {
	if t.Read != t.Written+t.Failed {
		return fmt.Errorf("read %d articles but wrote %d and failed %d: %d unaccounted for",
			t.Read, t.Written, t.Failed, t.Read-t.Written-t.Failed)
	}
	return nil
}
