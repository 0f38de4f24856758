package stance

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// defaultModel returns the embedded model's classifier.
func defaultModel(t *testing.T) *Classifier {
	t.Helper()
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestHardCases checks the embedded model on sentences written for the
// test, each inside a short article as context: negation, reported speech,
// modality and the cases the annotation guide calls out.
func TestHardCases(t *testing.T) {
	c := defaultModel(t)
	for _, tc := range []struct {
		name string
		// article holds the paragraphs; the sentence under test is the
		// last one.
		article [][]string
		want    doc.Label
	}{
		{"negated backdoor defends access",
			[][]string{{"Home Office defends plan to read encrypted messages"}, {"We are not asking for a backdoor, only lawful access."}}, doc.Against},
		{"a backdoor for police is one for criminals",
			[][]string{{"Security researchers reject scanning plan"}, {"A backdoor for the police is a backdoor for criminals."}}, doc.Favor},
		{"reporter's neutral fact names encryption",
			[][]string{{"Messaging app adds new features"}, {"The app, which uses end-to-end encryption, was released in 2016 and now has 40 million users."}}, doc.Neutral},
		{"plain event",
			[][]string{{"Parliament votes on online safety bill"}, {"The vote is scheduled for Tuesday afternoon."}}, doc.Neutral},
		{"reported speech against",
			[][]string{{"Minister targets encrypted apps"}, {"The Home Secretary said technology companies must let police read the messages of terrorists."}}, doc.Against},
		{"reported speech favor",
			[][]string{{"Critics attack encryption plan"}, {"Privacy advocates warned that weakening encryption would expose millions of people to hackers and foreign spies."}}, doc.Favor},
		{"quote inside an anti-encryption speech",
			[][]string{{"Rudd: no hiding place for terrorists online"}, {"The Home Secretary said police must be able to read the messages of attackers with a warrant.", `"There should be no place for terrorists to hide," she said.`}}, doc.Against},
		{"modality: platforms must scan",
			[][]string{{"Child safety groups back new law"}, {"Platforms must be required to detect child abuse material, even in encrypted chats."}}, doc.Against},
		{"modality: nobody should hold a master key",
			[][]string{{"Cryptographers sign open letter"}, {"No government should hold a master key to everyone's private messages, the cryptographers wrote."}}, doc.Favor},
		{"off topic: child poverty",
			[][]string{{"Charity warns of rise in child poverty"}, {"A leading children's charity said on Monday that one in four children now lives in poverty.", "The charity said the government should raise child benefit and feed every pupil at school."}}, doc.Neutral},
		{"off topic: a police warning",
			[][]string{{"Storm brings floods to the coast"}, {"The police warned people not to drive unless their journey was essential."}}, doc.Neutral},
	} {
		d := docOf(tc.article...)
		c.Classify(d)
		last := d.Sentences[len(d.Sentences)-1]
		if st := last.Stance; st.Label != tc.want {
			t.Errorf("%s: %q is %s (score %+.2f, cues %q), want %s", tc.name, d.Text[last.Start:last.End], st.Label, st.Score, st.Cues, tc.want)
		}
	}
}

// TestContext checks that one sentence takes the side of its context: "His
// answer, he said, was no." rejects encryption after a question about
// allowing messages police cannot read, and defends it after a question
// about building a backdoor.
func TestContext(t *testing.T) {
	c := defaultModel(t)
	const answer = "His answer, he said, was no."
	for _, tc := range []struct {
		headline, question string
		want               doc.Label
	}{
		{"Cameron vows to ban messages police cannot read",
			"The Prime Minister asked whether the country should allow a means of communication that police cannot read, even with a warrant.", doc.Against},
		{"Apple refuses FBI demand to unlock phone",
			"Tim Cook was asked whether Apple would ever build a backdoor into its phones for the government.", doc.Favor},
	} {
		d := docOf([]string{tc.headline}, []string{tc.question, answer})
		c.Classify(d)
		if st := d.Sentences[2].Stance; st.Label != tc.want {
			t.Errorf("after %q: %q is %s (cues %q), want %s", tc.question, answer, st.Label, st.Cues, tc.want)
		}
	}
}

// TestStanceFields checks the invariants of every stance the model sets,
// and that exactly the sentences that take a side get a holder.
func TestStanceFields(t *testing.T) {
	c := defaultModel(t)
	for _, l := range mustLabeled(t, readGold(t, "dev.jsonl")[:3]) {
		c.Classify(l.Doc)
		for i, s := range l.Doc.Sentences {
			st := s.Stance
			p := map[doc.Label]bool{doc.Favor: st.Score > 0, doc.Against: st.Score < 0, doc.Neutral: true}
			switch {
			case st.Label != doc.Favor && st.Label != doc.Against && st.Label != doc.Neutral:
				t.Errorf("%s sentence %d: label %q", l.Doc.ID, i, st.Label)
			case st.Score < -1 || st.Score > 1 || st.Confidence < 1.0/3 || st.Confidence > 1:
				t.Errorf("%s sentence %d: score %v, confidence %v out of range", l.Doc.ID, i, st.Score, st.Confidence)
			case !p[st.Label]:
				t.Errorf("%s sentence %d: label %s with score %+.2f", l.Doc.ID, i, st.Label, st.Score)
			case len(st.Cues) > 5 || st.Label == doc.Neutral && len(st.Cues) > 0:
				t.Errorf("%s sentence %d: %s with cues %q", l.Doc.ID, i, st.Label, st.Cues)
			}
			// A cue is words of the sentence or a plain description, never
			// the name of a feature.
			for _, cue := range st.Cues {
				if cue == "" || !strings.Contains(l.Doc.Text[s.Start:s.End], cue) && strings.ContainsAny(cue, "_:+<>") {
					t.Errorf("%s sentence %d: cue %q is not readable", l.Doc.ID, i, cue)
				}
			}
			if sided := st.Label != doc.Neutral; sided != (s.Holder != nil) {
				t.Errorf("%s sentence %d: %s with holder %v", l.Doc.ID, i, st.Label, s.Holder)
			}
		}
	}
}

// TestClassifyOddDocuments checks that documents without sentences or
// tokens, or with sentences whose token ranges are broken, do not panic.
func TestClassifyOddDocuments(t *testing.T) {
	c := defaultModel(t)
	b, err := Baseline()
	if err != nil {
		t.Fatal(err)
	}
	untokenized := &doc.Doc{Article: doc.Article{Text: "Backdoors are dangerous."}, Sentences: []doc.Sentence{{Span: doc.Span{Start: 0, End: 24}}}}
	broken := docOf([]string{"Backdoors are dangerous."})
	broken.Sentences[0].Tokens = doc.Span{Start: 3, End: 99}
	for _, d := range []*doc.Doc{{}, untokenized, broken} {
		for _, cl := range []*Classifier{c, b} {
			cl.Classify(d)
			for _, s := range d.Sentences {
				if s.Stance.Label == "" {
					t.Errorf("%s left a sentence unlabeled", cl.Name())
				}
			}
		}
	}
}

func TestLoadRoundTrip(t *testing.T) {
	c := defaultModel(t)
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Name() != c.Name() || !strings.HasPrefix(c.Name(), "stance-lr-") {
		t.Errorf("names %q and %q", c.Name(), back.Name())
	}
	if _, err := Load(strings.NewReader("not a model")); err == nil {
		t.Error("Load accepted garbage")
	}
}

func TestBaselineHasNoModelFile(t *testing.T) {
	b, err := Baseline()
	if err != nil {
		t.Fatal(err)
	}
	if b.Name() != "stance-keywords" {
		t.Errorf("baseline name %q", b.Name())
	}
	if _, err := b.WriteTo(&bytes.Buffer{}); err == nil {
		t.Error("the baseline wrote a model file")
	}
}

// TestConcurrentClassify classifies the same articles from several
// goroutines at once (run with -race) and checks that each gets the labels
// and holders of a sequential run.
func TestConcurrentClassify(t *testing.T) {
	c := defaultModel(t)
	arts := readGold(t, "dev.jsonl")[:4]
	want := mustLabeled(t, arts)
	for _, l := range want {
		c.Classify(l.Doc)
	}
	done := make(chan []string)
	for range 4 {
		data := mustLabeled(t, arts)
		go func() {
			var diffs []string
			for i, l := range data {
				c.Classify(l.Doc)
				for j, s := range l.Doc.Sentences {
					w := want[i].Doc.Sentences[j]
					if s.Stance.Label != w.Stance.Label || s.Stance.Score != w.Stance.Score || holderName(s.Holder) != holderName(w.Holder) {
						diffs = append(diffs, l.Doc.ID)
					}
				}
			}
			done <- diffs
		}()
	}
	for range 4 {
		if diffs := <-done; len(diffs) > 0 {
			t.Errorf("concurrent runs differ from the sequential one in %q", diffs)
		}
	}
}

// holderName returns the name of holder h, "" for none.
func holderName(h *doc.Holder) string {
	if h == nil {
		return ""
	}
	return h.Name
}

// TestClassifyAgain classifies articles twice and checks that the second
// run, which sees the stances of the first, gives the same stances and
// holders: the speakers the model reads are attributed without regard to
// any stance a document already holds.
func TestClassifyAgain(t *testing.T) {
	c := defaultModel(t)
	for _, l := range mustLabeled(t, readGold(t, "dev.jsonl")) {
		c.Classify(l.Doc)
		first := slices.Clone(l.Doc.Sentences)
		c.Classify(l.Doc)
		for i, s := range l.Doc.Sentences {
			if s.Stance.Label != first[i].Stance.Label || s.Stance.Score != first[i].Stance.Score || holderName(s.Holder) != holderName(first[i].Holder) {
				t.Errorf("%s sentence %d: %s %+.3f %q, then %s %+.3f %q", l.Doc.ID, i,
					first[i].Stance.Label, first[i].Stance.Score, holderName(first[i].Holder), s.Stance.Label, s.Stance.Score, holderName(s.Holder))
			}
		}
	}
}
