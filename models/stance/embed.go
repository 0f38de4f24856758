package stance

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"sync"
)

// modelFile is the released model, trained on the whole training set by
// the test TestModelFile of package pipeline/stance (run with -update to
// write it).
//
//go:embed stance-lr.gz
var modelFile []byte

// defaultModel is the embedded model, decoded once.
var defaultModel = sync.OnceValues(readDefault)

// readDefault decodes the embedded model. The last four bytes of a gzip
// file hold the size of its content.
func readDefault() (*Model, error) {
	return readSized(bytes.NewReader(modelFile), int(binary.LittleEndian.Uint32(modelFile[len(modelFile)-4:])))
}

// Default returns the embedded model, decoded by the first call and shared
// by all.
func Default() (*Model, error) { return defaultModel() }
