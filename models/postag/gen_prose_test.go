package postag

import (
	"bytes"
	"encoding/gob"
	"fmt"

	"github.com/jdkato/prose/v2"
)

// proseModel is prose's averaged-perceptron model as its assets store it.
type proseModel struct {
	classes []string                      // the labels, in prose's order
	tagDict map[string]string             // word → its nearly unambiguous tag
	weights map[string]map[string]float64 // feature key → label → weight
}

// assetDir is where prose's embedded assets keep the model.
const assetDir = "model/AveragedPerceptron/"

// loadProseModel decodes prose's embedded model.
func loadProseModel() (*proseModel, error) {
	var m proseModel
	for _, a := range []struct {
		name string
		dst  any
	}{
		{"classes.gob", &m.classes},
		{"tags.gob", &m.tagDict},
		{"weights.gob", &m.weights},
	} {
		data, err := prose.Asset(assetDir + a.name)
		if err != nil {
			return nil, fmt.Errorf("postag: reading prose asset: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(a.dst); err != nil {
			return nil, fmt.Errorf("postag: decoding prose asset %s: %w", a.name, err)
		}
	}
	return &m, nil
}
