package stance

import (
	"slices"
	"sort"

	"github.com/stancer/stancer/pipeline/doc"
)

// speakerWindow is how many tokens from a verb of saying a mention may
// stand and still be taken for its subject.
const speakerWindow = 6

// authorKey is the speaker key of the writer's own voice.
var authorKey = hashString("<author>")

// speakers sets a.ctx.speaker to a key of who speaks in each sentence of d,
// or 0 when that cannot be told: the person, organization or app named (in
// d.Mentions) nearest to the sentence's verb of saying, else one named in
// its first three tokens; a sentence naming nobody that starts with a
// pronoun or inside a quotation continues the previous speaker within the
// paragraph; any other sentence without a verb of saying or quotation is the
// writer's own voice. A speaker is keyed by the last word of the mention, so
// that "Barr" is "William Barr".
func (x *extractor) speakers(d *doc.Doc, a *analysis) {
	a.ctx.speaker = resize(a.ctx.speaker, len(d.Sentences))
	a.best = resize(a.best, len(d.Sentences)) // distance of each sentence's chosen mention
	best := a.best
	for _, m := range d.Mentions {
		i := m.Sentence
		if m.Type == doc.GPE || i < 0 || i >= len(d.Sentences) {
			continue
		}
		span := d.Sentences[i].Tokens
		if span.Start < 0 || span.End > len(d.Tokens) || span.Start > span.End {
			continue
		}
		toks := d.Tokens[span.Start:span.End]
		first := sort.Search(len(toks), func(k int) bool { return toks[k].End > m.Start })
		last := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= m.End }) - 1
		if first > last {
			continue
		}
		dist := speakerDistance(a.words[span.Start:span.End], first, last)
		if dist < 0 || a.ctx.speaker[i] != 0 && dist >= best[i] {
			continue
		}
		a.ctx.speaker[i], best[i] = a.words[span.Start+last].stem|1, dist
	}
	for i := range a.ctx.speaker {
		s := &a.sents[i]
		switch {
		case a.ctx.speaker[i] != 0:
		case i > 0 && (s.pronoun || s.quotedStart) && !s.paragraph:
			a.ctx.speaker[i] = a.ctx.speaker[i-1]
		case !s.speech && !s.quoted:
			a.ctx.speaker[i] = authorKey
		}
	}
}

// speakerDistance returns how far the mention over the tokens [first, last]
// of a sentence stands from its first verb of saying, or, without such a
// verb near it, speakerWindow plus its first token when that is among the
// first three; -1 when the mention cannot be the speaker.
func speakerDistance(words []word, first, last int) int {
	for k, w := range words {
		if w.flags&flagSpeech == 0 {
			continue
		}
		switch {
		case k > last && k-last <= speakerWindow:
			return k - last
		case k < first && first-k <= speakerWindow:
			return first - k
		}
		break
	}
	if first < 3 {
		return speakerWindow + first
	}
	return -1
}

// resize returns s with length n and every element zero, reusing its
// storage when large enough.
func resize[E any](s []E, n int) []E {
	s = slices.Grow(s[:0], n)[:n]
	clear(s)
	return s
}
