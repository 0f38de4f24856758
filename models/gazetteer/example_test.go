package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/stancer/stancer/models/gazetteer"
)

func ExampleGazetteer_Match() {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("She left the Home Office for LONDON")
	out := make([]uint64, len(words))
	g.Match(words, true, out)
	orgs, places := g.Lookup("orgs"), g.Lookup("places")
	for i, w := range words {
		switch {
		case out[i]&gazetteer.Bit(orgs, gazetteer.Begin) != 0:
			fmt.Println(w, "begins an organization")
		case out[i]&gazetteer.Bit(orgs, gazetteer.Last) != 0:
			fmt.Println(w, "ends an organization")
		case out[i]&gazetteer.Bit(places, gazetteer.Unit) != 0:
			fmt.Println(w, "is a place")
		}
	}
	// Output:
	// Home begins an organization
	// Office ends an organization
	// LONDON is a place
}
