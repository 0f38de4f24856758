// Package eval scores an analysis system against gold articles: entity
// mentions per type, sentence boundaries, sentence stance and holders.
//
// A predicted mention counts as correct when its type and text equal those of
// a gold mention inside the same gold sentence (each gold mention matches at
// most once). Stance and holder are judged per gold sentence, against the
// predicted sentence that overlaps it most, so a segmentation slip costs the
// boundary score but does not hide the stance.
package eval

import (
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
)

// System analyses one article. *pipeline.Pipeline and prosebaseline.System are
// Systems.
type System interface {
	Process(a doc.Article) *doc.Doc
}

// Counts tallies true positives, false positives and false negatives.
type Counts struct{ TP, FP, FN int }

// Add adds c2 to c.
func (c *Counts) Add(c2 Counts) { c.TP += c2.TP; c.FP += c2.FP; c.FN += c2.FN }

// Precision is TP / (TP + FP), or 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP / (TP + FN), or 0 when there is nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall,
//
//	F1 = 2·TP / (2·TP + FP + FN),
//
// or 0 when TP = 0.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Report is the score of one system on a set of gold articles.
type Report struct {
	System   string
	Articles int
	// Entities holds the mention counts per type.
	Entities Scores
	// Sentences counts exact sentence spans.
	Sentences Counts
	// Confusion[g][p] counts gold sentences of label g predicted as p,
	// indexed in doc.Labels order.
	Confusion [3][3]int
	// HolderRight and HolderTotal count gold non-neutral sentences whose
	// predicted holder name equals the gold holder.
	HolderRight, HolderTotal int
	// Failed counts articles the system could not analyse.
	Failed int
}

// Evaluate runs sys on every gold article and scores the result.
func Evaluate(name string, sys System, arts []gold.Article) *Report {
	r := &Report{System: name, Articles: len(arts), Entities: Scores{}}
	for _, a := range arts {
		d := sys.Process(a.Article)
		if d.Err != nil {
			r.Failed++
		}
		r.add(&a, d)
	}
	return r
}

// add scores one analysed article against its gold version.
func (r *Report) add(g *gold.Article, d *doc.Doc) {
	r.Entities.AddArticle(*g, d)
	r.scoreSentences(g, d)
}

// scoreSentences scores sentence boundaries, stance and holders.
func (r *Report) scoreSentences(g *gold.Article, d *doc.Doc) {
	exact := make(map[doc.Span]bool, len(d.Sentences))
	for _, s := range d.Sentences {
		exact[s.Span] = true
	}
	matched := 0
	for _, gs := range g.Sentences {
		if exact[gs.Span] {
			matched++
		}
		var label doc.Label = doc.Neutral
		var holder string
		if p := mostOverlapping(d.Sentences, gs.Span); p != nil {
			label = p.Stance.Label
			if p.Holder != nil {
				holder = p.Holder.Name
			}
		}
		r.Confusion[labelIndex(gs.Stance)][labelIndex(label)]++
		if gs.Stance != doc.Neutral {
			r.HolderTotal++
			if holder == gs.Holder {
				r.HolderRight++
			}
		}
	}
	r.Sentences.Add(Counts{TP: matched, FP: len(d.Sentences) - matched, FN: len(g.Sentences) - matched})
}

// mostOverlapping returns the sentence of sents sharing the most bytes with
// span, or nil when none overlaps it.
func mostOverlapping(sents []doc.Sentence, span doc.Span) *doc.Sentence {
	var best *doc.Sentence
	bestLen := 0
	for i := range sents {
		n := min(sents[i].End, span.End) - max(sents[i].Start, span.Start)
		if n > bestLen {
			best, bestLen = &sents[i], n
		}
	}
	return best
}

// labelIndex returns the index of l in doc.Labels; an unknown label counts
// as neutral.
func labelIndex(l doc.Label) int {
	switch l {
	case doc.Favor:
		return 0
	case doc.Against:
		return 1
	}
	return 2
}
