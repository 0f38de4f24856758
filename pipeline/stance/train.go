package stance

import (
	"fmt"

	model "github.com/stancer/stancer/models/stance"
	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/entities"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/holder"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// An Option changes a training hyperparameter from its default, which is
// that of the released model (models/stance.DefaultConfig).
type Option func(*model.Config)

// L2 sets the weight λ of the L2 penalty (λ/2)·‖W‖².
func L2(lambda float64) Option { return func(c *model.Config) { c.L2 = lambda } }

// ClassWeight sets the exponent α of the class weights
// ω_c = (N / (3·N_c))^α of the training loss: 1 balances the classes, 0
// weighs every sentence the same.
func ClassWeight(alpha float64) Option { return func(c *model.Config) { c.ClassWeight = alpha } }

// MinCount sets the least number of training articles a feature must occur
// in to be used.
func MinCount(n int) Option { return func(c *model.Config) { c.MinCount = n } }

// InnerFolds sets the number of article folds whose held-out predictions
// train the model's second stage and calibrate its confidence (at least 2).
func InnerFolds(k int) Option { return func(c *model.Config) { c.Folds = k } }

// config returns the default configuration changed by opts.
func config(opts []Option) model.Config {
	cfg := model.DefaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	return cfg
}

// Train fits a model to the gold articles (see models/stance.Train). Each
// article is split at its gold sentences, so that every label sits on the
// sentence it was given for, and tokenized, tagged and attributed to
// speakers as the pipeline does (see labeled).
func Train(arts []gold.Article, opts ...Option) (*Classifier, error) {
	data, err := labeled(arts)
	if err != nil {
		return nil, err
	}
	m, err := model.Train(data, config(opts))
	if err != nil {
		return nil, fmt.Errorf("training the stance model: %w", err)
	}
	return fromModel(m), nil
}

// labeled returns the documents of the gold articles, split at their gold
// sentences, tokenized and tagged (models/wordtag), with their gold
// mentions linked into entities (entities.Link), the speakers that
// holder.Attribute finds, and their gold labels.
func labeled(arts []gold.Article) ([]model.Labeled, error) {
	tagger, err := wordtag.Default()
	if err != nil {
		return nil, err
	}
	data := make([]model.Labeled, len(arts))
	for i, a := range arts {
		d := a.Doc()
		labels := make([]doc.Label, len(a.Sentences))
		for j, s := range a.Sentences {
			labels[j] = s.Stance
			for _, m := range s.Mentions {
				d.Mentions = append(d.Mentions, doc.Mention{Span: m.Span, Text: m.Text, Type: m.Type, Sentence: j})
			}
		}
		entities.Link(d)
		tokenize.Tokenize(d)
		tokenize.Tag(d, tagger)
		holder.Attribute(d).Release()
		data[i] = model.Labeled{Doc: d, Labels: labels}
	}
	return data, nil
}
