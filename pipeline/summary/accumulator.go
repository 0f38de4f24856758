package summary

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// An Accumulator builds the summary of a stream of article records, one
// group per Key of its grouping. It is a mergeable summary: adding the
// records of two disjoint sets to two Accumulators and merging them gives
// the same rows as adding them all to one (see Merge). It marshals to JSON
// and back without loss, so partial summaries can cross process
// boundaries, as the accumulator of a distributed combine step.
//
// An Accumulator is not safe for concurrent use: give each goroutine its
// own and merge them at the end.
type Accumulator struct {
	by     By
	groups map[Key]*group
}

// group is what an Accumulator knows of one group.
type group struct {
	Key
	// Articles is the number of articles in the group.
	Articles int64 `json:"articles"`
	// Favor, Against and Neutral count the group's sentences by label.
	Favor   int64 `json:"favor"`
	Against int64 `json:"against"`
	Neutral int64 `json:"neutral"`
	// Score holds the moments of the sentences' stance scores.
	Score Moments `json:"score"`
	// First and Last are the earliest and latest article dates
	// (YYYY-MM-DD), "" when no article of the group has one.
	First string `json:"first,omitempty"`
	Last  string `json:"last,omitempty"`
	// Holders counts the sentences of the group by holder name.
	Holders map[string]int64 `json:"holders,omitempty"`
}

// New returns an empty Accumulator of grouping by. It panics if by is not
// one of the Bys; use ParseBy to check a user's choice.
func New(by By) *Accumulator {
	if !by.valid() {
		panic(fmt.Sprintf("summary: New with unknown grouping %q", string(by)))
	}
	return &Accumulator{by: by, groups: map[Key]*group{}}
}

// By returns the grouping of a.
func (a *Accumulator) By() By { return a.by }

// Len returns the number of groups, which is the number of rows.
func (a *Accumulator) Len() int { return len(a.groups) }

// Add adds the article r to every group it belongs to.
func (a *Accumulator) Add(r *Record) {
	day := r.Day()
	for _, m := range a.by.members(r) {
		g := a.group(m.key)
		g.Articles++
		g.addDay(day)
		for _, i := range m.sentences {
			g.addSentence(&r.Sentences[i])
		}
	}
}

// Merge adds the groups of o to a, leaving o as it was; a and o must not
// be the same Accumulator. When a and o summarise disjoint sets of
// articles, a then summarises their union exactly as if every article had
// been added to it: counts add up, dates take their minimum and maximum,
// and score moments merge as Moments.Merge says. Merging Accumulators of
// different groupings is an error.
func (a *Accumulator) Merge(o *Accumulator) error {
	if a.by != o.by {
		return fmt.Errorf("summary: cannot merge a summary by %s into one by %s", o.by, a.by)
	}
	for k, og := range o.groups {
		g := a.group(k)
		g.Articles += og.Articles
		g.Favor += og.Favor
		g.Against += og.Against
		g.Neutral += og.Neutral
		g.Score.Merge(og.Score)
		g.addDay(og.First)
		g.addDay(og.Last)
		for h, n := range og.Holders {
			g.addHolder(h, n)
		}
	}
	return nil
}

// group returns the group of k, creating it if needed.
func (a *Accumulator) group(k Key) *group {
	g := a.groups[k]
	if g == nil {
		g = &group{Key: k}
		a.groups[k] = g
	}
	return g
}

// addDay widens the group's date range to take in day, a YYYY-MM-DD date
// or "" for none.
func (g *group) addDay(day string) {
	if day == "" {
		return
	}
	if g.First == "" || day < g.First {
		g.First = day
	}
	if day > g.Last {
		g.Last = day
	}
}

// addSentence counts s in the group.
func (g *group) addSentence(s *Sentence) {
	switch s.Stance.Label {
	case Favor:
		g.Favor++
	case Against:
		g.Against++
	default:
		g.Neutral++
	}
	g.Score.Add(s.Stance.Score)
	if s.Holder != nil {
		g.addHolder(orUnknown(s.Holder.Name), 1)
	}
}

// addHolder adds n sentences of holder name to the group.
func (g *group) addHolder(name string, n int64) {
	if g.Holders == nil {
		g.Holders = map[string]int64{}
	}
	g.Holders[name] += n
}

// accumulatorJSON is the JSON form of an Accumulator: its grouping and its
// groups in the order of their keys, so that equal Accumulators marshal
// to equal bytes.
type accumulatorJSON struct {
	By     By       `json:"by"`
	Groups []*group `json:"groups"`
}

// MarshalJSON encodes a as {"by": ..., "groups": [...]}, every number
// exact: UnmarshalJSON restores an Accumulator with the same rows.
func (a *Accumulator) MarshalJSON() ([]byte, error) {
	keys := slices.SortedFunc(maps.Keys(a.groups), compareKeys)
	groups := make([]*group, len(keys))
	for i, k := range keys {
		groups[i] = a.groups[k]
	}
	return json.Marshal(accumulatorJSON{By: a.by, Groups: groups})
}

// UnmarshalJSON replaces a with the Accumulator encoded in data by
// MarshalJSON. It fails on an unknown grouping and on a key that occurs
// twice.
func (a *Accumulator) UnmarshalJSON(data []byte) error {
	var v accumulatorJSON
	if err := json.Unmarshal(data, &v); err != nil {
		return fmt.Errorf("summary: decoding an accumulator: %w", err)
	}
	if !v.By.valid() {
		return fmt.Errorf("summary: decoding an accumulator: unknown grouping %q", string(v.By))
	}
	groups := make(map[Key]*group, len(v.Groups))
	for _, g := range v.Groups {
		if g == nil {
			return fmt.Errorf("summary: decoding an accumulator: null group")
		}
		if groups[g.Key] != nil {
			return fmt.Errorf("summary: decoding an accumulator: group %q (%s) occurs twice", g.Name, g.Type)
		}
		groups[g.Key] = g
	}
	a.by, a.groups = v.By, groups
	return nil
}

// compareKeys orders keys by name, then type.
func compareKeys(x, y Key) int {
	return cmp.Or(strings.Compare(x.Name, y.Name), strings.Compare(x.Type, y.Type))
}
