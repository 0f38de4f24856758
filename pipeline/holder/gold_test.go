package holder

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/tokenize"
)

// docFromGold builds the document the holder stage sees for a gold article:
// its sentences with their gold stance, tokens from tokenize.Split tagged by
// the default part-of-speech model, and the gold mentions linked into
// entities. A mention joins the entity that already
// uses the same form, or whose name shares all its words ("Rudd" joins
// "Amber Rudd"); an entity is named by its longest form.
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
			e := linkEntity(d, gm.Text, gm.Type)
			d.Mentions = append(d.Mentions, doc.Mention{Span: gm.Span, Text: gm.Text, Type: gm.Type, Entity: e, Sentence: i})
			addAlias(&d.Entities[e], gm.Text)
		}
	}
	for e := range d.Entities {
		d.Entities[e].Type = majorityType(d, e)
	}
	tagger, err := wordtag.Default()
	if err != nil {
		t.Fatalf("loading the part-of-speech model: %v", err)
	}
	tokenize.Tag(d, tagger)
	return d
}

// addAlias counts a mention written name of entity e, which is named by
// its longest form.
func addAlias(e *doc.Entity, name string) {
	e.Count++
	if !contains(e.Aliases, name) {
		e.Aliases = append(e.Aliases, name)
	}
	if len(name) > len(e.Name) {
		e.Name = name
	}
}

// linkEntity returns the entity of d that a mention written name of type
// typ belongs to, adding a new one when none fits. Like the entities stage,
// it links equal names ignoring case, a person's name to a longer person
// name holding all its words ("Rudd", "Amber Rudd"), and an acronym to the
// name it abbreviates ("FSB", "Federal Security Service").
func linkEntity(d *doc.Doc, name string, typ doc.EntityType) int {
	words := strings.Fields(name)
	for e, ent := range d.Entities {
		for _, a := range ent.Aliases {
			if strings.EqualFold(a, name) {
				return e
			}
		}
	}
	for e, ent := range d.Entities {
		person := typ == doc.Person && ent.Type == doc.Person
		if person && (sharesAll(strings.Fields(ent.Name), words) || sharesAll(words, strings.Fields(ent.Name))) ||
			name == initials(ent.Name) || ent.Name == initials(name) {
			return e
		}
	}
	d.Entities = append(d.Entities, doc.Entity{ID: len(d.Entities), Type: typ})
	return len(d.Entities) - 1
}

// initials returns the capitals that start the words of a name, the
// acronym it may be written as ("FSB" for "Federal Security Service"), or ""
// for a one-word name.
func initials(name string) string {
	var b strings.Builder
	words := strings.Fields(name)
	for _, w := range words {
		if r := w[0]; r >= 'A' && r <= 'Z' {
			b.WriteByte(r)
		}
	}
	if len(words) < 2 {
		return ""
	}
	return b.String()
}

// sharesAll reports whether every word of part occurs in whole, ignoring
// case ("IONESCU" in a transcript is "Clara Ionescu").
func sharesAll(whole, part []string) bool {
	for _, w := range part {
		found := false
		for _, x := range whole {
			found = found || strings.EqualFold(x, w)
		}
		if !found {
			return false
		}
	}
	return len(part) > 0
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// majorityType returns the most frequent type among the mentions of entity
// e, ties going to the earlier type in doc.EntityTypes.
func majorityType(d *doc.Doc, e int) doc.EntityType {
	n := map[doc.EntityType]int{}
	for _, m := range d.Mentions {
		if m.Entity == e {
			n[m.Type]++
		}
	}
	best := doc.EntityTypes[0]
	for _, t := range doc.EntityTypes {
		if n[t] > n[best] {
			best = t
		}
	}
	return best
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

// TestGoldHolderAccuracy measures holder accuracy on the gold sets, given
// the gold stance and mentions, and holds train to the level reached. Set
// HOLDER_MISSES=1 to log every miss on train. It loads the tagger, which is
// slow under the race detector, so -short skips it.
func TestGoldHolderAccuracy(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the part-of-speech model")
	}
	var log func(string)
	if os.Getenv("HOLDER_MISSES") != "" {
		log = func(s string) { t.Log(s) }
	}
	right, total := holderScore(t, readGold(t, "train.jsonl"), log)
	acc := float64(right) / float64(total)
	t.Logf("train holder accuracy %.3f (%d/%d)", acc, right, total)
	dr, dt := holderScore(t, readGold(t, "dev.jsonl"), nil)
	t.Logf("dev holder accuracy %.3f (%d/%d)", float64(dr)/float64(dt), dr, dt)
	if acc < minTrainAccuracy {
		t.Errorf("train holder accuracy %.3f, want >= %.2f", acc, minTrainAccuracy)
	}
}

// minTrainAccuracy is the holder accuracy on train the resolver reaches.
const minTrainAccuracy = 0.89
