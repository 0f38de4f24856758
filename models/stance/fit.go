package stance

import (
	"errors"
	"fmt"
	"math"
)

// objective is the training loss of Train over a subset of the rows of x.
type objective struct {
	x        *sparse
	y        []int
	rows     []int
	features int
	l2       float64
	weight   [classes]float64 // ω_c / Σ_i ω_{y_i}
}

// newObjective returns the loss over the given rows, with the class
// weights ω_c = (N / (3·N_c))^α normalised by their sum over the rows.
func newObjective(x *sparse, y, rows []int, features int, l2, alpha float64) *objective {
	o := &objective{x: x, y: y, rows: rows, features: features, l2: l2}
	var n [classes]int
	for _, r := range rows {
		n[y[r]]++
	}
	total := 0.0
	for c := range n {
		if n[c] > 0 {
			o.weight[c] = math.Pow(float64(len(rows))/float64(classes*n[c]), alpha)
			total += float64(n[c]) * o.weight[c]
		}
	}
	for c := range o.weight {
		o.weight[c] /= total
	}
	return o
}

// eval returns the loss at theta and writes its gradient into g.
func (o *objective) eval(theta, g []float64) float64 {
	loss := 0.0
	nw := classes * o.features
	for j, w := range theta[:nw] {
		loss += 0.5 * o.l2 * w * w
		g[j] = o.l2 * w
	}
	clear(g[nw:])
	for _, r := range o.rows {
		z := o.x.logits(theta, r, o.features)
		p := softmax(z, 1)
		y := o.y[r]
		wt := o.weight[y]
		loss -= wt * math.Log(max(p[y], math.SmallestNonzeroFloat64))
		var d [classes]float64
		for c := range d {
			d[c] = p[c] * wt
		}
		d[y] -= wt
		for k := o.x.start[r]; k < o.x.start[r+1]; k++ {
			gj := g[classes*int(o.x.col[k]):]
			v := o.x.val[k]
			for c := range d {
				gj[c] += d[c] * v
			}
		}
		for c := range d {
			g[nw+c] += d[c]
		}
	}
	return loss
}

// fit minimises the training loss with penalty weight l2 over the given
// rows, with the class weights and iteration limit of cfg, from zero, and
// returns the parameters: W_jc = theta[3j+c], then the biases. With nb it
// fits on the naive-Bayes scaled features (see nbScale) and returns the
// weights for the unscaled ones.
func fit(x *sparse, y, rows []int, features int, l2 float64, nb bool, cfg Config) ([]float64, error) {
	var scale []float64
	if nb {
		scale = nbScale(x, y, rows, features)
		x = x.scaled(scale)
	}
	o := newObjective(x, y, rows, features, l2, cfg.ClassWeight)
	theta, err := minimize(o.eval, make([]float64, classes*features+classes), cfg.MaxIterations)
	if err != nil {
		return nil, fmt.Errorf("stance: fitting the weights: %w", err)
	}
	if !finite(theta) {
		return nil, errors.New("stance: fitting the weights diverged")
	}
	for j, s := range scale {
		for c := range classes {
			theta[classes*j+c] *= s
		}
	}
	return theta, nil
}

// fitTemperature returns the temperature T minimising the negative
// log-likelihood of the labels y under softmax(z/T), searched over
// τ = log T with the gradient
//
//	∂/∂τ Σ_i −log softmax(z_i/T)_{y_i} = −Σ_i Σ_c (p_ic − [y_i = c])·z_ic/T.
func fitTemperature(logits [][classes]float64, y []int) (float64, error) {
	nll := func(tau, grad []float64) float64 {
		t := math.Exp(tau[0])
		loss, g := 0.0, 0.0
		for i, z := range logits {
			p := softmax(z, t)
			loss -= math.Log(max(p[y[i]], math.SmallestNonzeroFloat64))
			for c := range z {
				e := 0.0
				if c == y[i] {
					e = 1
				}
				g -= (p[c] - e) * z[c] / t
			}
		}
		grad[0] = g
		return loss
	}
	tau, err := minimize(nll, []float64{0}, 100)
	if err != nil {
		return 0, fmt.Errorf("stance: calibrating the temperature: %w", err)
	}
	if !finite(tau) {
		return 0, errors.New("stance: calibrating the temperature diverged")
	}
	return math.Exp(tau[0]), nil
}
