package pipeline

import (
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// benchStages returns the stages of p as BenchmarkStages times them: those
// of New, with tokenizing and tagging apart. TestBenchStages checks that
// they add up to Analyze.
func benchStages(p *Pipeline) []stage {
	var stages []stage
	for _, s := range p.stages {
		if s.name == "tokenize" {
			stages = append(stages,
				stage{"tokenize", tokenize.Tokenize},
				stage{"tag", func(d *doc.Doc) { tokenize.Tag(d, p.tagger) }})
			continue
		}
		stages = append(stages, s)
	}
	return stages
}

// benchSetup returns a Pipeline with the built-in models and the articles
// of the training gold file, the fixed material of the benchmarks.
func benchSetup(tb testing.TB) (*Pipeline, []doc.Article) {
	tb.Helper()
	p, err := New(Options{Workers: 1})
	if err != nil {
		tb.Fatal(err)
	}
	arts, err := gold.ReadFile(filepath.Join("..", "testdata", "gold", "train.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	as := make([]doc.Article, len(arts))
	for i, a := range arts {
		as[i] = a.Article
	}
	return p, as
}

// cloneDoc returns a copy of d whose slices a stage may change without
// changing d's.
func cloneDoc(d *doc.Doc) *doc.Doc {
	c := *d
	c.Warnings = slices.Clone(d.Warnings)
	c.Skip = slices.Clone(d.Skip)
	c.Sentences = slices.Clone(d.Sentences)
	c.Tokens = slices.Clone(d.Tokens)
	c.Mentions = slices.Clone(d.Mentions)
	c.Entities = slices.Clone(d.Entities)
	return &c
}

func TestBenchStages(t *testing.T) {
	p, arts := benchSetup(t)
	stages := benchStages(p)
	for i := 0; i < len(arts); i += 40 { // a few, for a fast test
		a := arts[i]
		got := &doc.Doc{Article: a}
		for _, s := range stages {
			s.apply(got)
		}
		if want := p.Process(a); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: the benchmarked stages in turn differ from Analyze: update benchStages to match New", a.ID)
		}
	}
}

// BenchmarkStages times each stage of the pipeline, then the whole of
// Analyze, then the encoding of the article records, over the articles of
// the training gold file. Each stage starts from the documents as the
// stages before it left them. Every sub-benchmark counts the bytes of the
// article texts (MB/s) and the tokens the pipeline finds in them
// (tokens/s), so that the stages compare directly.
func BenchmarkStages(b *testing.B) {
	p, arts := benchSetup(b)
	stages := benchStages(p)
	// before[i] holds the documents as stage i receives them; the last
	// holds them analysed.
	before := make([][]*doc.Doc, len(stages)+1)
	for _, a := range arts {
		before[0] = append(before[0], &doc.Doc{Article: a})
	}
	for i, s := range stages {
		for _, d := range before[i] {
			d = cloneDoc(d)
			s.apply(d)
			before[i+1] = append(before[i+1], d)
		}
	}
	var size, tokens int
	for _, d := range before[len(stages)] {
		size += len(d.Text)
		tokens += len(d.Tokens)
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	}
	bench := func(name string, docs []*doc.Doc, f func(*doc.Doc)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			work := make([]*doc.Doc, len(docs))
			for b.Loop() {
				b.StopTimer()
				for i, d := range docs {
					work[i] = cloneDoc(d)
				}
				b.StartTimer()
				for _, d := range work {
					f(d)
				}
			}
			report(b)
		})
	}
	for i, s := range stages {
		bench(s.name, before[i], s.apply)
	}
	bench("Analyze", before[0], p.Analyze)

	b.Run("encode", func(b *testing.B) {
		enc := output.NewEncoder(output.Articles, output.Meta{Version: Version, Model: p.Model()})
		var buf []byte
		b.SetBytes(int64(size))
		for b.Loop() {
			for _, d := range before[len(stages)] {
				if d.Err != nil {
					continue // goes to the error report, not encoded
				}
				var err error
				if buf, err = enc.Append(buf[:0], d); err != nil {
					b.Fatalf("%s: %v", d.ID, err)
				}
			}
		}
		report(b)
	})
}
