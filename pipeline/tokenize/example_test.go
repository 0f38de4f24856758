package tokenize_test

import (
	"fmt"

	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/tokenize"
)

func ExampleSplit() {
	text := "Apple’s chief can’t unlock the U.S. phone—yet."
	for _, tok := range tokenize.Split(text, doc.Span{Start: 0, End: len(text)}) {
		fmt.Printf("%s|", text[tok.Start:tok.End])
	}
	fmt.Println()
	// Output:
	// Apple|’s|chief|ca|n’t|unlock|the|U.S.|phone|—|yet|.|
}

func ExampleTag() {
	tagger, err := wordtag.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	d := &doc.Doc{Article: doc.Article{Text: "Critics say the FBI wants a backdoor."}}
	d.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(d.Text)}}}
	tokenize.Tokenize(d)
	tokenize.Tag(d, tagger)
	for _, tok := range d.Tokens {
		fmt.Printf("%s/%s ", tok.Norm, tok.Tag)
	}
	fmt.Println()
	// Output:
	// Critics/NNS say/VBP the/DT FBI/NNP wants/VBZ a/DT backdoor/NN ./.
}
