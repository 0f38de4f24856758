package entities

import (
	"testing"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// FuzzRecognize runs the stages up to Recognize on arbitrary text and
// checks what Recognize promises: mentions in text order, inside their
// sentences, with the text they span, each pointing at an entity whose
// count and aliases agree.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"Home Secretary Amber Rudd met Apple's Tim Cook in London. Rudd said WhatsApp must help.",
		"The Electronic Frontier Foundation (EFF) sued. EFF-backed groups (Wire/Lee Garver) agreed.",
		"WASHINGTON — FBI FBI FBI ( ) ' 's Müller-Lüdenscheidt X.",
		"",
	} {
		f.Add(s)
	}
	r, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // the reader repairs invalid UTF-8 before any stage
		}
		d := analyze(t, r, text)
		counts := make([]int, len(d.Entities))
		for i, m := range d.Mentions {
			if i > 0 && m.Start < d.Mentions[i-1].End {
				t.Fatalf("mention %d %q overlaps or precedes mention %d", i, m.Text, i-1)
			}
			if m.Sentence < 0 || m.Sentence >= len(d.Sentences) {
				t.Fatalf("mention %q in sentence %d of %d", m.Text, m.Sentence, len(d.Sentences))
			}
			if s := d.Sentences[m.Sentence]; m.Start < s.Start || m.End > s.End || m.Start >= m.End {
				t.Fatalf("mention %q [%d,%d) outside sentence [%d,%d)", m.Text, m.Start, m.End, s.Start, s.End)
			}
			if d.Text[m.Start:m.End] != m.Text {
				t.Fatalf("mention text %q, span holds %q", m.Text, d.Text[m.Start:m.End])
			}
			if m.Entity < 0 || m.Entity >= len(d.Entities) {
				t.Fatalf("mention %q points at entity %d of %d", m.Text, m.Entity, len(d.Entities))
			}
			counts[m.Entity]++
		}
		for i, e := range d.Entities {
			if e.ID != i || e.Count != counts[i] || len(e.Aliases) == 0 || e.Name == "" {
				t.Fatalf("entity %d = %+v, %d mentions point at it", i, e, counts[i])
			}
			switch e.Type {
			case doc.Person, doc.Org, doc.App, doc.GPE:
			default:
				t.Fatalf("entity %d has type %q", i, e.Type)
			}
		}
	})
}
