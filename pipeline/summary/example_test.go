package summary_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/stancer/stancer/pipeline/summary"
)

// Two workers each summarise their share of the articles by source; the
// merged summary equals that of one worker reading everything.
func ExampleAccumulator_Merge() {
	decode := func(line string) *summary.Record {
		var r summary.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			panic(err)
		}
		return &r
	}
	a, b := summary.New(summary.BySource), summary.New(summary.BySource)
	a.Add(decode(`{"id":"1","source":"Wired","date":"2017-05-03","sentences":[
		{"stance":{"label":"against","score":-0.7},"holder":{"name":"James Comey","entity":0}},
		{"stance":{"label":"neutral","score":0},"holder":null}]}`))
	b.Add(decode(`{"id":"2","source":"Wired","date":"2017-11-02","sentences":[
		{"stance":{"label":"favor","score":0.8},"holder":{"name":"author","entity":null}}]}`))

	// Partial summaries travel as JSON.
	data, err := json.Marshal(b)
	if err != nil {
		panic(err)
	}
	var fromB summary.Accumulator
	if err := json.Unmarshal(data, &fromB); err != nil {
		panic(err)
	}
	if err := a.Merge(&fromB); err != nil {
		panic(err)
	}
	if err := summary.Write(os.Stdout, summary.JSONL, a.By(), a.Rows()); err != nil {
		panic(err)
	}
	// Output:
	// {"source":"Wired","articles":2,"sentences":3,"favor":1,"against":1,"neutral":1,"mean":0.0333,"ci_low":-1.8311,"ci_high":1.8978,"first_date":"2017-05-03","last_date":"2017-11-02","top_holders":[{"name":"James Comey","sentences":1},{"name":"author","sentences":1}]}
}

// The 95% interval of a mean score is t-based: x̄ ± t(0.975; n−1)·s/√n.
func ExampleMoments_Interval() {
	var m summary.Moments
	for _, score := range []float64{-0.6, -0.8, -0.5, -0.8} {
		m.Add(score)
	}
	lo, hi := m.Interval(0.95)
	fmt.Printf("n=%d mean=%.3f s²=%.4f 95%% CI [%.4f, %.4f]\n", m.N, m.Mean, m.Variance(), lo, hi)
	// Output:
	// n=4 mean=-0.675 s²=0.0225 95% CI [-0.9137, -0.4363]
}
