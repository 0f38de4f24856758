package wordtag_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/models/postag"
	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/goldenfile"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// lexiconHeader opens the generated lexicon.tsv.
const lexiconHeader = `# The part-of-speech lexicon of package wordtag: a word, a tab, the tag the
# tagger of package postag gave it most often in testdata/gold/train.jsonl
# and extra.jsonl, and for a word that is mostly not a verb but was one at
# least a fifth of the time, a tab and its most frequent verb tag.
# Generated; rewrite it with
#	go test ./models/wordtag -run '^TestLexiconFile$' -update
`

// counter is a tokenize.Tagger that tags with the prose-exact tagger and
// counts the tags each word takes.
type counter struct {
	tagger *postag.Tagger
	counts map[string]map[string]int
}

func (c counter) Tag(words, tags []string) {
	c.tagger.Tag(words, tags)
	for i, w := range words {
		m := c.counts[w]
		if m == nil {
			m = map[string]int{}
			c.counts[w] = m
		}
		m[tags[i]]++
	}
}

// TestLexiconFile regenerates the lexicon from the training articles, their
// gold sentences tokenized as the pipeline tokenizes them, and checks that
// it equals lexicon.tsv; -update rewrites the file.
func TestLexiconFile(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the part-of-speech model")
	}
	tagger, err := postag.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := counter{tagger: tagger, counts: map[string]map[string]int{}}
	for _, name := range []string{"train.jsonl", "extra.jsonl"} {
		arts, err := gold.ReadFile(filepath.Join("..", "..", "testdata", "gold", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			d := a.Doc()
			tokenize.Tokenize(d)
			tokenize.Tag(d, c)
		}
	}
	var b bytes.Buffer
	b.WriteString(lexiconHeader)
	words := make([]string, 0, len(c.counts))
	for w := range c.counts {
		words = append(words, w)
	}
	slices.Sort(words)
	for _, w := range words {
		counts := c.counts[w]
		best, verb := majority(counts, all), majority(counts, isVerb)
		fmt.Fprintf(&b, "%s\t%s", w, best)
		if total, verbs := sum(counts, all), sum(counts, isVerb); !isVerb(best) && verb != "" && 5*verbs >= total {
			fmt.Fprintf(&b, "\t%s", verb)
		}
		b.WriteByte('\n')
	}
	l, err := wordtag.Parse(b.String())
	if err != nil {
		t.Fatalf("the generated lexicon does not parse: %v", err)
	}
	if l.Len() != len(words) {
		t.Fatalf("the generated lexicon parses to %d words, want %d", l.Len(), len(words))
	}
	goldenfile.Check(t, "lexicon.tsv", b.Bytes())
}

func all(string) bool { return true }

func isVerb(tag string) bool { return strings.HasPrefix(tag, "VB") }

// majority returns the most frequent of the tags of counts that keep
// accepts, ties going to the first in byte order; "" when it accepts none.
func majority(counts map[string]int, keep func(string) bool) string {
	best, most := "", 0
	for tag, n := range counts {
		if keep(tag) && (n > most || n == most && tag < best) {
			best, most = tag, n
		}
	}
	return best
}

// sum returns the total count of the tags of counts that keep accepts.
func sum(counts map[string]int, keep func(string) bool) int {
	n := 0
	for tag, c := range counts {
		if keep(tag) {
			n += c
		}
	}
	return n
}
