package prosebaseline

import (
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

func TestProseBaselineFindsPlacedEntities(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's model")
	}
	text := "Tim Cook met officials in Washington. He works at Apple."
	d := System{}.Process(doc.Article{Text: text})
	if d.Err != nil {
		t.Fatal(d.Err)
	}
	if len(d.Sentences) != 2 {
		t.Errorf("sentences = %+v", d.Sentences)
	}
	if len(d.Mentions) == 0 {
		t.Fatal("prose found no entities")
	}
	for _, m := range d.Mentions {
		if text[m.Start:m.End] != m.Text {
			t.Errorf("mention %+v misplaced", m)
		}
	}
}
