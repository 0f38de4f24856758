// Package report turns stancer's article records into one self-contained
// HTML page for readers and dashboards: stance over time, the entities in
// the most favor and against sentences, stance by source, and the most
// cited sentences of each side.
//
// The page needs nothing but itself: no scripts, no style sheets, fonts or
// images from elsewhere; the charts are inline SVG, each with a title, a
// description and a data table as its text alternative. Its only links
// are those to the cited articles. Its size does not grow with the
// input: a Builder aggregates the records as they come (see
// summary.Accumulator) and the page shows capped lists, so a report of
// 100,000 articles is as light as one of a hundred.
//
// The page is well-formed XML as well as HTML, so XML tools can read it.
package report

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"unicode"

	"github.com/stancer/stancer/pipeline/summary"
)

// DefaultTop is the length of the report's lists when Options.Top is 0.
const DefaultTop = 10

// DefaultTitle heads the report when Options.Title is "".
const DefaultTitle = "Stance on strong encryption"

// Options configure a report.
type Options struct {
	// Title heads the page; "" means DefaultTitle.
	Title string
	// Top is how many entities, sources and sentences each list shows at
	// most; 0 means DefaultTop.
	Top int
}

// A Builder gathers what a report shows from article records, one at a
// time, keeping aggregates only: summaries by month, entity and source,
// and a count of each favor or against sentence text. It is not safe for
// concurrent use.
type Builder struct {
	months, entities, sources *summary.Accumulator
	// quotes counts the favor and the against sentences.
	favor, against quotes
}

// NewBuilder returns a Builder of a report with no articles.
func NewBuilder() *Builder {
	return &Builder{
		months:   summary.New(summary.ByMonth),
		entities: summary.New(summary.ByEntity),
		sources:  summary.New(summary.BySource),
	}
}

// Add adds article r to the report.
func (b *Builder) Add(r *summary.Record) {
	b.months.Add(r)
	b.entities.Add(r)
	b.sources.Add(r)
	for i := range r.Sentences {
		s := &r.Sentences[i]
		switch s.Stance.Label {
		case summary.Favor:
			b.favor.add(r, s)
		case summary.Against:
			b.against.add(r, s)
		}
	}
}

// WriteHTML writes the report of the articles added so far to w as one
// HTML page.
func (b *Builder) WriteHTML(w io.Writer, opts Options) error {
	if opts.Top < 0 {
		return fmt.Errorf("report: Top is %d, want 0 or more", opts.Top)
	}
	opts.Title = cmp.Or(opts.Title, DefaultTitle)
	opts.Top = cmp.Or(opts.Top, DefaultTop)
	var page bytes.Buffer // small: every list on it is capped
	if err := pageTemplate().Execute(&page, b.page(opts)); err != nil {
		return fmt.Errorf("report: writing the page: %w", err)
	}
	_, err := w.Write(bytes.Map(xmlChar, page.Bytes()))
	return err
}

// xmlChar returns r if XML 1.0 allows it in a document, and U+FFFD
// otherwise: control characters other than tab and line breaks, and the
// non-characters U+FFFE and U+FFFF, which article text may hold, make a
// page that is not well-formed XML.
func xmlChar(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r',
		0x20 <= r && r <= 0xD7FF,
		0xE000 <= r && r <= 0xFFFD,
		0x10000 <= r && r <= unicode.MaxRune:
		return r
	}
	return unicode.ReplacementChar
}
