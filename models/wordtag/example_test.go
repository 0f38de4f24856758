package wordtag_test

import (
	"fmt"

	"github.com/stancer/stancer/models/wordtag"
)

func ExampleLexicon_Tag() {
	l, err := wordtag.Default()
	if err != nil {
		panic(err)
	}
	words := []string{"The", "minister", "said", "companies", "must", "not", "hide", "messages", "."}
	tags := make([]string, len(words))
	l.Tag(words, tags)
	fmt.Println(tags)
	// Output:
	// [DT NN VBD NNS MD RB VB NNS .]
}
