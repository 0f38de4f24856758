package stance

import (
	"bytes"
	_ "embed"
	"sync"
)

// modelFile is the released model, trained on the whole training set by
// the test TestModelFile of package pipeline/stance (run with -update to
// write it).
//
//go:embed stance-lr.gz
var modelFile []byte

// defaultModel is the embedded model, decoded once.
var defaultModel = sync.OnceValues(func() (*Model, error) { return Read(bytes.NewReader(modelFile)) })

// Default returns the embedded model, decoded by the first call and shared
// by all.
func Default() (*Model, error) { return defaultModel() }
