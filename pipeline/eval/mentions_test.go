package eval

import (
	"math"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
)

func gm(typ doc.EntityType, text string) gold.Mention { return gold.Mention{Text: text, Type: typ} }
func pm(typ doc.EntityType, text string) doc.Mention  { return doc.Mention{Text: text, Type: typ} }

func TestAddSentence(t *testing.T) {
	tests := []struct {
		name string
		want []gold.Mention
		got  []doc.Mention
		res  map[doc.EntityType]Counts
	}{
		{"exact", []gold.Mention{gm(doc.Org, "Apple")}, []doc.Mention{pm(doc.Org, "Apple")},
			map[doc.EntityType]Counts{doc.Org: {TP: 1}}},
		{"wrong type counts twice", []gold.Mention{gm(doc.App, "WhatsApp")}, []doc.Mention{pm(doc.Org, "WhatsApp")},
			map[doc.EntityType]Counts{doc.App: {FN: 1}, doc.Org: {FP: 1}}},
		{"text must be exact", []gold.Mention{gm(doc.Person, "Amber Rudd")}, []doc.Mention{pm(doc.Person, "Home Secretary Amber Rudd")},
			map[doc.EntityType]Counts{doc.Person: {FP: 1, FN: 1}}},
		{"each gold matches once", []gold.Mention{gm(doc.Org, "FBI")}, []doc.Mention{pm(doc.Org, "FBI"), pm(doc.Org, "FBI")},
			map[doc.EntityType]Counts{doc.Org: {TP: 1, FP: 1}}},
		{"repeats match in any order", []gold.Mention{gm(doc.GPE, "UK"), gm(doc.Org, "EU"), gm(doc.GPE, "UK")},
			[]doc.Mention{pm(doc.GPE, "UK"), pm(doc.GPE, "UK"), pm(doc.Org, "EU")},
			map[doc.EntityType]Counts{doc.GPE: {TP: 2}, doc.Org: {TP: 1}}},
		{"nothing", nil, nil, map[doc.EntityType]Counts{}},
	}
	for _, tt := range tests {
		s := Scores{}
		s.AddSentence(tt.want, tt.got)
		for _, typ := range doc.EntityTypes {
			if s[typ] != tt.res[typ] {
				t.Errorf("%s: %s counts = %+v, want %+v", tt.name, typ, s[typ], tt.res[typ])
			}
		}
	}
}

func TestAddArticleAssignsMentionsToSentences(t *testing.T) {
	text := "Menu Apple. Apple sued the FBI. Share on X"
	a := gold.Article{Sentences: []gold.Sentence{
		{Span: doc.Span{Start: 12, End: 31}, Mentions: []gold.Mention{gm(doc.Org, "Apple"), gm(doc.Org, "FBI")}},
	}}
	d := &doc.Doc{Article: doc.Article{Text: text}, Mentions: []doc.Mention{
		{Span: doc.Span{Start: 5, End: 10}, Text: "Apple", Type: doc.Org}, // furniture: FP
		{Span: doc.Span{Start: 12, End: 17}, Text: "Apple", Type: doc.Org},
		{Span: doc.Span{Start: 27, End: 30}, Text: "FBI", Type: doc.Org},
		{Span: doc.Span{Start: 27, End: 36}, Text: "FBI. Shar", Type: doc.Org}, // across the end: FP
		{Span: doc.Span{Start: 41, End: 42}, Text: "X", Type: doc.App},         // after: FP
	}}
	s := Scores{}
	s.AddArticle(a, d)
	if want := (Counts{TP: 2, FP: 2}); s[doc.Org] != want {
		t.Errorf("ORG counts = %+v, want %+v", s[doc.Org], want)
	}
	if want := (Counts{FP: 1}); s[doc.App] != want {
		t.Errorf("APP counts = %+v, want %+v", s[doc.App], want)
	}
}

func TestCountsRatios(t *testing.T) {
	c := Counts{TP: 6, FP: 2, FN: 4}
	for _, tt := range []struct {
		name      string
		got, want float64
	}{
		{"precision", c.Precision(), 0.75},
		{"recall", c.Recall(), 0.6},
		{"F1", c.F1(), 12.0 / 18},
		{"empty F1", Counts{}.F1(), 0},
	} {
		if math.Abs(tt.got-tt.want) > 1e-12 {
			t.Errorf("%s = %v, want %v", tt.name, tt.got, tt.want)
		}
	}
}

func TestMicroAndAdd(t *testing.T) {
	s := Scores{doc.Person: {TP: 1, FN: 1}, doc.GPE: {TP: 5, FP: 5}}
	s.Add(Scores{doc.Person: {TP: 2}, doc.App: {FP: 1}})
	if got, want := s.Micro(doc.Person, doc.Org, doc.App), (Counts{TP: 3, FP: 1, FN: 1}); got != want {
		t.Errorf("Micro(PERSON, ORG, APP) = %+v, want %+v", got, want)
	}
	if got, want := s.Micro(), (Counts{TP: 8, FP: 6, FN: 1}); got != want {
		t.Errorf("Micro() = %+v, want %+v", got, want)
	}
	out := s.String()
	for _, want := range []string{"PERSON   1.000  0.750  0.857     3     0     1", "micro"} {
		if !strings.Contains(out, want) {
			t.Errorf("String() =\n%s\nwant a line with %q", out, want)
		}
	}
}
