package holder

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed lexicon.txt
var lexiconText string

// wordClass is a set of the lexicon's word lists, one bit for each.
type wordClass uint16

// The word lists of lexicon.txt, in the order of its sections.
const (
	speechWord      wordClass = 1 << iota // verbs that voice a position
	personNoun                            // role nouns that point back at a person
	orgNoun                               // nouns that point back at an organization
	documentNoun                          // things an organization or person issues
	peopleNoun                            // nouns heading an unnamed group of people
	auxWord                               // auxiliaries and adverbs between subject and verb
	introWord                             // words that open an introductory phrase
	prepositionWord                       // prepositions, whose objects are not speakers
	staffWord                             // words of a group speaking for an organization
	quantityWord                          // round numbers that count a group
	mouthpieceWord                        // people whose words are their organization's
	timeWord                              // words of a time that may open a sentence
	modalWord                             // auxiliaries making a verb of saying a prescription
	reactionWord                          // nouns of a public reaction whose source follows "from"
)

// section is a section of lexicon.txt and the class of its words.
type section struct {
	name  string
	class wordClass
}

// sections lists the sections of lexicon.txt.
var sections = []section{
	{"speech", speechWord}, {"person", personNoun}, {"org", orgNoun}, {"document", documentNoun},
	{"people", peopleNoun}, {"aux", auxWord}, {"intro", introWord}, {"preposition", prepositionWord},
	{"staff", staffWord}, {"quantity", quantityWord}, {"mouthpiece", mouthpieceWord}, {"time", timeWord},
	{"modal", modalWord}, {"reaction", reactionWord},
}

// lexicon holds the word lists the resolver reads from lexicon.txt: the
// classes of each lower-case word.
type lexicon struct {
	classes map[string]wordClass
}

// has reports whether lower-case word w is in one of the classes c.
func (l *lexicon) has(w string, c wordClass) bool { return l.classes[w]&c != 0 }

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

// parseLexicon reads word lists in the lexicon.txt format: "[name]" starts a
// section, the following lines hold its words, "#" starts a comment. Every
// section must be present and not empty.
func parseLexicon(text string) (*lexicon, error) {
	l := &lexicon{classes: map[string]wordClass{}}
	var cur, seen wordClass
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
			cur = sections[k].class
		case cur == 0:
			return nil, fmt.Errorf("line %d: words before the first section", n+1)
		default:
			for _, w := range strings.Fields(line) {
				l.classes[w] |= cur
				seen |= cur
			}
		}
	}
	for _, s := range sections {
		if seen&s.class == 0 {
			return nil, fmt.Errorf("section [%s] missing or empty", s.name)
		}
	}
	return l, nil
}
