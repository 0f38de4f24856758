package ner

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// toySentences returns a small training set made from templates: people
// and organizations in a few frames, with crude part-of-speech tags.
func toySentences() []Sentence {
	people := []string{"Alice Smith", "Bob Jones", "Carol White", "Dan Brown", "Erin Green", "Frank Moss"}
	orgs := []string{"Acme Corp", "Globex Inc.", "Initech Group", "Umbrella Group", "Hooli Corp", "Vandelay Industries"}
	frames := []string{
		"P said that O would appeal .",
		"O hired P last year .",
		"According to P , O is growing .",
		"P , who runs O , declined to comment .",
	}
	var sents []Sentence
	for i := range 24 {
		p, o, f := people[i%len(people)], orgs[(i/2)%len(orgs)], frames[i%len(frames)]
		sents = append(sents, fill(f, p, o))
	}
	return sents
}

// fill builds a sentence from a frame, putting the person name at P and
// the organization name at O.
func fill(frame, person, org string) Sentence {
	var s Sentence
	for _, w := range strings.Fields(frame) {
		name, typ := "", ""
		switch w {
		case "P":
			name, typ = person, "PERSON"
		case "O":
			name, typ = org, "ORG"
		}
		if typ == "" {
			s.Words = append(s.Words, w)
			s.Tags = append(s.Tags, "X")
			continue
		}
		start := len(s.Words)
		for _, n := range strings.Fields(name) {
			s.Words = append(s.Words, n)
			s.Tags = append(s.Tags, "NNP")
		}
		s.Mentions = append(s.Mentions, Chunk{start, len(s.Words), typ})
	}
	return s
}

// toyModel returns a model trained on toySentences, trained once.
var toyModel = sync.OnceValues(func() (*Model, error) {
	return Train(toySentences(), TrainOptions{Seed: 7})
})

func TestTrainLearnsToyData(t *testing.T) {
	m, err := toyModel()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Types(), []string{"ORG", "PERSON"}) {
		t.Errorf("types = %q", m.Types())
	}
	// New names and new pairs of known names in known frames.
	for _, s := range []Sentence{
		fill("P said that O would appeal .", "Gina Hart", "Stark Industries"),
		fill("O hired P last year .", "Hank Hill", "Globex Inc."),
		fill("According to P , O is growing .", "Frank Moss", "Initech Group"),
	} {
		if got := m.Label(s, nil); !slices.Equal(got, s.Mentions) {
			t.Errorf("Label(%q) = %v, want %v", s.Words, got, s.Mentions)
		}
	}
	if got := m.Label(Sentence{}, nil); got != nil {
		t.Errorf("Label of an empty sentence = %v", got)
	}
	// Missing tags are allowed.
	if got := m.Label(Sentence{Words: []string{"Alice", "Smith", "said"}}, nil); len(got) != 1 {
		t.Errorf("Label without tags = %v, want one mention", got)
	}
}

func TestTrainIsDeterministic(t *testing.T) {
	var files [2]bytes.Buffer
	for i := range files {
		m, err := Train(toySentences(), TrainOptions{Seed: 3, Epochs: 4})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := m.WriteTo(&files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Error("two trainings on the same input wrote different files")
	}
	other, err := Train(toySentences(), TrainOptions{Seed: 4, Epochs: 4})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := other.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(b.Bytes(), files[0].Bytes()) {
		t.Error("the seed does not change the visiting order")
	}
}

func TestTrainRejectsBadInput(t *testing.T) {
	bad := toySentences()
	bad[3].Mentions = append(bad[3].Mentions, Chunk{0, 99, "ORG"})
	if _, err := Train(bad, TrainOptions{}); err == nil || !strings.Contains(err.Error(), "training sentence 3") {
		t.Errorf("Train with a mention out of range: error = %v", err)
	}
	many := make([]string, MaxTypes+1)
	for i := range many {
		many[i] = fmt.Sprint("T", i)
	}
	if _, err := Train(toySentences(), TrainOptions{Types: many}); err == nil {
		t.Errorf("Train with %d types succeeded", len(many))
	}
	if _, err := Train([]Sentence{{Words: []string{"no", "names"}}}, TrainOptions{}); err == nil {
		t.Error("Train without any mention type succeeded")
	}
}

func TestMinCountDropsRareFeatures(t *testing.T) {
	all, err := Train(toySentences(), TrainOptions{Epochs: 3})
	if err != nil {
		t.Fatal(err)
	}
	common, err := Train(toySentences(), TrainOptions{Epochs: 3, MinCount: 5})
	if err != nil {
		t.Fatal(err)
	}
	if common.Features() >= all.Features() {
		t.Errorf("MinCount 5 kept %d features, no fewer than the %d of MinCount 1", common.Features(), all.Features())
	}
}
