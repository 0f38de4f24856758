package stance

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/stancer/stancer/pipeline/doc"
)

// Config holds the hyperparameters of Train.
type Config struct {
	// L2 and StackL2 are the weights λ of the penalty (λ/2)·‖W‖² of the
	// first and the second stage (see Train).
	L2, StackL2 float64
	// ClassWeight is the exponent α of the class weights
	// ω_c = (N / (3·N_c))^α: 1 weighs each class the same in total, 0 each
	// sentence the same.
	ClassWeight float64
	// MinCount is the least number of training articles that a feature
	// must occur in to get weights.
	MinCount int
	// Folds is the number of article folds whose held-out predictions train
	// the second stage and calibrate the temperature; at least 2.
	Folds int
	// MaxIterations bounds the L-BFGS iterations of each fit.
	MaxIterations int
}

// DefaultConfig returns the hyperparameters of the released model, chosen
// by 5-fold cross-validation on the training set.
func DefaultConfig() Config {
	return Config{L2: 2e-3, StackL2: 2.5e-4, ClassWeight: 0, MinCount: 2, Folds: 5, MaxIterations: 500}
}

// Labeled is a document with the gold stance of each of its sentences.
type Labeled struct {
	// Doc must have its sentences and tokens set, and the speakers of its
	// sentences as their Holder (see Model.Predict); Doc.ID names the
	// article when folds are drawn.
	Doc *doc.Doc
	// Labels[i] is the stance of Doc.Sentences[i].
	Labels []doc.Label
}

// sharedLexicon is the embedded lexicon, parsed once.
var sharedLexicon = sync.OnceValues(loadLexicon)

// Train fits a model to the labeled documents. Each stage minimises over
// its weights W and biases b the class-weighted cross-entropy with an L2
// penalty,
//
//	L(W, b) = −(1/Σ_i ω_{y_i}) Σ_i ω_{y_i}·log p_{i,y_i} + (λ/2)·‖W‖²,
//	p_i = softmax(W x_i + b),   ω_c = (N / (3·N_c))^α,
//
// where N_c of the N training sentences have label c; with α = 1 each
// class weighs the same in total. The gradient is
//
//	∂L/∂W_jc = (1/Σ_i ω_{y_i}) Σ_i ω_{y_i}·(p_ic − [y_i = c])·x_ij + λ·W_jc,
//
// and gonum's L-BFGS, started from zero, finds the minimum. The first stage
// is fitted on its features scaled by their naive-Bayes log-count ratios s_j
// (see nbScale), that is with the penalty (λ/2)·Σ_j ‖W_j‖²/s_j² in place of
// (λ/2)·‖W‖², so that the words that tell the classes apart are penalised
// less; the ratios come from the sentences of each fit. The first stage
// learns from the articles that have a word of the topic only: off-topic
// articles, all neutral, would teach it that the words of the debate
// (police, children, must) take no side; they train the second stage,
// which learns from the article's topic features that such an article
// takes none. The articles are dealt
// into cfg.Folds folds (see Folds); the second stage learns from first-stage
// probabilities that each come from a first stage fitted without the
// sentence's fold, as it will see them on new articles, and the temperature
// T minimises the negative log-likelihood Σ_i −log softmax(z²_i/T)_{y_i} of
// the second stage's held-out logits.
//
// Training is deterministic: the same data and configuration give a model
// with the same encoding.
func Train(data []Labeled, cfg Config) (*Model, error) {
	if !(cfg.L2 >= 0 && cfg.StackL2 >= 0 && cfg.ClassWeight >= 0) || cfg.MinCount < 1 || cfg.Folds < 2 || cfg.MaxIterations < 1 {
		return nil, fmt.Errorf("stance: invalid training configuration %+v", cfg)
	}
	lex, err := sharedLexicon()
	if err != nil {
		return nil, fmt.Errorf("stance: loading the lexicon: %w", err)
	}
	set, err := newDataset(&extractor{lex: lex}, data)
	if err != nil {
		return nil, err
	}
	folds := Folds(set.ids, cfg.Folds)
	keys := set.selectKeys(cfg.MinCount)
	x := set.matrix(keys)
	local, err := fit(x, set.y, set.topicalRows(set.rows(folds, -1)), len(keys), cfg.L2, true, cfg)
	if err != nil {
		return nil, err
	}
	heldOut, err := crossFit(x, set, folds, len(keys), cfg.L2, true, cfg)
	if err != nil {
		return nil, err
	}
	set2 := set.stacked(heldOut)
	keys2 := set2.selectKeys(1)
	x2 := set2.matrix(keys2)
	stack, err := fit(x2, set.y, set.rows(folds, -1), len(keys2), cfg.StackL2, false, cfg)
	if err != nil {
		return nil, err
	}
	heldOut2, err := crossFit(x2, set, folds, len(keys2), cfg.StackL2, false, cfg)
	if err != nil {
		return nil, err
	}
	temperature, err := fitTemperature(heldOut2, set.y)
	if err != nil {
		return nil, err
	}
	m := newModel(lex, toLayer(keys, local), toLayer(keys2, stack), temperature)
	payload, err := m.encode()
	if err != nil {
		return nil, err
	}
	m.name = nameOf(payload)
	return m, nil
}

// toLayer rounds fitted parameters, laid out as in sparse.logits, to the
// float32 weights of a layer.
func toLayer(keys []uint64, theta []float64) layer {
	weights := make([]float32, classes*len(keys))
	for i := range weights {
		weights[i] = float32(theta[i])
	}
	var bias [classes]float32
	for c := range bias {
		bias[c] = float32(theta[len(weights)+c])
	}
	return newLayer(keys, weights, bias)
}

// crossFit returns the logits of every sentence from a layer fitted (see
// fit) on the sentences outside its article fold: for the first stage
// (first is true), those of articles with a word of the topic, with
// naive-Bayes scaling; for the second, all of them.
func crossFit(x *sparse, set *dataset, folds []int, features int, l2 float64, first bool, cfg Config) ([][classes]float64, error) {
	logits := make([][classes]float64, len(set.y))
	for f := range slices.Max(folds) + 1 {
		rows := set.rows(folds, f)
		if first {
			rows = set.topicalRows(rows)
		}
		theta, err := fit(x, set.y, rows, features, l2, first, cfg)
		if err != nil {
			return nil, err
		}
		for r, d := range set.doc {
			if folds[d] == f {
				logits[r] = x.logits(theta, r, features)
			}
		}
	}
	return logits, nil
}

// A dataset holds the features and labels of every training sentence.
type dataset struct {
	// Sentence r has the features keys[start[r]:start[r+1]], valued vals[...].
	start []int
	keys  []uint64
	vals  []float32
	y     []int
	doc   []int // index into the training data of each sentence's document
	ids   []string
	// ctx holds, per document, what the second stage reads.
	ctx []context
}

// rows returns the sentences whose documents are outside fold f (all of
// them when f < 0).
func (set *dataset) rows(folds []int, f int) []int {
	var rows []int
	for r, d := range set.doc {
		if folds[d] != f {
			rows = append(rows, r)
		}
	}
	return rows
}

// topicalRows returns those of rows whose documents have a word of the
// topic.
func (set *dataset) topicalRows(rows []int) []int {
	var out []int
	for _, r := range rows {
		if slices.ContainsFunc(set.ctx[set.doc[r]].sents, func(s sentInfo) bool { return s.topic }) {
			out = append(out, r)
		}
	}
	return out
}

// stacked returns the dataset of the second stage, given first-stage
// logits for every sentence.
func (set *dataset) stacked(logits [][classes]float64) *dataset {
	s2 := &dataset{start: []int{0}, y: set.y, doc: set.doc, ids: set.ids, ctx: set.ctx}
	var fs []feature
	for r, d := 0, 0; r < len(set.y); d++ {
		c := &set.ctx[d]
		c.p = c.p[:0]
		for i := range c.sents {
			c.p = append(c.p, softmax(logits[r+i], 1))
		}
		c.complete(c.sents)
		for i := range c.sents {
			fs = appendStacked(fs[:0], c, i)
			for _, f := range fs {
				s2.keys = append(s2.keys, f.key)
				s2.vals = append(s2.vals, f.val)
			}
			s2.start = append(s2.start, len(s2.keys))
		}
		r += len(c.sents)
	}
	return s2
}

// newDataset analyses the labeled documents.
func newDataset(ext *extractor, data []Labeled) (*dataset, error) {
	set := &dataset{start: []int{0}}
	var a analysis
	for di, l := range data {
		d := l.Doc
		if d == nil || len(l.Labels) != len(d.Sentences) {
			return nil, fmt.Errorf("stance: training document %d: labels do not match its sentences", di)
		}
		ext.analyse(d, &a)
		for i, label := range l.Labels {
			c := slices.Index(doc.Labels, label)
			if c < 0 {
				return nil, fmt.Errorf("stance: training document %q sentence %d: unknown label %q", d.ID, i, label)
			}
			for _, f := range a.sentence(i) {
				set.keys = append(set.keys, f.key)
				set.vals = append(set.vals, f.val)
			}
			set.start = append(set.start, len(set.keys))
			set.y = append(set.y, c)
			set.doc = append(set.doc, di)
		}
		set.ids = append(set.ids, d.ID)
		set.ctx = append(set.ctx, context{sents: slices.Clone(a.sents), speaker: slices.Clone(a.ctx.speaker)})
	}
	if len(set.y) == 0 {
		return nil, errors.New("stance: no labeled sentences to train on")
	}
	return set, nil
}

// selectKeys returns, in increasing order, the keys that occur in at least
// least documents: a feature seen in one article only (a name, a turn of
// phrase of its writer) says nothing about other articles.
func (set *dataset) selectKeys(least int) []uint64 {
	count := make(map[uint64]int)
	last := make(map[uint64]int) // the last document counted, plus one
	for r := range set.y {
		d := set.doc[r] + 1
		for _, k := range set.keys[set.start[r]:set.start[r+1]] {
			if last[k] != d {
				last[k] = d
				count[k]++
			}
		}
	}
	var keys []uint64
	for k, n := range count {
		if n >= least {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// A sparse matrix in compressed-row form: row r holds the values val[k] in
// the columns col[k] for start[r] ≤ k < start[r+1].
type sparse struct {
	start []int
	col   []int32
	val   []float64
}

// matrix returns the features of the dataset as a sparse matrix whose
// column j is keys[j]; other features are dropped.
func (set *dataset) matrix(keys []uint64) *sparse {
	x := &sparse{start: []int{0}}
	for r := range set.y {
		for i := set.start[r]; i < set.start[r+1]; i++ {
			if j, ok := slices.BinarySearch(keys, set.keys[i]); ok {
				x.col = append(x.col, int32(j))
				x.val = append(x.val, float64(set.vals[i]))
			}
		}
		x.start = append(x.start, len(x.col))
	}
	return x
}

// logits returns b + Wᵀx_r for row r under the parameters theta, laid out
// as W_jc = theta[3j+c] followed by the biases b_c.
func (x *sparse) logits(theta []float64, r, features int) [classes]float64 {
	var z [classes]float64
	copy(z[:], theta[classes*features:])
	for k := x.start[r]; k < x.start[r+1]; k++ {
		w := theta[classes*int(x.col[k]):]
		for c := range z {
			z[c] += x.val[k] * w[c]
		}
	}
	return z
}

// Folds assigns each of the articles named by ids to one of k folds, the
// same way whatever the order of ids: articles are ordered by the hash of
// their id (then by position) and dealt round-robin, so folds differ in
// size by at most one.
func Folds(ids []string, k int) []int {
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ha, hb := hashString(ids[a]), hashString(ids[b])
		switch {
		case ha < hb:
			return -1
		case ha > hb:
			return 1
		}
		return a - b
	})
	folds := make([]int, len(ids))
	for rank, i := range order {
		folds[i] = rank % max(k, 1)
	}
	return folds
}

// finite reports whether every value of xs is a finite number.
func finite(xs []float64) bool {
	for _, v := range xs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
