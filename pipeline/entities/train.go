package entities

import (
	"fmt"
	"io"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/stancer/stancer/models/ner"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/eval"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// TrainOptions configure Train and CrossValidate. The zero value means
// the model's defaults and no log.
type TrainOptions struct {
	// Model are the options of the model's training.
	Model ner.TrainOptions
	// Log, when not nil, receives a summary of how the gold mentions
	// aligned with token boundaries, with each mention that did not.
	Log io.Writer
}

// Train trains a recognizer on gold articles: each gold sentence is
// tokenized and tagged with tagger as the pipeline would, its tokens split
// into pieces as Recognize splits them, and each gold mention becomes the
// pieces it spans. A mention whose ends fall inside a piece cannot be
// learned and is left out (and logged).
func Train(arts []gold.Article, tagger tokenize.Tagger, opts TrainOptions) (*Recognizer, error) {
	docs := goldDocs(arts, tagger)
	return train(arts, docs, opts)
}

// train trains on the articles with their prepared docs.
func train(arts []gold.Article, docs []*doc.Doc, opts TrainOptions) (*Recognizer, error) {
	var sents []ner.Sentence
	var al alignment
	for i, a := range arts {
		sents = al.appendSentences(sents, a, docs[i])
	}
	if opts.Log != nil {
		al.report(opts.Log)
	}
	if opts.Model.Types == nil {
		opts.Model.Types = modelTypes()
	}
	m, err := ner.Train(sents, opts.Model)
	if err != nil {
		return nil, err
	}
	return newRecognizer(m)
}

// modelTypes returns the names of doc.EntityTypes, the model's types.
func modelTypes() []string {
	types := make([]string, len(doc.EntityTypes))
	for i, t := range doc.EntityTypes {
		types[i] = string(t)
	}
	return types
}

// goldDocs returns, per article, a doc whose sentences are the gold
// sentences, tokenized and tagged.
func goldDocs(arts []gold.Article, tagger tokenize.Tagger) []*doc.Doc {
	docs := make([]*doc.Doc, len(arts))
	for i, a := range arts {
		d := a.Doc()
		tokenize.Tokenize(d)
		tokenize.Tag(d, tagger)
		docs[i] = d
	}
	return docs
}

// alignment counts gold mentions and those whose ends are not token ends.
type alignment struct {
	mentions   int
	misaligned []string
}

// appendSentences appends the model's view of each sentence of d, the doc
// of gold article a, with the gold mentions as token ranges.
func (al *alignment) appendSentences(sents []ner.Sentence, a gold.Article, d *doc.Doc) []ner.Sentence {
	for i, gs := range a.Sentences {
		ps := appendPieces(nil, d.Text, d.Tokens[d.Sentences[i].Tokens.Start:d.Sentences[i].Tokens.End])
		s := ner.Sentence{Words: make([]string, len(ps)), Tags: make([]string, len(ps))}
		for j, p := range ps {
			s.Words[j], s.Tags[j] = p.Norm, p.Tag
		}
		for _, m := range gs.Mentions {
			al.mentions++
			start, end := pieceRange(ps, m.Span)
			if start < 0 {
				al.misaligned = append(al.misaligned, fmt.Sprintf("%s: %q in %q", a.ID, m.Text, gs.Text))
				continue
			}
			s.Mentions = append(s.Mentions, ner.Chunk{Start: start, End: end, Type: string(m.Type)})
		}
		sents = append(sents, s)
	}
	return sents
}

// pieceRange returns the range of pieces that span exactly sp, or -1, -1.
func pieceRange(ps []piece, sp doc.Span) (int, int) {
	start := -1
	for j, t := range ps {
		if t.Start == sp.Start {
			start = j
		}
		if start >= 0 && t.End == sp.End {
			return start, j + 1
		}
		if t.End >= sp.End {
			break
		}
	}
	return -1, -1
}

func (al *alignment) report(w io.Writer) {
	fmt.Fprintf(w, "%d of %d gold mentions align with token boundaries\n", al.mentions-len(al.misaligned), al.mentions)
	for _, m := range al.misaligned {
		fmt.Fprintf(w, "  not aligned: %s\n", m)
	}
}

// CrossValidate estimates how well a recognizer trained with opts
// generalizes: it splits the articles into k folds (article i goes to fold
// i mod k), trains on all folds but one, recognizes the entities of the
// held-out fold's gold sentences, and returns the scores summed over the k
// held-out folds (opts.Log is not used). Folds train concurrently; the
// result does not depend on their timing.
func CrossValidate(arts []gold.Article, tagger tokenize.Tagger, k int, opts TrainOptions) (eval.Scores, error) {
	if k < 2 || k > len(arts) {
		return nil, fmt.Errorf("cross-validation needs 2 to %d folds, not %d", len(arts), k)
	}
	docs := goldDocs(arts, tagger)
	folds := make([]eval.Scores, k)
	var g errgroup.Group
	g.SetLimit(runtime.NumCPU())
	for f := range k {
		g.Go(func() error {
			var trainArts, testArts []gold.Article
			var trainDocs, testDocs []*doc.Doc
			for i := range arts {
				if i%k == f {
					testArts, testDocs = append(testArts, arts[i]), append(testDocs, docs[i])
				} else {
					trainArts, trainDocs = append(trainArts, arts[i]), append(trainDocs, docs[i])
				}
			}
			r, err := train(trainArts, trainDocs, TrainOptions{Model: opts.Model})
			if err != nil {
				return fmt.Errorf("fold %d: %w", f, err)
			}
			folds[f] = eval.Scores{}
			for i, d := range testDocs {
				held := *d
				r.Recognize(&held)
				folds[f].AddArticle(testArts[i], &held)
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	total := eval.Scores{}
	for _, s := range folds {
		total.Add(s)
	}
	return total, nil
}
