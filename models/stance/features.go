package stance

// A feature is one active input of the model for one sentence: a hashed
// key, its value, and what it stands for in the text, so that the model can
// name the words behind its decision.
type feature struct {
	key uint64
	val float32
	// from and to are the token range [from, to) in Doc.Tokens that the
	// feature stands for. A feature that is not words of the sentence has
	// from < 0 and the note that describes it in to instead (see noted),
	// which keeps a feature in 32 bytes.
	from, to int32
	// weights are the feature's weights, W_j·, in the layer that last
	// computed logits over it (see layer.logits), or zeros when it has
	// none there.
	weights [classes]float32
}

// noted returns the feature of key k and value v that is not words of its
// sentence but is described by n.
func noted(k uint64, v float32, n note) feature {
	return feature{key: k, val: v, from: -1, to: int32(n)}
}

// note returns what describes f: noteWords for a feature that stands for
// words of its sentence, the note given to noted for one that does not.
func (f *feature) note() note {
	if f.from >= 0 {
		return noteWords
	}
	return note(f.to)
}

// A note describes a feature that does not stand for words of its sentence.
type note uint8

// The notes; see their descriptions in notes.
const (
	noteWords note = iota
	noteQuoted
	noteHeadline
	noteParagraph
	notePrev
	noteNext
	noteArticle
	noteSpeaker
	noteHolder
)

// notes describes each note for a reader.
var notes = [...]string{
	noteWords:     "",
	noteQuoted:    "quoted speech",
	noteHeadline:  "headline",
	noteParagraph: "paragraph start",
	notePrev:      "preceding sentence",
	noteNext:      "following sentence",
	noteArticle:   "rest of the article",
	noteSpeaker:   "speaker's other sentences",
	noteHolder:    "speaker",
}

// Feature kinds, hashed into every key so that templates cannot collide.
const (
	kindUnigram uint64 = iota + 1
	kindNegated
	kindBigram
	kindCue
	kindCueSide
	kindFlag
	kindActor
	kindHolderActor
)

// mix is the splitmix64 finalizer, a bijective scrambling of 64 bits.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// key returns the feature key of template kind over the values a and b.
func key(kind, a, b uint64) uint64 { return mix(mix(mix(kind)^a) ^ b) }

// flagKey returns the key of the feature called name.
func flagKey(name string) uint64 { return key(kindFlag, hashString(name), 0) }

// sideKeys returns the keys of a feature that exists once per side.
func sideKeys(name string) [2]uint64 {
	return [2]uint64{flagKey("favor:" + name), flagKey("against:" + name)}
}

// Stems of the sentence edges in bigrams, and of the words that make
// "have to" a modal.
var (
	stemBegin = hashString("<s>")
	stemEnd   = hashString("</s>")
	stemTo    = hashString("to")
	stemHave  = [...]uint64{hashString("have"), hashString("has"), hashString("had")}
)

// Keys of the sentence-level features of the first stage.
var (
	keyModal     = flagKey("modal")
	keyModalNeg  = flagKey("modal+negation")
	keySpeech    = flagKey("speech")
	keyQuoted    = flagKey("quoted")
	keyHeadline  = flagKey("headline")
	keyPronoun   = flagKey("pronoun-first")
	keyParagraph = flagKey("paragraph-first")
	keyQuestion  = flagKey("question")
	keyTopic     = flagKey("topic")
	keySideModal = sideKeys("modal")
	keySideSpeak = sideKeys("speech")
	keySideQuote = sideKeys("quoted")
	keySideHead  = sideKeys("headline")
	keySideTopic = sideKeys("topic")
)
