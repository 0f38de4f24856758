package stance

import (
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Word flags mark the closed-class words that the feature templates treat
// specially.
const (
	flagNegator = 1 << iota // opens a negation scope: not, no, never, without, n't
	flagBreak               // ends a negation scope early: clause punctuation, "but"
	flagModal               // must, should, need, ought, have to
	flagSpeech              // a verb of saying: said, warned, argued, ...
	flagQuote               // a double quotation mark
	flagPunct               // a token without letters or digits
	flagPronoun             // a personal pronoun that continues a speaker: he, she, they, it, we
	flagFirst               // a first-person pronoun: i, we, our, my, me, us
	flagStop                // a function word, never a cue on its own
	flagTopic               // a word of the topic: encryption, backdoor, ... (topic.txt)
)

// word is what the features need to know about one token.
type word struct {
	// stem is the hash of the token's class: its snowball stem, or a
	// shape such as "<num>" (see wordClass).
	stem  uint64
	flags uint16
	// starts is 1 + the index in lexicon.starts of the cues whose first
	// word has the word's stem, or 0 when no cue starts with it.
	starts uint16
	// actor is the class of actor the word names, 1 + its index in
	// lexicon.actorClasses, or 0 (see actors.txt).
	actor uint8
}

// closedClass lists the words, by lower-case surface form, that carry flags.
// Speech verbs come from the speech lexicon instead.
var closedClass = map[string]uint16{
	"not": flagNegator, "no": flagNegator, "never": flagNegator, "without": flagNegator,
	"n't": flagNegator, "cannot": flagNegator, "nor": flagNegator,
	",": flagBreak, ".": flagBreak, ";": flagBreak, ":": flagBreak, "!": flagBreak, "?": flagBreak,
	"--": flagBreak, "-": flagBreak, "but": flagBreak, `"`: flagBreak | flagQuote,
	"must": flagModal, "should": flagModal, "need": flagModal, "needs": flagModal,
	"needed": flagModal, "ought": flagModal,
	"he": flagPronoun, "she": flagPronoun, "they": flagPronoun, "it": flagPronoun, "we": flagPronoun | flagFirst,
	"i": flagFirst, "our": flagFirst, "my": flagFirst, "me": flagFirst, "us": flagFirst,
}

// A vocabulary analyses words with the stems of the speech verbs, of the
// actors and of the first words of cue phrases. It is read-only after
// construction and safe for concurrent use; the analyses it gives are
// remembered per goroutine, in a memo.
type vocabulary struct {
	speech map[uint64]bool   // stems of speech verbs
	topic  map[uint64]bool   // stems of the words of the topic
	actors map[uint64]uint8  // actor class of a stem (see word.actor)
	starts map[uint64]uint16 // word.starts of a stem
}

// analyse stems the lower-case word w and sets its flags.
func (v *vocabulary) analyse(w string) word {
	class, punct := wordClass(w)
	wd := word{stem: hashString(class), flags: closedClass[w]}
	if english.IsStopWord(w) {
		wd.flags |= flagStop
	}
	if punct {
		wd.flags |= flagPunct
	}
	if v.speech[wd.stem] {
		wd.flags |= flagSpeech
	}
	if v.topic[wd.stem] {
		wd.flags |= flagTopic
	}
	wd.starts = v.starts[wd.stem]
	wd.actor = v.actors[wd.stem]
	return wd
}

// fold returns s lower-cased, with typographic quotes and dashes replaced
// by their ASCII forms.
func fold(s string) string { return string(appendFold(nil, s)) }

// appendFold appends the folded form of s (see fold) to buf.
func appendFold(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch r {
		case '’', '‘':
			buf = append(buf, '\'')
		case '“', '”', '«', '»':
			buf = append(buf, '"')
		case '—', '–':
			buf = append(buf, '-', '-')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// wordClass returns the string whose hash stands for the lower-case word w:
// the snowball stem of a word with letters, "<num>" for a number, and w
// itself for punctuation, which punct reports.
func wordClass(w string) (class string, punct bool) {
	letters, digits := false, false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters = true
		case unicode.IsDigit(r):
			digits = true
		}
	}
	switch {
	case letters:
		return english.Stem(w, false), false
	case digits:
		return "<num>", false
	}
	return w, true
}

// hashString returns the 64-bit FNV-1a hash of s.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// The 64-bit FNV-1a parameters.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)
