package tokenize_test

import (
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/segment"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// goldDocs returns the articles of the training gold file cleaned and
// segmented, as Tokenize receives them, and their number of bytes.
func goldDocs(b *testing.B) (docs []*doc.Doc, size int) {
	b.Helper()
	arts, err := gold.ReadFile(filepath.Join("..", "..", "testdata", "gold", "train.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range arts {
		d := &doc.Doc{Article: a.Article}
		clean.Clean(d)
		segment.Segment(d)
		docs = append(docs, d)
		size += len(d.Text)
	}
	return docs, size
}

// BenchmarkTokenizeGold tokenizes the training gold articles, each into a
// new array of tokens as in the pipeline.
func BenchmarkTokenizeGold(b *testing.B) {
	docs, size := goldDocs(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			d.Tokens = nil
			tokenize.Tokenize(d)
		}
	}
}

// BenchmarkTagGold tags the tokens of the training gold articles with the
// built-in tagger.
func BenchmarkTagGold(b *testing.B) {
	docs, size := goldDocs(b)
	tg, err := wordtag.Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, d := range docs {
		tokenize.Tokenize(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			tokenize.Tag(d, tg)
		}
	}
}
