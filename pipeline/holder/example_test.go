package holder_test

import (
	"fmt"
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/holder"
	"github.com/stancer/stancer/pipeline/tokenize"
)

func ExampleResolve() {
	sentences := []struct {
		text  string
		label doc.Label
	}{
		{"Home Secretary Amber Rudd said there must be no place for terrorists to hide.", doc.Against},
		{`"Encryption keeps everyone safe," a spokeswoman for WhatsApp said.`, doc.Favor},
		{"The company added that it would not weaken it.", doc.Favor},
		{"Strong encryption protects us all.", doc.Favor},
		{"The attack happened on Wednesday.", doc.Neutral},
	}
	// The earlier stages set the sentences, their tokens and stance, and
	// the entities.
	d := &doc.Doc{}
	for _, s := range sentences {
		if d.Text != "" {
			d.Text += " "
		}
		span := doc.Span{Start: len(d.Text), End: len(d.Text) + len(s.text)}
		d.Text += s.text
		first := len(d.Tokens)
		d.Tokens = append(d.Tokens, tokenize.Split(d.Text, span)...)
		d.Sentences = append(d.Sentences, doc.Sentence{Span: span, Tokens: doc.Span{Start: first, End: len(d.Tokens)}, Stance: doc.Stance{Label: s.label}})
	}
	d.Entities = []doc.Entity{{ID: 0, Name: "Amber Rudd", Type: doc.Person}, {ID: 1, Name: "WhatsApp", Type: doc.Org}}
	for i, name := range []string{"Amber Rudd", "WhatsApp"} {
		at := strings.Index(d.Text, name)
		d.Mentions = append(d.Mentions, doc.Mention{Span: doc.Span{Start: at, End: at + len(name)}, Text: name, Type: d.Entities[i].Type, Entity: i, Sentence: i})
	}

	holder.Resolve(d)
	for _, s := range d.Sentences {
		if s.Holder == nil {
			fmt.Println("none (neutral)")
			continue
		}
		fmt.Printf("%s (entity %d)\n", s.Holder.Name, s.Holder.Entity)
	}
	// Output:
	// Amber Rudd (entity 0)
	// WhatsApp (entity 1)
	// WhatsApp (entity 1)
	// author (entity -1)
	// none (neutral)
}
