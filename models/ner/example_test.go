package ner_test

import (
	"fmt"

	"github.com/stancer/stancer/models/ner"
)

func Example() {
	// Train on two tiny sentences, then label a third.
	train := []ner.Sentence{
		{
			Words:    []string{"Alice", "Smith", "joined", "Acme", "Corp", "."},
			Tags:     []string{"NNP", "NNP", "VBD", "NNP", "NNP", "."},
			Mentions: []ner.Chunk{{Start: 0, End: 2, Type: "PERSON"}, {Start: 3, End: 5, Type: "ORG"}},
		},
		{
			Words:    []string{"Bob", "Jones", "left", "Globex", "."},
			Tags:     []string{"NNP", "NNP", "VBD", "NNP", "."},
			Mentions: []ner.Chunk{{Start: 0, End: 2, Type: "PERSON"}, {Start: 3, End: 4, Type: "ORG"}},
		},
	}
	m, err := ner.Train(train, ner.TrainOptions{})
	if err != nil {
		panic(err)
	}
	s := ner.Sentence{
		Words: []string{"Alice", "Smith", "left", "Acme", "Corp", "."},
		Tags:  []string{"NNP", "NNP", "VBD", "NNP", "NNP", "."},
	}
	for _, c := range m.Label(s, nil) {
		fmt.Println(c.Type, s.Words[c.Start:c.End])
	}
	// Output:
	// PERSON [Alice Smith]
	// ORG [Acme Corp]
}
