package segment_test

import (
	"fmt"

	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/segment"
)

func ExampleSplit() {
	text := "Apple to fight order\nBy Jane Doe\n\nCUPERTINO, Calif. — Apple Inc. said Mr. Cook would appeal. \"It is wrong.\" The U.S. Justice Department declined to comment."
	for _, s := range segment.Split(text) {
		fmt.Printf("%q\n", text[s.Start:s.End])
	}
	// Output:
	// "Apple to fight order"
	// "By Jane Doe"
	// "CUPERTINO, Calif. — Apple Inc. said Mr. Cook would appeal."
	// "\"It is wrong.\""
	// "The U.S. Justice Department declined to comment."
}

func ExampleSegment() {
	d := &doc.Doc{Article: doc.Article{Text: "Police want a backdoor.\n\nAdvertisement\n\nCritics say no. They cite leaks.\nRead more: Why keys leak"}}
	clean.Clean(d)
	segment.Segment(d)
	for _, s := range d.Sentences {
		fmt.Printf("%q\n", d.Text[s.Start:s.End])
	}
	// Output:
	// "Police want a backdoor."
	// "Critics say no."
	// "They cite leaks."
}
