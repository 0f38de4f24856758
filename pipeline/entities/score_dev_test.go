package entities

import (
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/eval"
)

// devFloor is the F1 the embedded model reached on dev.jsonl when it was
// trained, per type and micro-averaged over PERSON, ORG and APP, rounded
// down to the percent; the test fails if a change makes any of them drop.
var devFloor = map[string]float64{
	"PERSON": 0.99, "ORG": 0.94, "APP": 0.86, "GPE": 0.97, "micro": 0.95,
}

// TestDevScores scores the embedded model on the development set, with the
// gold sentences as segmentation, and logs the table.
func TestDevScores(t *testing.T) {
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	arts := readGold(t, "dev")
	s := eval.Scores{}
	for i, d := range goldDocs(arts, tagger(t)) {
		r.Recognize(d)
		s.AddArticle(arts[i], d)
	}
	micro := s.Micro(doc.Person, doc.Org, doc.App)
	t.Logf("dev scores (%s):\n%smicro F1 over PERSON, ORG, APP: %.3f", r.Name(), s, micro.F1())
	for _, typ := range doc.EntityTypes {
		if f := s[typ].F1(); f < devFloor[string(typ)] {
			t.Errorf("dev F1 of %s = %.3f, below %.2f", typ, f, devFloor[string(typ)])
		}
	}
	if micro.F1() < devFloor["micro"] {
		t.Errorf("dev micro F1 = %.3f, below %.2f", micro.F1(), devFloor["micro"])
	}
}
