package entities_test

import (
	"fmt"

	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/entities"
	"github.com/stancer/stancer/pipeline/segment"
	"github.com/stancer/stancer/pipeline/tokenize"
)

func ExampleRecognizer_Recognize() {
	tagger, err := wordtag.Default()
	if err != nil {
		panic(err)
	}
	r, err := entities.Default()
	if err != nil {
		panic(err)
	}
	d := &doc.Doc{Article: doc.Article{Text: "Home Secretary Amber Rudd told the BBC that " +
		"WhatsApp must not offer terrorists a place to hide. Rudd spoke in London."}}
	clean.Clean(d)
	segment.Segment(d)
	tokenize.Tokenize(d)
	tokenize.Tag(d, tagger)
	r.Recognize(d)
	for _, e := range d.Entities {
		fmt.Println(e.Name, e.Type, e.Count, e.Aliases)
	}
	// Output:
	// Amber Rudd PERSON 2 [Amber Rudd Rudd]
	// BBC ORG 1 [BBC]
	// WhatsApp ORG 1 [WhatsApp]
	// London GPE 1 [London]
}
