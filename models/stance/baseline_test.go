package stance

import (
	"slices"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

func TestBaseline(t *testing.T) {
	b, err := NewBaseline()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		sentence string
		label    doc.Label
		score    float64
		cues     []string
	}{
		{"A backdoor for the police is a backdoor for criminals.", doc.Favor, 1, []string{"backdoor"}},
		{"There must be no place for terrorists to hide.", doc.Against, -1, []string{"must", "no place for terrorists to hide"}},
		// The negated cue is cancelled; the one after the comma counts.
		{"We are not asking for a backdoor, only lawful access.", doc.Against, -1, []string{"lawful access"}},
		{"Privacy matters, but so do children.", doc.Neutral, 0, nil},
		{"The vote is on Tuesday.", doc.Neutral, 0, nil},
	} {
		d := newDoc("baseline", tc.sentence)
		b.Predict(d)
		st := d.Sentences[0].Stance
		if st.Label != tc.label || st.Score != tc.score || !slices.Equal(st.Cues, tc.cues) {
			t.Errorf("%q: %s %+.2f %q, want %s %+.2f %q", tc.sentence, st.Label, st.Score, st.Cues, tc.label, tc.score, tc.cues)
		}
	}
}
