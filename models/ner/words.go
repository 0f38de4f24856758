package ner

// wordKeys appends to k the keys of the word features of a token: those
// that read the token's word w alone, through tok (its hashes and shape)
// and its suffixes. tokenKeys gives them among the others, unless the
// extractor's cached is set.
func wordKeys(k []uint64, tok *token, w string) []uint64 {
	k = append(k, mix(tWord, tok.word), mix(tCased, tok.cased), mix(tShape, tok.shape))
	return appendSuffixes(k, w)
}

// wordCacheSize is the number of entries of a wordCache, a power of two.
const wordCacheSize = 1024

// maxCachedWord is the longest word, in bytes, that a wordCache keeps.
const maxCachedWord = 24

// A wordCache keeps, for the words Label met lately, the packed sums of
// the weights of their word features (see wordKeys), so that a word met
// again costs no lookup for them: most words of a text are frequent ones.
// It is direct-mapped: the low bits of a word's hash as written
// (token.cased) pick its entry, which keeps a copy of the word to tell it
// from others, so that the cache never changes a sum. Entry e holds a
// word of lens[e] bytes, text[e·maxCachedWord:][:lens[e]], of hash
// hashes[e], and its sums[e]; a fresh entry matches no word, for no word
// has the hash 0 and the length 0 (the empty word's hash is
// gazetteer.Seed).
type wordCache struct {
	hashes []uint64
	lens   []uint8
	text   []byte
	sums   []lanes
	keys   []uint64 // a buffer for wordKeys
}

// newWordCache returns an empty cache.
func newWordCache() *wordCache {
	return &wordCache{
		hashes: make([]uint64, wordCacheSize),
		lens:   make([]uint8, wordCacheSize),
		text:   make([]byte, wordCacheSize*maxCachedWord),
		sums:   make([]lanes, wordCacheSize),
	}
}

// sum returns the packed sums of the weights in t of the word features of
// token tok, whose word is w.
func (c *wordCache) sum(t *table, tok *token, w string) lanes {
	e := tok.cased % wordCacheSize
	text := c.text[e*maxCachedWord:][:min(len(w), maxCachedWord)]
	if c.hashes[e] == tok.cased && int(c.lens[e]) == len(w) && string(text) == w {
		return c.sums[e]
	}
	var acc lanes
	c.keys = wordKeys(c.keys[:0], tok, w)
	t.add(&acc, c.keys)
	if len(w) <= maxCachedWord {
		c.hashes[e], c.lens[e], c.sums[e] = tok.cased, uint8(len(w)), acc
		copy(text, w)
	}
	return acc
}
