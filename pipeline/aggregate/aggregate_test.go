package aggregate

import (
	"math"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// sent returns a sentence with the given label and confidence, held by
// entity e (-1 for the author, -2 for no holder).
func sent(l doc.Label, conf float64, e int) doc.Sentence {
	s := doc.Sentence{Stance: doc.Stance{Label: l, Confidence: conf}}
	switch {
	case e >= 0:
		s.Holder = &doc.Holder{Name: "someone", Entity: e}
	case e == -1:
		s.Holder = &doc.Holder{Name: "author", Entity: -1}
	}
	return s
}

func TestArticleStance(t *testing.T) {
	tests := []struct {
		name  string
		sents []doc.Sentence
		want  doc.ArticleStance
	}{
		{"empty", nil, doc.ArticleStance{Label: doc.Neutral}},
		{"all neutral", []doc.Sentence{sent(doc.Neutral, 0.9, -2), sent(doc.Neutral, 0.8, -2)},
			doc.ArticleStance{Label: doc.Neutral, Counts: doc.Counts{Neutral: 2}}},
		// One vote of weight 1: 1/(1+1).
		{"one favor", []doc.Sentence{sent(doc.Favor, 1, -1), sent(doc.Neutral, 0, -2)},
			doc.ArticleStance{Label: doc.Favor, Score: 0.5, Counts: doc.Counts{Favor: 1, Neutral: 1}}},
		// The schema's example: (1 − 6)/(7 + 1).
		{"mostly against", append([]doc.Sentence{sent(doc.Favor, 0, -1)}, repeat(sent(doc.Against, 0, -1), 6)...),
			doc.ArticleStance{Label: doc.Against, Score: -0.625, Counts: doc.Counts{Favor: 1, Against: 6}}},
		// Mixed sides nearly cancel: (3 − 2)/(5 + 1) < τ.
		{"mixed", append(repeat(sent(doc.Favor, 1, -1), 3), repeat(sent(doc.Against, 1, -1), 2)...),
			doc.ArticleStance{Label: doc.Neutral, Score: 1.0 / 6, Counts: doc.Counts{Favor: 3, Against: 2}}},
		// A timid vote: 0.2/(1+0.2) < τ.
		{"low confidence", []doc.Sentence{sent(doc.Against, 0.2, -1)},
			doc.ArticleStance{Label: doc.Neutral, Score: -0.2 / 1.2, Counts: doc.Counts{Against: 1}}},
		// Confidences weigh the votes: (0.9 − 0.3)/(1 + 1.2).
		{"weighted", []doc.Sentence{sent(doc.Favor, 0.9, -1), sent(doc.Against, 0.3, -1)},
			doc.ArticleStance{Label: doc.Favor, Score: 0.6 / 2.2, Counts: doc.Counts{Favor: 1, Against: 1}}},
		// Out-of-range confidences are clamped, NaN counts as unknown.
		{"bad confidences", []doc.Sentence{sent(doc.Favor, math.NaN(), -1), sent(doc.Favor, 7, -1), sent(doc.Against, -3, -1)},
			doc.ArticleStance{Label: doc.Favor, Score: 2.0 / 3, Counts: doc.Counts{Favor: 2, Against: 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &doc.Doc{Sentences: tt.sents}
			Aggregate(d)
			got := d.Stance
			if got.Label != tt.want.Label || got.Counts != tt.want.Counts || math.Abs(got.Score-tt.want.Score) > 1e-12 {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func repeat(s doc.Sentence, n int) []doc.Sentence {
	out := make([]doc.Sentence, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestEntityStance(t *testing.T) {
	d := &doc.Doc{
		Sentences: []doc.Sentence{
			sent(doc.Against, 1, 0),
			sent(doc.Against, 1, 0),
			sent(doc.Favor, 1, 2),
			sent(doc.Favor, 1, -1),   // the author's
			sent(doc.Neutral, 1, -2), // no holder
			sent(doc.Against, 1, 9),  // an entity index out of range is ignored
		},
		Entities: []doc.Entity{{ID: 0}, {ID: 1}, {ID: 2}},
	}
	Aggregate(d)
	want := []doc.EntityStance{
		{Label: doc.Against, Score: -2.0 / 3, Sentences: 2},
		{Label: doc.Neutral, Score: 0, Sentences: 0}, // holds nothing
		{Label: doc.Favor, Score: 0.5, Sentences: 1},
	}
	for i, w := range want {
		if got := d.Entities[i].Stance; got.Label != w.Label || got.Sentences != w.Sentences || math.Abs(got.Score-w.Score) > 1e-12 {
			t.Errorf("entity %d: got %+v, want %+v", i, got, w)
		}
	}
	if c := d.Stance.Counts; c != (doc.Counts{Favor: 2, Against: 3, Neutral: 1}) {
		t.Errorf("counts %+v", c)
	}
}

// TestIdempotent checks that aggregating twice gives the same result, not
// doubled counts.
func TestIdempotent(t *testing.T) {
	d := &doc.Doc{Sentences: []doc.Sentence{sent(doc.Favor, 0.7, 0), sent(doc.Neutral, 0, -2)}, Entities: []doc.Entity{{}}}
	Aggregate(d)
	first, firstEnt := d.Stance, d.Entities[0].Stance
	Aggregate(d)
	if d.Stance != first || d.Entities[0].Stance != firstEnt {
		t.Errorf("second run: %+v %+v, first: %+v %+v", d.Stance, d.Entities[0].Stance, first, firstEnt)
	}
}

// TestManyEntities checks the stances of entities in articles with few and
// many entities, and that Aggregate allocates nothing for a usual article.
func TestManyEntities(t *testing.T) {
	for _, n := range []int{1, 31, 32, 33, 100} {
		d := &doc.Doc{Entities: make([]doc.Entity, n)}
		d.Sentences = append(repeat(sent(doc.Favor, 1, n-1), 3), sent(doc.Against, 1, 0))
		Aggregate(d)
		want := 3 // the favor sentences of the last entity
		if n == 1 {
			want = 4 // it is the first entity too
		}
		if last := d.Entities[n-1].Stance; last.Label != doc.Favor || last.Sentences != want {
			t.Errorf("%d entities: last entity %+v, want favor of %d sentences", n, last, want)
		}
		if first := d.Entities[0].Stance; n > 1 && (first.Label != doc.Against || first.Sentences != 1) {
			t.Errorf("%d entities: first entity %+v, want against of 1 sentence", n, first)
		}
	}
	d := &doc.Doc{Entities: make([]doc.Entity, 20), Sentences: repeat(sent(doc.Favor, 1, 19), 5)}
	if a := testing.AllocsPerRun(10, func() { Aggregate(d) }); a != 0 {
		t.Errorf("Aggregate of 20 entities: %v allocations, want 0", a)
	}
}

// TestBounds checks that scores stay inside (−1, 1) however many votes.
func TestBounds(t *testing.T) {
	for _, l := range []doc.Label{doc.Favor, doc.Against} {
		d := &doc.Doc{Sentences: repeat(sent(l, 1, -1), 10000)}
		Aggregate(d)
		if s := d.Stance.Score; !(s > -1 && s < 1) || d.Stance.Label != l {
			t.Errorf("%s: score %v label %s", l, s, d.Stance.Label)
		}
	}
}

// BenchmarkAggregate aggregates an article of 60 sentences held by 10
// entities.
func BenchmarkAggregate(b *testing.B) {
	d := &doc.Doc{Entities: make([]doc.Entity, 10)}
	for i := 0; i < 60; i++ {
		d.Sentences = append(d.Sentences, sent(doc.Labels[i%3], float64(i%10)/10, i%12-2))
	}
	b.ReportAllocs()
	for b.Loop() {
		Aggregate(d)
	}
}
