package ner

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"sync"

	"github.com/stancer/stancer/models/gazetteer"
)

// MaxTypes is the largest number of mention types a model can have.
const MaxTypes = 8

// maxLabels is the number of BIO labels of a model of MaxTypes types.
const maxLabels = 1 + 2*MaxTypes

// A Model is a trained recognizer. It is safe for concurrent use.
type Model struct {
	types []string
	// keys are the features that have weights, in file order.
	keys []uint64
	// trans[(p+1)·nl+l] is the weight of label l after label p; p = -1 is
	// the start of the sentence.
	trans  []int32
	nl     int
	table  table
	gaz    *gazetteer.Gazetteer
	digest string
	pool   sync.Pool // of *scratch
}

// scratch holds the per-call buffers of Label.
type scratch struct {
	ex     extractor
	scores []int32
	vit    viterbi
}

// newModel returns a model of the given types and weights, ready to use
// but for its digest; weights[r·nl+l] is the weight of feature keys[r] for
// label l.
func newModel(types []string, keys []uint64, weights []int16, trans []int32, gaz *gazetteer.Gazetteer) (*Model, error) {
	m := &Model{types: types, keys: keys, trans: trans, nl: 1 + 2*len(types), gaz: gaz}
	var err error
	if m.table, err = newTable(keys, weights, m.nl); err != nil {
		return nil, err
	}
	m.pool.New = func() any { return &scratch{ex: newExtractor(gaz)} }
	return m, nil
}

// setDigest computes the model's digest by encoding it; Load takes it from
// the bytes it reads instead.
func (m *Model) setDigest() error {
	h := sha256.New()
	if err := m.writePayload(h); err != nil {
		return err
	}
	m.digest = hex.EncodeToString(h.Sum(nil))
	return nil
}

// Digest returns the SHA-256 of the model's content (the uncompressed
// model file) in hexadecimal: equal digests mean equal models.
func (m *Model) Digest() string { return m.digest }

// Types returns the mention types the model recognizes, in label order.
func (m *Model) Types() []string { return m.types }

// Features returns the number of features with a weight in the model.
func (m *Model) Features() int { return len(m.keys) }

// Label appends to dst the mentions the model finds in s, in order, and
// returns the extended slice. Only s.Words and s.Tags are read; a missing
// tag counts as the empty tag.
func (m *Model) Label(s Sentence, dst []Chunk) []Chunk {
	n := len(s.Words)
	if n == 0 {
		return dst
	}
	sc := m.pool.Get().(*scratch)
	defer m.pool.Put(sc)
	sc.ex.extract(s.Words, s.Tags)
	sc.scores = grow(sc.scores, n*m.nl)
	for t := range n {
		row := sc.scores[t*m.nl : (t+1)*m.nl]
		clear(row)
		for _, k := range sc.ex.keys[sc.ex.offs[t]:sc.ex.offs[t+1]] {
			for l, w := range m.table.row(k) {
				row[l] += int32(w)
			}
		}
	}
	labels := sc.vit.decode(sc.scores, m.trans, m.nl, n)
	return decode(labels, m.types, dst)
}

// viterbi finds the best valid label sequence; it keeps its buffers
// between calls.
type viterbi struct {
	back   []uint8
	labels []label
	// preds[l] are the labels that label l may follow, for preds of nl
	// labels.
	preds [][]uint8
}

// minScore stands for the score of an impossible path.
const minScore = math.MinInt64 / 4

// decode returns the label sequence y over n tokens that maximises
// Σ_t em[t·nl+y_t] + trans[(y_{t-1}+1)·nl+y_t] among the sequences where
// each I label follows the B or I label of its type. Ties go to the lower
// label. The returned slice is valid until the next call.
func (v *viterbi) decode(em []int32, trans []int32, nl, n int) []label {
	v.back = grow(v.back, n*nl)
	v.labels = grow(v.labels, n)
	if len(v.preds) != nl {
		v.preds = make([][]uint8, nl)
		for l := range nl {
			for p := range nl {
				if follows(label(p), label(l)) {
					v.preds[l] = append(v.preds[l], uint8(p))
				}
			}
		}
	}
	var delta, next [maxLabels]int64
	for l := range nl {
		delta[l] = minScore
		if !isInside(label(l)) {
			delta[l] = int64(em[l]) + int64(trans[l])
		}
	}
	for t := 1; t < n; t++ {
		for l := range nl {
			best, arg := int64(minScore), 0
			for _, p := range v.preds[l] {
				if delta[p] == minScore {
					continue
				}
				if s := delta[p] + int64(trans[(int(p)+1)*nl+l]); s > best {
					best, arg = s, int(p)
				}
			}
			if best != minScore {
				best += int64(em[t*nl+l])
			}
			next[l] = best
			v.back[t*nl+l] = uint8(arg)
		}
		delta = next
	}
	last := 0
	for l := 1; l < nl; l++ {
		if delta[l] > delta[last] {
			last = l
		}
	}
	for t := n - 1; t >= 0; t-- {
		v.labels[t] = label(last)
		last = int(v.back[t*nl+last])
	}
	return v.labels
}

// follows reports whether label l may follow label p.
func follows(p, l label) bool {
	return !isInside(l) || (p != outside && typeOf(p) == typeOf(l))
}
