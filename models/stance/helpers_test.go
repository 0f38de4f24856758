package stance

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// newDoc returns a tokenized document whose sentences are the given ones,
// joined by spaces; a sentence "" starts a new paragraph instead.
func newDoc(id string, sentences ...string) *doc.Doc {
	var b strings.Builder
	var sents []doc.Sentence
	for _, s := range sentences {
		if s == "" {
			b.WriteString("\n\n")
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		start := b.Len()
		b.WriteString(s)
		sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: b.Len()}})
	}
	d := &doc.Doc{Article: doc.Article{ID: id, Text: b.String()}, Sentences: sents}
	tokenize.Tokenize(d)
	return d
}

// tinyCorpus returns n small labeled articles in which the words tell the
// label: privacy talk is favor, police talk against, dates neutral.
func tinyCorpus(n int) []Labeled {
	var data []Labeled
	for i := range n {
		d := newDoc(fmt.Sprintf("tiny-%d", i),
			fmt.Sprintf("Critics said backdoors would weaken privacy for everyone, group %d warned.", i),
			fmt.Sprintf("Police said they need lawful access to catch terrorists in case %d.", i),
			fmt.Sprintf("The hearing took place on day %d of the session.", i),
		)
		data = append(data, Labeled{Doc: d, Labels: []doc.Label{doc.Favor, doc.Against, doc.Neutral}})
	}
	return data
}

// tinyModel trains a model on tinyCorpus.
func tinyModel(t testing.TB) *Model {
	t.Helper()
	m, err := Train(tinyCorpus(10), DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	return m
}
