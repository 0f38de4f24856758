package stance

import (
	"cmp"
	"math"
	"slices"
)

// The second stage of the model judges a sentence by the first stage's
// probabilities for it and for its context, so that a sentence continuing a
// speaker's argument ("He added that ...") takes the speaker's side and a
// fact in the writer's own voice takes the side of an opinion piece but not
// that of a news report.

// Keys of the second-stage features.
var (
	keyOwn         = sideKeys("own")
	keyOwnLogOdds  = sideKeys("own-log-odds")
	keyOwnSpeech   = sideKeys("own+speech")
	keyOwnQuoted   = sideKeys("own+quoted")
	keyOwnHead     = sideKeys("own+headline")
	keyOwnVoice    = sideKeys("own+writer's-voice")
	keyPrevP       = sideKeys("prev")
	keyPrevParaP   = sideKeys("prev-in-paragraph")
	keyPronounP    = sideKeys("prev+pronoun-first")
	keyQuotedP     = sideKeys("prev+quoted")
	keyNextP       = sideKeys("next")
	keyNextParaP   = sideKeys("next-in-paragraph")
	keyQuoteCarryP = sideKeys("next+quoted")
	keyArticleP    = sideKeys("article")
	keySpeakerP    = sideKeys("speaker")
	keyOpinion     = flagKey("opinion-share")
	keyReport      = flagKey("speech-share")
	keyTopicShare  = flagKey("topic-share")
	keyOffTopic    = flagKey("off-topic")
	keyOwnOff      = sideKeys("own+off-topic")
	keyOddsOff     = sideKeys("own-log-odds+off-topic")
	keyVoice       = flagKey("writer's-voice+opinion-share")
	keyOwnModalV   = sideKeys("own+modal+writer's-voice")
)

// A context holds what the second stage reads of a document.
type context struct {
	sents []sentInfo
	// p holds the first-stage probabilities of each sentence, sum their sum.
	p   [][classes]float64
	sum [classes]float64
	// opinion and report are the shares of sentences in the writer's own
	// voice (a first-person pronoun outside quotation marks) and with a
	// verb of saying.
	opinion, report float64
	// topic is the share of sentences with a word of the topic.
	topic float64
	// speaker keys who speaks in each sentence, 0 for unknown (see
	// extractor.speakers).
	speaker []uint64
	// peers[i] is the mean of p over the other sentences of sentence i's
	// speaker, peerCount[i] their number.
	peers     [][classes]float64
	peerCount []int
	order     []int // scratch: sentence indexes ordered by speaker
}

// complete sets c.sents and derives the sums, shares and speaker means
// from c.p and c.speaker.
func (c *context) complete(sents []sentInfo) {
	c.sents = sents
	n := len(sents)
	c.opinion, c.report, c.topic = 0, 0, 0
	for _, s := range sents {
		if s.firstPerson {
			c.opinion++
		}
		if s.speech {
			c.report++
		}
		if s.topic {
			c.topic++
		}
	}
	if n > 0 {
		c.opinion /= float64(n)
		c.report /= float64(n)
		c.topic /= float64(n)
	}
	c.sum = [classes]float64{}
	for _, p := range c.p {
		for k := range classes {
			c.sum[k] += p[k]
		}
	}
	c.peers = resize(c.peers, n)
	c.peerCount = resize(c.peerCount, n)
	c.order = c.order[:0]
	for i := range n {
		if c.speaker[i] != 0 {
			c.order = append(c.order, i)
		}
	}
	slices.SortFunc(c.order, func(a, b int) int {
		return cmp.Or(cmp.Compare(c.speaker[a], c.speaker[b]), a-b)
	})
	for lo := 0; lo < len(c.order); {
		hi := lo + 1
		for hi < len(c.order) && c.speaker[c.order[hi]] == c.speaker[c.order[lo]] {
			hi++
		}
		var group [classes]float64
		for _, i := range c.order[lo:hi] {
			for k := range classes {
				group[k] += c.p[i][k]
			}
		}
		if others := hi - lo - 1; others > 0 {
			for _, i := range c.order[lo:hi] {
				for k := range classes {
					c.peers[i][k] = (group[k] - c.p[i][k]) / float64(others)
				}
				c.peerCount[i] = others
			}
		}
		lo = hi
	}
}

// appendStacked appends the second-stage features of sentence i: the
// first-stage P(favor) and P(against) of the sentence itself, and their log
// odds against neutral (see logOdds); P(favor) and P(against) again when it
// has a verb of saying, quotation, is the headline, or is in the writer's
// own voice (weighted by the article's share of first-person sentences;
// and, unweighted, once more when it has a modal verb: the writer arguing
// what must be);
// those of the previous and next sentences, again when in the same
// paragraph and combined with a pronoun as first word or with quotation;
// their means over the rest of the article and, in an article with a word
// of the topic, over the other sentences of the same speaker; and the
// article's shares of first-person and of reported sentences.
func appendStacked(fs []feature, c *context, i int) []feature {
	sents, p, s := c.sents, c.p, &c.sents[i]
	add := func(keys [2]uint64, q [classes]float64, n note) {
		for side := range 2 {
			if v := float32(q[side]); v != 0 {
				fs = append(fs, noted(keys[side], v, n))
			}
		}
	}
	scalar := func(k uint64, v float64) {
		if v != 0 {
			fs = append(fs, noted(k, float32(v), noteArticle))
		}
	}
	add(keyOwn, p[i], noteWords)
	add(keyOwnLogOdds, logOdds(p[i]), noteWords)
	if s.speech {
		add(keyOwnSpeech, p[i], noteWords)
	}
	if s.quoted {
		add(keyOwnQuoted, p[i], noteWords)
	}
	if i == 0 {
		add(keyOwnHead, p[i], noteWords)
	}
	scalar(keyOpinion, c.opinion)
	scalar(keyReport, c.report)
	scalar(keyTopicShare, c.topic)
	if c.topic == 0 {
		scalar(keyOffTopic, 1)
		add(keyOwnOff, p[i], noteArticle)
		add(keyOddsOff, logOdds(p[i]), noteArticle)
	}
	if !s.speech && !s.quoted {
		var q [classes]float64
		for k := range q {
			q[k] = p[i][k] * c.opinion
		}
		add(keyOwnVoice, q, noteWords)
		scalar(keyVoice, c.opinion)
		if s.modal {
			add(keyOwnModalV, p[i], noteWords)
		}
	}
	if i > 0 {
		add(keyPrevP, p[i-1], notePrev)
		if !s.paragraph {
			add(keyPrevParaP, p[i-1], notePrev)
			if s.pronoun {
				add(keyPronounP, p[i-1], notePrev)
			}
			if s.quoted {
				add(keyQuotedP, p[i-1], notePrev)
			}
		}
	}
	if i+1 < len(sents) {
		add(keyNextP, p[i+1], noteNext)
		if !sents[i+1].paragraph {
			add(keyNextParaP, p[i+1], noteNext)
			if s.quoted {
				add(keyQuoteCarryP, p[i+1], noteNext)
			}
		}
	}
	if n := len(p); n > 1 {
		var rest [classes]float64
		for k := range rest {
			rest[k] = (c.sum[k] - p[i][k]) / float64(n-1)
		}
		add(keyArticleP, rest, noteArticle)
	}
	if c.peerCount[i] > 0 && c.topic > 0 {
		add(keySpeakerP, c.peers[i], noteSpeaker)
	}
	return fs
}

// minOdds bounds the probabilities that logOdds divides, so that its values
// stay finite: |log(p/q)| ≤ −log(minOdds) ≈ 27.6.
const minOdds = 1e-12

// logOdds returns, for the favor and against sides of the probabilities p,
// the log odds against neutral,
//
//	o_s = log(max(p_s, ε) / max(p_neutral, ε)),   s ∈ {favor, against},
//
// with ε = minOdds, and 0 for neutral. Beside the probabilities themselves
// they let the second stage tell a confident first-stage side (p_s near 1,
// where p is flat and the odds still grow) from a merely likely one.
func logOdds(p [classes]float64) [classes]float64 {
	n := math.Log(max(p[sideNeutral], minOdds))
	var o [classes]float64
	for side := range 2 {
		o[side] = math.Log(max(p[side], minOdds)) - n
	}
	return o
}
