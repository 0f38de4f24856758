package summary_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand"
	"reflect"
	"testing"
	"testing/quick"

	"github.com/stancer/stancer/pipeline/summary"
	"github.com/stancer/stancer/pipeline/summary/summarytest"
)

// syntheticRecords returns n records derived from the hand-written corpus.
func syntheticRecords(t testing.TB, n int, seed uint64) []*summary.Record {
	t.Helper()
	base, err := summarytest.Load(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	lines, err := summarytest.Synthesize(base, n, seed)
	if err != nil {
		t.Fatal(err)
	}
	recs := make([]*summary.Record, len(lines))
	for i, line := range lines {
		recs[i] = new(summary.Record)
		if err := json.Unmarshal(line, recs[i]); err != nil {
			t.Fatal(err)
		}
	}
	return recs
}

// roundTrip returns a copy of acc made by marshalling it to JSON and back.
func roundTrip(t testing.TB, acc *summary.Accumulator) *summary.Accumulator {
	t.Helper()
	data, err := json.Marshal(acc)
	if err != nil {
		t.Fatal(err)
	}
	var back summary.Accumulator
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	return &back
}

// sameRows reports how got and want differ, or "" when they are equal:
// scores within a relative 1e-12 (merging rounds differently from adding
// one by one), everything else exactly.
func sameRows(got, want []summary.Row) string {
	if len(got) != len(want) {
		return fmt.Sprintf("%d rows, want %d", len(got), len(want))
	}
	near := func(x, y float64) bool {
		return x == y || math.IsNaN(x) && math.IsNaN(y) || math.Abs(x-y) <= 1e-12*math.Max(1, math.Abs(y))
	}
	for i := range got {
		g, w := got[i], want[i]
		if !near(g.Mean, w.Mean) || !near(g.Low, w.Low) || !near(g.High, w.High) {
			return fmt.Sprintf("row %d: scores %v [%v, %v], want %v [%v, %v]", i, g.Mean, g.Low, g.High, w.Mean, w.Low, w.High)
		}
		g.Mean, g.Low, g.High = 0, 0, 0
		w.Mean, w.Low, w.High = 0, 0, 0
		if !reflect.DeepEqual(g, w) {
			return fmt.Sprintf("row %d: %+v, want %+v", i, g, w)
		}
	}
	return ""
}

// TestMergeEqualsUnion checks the defining property of the Accumulator:
// for every grouping, splitting the records at random into parts,
// summarising each part, passing each partial summary through JSON and
// merging them in random order gives the rows of summarising all records
// at once.
func TestMergeEqualsUnion(t *testing.T) {
	recs := syntheticRecords(t, 200, 1)
	for _, by := range summary.Bys {
		want := summarize(by, recs).Rows()
		property := func(seed int64, parts uint8) bool {
			rng := rand.New(rand.NewSource(seed))
			k := 1 + int(parts)%7
			accs := make([]*summary.Accumulator, k)
			for i := range accs {
				accs[i] = summary.New(by)
			}
			for _, r := range recs {
				accs[rng.Intn(k)].Add(r)
			}
			rng.Shuffle(k, func(i, j int) { accs[i], accs[j] = accs[j], accs[i] })
			total := roundTrip(t, accs[0])
			for _, acc := range accs[1:] {
				if err := total.Merge(roundTrip(t, acc)); err != nil {
					t.Fatal(err)
				}
			}
			if diff := sameRows(total.Rows(), want); diff != "" {
				t.Logf("by %s, seed %d, %d parts: %s", by, seed, k, diff)
				return false
			}
			return true
		}
		cfg := &quick.Config{MaxCount: 15, Rand: rand.New(rand.NewSource(2))}
		if err := quick.Check(property, cfg); err != nil {
			t.Errorf("by %s: %v", by, err)
		}
	}
}
