package postag

import (
	"strings"
	"sync"
	"testing"
)

// sentences are tokenized sentences and the tags prose gives them.
var sentences = []struct{ words, tags string }{
	{
		"Apple 's chief executive said on Tuesday that the company would n't sell phones .",
		"NNP POS JJ NN VBD IN NNP IN DT NN MD RB VB NNS .",
	},
	{
		"Critics argue that strong encryption protects journalists , but the FBI wants a backdoor .",
		"NNS VBP IN JJ NN NNS NNS , CC DT NNP VBZ DT NN .",
	},
	{
		"She paid $ 3.50 for coffee at 9:30 and emailed jane@example.com :-) .",
		"PRP VBD $ NN IN NN IN CD CC VBD NN SYM .",
	},
	{
		"The senator from Oregon introduced the Secure Data Act in 2015 .",
		"DT NN IN NNP VBD DT NNP NNP NNP IN CD .",
	},
	{
		"Privacy advocates warned lawmakers - again - that weakening encryption endangers everyone .",
		"NN NNS VBD NNS - RB - IN VBG NN NNS NN .",
	},
	{
		"-LRB- *T*-1 0 -RRB- @nytimes https://example.com/a",
		"-LRB- -NONE- -NONE- -RRB- NN NN",
	},
	{
		// Unknown words whose suffix is (Zorblatt, frobnicated) or is not
		// (QUIXOTRON, XYLOFROBS) that of their normal form.
		"The Zorblatt of QUIXOTRON met Vandermeerschen and XYLOFROBS in 1987 , quoting frobnicated glimmerwicks .",
		"DT NNP IN NNP VBD NNP CC NNP IN CD , VBG JJ NNS .",
	},
}

func defaultTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// tagFields tags the space-separated tokens of s and returns the tags
// joined by spaces.
func tagFields(tg *Tagger, s string) string {
	words := strings.Fields(s)
	tags := make([]string, len(words))
	tg.Tag(words, tags)
	return strings.Join(tags, " ")
}

func TestTagSentences(t *testing.T) {
	tg := defaultTagger(t)
	for _, s := range sentences {
		if got := tagFields(tg, s.words); got != s.tags {
			t.Errorf("%s\n got %s\nwant %s", s.words, got, s.tags)
		}
	}
}

func TestTagOddInput(t *testing.T) {
	tg := defaultTagger(t)
	tg.Tag(nil, nil)
	for _, words := range [][]string{
		{""},
		{"", "", ""},
		{"\xff\xfe", "\xc3"},
		{strings.Repeat("x", 1000), strings.Repeat("É", 300)},
		{"é", "ÉLAN", "-", "--", "-x", "1-2", "+", "@", "."},
	} {
		tags := make([]string, len(words))
		tg.Tag(words, tags)
		for i, tag := range tags {
			if tag == "" {
				t.Errorf("%q: token %d has no tag", words, i)
			}
		}
	}
}

func TestTagPanicsOnLengthMismatch(t *testing.T) {
	tg := defaultTagger(t)
	defer func() {
		if recover() == nil {
			t.Error("Tag did not panic")
		}
	}()
	tg.Tag([]string{"a", "b"}, make([]string, 1))
}

func TestTagConcurrent(t *testing.T) {
	tg := defaultTagger(t)
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				for _, s := range sentences {
					if got := tagFields(tg, s.words); got != s.tags {
						t.Errorf("%s: got %s", s.words, got)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}

func TestTagDoesNotAllocate(t *testing.T) {
	if raceEnabled {
		t.Skip("skipping: the race detector makes sync.Pool drop items")
	}
	tg := defaultTagger(t)
	words := strings.Fields(sentences[0].words + " " + sentences[2].words + " ÉCOLE Ünïcödé")
	tags := make([]string, len(words))
	if n := testing.AllocsPerRun(100, func() { tg.Tag(words, tags) }); n != 0 {
		t.Errorf("Tag allocates %v times per call", n)
	}
}
