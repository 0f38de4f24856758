package postag

import "strings"

// A slot is a feature template keyed by one string that the lexicon holds:
// a context word or a suffix.
type slot uint8

const (
	slotWord       slot = iota // "i word": the current word, normalized
	slotPrevWord               // "i-1 word": the previous word, normalized
	slotPrev2Word              // "i-2 word"
	slotNextWord               // "i+1 word"
	slotNext2Word              // "i+2 word"
	slotSuffix                 // "i suffix": the last three bytes of the raw current word
	slotPrevSuffix             // "i-1 suffix": the last three bytes of the normalized previous word
	slotNextSuffix             // "i+1 suffix"
	numSlots
)

// kind says how a feature template is keyed.
type kind uint8

const (
	kindSlot     kind = iota // by one lexicon string (see slot)
	kindPref1                // "i pref1": by the first byte of the raw current word
	kindPrevTag              // "i-1 tag": by the previous tag
	kindPrev2Tag             // "i-2 tag": by the tag before that
	kindTagPair              // "i tag+i-2 tag": by both (despite its name)
	kindTagWord              // "i-1 tag+i word": by the previous tag and the normalized current word
)

// A template is one of prose's feature templates. A feature's key is the
// template's name, a space and its value; two-part values are joined by a
// space, the first part being a tag, which never contains one. The bias
// feature, whose key is "bias", has no value.
type template struct {
	name string
	kind kind
	slot slot // for kindSlot only
}

// biasKey is the key of the feature present for every token.
const biasKey = "bias"

// templates lists the templates other than bias. No name followed by a space
// is a prefix of another, so a key matches at most one of them.
var templates = []template{
	{"i suffix", kindSlot, slotSuffix},
	{"i pref1", kindPref1, 0},
	{"i-1 tag", kindPrevTag, 0},
	{"i-2 tag", kindPrev2Tag, 0},
	{"i tag+i-2 tag", kindTagPair, 0},
	{"i word", kindSlot, slotWord},
	{"i-1 tag+i word", kindTagWord, 0},
	{"i-1 word", kindSlot, slotPrevWord},
	{"i-1 suffix", kindSlot, slotPrevSuffix},
	{"i-2 word", kindSlot, slotPrev2Word},
	{"i+1 word", kindSlot, slotNextWord},
	{"i+1 suffix", kindSlot, slotNextSuffix},
	{"i+2 word", kindSlot, slotNext2Word},
}

// parseKey splits a feature key into its template and value.
func parseKey(key string) (template, string, bool) {
	for _, tm := range templates {
		if v, ok := strings.CutPrefix(key, tm.name); ok && strings.HasPrefix(v, " ") {
			return tm, v[1:], true
		}
	}
	return template{}, "", false
}

// Boundary words. In prose's context the first word is preceded by startWord
// and start2Word, in that order, so that its "i-1 word" is start2Word; the
// last word is followed by endWord and then end2Word. As tags, the first
// word's "i-1 tag" is startWord and its "i-2 tag" start2Word.
const (
	startWord  = "-START-"
	start2Word = "-START2-"
	endWord    = "-END-"
	end2Word   = "-END2-"
)
