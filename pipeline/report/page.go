package report

import (
	"fmt"

	"github.com/stancer/stancer/pipeline/summary"
)

// page is everything the template shows.
type page struct {
	Title  string
	Totals []figure
	// Period is "from … to …", or "" when no article has a date.
	Period string

	Timeline     *lineChart
	TimelineNote string
	Entities     []*barChart // favor, then against; nil when none
	Sources      *barChart
	SourcesNote  string
	Quotes       []quoteSection
	Top          int
}

// figure is a headline number of the report.
type figure struct {
	Value, Label string
	Class        string // the stance class, or ""
}

// quoteSection lists the most cited sentences of one stance.
type quoteSection struct {
	ID, Title, Class string
	Items            []quoteItem
}

// page gathers the page of the report.
func (b *Builder) page(opts Options) *page {
	months := b.months.Rows()
	p := &page{Title: opts.Title, Top: opts.Top}
	var arts, favor, against, neutral int64
	first, last := "", ""
	for _, r := range months {
		arts += r.Articles
		favor, against, neutral = favor+r.Favor, against+r.Against, neutral+r.Neutral
		if r.First != "" && (first == "" || r.First < first) {
			first = r.First
		}
		last = max(last, r.Last)
	}
	all := favor + against + neutral
	p.Totals = []figure{
		{count(arts), "articles", ""},
		{count(all), "sentences", ""},
		{count(favor), "favor" + share(favor, all), summary.Favor},
		{count(against), "against" + share(against, all), summary.Against},
		{count(neutral), "neutral" + share(neutral, all), summary.Neutral},
	}
	if first != "" {
		p.Period = fmt.Sprintf("from %s to %s", first, last)
	}
	p.Timeline, p.TimelineNote = timeline(months)
	entities := b.entities.Rows()
	for _, s := range theSeries[:2] {
		if c := entityBars(entities, s, opts.Top); c != nil {
			p.Entities = append(p.Entities, c)
		}
	}
	p.Sources, p.SourcesNote = sourceBars(b.sources.Rows(), opts.Top)
	p.Quotes = []quoteSection{
		{"quotes-favor", "Most cited sentences in favor of encryption", summary.Favor, b.favor.top(opts.Top)},
		{"quotes-against", "Most cited sentences against encryption", summary.Against, b.against.top(opts.Top)},
	}
	return p
}

// share returns " (p%)", the percentage n is of all, or "" when all is 0.
func share(n, all int64) string {
	if all == 0 {
		return ""
	}
	return fmt.Sprintf(" (%.0f%%)", 100*float64(n)/float64(all))
}
