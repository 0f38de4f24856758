// Package prosebaseline is the prose v2 baseline of stancer eval: prose's
// own sentence segmenter and named-entity recognizer, as an eval.System.
//
// It is a package of its own so that only the programs that offer the
// baseline link prose: its dependencies cost several milliseconds of
// package initialization at every start of a program that does.
package prosebaseline

import (
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"

	"github.com/stancer/stancer/pipeline/doc"
)

// proseTypes maps prose's entity labels to ours; prose has no APP type.
var proseTypes = map[string]doc.EntityType{
	"PERSON":       doc.Person,
	"ORGANIZATION": doc.Org,
	"GPE":          doc.GPE,
}

// proseModel is prose's default model, loaded once: prose reloads it for
// every document unless it is passed in.
var proseModel = sync.OnceValues(func() (*prose.Model, error) {
	d, err := prose.NewDocument("")
	if err != nil {
		return nil, err
	}
	return d.Model, nil
})

// System analyses articles with prose v2 alone: its sentence
// segmenter and its named-entity recognizer with its default model (loaded
// once), entity labels mapped PERSON→PERSON, ORGANIZATION→ORG, GPE→GPE.
// prose reports entity texts without offsets; each is placed at its next
// occurrence in the text. Stance and holders are left unset (neutral).
type System struct{}

// Process analyses one article with prose.
func (System) Process(a doc.Article) *doc.Doc {
	d := &doc.Doc{Article: a}
	model, err := proseModel()
	if err != nil {
		d.Err = err
		return d
	}
	pd, err := prose.NewDocument(a.Text, prose.UsingModel(model))
	if err != nil {
		d.Err = err
		return d
	}
	cursor := 0
	for _, s := range pd.Sentences() {
		at := strings.Index(a.Text[cursor:], s.Text)
		if at < 0 {
			continue
		}
		d.Sentences = append(d.Sentences, doc.Sentence{
			Span:   doc.Span{Start: cursor + at, End: cursor + at + len(s.Text)},
			Stance: doc.Stance{Label: doc.Neutral},
		})
		cursor += at + len(s.Text)
	}
	cursor = 0
	for _, e := range pd.Entities() {
		typ, ok := proseTypes[e.Label]
		at := strings.Index(a.Text[cursor:], e.Text)
		if !ok || at < 0 {
			continue
		}
		start := cursor + at
		d.Mentions = append(d.Mentions, doc.Mention{
			Span: doc.Span{Start: start, End: start + len(e.Text)},
			Text: e.Text,
			Type: typ,
		})
		cursor = start + len(e.Text)
	}
	return d
}
