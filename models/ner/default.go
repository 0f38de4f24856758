package ner

import (
	"bytes"
	_ "embed"
	"sync"
)

// modelFile is the model trained on all of testdata/gold/train.jsonl with
// the default options. It is remade with
//
//	go test ./pipeline/entities -run TestEmbeddedModelIsReproducible -update
//
// and that test (with STANCER_SLOW=1) checks that retraining gives the
// same bytes.
//
//go:embed model.gz
var modelFile []byte

// Default returns the model built into stancer, loaded once per process.
func Default() (*Model, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Model, error) { return Load(bytes.NewReader(modelFile)) })
