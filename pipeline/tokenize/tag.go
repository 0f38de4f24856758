package tokenize

import (
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
)

// Tagger assigns part-of-speech tags to the words of one sentence, writing
// the tag of words[i] to tags[i].
type Tagger interface {
	Tag(words, tags []string)
}

// Tag sets the Tag of every token of d, one sentence at a time. Tokenize
// must have run first.
func Tag(d *doc.Doc, t Tagger) {
	var words, tags []string
	for _, s := range d.Sentences {
		toks := d.Tokens[s.Tokens.Start:s.Tokens.End]
		words = words[:0]
		for _, tok := range toks {
			words = append(words, taggerWord(tok.Norm))
		}
		if cap(tags) < len(words) {
			tags = make([]string, len(words))
		}
		tags = tags[:len(words)]
		t.Tag(words, tags)
		for i := range toks {
			toks[i].Tag = tags[i]
		}
	}
}

// curlyQuotes maps typographic quotes to the ASCII ones the tagger was
// trained on.
var curlyQuotes = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'")

// taggerWord returns w as the tagger expects to see it.
func taggerWord(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return curlyQuotes.Replace(w)
		}
	}
	return w
}
