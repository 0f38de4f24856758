package aggregate_test

import (
	"fmt"

	"github.com/stancer/stancer/pipeline/aggregate"
	"github.com/stancer/stancer/pipeline/doc"
)

func ExampleAggregate() {
	rudd := &doc.Holder{Name: "Amber Rudd", Entity: 0}
	d := &doc.Doc{
		Sentences: []doc.Sentence{
			{Stance: doc.Stance{Label: doc.Against, Confidence: 0.9}, Holder: rudd},
			{Stance: doc.Stance{Label: doc.Against, Confidence: 0.8}, Holder: rudd},
			{Stance: doc.Stance{Label: doc.Favor, Confidence: 0.7}, Holder: &doc.Holder{Name: "critics", Entity: -1}},
			{Stance: doc.Stance{Label: doc.Neutral, Confidence: 0.95}},
		},
		Entities: []doc.Entity{{ID: 0, Name: "Amber Rudd"}, {ID: 1, Name: "WhatsApp"}},
	}
	aggregate.Aggregate(d)
	fmt.Printf("article: %s %.2f %+v\n", d.Stance.Label, d.Stance.Score, d.Stance.Counts)
	for _, e := range d.Entities {
		fmt.Printf("%s: %s %.2f over %d sentences\n", e.Name, e.Stance.Label, e.Stance.Score, e.Stance.Sentences)
	}
	// Output:
	// article: against -0.29 {Favor:1 Against:2 Neutral:1}
	// Amber Rudd: against -0.63 over 2 sentences
	// WhatsApp: neutral 0.00 over 0 sentences
}
