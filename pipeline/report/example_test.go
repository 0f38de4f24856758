package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/stancer/stancer/pipeline/report"
	"github.com/stancer/stancer/pipeline/summary"
)

// A Builder takes article records one at a time and writes one HTML page.
func ExampleBuilder() {
	b := report.NewBuilder()
	for _, line := range []string{
		`{"id":"a1","url":"https://example.org/a1","date":"2017-03-27","source":"Wired",
		  "entities":[{"id":0,"name":"Amber Rudd","type":"PERSON"}],
		  "sentences":[{"text":"Rudd wants access to encrypted messages.","stance":{"label":"against","score":-0.6},
		                "holder":{"name":"Amber Rudd","entity":0},"mentions":[{"entity":0}]}]}`,
		`{"id":"a2","date":"2017-04-02","source":"Wired",
		  "sentences":[{"text":"Encryption keeps us safe.","stance":{"label":"favor","score":0.7},
		                "holder":{"name":"author","entity":null}}]}`,
	} {
		var r summary.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			panic(err)
		}
		b.Add(&r)
	}
	var page bytes.Buffer
	if err := b.WriteHTML(&page, report.Options{Title: "Two articles"}); err != nil {
		panic(err)
	}
	html := page.String()
	fmt.Println(strings.Contains(html, "<title>Two articles</title>"))
	// No entity is in a favor sentence, so that chart is left out.
	fmt.Println(strings.Count(html, "<svg "), "charts")
	fmt.Println(strings.Count(html, "<table>"), "data tables")
	// Output:
	// true
	// 3 charts
	// 3 data tables
}
