package report

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/stancer/stancer/pipeline/summary"
)

// Limits on what the report keeps of each cited sentence.
const (
	// maxQuoteArticles is the number of articles listed per sentence.
	maxQuoteArticles = 5
	// maxQuoteHolders is the number of holders listed per sentence.
	maxQuoteHolders = 3
	// maxQuoteRunes is the length past which a sentence is cut.
	maxQuoteRunes = 400
)

// quotes counts the sentences of one stance by their text.
type quotes struct {
	byText map[string]*quote
}

// quote is one sentence text with how often, by whom and where it was
// found.
type quote struct {
	text     string // as first found
	count    int64
	first    int64 // order of first sighting, to break ties
	holders  map[string]int64
	articles []articleLink // the first maxQuoteArticles
	// nArticles counts the articles citing the sentence; lastID is the
	// id of the last one (an article's sentences come together).
	nArticles int64
	lastID    string
}

// articleLink points to an article citing a sentence.
type articleLink struct {
	ID, Title string
	// Href is the article's URL when it is an absolute http or https one,
	// and "" otherwise.
	Href string
}

// add counts sentence s of article r.
func (q *quotes) add(r *summary.Record, s *summary.Sentence) {
	key := strings.Join(strings.Fields(s.Text), " ")
	if key == "" {
		return
	}
	if q.byText == nil {
		q.byText = map[string]*quote{}
	}
	qt := q.byText[key]
	if qt == nil {
		qt = &quote{text: key, first: int64(len(q.byText)), holders: map[string]int64{}}
		q.byText[key] = qt
	}
	qt.count++
	if s.Holder != nil {
		qt.holders[cmp.Or(s.Holder.Name, summary.Unknown)]++
	}
	if qt.nArticles == 0 || qt.lastID != r.ID {
		qt.nArticles++
		qt.lastID = r.ID
		if len(qt.articles) < maxQuoteArticles {
			qt.articles = append(qt.articles, articleLink{ID: r.ID, Title: r.Title, Href: webURL(r.URL)})
		}
	}
}

// webURL returns u if it is an absolute http or https URL, and ""
// otherwise.
func webURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return ""
	}
	return u
}

// quoteItem is a cited sentence as the report shows it.
type quoteItem struct {
	Text string
	// Cited says how often the sentence was found: "once", "3 times".
	Cited    string
	Holders  string
	Articles []articleLink
	// More is the number of articles citing it beyond those listed, or
	// "" when there are none.
	More string
}

// top returns the n most frequent sentences, by decreasing count, ties
// in the order they were first found.
func (q *quotes) top(n int) []quoteItem {
	all := make([]*quote, 0, len(q.byText))
	for _, qt := range q.byText {
		all = append(all, qt)
	}
	slices.SortFunc(all, func(x, y *quote) int {
		return cmp.Or(cmp.Compare(y.count, x.count), cmp.Compare(x.first, y.first))
	})
	items := make([]quoteItem, 0, min(n, len(all)))
	for _, qt := range all[:min(n, len(all))] {
		items = append(items, quoteItem{
			Text:     cut(qt.text, maxQuoteRunes),
			Cited:    times(qt.count),
			Holders:  holderList(qt.holders),
			Articles: qt.articles,
			More:     more(qt.nArticles - int64(len(qt.articles))),
		})
	}
	return items
}

// holderList formats the top holders of counts: "Amber Rudd (2),
// officials (1)", and "and 3 others" past maxQuoteHolders.
func holderList(counts map[string]int64) string {
	type hc struct {
		name string
		n    int64
	}
	var hs []hc
	for name, n := range counts {
		hs = append(hs, hc{name, n})
	}
	slices.SortFunc(hs, func(x, y hc) int { return cmp.Or(cmp.Compare(y.n, x.n), strings.Compare(x.name, y.name)) })
	var parts []string
	for _, h := range hs[:min(maxQuoteHolders, len(hs))] {
		parts = append(parts, fmt.Sprintf("%s (%s)", h.name, count(h.n)))
	}
	if more := len(hs) - maxQuoteHolders; more > 0 {
		parts = append(parts, fmt.Sprintf("and %d others", more))
	}
	return strings.Join(parts, ", ")
}

// more returns count(n), or "" for 0.
func more(n int64) string {
	if n == 0 {
		return ""
	}
	return count(n)
}

// times returns "once" for 1 and "n times" otherwise.
func times(n int64) string {
	if n == 1 {
		return "once"
	}
	return count(n) + " times"
}

// cut returns s cut to n runes, ending in "…" when cut.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
