package stance

import (
	"errors"
	"fmt"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/optimize"
)

// The stopping rules of minimize.
const (
	gradTol = 1e-6 // stop when ‖∇f‖∞ falls below this
	// Stop when f has not fallen by more than relTol·|f| + absTol over
	// stallIterations iterations.
	relTol          = 1e-9
	absTol          = 1e-12
	stallIterations = 3
)

// minimize returns a minimiser of the smooth function f, which returns
// f(x) and writes ∇f(x) into grad, found from x0 by gonum's limited-memory
// BFGS method (optimize.LBFGS) in at most iterations major iterations. It
// stops when ‖∇f‖∞ < gradTol or when f stalls (see relTol), and also when
// the line search can make no further progress in floating point, which
// happens only next to a minimum; it returns the last point accepted. It
// evaluates f one point at a time, so it is deterministic.
func minimize(f func(x, grad []float64) float64, x0 []float64, iterations int) ([]float64, error) {
	c := newCache(f, len(x0))
	p := optimize.Problem{Func: c.value, Grad: c.gradient}
	settings := &optimize.Settings{
		GradientThreshold: gradTol,
		Converger:         &optimize.FunctionConverge{Relative: relTol, Absolute: absTol, Iterations: stallIterations},
		MajorIterations:   iterations,
	}
	res, err := optimize.Minimize(p, x0, settings, &optimize.LBFGS{})
	if err != nil && !errors.Is(err, optimize.ErrNoProgress) && !errors.Is(err, optimize.ErrLinesearcherFailure) {
		return nil, fmt.Errorf("L-BFGS: %w", err)
	}
	return res.X, nil
}

// A cache evaluates f and its gradient together, once per point: the
// optimizer asks for the value and then for the gradient at the same x.
type cache struct {
	f     func(x, grad []float64) float64
	x     []float64
	fx    float64
	grad  []float64
	valid bool
}

// newCache returns an empty cache for f over n variables.
func newCache(f func(x, grad []float64) float64, n int) *cache {
	return &cache{f: f, x: make([]float64, n), grad: make([]float64, n)}
}

// at evaluates f at x unless x is the point last evaluated.
func (c *cache) at(x []float64) {
	if c.valid && floats.Equal(x, c.x) {
		return
	}
	copy(c.x, x)
	c.fx = c.f(c.x, c.grad)
	c.valid = true
}

// value returns f(x).
func (c *cache) value(x []float64) float64 {
	c.at(x)
	return c.fx
}

// gradient writes ∇f(x) into grad.
func (c *cache) gradient(grad, x []float64) {
	c.at(x)
	copy(grad, c.grad)
}
