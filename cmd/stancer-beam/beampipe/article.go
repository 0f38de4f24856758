package beampipe

import (
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/stancer/stancer/pipeline/doc"
)

func init() {
	beam.RegisterCoder(reflect.TypeOf(article{}), encodeArticle, decodeArticle)
}

// article is an article as read, the element passed from the read stage
// to the analysis: the part of a doc.Doc that the reader fills in.
type article struct {
	Input    string   `json:"input"`
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Title    *string  `json:"title,omitempty"`
	URL      *string  `json:"url,omitempty"`
	Date     *string  `json:"date,omitempty"`
	Source   *string  `json:"source,omitempty"`
	Raw      []byte   `json:"raw,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// articleOf returns the article that d, just read, holds.
func articleOf(d *doc.Doc) article {
	return article{
		Input: d.Input, ID: d.ID, Text: d.Text,
		Title: d.Title, URL: d.URL, Date: d.Date, Source: d.Source,
		Raw: d.Raw, Warnings: d.Warnings,
	}
}

// doc returns a as a doc.Doc ready for analysis, in the state the reader
// left it.
func (a *article) doc() *doc.Doc {
	return &doc.Doc{
		Article: doc.Article{
			ID: a.ID, Text: a.Text, Input: a.Input,
			Title: a.Title, URL: a.URL, Date: a.Date, Source: a.Source,
		},
		Raw:      a.Raw,
		Warnings: a.Warnings,
	}
}

// encodeArticle is the Beam coder's encoder of articles: their JSON form.
// Text is valid UTF-8 and Raw travels as base64, so nothing is lost.
func encodeArticle(a article) ([]byte, error) {
	data, err := json.Marshal(a)
	if err != nil {
		return nil, fmt.Errorf("encoding article %q: %w", a.ID, err)
	}
	return data, nil
}

// decodeArticle is the Beam coder's decoder of articles.
func decodeArticle(data []byte) (article, error) {
	var a article
	if err := json.Unmarshal(data, &a); err != nil {
		return a, fmt.Errorf("decoding an article: %w", err)
	}
	return a, nil
}
