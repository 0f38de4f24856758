package ner

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/models/gazetteer"
)

var testTypes = []string{"ORG", "PERSON"}

func TestEncodeDecode(t *testing.T) {
	s := Sentence{
		Words:    strings.Fields("Home Secretary Amber Rudd met the Home Office"),
		Mentions: []Chunk{{2, 4, "PERSON"}, {6, 8, "ORG"}},
	}
	labels := make([]label, len(s.Words))
	if err := encode(s, testTypes, labels); err != nil {
		t.Fatal(err)
	}
	want := []label{outside, outside, begin(1), inside(1), outside, outside, begin(0), inside(0)}
	if !slices.Equal(labels, want) {
		t.Errorf("labels = %v, want %v", labels, want)
	}
	if got := decode(labels, testTypes, nil); !slices.Equal(got, s.Mentions) {
		t.Errorf("decode = %v, want %v", got, s.Mentions)
	}
}

func TestDecodeStrayInside(t *testing.T) {
	got := decode([]label{inside(0), inside(0), begin(1), inside(0)}, testTypes, nil)
	want := []Chunk{{0, 2, "ORG"}, {2, 3, "PERSON"}, {3, 4, "ORG"}}
	if !slices.Equal(got, want) {
		t.Errorf("decode = %v, want %v", got, want)
	}
}

func TestEncodeRejectsBadMentions(t *testing.T) {
	words := strings.Fields("a b c")
	tests := []struct {
		name     string
		mentions []Chunk
		want     string
	}{
		{"empty", []Chunk{{1, 1, "ORG"}}, "empty"},
		{"out of range", []Chunk{{2, 4, "ORG"}}, "out of range"},
		{"overlap", []Chunk{{0, 2, "ORG"}, {1, 3, "ORG"}}, "out of order"},
		{"unknown type", []Chunk{{0, 1, "DOG"}}, `unknown type "DOG"`},
	}
	for _, tt := range tests {
		err := encode(Sentence{Words: words, Mentions: tt.mentions}, testTypes, make([]label, 3))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
}

// TestViterbiKeepsBIOValid gives emission scores that favour invalid
// sequences and checks that decoding picks the best valid one.
func TestViterbiKeepsBIOValid(t *testing.T) {
	const nl = 5 // O, B-ORG, I-ORG, B-PERSON, I-PERSON
	tests := []struct {
		name string
		em   []int32
		want []label
	}{
		{"no I first", []int32{0, 0, 9, 0, 0}, []label{outside}},
		{"I after B of its type", []int32{
			0, 0, 0, 0, 0,
			0, 1, 0, 0, 0,
			0, 0, 0, 0, 9, // I-PERSON: worth switching t=1 to B-PERSON
		}, []label{outside, begin(1), inside(1)}},
		{"ties go to the lower label", []int32{0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, []label{outside, outside}},
	}
	trans := make([]int32, (nl+1)*nl)
	var v viterbi
	for _, tt := range tests {
		got := v.decode(tt.em, trans, nl, len(tt.em)/nl, nil)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: decode = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestShapeAndCaps(t *testing.T) {
	tests := []struct {
		w, shape string
		caps     uint8
	}{
		{"Apple", "Xxx", capInit},
		{"FBI", "XX", capAll},
		{"X", "X", capInit},
		{"iMessage", "xXxx", capMixed},
		{"U.S.", "X.X.", capAll},
		{"2017", "dd", capNone},
		{"Müller", "Xxx", capInit},
		{"MÜLLER", "XX", capAll},
		{"the", "xx", capLower},
		{"—", "o", capNone},
	}
	for _, tt := range tests {
		shape, caps := shapeCaps(tt.w)
		if shape != shapeOf(tt.shape) {
			t.Errorf("shape of %q is not %q", tt.w, tt.shape)
		}
		if caps != tt.caps {
			t.Errorf("caps of %q = %d, want %d", tt.w, caps, tt.caps)
		}
	}
}

// shapeOf returns the hash of a shape written out.
func shapeOf(s string) uint64 {
	h, _ := shapeCaps("")
	for i := 0; i < len(s); i++ {
		h = gazetteer.ExtendByte(h, s[i])
	}
	return h
}

// TestViterbiFindsTheBestScore checks decode against every valid label
// sequence of random sentences, with emission and transition weights of a
// range wide enough that no two sequences tie, and in half of them some
// tokens held to O.
func TestViterbiFindsTheBestScore(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	const nl = 5 // O, B-ORG, I-ORG, B-PERSON, I-PERSON
	var v viterbi
	for range 200 {
		n := 1 + rng.IntN(5)
		em := make([]int32, n*nl)
		trans := make([]int32, (nl+1)*nl)
		for _, w := range [][]int32{em, trans} {
			for i := range w {
				w[i] = rng.Int32N(1<<30) - 1<<29
			}
		}
		score := func(y []label) int64 {
			s, prev := int64(0), -1
			for t, l := range y {
				s += int64(em[t*nl+int(l)]) + int64(trans[(prev+1)*nl+int(l)])
				prev = int(l)
			}
			return s
		}
		var holdO []bool
		if rng.IntN(2) == 0 {
			holdO = make([]bool, n)
			for t := range holdO {
				holdO[t] = rng.IntN(2) == 0
			}
		}
		best := int64(math.MinInt64)
		y := make([]label, n)
		var walk func(t int)
		walk = func(t int) {
			if t == n {
				best = max(best, score(y))
				return
			}
			for l := range label(nl) {
				if isInside(l) && (t == 0 || (y[t-1] != l && y[t-1] != l-1)) {
					continue // an I label after neither its B nor its I
				}
				if holdO != nil && holdO[t] && l != outside {
					continue
				}
				y[t] = l
				walk(t + 1)
			}
		}
		walk(0)
		got := v.decode(em, trans, nl, n, holdO)
		if s := score(got); s != best {
			t.Fatalf("decode scores %d, the best valid sequence %d", s, best)
		}
		for t0, l := range got {
			if holdO != nil && holdO[t0] && l != outside {
				t.Fatalf("token %d is held to O but labeled %d", t0, l)
			}
		}
	}
}
