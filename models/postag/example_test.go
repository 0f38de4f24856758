package postag_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/stancer/stancer/models/postag"
)

func ExampleTagger_Tag() {
	tagger, err := postag.Default()
	if err != nil {
		log.Fatal(err)
	}
	words := strings.Fields("Apple 's chief executive said on Tuesday that the company would n't sell phones .")
	tags := make([]string, len(words))
	tagger.Tag(words, tags)
	for i, w := range words {
		words[i] = w + "/" + tags[i]
	}
	fmt.Println(strings.Join(words, " "))
	// Output:
	// Apple/NNP 's/POS chief/JJ executive/NN said/VBD on/IN Tuesday/NNP that/IN the/DT company/NN would/MD n't/RB sell/VB phones/NNS ./.
}
