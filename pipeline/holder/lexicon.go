package holder

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed lexicon.txt
var lexiconText string

// wordSet is a set of lower-case words.
type wordSet map[string]struct{}

func (s wordSet) has(w string) bool { _, ok := s[w]; return ok }

// lexicon holds the word lists the resolver reads from lexicon.txt.
type lexicon struct {
	speech   wordSet // verbs that voice a position
	person   wordSet // role nouns that point back at a person
	org      wordSet // nouns that point back at an organization
	document wordSet // things an organization or person issues
	people   wordSet // nouns heading an unnamed group of people
	aux      wordSet // auxiliaries and adverbs between subject and verb
	intro    wordSet // words that open an introductory phrase
	// preposition lists the prepositions whose objects are not speakers.
	preposition wordSet
	// staff lists the words of a group speaking for an organization.
	staff wordSet
	// quantity lists the round numbers that count a group.
	quantity wordSet
	// mouthpiece lists the people whose words are their organization's.
	mouthpiece wordSet
	// time lists the words of a time that may open a sentence.
	time wordSet
}

// lex is the lexicon embedded in the package.
var lex = mustParseLexicon(lexiconText)

// mustParseLexicon parses the embedded lexicon; a malformed file is a
// programmer error, so it panics.
func mustParseLexicon(text string) *lexicon {
	l, err := parseLexicon(text)
	if err != nil {
		panic(fmt.Sprintf("holder: embedded lexicon: %v", err))
	}
	return l
}

// section is one named word list of the lexicon file.
type section struct {
	name string
	set  *wordSet
}

// parseLexicon reads word lists in the lexicon.txt format: "[name]" starts a
// section, the following lines hold its words, "#" starts a comment.
func parseLexicon(text string) (*lexicon, error) {
	l := &lexicon{}
	sections := []section{
		{"speech", &l.speech}, {"person", &l.person}, {"org", &l.org}, {"document", &l.document},
		{"people", &l.people}, {"aux", &l.aux}, {"intro", &l.intro}, {"preposition", &l.preposition},
		{"staff", &l.staff}, {"quantity", &l.quantity}, {"mouthpiece", &l.mouthpiece}, {"time", &l.time},
	}
	var cur wordSet
	for n, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			name := line[1 : len(line)-1]
			k := slices.IndexFunc(sections, func(s section) bool { return s.name == name })
			if k < 0 {
				return nil, fmt.Errorf("line %d: unknown section %s", n+1, line)
			}
			if *sections[k].set == nil {
				*sections[k].set = wordSet{}
			}
			cur = *sections[k].set
		case cur == nil:
			return nil, fmt.Errorf("line %d: words before the first section", n+1)
		default:
			for _, w := range strings.Fields(line) {
				cur[w] = struct{}{}
			}
		}
	}
	for _, s := range sections {
		if len(*s.set) == 0 {
			return nil, fmt.Errorf("section [%s] missing or empty", s.name)
		}
	}
	return l, nil
}
