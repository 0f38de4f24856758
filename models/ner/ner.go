// Package ner is a named-entity recognizer for tokenized, part-of-speech
// tagged sentences: a first-order linear-chain model over BIO labels,
// trained as an averaged structured perceptron and decoded with Viterbi.
//
// A token's label is O (outside any mention), B-T (the first token of a
// mention of type T) or I-T (a later token of it). The score of a label
// sequence y for a sentence x is
//
//	s(x, y) = Σ_t ( Σ_{f ∈ F(x, t)} w[f, y_t] + a[y_{t-1}, y_t] )
//
// where F(x, t) are the features of token t, w the feature weights, a the
// label-transition weights, and y_{-1} a start state. Decoding returns the
// y that maximises s among the sequences where every I-T follows a B-T or
// an I-T.
//
// Label holds to O, without scoring them, the tokens that are lower-case
// or have no letters, match no gazetteer list, and whose neighbours are
// the same ("settled" tokens): about two thirds of the tokens of news
// text. That is an approximation of the decoding above; on the gold
// articles it changes no label.
//
// The features of a token are its lower-cased word, its word as written,
// its shape ("Xxx", "XX", "xXxx", "dd"), its suffixes of one to four
// letters and its capitalization class; the words and shapes of its
// neighbours and some of their pairs; whether it opens the sentence or the
// sentence is in title case; where it sits in a match of each gazetteer
// list (models/gazetteer: apps, organizations, places, titles, given names,
// demonyms, ...), exactly and ignoring case, and where its neighbours do;
// for a capitalized token, the words around it and the first verb after it
// (a word tagged VB... or MD, the only use of the tags); and for a name in
// the apps list, the other words of the sentence, which tell an app people
// use from the company that makes it. Features are hashed to 64-bit keys; only those with a
// weight are kept, in a hash table of 16-bit weights.
//
// Training (Train) is deterministic: the same sentences and options give
// the same model file, byte for byte.
//
// The package knows nothing of documents or byte offsets: callers give it
// token texts and tags and get back token ranges (see pipeline/entities).
package ner

import "fmt"

// A Sentence is the model's view of one sentence.
type Sentence struct {
	// Words are the token texts, as normalised by the tokenizer.
	Words []string
	// Tags are the part-of-speech tags of Words, one per word.
	Tags []string
	// Mentions are the gold mentions, in order and not overlapping; used
	// by Train only.
	Mentions []Chunk
}

// A Chunk is a mention as a half-open range [Start, End) of token indices
// and its type.
type Chunk struct {
	Start, End int
	Type       string
}

// label is a BIO label: 0 is O; for the type of index k, 1+2k is B and
// 2+2k is I.
type label = uint8

const outside label = 0

func begin(k int) label  { return label(1 + 2*k) }
func inside(k int) label { return label(2 + 2*k) }

// isInside reports whether l is an I label.
func isInside(l label) bool { return l != outside && l%2 == 0 }

// typeOf returns the type index of a B or I label.
func typeOf(l label) int { return int(l-1) / 2 }

// encode writes to labels the BIO labels of the mentions of s, whose types
// are looked up in types. It fails on a mention that is empty, out of
// range, overlapping the one before, or of an unknown type.
func encode(s Sentence, types []string, labels []label) error {
	clear(labels)
	prevEnd := 0
	for _, c := range s.Mentions {
		k := indexOf(types, c.Type)
		switch {
		case c.Start < prevEnd || c.End <= c.Start || c.End > len(s.Words):
			return fmt.Errorf("mention [%d,%d) is empty, out of order or out of range for %d tokens", c.Start, c.End, len(s.Words))
		case k < 0:
			return fmt.Errorf("mention [%d,%d) has unknown type %q", c.Start, c.End, c.Type)
		}
		labels[c.Start] = begin(k)
		for t := c.Start + 1; t < c.End; t++ {
			labels[t] = inside(k)
		}
		prevEnd = c.End
	}
	return nil
}

// decode appends to dst the chunks of a BIO label sequence; a stray I
// label opens a chunk like a B.
func decode(labels []label, types []string, dst []Chunk) []Chunk {
	for t := 0; t < len(labels); {
		if labels[t] == outside {
			t++
			continue
		}
		k := typeOf(labels[t])
		end := t + 1
		for end < len(labels) && labels[end] == inside(k) {
			end++
		}
		dst = append(dst, Chunk{Start: t, End: end, Type: types[k]})
		t = end
	}
	return dst
}

func indexOf(types []string, t string) int {
	for i, x := range types {
		if x == t {
			return i
		}
	}
	return -1
}
