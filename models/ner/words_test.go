package ner

import (
	"slices"
	"strings"
	"testing"
)

// TestWordCacheSumsAllFeatures checks that the sums Label keeps of a
// token's features (in its word cache, and the model's sums of fixed
// features) and its other keys add up to the sums of all its keys, for
// the embedded model and sentences that fill entries, reuse them, and
// evict them (by more distinct words than entries), words too long to
// keep, a headline, and tagged words.
func TestWordCacheSumsAllFeatures(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	sentences := []string{
		"Home Secretary Amber Rudd met FBI Director Christopher Wray in London on Tuesday .",
		"Rudd met Wray again in London , and the FBI said so .",
		"The Internationalization-and-localization-committee met in São Paulo .",
		"FBI Chief Says Apple Must Unlock The Phone",
	}
	// More distinct words than entries, 64 to a sentence.
	var many []string
	for i := range 3 * wordCacheSize {
		many = append(many, "w"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+string(rune('a'+i/26%26)))
		if len(many) == 64 {
			sentences = append(sentences, strings.Join(many, " "))
			many = many[:0]
		}
	}
	sentences = append(sentences, sentences[0], sentences[1])
	tagSet := strings.Fields("NNP NN VBD DT IN MD JJ VBZ . , PRP")
	all := newExtractor(m.gaz)
	sc := m.pool.New().(*scratch)
	cached, cache := &sc.ex, sc.words
	cached.prune = false // every token has its keys
	hits := 0
	for si, s := range sentences {
		words := strings.Fields(s)
		var tags []string
		if si%2 == 1 {
			for i := range words {
				tags = append(tags, tagSet[(i+si)%len(tagSet)])
			}
		}
		all.extract(words, tags)
		cached.extract(words, tags)
		for i, w := range words {
			want := score(&m.table, all.keys[all.offs[i]:all.offs[i+1]])
			e := cached.toks[i].cased % wordCacheSize
			if cache.hashes[e] == cached.toks[i].cased {
				hits++
			}
			acc := sc.sum(m, i, w)
			m.table.add(&acc, cached.keys[cached.offs[i]:cached.offs[i+1]])
			got := make([]int32, m.nl)
			m.table.unpack(&acc, got)
			if !slices.Equal(got, want) {
				t.Fatalf("%.30q: token %d (%q) sums %v, want %v", s, i, w, got, want)
			}
		}
	}
	if hits == 0 {
		t.Error("no word was found in the cache")
	}
	// A word of the hash of a cached word of its length is not taken
	// for it: the last sentence's first word, "Rudd", with the hash of its
	// third, "Wray".
	words := strings.Fields(sentences[len(sentences)-1])
	tok := cached.toks[0]
	tok.cased = cached.toks[2].cased
	cache.sum(&m.table, &cached.toks[2], words[2])
	var want lanes
	m.table.add(&want, wordKeys(nil, &tok, words[0]))
	if got := cache.sum(&m.table, &tok, words[0]); got != want {
		t.Errorf("%q, of the hash of %q: sums %v, want %v", words[0], words[2], got, want)
	}
}
