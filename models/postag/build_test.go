package postag

import (
	"strings"
	"testing"
)

// toyModel is a small model whose tags can be worked out by hand.
func toyModel() *proseModel {
	return &proseModel{
		classes: []string{"NN", "DT", "VB", "(", ")"},
		tagDict: map[string]string{"the": "DT", "(": "(", ")": ")"},
		weights: map[string]map[string]float64{
			"bias":                      {"NN": 0.5, "DT": 0, "VB": 0},
			"i word run":                {"VB": 1},
			"i word tie":                {"NN": -1},
			"i-1 tag DT":                {"NN": 1},
			"i-1 word to":               {"VB": 2},
			"i pref1 \u00c3":            {"DT": 5}, // prose reads the first byte of "é" as U+00C3
			"i+1 suffix ing":            {"DT": 0.75},
			"i-2 word -START-":          {"VB": 0.25},
			"i tag+i-2 tag ) (":         {"VB": 9},
			"i-1 tag+i word NN !digits": {"VB": 1},
			"i+2 word -END2-":           {},
		},
	}
}

// TestBuildToyModel tags with the Tagger that build makes of the toy model
// and with the one decoded from its model file.
func TestBuildToyModel(t *testing.T) {
	built, err := build(toyModel())
	if err != nil {
		t.Fatal(err)
	}
	decoded, err := decode(string(encode(built)))
	if err != nil {
		t.Fatal(err)
	}
	for name, tg := range map[string]*Tagger{"built": built, "decoded": decoded} {
		t.Run(name, func(t *testing.T) { testToyTags(t, tg) })
	}
}

func testToyTags(t *testing.T, tg *Tagger) {
	for _, tc := range []struct{ words, tags string }{
		{"the run", "DT NN"},     // run: NN .5+1 after DT, VB 1
		{"to run", "NN VB"},      // run: NN .5, VB 1+2 after the word to
		{"élan", "DT"},           // the first byte read as a rune
		{"tie", "VB"},            // NN -.5, DT 0, VB .25: the i-2 word is -START-
		{"x tie", "NN DT"},       // tie: DT and VB both 0, DT the first class
		{"a sing", "DT NN"},      // a: DT .75 from the next word's suffix
		{"x !digits", "NN VB"},   // !digits: NN .5, VB 1 after NN
		{"x !DIGITS", "NN VB"},   // "!DIGITS" normalizes to "!digits"
		{"x 12", "NN NN"},        // "12" normalizes to "!DIGITS"
		{"x ( ) y", "NN ( ) VB"}, // tags that are no labels still key features
	} {
		if got := tagFields(tg, tc.words); got != tc.tags {
			t.Errorf("%q: got %s, want %s", tc.words, got, tc.tags)
		}
	}
}

func TestBuildRejects(t *testing.T) {
	type features = map[string]map[string]float64
	for _, tc := range []struct {
		name     string
		features features
		want     string
	}{
		{"fraction", features{"i word x": {"NN": 0.0005}}, "multiple of 0.001"},
		{"huge", features{"i word x": {"NN": 1e9}}, "multiple of 0.001"},
		{"template", features{"i-3 word x": {"NN": 1}}, "no known template"},
		{"pair", features{"i tag+i-2 tag DT": {"NN": 1}}, "second value"},
		{"label", features{"i word x": {"(": 1}}, "bias feature lacks"},
		{"class", features{"bias": {"JJ": 1}}, "not classes"},
		{"score bound", features{"i word x": {"NN": 300}, "i suffix x": {"NN": -300}}, "scores may reach ±618000 thousandths, beyond the ±524287"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := toyModel()
			for key, ws := range tc.features {
				m.weights[key] = ws
			}
			_, err := build(m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("build: error %v, want one mentioning %q", err, tc.want)
			}
		})
	}
}
