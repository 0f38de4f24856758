package stance

import (
	"slices"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// analysed returns the analysis of d by the embedded lexicon.
func analysed(t *testing.T, d *doc.Doc) *analysis {
	t.Helper()
	lex, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var a analysis
	(&extractor{lex: lex}).analyse(d, &a)
	return &a
}

// has reports whether sentence i of the analysis has a feature with key k
// standing for the text want ("" for any).
func has(d *doc.Doc, a *analysis, i int, k uint64, want string) bool {
	for _, f := range a.sentence(i) {
		if f.key == k && (want == "" || spanText(d, f.from, f.to) == want) {
			return true
		}
	}
	return false
}

func TestNegationScope(t *testing.T) {
	lex, _ := sharedLexicon()
	var m memo
	stem := func(w string) uint64 { return lex.words.lookup(w, &m).stem }
	d := newDoc("neg", "We are not asking for a backdoor, only lawful access.", "Encryption without backdoors is safe.")
	a := analysed(t, d)
	for _, tc := range []struct {
		sentence int
		kind     uint64
		word     string
		text     string
	}{
		{0, kindNegated, "asking", "not asking"},
		{0, kindNegated, "backdoor", "not asking for a backdoor"},
		{0, kindUnigram, "access", "access"}, // the comma closed the scope
		{0, kindUnigram, "not", "not"},       // the negator itself is plain
		{1, kindNegated, "backdoors", "without backdoors"},
		{1, kindNegated, "safe", "without backdoors is safe"},
	} {
		if !has(d, a, tc.sentence, key(tc.kind, stem(tc.word), 0), tc.text) {
			t.Errorf("sentence %d: no feature of kind %d for %q standing for %q", tc.sentence, tc.kind, tc.word, tc.text)
		}
	}
	// A scope covers at most negationReach tokens after its negator.
	far := newDoc("reach", "They did not say whether the new rules would weaken encryption.")
	fa := analysed(t, far)
	if !has(far, fa, 0, key(kindNegated, stem("whether"), 0), "not say whether") {
		t.Error("a word two tokens after the negator is not negated")
	}
	if !has(far, fa, 0, key(kindUnigram, stem("encryption"), 0), "encryption") {
		t.Error("a word eight tokens after the negator is still negated")
	}
	if has(d, a, 0, key(kindUnigram, stem("backdoor"), 0), "") {
		t.Error("a negated word also has its plain feature")
	}
	// Only the cue outside the negation scope counts for the baseline.
	if got := a.sents[0].sides; got != [2]int{0, 1} {
		t.Errorf("cue counts %v, want [0 1] (lawful access only)", got)
	}
}

func TestSentenceFlags(t *testing.T) {
	d := newDoc("flags",
		"Ministers must act now.",
		`"We will never build a backdoor," she said.`,
		"He added that the law was dangerous.",
		"",
		"Our view is simple.",
		"“Messages are private.",
		"They belong to their senders,” the group wrote.",
		"Is that safe?",
	)
	a := analysed(t, d)
	for _, tc := range []struct {
		sentence int
		key      uint64
		text     string
	}{
		{0, keyModal, "must"},
		{0, keyHeadline, ""},
		{1, keySpeech, "said"},
		{1, keyQuoted, ""},
		{1, keyTopic, "backdoor"},
		{2, keyPronoun, "He"},
		{2, keySpeech, "added"},
		{3, keyParagraph, ""},
		{5, keyQuoted, ""}, // a quotation running over two sentences
		{6, keyQuestion, "?"},
	} {
		if !has(d, a, tc.sentence, tc.key, tc.text) {
			t.Errorf("sentence %d lacks feature %x for %q", tc.sentence, tc.key, tc.text)
		}
	}
	if s := a.sents[5]; !s.quoted {
		t.Errorf("the continued quotation is not marked: %+v", s)
	}
	if s := a.sents[3]; !s.firstPerson {
		t.Errorf("a first-person sentence is not marked: %+v", s)
	}
	for i, s := range a.sents {
		if want := i == 1 || i == 4; s.topic != want {
			t.Errorf("sentence %d: topic = %v, want %v: only the sentences of a backdoor and of messages have a word of the topic", i, s.topic, want)
		}
	}
	if s := a.sents[1]; s.firstPerson {
		t.Errorf("a first-person pronoun inside quotation marks marks the writer's voice: %+v", s)
	}
}

// TestSpeakers checks the speaker keys the second stage reads from the
// holders the holder stage attributes: one speaker by any part of the name
// that ends it, the writer's own voice apart, nobody where there is no
// holder.
func TestSpeakers(t *testing.T) {
	d := newDoc("speakers",
		"Amber Rudd said police needed access.",
		"She added that there could be no hiding place.",
		"The law passed on Tuesday.",
		"Critics disagreed, Rudd argued in an interview.",
		"Critics disagreed.",
		"Nobody knows.",
	)
	for i, name := range []string{"Amber Rudd", "Amber Rudd", doc.Author, "Rudd", "Critics"} {
		d.Sentences[i].Holder = &doc.Holder{Name: name, Entity: -1}
	}
	sp := analysed(t, d).ctx.speaker
	if sp[0] == 0 || sp[1] != sp[0] || sp[3] != sp[0] {
		t.Errorf("speakers %x: sentences 0, 1 and 3 should share Rudd", sp)
	}
	if sp[2] != authorKey {
		t.Errorf("speaker of the writer's voice = %x, want authorKey", sp[2])
	}
	if sp[4] == 0 || sp[4] == sp[0] || sp[4] == authorKey {
		t.Errorf("speaker of critics = %x, want a key of its own", sp[4])
	}
	if sp[5] != 0 {
		t.Errorf("speaker of a sentence without a holder = %x, want 0", sp[5])
	}
}

// actorClass returns a function giving the value of an actor class of the
// embedded lexicon (see word.actor) by its name in actors.txt.
func actorClass(t *testing.T) func(name string) uint64 {
	t.Helper()
	lex, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	return func(name string) uint64 { return uint64(slices.Index(lex.actorClasses, name) + 1) }
}

func TestActorFeatures(t *testing.T) {
	class := actorClass(t)
	d := newDoc("actors",
		"Police said the app shielded criminals.",
		"Campaigners gathered outside as the long and noisy debate in parliament finally said goodbye.",
	)
	a := analysed(t, d)
	for _, tc := range []struct {
		sentence int
		class    string
		near     uint64
		text     string
		want     bool
	}{
		{0, "state", 0, "Police", true},
		{0, "state", 1, "Police", true}, // next to "said"
		{1, "rights", 0, "Campaigners", true},
		{1, "rights", 1, "", false}, // too far from "said"
		{1, "state", 0, "", false},
	} {
		if got := has(d, a, tc.sentence, key(kindActor, class(tc.class), tc.near), tc.text); got != tc.want {
			t.Errorf("sentence %d: actor feature %s/%d for %q: %v, want %v", tc.sentence, tc.class, tc.near, tc.text, got, tc.want)
		}
	}
}

func TestHolderActorFeatures(t *testing.T) {
	class := actorClass(t)
	d := newDoc("holders",
		"He said the request was narrow.",
		"She said keys get stolen.",
		"Keys get stolen.",
		"The law passed.",
	)
	d.Sentences[0].Holder = &doc.Holder{Name: "FBI", Entity: 0}
	d.Sentences[1].Holder = &doc.Holder{Name: "Privacy advocates", Entity: -1}
	d.Sentences[2].Holder = &doc.Holder{Name: doc.Author, Entity: -1}
	a := analysed(t, d)
	for _, tc := range []struct {
		sentence int
		class    string
		want     bool
	}{
		{0, "state", true}, // the speaker, named in another sentence
		{0, "rights", false},
		{1, "rights", true},
		{2, "state", false}, // the writer has no class
		{3, "state", false}, // nor has a sentence without a holder
	} {
		if got := has(d, a, tc.sentence, key(kindHolderActor, class(tc.class), 0), ""); got != tc.want {
			t.Errorf("sentence %d: holder actor feature %s: %v, want %v", tc.sentence, tc.class, got, tc.want)
		}
	}
}

func TestNoteText(t *testing.T) {
	d := newDoc("notes", "He said the request was narrow.", "The law passed.")
	d.Sentences[0].Holder = &doc.Holder{Name: "FBI", Entity: 0}
	for _, tc := range []struct {
		sentence int
		n        note
		want     string
	}{
		{0, noteHolder, "speaker (FBI)"},
		{1, noteHolder, "speaker"},
		{0, noteQuoted, "quoted speech"},
	} {
		if got := noteText(d, tc.sentence, tc.n); got != tc.want {
			t.Errorf("noteText(sentence %d, %d) = %q, want %q", tc.sentence, tc.n, got, tc.want)
		}
	}
}
