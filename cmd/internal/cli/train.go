package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/entities"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/stance"
)

// trainHelp is the help of the train command.
const trainHelp = `Usage: stancer train --gold FILE [--extra FILE] [flags]

Fit the entity and stance models on labeled articles (the annotation format
that "stancer eval" reads) and write them as model files, which "stancer
run --model-ner/--model-stance" load. Training is deterministic: the same
files give the same bytes. The built-in models are these, fitted on
testdata/gold/train.jsonl (and, for stance, testdata/gold/extra.jsonl).

Flags:
  --gold FILE         the labeled articles to fit on (required)
  --extra FILE        more labeled articles, used for the stance model only
  --out-ner FILE      where to write the entity model (default ner.model)
  --out-stance FILE   where to write the stance model (default stance.model)
  -h, --help          show this help

Exit status:
  0    both models were written
  1    training or writing failed
  2    usage error, or a gold file that cannot be read

Example:
  stancer train --gold testdata/gold/train.jsonl --extra testdata/gold/extra.jsonl
  stancer --model-ner ner.model --model-stance stance.model articles.jsonl
`

// trainMain runs the train command.
func trainMain(ctx context.Context, s env, args []string) error {
	var goldPath, extraPath string
	nerPath, stancePath := "ner.model", "stance.model"
	fs := newFlagSet("train")
	fs.StringVar(&goldPath, "gold", "", "")
	fs.StringVar(&extraPath, "extra", "", "")
	fs.StringVar(&nerPath, "out-ner", nerPath, "")
	fs.StringVar(&stancePath, "out-stance", stancePath, "")
	operands, err := parseFlags(fs, "train", args)
	switch {
	case err != nil:
		return err
	case goldPath == "":
		return usagef("train", "--gold FILE is required")
	case len(operands) > 0:
		return usagef("train", "unexpected argument %q", operands[0])
	}
	arts, err := gold.ReadFile(goldPath)
	if err != nil {
		return &exitError{code: exitUsage, err: fmt.Errorf("reading gold articles: %w", err)}
	}
	stanceArts := arts
	if extraPath != "" {
		extra, err := gold.ReadFile(extraPath)
		if err != nil {
			return &exitError{code: exitUsage, err: fmt.Errorf("reading extra articles: %w", err)}
		}
		stanceArts = append(append([]gold.Article(nil), arts...), extra...)
	}
	tagger, err := wordtag.Default()
	if err != nil {
		return err
	}
	rec, err := entities.Train(arts, tagger, entities.TrainOptions{})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return errInterrupted
	}
	if err := writeModel(nerPath, rec.WriteTo); err != nil {
		return err
	}
	cls, err := stance.Train(stanceArts)
	if err != nil {
		return err
	}
	if err := writeModel(stancePath, cls.WriteTo); err != nil {
		return err
	}
	fmt.Fprintf(s.stderr, "stancer: wrote %s (%s) and %s (%s) from %d articles\n",
		nerPath, rec.Name(), stancePath, cls.Name(), len(stanceArts))
	return nil
}

// writeModel writes a model to path with write.
func writeModel(path string, write func(io.Writer) (int64, error)) error {
	f, err := os.Create(path)
	if err != nil {
		return &exitError{code: exitFailure, err: err}
	}
	if _, err := write(f); err != nil {
		f.Close()
		return &exitError{code: exitFailure, err: fmt.Errorf("writing %s: %w", path, err)}
	}
	if err := f.Close(); err != nil {
		return &exitError{code: exitFailure, err: fmt.Errorf("writing %s: %w", path, err)}
	}
	return nil
}
