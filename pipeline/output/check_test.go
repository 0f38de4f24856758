package output

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// TestAppendInvalid breaks the fixture in one way per case and checks that
// Append refuses it with ErrInvalid, writing nothing. Where the broken
// article can still be encoded, bypassing the check, it also checks that
// schema.Validate rejects the record: the check and the schema agree.
func TestAppendInvalid(t *testing.T) {
	tests := []struct {
		name      string
		breakIt   func(d *doc.Doc)
		encodable bool // the encoder does not panic on it unchecked
		want      string
	}{
		{"sentence past text", func(d *doc.Doc) { d.Sentences[3].End = len(d.Text) + 1 }, false, "sentence 3 span"},
		{"sentence reversed", func(d *doc.Doc) { d.Sentences[0].Start, d.Sentences[0].End = 5, 2 }, false, "sentence 0 span [5, 2)"},
		{"negative start", func(d *doc.Doc) { d.Sentences[0].Start = -1 }, false, "sentence 0 span"},
		{"sentence cuts a character", func(d *doc.Doc) { d.Sentences[0].Start = 4 }, false, "between characters"},
		{"sentences overlap", func(d *doc.Doc) { d.Sentences[1].Start = d.Sentences[0].End - 3 }, true, "before the end"},
		{"mention outside its sentence", func(d *doc.Doc) { d.Mentions[0].Sentence = 0 }, true, "not inside its sentence"},
		{"mention cuts a character", func(d *doc.Doc) { d.Mentions[0].End-- }, false, "mention 0 span"},
		{"mention in missing sentence", func(d *doc.Doc) { d.Mentions[0].Sentence = 4 }, false, "sentence 4 of 4"},
		{"mention of missing entity", func(d *doc.Doc) { d.Mentions[1].Entity = 4 }, true, "entity 4 of 4"},
		{"mention of negative entity", func(d *doc.Doc) { d.Mentions[1].Entity = -1 }, true, "entity -1 of 4"},
		{"mention type", func(d *doc.Doc) { d.Mentions[1].Type = "PRODUCT" }, true, `unknown type "PRODUCT"`},
		{"entity id", func(d *doc.Doc) { d.Entities[2].ID = 7 }, true, "entity 2 has id 7"},
		{"entity type", func(d *doc.Doc) { d.Entities[2].Type = "" }, true, `entity 2 has unknown type ""`},
		{"entity without mentions", func(d *doc.Doc) { d.Entities[1].Count = 0 }, true, "entity 1 has 0 mentions"},
		{"entity sentences", func(d *doc.Doc) { d.Entities[1].Stance.Sentences = -1 }, true, "holds -1 sentences"},
		{"entity label", func(d *doc.Doc) { d.Entities[1].Stance.Label = "" }, true, `entity 1 stance: unknown label ""`},
		{"entity score", func(d *doc.Doc) { d.Entities[1].Stance.Score = -1.01 }, true, "score -1.01 outside"},
		{"article label", func(d *doc.Doc) { d.Stance.Label = "pro" }, true, `article stance: unknown label "pro"`},
		{"article score", func(d *doc.Doc) { d.Stance.Score = 2 }, true, "score 2 outside"},
		{"article counts", func(d *doc.Doc) { d.Stance.Counts.Against = -1 }, true, "counts"},
		{"sentence label", func(d *doc.Doc) { d.Sentences[2].Stance.Label = "Against" }, true, `sentence 2 stance: unknown label "Against"`},
		{"sentence score", func(d *doc.Doc) { d.Sentences[2].Stance.Score = -1.2 }, true, "score -1.2 outside"},
		{"confidence below 0", func(d *doc.Doc) { d.Sentences[2].Stance.Confidence = -0.1 }, true, "confidence -0.1 outside"},
		{"confidence above 1", func(d *doc.Doc) { d.Sentences[2].Stance.Confidence = 1.01 }, true, "confidence 1.01 outside"},
		{"neutral with holder", func(d *doc.Doc) { d.Sentences[3].Holder = &doc.Holder{Name: "author", Entity: -1} }, true, "neutral but has holder"},
		{"favor without holder", func(d *doc.Doc) { d.Sentences[0].Holder = nil }, true, "favor but has no holder"},
		{"holder of missing entity", func(d *doc.Doc) { d.Sentences[1].Holder = &doc.Holder{Name: "X", Entity: 4} }, true, "entity 4 of 4"},
		// The encoder writes a negative holder entity as null, which the
		// schema accepts; only the check catches it.
		{"holder entity -2", func(d *doc.Doc) { d.Sentences[1].Holder = &doc.Holder{Name: "X", Entity: -2} }, false, "entity -2 of 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := fixture()
			tt.breakIt(d)
			got, err := NewEncoder(Articles, testMeta).Append([]byte("kept"), d)
			if !errors.Is(err, ErrInvalid) {
				t.Fatalf("Append: error %v, want ErrInvalid", err)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), d.ID) {
				t.Errorf("Append: error %q does not name the article and say %q", err, tt.want)
			}
			if string(got) != "kept" {
				t.Errorf("Append changed dst to %q", got)
			}
			if !tt.encodable {
				return
			}
			e := NewEncoder(Articles, testMeta)
			e.prepare(d)
			if err := validate(Articles, e.appendArticle(nil, d)); err == nil {
				t.Error("schema.Validate accepts the record that Append refuses")
			}
		})
	}
}

// TestAppendEdgeValues checks values at the edge of the contract that
// Append accepts, as written.
func TestAppendEdgeValues(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *doc.Doc)
		want   string
	}{
		{"score rounding into range", func(d *doc.Doc) { d.Stance.Score = 1.0004 }, `"score":1,"counts"`},
		{"NaN score", func(d *doc.Doc) { d.Stance.Score = math.NaN() }, `"score":0,"counts"`},
		{"infinite confidence", func(d *doc.Doc) { d.Sentences[0].Stance.Confidence = math.Inf(1) }, `"confidence":0,`},
		{"empty sentence", func(d *doc.Doc) { d.Sentences[0].End = d.Sentences[0].Start }, `"index":0,"start":0,"end":0,"text":""`},
		{"empty sentence at end of text", func(d *doc.Doc) {
			d.Mentions = d.Mentions[:0]
			d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: len(d.Text), End: len(d.Text)},
				Stance: doc.Stance{Label: doc.Neutral}})
		}, `"start":224,"end":224,"text":""`},
		{"nil aliases", func(d *doc.Doc) { d.Entities[0].Aliases = nil }, `"aliases":[]`},
		{"unnamed holder", func(d *doc.Doc) { d.Sentences[0].Holder.Name = "" }, `"holder":{"name":"","entity":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := fixture()
			tt.change(d)
			got, err := NewEncoder(Articles, testMeta).Append(nil, d)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(got), tt.want) {
				t.Errorf("record lacks %s:\n%s", tt.want, got)
			}
			if err := validate(Articles, got); err != nil {
				t.Error(err)
			}
		})
	}
}
