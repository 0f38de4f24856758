package bench_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"

	"github.com/stancer/stancer/pipeline/bench"
	"github.com/stancer/stancer/pipeline/doc"
)

// Generating a small corpus from two articles: every article takes a
// headline, a source, a date and runs of paragraphs from the pool.
func ExamplePool_Generate() {
	title, source := "Police want a key to your phone", "Northgate Herald"
	pool, err := bench.NewPool([]doc.Article{
		{Title: &title, Source: &source, Text: "Police want a key to your phone\n\nThe chief said locked phones hide evidence.\n\nCritics disagreed."},
		{Text: "Apps add encryption\n\nMore chat apps now encrypt every message.\n\nAdvertisement"},
	})
	if err != nil {
		log.Fatal(err)
	}
	var corpus bytes.Buffer
	stats, err := pool.Generate(&corpus, 300, 42)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d articles, %d bytes\n", stats.Articles, stats.Bytes)
	for line := range bytes.Lines(corpus.Bytes()) {
		var a struct{ ID, Date, Title string }
		if err := json.Unmarshal(line, &a); err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.ID, a.Date, a.Title)
	}
	// Output:
	// 2 articles, 500 bytes
	// bench-42-0000000 2021-08-01 Police want a key to your phone
	// bench-42-0000001 2004-04-18 Apps add encryption
}
