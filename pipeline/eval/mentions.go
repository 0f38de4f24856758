package eval

import (
	"fmt"
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
)

// Scores holds mention Counts per entity type. Start from an empty
// Scores{} (a nil Scores cannot be added to) and add to it with
// AddSentence, AddArticle or Add.
//
// A predicted mention matches when a gold mention of the same sentence has
// the same type and exactly the same text; each gold mention matches at
// most one prediction (so a sentence naming "Apple" twice needs two).
type Scores map[doc.EntityType]Counts

// AddSentence scores the mentions predicted for one gold sentence.
func (s Scores) AddSentence(want []gold.Mention, got []doc.Mention) {
	type key struct {
		typ  doc.EntityType
		text string
	}
	open := make(map[key]int, len(want))
	for _, m := range want {
		open[key{m.Type, m.Text}]++
	}
	for _, m := range got {
		c := s[m.Type]
		if k := (key{m.Type, m.Text}); open[k] > 0 {
			open[k]--
			c.TP++
		} else {
			c.FP++
		}
		s[m.Type] = c
	}
	for k, n := range open {
		c := s[k.typ]
		c.FN += n
		s[k.typ] = c
	}
}

// AddArticle scores the mentions of d against the gold article a over the
// same text. A predicted mention belongs to the gold sentence that contains
// its whole span; one that no gold sentence contains (site furniture, or a
// span across a gold sentence boundary) counts as a false positive.
// d.Mentions must be in text order, as Recognize leaves them.
func (s Scores) AddArticle(a gold.Article, d *doc.Doc) {
	ms := d.Mentions
	var in []doc.Mention
	for _, gs := range a.Sentences {
		in = in[:0]
		for ; len(ms) > 0 && ms[0].Start < gs.End; ms = ms[1:] {
			if ms[0].Start >= gs.Start && ms[0].End <= gs.End {
				in = append(in, ms[0])
			} else {
				s.AddSentence(nil, ms[:1])
			}
		}
		s.AddSentence(gs.Mentions, in)
	}
	s.AddSentence(nil, ms)
}

// Add adds the counts of o to s.
func (s Scores) Add(o Scores) {
	for t, c := range o {
		sc := s[t]
		sc.Add(c)
		s[t] = sc
	}
}

// Micro returns the counts summed over the given types, whose F1 is the
// micro-averaged F1; no types means all of doc.EntityTypes.
func (s Scores) Micro(types ...doc.EntityType) Counts {
	if len(types) == 0 {
		types = doc.EntityTypes
	}
	var sum Counts
	for _, t := range types {
		sum.Add(s[t])
	}
	return sum
}

// String formats s as a table of precision, recall, F1 and counts per
// type, then the micro average over all types.
func (s Scores) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-7s %6s %6s %6s %5s %5s %5s\n", "type", "P", "R", "F1", "TP", "FP", "FN")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-7s %6.3f %6.3f %6.3f %5d %5d %5d\n", name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	for _, t := range doc.EntityTypes {
		row(string(t), s[t])
	}
	row("micro", s.Micro())
	return b.String()
}
