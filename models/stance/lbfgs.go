package stance

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// The settings of lbfgs.
const (
	lbfgsMemory    = 10    // correction pairs kept
	lbfgsGradTol   = 1e-6  // stop when ‖∇f‖∞ falls below this
	lbfgsRelTol    = 1e-10 // stop when f improves by less than this share
	lbfgsArmijo    = 1e-4  // sufficient-decrease constant c₁
	lbfgsBacktrack = 0.5   // step shrink factor of the line search
	lbfgsMaxShrink = 40    // line-search trials before giving up
)

// lbfgs minimises the smooth function f, which returns f(x) and writes
// ∇f(x) into grad, starting from x0, with the limited-memory BFGS method:
// the search direction d = −H∇f comes from the two-loop recursion over the
// last lbfgsMemory pairs s_k = x_{k+1} − x_k, y_k = ∇f_{k+1} − ∇f_k, with
// the initial scaling H₀ = (s·y)/(y·y)·I, and each step length α is found
// by backtracking until the Armijo condition
//
//	f(x + αd) ≤ f(x) + c₁·α·∇f(x)·d
//
// holds. It stops when ‖∇f‖∞ < lbfgsGradTol, when f improves by less than
// lbfgsRelTol·max(1, |f|), when the line search finds no decrease, or after
// iterations steps, and returns the best point found. It is deterministic.
func lbfgs(f func(x, grad []float64) float64, x0 []float64, iterations int) []float64 {
	n := len(x0)
	x := append([]float64(nil), x0...)
	g := make([]float64, n)
	fx := f(x, g)
	var (
		ss, ys [][]float64
		rhos   []float64
		alphas = make([]float64, lbfgsMemory)
		d      = make([]float64, n)
		xNew   = make([]float64, n)
		gNew   = make([]float64, n)
	)
	for iter := 0; iter < iterations; iter++ {
		if floats.Norm(g, math.Inf(1)) < lbfgsGradTol {
			break
		}
		// d = −H∇f by the two-loop recursion.
		copy(d, g)
		for k := len(ss) - 1; k >= 0; k-- {
			alphas[k] = rhos[k] * floats.Dot(ss[k], d)
			floats.AddScaled(d, -alphas[k], ys[k])
		}
		if k := len(ss) - 1; k >= 0 {
			floats.Scale(1/(rhos[k]*floats.Dot(ys[k], ys[k])), d)
		} else {
			floats.Scale(1/math.Max(1, floats.Norm(g, 2)), d)
		}
		for k := range ss {
			beta := rhos[k] * floats.Dot(ys[k], d)
			floats.AddScaled(d, alphas[k]-beta, ss[k])
		}
		floats.Scale(-1, d)
		slope := floats.Dot(g, d)
		if slope >= 0 {
			// Not a descent direction: restart from steepest descent.
			ss, ys, rhos = ss[:0], ys[:0], rhos[:0]
			floats.ScaleTo(d, -1/math.Max(1, floats.Norm(g, 2)), g)
			slope = floats.Dot(g, d)
		}
		step, fNew := 1.0, 0.0
		accepted := false
		for range lbfgsMaxShrink {
			floats.AddScaledTo(xNew, x, step, d)
			fNew = f(xNew, gNew)
			if fNew <= fx+lbfgsArmijo*step*slope {
				accepted = true
				break
			}
			step *= lbfgsBacktrack
		}
		if !accepted {
			break
		}
		// Keep the pair (s, y) when it has positive curvature.
		s := make([]float64, n)
		y := make([]float64, n)
		floats.SubTo(s, xNew, x)
		floats.SubTo(y, gNew, g)
		if sy := floats.Dot(s, y); sy > 1e-12 {
			if len(ss) == lbfgsMemory {
				ss, ys, rhos = ss[1:], ys[1:], rhos[1:]
			}
			ss, ys, rhos = append(ss, s), append(ys, y), append(rhos, 1/sy)
		}
		improved := fx - fNew
		x, xNew = xNew, x
		g, gNew = gNew, g
		fx = fNew
		if improved < lbfgsRelTol*math.Max(1, math.Abs(fx)) {
			break
		}
	}
	return x
}
