package summary_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/stat"

	"github.com/stancer/stancer/pipeline/summary"
)

func TestMomentsMatchGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{2, 3, 10, 1000} {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = 2*rng.Float64() - 1
		}
		for _, split := range []int{0, n / 3, n - 1} {
			var a, b summary.Moments
			for _, x := range xs[:split] {
				a.Add(x)
			}
			for _, x := range xs[split:] {
				b.Add(x)
			}
			a.Merge(b)
			mean, variance := stat.MeanVariance(xs, nil)
			if a.N != int64(n) || math.Abs(a.Mean-mean) > 1e-14 || math.Abs(a.Variance()-variance) > 1e-14 {
				t.Errorf("n=%d split at %d: N %d mean %v variance %v, want %d %v %v", n, split, a.N, a.Mean, a.Variance(), n, mean, variance)
			}
		}
	}
}

func TestInterval(t *testing.T) {
	nan := math.NaN()
	for _, c := range []struct {
		name   string
		xs     []float64
		lo, hi float64
	}{
		{"empty", nil, nan, nan},
		{"one value", []float64{0.5}, nan, nan},
		// mean 0.5, s = √0.5, s/√n = 0.5, t(0.975; 1) = 12.7062.
		{"two values", []float64{0, 1}, 0.5 - 12.7062047361747*0.5, 0.5 + 12.7062047361747*0.5},
		// mean -0.675, s = 0.15, s/√n = 0.075, t(0.975; 3) = 3.18245.
		{"four values", []float64{-0.6, -0.8, -0.5, -0.8}, -0.675 - 3.18244630528371*0.075, -0.675 + 3.18244630528371*0.075},
		{"constant", []float64{0.25, 0.25, 0.25}, 0.25, 0.25},
	} {
		var m summary.Moments
		for _, x := range c.xs {
			m.Add(x)
		}
		lo, hi := m.Interval(0.95)
		same := func(x, y float64) bool { return math.IsNaN(x) && math.IsNaN(y) || math.Abs(x-y) < 1e-9 }
		if !same(lo, c.lo) || !same(hi, c.hi) {
			t.Errorf("%s: interval [%v, %v], want [%v, %v]", c.name, lo, hi, c.lo, c.hi)
		}
	}
}
