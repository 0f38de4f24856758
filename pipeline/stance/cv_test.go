package stance

import "testing"

// Floors of the 5-fold cross-validation on the training set: the levels
// the released configuration reached (macro-F1 0.8154, F_avg 0.8091),
// less about one sentence's worth (0.004), rounded down.
const (
	cvMacroF1Floor = 0.81
	cvFAvgFloor    = 0.80
)

// TestCrossValidation runs 5-fold cross-validation of the released
// configuration on the training set, each fold trained with the extra
// articles too and scored on its training articles alone, logs its figures
// and those of the keyword baseline on the same articles, and checks the
// floors. It trains five models, so it runs only with STANCER_SLOW=1.
func TestCrossValidation(t *testing.T) {
	if !slow() {
		t.Skip("set STANCER_SLOW=1 to cross-validate")
	}
	train := readGold(t, "train.jsonl")
	extra := readGold(t, "extra.jsonl")
	base, err := Baseline()
	if err != nil {
		t.Fatal(err)
	}
	logEvaluation(t, "train", mustEvaluate(t, base, train))
	e, err := CrossValidate(train, 5, extra)
	if err != nil {
		t.Fatal(err)
	}
	logEvaluation(t, "train", e)
	if got := e.Report.MacroF1(); got < cvMacroF1Floor {
		t.Errorf("cross-validated macro-F1 = %.3f, below the floor %.3f", got, cvMacroF1Floor)
	}
	if got := e.Report.FAvg(); got < cvFAvgFloor {
		t.Errorf("cross-validated F_avg = %.3f, below the floor %.3f", got, cvFAvgFloor)
	}
	if ece := e.ECE(); ece > 0.05 {
		t.Errorf("held-out confidences are miscalibrated: ECE %.3f", ece)
	}
}
