package entities

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/segment"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// analyze runs the stages before entities on text, then Recognize.
func analyze(t *testing.T, r *Recognizer, text string) *doc.Doc {
	t.Helper()
	d := &doc.Doc{Article: doc.Article{Text: text}}
	clean.Clean(d)
	segment.Segment(d)
	tokenize.Tokenize(d)
	tokenize.Tag(d, tagger(t))
	r.Recognize(d)
	return d
}

func defaultRecognizer(t *testing.T) *Recognizer {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRecognize runs the embedded model on sentences written for this test
// (none is from the gold data) and checks every mention, as "TYPE:text".
func TestRecognize(t *testing.T) {
	r := defaultRecognizer(t)
	tests := []struct {
		name, text string
		want       []string
	}{
		{"titles are not part of names",
			"Home Secretary Amber Rudd met FBI Director Christopher Wray in London on Tuesday.",
			[]string{"PERSON:Amber Rudd", "ORG:FBI", "PERSON:Christopher Wray", "GPE:London"}},
		{"possessives",
			"Apple's lawyers said Google's plan would hurt Microsoft's customers.",
			[]string{"ORG:Apple", "ORG:Google", "ORG:Microsoft"}},
		{"acronym after its long form",
			"The Electronic Frontier Foundation (EFF) warned that the bill would break encryption.",
			[]string{"ORG:Electronic Frontier Foundation", "ORG:EFF"}},
		{"demonyms are not entities",
			"British ministers and American officials met French and German diplomats.",
			nil},
		{"dateline in capitals",
			"BERLIN — German police arrested three men on Monday, prosecutors said.",
			[]string{"GPE:BERLIN"}},
		{"non-ASCII names",
			"The report was written by Thomas Müller and Siobhán Kelly of Amnesty International.",
			[]string{"PERSON:Thomas Müller", "PERSON:Siobhán Kelly", "ORG:Amnesty International"}},
		{"X as an app",
			"Elon Musk posted the message on X on Sunday night.",
			[]string{"PERSON:Elon Musk", "APP:X"}},
		{"WhatsApp the app",
			"Millions of people in Brazil use WhatsApp to message their families.",
			[]string{"GPE:Brazil", "APP:WhatsApp"}},
		{"WhatsApp the company",
			"WhatsApp said it would rather leave the UK than weaken its encryption.",
			[]string{"ORG:WhatsApp", "GPE:UK"}},
		{"apps and operating systems",
			"The update reaches iMessage, FaceTime and iCloud on iOS and Android phones.",
			[]string{"APP:iMessage", "APP:FaceTime", "APP:iCloud", "APP:iOS", "APP:Android"}},
	}
	for _, tt := range tests {
		d := analyze(t, r, tt.text)
		var got []string
		for _, m := range d.Mentions {
			if d.Text[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %q spans %q", tt.name, m.Text, d.Text[m.Start:m.End])
			}
			got = append(got, string(m.Type)+":"+m.Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q\nmentions = %q\nwant       %q", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestRecognizeLinksAcrossSentences checks the entities of a short article.
func TestRecognizeLinksAcrossSentences(t *testing.T) {
	r := defaultRecognizer(t)
	d := analyze(t, r, "Senator Maria Lindqvist criticised the plan on Monday. "+
		"The Electronic Frontier Foundation (EFF) agreed with her. "+
		"Lindqvist said the EFF was right, and that Apple's engineers were too.")
	var got []string
	for _, e := range d.Entities {
		got = append(got, entityString(e))
	}
	want := []string{
		`Maria Lindqvist/PERSON/2["Maria Lindqvist" "Lindqvist"]`,
		`Electronic Frontier Foundation/ORG/3["Electronic Frontier Foundation" "EFF"]`,
		`Apple/ORG/1["Apple"]`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("entities =\n%q\nwant\n%q", got, want)
	}
	for i, m := range d.Mentions {
		if i > 0 && m.Start < d.Mentions[i-1].End {
			t.Errorf("mentions %d and %d overlap or are out of order", i-1, i)
		}
		if s := d.Sentences[m.Sentence]; m.Start < s.Start || m.End > s.End {
			t.Errorf("mention %q is not inside its sentence %d", m.Text, m.Sentence)
		}
	}
}

func TestRecognizeEmptyDoc(t *testing.T) {
	r := defaultRecognizer(t)
	d := &doc.Doc{Mentions: []doc.Mention{{Text: "stale"}}}
	r.Recognize(d)
	if len(d.Mentions) != 0 || len(d.Entities) != 0 {
		t.Errorf("empty doc: mentions %v, entities %v", d.Mentions, d.Entities)
	}
}

func TestLoadAndName(t *testing.T) {
	r := defaultRecognizer(t)
	file, err := os.ReadFile(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Load(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if again.Name() != r.Name() || !strings.HasPrefix(r.Name(), "ner-ap-") || len(r.Name()) != len("ner-ap-")+12 {
		t.Errorf("names %q and %q, want equal ner-ap-<12 hex digits>", r.Name(), again.Name())
	}
	if _, err := Load(strings.NewReader("not a model")); err == nil || !strings.Contains(err.Error(), "entity model") {
		t.Errorf("Load of garbage: error = %v", err)
	}
}
