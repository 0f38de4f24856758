package postag

import (
	"math/rand/v2"
	"testing"
)

// TestScoresAdd sums rows of weights in packed chunks and requires every
// lane to end up as the plain sum. The rows come in threes whose first two
// weights of a label take the lane far past its range, one way or the
// other, and whose third brings it back.
func TestScoresAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 100 {
		var want [maxLabels]int64
		var sc scores
		for q := range maxLabels {
			want[q] = int64(r.IntN(2001) - 1000)
			sc.set(q, laneOffset+want[q])
		}
		for range 3 {
			var rows [3][maxLabels]int64
			for q := range maxLabels {
				if r.IntN(4) == 0 {
					continue // no weight
				}
				sign := int64(1 - 2*r.IntN(2))
				a, b := sign*int64(maxScore/2+r.IntN(maxScore/2)), sign*int64(maxScore/2+r.IntN(maxScore/2))
				c := -(a + b) + int64(r.IntN(2001)-1000)
				rows[0][q], rows[1][q], rows[2][q] = a, b, c
				want[q] += a + b + c
			}
			for _, row := range rows {
				sc.add(packRow(row[:]))
			}
		}
		for q, w := range want {
			if got := sc.lane(q) - laneOffset; got != w {
				t.Fatalf("label position %d scores %d, want %d", q, got, w)
			}
		}
	}
}

// packRow returns the row chunks of the weights w of the label positions.
func packRow(w []int64) []chunk {
	var vals [maxChunks]uint64
	var has [maxChunks]bool
	for q, x := range w {
		if x != 0 {
			vals[q/lanesPerChunk] += uint64(x) << laneShift(q)
			has[q/lanesPerChunk] = true
		}
	}
	var row []chunk
	for j, v := range vals {
		if has[j] {
			row = append(row, newChunk(v+uint64(j)))
		}
	}
	return row
}

// set sets lane q of sc to v.
func (sc *scores) set(q int, v int64) {
	j := q / lanesPerChunk
	old := sc[j].value()
	sc[j] = newChunk(old&^(laneMask<<laneShift(q)) | uint64(v)<<laneShift(q))
}

// lane returns lane q of sc.
func (sc *scores) lane(q int) int64 {
	return int64(sc[q/lanesPerChunk].value() >> laneShift(q) & laneMask)
}

// TestBest requires best to find the highest lane and to break ties in
// prose's class order, which the lanes of the labels need not follow.
func TestBest(t *testing.T) {
	tg := &Tagger{labelTags: []int32{10, 11, 12, 13, 14}, labelLanes: []int32{4, 2, 0, 1, 3}}
	tg.setTies()
	for _, tc := range []struct {
		scores [5]int64 // by label, in class order
		want   int32
	}{
		{[5]int64{1, 2, 3, 4, 5}, 14},
		{[5]int64{-5, -4, -3, -2, -1}, 14},
		{[5]int64{9, 2, 9, 4, 5}, 10}, // a tie: the first label in class order
		{[5]int64{0, 7, 3, 7, 7}, 11},
		{[5]int64{-maxScore, -maxScore, -maxScore, -maxScore, -maxScore}, 10},
		{[5]int64{maxScore, 0, maxScore, 0, 0}, 10},
	} {
		var sc scores
		for k, s := range tc.scores {
			sc.set(int(tg.labelLanes[k]), laneOffset+s)
		}
		if got := tg.best(&sc); got != tc.want {
			t.Errorf("scores %v: best is tag %d, want %d", tc.scores, got, tc.want)
		}
	}
}
