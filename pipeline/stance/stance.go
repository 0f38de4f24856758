// Package stance is the pipeline stage that labels the stance of every
// sentence toward strong encryption: favor, against or neutral, with a
// score in [-1, 1], a confidence and the cues behind the decision.
//
// A Classifier runs either the released model, a logistic regression over
// stemmed words, negation scopes, cue phrases, the kinds of actor named,
// modality, quotation, the neighbouring sentences and the other sentences
// of the same speaker (see package models/stance), or the keyword baseline
// that counts the cue phrases alone. Both judge each sentence with its
// article as context. A Classifier also sets whose stance each sentence
// is: package holder first attributes every sentence to its speaker
// (holder.Attribute), which the model reads, and then gives the sentences
// that take a side their holders (holder.Attribution.Resolve).
package stance

import (
	"errors"
	"fmt"
	"io"
	"sync"

	model "github.com/stancer/stancer/models/stance"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/holder"
)

// A Classifier labels the stance of sentences. It is safe for concurrent
// use.
type Classifier struct {
	name  string
	model *model.Model // nil for the baseline
	pred  predictor
}

// predictor is what both the model and the baseline do.
type predictor interface{ Predict(d *doc.Doc) }

// defaultClassifier loads the embedded model once per process.
var defaultClassifier = sync.OnceValues(func() (*Classifier, error) {
	m, err := model.Default()
	if err != nil {
		return nil, err
	}
	return fromModel(m), nil
})

// Default returns the classifier of the model embedded in the program,
// loaded by the first call and shared by all.
func Default() (*Classifier, error) { return defaultClassifier() }

// Load reads a model file written by WriteTo. A truncated or corrupt file
// is an error.
func Load(r io.Reader) (*Classifier, error) {
	m, err := model.Read(r)
	if err != nil {
		return nil, err
	}
	return fromModel(m), nil
}

// Baseline returns the keyword baseline, which labels a sentence by the cue
// phrases it contains (see models/stance.Baseline). Its name is
// "stance-keywords".
func Baseline() (*Classifier, error) {
	b, err := model.NewBaseline()
	if err != nil {
		return nil, fmt.Errorf("loading the stance lexicon: %w", err)
	}
	return &Classifier{name: "stance-keywords", pred: b}, nil
}

func fromModel(m *model.Model) *Classifier {
	return &Classifier{name: m.Name(), model: m, pred: m}
}

// Name identifies the classifier: "stance-lr-" followed by a hash of the
// model file for a model, "stance-keywords" for the baseline.
func (c *Classifier) Name() string { return c.name }

// WriteTo writes the model file of c, which Load reads back. The baseline
// has no model file; writing it is an error.
func (c *Classifier) WriteTo(w io.Writer) (int64, error) {
	if c.model == nil {
		return 0, errors.New("stance: the keyword baseline has no model file")
	}
	return c.model.WriteTo(w)
}

// Classify sets the Stance and the Holder of every sentence of d. The
// sentences, their tagged tokens and the entities must be set (see
// packages segment, tokenize and entities).
func (c *Classifier) Classify(d *doc.Doc) {
	a := holder.Attribute(d)
	c.pred.Predict(d)
	a.Resolve()
}
