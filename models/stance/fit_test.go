package stance

import (
	"math"
	"testing"
)

func TestMinimizeRosenbrock(t *testing.T) {
	// f(x, y) = (1 − x)² + 100·(y − x²)², minimum 0 at (1, 1).
	f := func(x, g []float64) float64 {
		a, b := 1-x[0], x[1]-x[0]*x[0]
		g[0] = -2*a - 400*x[0]*b
		g[1] = 200 * b
		return a*a + 100*b*b
	}
	x, err := minimize(f, []float64{-1.2, 1}, 500)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(x[0]-1) > 1e-4 || math.Abs(x[1]-1) > 1e-4 {
		t.Errorf("minimize(Rosenbrock) = %v, want (1, 1)", x)
	}
}

// tinyProblem returns a sparse matrix of four rows over three features and
// labels that the features separate.
func tinyProblem() (*sparse, []int) {
	x := &sparse{
		start: []int{0, 2, 3, 5, 6},
		col:   []int32{0, 2, 1, 0, 1, 2},
		val:   []float64{1, 0.5, 1, 1, 2, 1},
	}
	return x, []int{0, 1, 0, 2}
}

func TestObjectiveGradient(t *testing.T) {
	x, y := tinyProblem()
	o := newObjective(x, y, []int{0, 1, 2, 3}, 3, 0.1, 1)
	theta := []float64{0.3, -0.2, 0.1, 0.5, 0.4, -0.6, -0.1, 0.2, 0.7, 0.05, -0.05, 0.1}
	g := make([]float64, len(theta))
	o.eval(theta, g)
	scratch := make([]float64, len(theta))
	const h = 1e-6
	for j := range theta {
		plus := append([]float64(nil), theta...)
		minus := append([]float64(nil), theta...)
		plus[j] += h
		minus[j] -= h
		numeric := (o.eval(plus, scratch) - o.eval(minus, scratch)) / (2 * h)
		if math.Abs(numeric-g[j]) > 1e-6 {
			t.Errorf("∂L/∂θ_%d = %.8f, finite difference %.8f", j, g[j], numeric)
		}
	}
}

func TestClassWeights(t *testing.T) {
	x, y := tinyProblem()
	// Labels 0, 1, 0, 2: with α = 1 class 0 (two sentences) weighs half as
	// much per sentence as the others; the weights sum to 1 over the rows.
	o := newObjective(x, y, []int{0, 1, 2, 3}, 3, 0, 1)
	if got, want := o.weight[1]/o.weight[0], 2.0; math.Abs(got-want) > 1e-12 {
		t.Errorf("ω_1/ω_0 = %v, want %v", got, want)
	}
	if sum := 2*o.weight[0] + o.weight[1] + o.weight[2]; math.Abs(sum-1) > 1e-12 {
		t.Errorf("Σ_i ω_{y_i} = %v, want 1", sum)
	}
	o = newObjective(x, y, []int{0, 1, 2, 3}, 3, 0, 0)
	if o.weight[0] != o.weight[1] {
		t.Errorf("with α = 0, ω = %v, want equal weights", o.weight)
	}
}

func TestFitSeparates(t *testing.T) {
	x, y := tinyProblem()
	for _, nb := range []bool{false, true} {
		theta, err := fit(x, y, []int{0, 1, 2, 3}, 3, 1e-3, nb, Config{ClassWeight: 1, MaxIterations: 200})
		if err != nil {
			t.Fatal(err)
		}
		// With nb the weights returned are for the unscaled features.
		for r, want := range y {
			if got := argmax(softmax(x.logits(theta, r, 3), 1)); got != want {
				t.Errorf("nb %v: row %d: predicted class %d, want %d", nb, r, got, want)
			}
		}
	}
}

func TestNBScale(t *testing.T) {
	// Feature 0 occurs only in class 0, feature 1 evenly in every class,
	// feature 2 in classes 1 and 2 alike.
	x := &sparse{
		start: []int{0, 2, 4, 6},
		col:   []int32{0, 1, 1, 2, 1, 2},
		val:   []float64{1, 1, 1, 1, 1, 1},
	}
	y := []int{0, 1, 2}
	s := nbScale(x, y, []int{0, 1, 2}, 3)
	if !(s[0] > s[2] && s[2] > s[1]) {
		t.Errorf("scales %v, want the class-0 feature above the class-1-and-2 one above the even one", s)
	}
	if s[1] < nbFloor {
		t.Errorf("scale %v below the floor %v", s[1], nbFloor)
	}
	// Only the given rows count: without row 0, feature 0 is unseen and
	// feature 1 is no longer spread over all three classes.
	if s2 := nbScale(x, y, []int{1, 2}, 3); s2[0] >= s[0] {
		t.Errorf("scale of an unseen feature %v, want below %v", s2[0], s[0])
	}
}

func TestFitTemperature(t *testing.T) {
	// Logits whose labels follow softmax(z/2): the fitted T is near 2.
	var logits [][classes]float64
	var y []int
	for i := range 3000 {
		z := [classes]float64{float64(i%7) - 3, float64(i%5) - 2, 0}
		p := softmax(z, 2)
		// Deal labels in proportion to p, deterministically.
		u := float64((i*7919)%1000) / 1000
		c := 0
		for acc := p[0]; u >= acc && c < classes-1; acc += p[c] {
			c++
		}
		logits = append(logits, z)
		y = append(y, c)
	}
	temp, err := fitTemperature(logits, y)
	if err != nil {
		t.Fatal(err)
	}
	if temp < 1.6 || temp > 2.4 {
		t.Errorf("fitted temperature %.3f, want about 2", temp)
	}
}

func TestSoftmax(t *testing.T) {
	p := softmax([classes]float64{1000, 1000, -1000}, 1)
	if math.Abs(p[0]-0.5) > 1e-12 || math.Abs(p[1]-0.5) > 1e-12 || p[2] != 0 {
		t.Errorf("softmax of large logits = %v, want [0.5 0.5 0]", p)
	}
	hot, cool := softmax([classes]float64{2, 1, 0}, 0.5), softmax([classes]float64{2, 1, 0}, 2)
	if !(hot[0] > cool[0]) {
		t.Errorf("a lower temperature should sharpen: %v vs %v", hot, cool)
	}
}

func TestLogOdds(t *testing.T) {
	for _, tc := range []struct {
		p, want [classes]float64
	}{
		{[classes]float64{0.25, 0.25, 0.5}, [classes]float64{math.Log(0.5), math.Log(0.5), 0}},
		{[classes]float64{0.6, 0.1, 0.3}, [classes]float64{math.Log(2), math.Log(1.0 / 3), 0}},
		// Zero probabilities are floored, so that the odds stay finite.
		{[classes]float64{1, 0, 0}, [classes]float64{-math.Log(minOdds), 0, 0}},
		{[classes]float64{0.5, 0, 0.5}, [classes]float64{0, math.Log(minOdds / 0.5), 0}},
	} {
		got := logOdds(tc.p)
		for c := range got {
			if math.Abs(got[c]-tc.want[c]) > 1e-9 {
				t.Errorf("logOdds(%v) = %v, want %v", tc.p, got, tc.want)
				break
			}
		}
	}
}
