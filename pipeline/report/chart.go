package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Chart geometry, in SVG user units (CSS pixels at the default zoom).
const (
	chartWidth = 960
	// The plot area of a line chart sits inside these margins.
	lineLeft, lineRight, lineTop, lineBottom = 72, 24, 44, 64
	lineHeight                               = 360
	// Bar charts have a column of labels left of the bars and room for
	// the value right of them.
	barLabelWidth, barValueWidth = 260, 72
	barRowHeight, barThickness   = 28, 18
	barTop, barLegendTop         = 12, 44
	barBottom                    = 56
	// labelRunes is the longest label shown in full; longer ones are cut,
	// with the whole label in a tooltip and the data table.
	labelRunes = 34
	// maxXLabels is the most labels the time axis gets.
	maxXLabels = 12
	// maxMarkers is the most points a series gets markers at.
	maxMarkers = 48
	// legendSwatch is the width of a legend's swatches.
	legendSwatch = 24
)

// series is one quantity that a chart shows: a stance label.
type series struct {
	Name  string // shown in legends and table headings
	Class string // CSS class giving its colour and line style
}

// theSeries are the stance labels in the order the charts show them.
var theSeries = []series{
	{"Favor", "favor"},
	{"Against", "against"},
	{"Neutral", "neutral"},
}

// tick is a labelled position on an axis.
type tick struct {
	Pos   float64
	Label string
}

// legendItem is a swatch and its name at the top of a chart.
type legendItem struct {
	X, X2 float64 // where the swatch starts and ends
	TextX float64 // where the name starts
	Class string
	Name  string
}

// W returns the width of the swatch.
func (l legendItem) W() float64 { return l.X2 - l.X }

// table is the data of a chart as text: the alternative to its picture.
type table struct {
	Caption string
	Head    []string
	Rows    [][]string
}

// chart is what every chart has: an id for ARIA references, a title, a
// description for screen readers, a size and a data table.
type chart struct {
	ID            string
	Title, Desc   string
	Width, Height int
	Legend        []legendItem
	LegendY       float64
	Table         table
}

// plotArea is the rectangle of a chart inside its axes: its left, top,
// width and height.
type plotArea struct{ X, Y, W, H float64 }

// Right returns the x of the right edge.
func (p plotArea) Right() float64 { return p.X + p.W }

// Bottom returns the y of the bottom edge.
func (p plotArea) Bottom() float64 { return p.Y + p.H }

// MidX returns the x of the middle.
func (p plotArea) MidX() float64 { return p.X + p.W/2 }

// MidY returns the y of the middle.
func (p plotArea) MidY() float64 { return p.Y + p.H/2 }

// lineChart is a chart of several series over a band axis (months).
type lineChart struct {
	chart
	Plot           plotArea
	XTicks, YTicks []tick
	XLabel, YLabel string
	Lines          []line
}

// line is one series of a lineChart.
type line struct {
	Class   string
	Points  string // the SVG polyline points, "x,y x,y ..."
	Markers []point
}

// point is a marker of a line, with its tooltip.
type point struct {
	X, Y  float64
	Title string
}

// barChart is a chart of horizontal bars, one per row, each made of one
// segment per series (stacked).
type barChart struct {
	chart
	Plot   plotArea
	XTicks []tick
	XLabel string
	Bars   []bar
}

// bar is one row of a barChart.
type bar struct {
	Label, FullLabel string
	Y, LabelY        float64 // top of the bar, baseline of its texts
	Segments         []segment
	Value            string // the row's total, right of the bar
	ValueX           float64
}

// segment is the part of a bar showing one series.
type segment struct {
	X, Y, W, H float64
	Class      string
	Title      string
}

// TickEnd returns the y where the tick marks below the plot area end.
func (c *lineChart) TickEnd() float64 { return c.Plot.Bottom() + 5 }

// niceScale returns the top of an axis showing counts up to max, and
// the ticks from 0 to that top at a whole step of 1, 2 or 5 times a power
// of ten, chosen so that there are at most seven ticks.
func niceScale(max float64) (top float64, ticks []float64) {
	max = math.Max(max, 1)
	mag := math.Max(1, math.Pow(10, math.Floor(math.Log10(max/6))))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if step = m * mag; max/step <= 6 {
			break
		}
	}
	top = math.Ceil(max/step) * step
	for v := 0.0; v <= top; v += step {
		ticks = append(ticks, v)
	}
	return top, ticks
}

// legend returns the legend items of ss laid out from x, left to right.
func legend(ss []series, x float64) []legendItem {
	items := make([]legendItem, len(ss))
	for i, s := range ss {
		items[i] = legendItem{X: x, X2: x + legendSwatch, TextX: x + legendSwatch + 6, Class: s.Class, Name: s.Name}
		x += legendSwatch + 30 + 8*float64(len(s.Name))
	}
	return items
}

// count formats a count, grouping the thousands of numbers from 10000
// up with narrow no-break spaces ("12 345").
func count(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 10000 {
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune('\u202f')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// coord formats an SVG coordinate with at most one decimal.
func coord(x float64) string {
	return strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64)
}

// pointsAttr returns the SVG points attribute of xs and ys.
func pointsAttr(xs, ys []float64) string {
	parts := make([]string, len(xs))
	for i := range xs {
		parts[i] = fmt.Sprintf("%s,%s", coord(xs[i]), coord(ys[i]))
	}
	return strings.Join(parts, " ")
}
