package stance

import (
	"slices"
	"testing"
)

// TestPredictCuesApart checks that the cues of the sentences, which share
// one array, are each their own: appending to one sentence's cues leaves
// the next sentence's as they were, and a later document does not change
// an earlier one's.
func TestPredictCuesApart(t *testing.T) {
	m := tinyModel(t)
	sentences := []string{
		"Critics warned that backdoors would weaken privacy.",
		"Police need lawful access to catch terrorists.",
		"The hearing took place on Monday.",
	}
	first := newDoc("first", sentences...)
	m.Predict(first)
	var want [][]string
	for _, s := range first.Sentences {
		want = append(want, slices.Clone(s.Stance.Cues))
	}
	if len(want[0]) == 0 || len(want[1]) == 0 || want[2] != nil {
		t.Fatalf("cues %q, want some for the first two sentences and nil for the neutral third", want)
	}
	_ = append(first.Sentences[0].Stance.Cues, "appended")
	m.Predict(newDoc("second", sentences[1], sentences[0]))
	for i, s := range first.Sentences {
		if !slices.Equal(s.Stance.Cues, want[i]) {
			t.Errorf("sentence %d: cues %q after appending and another document, want %q", i, s.Stance.Cues, want[i])
		}
	}
}
