package output

import (
	"errors"
	"math"
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
)

// sentenceSpec describes one sentence of the test article.
type sentenceSpec struct {
	text     string
	stance   doc.Stance
	holder   *doc.Holder
	mentions []mentionSpec
}

// mentionSpec is a mention given by its surface form, found in the
// sentence after the previous mention.
type mentionSpec struct {
	surface string
	typ     doc.EntityType
	entity  int
}

// fixtureSentences mix ASCII with accents, emoji (one a ZWJ sequence), CJK,
// curly and straight quotes, a tab, U+2028 and U+FFFD.
var fixtureSentences = []sentenceSpec{{
	text:   "Café owners back encryption",
	stance: doc.Stance{Label: doc.Favor, Score: 0.5, Confidence: 0.71234, Cues: []string{"back encryption"}},
	holder: &doc.Holder{Name: "author", Entity: -1},
}, {
	text:     "Marie Dupré said the app “Signal” keeps chats safe 🔒 for everyone.",
	stance:   doc.Stance{Label: doc.Favor, Score: 0.8333333, Confidence: 0.9, Cues: []string{"keeps chats safe"}},
	holder:   &doc.Holder{Name: "Marie Dupré", Entity: 0},
	mentions: []mentionSpec{{"Marie Dupré", doc.Person, 0}, {"Signal", doc.App, 1}},
}, {
	text:     "Officials in 北京 disagreed 👩‍💻, calling WhatsApp a \"haven\"\u2028for crime.",
	stance:   doc.Stance{Label: doc.Against, Score: -0.6666666, Confidence: 0.6, Cues: []string{"haven for crime"}},
	holder:   &doc.Holder{Name: "officials", Entity: -1},
	mentions: []mentionSpec{{"北京", doc.GPE, 2}, {"WhatsApp", doc.App, 3}},
}, {
	text:     "Dupré\tdeclined to comment on the \uFFFD.",
	stance:   doc.Stance{Label: doc.Neutral, Score: 0, Confidence: math.NaN()},
	mentions: []mentionSpec{{"Dupré", doc.Person, 0}},
}}

// fixtureEntities are the entities that fixtureSentences mention.
var fixtureEntities = []doc.Entity{
	{ID: 0, Name: "Marie Dupré", Type: doc.Person, Count: 2, Aliases: []string{"Marie Dupré", "Dupré"},
		Stance: doc.EntityStance{Label: doc.Favor, Score: 0.8333333, Sentences: 1}},
	{ID: 1, Name: "Signal", Type: doc.App, Count: 1, Aliases: []string{"Signal"},
		Stance: doc.EntityStance{Label: doc.Neutral}},
	{ID: 2, Name: "北京", Type: doc.GPE, Count: 1, Aliases: []string{"北京"},
		Stance: doc.EntityStance{Label: doc.Neutral}},
	{ID: 3, Name: "WhatsApp", Type: doc.App, Count: 1, Aliases: []string{"WhatsApp"},
		Stance: doc.EntityStance{Label: doc.Neutral}},
}

// fixture returns the hand-built test article, with fresh slices that the
// caller may change.
func fixture() *doc.Doc { return buildDoc(1) }

// buildDoc returns an article whose body is fixtureSentences repeated n
// times, each copy a paragraph, followed by site furniture.
func buildDoc(n int) *doc.Doc {
	title, url, source := `Café "owners" back encryption`, "https://example.com/café", "Le Monde 🌍"
	d := &doc.Doc{
		Article: doc.Article{
			ID: "café-2024-01", Title: &title, URL: &url, Source: &source,
			Input: "news.jsonl:3",
		},
		Warnings: []string{"replaced 1 invalid UTF-8 byte with U+FFFD"},
		Tokens:   make([]doc.Token, 31*n),
		Stance: doc.ArticleStance{Label: doc.Favor, Score: 0.2222222,
			Counts: doc.Counts{Favor: 2 * n, Against: n, Neutral: n}},
	}
	var text strings.Builder
	for range n {
		for i, spec := range fixtureSentences {
			if i > 0 {
				text.WriteString("\n\n")
			}
			start := text.Len()
			text.WriteString(spec.text)
			index := len(d.Sentences)
			d.Sentences = append(d.Sentences, doc.Sentence{
				Span:   doc.Span{Start: start, End: text.Len()},
				Stance: spec.stance,
			})
			if spec.holder != nil {
				h := *spec.holder
				d.Sentences[index].Holder = &h
			}
			d.Sentences[index].Stance.Cues = append([]string(nil), spec.stance.Cues...)
			from := 0
			for _, m := range spec.mentions {
				at := from + strings.Index(spec.text[from:], m.surface)
				from = at + len(m.surface)
				d.Mentions = append(d.Mentions, doc.Mention{
					Span: doc.Span{Start: start + at, End: start + from},
					Text: m.surface, Type: m.typ, Entity: m.entity, Sentence: index,
				})
			}
		}
		text.WriteString("\n\n")
	}
	text.WriteString("Share this article 📤")
	d.Text = text.String()
	for _, e := range fixtureEntities {
		e.Count *= n
		e.Stance.Sentences *= n
		e.Aliases = append([]string(nil), e.Aliases...)
		d.Entities = append(d.Entities, e)
	}
	return d
}

// failedFixture returns an article that failed to parse, its raw bytes
// holding invalid UTF-8 and a control byte.
func failedFixture() *doc.Doc {
	return &doc.Doc{
		Article: doc.Article{ID: "news.jsonl:7", Input: "news.jsonl:7"},
		Raw:     []byte("{\"text\": \"caf\xe9 \x01\"\t"),
		Err:     errors.New(`reading news.jsonl:7: invalid character '\x01' in string literal`),
	}
}
