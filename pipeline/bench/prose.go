package bench

import (
	"fmt"
	"runtime"
	"time"

	"github.com/jdkato/prose/v2"
)

// ProseResult is what MeasureProse measured.
type ProseResult struct {
	// Load is the time prose took to load its default model.
	Load time.Duration
	// Run is the time prose took to analyse all the texts.
	Run time.Duration
	// CPU is the user plus system time this process used meanwhile, 0 where
	// the system does not report it.
	CPU time.Duration
	// Articles is the number of texts analysed.
	Articles int
}

// MeasureProse analyses each text with prose v2's full default pipeline
// (tokenize, segment, tag, extract entities) and times it. The model is
// loaded once, timed apart, and passed to every document with
// prose.UsingModel, as a careful user would do. The texts are analysed in
// one goroutine with GOMAXPROCS set to 1 for the duration, so that the
// garbage collector too runs on that one core; the setting is restored
// afterwards.
func MeasureProse(texts []string) (ProseResult, error) {
	start := time.Now()
	empty, err := prose.NewDocument("")
	if err != nil {
		return ProseResult{}, fmt.Errorf("bench: loading the prose model: %w", err)
	}
	res := ProseResult{Load: time.Since(start), Articles: len(texts)}
	model := empty.Model

	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	start, cpu := time.Now(), selfCPU()
	for i, t := range texts {
		if _, err := prose.NewDocument(t, prose.UsingModel(model)); err != nil {
			return res, fmt.Errorf("bench: prose on text %d: %w", i, err)
		}
	}
	res.Run, res.CPU = time.Since(start), selfCPU()-cpu
	return res, nil
}
