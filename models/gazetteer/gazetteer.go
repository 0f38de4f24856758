// Package gazetteer holds word lists of names and of name-like words
// (apps, organizations, places, person titles, given names, demonyms, ...)
// and finds their entries in tokenized sentences.
//
// The lists are features for the named-entity model (models/ner), not a
// recognizer of their own: "Signal" is in the app list, yet whether a given
// "Signal" is an app, a company or a plain word is the model's call.
//
// Each list is a text file with one entry per line; an entry is a sequence
// of tokens separated by spaces, written as the entity recognizer sees
// them: the tokenizer's tokens, with hyphens and slashes inside a word
// split off ("Facebook Messenger", "National Center for Missing &
// Exploited Children", "U.S.", "T - Mobile"). A line whose first non-space character is '#' is a
// comment, and blank lines are skipped.
package gazetteer

import (
	"embed"
	"fmt"
	"io"
	"math/bits"
	"path"
	"strings"
	"sync"
)

// MaxLists is the largest number of lists one Gazetteer can hold.
const MaxLists = 16

// MaxEntryLen is the largest number of tokens in one entry.
const MaxEntryLen = 12

// Position says where a token sits within a match of a list entry.
type Position uint8

// The positions of a token within a match.
const (
	// Begin is the first token of a match of two or more tokens.
	Begin Position = iota
	// Inside is a token strictly between the first and the last.
	Inside
	// Last is the last token of a match of two or more tokens.
	Last
	// Unit is the only token of a one-token match.
	Unit
)

// Bit returns the bit that Match sets for a token at position p of a match
// of list number list: 1 << (4·list + p).
func Bit(list int, p Position) uint64 { return 1 << (4*uint(list) + uint(p)) }

// A List is a named word list.
type List struct {
	// Name is the list's name, e.g. "apps".
	Name string
	// Entries are the list's entries, each a sequence of tokens.
	Entries [][]string
}

// ParseList reads a list in the file format described in the package
// documentation.
func ParseList(name string, r io.Reader) (List, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return List{}, fmt.Errorf("gazetteer list %s: %w", name, err)
	}
	return parseList(name, string(data))
}

// parseList parses the text of a list file. The tokens of the entries are
// substrings of text.
func parseList(name, text string) (List, error) {
	l := List{Name: name, Entries: make([][]string, 0, strings.Count(text, "\n")+1)}
	line := 0
	for s := range strings.Lines(text) {
		line++
		s = strings.TrimSpace(s)
		if s == "" || s[0] == '#' {
			continue
		}
		e := strings.Fields(s)
		if len(e) > MaxEntryLen {
			return List{}, fmt.Errorf("gazetteer list %s:%d: entry has %d tokens, more than %d", name, line, len(e), MaxEntryLen)
		}
		l.Entries = append(l.Entries, e)
	}
	return l, nil
}

// A Gazetteer is a set of up to MaxLists lists, indexed for matching in
// both exact and case-folded form. It is safe for concurrent use.
type Gazetteer struct {
	names []string
	// index[0] holds the exact entries, index[1] the case-folded ones,
	// keyed by seqKey.
	index       [2]index
	maxLen      int
	fingerprint uint64
}

// New indexes the given lists, numbered in the order given.
func New(lists []List) (*Gazetteer, error) {
	if len(lists) > MaxLists {
		return nil, fmt.Errorf("gazetteer: %d lists, more than %d", len(lists), MaxLists)
	}
	// Each token of an entry ends a token sequence to index: there are at
	// most as many sequences as tokens.
	tokens := 0
	for _, l := range lists {
		for _, e := range l.Entries {
			tokens += len(e)
		}
	}
	g := &Gazetteer{index: [2]index{newIndex(tokens), newIndex(tokens)}, fingerprint: Seed}
	for i, l := range lists {
		if l.Name == "" || g.Lookup(l.Name) >= 0 {
			return nil, fmt.Errorf("gazetteer: list %d has an empty or repeated name %q", i, l.Name)
		}
		g.names = append(g.names, l.Name)
		g.fingerprint = ExtendByte(Extend(g.fingerprint, l.Name, false), 0)
		for _, e := range l.Entries {
			if len(e) == 0 || len(e) > MaxEntryLen {
				return nil, fmt.Errorf("gazetteer: list %s has an entry of %d tokens", l.Name, len(e))
			}
			g.maxLen = max(g.maxLen, len(e))
			for f, fold := range []bool{false, true} {
				g.index[f].add(e, fold, i)
			}
			for _, w := range e {
				g.fingerprint = ExtendByte(Extend(g.fingerprint, w, false), 0)
			}
			g.fingerprint = ExtendByte(g.fingerprint, 1)
		}
	}
	return g, nil
}

// add indexes entry e of list number list.
func (x *index) add(e []string, fold bool, list int) {
	k := Seed
	for j, w := range e {
		k = seqKey(k, Extend(Seed, w, fold))
		n := x.at(k)
		if j == len(e)-1 {
			n.lists |= 1 << list
		} else {
			n.prefix = true
		}
	}
}

// Names returns the names of the lists in index order.
func (g *Gazetteer) Names() []string { return g.names }

// Lookup returns the index of the list called name, or -1.
func (g *Gazetteer) Lookup(name string) int {
	for i, n := range g.names {
		if n == name {
			return i
		}
	}
	return -1
}

// Fingerprint returns a hash of the names and entries of all lists, in
// order: models trained with the gazetteer as features record it, so that
// they refuse to run with different lists.
func (g *Gazetteer) Fingerprint() uint64 { return g.fingerprint }

// Contains returns the set of lists (bit i for list i) that have the token
// sequence words as an entry, comparing case-insensitively when fold is set.
func (g *Gazetteer) Contains(words []string, fold bool) uint16 {
	k := Seed
	for _, w := range words {
		k = seqKey(k, Extend(Seed, w, fold))
	}
	n, _ := g.index[b2i(fold)].get(k)
	return n.lists
}

// Match finds the entries of every list in the sentence words and sets, in
// out[i] (which must have room for len(words) values), the bits Bit(l, p)
// for each list l that covers token i at position p. Within one list,
// matches are chosen left to right, longest first, and do not overlap;
// different lists match independently. When fold is set, case is ignored.
func (g *Gazetteer) Match(words []string, fold bool, out []uint64) {
	hashes := make([]uint64, len(words))
	for i, w := range words {
		hashes[i] = Extend(Seed, w, fold)
	}
	g.MatchHashes(hashes, fold, out)
}

// MatchHashes is Match for a sentence given by the hashes of its words:
// hashes[i] must be Extend(Seed, words[i], fold). It spares a caller that
// has them hashing the words again, and allocates nothing.
func (g *Gazetteer) MatchHashes(hashes []uint64, fold bool, out []uint64) {
	n := len(hashes)
	out = out[:n]
	clear(out)
	idx := &g.index[b2i(fold)]
	var free [MaxLists]int // the first token not yet covered, per list
	// end[l] is where the longest match of list l from token i ends, for
	// the lists l of found.
	var end [MaxLists]int
	for i := range n {
		var found uint16
		k := Seed
		for j := i; j < n && j-i < g.maxLen; j++ {
			k = seqKey(k, hashes[j])
			nd, ok := idx.get(k)
			if !ok {
				break
			}
			for ls := nd.lists; ls != 0; ls &= ls - 1 {
				l := bits.TrailingZeros16(ls)
				if i >= free[l] {
					end[l] = j + 1
					found |= 1 << l
				}
			}
			if !nd.prefix {
				break
			}
		}
		for ; found != 0; found &= found - 1 {
			l := bits.TrailingZeros16(found)
			mark(out[i:end[l]], l)
			free[l] = end[l]
		}
	}
}

// mark sets the position bits of list l over the tokens of one match.
func mark(span []uint64, l int) {
	if len(span) == 1 {
		span[0] |= Bit(l, Unit)
		return
	}
	span[0] |= Bit(l, Begin)
	for k := 1; k < len(span)-1; k++ {
		span[k] |= Bit(l, Inside)
	}
	span[len(span)-1] |= Bit(l, Last)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

//go:embed lists/*.txt
var lists embed.FS

// Default returns the gazetteer of the lists shipped with stancer (the
// files in lists/, named after the file without ".txt", in file name
// order), built once per process.
func Default() (*Gazetteer, error) { return loadDefault() }

var loadDefault = sync.OnceValues(loadShipped)

// loadShipped builds the gazetteer of the lists shipped with stancer.
func loadShipped() (*Gazetteer, error) {
	files, err := lists.ReadDir("lists")
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	ls := make([]List, 0, len(files))
	for _, f := range files {
		data, err := lists.ReadFile(path.Join("lists", f.Name()))
		if err != nil {
			return nil, fmt.Errorf("gazetteer: %w", err)
		}
		l, err := parseList(strings.TrimSuffix(f.Name(), ".txt"), string(data))
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
	}
	return New(ls)
}
