package output_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/output/schema"
)

// article returns a small analysed article. Its offsets count bytes: "é"
// takes two, so the mention of Zoé ends at byte 4 but code point 3.
func article() *doc.Doc {
	return &doc.Doc{
		Article: doc.Article{ID: "a1", Text: "Zoé backs encryption."},
		Sentences: []doc.Sentence{{
			Span:   doc.Span{Start: 0, End: 22},
			Stance: doc.Stance{Label: doc.Favor, Score: 0.6666, Confidence: 0.8, Cues: []string{"backs encryption"}},
			Holder: &doc.Holder{Name: "Zoé", Entity: 0},
		}},
		Mentions: []doc.Mention{{Span: doc.Span{Start: 0, End: 4}, Text: "Zoé", Type: doc.Person}},
		Entities: []doc.Entity{{Name: "Zoé", Type: doc.Person, Count: 1, Aliases: []string{"Zoé"},
			Stance: doc.EntityStance{Label: doc.Favor, Score: 0.6666, Sentences: 1}}},
		Stance: doc.ArticleStance{Label: doc.Favor, Score: 0.6666, Counts: doc.Counts{Favor: 1}},
	}
}

func ExampleWriter() {
	w := output.NewWriter(os.Stdout, output.Sentences, output.Meta{Version: "stancer 0.1.0"})
	if err := w.Write(article()); err != nil {
		fmt.Println(err)
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"article_id":"a1","index":0,"start":0,"end":21,"text":"Zoé backs encryption.","stance":{"label":"favor","score":0.667,"confidence":0.8,"cues":["backs encryption"]},"holder":{"name":"Zoé","entity":0},"mentions":[{"entity":0,"text":"Zoé","type":"PERSON","start":0,"end":3}]}
}

func ExampleWriter_invalid() {
	d := article()
	d.Mentions[0].Entity = 1 // there is no entity 1
	w := output.NewWriter(os.Stdout, output.Articles, output.Meta{})
	err := w.Write(d)
	fmt.Println(errors.Is(err, output.ErrInvalid))
	fmt.Println(err)
	// Output:
	// true
	// output: article "a1": analysis breaks the output contract: mention 0 links to entity 1 of 1
}

func ExampleErrorWriter() {
	w := output.NewErrorWriter(os.Stdout)
	failed := &doc.Doc{
		Article: doc.Article{Input: "news.jsonl:2"},
		Raw:     []byte(`{"txt": "no text"}`),
		Err:     errors.New(`news.jsonl:2: no "text" field`),
	}
	if err := w.Write(failed); err != nil {
		fmt.Println(err)
	}
	if err := w.Flush(); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"input":"news.jsonl:2","error":"news.jsonl:2: no \"text\" field","raw":"{\"txt\": \"no text\"}"}
}

func ExampleEncoder() {
	enc := output.NewEncoder(output.Entities, output.Meta{})
	buf, err := enc.Append(nil, article())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Print(string(buf))
	fmt.Println(schema.Validate(output.Entities, buf))
	// Output:
	// {"article_id":"a1","id":0,"name":"Zoé","type":"PERSON","count":1,"aliases":["Zoé"],"stance":{"label":"favor","score":0.667,"sentences":1}}
	// <nil>
}

func ExampleParseEmit() {
	for _, s := range []string{"", "sentences", "tokens"} {
		emit, err := output.ParseEmit(s)
		fmt.Printf("%q %v\n", emit, err)
	}
	// Output:
	// "articles" <nil>
	// "sentences" <nil>
	// "" output: unknown record kind "tokens" (want articles, sentences or entities)
}
