package stance

import (
	"fmt"
	"math"
	"slices"

	model "github.com/stancer/stancer/models/stance"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/eval"
	"github.com/stancer/stancer/pipeline/gold"
)

// calibrationBins is the number of equal-width confidence bins of the
// expected calibration error.
const calibrationBins = 10

// An Evaluation scores stance predictions on gold sentences.
type Evaluation struct {
	// Report holds the confusion matrix of the stance labels; its methods
	// give accuracy, per-label precision, recall and F1, macro-F1 and
	// F_avg (only its stance fields are set).
	Report eval.Report
	// bins tally, per confidence bin, the sentences, the right labels and
	// the summed confidence.
	bins [calibrationBins]struct {
		n, right int
		conf     float64
	}
}

// add scores the predicted stances of one labeled document.
func (e *Evaluation) add(l model.Labeled) {
	e.Report.Articles++
	for i, g := range l.Labels {
		p := l.Doc.Sentences[i].Stance
		e.Report.Confusion[labelIndex(g)][labelIndex(p.Label)]++
		b := &e.bins[min(int(p.Confidence*calibrationBins), calibrationBins-1)]
		b.n++
		b.conf += p.Confidence
		if p.Label == g {
			b.right++
		}
	}
}

// ECE returns the expected calibration error of the confidences over ten
// equal-width bins B_b of the N sentences:
//
//	ECE = Σ_b (|B_b|/N)·|acc(B_b) − conf(B_b)|,
//
// where acc is the share of right labels in the bin and conf the mean
// confidence.
func (e *Evaluation) ECE() float64 {
	n := 0
	for _, b := range e.bins {
		n += b.n
	}
	ece := 0.0
	for _, b := range e.bins {
		if b.n > 0 {
			ece += math.Abs(float64(b.right)-b.conf) / float64(n)
		}
	}
	return ece
}

// labelIndex returns the index of l in doc.Labels, as eval.Report's
// confusion matrix is indexed.
func labelIndex(l doc.Label) int {
	for i, x := range doc.Labels {
		if x == l {
			return i
		}
	}
	return len(doc.Labels) - 1
}

// Evaluate labels the stance of the gold sentences of arts (prepared as for
// Train, speakers attributed) with c and scores the labels. It scores
// stance alone, so it leaves the holders provisional.
func Evaluate(c *Classifier, arts []gold.Article) (*Evaluation, error) {
	data, err := labeled(arts)
	if err != nil {
		return nil, err
	}
	e := &Evaluation{Report: eval.Report{System: c.Name()}}
	for _, l := range data {
		c.pred.Predict(l.Doc)
		e.add(l)
	}
	return e, nil
}

// CrossValidate estimates how well a model trained with opts labels unseen
// articles: it deals the articles arts into k folds (models/stance.Folds)
// and, for each fold, trains on the other folds together with all of extra
// and classifies the fold. The evaluation pools the held-out predictions of
// all folds; the extra articles only ever train, so that the estimate is
// one of arts alone.
func CrossValidate(arts []gold.Article, k int, extra []gold.Article, opts ...Option) (*Evaluation, error) {
	if k < 2 || k > len(arts) {
		return nil, fmt.Errorf("stance: cross-validation needs 2 to %d folds, not %d", len(arts), k)
	}
	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	folds := model.Folds(ids, k)
	data, err := labeled(arts)
	if err != nil {
		return nil, err
	}
	more, err := labeled(extra)
	if err != nil {
		return nil, err
	}
	e := &Evaluation{Report: eval.Report{System: fmt.Sprintf("stance-lr %d-fold", k)}}
	cfg := config(opts)
	for f := range k {
		var test []model.Labeled
		train := slices.Clone(more)
		for i, l := range data {
			if folds[i] == f {
				test = append(test, l)
			} else {
				train = append(train, l)
			}
		}
		m, err := model.Train(train, cfg)
		if err != nil {
			return nil, fmt.Errorf("fold %d: %w", f, err)
		}
		for _, l := range test {
			m.Predict(l.Doc)
			e.add(l)
		}
	}
	return e, nil
}
