package wordtag

import (
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"said\tVBD\nnotab\n", "line 2: want a word, a tab and a tag, and an optional tab and verb tag"},
		{"# c\nnotes\tNNS\tVBZ\tX\n", "line 2: want a word, a tab and a tag, and an optional tab and verb tag"},
		{"notes\tNNS\tNN\n", `line 1: second tag "NN" is not a verb's`},
		{"notes\tNNS\t\n", "line 1: empty word or tag"},
		{"said\t\n", "line 1: empty word or tag"},
		{"\tVBD\n", "line 1: empty word or tag"},
		{"said\tVBD\n\nsaid\tVBN\n", `line 3: "said" listed twice`},
	} {
		_, err := Parse(tc.text)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q) error %v, want %q", tc.text, err, tc.want)
		}
	}
}

func TestTagOf(t *testing.T) {
	long := strings.Repeat("x", maxFolded) + "S"
	l, err := Parse("# comment\nsaid\tVBD\nthe\tDT\nApple\tNNP\nrecord\tNN\n#EndSARS\tNN\n" + strings.ToLower(long) + "\tVBZ\n")
	if err != nil {
		t.Fatal(err)
	}
	if l.Len() != 6 {
		t.Errorf("Len() = %d, want 6", l.Len())
	}
	for _, tc := range []struct{ word, want string }{
		{"said", "VBD"},
		{"The", "DT"},      // lower-case form listed
		{"Apple", "NNP"},   // listed as written
		{"RECORD", "NN"},   // all capitals folded
		{"Zorblax", "NNP"}, // guessed from the capital
		{"quickly", "RB"},
		{"encrypting", "VBG"},
		{"blocked", "VBN"},
		{"access", "NN"},
		{"phones", "NNS"},
		{"traceable", "JJ"},
		{"cryptographic", "JJ"},
		{"backdoor", "NN"},
		{"2016", "CD"},
		{"—", "SYM"},
		{"", "SYM"},
		{"#EndSARS", "NN"}, // a word, not a comment, after the first word
		{long, "NN"},       // too long to fold: guessed as written
	} {
		if got := l.TagOf(tc.word); got != tc.want {
			t.Errorf("TagOf(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func TestTagVerbReading(t *testing.T) {
	l, err := Parse("The\tDT\ncoalition\tNN\nnotes\tNNS\tVBZ\nthat\tIN\nher\tPRP$\nwere\tVBD\nit\tPRP\non\tIN\n")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ words, want string }{
		{"The coalition notes that", "DT NN VBZ IN"},  // noun before, "that" after
		{"it notes on", "PRP VBZ IN"},                 // pronoun before
		{"her notes were", "PRP$ NNS VBD"},            // no subject before
		{"The coalition notes were", "DT NN NNS VBD"}, // no object after
		{"notes that", "NNS IN"},                      // first word
		{"The coalition notes", "DT NN NNS"},          // last word
		{"Coalition Notes that", "NN VBZ IN"},         // capitalized words fold to the listed ones
	} {
		words := strings.Fields(tc.words)
		tags := make([]string, len(words))
		l.Tag(words, tags)
		if got := strings.Join(tags, " "); got != tc.want {
			t.Errorf("Tag(%q) = %q, want %q", tc.words, got, tc.want)
		}
	}
}

func TestTagDefault(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Police", "said", "encryption", "helps", "criminals", "."}
	tags := make([]string, len(words))
	l.Tag(words, tags)
	want := []string{"NNP", "VBD", "NN", "VBZ", "NNS", "."}
	for i := range words {
		if tags[i] != want[i] {
			t.Errorf("tag of %q = %q, want %q", words[i], tags[i], want[i])
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("Tag with slices of different lengths did not panic")
		}
	}()
	l.Tag(words, tags[:1])
}

// FuzzParse checks that Parse never panics, and that a lexicon it accepts
// tags any words without panicking, each with a non-empty tag.
func FuzzParse(f *testing.F) {
	f.Add("# c\nsaid\tVBD\nnotes\tNNS\tVBZ\n", "The coalition notes that")
	f.Add("\t\t\n#x\ty\n", "")
	f.Add("a\tb\tVB\n\nb\tc\n", "a b c")
	f.Fuzz(func(t *testing.T, text, sentence string) {
		l, err := Parse(text)
		if err != nil {
			return
		}
		words := strings.Fields(sentence)
		tags := make([]string, len(words))
		l.Tag(words, tags)
		for i, tag := range tags {
			if tag == "" {
				t.Errorf("word %q got an empty tag", words[i])
			}
		}
	})
}
