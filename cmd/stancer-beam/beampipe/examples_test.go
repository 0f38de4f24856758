package beampipe_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/cmd/stancer-beam/beampipe"
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/summary"
)

// summaryBys are the groupings of the dashboards, which the tests compare
// with "stancer summarize".
var summaryBys = []summary.By{summary.ByEntity, summary.BySource, summary.ByDay}

// cliSummaries writes the summaries of the article records at records by
// each of summaryBys with "stancer summarize", to files of prefix named as
// beampipe.SummaryName names them.
func cliSummaries(t *testing.T, records, prefix string) {
	t.Helper()
	for _, by := range summaryBys {
		stancer(t, 0, "summarize", "-q", "--by", string(by), "-o", beampipe.SummaryName(prefix, by, summary.JSONL), records)
	}
}

// checkSummaries compares the summaries of prefix, written by the
// pipeline, with those of cliPrefix, written by cliSummaries.
func checkSummaries(t *testing.T, prefix, cliPrefix string) {
	t.Helper()
	for _, by := range summaryBys {
		got, err := os.ReadFile(beampipe.SummaryName(prefix, by, summary.JSONL))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(beampipe.SummaryName(cliPrefix, by, summary.JSONL))
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 {
			t.Fatalf("stancer summarize --by %s wrote no rows", by)
		}
		if diff := sameSummary(got, want); diff != "" {
			t.Errorf("summary by %s differs from stancer summarize: %s", by, diff)
		}
	}
}

// TestExamplesMatchCLI runs the pipeline on the example articles with each
// kind of record and checks that it writes the records "stancer run"
// writes, counts what it counts, and summarises them as "stancer
// summarize" does, whatever kind of record is written.
func TestExamplesMatchCLI(t *testing.T) {
	dir := t.TempDir()
	cliArticles := filepath.Join(dir, "cli-articles.jsonl")
	stancer(t, 0, "-q", "-o", cliArticles, examplesPath)
	cliSummaries(t, cliArticles, filepath.Join(dir, "cli"))

	for _, emit := range []output.Emit{output.Articles, output.Sentences, output.Entities} {
		t.Run(string(emit), func(t *testing.T) {
			cliOut, cliErrs := filepath.Join(dir, "cli-"+string(emit)+".jsonl"), filepath.Join(dir, "cli-errors.jsonl")
			want := cliTally(t, stancer(t, 0, "--emit", string(emit), "-o", cliOut, "--errors", cliErrs, examplesPath))

			prefix := filepath.Join(dir, string(emit))
			cfg := beampipe.Config{
				Inputs: []string{examplesPath},
				Output: prefix, Shards: 3, Errors: prefix + "-errors",
				Emit:    emit,
				Summary: prefix, SummaryBy: summaryBys, SummaryFormat: summary.JSONL,
			}
			got := runBeam(t, cfg)
			if got != want || want.Read == 0 {
				t.Errorf("pipeline counted %+v, stancer %+v", got, want)
			}
			if diff := sameLines(readLines(t, shardPaths(prefix, 3)...), readLines(t, cliOut)); diff != "" {
				t.Errorf("records: %s", diff)
			}
			if diff := sameLines(readLines(t, beampipe.ShardName(cfg.Errors, 0, 1)), readLines(t, cliErrs)); diff != "" {
				t.Errorf("dead letters: %s", diff)
			}
			checkSummaries(t, prefix, filepath.Join(dir, "cli"))
		})
	}
}
