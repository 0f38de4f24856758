package holder

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
)

//go:embed lexicon.txt
var lexiconText string

// wordClass is a set of the lexicon's word lists, one bit for each.
type wordClass uint32

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
	breakWord                             // tokens that end a clause
	conjunctionWord                       // conjunctions and complementizers that open a clause
	positionNoun                          // nouns of a position an owner holds
	textVerb                              // verbs of issuing or authoring a text
	hostWord                              // words naming the host of a transcript
	hearerVerb                            // verbs of saying whose object is the hearer
	negationWord                          // words that negate the verb after them
	confidantNoun                         // people who speak for whom they are close to
	memberNoun                            // roles whose one unnamed holder speaks for the organization
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
	{"modal", modalWord}, {"reaction", reactionWord}, {"break", breakWord}, {"conjunction", conjunctionWord},
	{"position", positionNoun}, {"text", textVerb}, {"host", hostWord}, {"hearer", hearerVerb},
	{"negation", negationWord}, {"confidant", confidantNoun},
	{"member", memberNoun},
}

// lexicon holds the word lists the resolver reads from lexicon.txt: the
// classes of each lower-case word.
type lexicon struct {
	words *wordTable
}

// classOf returns the classes of lower-case word w, 0 when it is in none.
func (l *lexicon) classOf(w string) wordClass { return l.words.classOf(w) }

// has reports whether lower-case word w is in one of the classes c.
func (l *lexicon) has(w string, c wordClass) bool { return l.classOf(w)&c != 0 }

// lex returns the lexicon embedded in the package, parsed on first use so
// that programs pay for it only when they resolve holders.
var lex = sync.OnceValue(func() *lexicon { return mustParseLexicon(lexiconText) })

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
	if uint64(len(text)) > math.MaxUint32 {
		return nil, fmt.Errorf("lexicon of %d bytes is too long", len(text))
	}
	var words []tableWord // in order, perhaps repeated
	var cur, seen wordClass
	n := 0 // the line number
	for line := range strings.Lines(text) {
		n++
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
				return nil, fmt.Errorf("line %d: unknown section %s", n, line)
			}
			cur = sections[k].class
		case cur == 0:
			return nil, fmt.Errorf("line %d: words before the first section", n)
		default:
			for w := range strings.FieldsSeq(line) {
				if len(w) > maxTableWord {
					return nil, fmt.Errorf("line %d: word of %d bytes is too long", n, len(w))
				}
				words = append(words, tableWord{w, cur})
				seen |= cur
			}
		}
	}
	for _, s := range sections {
		if seen&s.class == 0 {
			return nil, fmt.Errorf("section [%s] missing or empty", s.name)
		}
	}
	return &lexicon{words: newWordTable(words)}, nil
}
