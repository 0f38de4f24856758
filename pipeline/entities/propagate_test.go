package entities

import (
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// TestPropagate gives propagate the mentions a model might have found and
// checks the ones it adds.
func TestPropagate(t *testing.T) {
	r := defaultRecognizer(t)
	tests := []struct {
		name      string
		sentences []string
		found     []string // "sentence:TYPE:text", in text order
		want      []string // all mentions after propagate, as "sentence:TYPE:text"
	}{
		{"last names and repeats",
			[]string{"FBI Director James Comey spoke.", "Comey said the FBI would appeal.", "Comey Jr. and comey left."},
			[]string{"0:ORG:FBI", "0:PERSON:James Comey"},
			[]string{"0:ORG:FBI", "0:PERSON:James Comey", "1:PERSON:Comey", "1:ORG:FBI", "2:PERSON:Comey"}},
		{"majority type, ties to the first",
			[]string{"Signal said no.", "Use Signal now.", "Signal, they said."},
			[]string{"0:ORG:Signal", "1:APP:Signal"},
			[]string{"0:ORG:Signal", "1:APP:Signal", "2:ORG:Signal"}},
		{"longest name first",
			[]string{"They flew Home, said the Home Office.", "Home Office staff flew Home."},
			[]string{"0:GPE:Home", "0:ORG:Home Office"},
			[]string{"0:GPE:Home", "0:ORG:Home Office", "1:ORG:Home Office", "1:GPE:Home"}},
		{"common words do not spread",
			[]string{"Monday was hot.", "On Monday we met British officials.", "British rules."},
			[]string{"0:PERSON:Monday", "1:GPE:British"},
			[]string{"0:PERSON:Monday", "1:GPE:British"}},
	}
	for _, tt := range tests {
		text := strings.Join(tt.sentences, " ")
		d := &doc.Doc{Article: doc.Article{Text: text}}
		at := 0
		for _, s := range tt.sentences {
			d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: at, End: at + len(s)}})
			at += len(s) + 1
		}
		tokenize.Tokenize(d)
		b := new(docBuf)
		b.split(d)
		for _, f := range tt.found {
			parts := strings.SplitN(f, ":", 3)
			si := int(parts[0][0] - '0')
			sp := b.sents[si]
			n := len(strings.Fields(parts[2]))
			for i := sp.Start; i+n <= sp.End; i++ {
				if text[b.pieces[i].Start:b.pieces[i+n-1].End] == parts[2] {
					b.addMention(d, si, i, i+n, doc.EntityType(parts[1]))
					break
				}
			}
		}
		if len(b.mentions) != len(tt.found) {
			t.Fatalf("%s: placed %d of %d mentions", tt.name, len(b.mentions), len(tt.found))
		}
		b.propagate(d, r)
		var got []string
		for i, m := range b.mentions {
			got = append(got, string(rune('0'+m.Sentence))+":"+string(m.Type)+":"+m.Text)
			if sp := b.spans[i]; text[b.pieces[sp.Start].Start:b.pieces[sp.End-1].End] != m.Text {
				t.Errorf("%s: mention %q has pieces %v", tt.name, m.Text, sp)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: mentions =\n%q\nwant\n%q", tt.name, got, tt.want)
		}
	}
}

func TestStartsUpper(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"", false},
		{"Comey", true},
		{"Z", true},
		{"comey", false},
		{"@", false},
		{"[", false},
		{"9to5", false},
		{"Élysée", true},
		{"élysée", false},
		{"Ωmega", true},
		{"\xff", false},
	} {
		if got := startsUpper(tc.w); got != tc.want {
			t.Errorf("startsUpper(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}
