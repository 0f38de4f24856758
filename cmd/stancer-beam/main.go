// Command stancer-beam runs stancer as an Apache Beam pipeline: it reads
// news articles, analyses each one as "stancer run" does, and writes the
// records as sharded JSON Lines, the articles that failed to a dead-letter
// file, and optionally summaries as "stancer summarize" writes them.
//
// Usage:
//
//	stancer-beam --output PREFIX [flags] INPUT...
//
// Besides its own flags (see -h), it takes those of Beam: --runner (prism,
// the default, flink, spark, dataflow or universal), --endpoint,
// --environment_type, --worker_binary, and those of each runner. See
// README.md.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/stancer/stancer/cmd/stancer-beam/beampipe"
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/summary"
)

var (
	outputPrefix  = flag.String("output", "", "path prefix of the record shards (required)")
	shards        = flag.Int("shards", 4, "number of record shards")
	errorsPrefix  = flag.String("errors", "", "path prefix of the dead-letter file (default OUTPUT-errors)")
	emit          = flag.String("emit", string(output.Articles), "records to write: articles, sentences or entities")
	textField     = flag.String("text-field", "text", "JSON field holding the article text")
	idField       = flag.String("id-field", "id", "JSON field holding the article id")
	maxBytes      = flag.Int64("max-bytes", 0, "largest article accepted, in bytes (0: 16 MiB)")
	workers       = flag.Int("workers", 0, "goroutines analysing the articles of a bundle (0: one per CPU of the worker)")
	summaryPrefix = flag.String("summary", "", "path prefix of the summary files (none if empty)")
	summaryBy     = flag.String("summary-by", "entity,source,day", "comma-separated groupings of the summaries")
	summaryFormat = flag.String("summary-format", string(summary.JSONL), "format of the summaries: jsonl or csv")
)

func main() {
	flag.Parse()
	beam.Init() // a worker process started by a runner stops here
	cfg, err := config(flag.Args())
	if err != nil {
		fmt.Fprintf(os.Stderr, "stancer-beam: %v\nRun 'stancer-beam -h' for usage.\n", err)
		os.Exit(2)
	}
	os.Exit(run(context.Background(), cfg))
}

// config returns the configuration of the pipeline given by the flags and
// the inputs.
func config(inputs []string) (beampipe.Config, error) {
	cfg := beampipe.Config{
		Inputs:        inputs,
		Output:        *outputPrefix,
		Shards:        *shards,
		Errors:        *errorsPrefix,
		Emit:          output.Emit(*emit),
		TextField:     *textField,
		IDField:       *idField,
		MaxBytes:      *maxBytes,
		Workers:       *workers,
		Summary:       *summaryPrefix,
		SummaryFormat: summary.Format(*summaryFormat),
	}
	if cfg.Output == "" {
		return cfg, fmt.Errorf("--output is required")
	}
	if cfg.Errors == "" {
		cfg.Errors = cfg.Output + "-errors"
	}
	if cfg.Summary != "" {
		for by := range strings.SplitSeq(*summaryBy, ",") {
			cfg.SummaryBy = append(cfg.SummaryBy, summary.By(strings.TrimSpace(by)))
		}
	}
	return cfg, nil
}

// run builds and runs the pipeline of cfg, prints the counts of articles,
// and returns the exit status: 0 when every article was written, 1 when
// some failed or the run did, 2 when cfg is not valid.
func run(ctx context.Context, cfg beampipe.Config) int {
	p, s := beam.NewPipelineWithRoot()
	if err := beampipe.Build(s, cfg); err != nil {
		fmt.Fprintf(os.Stderr, "stancer-beam: %v\n", err)
		return 2
	}
	start := time.Now()
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "stancer-beam: %v\n", err)
		return 1
	}
	t := beampipe.TallyOf(res.Metrics())
	fmt.Fprintf(os.Stderr, "stancer-beam: read %d articles, wrote %d, failed %d in %.1fs\n",
		t.Read, t.Written, t.Failed, time.Since(start).Seconds())
	if err := t.Check(); err != nil {
		fmt.Fprintf(os.Stderr, "stancer-beam: %v\n", err)
		return 1
	}
	if t.Failed > 0 {
		return 1
	}
	return 0
}
