// Package output turns analysed articles into the JSON Lines records of the
// stancer output contract (schema v1). The machine-readable JSON Schema of
// that contract, and a validator of records, are in package schema
// (pipeline/output/schema).
//
// Every record is one line of JSON. Its fields come in the order of the
// contract; lists are [] rather than null when empty; the start and end of
// sentences and mentions are half-open offsets into the article text counted
// in Unicode code points, while package doc counts bytes. Scores and
// confidences are rounded to 3 decimals, and a NaN or infinite one is written
// as 0, since JSON has no representation for them.
//
// Records are built by an append-style encoder that reuses its buffers, so
// the steady state allocates nothing per article.
package output

import "fmt"

// Emit selects which records are written for each article.
type Emit string

// The record kinds of the output contract.
const (
	// Articles emits one record per article (the default).
	Articles Emit = "articles"
	// Sentences emits one record per sentence: the sentence object of the
	// article record with an "article_id" field first.
	Sentences Emit = "sentences"
	// Entities emits one record per entity of an article: the entity object
	// of the article record with an "article_id" field first.
	Entities Emit = "entities"
)

// ParseEmit returns the Emit named by s; the empty string means Articles.
func ParseEmit(s string) (Emit, error) {
	switch e := Emit(s); e {
	case "":
		return Articles, nil
	case Articles, Sentences, Entities:
		return e, nil
	}
	return "", fmt.Errorf("output: unknown record kind %q (want articles, sentences or entities)", s)
}

// Meta is what every article record carries in "meta" besides the token
// count.
type Meta struct {
	// Version names the program that wrote the record ("stancer 0.1.0").
	Version string
	// Model names the models that produced the analysis.
	Model string
}
