// Package pipeline analyses news articles: it finds the people,
// organizations, apps and places each one names and the stance of every
// sentence toward strong encryption.
//
// A Pipeline runs a fixed sequence of stages on each article:
//
//	clean -> segment -> tokenize/tag -> entities -> stance and holders -> aggregate
//
// Process runs them on one article; Run streams articles from a Source to a
// Sink, with each stage a set of concurrent workers joined to the next by a
// bounded channel, and delivers the results in input order.
package pipeline

import (
	"fmt"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/aggregate"
	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/entities"
	"github.com/stancer/stancer/pipeline/segment"
	"github.com/stancer/stancer/pipeline/stance"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// Version names this release of stancer in every output record.
const Version = "stancer 0.1.0"

// Options configure a Pipeline. The zero value is ready to use.
type Options struct {
	// Workers is the number of concurrent workers per stage in Run; values
	// below 1 mean runtime.NumCPU().
	Workers int
	// Recognizer finds named entities; nil means the embedded default model.
	Recognizer *entities.Recognizer
	// Classifier labels sentence stance; nil means the embedded default model.
	Classifier *stance.Classifier
}

// A Pipeline holds the loaded models. It is safe for concurrent use.
type Pipeline struct {
	workers    int
	tagger     *wordtag.Lexicon
	recognizer *entities.Recognizer
	classifier *stance.Classifier
	stages     []stage
}

// stage is one named step of the analysis, applied to a document in place.
type stage struct {
	name string
	run  func(*doc.Doc)
}

// New loads the built-in models that opts leaves unset, concurrently, and
// returns a Pipeline. Each built-in model is loaded by the first call of the
// process and shared by all Pipelines.
func New(opts Options) (*Pipeline, error) {
	p := &Pipeline{workers: opts.Workers, recognizer: opts.Recognizer, classifier: opts.Classifier}
	if p.workers < 1 {
		p.workers = runtime.NumCPU()
	}
	var g errgroup.Group
	g.Go(func() error { return load(&p.tagger, wordtag.Default, "part-of-speech") })
	if p.recognizer == nil {
		g.Go(func() error { return load(&p.recognizer, entities.Default, "entity") })
	}
	if p.classifier == nil {
		g.Go(func() error { return load(&p.classifier, stance.Default, "stance") })
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	p.stages = []stage{
		{"clean", clean.Clean},
		{"segment", segment.Segment},
		{"tokenize", func(d *doc.Doc) { tokenize.Tokenize(d); tokenize.Tag(d, p.tagger) }},
		{"entities", p.recognizer.Recognize},
		{"stance", p.classifier.Classify},
		{"aggregate", aggregate.Aggregate},
	}
	return p, nil
}

// load sets *m to the model that def returns, or fails saying which kind of
// model did not load.
func load[M any](m *M, def func() (M, error), kind string) error {
	v, err := def()
	if err != nil {
		return fmt.Errorf("loading the %s model: %w", kind, err)
	}
	*m = v
	return nil
}

// Model describes the loaded models, for the "model" field of output records.
func (p *Pipeline) Model() string {
	return p.recognizer.Name() + "+" + p.classifier.Name()
}

// Analyze runs every stage on d in place. A document whose Err is set is
// left alone. A stage that panics (a bug, never expected) fails only this
// document: d.Err says which stage and why, and the run can go on.
func (p *Pipeline) Analyze(d *doc.Doc) {
	for _, s := range p.stages {
		s.apply(d)
	}
}

// Process analyses one article and returns the resulting document.
func (p *Pipeline) Process(a doc.Article) *doc.Doc {
	d := &doc.Doc{Article: a}
	p.Analyze(d)
	return d
}

// apply runs the stage on d unless d has failed, turning a panic into d.Err.
func (s stage) apply(d *doc.Doc) {
	if d.Err != nil {
		return
	}
	defer func() {
		if r := recover(); r != nil {
			d.Err = fmt.Errorf("internal error in the %s stage: %v", s.name, r)
		}
	}()
	s.run(d)
}
