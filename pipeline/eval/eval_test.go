package eval

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
)

const goldLine = `{"id":"t1","title":"T","url":null,"date":null,"source":null,` +
	`"text":"Rudd wants WhatsApp open. Apple said no. It rained.",` +
	`"sentences":[` +
	`{"text":"Rudd wants WhatsApp open.","stance":"against","holder":"Rudd","entities":[{"text":"Rudd","type":"PERSON"},{"text":"WhatsApp","type":"APP"}]},` +
	`{"text":"Apple said no.","stance":"favor","holder":"Apple","entities":[{"text":"Apple","type":"ORG"}]},` +
	`{"text":"It rained.","stance":"neutral","holder":null,"entities":[]}]}`

// fixed is a System that returns a prepared document.
type fixed struct{ d *doc.Doc }

func (f fixed) Process(a doc.Article) *doc.Doc { f.d.Article = a; return f.d }

func mention(text, s, typ string, from int) doc.Mention {
	at := strings.Index(text[from:], s) + from
	return doc.Mention{Span: doc.Span{Start: at, End: at + len(s)}, Text: s, Type: doc.EntityType(typ)}
}

func TestEvaluateCountsEachKindOfError(t *testing.T) {
	arts, err := gold.Read(strings.NewReader(goldLine))
	if err != nil {
		t.Fatal(err)
	}
	text := arts[0].Text
	d := &doc.Doc{
		// One sentence boundary wrong: the last two are merged.
		Sentences: []doc.Sentence{
			{Span: doc.Span{Start: 0, End: 25}, Stance: doc.Stance{Label: doc.Against}, Holder: &doc.Holder{Name: "Rudd", Entity: 0}},
			{Span: doc.Span{Start: 26, End: len(text)}, Stance: doc.Stance{Label: doc.Neutral}},
		},
		Mentions: []doc.Mention{
			mention(text, "Rudd", "PERSON", 0),   // right
			mention(text, "WhatsApp", "ORG", 0),  // wrong type: FP for ORG, FN for APP
			mention(text, "Apple", "ORG", 0),     // right
			mention(text, "It rained", "GPE", 0), // spurious
		},
	}
	r := Evaluate("test", fixed{d}, arts)
	want := map[doc.EntityType]Counts{
		doc.Person: {TP: 1}, doc.Org: {TP: 1, FP: 1}, doc.App: {FN: 1}, doc.GPE: {FP: 1},
	}
	for typ, c := range want {
		if r.Entities[typ] != c {
			t.Errorf("%s counts = %+v, want %+v", typ, r.Entities[typ], c)
		}
	}
	if got := r.Entities.Micro(MicroTypes...); got != (Counts{TP: 2, FP: 1, FN: 1}) {
		t.Errorf("micro = %+v", got)
	}
	if r.Sentences != (Counts{TP: 1, FP: 1, FN: 2}) {
		t.Errorf("sentences = %+v", r.Sentences)
	}
	// Gold favor "Apple said no." overlaps the merged neutral sentence most.
	wantConf := [3][3]int{{0, 0, 1}, {0, 1, 0}, {0, 0, 1}}
	if r.Confusion != wantConf {
		t.Errorf("confusion = %v, want %v", r.Confusion, wantConf)
	}
	if r.HolderRight != 1 || r.HolderTotal != 2 {
		t.Errorf("holders = %d/%d, want 1/2", r.HolderRight, r.HolderTotal)
	}
	if got := r.StanceAccuracy(); got != 2.0/3 {
		t.Errorf("accuracy = %v", got)
	}
	// favor F1 0, against F1 1, neutral: TP 1, FP 1 -> 2/3.
	if got, want := r.MacroF1(), (0+1+2.0/3)/3; math.Abs(got-want) > 1e-12 {
		t.Errorf("macro-F1 = %v, want %v", got, want)
	}
	if got := r.FAvg(); got != 0.5 {
		t.Errorf("F_avg = %v, want 0.5", got)
	}
}

func TestCountsEdgeCases(t *testing.T) {
	var zero Counts
	if zero.Precision() != 0 || zero.Recall() != 0 || zero.F1() != 0 {
		t.Error("empty counts must score 0, not NaN")
	}
	c := Counts{TP: 3, FP: 1, FN: 2}
	if c.Precision() != 0.75 || c.Recall() != 0.6 || c.F1() != 6.0/9 {
		t.Errorf("P/R/F1 = %v %v %v", c.Precision(), c.Recall(), c.F1())
	}
}

func TestWriters(t *testing.T) {
	arts, err := gold.Read(strings.NewReader(goldLine))
	if err != nil {
		t.Fatal(err)
	}
	r := Evaluate("empty", fixed{&doc.Doc{}}, arts)
	var table, js bytes.Buffer
	if err := WriteTable(&table, r, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"micro PERSON/ORG/APP", "stance macro-F1", "holder accuracy", "empty stance confusion"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
	if err := WriteJSON(&js, r); err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(js.Bytes(), &back); err != nil || len(back) != 1 {
		t.Fatalf("JSON output does not decode: %v\n%s", err, js.String())
	}
	if got := back[0]["entities"].(map[string]any)["APP"].(map[string]any)["fn"]; got != 1.0 {
		t.Errorf("APP fn = %v, want 1", got)
	}
}
