package stance_test

import (
	"fmt"
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/stance"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// An article whose sentences the segment stage would find: a headline and
// one sentence per line.
func ExampleClassifier_Classify() {
	text := "Minister demands access to encrypted chats\n" +
		"The Home Secretary said technology companies must let police read the messages of terrorists.\n" +
		"Critics warned that any backdoor would be exploited by hackers and hostile states."
	d := &doc.Doc{Article: doc.Article{ID: "example", Text: text}}
	start := 0
	for _, line := range strings.Split(text, "\n") {
		d.Sentences = append(d.Sentences, doc.Sentence{Span: doc.Span{Start: start, End: start + len(line)}})
		start += len(line) + 1
	}
	tokenize.Tokenize(d)

	c, err := stance.Default()
	if err != nil {
		fmt.Println(err)
		return
	}
	c.Classify(d)
	for _, s := range d.Sentences[1:] {
		fmt.Println(s.Stance.Label, s.Stance.Score < 0)
	}
	// Output:
	// against true
	// favor false
}

func ExampleBaseline() {
	text := "We are not asking for a backdoor, only lawful access."
	d := &doc.Doc{Article: doc.Article{Text: text}, Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}}}}
	tokenize.Tokenize(d)
	b, err := stance.Baseline()
	if err != nil {
		fmt.Println(err)
		return
	}
	b.Classify(d)
	st := d.Sentences[0].Stance
	fmt.Println(st.Label, st.Cues)
	// Output:
	// against [lawful access]
}
