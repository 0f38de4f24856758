package clean_test

import (
	"fmt"

	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
)

func ExampleClean() {
	d := &doc.Doc{Article: doc.Article{Text: "Police want a backdoor.\n\n[adrotate banner=\"9\"]\n\nCritics say no.\n\nShare | Print | Email"}}
	clean.Clean(d)
	for _, s := range d.Skip {
		fmt.Printf("%q\n", d.Text[s.Start:s.End])
	}
	// Output:
	// "[adrotate banner=\"9\"]"
	// "Share | Print | Email"
}

func ExampleNormalize() {
	fmt.Printf("%q\n", clean.Normalize("end\u00a0to\u00a0end encryp\u00adtion"))
	// Output:
	// "end to end encryption"
}
