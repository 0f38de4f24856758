package beampipe

import (
	"errors"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	// The local file system, for inputs and outputs without a scheme.
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"

	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/summary"
)

// Config describes a run of the pipeline.
type Config struct {
	// Inputs are the files to read: paths of files or directories, or
	// globs, local or of a Beam file system ("gs://bucket/dumps/*.gz").
	// Local paths are read as "stancer run" reads them; a file of another
	// file system is read as "stancer run" reads standard input, its
	// format told by its content alone, and its locations then renamed to
	// its path. Directories are walked only on the local file system.
	Inputs []string
	// Output is the path prefix of the record files, Shards of them,
	// named by ShardName.
	Output string
	// Shards is the number of record files, at least 1.
	Shards int
	// Errors is the path prefix of the dead-letter file, ShardName(Errors,
	// 0, 1), which holds the error record of each article that failed, in
	// the format of the --errors file of "stancer run".
	Errors string
	// Emit is the kind of records to write.
	Emit output.Emit
	// TextField, IDField and MaxBytes are those of input.Options; zero
	// values mean their defaults.
	TextField, IDField string
	MaxBytes           int64
	// Workers is the number of goroutines that analyse the articles of a
	// bundle; 0 means the number of CPUs of the worker.
	Workers int
	// Summary, when not empty, is the path prefix of the summary files,
	// one per grouping of SummaryBy, in SummaryFormat, named by
	// SummaryName.
	Summary       string
	SummaryBy     []summary.By
	SummaryFormat summary.Format
}

// check returns the first problem of c, or nil.
func (c *Config) check() error {
	switch {
	case len(c.Inputs) == 0:
		return errors.New("no inputs")
	case c.Output == "":
		return errors.New("no output prefix")
	case c.Errors == "":
		return errors.New("no dead-letter prefix")
	case c.Shards < 1:
		return fmt.Errorf("%d shards: want at least 1", c.Shards)
	case c.Workers < 0:
		return fmt.Errorf("%d workers: want at least 1, or 0 for one per CPU", c.Workers)
	case c.Summary != "" && len(c.SummaryBy) == 0:
		return errors.New("a summary prefix but no grouping")
	}
	for _, p := range c.Inputs {
		if err := checkPattern(p); err != nil {
			return err
		}
	}
	if _, err := output.ParseEmit(string(c.Emit)); err != nil {
		return err
	}
	if c.Summary != "" {
		if _, err := summary.ParseFormat(string(c.SummaryFormat)); err != nil {
			return err
		}
		for _, by := range c.SummaryBy {
			if _, err := summary.ParseBy(string(by)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Build adds the stancer pipeline described by cfg to s: read the inputs,
// analyse every article, write the records, the dead letters and the
// summaries. It returns an error, and adds nothing, if cfg is not valid.
func Build(s beam.Scope, cfg Config) error {
	if err := cfg.check(); err != nil {
		return fmt.Errorf("stancer pipeline: %w", err)
	}
	read := &readFn{TextField: cfg.TextField, IDField: cfg.IDField, MaxBytes: cfg.MaxBytes}
	articles, readDead := readArticles(s, read, matchInputs(s, cfg.Inputs))
	// Reading a file is one element's work; analysis should be spread over
	// every worker.
	articles = beam.Reshuffle(s, articles)
	records, forSummaries, analyzeDead := analyze(s, &analyzeFn{Emit: string(cfg.Emit), Summaries: cfg.Summary != "", Workers: cfg.Workers}, articles)

	writeShards(s.Scope("WriteRecords"), records, cfg.Output, cfg.Shards)
	writeShards(s.Scope("WriteDeadLetters"), beam.Flatten(s, readDead, analyzeDead), cfg.Errors, 1)
	if cfg.Summary != "" {
		for _, by := range cfg.SummaryBy {
			summarize(s, forSummaries, cfg.Summary, by, cfg.SummaryFormat)
		}
	}
	return nil
}
