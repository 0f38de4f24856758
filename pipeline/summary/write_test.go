package summary_test

import (
	"bytes"
	"encoding/csv"
	"math"
	"slices"
	"testing"

	"github.com/stancer/stancer/pipeline/summary"
)

// TestCSVCellsAreInert checks that text a spreadsheet would evaluate as a
// formula is written with a leading apostrophe, and that numbers, negative
// scores among them, are not.
func TestCSVCellsAreInert(t *testing.T) {
	cases := []struct{ name, want string }{
		{"=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"},
		{"+1 202", "'+1 202"},
		{"-Signal", "'-Signal"},
		{"@home", "'@home"},
		{"\tTab", "'\tTab"},
		{"Amber Rudd", "Amber Rudd"},
		{"É=mc²", "É=mc²"},
	}
	for _, c := range cases {
		row := summary.Row{Key: summary.Key{Name: c.name}, Favor: 1, Mean: -0.5, Low: math.NaN(), High: math.NaN(),
			TopHolders: []summary.HolderCount{{Name: c.name, Sentences: 1}}}
		var buf bytes.Buffer
		if err := summary.Write(&buf, summary.CSV, summary.BySource, []summary.Row{row}); err != nil {
			t.Fatal(err)
		}
		records, err := csv.NewReader(&buf).ReadAll()
		if err != nil || len(records) != 2 {
			t.Fatalf("%q: reading back the CSV: %v, %d records", c.name, err, len(records))
		}
		header, got := records[0], records[1]
		cell := func(col string) string { return got[slices.Index(header, col)] }
		if cell("source") != c.want || cell("top_holders") != c.want+" (1)" {
			t.Errorf("%q: source cell %q, holders %q; want %q", c.name, cell("source"), cell("top_holders"), c.want)
		}
		if cell("mean") != "-0.5" {
			t.Errorf("%q: mean cell %q, want -0.5", c.name, cell("mean"))
		}
	}
}
