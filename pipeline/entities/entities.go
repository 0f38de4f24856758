// Package entities is the pipeline stage that finds the people,
// organizations, apps and places an article names (models/ner over the
// tagged tokens of each sentence) and links the mentions of one entity
// ("Amber Rudd", "Rudd"; "Electronic Frontier Foundation", "EFF").
package entities

import (
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/stancer/stancer/models/gazetteer"
	"github.com/stancer/stancer/models/ner"
	"github.com/stancer/stancer/pipeline/doc"
)

// A Recognizer finds and links entity mentions. It is safe for concurrent
// use.
type Recognizer struct {
	model  *ner.Model
	gaz    *gazetteer.Gazetteer
	titles uint16 // the gazetteer bit of the titles list
	// common are the gazetteer bits of the lists of words that are not
	// names: nonentities, titles and demonyms.
	common uint16
	pool   sync.Pool
}

// docBuf holds the buffers of one Recognize call.
type docBuf struct {
	pieces []piece
	// sents[i] is the range of sentence i's pieces in pieces.
	sents []doc.Span
	// words and tags are those of the pieces; sentWords[i] is sentence
	// i's part of words.
	words, tags []string
	sentWords   [][]string
	chunks      []ner.Chunk
	// mentions are the mentions found, in the end d.Mentions; spans[i] is
	// the range of mentions[i]'s pieces.
	mentions []doc.Mention
	spans    []doc.Span
	// names and firsts are those of propagate: the names found and their
	// first words.
	names  nameVotes
	firsts map[string]bool
	// linker links the mentions (see Link).
	linker linker
	// order, sorted and sortedSpans are the buffers of sortMentions.
	order       []int
	sorted      []doc.Mention
	sortedSpans []doc.Span
}

// Default returns the recognizer of the model built into stancer, loaded
// once per process.
func Default() (*Recognizer, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Recognizer, error) {
	m, err := ner.Default()
	if err != nil {
		return nil, err
	}
	return newRecognizer(m)
})

// Load reads a recognizer from a model file written by WriteTo.
func Load(r io.Reader) (*Recognizer, error) {
	m, err := ner.Load(r)
	if err != nil {
		return nil, err
	}
	return newRecognizer(m)
}

// newRecognizer wraps a model whose types must all be doc.EntityTypes.
func newRecognizer(m *ner.Model) (*Recognizer, error) {
	gaz, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	var bits [3]uint16
	for i, name := range []string{"titles", "nonentities", "demonyms"} {
		l := gaz.Lookup(name)
		if l < 0 {
			return nil, fmt.Errorf("the gazetteer has no %s list", name)
		}
		bits[i] = 1 << l
	}
	for _, t := range m.Types() {
		switch doc.EntityType(t) {
		case doc.Person, doc.Org, doc.App, doc.GPE:
		default:
			return nil, fmt.Errorf("the entity model has type %q, which is not an entity type", t)
		}
	}
	r := &Recognizer{model: m, gaz: gaz, titles: bits[0], common: bits[0] | bits[1] | bits[2]}
	r.pool.New = func() any { return new(docBuf) }
	return r, nil
}

// WriteTo writes the recognizer's model file to w.
func (r *Recognizer) WriteTo(w io.Writer) (int64, error) { return r.model.WriteTo(w) }

// Name names the model for the output records: "ner-ap-" and the first 12
// hex digits of the model's digest.
func (r *Recognizer) Name() string { return "ner-ap-" + r.model.Digest()[:12] }

// Recognize sets d.Mentions to the entity mentions of d's sentences, in
// text order, and d.Entities to the entities they name. Tokenize and Tag
// must have run.
//
// Titles are never part of a PERSON mention ("Home Secretary Amber Rudd"
// gives "Amber Rudd"), nor is a possessive ending ("Apple's" gives
// "Apple"). A name found in one place is also found where the model missed
// it in the same article, and a PERSON's last name with it ("Comey" after
// "James Comey").
func (r *Recognizer) Recognize(d *doc.Doc) {
	b := r.pool.Get().(*docBuf)
	defer r.pool.Put(b)
	b.split(d)
	b.mentions, b.spans = b.mentions[:0], b.spans[:0]
	for si, sp := range b.sents {
		words := b.sentWords[si]
		b.chunks = r.model.Label(ner.Sentence{Words: words, Tags: b.tags[sp.Start:sp.End]}, b.chunks[:0])
		for _, c := range b.chunks {
			typ := doc.EntityType(c.Type)
			start, end := r.trim(words, c.Start, c.End, typ)
			if start < end {
				b.addMention(d, si, sp.Start+start, sp.Start+end, typ)
			}
		}
	}
	b.propagate(d, r)
	d.Mentions = append(d.Mentions[:0], b.mentions...)
	b.linker.link(d)
}

// split sets the pieces of d's sentences, their words and tags.
func (b *docBuf) split(d *doc.Doc) {
	b.pieces, b.sents = b.pieces[:0], b.sents[:0]
	for i := range d.Sentences {
		s := &d.Sentences[i]
		start := len(b.pieces)
		b.pieces = appendPieces(b.pieces, d.Text, d.Tokens[s.Tokens.Start:s.Tokens.End])
		b.sents = append(b.sents, doc.Span{Start: start, End: len(b.pieces)})
	}
	n := len(b.pieces)
	b.words, b.tags = slices.Grow(b.words[:0], n)[:n], slices.Grow(b.tags[:0], n)[:n]
	for i := range b.pieces {
		b.words[i], b.tags[i] = b.pieces[i].Norm, b.pieces[i].Tag
	}
	b.sentWords = b.sentWords[:0]
	for _, sp := range b.sents {
		b.sentWords = append(b.sentWords, b.words[sp.Start:sp.End])
	}
}

// addMention appends to b.mentions the mention of type typ over pieces
// [start, end) of sentence si of d.
func (b *docBuf) addMention(d *doc.Doc, si, start, end int, typ doc.EntityType) {
	sp := doc.Span{Start: b.pieces[start].Start, End: b.pieces[end-1].End}
	b.mentions = append(b.mentions, doc.Mention{Span: sp, Text: d.Text[sp.Start:sp.End], Type: typ, Sentence: si})
	b.spans = append(b.spans, doc.Span{Start: start, End: end})
}

// trim returns the range of a mention [start, end) of type typ without a
// possessive ending and, for a PERSON, without leading titles.
func (r *Recognizer) trim(words []string, start, end int, typ doc.EntityType) (int, int) {
	if end-start > 1 && isPossessive(words[end-1]) {
		end--
	}
	if typ != doc.Person {
		return start, end
	}
	for cut := true; cut && start < end; {
		cut = false
		for n := min(3, end-start); n >= 1; n-- {
			if r.gaz.Contains(words[start:start+n], true)&r.titles != 0 {
				start += n
				cut = true
				break
			}
		}
	}
	return start, end
}

// isPossessive reports whether w is the clitic "'s" (any apostrophe).
func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'S" || w == "’S"
}
