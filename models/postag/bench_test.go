package postag

import (
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// benchSentences is how many treebank sentences the benchmarks tag.
const benchSentences = 400

// benchText returns the texts of the first treebank sentences and prose's
// tokens of each.
func benchText(b *testing.B) (texts []string, words [][]string, n int) {
	sents := treebank(b)
	for _, s := range sents[:min(len(sents), benchSentences)] {
		text := strings.Join(s.words, " ")
		w, _ := proseTag(b, text)
		texts = append(texts, text)
		words = append(words, w)
		n += len(w)
	}
	return texts, words, n
}

func reportTokens(b *testing.B, n int) {
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTag tags prose's tokens of the benchmark sentences, one sentence
// per call.
func BenchmarkTag(b *testing.B) {
	_, words, n := benchText(b)
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	tags := make([]string, 1024)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			tg.Tag(w, tags[:len(w)])
		}
	}
	reportTokens(b, n)
}

// BenchmarkProseTag tokenizes and tags the benchmark sentences with prose,
// its model loaded once. Compare BenchmarkProseTokenize for the share of
// tokenizing.
func BenchmarkProseTag(b *testing.B) {
	benchProse(b, prose.WithTagging(true))
}

// BenchmarkProseTokenize only tokenizes the benchmark sentences with prose.
func BenchmarkProseTokenize(b *testing.B) {
	benchProse(b, prose.WithTagging(false))
}

func benchProse(b *testing.B, tagging prose.DocOpt) {
	texts, _, n := benchText(b)
	m, err := proseDocModel()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range texts {
			_, err := prose.NewDocument(text, prose.UsingModel(m), tagging,
				prose.WithSegmentation(false), prose.WithExtraction(false))
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	reportTokens(b, n)
}

// BenchmarkLoad measures decoding the embedded model file, which Default
// does once.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := decode(modelFile); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerate measures converting prose's model into the model file,
// which TestModelFile does.
func BenchmarkGenerate(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := generateModelFile(); err != nil {
			b.Fatal(err)
		}
	}
}
