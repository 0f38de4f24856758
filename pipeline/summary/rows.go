package summary

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Level is the confidence level of the interval of each row's mean score.
const Level = 0.95

// MaxTopHolders is the number of holders a row lists at most.
const MaxTopHolders = 3

// Row is one group of a summary.
type Row struct {
	Key
	// Articles is the number of articles in the group.
	Articles int64
	// Favor, Against and Neutral count the group's sentences by label.
	Favor, Against, Neutral int64
	// Mean is the mean stance score of the group's sentences, NaN when it
	// has none.
	Mean float64
	// Low and High bound the 95% confidence interval of Mean, computed by
	// Moments.Interval; both are NaN when the group has fewer than two
	// sentences.
	Low, High float64
	// First and Last are the earliest and latest article dates
	// (YYYY-MM-DD) of the group, "" when no article of it has one.
	First, Last string
	// TopHolders are the holders of the most sentences of the group, at
	// most MaxTopHolders, by decreasing count, then name.
	TopHolders []HolderCount
}

// HolderCount is a holder with its number of sentences in a group.
type HolderCount struct {
	Name      string `json:"name"`
	Sentences int64  `json:"sentences"`
}

// Sentences returns the number of sentences of the group.
func (r *Row) Sentences() int64 { return r.Favor + r.Against + r.Neutral }

// Rows returns one row per group, in the documented order of the
// grouping:
//
//   - ByDay and ByMonth: chronological, the group Unknown last;
//   - the others: by decreasing number of sentences, then decreasing
//     number of articles, then name, then type.
//
// The order depends only on the rows, never on the order of Add or Merge
// calls.
func (a *Accumulator) Rows() []Row {
	rows := make([]Row, 0, len(a.groups))
	for _, g := range a.groups {
		rows = append(rows, g.row())
	}
	if a.by.chronological() {
		slices.SortFunc(rows, compareDates)
	} else {
		slices.SortFunc(rows, compareSizes)
	}
	return rows
}

// row returns the row of g.
func (g *group) row() Row {
	mean := math.NaN()
	if g.Score.N > 0 {
		mean = g.Score.Mean
	}
	lo, hi := g.Score.Interval(Level)
	return Row{
		Key:      g.Key,
		Articles: g.Articles,
		Favor:    g.Favor, Against: g.Against, Neutral: g.Neutral,
		Mean: mean, Low: lo, High: hi,
		First: g.First, Last: g.Last,
		TopHolders: topHolders(g.Holders, MaxTopHolders),
	}
}

// topHolders returns the k holders of counts with the most sentences, by
// decreasing count, then name.
func topHolders(counts map[string]int64, k int) []HolderCount {
	hs := make([]HolderCount, 0, len(counts))
	for name, n := range counts {
		hs = append(hs, HolderCount{Name: name, Sentences: n})
	}
	slices.SortFunc(hs, func(x, y HolderCount) int {
		return cmp.Or(cmp.Compare(y.Sentences, x.Sentences), strings.Compare(x.Name, y.Name))
	})
	return hs[:min(k, len(hs))]
}

// compareDates orders rows by name, which for dates is time order, with
// Unknown last.
func compareDates(x, y Row) int {
	return cmp.Or(
		cmp.Compare(boolInt(x.Name == Unknown), boolInt(y.Name == Unknown)),
		strings.Compare(x.Name, y.Name),
	)
}

// compareSizes orders rows by decreasing sentences, then decreasing
// articles, then key.
func compareSizes(x, y Row) int {
	return cmp.Or(
		cmp.Compare(y.Sentences(), x.Sentences()),
		cmp.Compare(y.Articles, x.Articles),
		compareKeys(x.Key, y.Key),
	)
}

// boolInt returns 1 for true and 0 for false.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
