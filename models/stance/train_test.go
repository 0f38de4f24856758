package stance

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

func TestTrainDeterministic(t *testing.T) {
	a, b := encoded(t, tinyModel(t)), encoded(t, tinyModel(t))
	if !bytes.Equal(a, b) {
		t.Error("two trainings on the same data give different model files")
	}
}

func TestTrainLearns(t *testing.T) {
	m := tinyModel(t)
	d := newDoc("unseen",
		"Critics warned that backdoors would weaken privacy.",
		"Police need lawful access to catch terrorists.",
		"The hearing took place on Monday.",
	)
	m.Predict(d)
	for i, want := range []doc.Label{doc.Favor, doc.Against, doc.Neutral} {
		st := d.Sentences[i].Stance
		if st.Label != want {
			t.Errorf("sentence %d: %s, want %s", i, st.Label, want)
		}
		if st.Confidence < 1.0/3 || st.Confidence > 1 || st.Score < -1 || st.Score > 1 {
			t.Errorf("sentence %d: confidence %v, score %v out of range", i, st.Confidence, st.Score)
		}
		if (want == doc.Neutral) != (len(st.Cues) == 0) || len(st.Cues) > maxCues {
			t.Errorf("sentence %d (%s): cues %q", i, st.Label, st.Cues)
		}
	}
}

func TestTrainRejects(t *testing.T) {
	data := tinyCorpus(3)
	bad := []Labeled{{Doc: data[0].Doc, Labels: data[0].Labels[:1]}}
	unknown := []Labeled{{Doc: data[0].Doc, Labels: []doc.Label{"maybe", doc.Favor, doc.Neutral}}}
	cfg := DefaultConfig()
	noFolds := cfg
	noFolds.Folds = 1
	negative := cfg
	negative.L2 = -1
	for _, tc := range []struct {
		name string
		data []Labeled
		cfg  Config
		want string
	}{
		{"labels mismatch", bad, cfg, "labels do not match"},
		{"unknown label", unknown, cfg, "unknown label"},
		{"no data", nil, cfg, "no labeled sentences"},
		{"one fold", data, noFolds, "invalid training configuration"},
		{"negative penalty", data, negative, "invalid training configuration"},
	} {
		if _, err := Train(tc.data, tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

func TestFolds(t *testing.T) {
	ids := []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}
	folds := Folds(ids, 5)
	var sizes [5]int
	for _, f := range folds {
		sizes[f]++
	}
	if slices.Min(sizes[:]) < 2 || slices.Max(sizes[:]) > 3 {
		t.Errorf("fold sizes %v, want 2 or 3 each", sizes)
	}
	// The fold of an article does not depend on the order of the list.
	rev := slices.Clone(ids)
	slices.Reverse(rev)
	revFolds := Folds(rev, 5)
	for i, id := range ids {
		if j := slices.Index(rev, id); revFolds[j] != folds[i] {
			t.Errorf("article %q is in fold %d, and %d when the list is reversed", id, folds[i], revFolds[j])
		}
	}
}
