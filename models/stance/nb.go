package stance

import "math"

// The settings of nbScale.
const (
	nbSmoothing = 1.0 // α, added to every count
	nbFloor     = 0.1 // the least scale of a feature
)

// nbScale returns the naive-Bayes log-count-ratio scale of each of the
// features of x over the given rows (as in NB-SVM, Wang and Manning 2012,
// made multiclass one class against the rest). With n_jc = Σ_{i: y_i = c}
// x_ij the count of feature j in class c, N_c = Σ_j n_jc, n_j¬c and N_¬c
// the same over the other classes, and V the number of features,
//
//	r_jc = log( ((n_jc + α)/(N_c + αV)) / ((n_j¬c + α)/(N_¬c + αV)) ),
//	s_j  = max(max_c |r_jc|, floor).
//
// Fitting on the scaled values s_j·x_ij is fitting on x with the penalty
// (λ/2)·Σ_j ‖W_j‖²/s_j²: a feature whose counts differ by class is
// penalised less than one spread evenly over the classes.
func nbScale(x *sparse, y, rows []int, features int) []float64 {
	n := make([][classes]float64, features)
	var total [classes]float64
	for _, r := range rows {
		for k := x.start[r]; k < x.start[r+1]; k++ {
			n[x.col[k]][y[r]] += x.val[k]
			total[y[r]] += x.val[k]
		}
	}
	all := total[0] + total[1] + total[2]
	v := nbSmoothing * float64(features)
	scale := make([]float64, features)
	for j, nj := range n {
		sum := nj[0] + nj[1] + nj[2]
		s := nbFloor
		for c := range classes {
			in := (nj[c] + nbSmoothing) / (total[c] + v)
			out := (sum - nj[c] + nbSmoothing) / (all - total[c] + v)
			s = math.Max(s, math.Abs(math.Log(in/out)))
		}
		scale[j] = s
	}
	return scale
}

// scaled returns x with the value of every column j multiplied by scale[j].
func (x *sparse) scaled(scale []float64) *sparse {
	xs := &sparse{start: x.start, col: x.col, val: make([]float64, len(x.val))}
	for k, v := range x.val {
		xs.val[k] = v * scale[x.col[k]]
	}
	return xs
}
