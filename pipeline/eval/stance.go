package eval

import "github.com/stancer/stancer/pipeline/doc"

// LabelCounts returns the counts of label l from the confusion matrix:
// TP = C[l][l], FP = Σ_g≠l C[g][l], FN = Σ_p≠l C[l][p].
func (r *Report) LabelCounts(l doc.Label) Counts {
	i := labelIndex(l)
	var c Counts
	for j := range 3 {
		switch {
		case j == i:
			c.TP += r.Confusion[i][i]
		default:
			c.FP += r.Confusion[j][i]
			c.FN += r.Confusion[i][j]
		}
	}
	return c
}

// StanceAccuracy is the share of gold sentences whose stance was predicted
// right: Σ_l C[l][l] / Σ C.
func (r *Report) StanceAccuracy() float64 {
	right, total := 0, 0
	for g := range 3 {
		for p := range 3 {
			total += r.Confusion[g][p]
			if g == p {
				right += r.Confusion[g][p]
			}
		}
	}
	return ratio(right, total)
}

// MacroF1 is the mean F1 over favor, against and neutral.
func (r *Report) MacroF1() float64 {
	sum := 0.0
	for _, l := range doc.Labels {
		sum += r.LabelCounts(l).F1()
	}
	return sum / 3
}

// FAvg is the SemEval-2016 stance measure, the mean F1 of the two sides:
//
//	F_avg = (F1_favor + F1_against) / 2.
func (r *Report) FAvg() float64 {
	return (r.LabelCounts(doc.Favor).F1() + r.LabelCounts(doc.Against).F1()) / 2
}

// HolderAccuracy is HolderRight / HolderTotal.
func (r *Report) HolderAccuracy() float64 { return ratio(r.HolderRight, r.HolderTotal) }
