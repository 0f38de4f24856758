package tokenize

import (
	"strings"
	"sync"

	"github.com/stancer/stancer/pipeline/doc"
)

// Tagger assigns part-of-speech tags to the words of one sentence, writing
// the tag of words[i] to tags[i].
type Tagger interface {
	Tag(words, tags []string)
}

// Tag sets the Tag of every token of d, one sentence at a time. Tokenize
// must have run first. It does not allocate once its buffers, which it
// keeps for the next document, have grown to the longest sentence.
func Tag(d *doc.Doc, t Tagger) {
	b, _ := tagBuffers.Get().(*sentenceBuffers)
	if b == nil {
		b = new(sentenceBuffers)
	}
	for _, s := range d.Sentences {
		toks := d.Tokens[s.Tokens.Start:s.Tokens.End]
		words, tags := b.words[:0], b.tags[:0]
		for _, tok := range toks {
			words = append(words, taggerWord(tok.Norm))
		}
		tags = append(tags, make([]string, len(words))...)
		t.Tag(words, tags)
		for i, tag := range tags {
			toks[i].Tag = tag
		}
		b.words, b.tags = words, tags
	}
	clear(b.words[:cap(b.words)]) // keep no document's text alive in the pool
	clear(b.tags[:cap(b.tags)])
	tagBuffers.Put(b)
}

// sentenceBuffers hold the words and tags of a sentence for Tag.
type sentenceBuffers struct{ words, tags []string }

// tagBuffers is a pool of *sentenceBuffers.
var tagBuffers sync.Pool

// curlyQuotes maps typographic quotes to the ASCII ones the tagger was
// trained on; asciiQuoted returns the mapping of the tokens that have them
// most often, which taggerWord returns without allocating. It is built on
// first use.
var (
	curlyQuotes = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'")
	asciiQuoted = sync.OnceValue(func() map[string]string {
		m := map[string]string{}
		for _, w := range []string{"“", "”", "‘", "’", "’s", "n’t", "’ll", "’re", "’ve", "’m", "’d", "’S", "N’T"} {
			m[w] = curlyQuotes.Replace(w)
		}
		return m
	})
)

// taggerWord returns w as the tagger expects to see it.
func taggerWord(w string) string {
	if !hasCurlyQuote(w) {
		return w
	}
	if a, ok := asciiQuoted()[w]; ok {
		return a
	}
	return curlyQuotes.Replace(w)
}

// hasCurlyQuote reports whether w contains one of the quotes of
// curlyQuotes, whose UTF-8 encodings are E2 80 98, 99, 9C and 9D.
func hasCurlyQuote(w string) bool {
	for i := 0; i+2 < len(w); i++ {
		if w[i] == 0xE2 && w[i+1] == 0x80 {
			switch w[i+2] {
			case 0x98, 0x99, 0x9C, 0x9D:
				return true
			}
		}
	}
	return false
}
