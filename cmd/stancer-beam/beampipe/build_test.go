package beampipe

import (
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/summary"
)

func TestBuildRejectsBadConfig(t *testing.T) {
	valid := func() Config {
		return Config{
			Inputs: []string{"in/*.jsonl"}, Output: "out/rec", Shards: 2, Errors: "out/err",
			Emit: output.Articles, Summary: "out/sum", SummaryBy: []summary.By{summary.ByEntity}, SummaryFormat: summary.CSV,
		}
	}
	tests := []struct {
		name   string
		change func(*Config)
		want   string // in the error; "" for none
	}{
		{"valid", func(*Config) {}, ""},
		{"no summary", func(c *Config) { c.Summary, c.SummaryBy, c.SummaryFormat = "", nil, "" }, ""},
		{"no inputs", func(c *Config) { c.Inputs = nil }, "no inputs"},
		{"bad glob", func(c *Config) { c.Inputs = []string{"in/[a-"} }, "syntax error in pattern"},
		{"no output", func(c *Config) { c.Output = "" }, "no output prefix"},
		{"no errors", func(c *Config) { c.Errors = "" }, "no dead-letter prefix"},
		{"no shards", func(c *Config) { c.Shards = 0 }, "0 shards"},
		{"negative workers", func(c *Config) { c.Workers = -1 }, "-1 workers"},
		{"bad emit", func(c *Config) { c.Emit = "words" }, "unknown record kind"},
		{"no grouping", func(c *Config) { c.SummaryBy = nil }, "no grouping"},
		{"bad grouping", func(c *Config) { c.SummaryBy = []summary.By{"country"} }, "unknown grouping"},
		{"bad format", func(c *Config) { c.SummaryFormat = "xlsx" }, "unknown format"},
	}
	for _, tt := range tests {
		cfg := valid()
		tt.change(&cfg)
		p, s := beam.NewPipelineWithRoot()
		err := Build(s, cfg)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: error %v, want one saying %q", tt.name, err, tt.want)
		case tt.want != "":
			if edges, _, _ := p.Build(); len(edges) != 0 {
				t.Errorf("%s: Build added %d transforms despite the error", tt.name, len(edges))
			}
		}
	}
}
