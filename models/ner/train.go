package ner

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"

	"github.com/stancer/stancer/models/gazetteer"
)

// DefaultMargin is the training margin used when TrainOptions.Margin is 0,
// in units of one perceptron update of one feature; chosen by 5-fold
// cross-validation on the project's training set.
const DefaultMargin = 50

// DefaultRuns is the number of perceptrons averaged when TrainOptions.Runs
// is 0; chosen by 5-fold cross-validation on the project's training set
// (4 runs gain a little F1 over 1, and vary less with the seed; 8 gain no
// more).
const DefaultRuns = 4

// TrainOptions configure Train. The zero value means the defaults.
type TrainOptions struct {
	// Types are the mention types, in label order; nil means the distinct
	// types of the training mentions, sorted.
	Types []string
	// Epochs is the number of passes over the data; 0 means 10.
	Epochs int
	// MinCount drops the features seen fewer times in the training data;
	// 0 means 1 (keep all).
	MinCount int
	// Margin is added to the score of every wrong label of every token
	// while training (cost-augmented decoding), so that learning goes on
	// until the gold labels win by a margin; 0 means DefaultMargin, and a
	// negative value trains the plain perceptron.
	Margin int
	// Runs is the number of perceptrons trained, each visiting the
	// sentences in its own order (seeds Seed, Seed+1, ...), whose averaged
	// weights are averaged again: more runs, less variance; 0 means
	// DefaultRuns.
	Runs int
	// Seed seeds the order in which sentences are visited in each epoch.
	Seed uint64
}

// Train fits a model to the sentences. Each of Runs structured perceptrons
// makes Epochs passes with cost-augmented decoding, visiting the sentences
// in its own shuffled order each pass, and averages its weights over every
// step; the runs' averages are averaged, rounded to 16 bits, and the
// features whose weights stay small are dropped. The result depends only
// on the sentences and options: the same inputs give the same model, byte
// for byte, however the runs are scheduled.
func Train(sents []Sentence, opts TrainOptions) (*Model, error) {
	gaz, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	types := opts.Types
	if types == nil {
		types = mentionTypes(sents)
	}
	if len(types) == 0 || len(types) > MaxTypes {
		return nil, fmt.Errorf("ner: %d mention types, want 1 to %d", len(types), MaxTypes)
	}
	epochs := max(cmp.Or(opts.Epochs, 10), 1)
	data, keys, err := prepare(sents, types, gaz, max(opts.MinCount, 1))
	if err != nil {
		return nil, err
	}
	nl := 1 + 2*len(types)
	runs := max(cmp.Or(opts.Runs, DefaultRuns), 1)
	margin := int32(max(cmp.Or(opts.Margin, DefaultMargin), 0))
	em, tr := make([][]float64, runs), make([][]float64, runs)
	var wg sync.WaitGroup
	limit := make(chan struct{}, runtime.NumCPU())
	for r := range runs {
		wg.Go(func() {
			limit <- struct{}{}
			defer func() { <-limit }()
			p := newPerceptron(len(keys), nl, margin)
			p.run(data, epochs, opts.Seed+uint64(r))
			em[r], tr[r] = p.averages()
		})
	}
	wg.Wait()
	keys, weights, trans := quantize(keys, mean(em), mean(tr), nl)
	m, err := newModel(slices.Clone(types), keys, weights, trans, gaz)
	if err != nil {
		return nil, err
	}
	return m, m.setDigest()
}

// mean returns the element-wise mean of equally long vectors, summed in
// order.
func mean(vs [][]float64) []float64 {
	m := make([]float64, len(vs[0]))
	for _, v := range vs {
		for i, x := range v {
			m[i] += x
		}
	}
	for i := range m {
		m[i] /= float64(len(vs))
	}
	return m
}

// mentionTypes returns the distinct mention types of sents, sorted.
func mentionTypes(sents []Sentence) []string {
	var types []string
	for _, s := range sents {
		for _, c := range s.Mentions {
			if !slices.Contains(types, c.Type) {
				types = append(types, c.Type)
			}
		}
	}
	slices.Sort(types)
	return types
}

// example is one training sentence: the weight rows of the features of
// token t are rows[offs[t]:offs[t+1]].
type example struct {
	rows   []int32
	offs   []int32
	labels []label
}

// prepare extracts the features of every sentence and numbers the
// features seen in minCount tokens or more, in order of first use. It
// returns the examples and the key of each row.
func prepare(sents []Sentence, types []string, gaz *gazetteer.Gazetteer, minCount int) ([]example, []uint64, error) {
	ex := newExtractor(gaz)
	counts := map[uint64]int{}
	for _, s := range sents {
		ex.extract(s.Words, s.Tags)
		for _, k := range ex.keys {
			counts[k]++
		}
	}
	rowOf := map[uint64]int32{}
	var keys []uint64
	data := make([]example, 0, len(sents))
	for i, s := range sents {
		e := example{labels: make([]label, len(s.Words)), offs: make([]int32, 1, len(s.Words)+1)}
		if err := encode(s, types, e.labels); err != nil {
			return nil, nil, fmt.Errorf("ner: training sentence %d: %w", i, err)
		}
		if len(s.Words) == 0 {
			continue
		}
		ex.extract(s.Words, s.Tags)
		for t := range s.Words {
			for _, k := range ex.keys[ex.offs[t]:ex.offs[t+1]] {
				if counts[k] < minCount {
					continue
				}
				r, ok := rowOf[k]
				if !ok {
					r = int32(len(keys))
					rowOf[k] = r
					keys = append(keys, k)
				}
				e.rows = append(e.rows, r)
			}
			e.offs = append(e.offs, int32(len(e.rows)))
		}
		data = append(data, e)
	}
	return data, keys, nil
}

// perceptron holds the weights during training. w are the current weights;
// u accumulate c·δ for every update δ made at step c, so that the average
// of w over steps 1..c is w - u/c.
type perceptron struct {
	nl int
	w  []int32 // feature weights, w[row·nl+label]
	u  []int64
	tw []int32 // transition weights, laid out as Model.trans
	tu []int64
	c  int64 // the step, from 1
	// margin is added to the scores of wrong labels while decoding.
	margin int32
	scores []int32
	vit    viterbi
}

func newPerceptron(rows, nl int, margin int32) *perceptron {
	return &perceptron{
		nl: nl, margin: margin,
		w: make([]int32, rows*nl), u: make([]int64, rows*nl),
		tw: make([]int32, (nl+1)*nl), tu: make([]int64, (nl+1)*nl),
		c: 1,
	}
}

// run makes epochs passes over data, in an order shuffled anew for each
// pass by a generator seeded with seed.
func (p *perceptron) run(data []example, epochs int, seed uint64) {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for range epochs {
		for i := len(order) - 1; i > 0; i-- {
			j := int(rng.Uint64() % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, i := range order {
			p.learn(&data[i])
		}
	}
}

// learn decodes e with the current weights and, where the result differs
// from the gold labels, moves the weights toward gold and away from it.
func (p *perceptron) learn(e *example) {
	n, nl := len(e.labels), p.nl
	p.scores = grow(p.scores, n*nl)
	for t := range n {
		row := p.scores[t*nl : (t+1)*nl]
		clear(row)
		for _, r := range e.rows[e.offs[t]:e.offs[t+1]] {
			for l, w := range p.w[int(r)*nl : (int(r)+1)*nl] {
				row[l] += w
			}
		}
	}
	if p.margin > 0 {
		for t, g := range e.labels {
			for l := range nl {
				if l != int(g) {
					p.scores[t*nl+l] += p.margin
				}
			}
		}
	}
	pred := p.vit.decode(p.scores, p.tw, nl, n, nil)
	gp, pp := -1, -1 // previous gold and predicted labels
	for t, g := range e.labels {
		y := pred[t]
		if g != y {
			for _, r := range e.rows[e.offs[t]:e.offs[t+1]] {
				p.update(p.w, p.u, int(r)*nl+int(g), 1)
				p.update(p.w, p.u, int(r)*nl+int(y), -1)
			}
		}
		if g != y || gp != pp {
			p.update(p.tw, p.tu, (gp+1)*nl+int(g), 1)
			p.update(p.tw, p.tu, (pp+1)*nl+int(y), -1)
		}
		gp, pp = int(g), int(y)
	}
	p.c++
}

func (p *perceptron) update(w []int32, u []int64, i int, d int32) {
	w[i] += d
	u[i] += p.c * int64(d)
}

// averages returns the feature and transition weights averaged over
// every step so far.
func (p *perceptron) averages() (em, tr []float64) {
	avg := func(w []int32, u []int64) []float64 {
		a := make([]float64, len(w))
		for i := range a {
			a[i] = float64(w[i]) - float64(u[i])/float64(p.c)
		}
		return a
	}
	return avg(p.w, p.u), avg(p.tw, p.tu)
}

// prune is the magnitude, on the ±32767 scale of quantize, that some weight
// of a feature must exceed for the feature to be kept: 1/80 of the largest
// weight. Cross-validation on the project's training set shows no loss
// from it, while it halves the model (and a smaller table is faster);
// 1/32 costs nearly a point of F1.
const prune = math.MaxInt16 / 80

// quantize returns the weights scaled so that the largest in magnitude is
// ±32767 and rounded, without the rows (features) whose weights all stay
// within ±prune, and the transition weights on the same scale.
func quantize(keys []uint64, em, tr []float64, nl int) ([]uint64, []int16, []int32) {
	var top float64
	for _, x := range em {
		top = max(top, math.Abs(x))
	}
	for _, x := range tr {
		top = max(top, math.Abs(x))
	}
	scale := 1.0
	if top > 0 {
		scale = math.MaxInt16 / top
	}
	var kept []uint64
	var weights []int16
	row := make([]int16, nl)
	for r, k := range keys {
		keep := false
		for l := range row {
			row[l] = int16(math.Round(em[r*nl+l] * scale))
			keep = keep || row[l] > prune || row[l] < -prune
		}
		if keep {
			kept = append(kept, k)
			weights = append(weights, row...)
		}
	}
	trans := make([]int32, len(tr))
	for i, x := range tr {
		trans[i] = int32(math.Round(x * scale))
	}
	return kept, weights, trans
}
