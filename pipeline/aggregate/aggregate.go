// Package aggregate sums the stances of an article's sentences up to a stance
// of the whole article and a stance of every entity that holds some of them.
//
// Both use the same estimate. Each non-neutral sentence i votes
// v_i = +1 (favor) or v_i = −1 (against) with weight w_i, its stance
// confidence, and the votes are shrunk toward zero by a prior of λ neutral
// pseudo-votes:
//
//	score = Σ w_i·v_i / (λ + Σ w_i)
//
// The score lies in (−1, 1): it is 0 without votes, and it needs several
// confident votes on one side to come near ±1. With every w_i = 1 it is
// (favor − against)/(favor + against + λ). The label is favor when
// score ≥ τ, against when score ≤ −τ, and neutral otherwise, so an article
// without non-neutral sentences, or one whose sides nearly cancel, is
// neutral.
//
// A confidence of 0 (or NaN) on a non-neutral sentence means the stage that
// labeled it gave none, and counts as 1; other confidences are clamped to
// [0, 1]. Neutral sentences do not vote: they only show up in the article's
// counts.
package aggregate

import (
	"math"

	"github.com/stancer/stancer/pipeline/doc"
)

const (
	// Prior is λ, the weight of neutral pseudo-votes each score is shrunk
	// by: one confident vote alone scores 1/(1+λ) = 0.5.
	Prior = 1.0
	// Threshold is τ, the least |score| that takes a side.
	Threshold = 0.2
)

// Aggregate sets d.Stance from all the sentences of d and the Stance of
// every entity from the non-neutral sentences whose Holder.Entity is that
// entity. It reads each sentence's Stance and Holder.
func Aggregate(d *doc.Doc) {
	var article tally
	var buf [32]tally // room for the entities of most articles
	entity := buf[:]
	if len(d.Entities) > len(buf) {
		entity = make([]tally, len(d.Entities))
	}
	entity = entity[:len(d.Entities)]
	d.Stance = doc.ArticleStance{}
	for i := range d.Sentences {
		s := &d.Sentences[i]
		d.Stance.Counts.Add(s.Stance.Label)
		article.add(s.Stance)
		if h := s.Holder; h != nil && h.Entity >= 0 && h.Entity < len(entity) {
			entity[h.Entity].add(s.Stance)
		}
	}
	d.Stance.Label, d.Stance.Score = article.result()
	for i := range d.Entities {
		st := &d.Entities[i].Stance
		st.Label, st.Score = entity[i].result()
		st.Sentences = entity[i].votes
	}
}

// tally accumulates the votes of non-neutral sentences.
type tally struct {
	sum    float64 // Σ w_i·v_i
	weight float64 // Σ w_i
	votes  int
}

// add counts the vote of a sentence with stance s; neutral ones do not vote.
func (t *tally) add(s doc.Stance) {
	var v float64
	switch s.Label {
	case doc.Favor:
		v = 1
	case doc.Against:
		v = -1
	default:
		return
	}
	w := weight(s.Confidence)
	t.sum += w * v
	t.weight += w
	t.votes++
}

// result returns the label and score of the votes counted.
func (t *tally) result() (doc.Label, float64) {
	score := t.sum / (Prior + t.weight)
	switch {
	case t.votes == 0:
		return doc.Neutral, 0
	case score >= Threshold:
		return doc.Favor, score
	case score <= -Threshold:
		return doc.Against, score
	}
	return doc.Neutral, score
}

// weight returns the vote weight of a sentence with confidence c.
func weight(c float64) float64 {
	switch {
	case c == 0 || math.IsNaN(c):
		return 1
	case c < 0:
		return 0
	case c > 1:
		return 1
	}
	return c
}
