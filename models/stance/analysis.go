package stance

import (
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
)

// sentInfo locates the features of one sentence in an analysis and keeps
// what the second stage and the baseline read of it.
type sentInfo struct {
	// lo, hi delimit the sentence's features in analysis.feats.
	lo, hi int
	// sides counts the cues of each side outside negation scopes.
	sides [2]int
	// paragraph reports that the sentence starts a paragraph.
	paragraph bool
	// pronoun reports that the sentence's first word is a personal pronoun,
	// which usually continues the previous sentence's speaker.
	pronoun bool
	// quoted reports that some of the sentence stands inside quotation
	// marks.
	quoted bool
	// speech reports a verb of saying; firstPerson a first-person pronoun
	// outside quotation marks, the mark of the writer's own voice.
	speech, firstPerson bool
	// topic reports a word of the topic (topic.txt).
	topic bool
	// modal reports a modal verb (must, should, need, ought, have to).
	modal bool
}

// A cueMatch is a cue of the lexicon found outside negation scopes.
type cueMatch struct {
	sentence int
	side     int
	// from, to delimit the cue in Doc.Tokens.
	from, to int32
}

// An analysis holds the features of every sentence of one document. It is
// scratch space, reused from document to document.
type analysis struct {
	words []word
	negBy []int32 // per token of the current sentence: the negator whose scope it is in, or -1
	quote []bool  // per token of the current sentence: inside quotation marks
	memo  memo
	feats []feature
	sents []sentInfo
	cues  []cueMatch
	// ctx is the second stage's view of the document; stacked the
	// second-stage features of one sentence.
	ctx     context
	stacked []feature
	// Scratch space of Model.explain.
	picks []pick
	taken [][2]int32
	order []note
	// Scratch space of Model.Predict: the cues of the current sentence, and
	// those of all sentences so far, where sentence i's end at cueEnd[i].
	sentCues, cueText []string
	cueEnd            []int32
}

// sentence returns the first-stage features of sentence i.
func (a *analysis) sentence(i int) []feature {
	return a.feats[a.sents[i].lo:a.sents[i].hi]
}

// speakerWindow is how many tokens from a verb of saying an actor may
// stand and count as near it.
const speakerWindow = 6

// extractor turns documents into features.
type extractor struct {
	lex *lexicon
}

// analyse fills a with the first-stage features of every sentence of d and
// with who speaks in each.
func (x *extractor) analyse(d *doc.Doc, a *analysis) {
	a.words = a.words[:0]
	for _, t := range d.Tokens {
		a.words = append(a.words, x.lex.words.lookup(t.Norm, &a.memo))
	}
	a.feats = a.feats[:0]
	a.sents = a.sents[:0]
	a.cues = a.cues[:0]
	inQuote := false
	for i, s := range d.Sentences {
		info := sentInfo{paragraph: i == 0 || newParagraph(d.Text, d.Sentences[i-1].End, s.Start)}
		if info.paragraph {
			inQuote = false
		}
		info.lo = len(a.feats)
		inQuote = x.sentence(d, i, inQuote, a, &info)
		info.hi = len(a.feats)
		a.sents = append(a.sents, info)
	}
	x.speakers(d, a)
}

// newParagraph reports whether a line break separates two sentences, the
// first ending at end and the second starting at start.
func newParagraph(text string, end, start int) bool {
	return 0 <= end && end <= start && start <= len(text) && strings.IndexByte(text[end:start], '\n') >= 0
}

// sentence appends the features of sentence i of d to a.feats and its cues
// to a.cues, and fills in info. inQuote tells whether the sentence starts
// inside quotation marks; sentence returns whether it ends inside them.
//
// The features are: each cue of the lexicon, and its side, marked as
// negated inside a negation scope; the stems of the words (unigrams, marked
// as negated inside a negation scope) and of adjacent words (bigrams, with
// the sentence edges); the actor classes of the words, alone and near a
// verb of saying, and of the words of the sentence's provisional holder; a
// modal verb, a negated modal, a verb of saying, a word of the topic,
// quotation, the headline, a paragraph start, a pronoun as first word and a
// final question mark; and the modal, speech, quotation, headline and
// topic features again for each side whose cues the sentence has.
func (x *extractor) sentence(d *doc.Doc, i int, inQuote bool, a *analysis, info *sentInfo) bool {
	span := d.Sentences[i].Tokens
	if span.Start < 0 || span.End > len(d.Tokens) || span.Start > span.End {
		return inQuote
	}
	toks := d.Tokens[span.Start:span.End]
	words := a.words[span.Start:span.End]
	base := int32(span.Start)
	inQuote = a.scopes(toks, words, inQuote)
	lexical := func(k uint64, from, to int) {
		a.feats = append(a.feats, feature{key: k, val: 1, from: base + int32(from), to: base + int32(to)})
	}
	marked := func(k uint64, n note) {
		a.feats = append(a.feats, noted(k, 1, n))
	}

	// Cues come first: a cue that contains a negator ("no place to hide")
	// does not negate what follows it.
	x.lex.match(words, func(c, start, end int) {
		cu := &x.lex.cues[c]
		negated := uint64(0)
		from := start
		if neg := a.negBy[start]; neg >= 0 {
			negated, from = 1, int(neg)
		} else {
			info.sides[cu.side]++
			a.cues = append(a.cues, cueMatch{sentence: i, side: cu.side, from: base + int32(start), to: base + int32(end)})
		}
		lexical(key(kindCue, cu.id, negated), from, end)
		lexical(key(kindCueSide, uint64(cu.side), negated), from, end)
		for k := start; k < len(words); k++ {
			if int(a.negBy[k]) >= start && int(a.negBy[k]) < end {
				a.negBy[k] = -1
			}
		}
	})

	prev, prevAt := stemBegin, 0
	modal, speech, topic, firstWord := -1, -1, -1, -1
	for k, w := range words {
		info.quoted = info.quoted || a.quote[k]
		if w.flags&flagFirst != 0 && !a.quote[k] && toks[k].Norm != "US" {
			info.firstPerson = true
		}
		if w.flags&flagPunct != 0 {
			continue
		}
		if firstWord < 0 {
			firstWord = k
		}
		if neg := a.negBy[k]; neg >= 0 && w.flags&flagNegator == 0 {
			lexical(key(kindNegated, w.stem, 0), int(neg), k+1)
		} else {
			lexical(key(kindUnigram, w.stem, 0), k, k+1)
		}
		lexical(key(kindBigram, prev, w.stem), prevAt, k+1)
		prev, prevAt = w.stem, k
		switch {
		case modal >= 0:
		case w.flags&flagModal != 0:
			modal = k
		case w.stem == stemTo && k > 0 && isHave(words[k-1].stem):
			modal = k - 1
		}
		if w.flags&flagSpeech != 0 && speech < 0 {
			speech = k
		}
		if w.flags&flagTopic != 0 && topic < 0 {
			topic = k
		}
	}
	if firstWord >= 0 {
		lexical(key(kindBigram, prev, stemEnd), prevAt, prevAt+1)
	}
	for k, w := range words {
		if w.actor == 0 {
			continue
		}
		lexical(key(kindActor, uint64(w.actor), 0), k, k+1)
		if speech >= 0 && max(k-speech, speech-k) <= speakerWindow {
			lexical(key(kindActor, uint64(w.actor), 1), k, k+1)
		}
	}

	if h := d.Sentences[i].Holder; h != nil && h.Name != doc.Author {
		for f := range strings.FieldsSeq(h.Name) {
			if w := x.lex.words.lookup(f, &a.memo); w.actor != 0 {
				marked(key(kindHolderActor, uint64(w.actor), 0), noteHolder)
			}
		}
	}

	withSides := func(keys [2]uint64, add func(uint64)) {
		for s := range 2 {
			if info.sides[s] > 0 {
				add(keys[s])
			}
		}
	}
	if modal >= 0 {
		lexical(keyModal, modal, modal+1)
		if end := modal + 2; end <= len(words) && (words[modal+1].flags&flagNegator != 0 || a.negBy[modal] >= 0) {
			lexical(keyModalNeg, modal, end)
		}
		withSides(keySideModal, func(k uint64) { lexical(k, modal, modal+1) })
	}
	info.modal = modal >= 0
	if info.topic = topic >= 0; info.topic {
		lexical(keyTopic, topic, topic+1)
		withSides(keySideTopic, func(k uint64) { lexical(k, topic, topic+1) })
	}
	if info.speech = speech >= 0; info.speech {
		lexical(keySpeech, speech, speech+1)
		withSides(keySideSpeak, func(k uint64) { lexical(k, speech, speech+1) })
	}
	if info.quoted {
		marked(keyQuoted, noteQuoted)
		withSides(keySideQuote, func(k uint64) { marked(k, noteQuoted) })
	}
	if i == 0 {
		marked(keyHeadline, noteHeadline)
		withSides(keySideHead, func(k uint64) { marked(k, noteHeadline) })
	}
	if info.paragraph {
		marked(keyParagraph, noteParagraph)
	}
	if firstWord >= 0 && words[firstWord].flags&flagPronoun != 0 {
		info.pronoun = true
		lexical(keyPronoun, firstWord, firstWord+1)
	}
	if n := len(toks); n > 0 && toks[n-1].Norm == "?" {
		lexical(keyQuestion, n-1, n)
	}
	return inQuote
}

// isHave reports whether stem is a form of "have".
func isHave(stem uint64) bool {
	return stem == stemHave[0] || stem == stemHave[1] || stem == stemHave[2]
}

// negationReach is the most tokens after a negator that its scope covers.
const negationReach = 5

// scopes marks, for each token of one sentence, the negation scope it is in
// (a.negBy) and whether it stands inside quotation marks (a.quote), given
// whether the sentence starts inside them; it returns whether it ends inside
// them. A negation scope runs from a negator over at most negationReach
// tokens, and ends early at clause punctuation or "but". Straight double
// quotes toggle; curly ones open and close.
func (a *analysis) scopes(toks []doc.Token, words []word, inQuote bool) bool {
	a.negBy = a.negBy[:0]
	a.quote = a.quote[:0]
	scope := int32(-1)
	for k, w := range words {
		if w.flags&flagQuote != 0 {
			switch toks[k].Norm {
			case "“", "«":
				inQuote = true
			case "”", "»":
				inQuote = false
			default:
				inQuote = !inQuote
			}
		}
		if w.flags&flagBreak != 0 || scope >= 0 && int32(k)-scope > negationReach {
			scope = -1
		}
		a.negBy = append(a.negBy, scope)
		a.quote = append(a.quote, inQuote && w.flags&flagQuote == 0)
		if w.flags&flagNegator != 0 {
			scope = int32(k)
		}
	}
	return inQuote
}
