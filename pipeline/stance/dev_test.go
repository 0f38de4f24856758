package stance

import (
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// Floors of the embedded model's scores on the development set: the levels
// it reached when it was trained (macro-F1 0.8247, F_avg 0.8051), less one
// sentence's worth, rounded down; a change that lowers them is a
// regression. The set has 300 sentences, so one sentence moves macro-F1 by
// about 0.004: the cross-validated figures of TestCrossValidation choose
// between models, and these floors only catch a model that is broken.
const (
	devMacroF1Floor = 0.82
	devFAvgFloor    = 0.80
)

// logEvaluation logs the stance scores of e.
func logEvaluation(t *testing.T, what string, e *Evaluation) {
	t.Helper()
	r := &e.Report
	t.Logf("%s %s: accuracy %.4f, macro-F1 %.4f, F_avg %.4f, ECE %.4f", what, r.System, r.StanceAccuracy(), r.MacroF1(), r.FAvg(), e.ECE())
	for _, l := range doc.Labels {
		c := r.LabelCounts(l)
		t.Logf("  %-8s P %.3f R %.3f F1 %.3f", l, c.Precision(), c.Recall(), c.F1())
	}
	t.Logf("  confusion (rows gold, columns predicted, favor/against/neutral): %v", r.Confusion)
}

// TestDevScores scores the embedded model and the keyword baseline on the
// development set, logs their figures and checks the model's floors.
func TestDevScores(t *testing.T) {
	dev := readGold(t, "dev.jsonl")
	base, err := Baseline()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	eb, em := mustEvaluate(t, base, dev), mustEvaluate(t, c, dev)
	logEvaluation(t, "dev", eb)
	logEvaluation(t, "dev", em)
	if got := em.Report.MacroF1(); got < devMacroF1Floor {
		t.Errorf("dev macro-F1 = %.4f, below the floor %.3f", got, devMacroF1Floor)
	}
	if got := em.Report.FAvg(); got < devFAvgFloor {
		t.Errorf("dev F_avg = %.4f, below the floor %.3f", got, devFAvgFloor)
	}
	if em.Report.MacroF1() <= eb.Report.MacroF1() {
		t.Errorf("model macro-F1 %.3f does not beat the baseline's %.3f", em.Report.MacroF1(), eb.Report.MacroF1())
	}
}
