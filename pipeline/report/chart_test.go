package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/summary"
)

func TestNiceScale(t *testing.T) {
	for _, c := range []struct {
		max   float64
		top   float64
		ticks string
	}{
		{0, 1, "[0 1]"},
		{1, 1, "[0 1]"},
		{5, 5, "[0 1 2 3 4 5]"},
		{7, 8, "[0 2 4 6 8]"},
		{22, 25, "[0 5 10 15 20 25]"},
		{128, 150, "[0 50 100 150]"},
		{999, 1000, "[0 200 400 600 800 1000]"},
		{123456, 150000, "[0 50000 100000 150000]"},
	} {
		top, ticks := niceScale(c.max)
		if top != c.top || fmt.Sprint(ticks) != c.ticks {
			t.Errorf("niceScale(%v) = %v, %v; want %v, %s", c.max, top, ticks, c.top, c.ticks)
		}
	}
}

func TestMonthStep(t *testing.T) {
	for n, want := range map[int]int{1: 1, 12: 1, 13: 2, 24: 2, 48: 6, 144: 12, 168: 24, 600: 60, 7200: 600} {
		if got := monthStep(n); got != want {
			t.Errorf("monthStep(%d) = %d, want %d", n, got, want)
		}
	}
}

func TestFormatting(t *testing.T) {
	for _, c := range []struct{ got, want string }{
		{count(0), "0"},
		{count(9999), "9999"},
		{count(12345), "12\u202f345"},
		{count(1234567), "1\u202f234\u202f567"},
		{plural(1, "article"), "1 article"},
		{plural(10000, "article"), "10\u202f000 articles"},
		{score(-0.001), "0.00"},
		{score(-0.256), "−0.26"},
		{cut("Amber Rudd", 5), "Ambe…"},
		{cut("Amber", 5), "Amber"},
		{times(1), "once"},
		{times(3), "3 times"},
		{monthName(monthIndex("2017-12") + 1), "2018-01"},
		{coord(12.345), "12.3"},
		{webURL("https://example.org/a"), "https://example.org/a"},
		{webURL("javascript:alert(1)"), ""},
		{webURL("//example.org/a"), ""},
		{webURL("example.org"), ""},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

// monthRows returns rows of a summary by month with the given favor
// counts, an article each.
func monthRows(favor map[string]int64) []summary.Row {
	var rows []summary.Row
	for name, f := range favor {
		rows = append(rows, summary.Row{Key: summary.Key{Name: name}, Articles: 1, Favor: f})
	}
	slices.SortFunc(rows, func(x, y summary.Row) int { return strings.Compare(x.Name, y.Name) })
	return rows
}

func TestTimeline(t *testing.T) {
	// Months without articles are filled in; undated ones are counted.
	c, note := timeline(monthRows(map[string]int64{"2017-11": 2, "2018-02": 5, summary.Unknown: 9}))
	var months []string
	for _, row := range c.Table.Rows {
		months = append(months, row[0]+"="+row[1])
	}
	if got := strings.Join(months, " "); got != "2017-11=2 2017-12=0 2018-01=0 2018-02=5" {
		t.Errorf("months %s", got)
	}
	if note != "1 article without a date is not shown." {
		t.Errorf("note %q", note)
	}
	if !strings.Contains(c.Desc, "The most favor sentences, 5, were in 2018-02") {
		t.Errorf("description %q", c.Desc)
	}
	if len(c.Lines) != 3 || len(c.Lines[0].Markers) != 4 {
		t.Errorf("%d lines, the first with %d markers; want 3 and 4", len(c.Lines), len(c.Lines[0].Markers))
	}

	// A stray early date does not stretch the axis past maxMonths.
	c, note = timeline(monthRows(map[string]int64{"0001-01": 1, "2020-05": 1}))
	if len(c.Table.Rows) != maxMonths || c.Table.Rows[maxMonths-1][0] != "2020-05" {
		t.Errorf("%d months, the last %v", len(c.Table.Rows), c.Table.Rows[len(c.Table.Rows)-1])
	}
	if len(c.Lines[0].Markers) != 0 || len(c.XTicks) > maxXLabels {
		t.Errorf("%d markers and %d month labels on a long axis", len(c.Lines[0].Markers), len(c.XTicks))
	}
	if note != "1 article dated before 1970-06 is not shown." {
		t.Errorf("note %q", note)
	}

	if c, _ := timeline(monthRows(map[string]int64{summary.Unknown: 1})); c != nil {
		t.Error("a timeline without dates")
	}
}

func TestEntityBars(t *testing.T) {
	rows := []summary.Row{
		{Key: summary.Key{Name: "A", Type: "ORG"}, Favor: 1, Against: 5},
		{Key: summary.Key{Name: "B", Type: "APP"}, Favor: 3},
		{Key: summary.Key{Name: "C", Type: "PERSON"}, Favor: 3, Against: 1},
		{Key: summary.Key{Name: strings.Repeat("long name ", 10), Type: "GPE"}, Favor: 2},
	}
	c := entityBars(rows, theSeries[0], 3)
	var got []string
	for _, b := range c.Bars {
		got = append(got, b.Label+"="+b.Value)
	}
	// Ties keep the order of the summary; the long label is cut.
	if want := "B (APP)=3 C (PERSON)=3 long name long name long name lon…=2"; strings.Join(got, " ") != want {
		t.Errorf("bars %q, want %q", strings.Join(got, " "), want)
	}
	if c.Bars[2].FullLabel != strings.Repeat("long name ", 10)+" (GPE)" {
		t.Errorf("full label %q", c.Bars[2].FullLabel)
	}
	if c := entityBars(rows[1:2], theSeries[1], 3); c != nil {
		t.Error("a chart of entities in no against sentence")
	}
}
