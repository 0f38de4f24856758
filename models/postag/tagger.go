package postag

import "sync"

// Tagger tags tokenized sentences with Penn Treebank tags, exactly as prose's
// tagger does. It is safe for concurrent use.
type Tagger struct {
	// The tables are never written to: decode makes them views of the
	// model file where it can, and the embedded file lies in read-only
	// memory.

	// lex holds every string that a feature, a shortcut or the tag
	// dictionary is keyed by, and the normal forms of those strings. Entry 0
	// is the empty entry of all other strings.
	lex     lexicon
	entries []entry
	pairs   []tagRow // "i-1 tag+i word" rows, grouped by entry

	weights []chunk   // the rows of the model's features (see span)
	pref1   [256]span // "i pref1" row by first byte

	// Tags are numbered; id 0 stands for tags that no feature mentions.
	tagIDs   map[string]int32
	tagNames []string
	numTags  int
	// tagScores[(p1*numTags+p2)*maxChunks:][:maxChunks] are the score
	// chunks that the features keyed by no more than the ids p1 and p2 of
	// the two previous tags give the labels, each lane plus laneOffset
	// (see score.go); chunks past numChunks are zero.
	tagScores []chunk
	numChunks int

	labelTags  []int32 // tag id of each label, in prose's class order
	labelLanes []int32 // lane position of each label, in prose's class order
	// ties[j][l] is the tie key of lane l of chunk j, and tieTags[k] the
	// tag id of the label whose tie key is k (see best).
	ties    [maxChunks][lanesPerChunk]uint64
	tieTags [tieMask + 1]int32

	ruleTags      [numRules]int32 // tag id of each rule but ruleBracket (0)
	start, start2 int32           // tag ids of the boundary words -START- and -START2-
	edges         [4]context      // contexts of the four boundary words
	scratch       sync.Pool       // of *scratch
}

// An entry holds what the tagger knows about one lexicon string s, which may
// serve as a raw token, as a normalized word and as a suffix.
type entry struct {
	ctx        context // the context of a position whose normalized word is s
	norm       int32   // entry of the normal form of s
	fixed      int32   // id of the tag a shortcut gives the token s, or 0
	suffix     span    // "i suffix" row of the token s, keyed by suffix(s)
	word       span    // "i word" row with value s
	prevSuffix span    // "i-1 suffix" row with value s
	nextSuffix span    // "i+1 suffix" row with value s
	// pairs[pairLo:pairHi] are the "i-1 tag+i word" rows with word s.
	pairLo, pairHi int32
}

// A tagRow is the row of a feature keyed by a tag and a lexicon string.
type tagRow struct {
	tag int32
	row span
}

// A context is what a position of a sentence contributes to the features of
// the tokens around it.
type context struct {
	word    int32 // entry of its normalized word, for its own token's features
	asPrev  span  // "i-1 word" and "i-1 suffix" rows for the token after it
	asPrev2 span  // "i-2 word" row for the token two after it
	asNext  span  // "i+1 word" and "i+1 suffix" rows for the token before it
	asNext2 span  // "i+2 word" row for the token two before it
}

// scratch holds the per-sentence buffers of Tag.
type scratch struct {
	ctx  []context // context of each position, two boundary words each side
	raw  []int32   // entry of each raw word
	suf  []int32   // entry of the suffix of each raw word absent from the lexicon
	norm []byte
}

// Default returns the Tagger of the model file embedded in this package,
// decoded by the first call and shared by all. Decoding copies no table (the
// Tagger reads the embedded bytes in place) and takes a few milliseconds at
// most, mostly to check the tables.
func Default() (*Tagger, error) { return loadDefault() }

var loadDefault = sync.OnceValues(func() (*Tagger, error) { return decode(modelFile) })

// Tag writes the tag of words[i] to tags[i], treating words as one sentence.
// It panics if the slices differ in length. Unlike prose, it accepts empty
// words. Once its buffers have grown to the longest sentence and word seen,
// it does not allocate.
func (t *Tagger) Tag(words, tags []string) {
	if len(tags) != len(words) {
		panic("postag: Tag called with len(tags) != len(words)")
	}
	s, _ := t.scratch.Get().(*scratch)
	if s == nil {
		s = new(scratch)
	}
	t.prepare(s, words)
	p1, p2 := t.start, t.start2
	for i, w := range words {
		tag, id := t.tagToken(s, i, w, p1, p2)
		tags[i] = tag
		p1, p2 = id, p1
	}
	t.scratch.Put(s)
}

// prepare fills s with the entries of words, the contexts of their
// positions and the entries of the suffixes of the words absent from the
// lexicon.
func (t *Tagger) prepare(s *scratch, words []string) {
	n := len(words)
	s.raw = grow(s.raw, n)
	s.suf = grow(s.suf, n)
	s.ctx = grow(s.ctx, n+4)
	s.ctx[0], s.ctx[1] = t.edges[0], t.edges[1]
	s.ctx[n+2], s.ctx[n+3] = t.edges[2], t.edges[3]
	for i, w := range words {
		raw := t.lex.find(w)
		s.raw[i] = raw
		if raw != 0 {
			s.ctx[i+2] = t.entries[t.entries[raw].norm].ctx
			continue
		}
		s.norm = appendNormal(s.norm[:0], w)
		var e int32
		if string(s.norm) != w {
			e = t.lex.findBytes(s.norm)
		}
		if e != 0 {
			s.ctx[i+2], s.suf[i] = t.entries[e].ctx, t.lex.find(suffix(w))
			continue
		}
		// The suffixes of w and of its normal form are often the same
		// string, whose entry one probe then finds.
		ns := suffix(s.norm)
		f := t.lex.findBytes(ns)
		s.ctx[i+2] = t.suffixContext(f)
		if string(ns) != suffix(w) {
			f = t.lex.find(suffix(w))
		}
		s.suf[i] = f
	}
}

// context returns the context of a position whose normalized word is norm,
// e being the entry of norm.
func (t *Tagger) context(e int32, norm []byte) context {
	if e != 0 {
		return t.entries[e].ctx
	}
	return t.suffixContext(t.lex.findBytes(suffix(norm)))
}

// suffixContext returns the context of a position whose normalized word is
// absent from the lexicon and ends in the string of entry f.
func (t *Tagger) suffixContext(f int32) context {
	suf := &t.entries[f]
	return context{asPrev: suf.prevSuffix, asNext: suf.nextSuffix}
}

// grow returns s resliced to length n, reallocated if too short.
func grow[E any](s []E, n int) []E {
	if cap(s) < n {
		return make([]E, n)
	}
	return s[:n]
}

// tagToken returns the tag of words[i] and its id, given the ids of the two
// tags before it.
func (t *Tagger) tagToken(s *scratch, i int, w string, p1, p2 int32) (string, int32) {
	raw := s.raw[i]
	if id := t.entries[raw].fixed; id != 0 {
		return t.tagNames[id], id
	}
	if raw == 0 {
		switch r := lateRuleOf(w); r {
		case ruleNone:
		case ruleBracket:
			return w, t.tagIDs[w]
		default:
			id := t.ruleTags[r]
			return t.tagNames[id], id
		}
	}
	id := t.score(s, i, w, p1, p2)
	return t.tagNames[id], id
}

// score returns the tag id of the label that the features of words[i]
// score highest, p1 and p2 being the ids of the two previous tags.
func (t *Tagger) score(s *scratch, i int, w string, p1, p2 int32) int32 {
	sc := scores(t.tagScores[(int(p1)*t.numTags+int(p2))*maxChunks:])
	raw := s.raw[i]
	if raw == 0 {
		raw = s.suf[i] // the suffix's own suffix is itself
	}
	sc.add(t.row(t.entries[raw].suffix))
	if w != "" {
		sc.add(t.row(t.pref1[w[0]]))
	}
	c := i + 2
	cur := &t.entries[s.ctx[c].word]
	sc.add(t.row(cur.word))
	for _, pr := range t.pairs[cur.pairLo:cur.pairHi] {
		if pr.tag == p1 {
			sc.add(t.row(pr.row))
			break
		}
	}
	sc.add(t.row(s.ctx[c-1].asPrev))
	sc.add(t.row(s.ctx[c-2].asPrev2))
	sc.add(t.row(s.ctx[c+1].asNext))
	sc.add(t.row(s.ctx[c+2].asNext2))
	return t.best(&sc)
}

// row returns the chunks of the row r.
func (t *Tagger) row(r span) []chunk { return t.weights[r>>spanLenBits:][:r&spanLenMask] }
