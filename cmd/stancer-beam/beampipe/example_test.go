package beampipe_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"

	"github.com/stancer/stancer/cmd/stancer-beam/beampipe"
	"github.com/stancer/stancer/pipeline/summary"
)

// Analysing the example articles on Prism, in-process: two shards of
// article records, a dead-letter file, and a summary by source.
func ExampleBuild() {
	dir, err := os.MkdirTemp("", "stancer-beam-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)

	p, s := beam.NewPipelineWithRoot()
	err = beampipe.Build(s, beampipe.Config{
		Inputs:    []string{filepath.Join("..", "..", "..", "testdata", "examples", "*.jsonl")},
		Output:    filepath.Join(dir, "records"),
		Shards:    2,
		Errors:    filepath.Join(dir, "errors"),
		Summary:   filepath.Join(dir, "summary"),
		SummaryBy: []summary.By{summary.BySource}, SummaryFormat: summary.CSV,
	})
	if err != nil {
		log.Fatal(err)
	}
	res, err := prism.Execute(context.Background(), p)
	if err != nil {
		log.Fatal(err)
	}
	t := beampipe.TallyOf(res.Metrics())
	fmt.Printf("read %d articles, wrote %d, failed %d\n", t.Read, t.Written, t.Failed)
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		log.Fatal(err)
	}
	for _, f := range files {
		fmt.Println(filepath.Base(f))
	}
	// Output:
	// read 5 articles, wrote 5, failed 0
	// errors-00000-of-00001.jsonl
	// records-00000-of-00002.jsonl
	// records-00001-of-00002.jsonl
	// summary-by-source.csv
}
