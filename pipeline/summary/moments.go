package summary

import (
	"math"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// Moments summarises a sample of numbers x₁ … xₙ by its size, mean and
// sum of squared deviations from the mean:
//
//	N    = n
//	Mean = x̄ = (1/n) Σᵢ xᵢ
//	M2   = Σᵢ (xᵢ − x̄)²
//
// so that the sample variance is s² = M2 / (n − 1). Two Moments of disjoint
// samples merge into the Moments of their union (see Merge), which makes
// the mean and variance of a summary exact however its input was split.
// The zero value is the empty sample.
type Moments struct {
	N    int64   `json:"n"`
	Mean float64 `json:"mean"`
	M2   float64 `json:"m2"`
}

// Add adds x to the sample. It is Merge with the one-point sample
// {N: 1, Mean: x, M2: 0}, which is Welford's update.
func (m *Moments) Add(x float64) {
	m.Merge(Moments{N: 1, Mean: x})
}

// Merge makes m the Moments of the union of its sample and o's, with the
// pairwise update of Chan, Golub and LeVeque (1979): for samples a and b,
// n = nₐ + n_b and δ = x̄_b − x̄ₐ,
//
//	x̄  = x̄ₐ + δ · n_b / n
//	M2 = M2ₐ + M2_b + δ² · nₐ · n_b / n
//
// The result equals that of adding the union's numbers one by one, up to
// floating-point rounding (a relative error of a few ulps per merge).
func (m *Moments) Merge(o Moments) {
	if o.N == 0 {
		return
	}
	if m.N == 0 {
		*m = o
		return
	}
	n := m.N + o.N
	na, nb, nn := float64(m.N), float64(o.N), float64(n)
	delta := o.Mean - m.Mean
	m.Mean += delta * nb / nn
	m.M2 += o.M2 + delta*delta*na*nb/nn
	m.N = n
}

// Variance returns the unbiased sample variance s² = M2 / (n − 1), or NaN
// when n < 2.
func (m Moments) Variance() float64 {
	if m.N < 2 {
		return math.NaN()
	}
	return math.Max(m.M2, 0) / float64(m.N-1)
}

// Interval returns the two-sided confidence interval of the mean at the
// given level (0.95 for 95%), based on Student's t distribution with
// n − 1 degrees of freedom:
//
//	x̄ ± t(1 − (1 − level)/2; n − 1) · s / √n
//
// where s = √Variance() and s / √n is the standard error of the mean
// (stat.StdErr). It assumes the numbers are independent draws, which
// sentences of one article are not quite, so the interval is a guide
// rather than a guarantee. Both bounds are NaN when n < 2; with n ≥ 2
// numbers all equal, the interval is the single point x̄.
func (m Moments) Interval(level float64) (lo, hi float64) {
	if m.N < 2 {
		return math.NaN(), math.NaN()
	}
	se := stat.StdErr(math.Sqrt(m.Variance()), float64(m.N))
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(m.N - 1)}.Quantile(1 - (1-level)/2)
	return m.Mean - t*se, m.Mean + t*se
}
