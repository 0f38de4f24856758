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
	trans []int32
	nl    int
	table table
	// fixed[fixedRow(caps, first, headline)] holds the packed sums of the
	// weights of the fixed features of a token (see fixedKeys).
	fixed  [fixedRows]lanes
	gaz    *gazetteer.Gazetteer
	digest string
	pool   sync.Pool // of *scratch
}

// fixedRows is the number of combinations of a capitalization class and
// two flags, which fixedRow numbers.
const fixedRows = (capMixed + 1) * 2 * 2

// fixedRow returns the index in Model.fixed of the fixed features of a
// token of capitalization class caps, first in its sentence or not, of a
// headline or not.
func fixedRow(caps uint8, first, headline bool) int {
	return (int(caps)*2+int(b2u(first)))*2 + int(b2u(headline))
}

// scratch holds the per-call buffers of Label, and its word cache.
type scratch struct {
	ex     extractor
	words  *wordCache
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
	var fk []uint64
	for caps := range uint8(capMixed + 1) {
		for _, first := range []bool{false, true} {
			for _, headline := range []bool{false, true} {
				fk = fixedKeys(fk[:0], caps, first, headline)
				m.table.add(&m.fixed[fixedRow(caps, first, headline)], fk)
			}
		}
	}
	m.pool.New = func() any {
		sc := &scratch{ex: newExtractor(gaz), words: newWordCache()}
		sc.ex.cached, sc.ex.prune = true, true
		return sc
	}
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
	return m.label(sc, s, dst)
}

// label is Label with the buffers of sc.
func (m *Model) label(sc *scratch, s Sentence, dst []Chunk) []Chunk {
	n := len(s.Words)
	sc.ex.extract(s.Words, s.Tags)
	sc.scores = grow(sc.scores, n*m.nl)
	for t, w := range s.Words {
		if sc.ex.settled[t] {
			clear(sc.scores[t*m.nl : (t+1)*m.nl])
			continue
		}
		acc := sc.sum(m, t, w)
		m.table.add(&acc, sc.ex.keys[sc.ex.offs[t]:sc.ex.offs[t+1]])
		m.table.unpack(&acc, sc.scores[t*m.nl:(t+1)*m.nl])
	}
	labels := sc.vit.decode(sc.scores, m.trans, m.nl, n, sc.ex.settled)
	return decode(labels, m.types, dst)
}

// sum returns the packed sums of the weights in m of the features of token
// t (text w) of the sentence sc.ex has extracted that are not among its
// keys (see extractor.keys).
func (sc *scratch) sum(m *Model, t int, w string) lanes {
	c := &sc.ex.toks[t]
	acc := sc.words.sum(&m.table, c, w)
	acc.plus(&m.fixed[fixedRow(c.caps, t == 0, sc.ex.headline)])
	return acc
}

// viterbi finds the best valid label sequence; it keeps its buffers
// between calls.
type viterbi struct {
	back   []uint8
	labels []label
}

// minScore stands for the score of an impossible path.
const minScore = math.MinInt64 / 4

// decode returns the label sequence y over n tokens that maximises
// Σ_t em[t·nl+y_t] + trans[(y_{t-1}+1)·nl+y_t] among the sequences where
// each I label follows the B or I label of its type and y_t = O wherever
// holdO[t] is set (holdO may be nil: no token is held to O). Ties go
// to the lower label. The returned slice is valid until the next call.
//
// An O or B label may follow any label, an I label only the B and the I
// of its type. Only I labels are impossible at t = 0, and every label at
// t ≥ 1 has a possible predecessor (O, or the B of its type), so a best
// path is always possible: the minScore of an impossible one, plus a
// transition weight, stays far below any possible score (|score| ≤ n·2³² for
// int32 emissions and weights, and n < 2²⁸), and never wins.
func (v *viterbi) decode(em []int32, trans []int32, nl, n int, holdO []bool) []label {
	v.back = grow(v.back, n*nl)
	v.labels = grow(v.labels, n)
	// tr[l][p] is the weight of label l after label p.
	var tr [maxLabels][maxLabels]int64
	for l := range nl {
		for p := range nl {
			tr[l][p] = int64(trans[(p+1)*nl+l])
		}
	}
	// delta[l] is the score of the best path ending in label l at a
	// token; step computes that of the next token in next.
	delta, next := new([maxLabels]int64), new([maxLabels]int64)
	for l := range nl {
		delta[l] = minScore
		if !isInside(label(l)) && (l == int(outside) || holdO == nil || !holdO[0]) {
			delta[l] = int64(em[l]) + int64(trans[l])
		}
	}
	for t := 1; t < n; t++ {
		if holdO != nil && holdO[t] {
			stepO(next, delta, &tr, em[t*nl], v.back[t*nl:(t+1)*nl])
		} else {
			step(next, delta, &tr, em[t*nl:(t+1)*nl], v.back[t*nl:(t+1)*nl])
		}
		delta, next = next, delta
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

// step sets next[l] to the score of the best path ending in label l at a
// token, given the scores of those ending at the token before in delta,
// the transition weights tr (tr[l][p] for label l after label p) and the
// emission scores e of the token; it sets back[l] to the label before l
// on that path.
func step(next, delta *[maxLabels]int64, tr *[maxLabels][maxLabels]int64, e []int32, back []uint8) {
	d := delta[:len(e)]
	back = back[:len(e)]
	for l, el := range e {
		col := tr[l][:len(d)]
		var best int64
		var arg int
		if isInside(label(l)) {
			// The B of l's type is l-1.
			best, arg = d[l-1]+col[l-1], l-1
			if s := d[l] + col[l]; s > best {
				best, arg = s, l
			}
		} else {
			best = d[0] + col[0]
			for p := 1; p < len(d); p++ {
				if s := d[p] + col[p]; s > best {
					best, arg = s, p
				}
			}
		}
		next[l] = best + int64(el)
		back[l] = uint8(arg)
	}
}

// stepO is step for a token held to O, whose emission score for O is e:
// every other label is impossible there.
func stepO(next, delta *[maxLabels]int64, tr *[maxLabels][maxLabels]int64, e int32, back []uint8) {
	col := tr[outside][:len(back)]
	best, arg := delta[0]+col[0], 0
	for p := 1; p < len(col); p++ {
		if s := delta[p] + col[p]; s > best {
			best, arg = s, p
		}
	}
	next[outside], back[outside] = best+int64(e), uint8(arg)
	for l := 1; l < len(back); l++ {
		next[l] = minScore
	}
}
