package stance

import (
	"strings"
	"testing"

	model "github.com/stancer/stancer/models/stance"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// docOf returns a tokenized document of the given paragraphs, each a list
// of sentences: sentences are joined by a space, paragraphs by a blank
// line, and each sentence is one doc.Sentence.
func docOf(paragraphs ...[]string) *doc.Doc {
	var b strings.Builder
	var sents []doc.Sentence
	for p, para := range paragraphs {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for i, s := range para {
			if i > 0 {
				b.WriteString(" ")
			}
			start := b.Len()
			b.WriteString(s)
			sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: b.Len()}})
		}
	}
	d := &doc.Doc{Article: doc.Article{ID: "test", Text: b.String()}, Sentences: sents}
	tokenize.Tokenize(d)
	return d
}

// mustLabeled returns labeled(arts), failing tb on an error.
func mustLabeled(tb testing.TB, arts []gold.Article) []model.Labeled {
	tb.Helper()
	data, err := labeled(arts)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// mustEvaluate returns Evaluate(c, arts), failing tb on an error.
func mustEvaluate(tb testing.TB, c *Classifier, arts []gold.Article) *Evaluation {
	tb.Helper()
	e, err := Evaluate(c, arts)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}
