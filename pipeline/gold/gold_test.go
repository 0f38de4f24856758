package gold

import (
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

func TestReadLocatesSentencesAndMentions(t *testing.T) {
	in := `{"id":"a","title":"T","url":null,"date":null,"source":null,` +
		`"text":"X said Xi met X.\n\nSignal is safe.",` +
		`"sentences":[{"text":"X said Xi met X.","stance":"neutral","holder":null,` +
		`"entities":[{"text":"X","type":"APP"},{"text":"Xi","type":"PERSON"},{"text":"X","type":"APP"}]},` +
		`{"text":"Signal is safe.","stance":"favor","holder":"author","entities":[{"text":"Signal","type":"APP"}]}]}` + "\n\n"
	arts, err := Read(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 1 || len(arts[0].Sentences) != 2 {
		t.Fatalf("got %d articles", len(arts))
	}
	s := arts[0].Sentences
	if s[1].Start != 18 || s[1].Holder != "author" || s[1].Stance != doc.Favor {
		t.Errorf("second sentence = %+v", s[1])
	}
	var got []int
	for _, m := range s[0].Mentions {
		got = append(got, m.Start)
	}
	if want := []int{0, 7, 14}; !slices.Equal(got, want) {
		t.Errorf("mention starts = %v, want %v", got, want)
	}
	d := arts[0].Doc()
	if d.ID != "a" || d.Text != arts[0].Text || len(d.Sentences) != 2 || d.Sentences[1].Span != s[1].Span || d.Sentences[1].Stance.Label != "" || d.Mentions != nil {
		t.Errorf("Doc() = %+v, want the text and the gold sentence spans only", d)
	}
}

func TestReadErrorsNameTheLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"{}\n{\"id\":\"b\",\"text\":\"abc\",\"sentences\":[{\"text\":\"zzz\",\"stance\":\"neutral\"}]}", `2: article "b" sentence 0: not found`},
		{"not json", "1: invalid character"},
		{`{"id":"c","text":"a b","sentences":[{"text":"a b","stance":"maybe"}]}`, `unknown stance "maybe"`},
		{`{"id":"d","text":"a b","sentences":[{"text":"a b","stance":"neutral","entities":[{"text":"b","type":"DOG"}]}]}`, `unknown type "DOG"`},
		{`{"id":"e","text":"a b","sentences":[{"text":"a b","stance":"neutral","holder":"author"}]}`, `neutral sentence has holder "author"`},
		{`{"id":"f","text":"a b","sentences":[{"text":"a b","stance":"favor"}]}`, `favor sentence has no holder`},
		{`{"id":"g","text":"a b","sentences":[{"text":"a b","stance":"against","holder":"Bob"}]}`, `holder "Bob" does not occur in the text`},
	}
	for _, tt := range tests {
		_, err := Read(strings.NewReader(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Read(%q) error = %v, want it to contain %q", tt.in, err, tt.want)
		}
	}
}

func TestReadProjectGold(t *testing.T) {
	for _, f := range []string{"train", "dev", "extra"} {
		arts, err := ReadFile("../../testdata/gold/" + f + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			for _, s := range a.Sentences {
				if a.Text[s.Start:s.End] != s.Text {
					t.Fatalf("%s: sentence misplaced", a.ID)
				}
				for _, m := range s.Mentions {
					if a.Text[m.Start:m.End] != m.Text || m.Start < s.Start || m.End > s.End {
						t.Fatalf("%s: mention %q misplaced", a.ID, m.Text)
					}
				}
			}
		}
	}
}
