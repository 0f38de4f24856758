package stance

import (
	"cmp"
	"math"
	"slices"

	"github.com/stancer/stancer/pipeline/doc"
)

// classes is the number of stance labels; class c is doc.Labels[c].
const classes = 3

// maxCues is the most cues given for one sentence.
const maxCues = 5

// A layer is a multinomial logistic regression over sparse features: for a
// feature vector x it gives the logits
//
//	z_c = b_c + Σ_j W_jc·x_j,   c ∈ {favor, against, neutral}.
type layer struct {
	// keys are the feature keys in increasing order; feature j has the
	// weights W_j· = weights[3j : 3j+3], which index holds too.
	keys    []uint64
	weights []float32
	bias    [classes]float32
	index   table
}

// newLayer returns the layer with the given keys, weights and biases.
func newLayer(keys []uint64, weights []float32, bias [classes]float32) layer {
	return layer{keys: keys, weights: weights, bias: bias, index: newTable(keys, weights)}
}

// logits returns z = b + Wᵀx for the features fs, and copies into each
// feature its row of weights, or zeros, for support. A feature without
// weights adds x_j·0 = ±0 to each z_c, for the values of features are
// finite: that changes at most the sign of a zero z_c, which softmax does
// not see, and spares a branch that the processor could not predict.
//
// The three sums are kept apart, in registers, rather than in an array that
// each feature would load and store again.
func (l *layer) logits(fs []feature) [classes]float64 {
	z0, z1, z2 := float64(l.bias[0]), float64(l.bias[1]), float64(l.bias[2])
	for k := range fs {
		f := &fs[k]
		w := l.index.find(f.key)
		f.weights = *w
		x := float64(f.val)
		z0 += x * float64(w[0])
		z1 += x * float64(w[1])
		z2 += x * float64(w[2])
	}
	return [classes]float64{z0, z1, z2}
}

// support returns how much the feature f raises class c against the
// others in the layer that last computed logits over it,
//
//	x_j·(W_jc − (1/3)·Σ_k W_jk),
//
// or 0 for a feature without weights there or whose logits were never
// computed.
func (f *feature) support(c int) float64 {
	w := &f.weights
	mean := (float64(w[0]) + float64(w[1]) + float64(w[2])) / classes
	return float64(f.val) * (float64(w[c]) - mean)
}

// A Model labels the stance of sentences in two stages, each a layer. The
// first judges a sentence by its own features (see package doc) and gives
// the probabilities p¹ = softmax(z¹); the second judges it by p¹ of the
// sentence and of its neighbours and gives the calibrated probabilities
//
//	P(c | x) = exp(z²_c / T) / Σ_k exp(z²_k / T),
//
// where the temperature T > 0 is fitted on held-out predictions (see
// Train). The label is argmax_c P(c | x), the score P(favor) − P(against)
// and the confidence the label's probability.
//
// A Model is safe for concurrent use.
type Model struct {
	ext          extractor
	local, stack layer
	temperature  float64
	name         string
	pool         analysisPool
}

// newModel assembles a model from its layers.
func newModel(lex *lexicon, local, stack layer, temperature float64) *Model {
	return &Model{ext: extractor{lex: lex}, local: local, stack: stack, temperature: temperature}
}

// Name returns "stance-lr-" followed by the first eight hexadecimal digits
// of the SHA-256 hash of the model's encoding, so that two models have the
// same name only if they predict the same.
func (m *Model) Name() string { return m.name }

// Predict sets the Stance of every sentence of d. The tokens of d must be
// set (see package tokenize); a sentence without tokens is judged from its
// context alone. The sentences' Holder are read as their speakers (see
// pipeline/holder.Attribute); without them the model reads no speaker. The
// cues of all the sentences share one allocation.
func (m *Model) Predict(d *doc.Doc) {
	a := m.pool.get()
	defer m.pool.put(a)
	m.ext.analyse(d, a)
	m.firstStage(a)
	a.cueText, a.cueEnd = a.cueText[:0], a.cueEnd[:0]
	for i := range d.Sentences {
		a.stacked = appendStacked(a.stacked[:0], &a.ctx, i)
		p := softmax(m.stack.logits(a.stacked), m.temperature)
		c := argmax(p)
		d.Sentences[i].Stance = doc.Stance{
			Label:      doc.Labels[c],
			Score:      p[sideFavor] - p[sideAgainst],
			Confidence: p[c],
		}
		a.sentCues = m.explain(a.sentCues[:0], d, a, i, c)
		a.cueText = append(a.cueText, a.sentCues...)
		a.cueEnd = append(a.cueEnd, int32(len(a.cueText)))
	}
	a.shareCues(d)
}

// shareCues sets the Cues of the sentences of d from a.cueText, which
// Predict filled, copied into one new array, and then empties a.cueText
// so that the pool keeps no text alive. A sentence without cues has nil
// Cues; each sentence's Cues have no spare capacity, so that appending to
// them cannot overwrite the next sentence's.
func (a *analysis) shareCues(d *doc.Doc) {
	if len(a.cueText) > 0 {
		all := slices.Clone(a.cueText)
		lo := int32(0)
		for i, hi := range a.cueEnd {
			if hi > lo {
				d.Sentences[i].Stance.Cues = all[lo:hi:hi]
			}
			lo = hi
		}
	}
	clear(a.cueText)
	clear(a.sentCues[:cap(a.sentCues)])
}

// firstStage completes a.ctx with the first-stage probabilities of every
// sentence.
func (m *Model) firstStage(a *analysis) {
	a.ctx.p = a.ctx.p[:0]
	for i := range a.sents {
		a.ctx.p = append(a.ctx.p, softmax(m.local.logits(a.sentence(i)), 1))
	}
	a.ctx.complete(a.sents)
}

// softmax returns exp(z_c/T) / Σ_k exp(z_k/T), computed without overflow.
func softmax(z [classes]float64, t float64) [classes]float64 {
	top := slices.Max(z[:])
	var p [classes]float64
	sum := 0.0
	for c := range z {
		p[c] = math.Exp((z[c] - top) / t)
		sum += p[c]
	}
	for c := range p {
		p[c] /= sum
	}
	return p
}

// argmax returns the index of the largest of p, the first on a tie.
func argmax(p [classes]float64) int {
	best := 0
	for c := 1; c < classes; c++ {
		if p[c] > p[best] {
			best = c
		}
	}
	return best
}

// explain appends to cues, which must be empty, the cues of a favor or
// against decision of class c for sentence i: the inputs that raise c most
// against the other classes (see feature.support), strongest first, at
// most maxCues of them. The second
// stage weighs the sentence's own words against its neighbours ("preceding
// sentence", ...); the sentence's own words are named by the first stage's
// features, as the words they stand for, without overlaps. A neutral
// decision, which rests on the absence of stance, has no cues.
func (m *Model) explain(cues []string, d *doc.Doc, a *analysis, i, c int) []string {
	if c == sideNeutral {
		return cues
	}
	// Weigh the second stage's inputs by note: the sentence's own words
	// (noteWords) or one kind of context.
	var byNote [len(notes)]float64
	for k := range a.stacked {
		byNote[a.stacked[k].note()] += a.stacked[k].support(c)
	}
	a.order = a.order[:0]
	for n, v := range byNote {
		if v > 0 {
			a.order = append(a.order, note(n))
		}
	}
	slices.SortStableFunc(a.order, func(x, y note) int { return cmp.Compare(byNote[y], byNote[x]) })
	for _, n := range a.order {
		if n != noteWords {
			cues = appendCue(cues, notes[n])
			continue
		}
		cues = m.appendWords(cues, d, a, i, c)
	}
	return cues[:min(len(cues), maxCues)]
}

// A pick is a feature that supports a decision, by how much: fs[feature]
// of the features that appendWords weighs.
type pick struct {
	feature int
	support float64
}

// appendWords appends to cues the words behind the first-stage features of
// sentence i that support class c, strongest first (the earlier feature
// first on a tie), until there are maxCues cues. Features of function words
// alone are passed over, and so is one that overlaps words already taken.
// Only a few of the candidates are ever taken, so each is drawn by a linear
// scan for the strongest left rather than by sorting them all; a drawn
// candidate's support is set to 0, which takes it out of later scans.
func (m *Model) appendWords(cues []string, d *doc.Doc, a *analysis, i, c int) []string {
	fs := a.sentence(i)
	a.picks = a.picks[:0]
	for k := range fs {
		if v := fs[k].support(c); v > 0 && (fs[k].from < 0 || a.content(fs[k].from, fs[k].to)) {
			a.picks = append(a.picks, pick{k, v})
		}
	}
	a.taken = a.taken[:0]
	for len(cues) < maxCues {
		best, top := -1, 0.0
		for k, p := range a.picks {
			if p.support > top {
				best, top = k, p.support
			}
		}
		if best < 0 {
			break
		}
		f := &fs[a.picks[best].feature]
		a.picks[best].support = 0
		if f.from < 0 {
			cues = appendCue(cues, noteText(d, i, f.note()))
			continue
		}
		if slices.ContainsFunc(a.taken, func(t [2]int32) bool { return f.from < t[1] && t[0] < f.to }) {
			continue
		}
		if text := spanText(d, f.from, f.to); text != "" {
			a.taken = append(a.taken, [2]int32{f.from, f.to})
			cues = appendCue(cues, text)
		}
	}
	return cues
}

// content reports whether the tokens [from, to) of the analysed document
// include a word that is not a function word.
func (a *analysis) content(from, to int32) bool {
	if from < 0 || int(to) > len(a.words) {
		return false
	}
	for _, w := range a.words[from:to] {
		if w.flags&(flagStop|flagPunct) == 0 {
			return true
		}
	}
	return false
}

// appendCue appends text to cues unless it is already there.
func appendCue(cues []string, text string) []string {
	if slices.Contains(cues, text) {
		return cues
	}
	return append(cues, text)
}

// spanText returns the text of the tokens [from, to) of d, or "" when they
// are out of range.
func spanText(d *doc.Doc, from, to int32) string {
	if from < 0 || int(to) > len(d.Tokens) || from >= to {
		return ""
	}
	start, end := d.Tokens[from].Start, d.Tokens[to-1].End
	if start < 0 || end > len(d.Text) || start > end {
		return ""
	}
	return d.Text[start:end]
}

// noteText returns the cue describing note n of sentence i of d: the note's
// description, with the holder's name for noteHolder ("speaker (FBI)").
func noteText(d *doc.Doc, i int, n note) string {
	if h := d.Sentences[i].Holder; n == noteHolder && h != nil {
		return notes[n] + " (" + h.Name + ")"
	}
	return notes[n]
}
