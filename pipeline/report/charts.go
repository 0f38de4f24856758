package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/stancer/stancer/pipeline/summary"
)

// maxMonths is the longest time axis: a longer one (from a stray date,
// usually) keeps its latest months.
const maxMonths = 600

// timeline returns the line chart of sentences per month by stance from
// the rows of a summary by month, or nil when no article has a date, and
// a note on what it leaves out.
func timeline(rows []summary.Row) (*lineChart, string) {
	var dated []summary.Row
	var undated, early int64
	for _, r := range rows {
		if r.Name == summary.Unknown {
			undated += r.Articles
		} else {
			dated = append(dated, r)
		}
	}
	var notes []string
	if undated > 0 {
		notes = append(notes, fmt.Sprintf("%s without a date %s not shown.", plural(undated, "article"), isAre(undated)))
	}
	if len(dated) == 0 {
		return nil, strings.Join(notes, " ")
	}
	last := monthIndex(dated[len(dated)-1].Name)
	first := max(monthIndex(dated[0].Name), last-maxMonths+1)
	values := make([][]int64, last-first+1) // favor, against, neutral, articles
	for i := range values {
		values[i] = make([]int64, 4)
	}
	for _, r := range dated {
		i := monthIndex(r.Name) - first
		if i < 0 {
			early += r.Articles
			continue
		}
		copy(values[i], []int64{r.Favor, r.Against, r.Neutral, r.Articles})
	}
	if early > 0 {
		notes = append(notes, fmt.Sprintf("%s dated before %s %s not shown.", plural(early, "article"), monthName(first), isAre(early)))
	}

	c := &lineChart{
		chart: chart{
			ID: "timeline", Title: "Stance over time",
			Width: chartWidth, Height: lineHeight,
			LegendY: lineTop / 2,
			Legend:  legend(theSeries, lineLeft),
		},
		Plot:   plotArea{X: lineLeft, Y: lineTop, W: chartWidth - lineLeft - lineRight, H: lineHeight - lineTop - lineBottom},
		XLabel: "Month", YLabel: "Sentences",
	}
	n := len(values)
	band := c.Plot.W / float64(n)
	xOf := func(i int) float64 { return c.Plot.X + (float64(i)+0.5)*band }
	var peak int64
	for _, v := range values {
		peak = max(peak, v[0], v[1], v[2])
	}
	top, ticks := niceScale(float64(peak))
	yOf := func(v int64) float64 { return c.Plot.Bottom() - float64(v)/top*c.Plot.H }
	for _, t := range ticks {
		c.YTicks = append(c.YTicks, tick{Pos: yOf(int64(t)), Label: count(int64(t))})
	}
	step := monthStep(n)
	for i := range n {
		if m := first + i; m%step == 0 {
			label := monthName(m)
			if step >= 12 {
				label = label[:len("2006")]
			}
			c.XTicks = append(c.XTicks, tick{Pos: xOf(i), Label: label})
		}
	}
	for k, s := range theSeries {
		xs, ys := make([]float64, n), make([]float64, n)
		l := line{Class: s.Class}
		for i, v := range values {
			xs[i], ys[i] = xOf(i), yOf(v[k])
			if n <= maxMarkers {
				l.Markers = append(l.Markers, point{X: xs[i], Y: ys[i],
					Title: fmt.Sprintf("%s, %s: %s", monthName(first+i), strings.ToLower(s.Name), plural(v[k], "sentence"))})
			}
		}
		l.Points = pointsAttr(xs, ys)
		c.Lines = append(c.Lines, l)
	}

	c.Table = table{Caption: "Sentences per month by stance", Head: []string{"Month", "Favor", "Against", "Neutral", "Articles"}}
	for i, v := range values {
		c.Table.Rows = append(c.Table.Rows, []string{monthName(first + i), count(v[0]), count(v[1]), count(v[2]), count(v[3])})
	}
	fav, ag := peakMonth(values, 0), peakMonth(values, 1)
	c.Desc = fmt.Sprintf("Line chart of the favor, against and neutral sentences of each month from %s to %s. "+
		"The most favor sentences, %s, were in %s; the most against, %s, in %s. The data table below the chart holds every value.",
		monthName(first), monthName(last), count(values[fav][0]), monthName(first+fav), count(values[ag][1]), monthName(first+ag))
	return c, strings.Join(notes, " ")
}

// monthSteps are the spacings of the labels of a time axis, in months.
var monthSteps = []int{1, 2, 3, 6, 12, 24, 60, 120, 240, 600}

// monthStep returns the smallest of monthSteps that labels an axis of n
// months with at most maxXLabels labels. Labels go on the months whose
// monthIndex is a multiple of the step: every quarter, every January,
// every other January....
func monthStep(n int) int {
	for _, s := range monthSteps {
		if (n+s-1)/s <= maxXLabels {
			return s
		}
	}
	return monthSteps[len(monthSteps)-1]
}

// peakMonth returns the index of the first month with the highest value
// of column k.
func peakMonth(values [][]int64, k int) int {
	best := 0
	for i, v := range values {
		if v[k] > values[best][k] {
			best = i
		}
	}
	return best
}

// monthIndex returns 12·year + month − 1 for a month "YYYY-MM".
func monthIndex(name string) int {
	y, _ := strconv.Atoi(name[:4])
	m, _ := strconv.Atoi(name[5:7])
	return 12*y + m - 1
}

// monthName returns the month "YYYY-MM" of a monthIndex.
func monthName(i int) string {
	return fmt.Sprintf("%04d-%02d", i/12, i%12+1)
}

// plural returns "1 noun" or "n nouns".
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return count(n) + " " + noun + "s"
}

// isAre returns "is" for 1 and "are" otherwise.
func isAre(n int64) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// barRow is the data of one bar: a label and one value per series.
type barRow struct {
	Label  string
	Values []int64
}

// newBarChart returns a chart c of one bar per row, each stacking its
// values in the order of ss, along an axis labelled xLabel.
func newBarChart(c chart, xLabel string, ss []series, rows []barRow) *barChart {
	top := float64(barTop)
	if len(ss) > 1 {
		top = barLegendTop
		c.Legend, c.LegendY = legend(ss, barLabelWidth), barLegendTop/2
	}
	b := &barChart{
		chart:  c,
		Plot:   plotArea{X: barLabelWidth, Y: top, W: chartWidth - barLabelWidth - barValueWidth, H: float64(len(rows) * barRowHeight)},
		XLabel: xLabel,
	}
	b.Width, b.Height = chartWidth, int(top)+len(rows)*barRowHeight+barBottom
	var most int64
	for _, r := range rows {
		most = max(most, sum(r.Values))
	}
	scale, ticks := niceScale(float64(most))
	xOf := func(v int64) float64 { return b.Plot.X + float64(v)/scale*b.Plot.W }
	for _, t := range ticks {
		b.XTicks = append(b.XTicks, tick{Pos: xOf(int64(t)), Label: count(int64(t))})
	}
	for i, r := range rows {
		y := b.Plot.Y + float64(i*barRowHeight) + (barRowHeight-barThickness)/2
		br := bar{Label: cut(r.Label, labelRunes), FullLabel: r.Label, Y: y, LabelY: y + barThickness/2 + 5}
		var cum int64
		for k, v := range r.Values {
			br.Segments = append(br.Segments, segment{
				X: xOf(cum), Y: y, W: xOf(cum+v) - xOf(cum), H: barThickness, Class: ss[k].Class,
				Title: fmt.Sprintf("%s: %s %s", r.Label, count(v), strings.ToLower(ss[k].Name)),
			})
			cum += v
		}
		br.Value, br.ValueX = count(cum), xOf(cum)+6
		b.Bars = append(b.Bars, br)
	}
	return b
}

// sum returns the sum of vs.
func sum(vs []int64) int64 {
	var s int64
	for _, v := range vs {
		s += v
	}
	return s
}

// entityBars returns the bar chart of the top entities by sentences of
// one stance (Favor or Against) from the rows of a summary by entity, or
// nil when no entity has any.
func entityBars(rows []summary.Row, s series, top int) *barChart {
	get := func(r *summary.Row) int64 {
		if s.Class == summary.Favor {
			return r.Favor
		}
		return r.Against
	}
	rows = slices.Clone(rows)
	slices.SortStableFunc(rows, func(x, y summary.Row) int { return cmp.Compare(get(&y), get(&x)) })
	var bars []barRow
	t := table{
		Caption: fmt.Sprintf("Entities in the most %s sentences", s.Class),
		Head:    []string{"Entity", "Type", s.Name + " sentences", "All sentences", "Articles"},
	}
	for i := range rows[:min(top, len(rows))] {
		r := &rows[i]
		if get(r) == 0 {
			break
		}
		label := fmt.Sprintf("%s (%s)", r.Name, r.Type)
		bars = append(bars, barRow{Label: label, Values: []int64{get(r)}})
		t.Rows = append(t.Rows, []string{r.Name, r.Type, count(get(r)), count(r.Sentences()), count(r.Articles)})
	}
	if len(bars) == 0 {
		return nil
	}
	c := chart{
		ID:    "entities-" + s.Class,
		Title: fmt.Sprintf("Entities in the most %s sentences", s.Class),
		Desc: fmt.Sprintf("Bar chart of the %d entities mentioned in the most sentences %s encryption, led by %s. The data table below the chart holds every value.",
			len(bars), stanceWords[s.Class], leaders(bars)),
		Table: t,
	}
	return newBarChart(c, s.Name+" sentences that mention the entity", []series{s}, bars)
}

// stanceWords phrases each stance for descriptions.
var stanceWords = map[string]string{
	summary.Favor:   "in favor of",
	summary.Against: "against",
}

// leaders lists the first three bars with their values, for descriptions.
func leaders(bars []barRow) string {
	var parts []string
	for _, b := range bars[:min(3, len(bars))] {
		parts = append(parts, fmt.Sprintf("%s with %s", b.Label, count(sum(b.Values))))
	}
	return strings.Join(parts, ", ")
}

// sourceBars returns the stacked bar chart of the sources with the most
// sentences from the rows of a summary by source, or nil when there are
// none, and a note on the sources it leaves out.
func sourceBars(rows []summary.Row, top int) (*barChart, string) {
	if len(rows) == 0 {
		return nil, ""
	}
	var bars []barRow
	t := table{
		Caption: "Sentences by source and stance",
		Head:    []string{"Source", "Articles", "Favor", "Against", "Neutral", "Mean score (95% interval)"},
	}
	for _, r := range rows[:min(top, len(rows))] {
		bars = append(bars, barRow{Label: r.Name, Values: []int64{r.Favor, r.Against, r.Neutral}})
		t.Rows = append(t.Rows, []string{r.Name, count(r.Articles), count(r.Favor), count(r.Against), count(r.Neutral), meanText(r)})
	}
	var note string
	if more := len(rows) - len(bars); more > 0 {
		note = fmt.Sprintf("%d more sources with fewer sentences are not shown.", more)
	}
	c := chart{
		ID:    "sources",
		Title: "Stance by source",
		Desc: fmt.Sprintf("Stacked bar chart of the favor, against and neutral sentences of the %d sources with the most sentences, led by %s. The data table below the chart holds every value.",
			len(bars), leaders(bars)),
		Table: t,
	}
	return newBarChart(c, "Sentences", theSeries, bars), note
}

// meanText formats the mean score of a row with its interval: "-0.12
// (-0.3 to 0.05)", "0.6" for a single sentence, "–" for none.
func meanText(r summary.Row) string {
	switch {
	case math.IsNaN(r.Mean):
		return "–"
	case math.IsNaN(r.Low):
		return score(r.Mean)
	}
	return fmt.Sprintf("%s (%s to %s)", score(r.Mean), score(r.Low), score(r.High))
}

// score formats a stance score with two decimals, with a true minus sign.
func score(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if s == "-0.00" {
		s = "0.00"
	}
	return strings.Replace(s, "-", "−", 1)
}
