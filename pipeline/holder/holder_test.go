package holder

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/entities"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// markup builds a document from sentences written for a test. Each sentence
// starts with its stance, "+" for favor, "-" for against, "=" for neutral,
// and marks its mentions as [text|T], T being P (PERSON), O (ORG), A (APP)
// or G (GPE). Sentences are separated by a space, or by a blank line when
// one starts with "¶". Mentions are linked into entities as the entity
// stage links them.
func markup(sents ...string) *doc.Doc {
	d := &doc.Doc{}
	var text strings.Builder
	types := map[byte]doc.EntityType{'P': doc.Person, 'O': doc.Org, 'A': doc.App, 'G': doc.GPE}
	labels := map[byte]doc.Label{'+': doc.Favor, '-': doc.Against, '=': doc.Neutral}
	for i, s := range sents {
		if i > 0 {
			if strings.HasPrefix(s, "¶") {
				text.WriteString("\n\n")
			} else {
				text.WriteString(" ")
			}
		}
		s = strings.TrimPrefix(s, "¶")
		label := labels[s[0]]
		s = s[1:]
		start := text.Len()
		for {
			open := strings.IndexByte(s, '[')
			if open < 0 {
				text.WriteString(s)
				break
			}
			text.WriteString(s[:open])
			bar := strings.IndexByte(s[open:], '|') + open
			end := strings.IndexByte(s[open:], ']') + open
			name := s[open+1 : bar]
			m := doc.Mention{Span: doc.Span{Start: text.Len(), End: text.Len() + len(name)}, Text: name, Type: types[s[bar+1]], Sentence: i}
			text.WriteString(name)
			d.Mentions = append(d.Mentions, m)
			s = s[end+1:]
		}
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: start, End: text.Len()}, Stance: doc.Stance{Label: label}})
	}
	d.Text = text.String()
	for i := range d.Sentences {
		first := len(d.Tokens)
		d.Tokens = append(d.Tokens, tokenize.Split(d.Text, d.Sentences[i].Span)...)
		d.Sentences[i].Tokens = doc.Span{Start: first, End: len(d.Tokens)}
	}
	entities.Link(d)
	return d
}

// holders returns the holder names of d's sentences, "-" for none.
func holders(d *doc.Doc) []string {
	out := make([]string, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = "-"
		if s.Holder != nil {
			out[i] = s.Holder.Name
		}
	}
	return out
}

// resolveCase is one case of testdata/resolve.txt.
type resolveCase struct {
	name string
	// tagged reports a case that needs the part-of-speech tagger.
	tagged bool
	sents  []string
	want   []string
}

// readResolveCases reads the cases of testdata/resolve.txt, in the format
// its header comment describes.
func readResolveCases(t *testing.T) []resolveCase {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "resolve.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var cases []resolveCase
	for n, line := range strings.Split(string(data), "\n") {
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "== "):
			name, tagged := strings.CutSuffix(strings.TrimPrefix(line, "== "), " (tagged)")
			cases = append(cases, resolveCase{name: name, tagged: tagged})
		case len(cases) == 0:
			t.Fatalf("resolve.txt:%d: a sentence before the first case", n+1)
		case strings.HasPrefix(line, "want: "):
			c := &cases[len(cases)-1]
			c.want = strings.Split(strings.TrimPrefix(line, "want: "), " | ")
			if len(c.want) != len(c.sents) {
				t.Fatalf("resolve.txt:%d: %d holders for %d sentences", n+1, len(c.want), len(c.sents))
			}
		default:
			c := &cases[len(cases)-1]
			c.sents = append(c.sents, line)
		}
	}
	for _, c := range cases {
		if c.want == nil {
			t.Fatalf("resolve.txt: case %q has no want line", c.name)
		}
	}
	return cases
}

func TestResolve(t *testing.T) {
	// The resolver uses part-of-speech tags when the tagger ran, and must
	// work without them: every case runs untagged (unless it needs tags)
	// and tagged.
	modes := []bool{false, true}
	tagger, err := wordtag.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range readResolveCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			ran := false
			for _, tagged := range modes {
				if tt.tagged && !tagged {
					continue
				}
				ran = true
				d := markup(tt.sents...)
				if tagged {
					tokenize.Tag(d, tagger)
				}
				Resolve(d)
				if got := holders(d); strings.Join(got, "|") != strings.Join(tt.want, "|") {
					t.Errorf("tagged=%v holders\n got %q\nwant %q", tagged, got, tt.want)
				}
			}
			if !ran {
				t.Skip("needs the part-of-speech tagger")
			}
		})
	}
}

// TestResolveMalformed checks that documents the earlier stages got wrong
// never make Resolve panic, and that every non-neutral sentence still gets a
// holder.
func TestResolveMalformed(t *testing.T) {
	base := func() *doc.Doc {
		return markup(`-[Amber Rudd|P] said "no place to hide."`, "+[Apple|O] disagreed, it said.")
	}
	tests := []struct {
		name   string
		breakd func(d *doc.Doc)
	}{
		{"no tokens", func(d *doc.Doc) { d.Tokens = nil }},
		{"token range past the end", func(d *doc.Doc) { d.Sentences[1].Tokens.End = len(d.Tokens) + 5 }},
		{"reversed token range", func(d *doc.Doc) { d.Sentences[0].Tokens = doc.Span{Start: 3, End: 1} }},
		{"token past the text", func(d *doc.Doc) { d.Tokens[0].End = len(d.Text) + 1 }},
		{"mention without entity", func(d *doc.Doc) { d.Mentions[0].Entity = -1 }},
		{"mention entity out of range", func(d *doc.Doc) { d.Mentions[1].Entity = 42 }},
		{"no entities", func(d *doc.Doc) { d.Entities = nil }},
		{"mentions out of order", func(d *doc.Doc) { d.Mentions[0], d.Mentions[1] = d.Mentions[1], d.Mentions[0] }},
		{"mention past the text", func(d *doc.Doc) { d.Mentions[1].Span = doc.Span{Start: len(d.Text) + 3, End: len(d.Text) + 9} }},
		{"sentence past the text", func(d *doc.Doc) { d.Sentences[1].End = len(d.Text) + 10 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.breakd(d)
			Resolve(d)
			for i, s := range d.Sentences {
				if s.Holder == nil || s.Holder.Name == "" {
					t.Errorf("sentence %d: holder %+v", i, s.Holder)
				}
			}
		})
	}
}

func TestResolveNeutralAndEmpty(t *testing.T) {
	Resolve(&doc.Doc{}) // nothing to do, nothing to break
	d := markup("=[Amber Rudd|P] said nothing new.", "=It rained.")
	d.Sentences[1].Stance.Label = "" // unset counts as neutral
	d.Sentences[0].Holder = &doc.Holder{Name: "stale", Entity: 0}
	Resolve(d)
	for i, s := range d.Sentences {
		if s.Holder != nil {
			t.Errorf("sentence %d: holder %+v, want nil", i, s.Holder)
		}
	}
}

// FuzzResolve feeds Resolve arbitrary text cut into sentences, with every
// capitalized word a mention, and checks it never panics and gives every
// non-neutral sentence a holder.
func FuzzResolve(f *testing.F) {
	f.Add(`"We will not," she said. Apple, it said: "no." According to critics, ▲ 3 · bob_1 · 2h`, uint8(5))
	f.Add("Mr Davies: yes. Mrs Marsh (Vale): no. Q: why? A: because.", uint8(3))
	f.Fuzz(func(t *testing.T, text string, labels uint8) {
		d := &doc.Doc{Article: doc.Article{Text: text}}
		start := 0
		for i := 0; i <= len(text); i++ {
			if i == len(text) || text[i] == '.' || text[i] == '\n' {
				if i > start {
					first := len(d.Tokens)
					d.Tokens = append(d.Tokens, tokenize.Split(text, doc.Span{Start: start, End: i})...)
					label := doc.Labels[(int(labels)>>(len(d.Sentences)%4))%3]
					d.Sentences = append(d.Sentences, doc.Sentence{
						Span: doc.Span{Start: start, End: i}, Tokens: doc.Span{Start: first, End: len(d.Tokens)},
						Stance: doc.Stance{Label: label},
					})
				}
				start = i + 1
			}
		}
		for si, s := range d.Sentences {
			for _, tok := range d.Tokens[s.Tokens.Start:s.Tokens.End] {
				if tok.Norm != "" && tok.Norm[0] >= 'A' && tok.Norm[0] <= 'Z' {
					typ := doc.EntityTypes[len(d.Mentions)%len(doc.EntityTypes)]
					d.Mentions = append(d.Mentions, doc.Mention{Span: tok.Span, Text: tok.Norm, Type: typ, Entity: len(d.Entities), Sentence: si})
					d.Entities = append(d.Entities, doc.Entity{ID: len(d.Entities), Name: tok.Norm, Type: typ})
				}
			}
		}
		Resolve(d)
		for i, s := range d.Sentences {
			if (s.Stance.Label == doc.Neutral) != (s.Holder == nil) {
				t.Errorf("sentence %d (%s): holder %+v", i, s.Stance.Label, s.Holder)
			}
		}
	})
}
