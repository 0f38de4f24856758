package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/stancer/stancer/pipeline"
	"github.com/stancer/stancer/pipeline/eval"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/stance"
)

// evalHelp is the help of the eval command.
const evalHelp = `Usage: stancer eval --gold FILE [flags]

Measure stancer against labeled articles: run the pipeline on the text of
every article of FILE (the annotation format: one JSON object per line with
"text" and its annotated "sentences") and compare what it finds with the
labels.

Scores:
  PERSON, ORG, APP, GPE   mention precision, recall and F1; a predicted
                          mention is right when its type and text equal
                          those of a gold mention in the same gold sentence
  micro PERSON/ORG/APP    the same, summed over those three types
  sentence boundaries     exact sentence spans
  stance                  per label, accuracy, macro-F1 over the three
                          labels, and F_avg = (F1 favor + F1 against) / 2,
                          each gold sentence judged by the predicted
                          sentence that overlaps it most
  holder accuracy         gold favor/against sentences whose predicted
                          holder name equals the gold holder
and the stance confusion matrix (rows gold, columns predicted).

Flags:
  --gold FILE          the labeled articles (required)
  --baseline NAME      also score a baseline, side by side; repeatable:
                         keywords  stancer with the plain keyword list in
                                   place of the stance model
                         prose     prose v2's segmenter and named-entity
                                   recognizer (model loaded once; PERSON,
                                   ORGANIZATION->ORG, GPE); no stance.
                                   Only in stancer-eval (go run
                                   ./cmd/stancer-eval), which links prose
                                   so that stancer need not
  --json               write the scores as JSON instead of a table
  --model-ner FILE     score the entity model in FILE
  --model-stance FILE  score the stance model in FILE
  -h, --help           show this help

Exit status:
  0    the scores were written
  1    writing failed
  2    usage error, or a gold or model file that cannot be read

Examples:
  stancer eval --gold testdata/gold/dev.jsonl --baseline keywords
  stancer-eval --gold testdata/gold/dev.jsonl --baseline prose --baseline keywords
`

// A Baseline is a system the eval command can score beside stancer.
type Baseline struct {
	// Name is the value of --baseline that selects it.
	Name string
	// New returns the system, given the options of stancer's pipeline
	// (its models).
	New func(opts pipeline.Options) (eval.System, error)
}

// keywordsBaseline is stancer with the keyword list in place of the stance
// model.
var keywordsBaseline = Baseline{Name: "keywords", New: func(opts pipeline.Options) (eval.System, error) {
	kw, err := stance.Baseline()
	if err != nil {
		return nil, err
	}
	opts.Classifier = kw
	return pipeline.New(opts)
}}

// baselineValue is a repeatable flag.Value naming baselines, some of
// those in known.
type baselineValue struct {
	known  []Baseline
	picked []Baseline
}

func (b *baselineValue) String() string { return "" }

func (b *baselineValue) Set(name string) error {
	var names []string
	for _, k := range b.known {
		if k.Name == name {
			b.picked = append(b.picked, k)
			return nil
		}
		names = append(names, k.Name)
	}
	msg := fmt.Sprintf("unknown baseline %q (want %s)", name, strings.Join(names, " or "))
	if name == "prose" {
		msg += "; the prose baseline is in stancer-eval (go run ./cmd/stancer-eval)"
	}
	return errors.New(msg)
}

// evalMain runs the eval command.
func evalMain(ctx context.Context, s env, args []string) error {
	var (
		goldPath, nerPath, stancePath string
		baselines                     = baselineValue{known: s.baselines}
		asJSON                        bool
	)
	fs := newFlagSet("eval")
	fs.StringVar(&goldPath, "gold", "", "")
	fs.Var(&baselines, "baseline", "")
	fs.BoolVar(&asJSON, "json", false, "")
	fs.StringVar(&nerPath, "model-ner", "", "")
	fs.StringVar(&stancePath, "model-stance", "", "")
	operands, err := parseFlags(fs, "eval", args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		return err
	case err != nil:
		return err
	case goldPath == "":
		return usagef("eval", "--gold FILE is required")
	case len(operands) > 0:
		return usagef("eval", "unexpected argument %q", operands[0])
	}
	arts, err := gold.ReadFile(goldPath)
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("reading gold articles: %w", err)}
	}
	opts, err := loadModels(nerPath, stancePath)
	if err != nil {
		return err
	}
	p, err := pipeline.New(opts)
	if err != nil {
		return err
	}
	reports := []*eval.Report{eval.Evaluate("stancer", p, arts)}
	for _, b := range baselines.picked {
		if err := ctx.Err(); err != nil {
			return errInterrupted
		}
		sys, err := b.New(opts)
		if err != nil {
			return err
		}
		reports = append(reports, eval.Evaluate(b.Name, sys, arts))
	}
	write := eval.WriteTable
	if asJSON {
		write = eval.WriteJSON
	}
	if err := write(s.stdout, reports...); err != nil {
		return &exitError{code: exitFailure, err: fmt.Errorf("writing the scores: %w", err)}
	}
	return nil
}
