package holder

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/entities"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// docFromGold builds the document the holder stage sees for a gold article:
// its sentences with their gold stance, tokens from tokenize.Split tagged
// by the part-of-speech lexicon (models/wordtag), and the gold mentions
// linked into entities as the entity stage links them.
func docFromGold(t testing.TB, a gold.Article) *doc.Doc {
	t.Helper()
	d := &doc.Doc{Article: a.Article}
	for i, gs := range a.Sentences {
		first := len(d.Tokens)
		d.Tokens = append(d.Tokens, tokenize.Split(d.Text, gs.Span)...)
		d.Sentences = append(d.Sentences, doc.Sentence{
			Span:   gs.Span,
			Tokens: doc.Span{Start: first, End: len(d.Tokens)},
			Stance: doc.Stance{Label: gs.Stance},
		})
		for _, gm := range gs.Mentions {
			d.Mentions = append(d.Mentions, doc.Mention{Span: gm.Span, Text: gm.Text, Type: gm.Type, Sentence: i})
		}
	}
	entities.Link(d)
	tagger, err := wordtag.Default()
	if err != nil {
		t.Fatalf("loading the part-of-speech lexicon: %v", err)
	}
	tokenize.Tag(d, tagger)
	return d
}

// holderScore resolves the holders of gold articles given their gold stance
// and mentions, and counts the gold non-neutral sentences whose holder name
// is right. Misses are written to log when it is not nil.
func holderScore(t testing.TB, arts []gold.Article, log func(string)) (right, total int) {
	for _, a := range arts {
		d := docFromGold(t, a)
		Resolve(d)
		for i, gs := range a.Sentences {
			if gs.Stance == doc.Neutral {
				continue
			}
			total++
			got := ""
			if h := d.Sentences[i].Holder; h != nil {
				got = h.Name
			}
			if got == gs.Holder {
				right++
			} else if log != nil {
				log(fmt.Sprintf("%s #%d want %q got %q: %s", a.ID, i, gs.Holder, got, gs.Text))
			}
		}
	}
	return right, total
}

// readGold reads a gold file of the repository's testdata.
func readGold(t testing.TB, name string) []gold.Article {
	t.Helper()
	arts, err := gold.ReadFile(filepath.Join("..", "..", "testdata", "gold", name))
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// TestGoldHolderAccuracy measures holder accuracy on the gold sets (train,
// the extra articles written for training, dev), given the gold stance and
// mentions, and holds train to the level reached. Set HOLDER_MISSES=1 to
// log every miss on train.
func TestGoldHolderAccuracy(t *testing.T) {
	var log func(string)
	if os.Getenv("HOLDER_MISSES") != "" {
		log = func(s string) { t.Log(s) }
	}
	right, total := holderScore(t, readGold(t, "train.jsonl"), log)
	acc := float64(right) / float64(total)
	t.Logf("train holder accuracy %.3f (%d/%d)", acc, right, total)
	for _, name := range []string{"extra.jsonl", "dev.jsonl"} {
		r, n := holderScore(t, readGold(t, name), nil)
		t.Logf("%s holder accuracy %.3f (%d/%d)", name, float64(r)/float64(n), r, n)
	}
	if acc < minTrainAccuracy {
		t.Errorf("train holder accuracy %.3f, want >= %.2f", acc, minTrainAccuracy)
	}
}

// minTrainAccuracy is the holder accuracy on train the resolver reaches.
const minTrainAccuracy = 0.90
