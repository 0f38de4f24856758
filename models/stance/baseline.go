package stance

import "github.com/stancer/stancer/pipeline/doc"

// A Baseline labels sentences by counting the cues of the embedded lists
// favor.txt and against.txt, matched on snowball stems. A cue inside a
// negation scope, which runs from "not", "no", "never", "without" or "n't"
// over at most five tokens, ending early at clause punctuation or "but",
// does not count: in "we are not asking for a backdoor, only lawful access"
// only "lawful access" counts.
// (Cancelling beat flipping the cue to the other side on the training set.)
//
// With n_f cues for favor and n_a against, a sentence is favor when
// n_f > n_a, against when n_a > n_f and neutral otherwise; its score is
// (n_f − n_a) / (n_f + n_a), or 0 without cues, and its confidence the
// share of the winning side, max(n_f, n_a) / (n_f + n_a), or 1 for a
// sentence without cues. The cues given are those of the winning side.
//
// A Baseline is safe for concurrent use.
type Baseline struct {
	ext  extractor
	pool analysisPool
}

// NewBaseline returns the keyword baseline over the embedded cue lists.
func NewBaseline() (*Baseline, error) {
	lex, err := sharedLexicon()
	if err != nil {
		return nil, err
	}
	b := &Baseline{ext: extractor{lex: lex}}
	return b, nil
}

// Predict sets the Stance of every sentence of d, whose tokens must be set.
func (b *Baseline) Predict(d *doc.Doc) {
	a := b.pool.get()
	defer b.pool.put(a)
	b.ext.analyse(d, a)
	next := 0 // the first cue of sentence i in a.cues, which is in sentence order
	for i := range d.Sentences {
		n := a.sents[i].sides
		st := doc.Stance{Label: doc.Neutral, Confidence: 1}
		if total := float64(n[sideFavor] + n[sideAgainst]); total > 0 {
			st.Score = float64(n[sideFavor]-n[sideAgainst]) / total
			st.Confidence = float64(max(n[sideFavor], n[sideAgainst])) / total
		}
		winner := -1
		switch {
		case n[sideFavor] > n[sideAgainst]:
			st.Label, winner = doc.Favor, sideFavor
		case n[sideAgainst] > n[sideFavor]:
			st.Label, winner = doc.Against, sideAgainst
		}
		for ; next < len(a.cues) && a.cues[next].sentence == i; next++ {
			c := a.cues[next]
			if c.side != winner || len(st.Cues) == maxCues {
				continue
			}
			if text := spanText(d, c.from, c.to); text != "" {
				st.Cues = appendCue(st.Cues, text)
			}
		}
		d.Sentences[i].Stance = st
	}
}
