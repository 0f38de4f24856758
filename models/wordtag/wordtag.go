// Package wordtag tags words with Penn Treebank part-of-speech tags by
// lexicon: each word takes the tag it most often took in a tagged corpus,
// and a word the lexicon lacks takes a tag guessed from its shape and
// suffix. One rule reads the context: a word that is mostly a noun but
// often a verb ("notes", "calls", "demands") is a verb between a noun or
// pronoun and a word that opens its object ("The coalition notes that
// ...", "Apple calls on ...").
//
// Such a unigram tagger is less accurate than a sequence model (see the
// accuracy that the tests of package postag measure on the Penn Treebank
// sample of prose), but it costs one table lookup per word, and the
// pipeline reads tags only as coarse evidence: whether a word is a verb, a
// noun or an adjective, next to a name or a verb of saying.
//
// # Lexicon
//
// The embedded lexicon, lexicon.tsv, holds one word per line, a tab, and its
// tag, then, for a word that is mostly not a verb but took a verb's tag at
// least a fifth of the time, a tab and that verb tag; the lines starting
// with "#" before the first word are comments (a word may start with "#").
// Its words are those of the training articles of the repository
// (testdata/gold/train.jsonl and extra.jsonl, never the development set),
// each with the tag that the prose-exact tagger of package postag gave it
// most often there (ties going to the tag first in byte order). The tests
// of this package regenerate it and fail when it differs; after a change to
// the training articles, the tokenizer or the tagger, rewrite it with
//
//	go test ./models/wordtag -run '^TestLexiconFile$' -update
package wordtag

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed lexicon.tsv
var lexiconFile string

// A Lexicon maps words to part-of-speech tags. It is safe for concurrent
// use.
type Lexicon struct {
	tags  map[string]entry // word -> its tags
	names []string         // the distinct tags of the lexicon
}

// An entry holds the indexes in Lexicon.names of a word's tag and of its
// verb tag, 0 for none (names[0] is "").
type entry struct{ tag, verb uint8 }

// Default returns the embedded lexicon, parsed by the first call.
func Default() (*Lexicon, error) { return defaultLexicon() }

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	l, err := Parse(lexiconFile)
	if err != nil {
		return nil, fmt.Errorf("wordtag: embedded lexicon.tsv: %w", err)
	}
	return l, nil
})

// Parse reads a lexicon in the format of lexicon.tsv: comment lines
// starting with "#" before the first word, then a word per line; blank
// lines are skipped. It fails, naming the line, on a line without one or
// two tabs, an empty word or tag, a second tag that is not a verb's
// (VB...), or a word listed twice.
func Parse(text string) (*Lexicon, error) {
	l := &Lexicon{tags: make(map[string]entry, strings.Count(text, "\n")+1), names: []string{""}}
	index := map[string]uint8{}
	intern := func(tag string) (uint8, bool) {
		i, seen := index[tag]
		if !seen {
			if len(l.names) > 255 {
				return 0, false
			}
			i = uint8(len(l.names))
			index[tag] = i
			l.names = append(l.names, tag)
		}
		return i, true
	}
	line := 0
	for rest := text; rest != ""; {
		var ln string
		ln, rest, _ = strings.Cut(rest, "\n")
		line++
		if ln == "" || ln[0] == '#' && len(l.tags) == 0 {
			continue
		}
		word, tags, ok := strings.Cut(ln, "\t")
		tag, verb, hasVerb := strings.Cut(tags, "\t")
		switch {
		case !ok || strings.Contains(verb, "\t"):
			return nil, fmt.Errorf("line %d: want a word, a tab and a tag, and an optional tab and verb tag", line)
		case word == "" || tag == "" || hasVerb && verb == "":
			return nil, fmt.Errorf("line %d: empty word or tag", line)
		case hasVerb && !strings.HasPrefix(verb, "VB"):
			return nil, fmt.Errorf("line %d: second tag %q is not a verb's", line, verb)
		}
		if _, dup := l.tags[word]; dup {
			return nil, fmt.Errorf("line %d: %q listed twice", line, word)
		}
		var e entry
		if e.tag, ok = intern(tag); !ok {
			return nil, fmt.Errorf("line %d: more than 255 distinct tags", line)
		}
		if hasVerb {
			if e.verb, ok = intern(verb); !ok {
				return nil, fmt.Errorf("line %d: more than 255 distinct tags", line)
			}
		}
		l.tags[word] = e
	}
	return l, nil
}

// Len returns the number of words of the lexicon.
func (l *Lexicon) Len() int { return len(l.tags) }

// Tag writes the tag of words[i] to tags[i]: the one TagOf gives, except
// that a word with a verb tag in the lexicon takes that tag when the word
// before it is tagged as a noun or a personal pronoun (NN, NNS, NNP, NNPS,
// PRP) and the word after it is one of objectOpeners. It panics if the
// slices differ in length.
func (l *Lexicon) Tag(words, tags []string) {
	if len(words) != len(tags) {
		panic("wordtag: Tag called with len(tags) != len(words)")
	}
	for i, w := range words {
		e := l.lookup(w)
		tags[i] = l.tagOf(e, w)
		if e.verb != 0 && i > 0 && i+1 < len(words) && isSubject(tags[i-1]) && objectOpeners[words[i+1]] {
			tags[i] = l.names[e.verb]
		}
	}
}

// isSubject reports whether a word of tag t can be the subject of the verb
// after it.
func isSubject(t string) bool {
	switch t {
	case "NN", "NNS", "NNP", "NNPS", "PRP":
		return true
	}
	return false
}

// objectOpeners are the words that open the object of a verb of saying or
// urging after its subject: "notes that", "calls on", "claims the ...".
var objectOpeners = map[string]bool{
	"that": true, "on": true, "for": true, "the": true, "a": true, "an": true,
	"it": true, "they": true, "he": true, "she": true, "we": true,
}

// maxFolded is the longest word, in bytes, whose lower-case form TagOf
// looks up.
const maxFolded = 32

// TagOf returns the tag of word w: its tag in the lexicon; else, for a word
// of at most maxFolded bytes with upper-case ASCII letters, the tag of its
// lower-case form; else the tag that Guess gives.
func (l *Lexicon) TagOf(w string) string { return l.tagOf(l.lookup(w), w) }

// tagOf returns the tag of entry e, that of word w, or Guess(w) when e is
// the zero entry.
func (l *Lexicon) tagOf(e entry, w string) string {
	if e.tag == 0 {
		return Guess(w)
	}
	return l.names[e.tag]
}

// lookup returns the entry of w, else that of its lower-case form when w
// has upper-case ASCII letters and at most maxFolded bytes, else the zero
// entry.
func (l *Lexicon) lookup(w string) entry {
	if e, ok := l.tags[w]; ok {
		return e
	}
	if len(w) <= maxFolded {
		var buf [maxFolded]byte
		folded, upper := buf[:len(w)], false
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
				upper = true
			}
			folded[i] = c
		}
		if upper {
			return l.tags[string(folded)]
		}
	}
	return entry{}
}

// Guess returns the tag of a word absent from the lexicon, from its shape:
// CD for a word starting with a digit, NNP for one starting with an
// upper-case letter, SYM for one starting with neither a letter nor a
// digit; and for a lower-case word, from its ending: RB for -ly, VBG for
// -ing, VBN for -ed, NN for -ss, NNS for another -s, JJ for -able, -ible,
// -al, -ous, -ive and -ic, else NN.
func Guess(w string) string {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsDigit(r):
		return "CD"
	case unicode.IsUpper(r):
		return "NNP"
	case !unicode.IsLetter(r):
		return "SYM"
	}
	for _, e := range endings {
		if strings.HasSuffix(w, e.suffix) {
			return e.tag
		}
	}
	return "NN"
}

// endings are the word endings that Guess reads, in the order it tries
// them.
var endings = []struct{ suffix, tag string }{
	{"ly", "RB"},
	{"ing", "VBG"},
	{"ed", "VBN"},
	{"ss", "NN"},
	{"s", "NNS"},
	{"able", "JJ"},
	{"ible", "JJ"},
	{"al", "JJ"},
	{"ous", "JJ"},
	{"ive", "JJ"},
	{"ic", "JJ"},
}
