package holder

import (
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
)

// cueKind says what a sentence names as the source of its words.
type cueKind uint8

const (
	noCue          cueKind = iota
	namedCue               // a named entity: cue.mention
	groupCue               // an unnamed group as written: cue.text
	firstPersonCue         // "I", "we": whoever is speaking in the text
	personCue              // "he", "she", "the minister"
	orgCue                 // "it", "the company"
	pluralCue              // "they", "the chiefs"
	anyCue                 // "the statement", "the report"
	guestCue               // the person an interview is with
)

// cue is the source a sentence gives for its words, before anaphora are
// resolved.
type cue struct {
	kind cueKind
	// mention is the index in Doc.Mentions of a namedCue.
	mention int
	// text is the group of a groupCue, as written, or the noun of a role
	// pointing back ("ministry" in "the ministry said").
	text string
	// singular reports a groupCue naming one person ("a senior official").
	singular bool
	// weak reports a cue found only as the subject of a clause without a
	// verb of saying ("Apple pushed back"), which opinion writing uses for
	// its own claims.
	weak bool
	// at is the token where a pronoun or role noun stands; an antecedent
	// earlier in the same sentence comes first ("Apple ..., but it has
	// said").
	at int
}

// finder looks for attributions in the sentences of one document.
type finder struct {
	d *doc.Doc
	s *sentence
}

// attribution returns the source the sentence names for its stance: the
// subject of its first verb of saying outside quotation marks that has one
// ("X said", "..., said X", "X, a lawyer, argued"), else the object of
// "according to".
func (f finder) attribution() cue {
	s := f.s
	if c := f.colonLabel(); c.kind != noCue {
		return c
	}
	if c := f.quoteTitle(); c.kind != noCue {
		return c
	}
	for v, w := range s.words {
		if s.quoted[v] || s.mention[v] >= 0 || !lex.speech.has(w) || !f.isFiniteUse(v) {
			continue
		}
		if c := f.leftSubject(v); c.kind != noCue {
			return c
		}
		if c := f.rightSubject(v); c.kind != noCue {
			return c
		}
	}
	for t := 0; t+2 < len(s.words); t++ {
		if s.words[t] == "according" && s.words[t+1] == "to" && !s.quoted[t] {
			return f.candidate(t+2, f.chunkEnd(t+2))
		}
	}
	return f.subject()
}

// subject returns the subject of the sentence's first clause when it names
// a person, an organization or a group, as in "Apple pushed back sharply"
// or "Critics were unmoved": a sentence whose stance is an act of such a
// subject takes it as the holder.
func (f finder) subject() cue {
	s := f.s
	a := f.afterDateline()
	for a < len(s.words) {
		e := f.chunkEnd(a)
		if !f.isIntro(a) || s.quoted[a] {
			break
		}
		if e >= len(s.words) || s.words[e] != "," {
			break
		}
		a = e + 1
	}
	for a < len(s.words) && (s.words[a] == "the" || s.words[a] == "but" || s.words[a] == "and") {
		a++
	}
	if a >= len(s.words) || s.quoted[a] {
		return cue{}
	}
	e := f.chunkEnd(a)
	for t := a; t < e; t++ {
		if s.words[t] == "should" || s.words[t] == "must" || s.words[t] == "ought" {
			// "Congress should settle this": the writer prescribes.
			return cue{}
		}
	}
	c := f.candidate(a, e)
	c.weak = true
	switch {
	case c.kind == namedCue && f.leadsTo(a, c.mention):
		return c
	case c.kind == groupCue, c.text != "" && a > 0 && s.words[a-1] == "the":
		return c
	}
	return cue{}
}

// afterDateline returns the first token after a dateline or a time stamp
// that opens the sentence ("WASHINGTON —", "12:40 —"), or 0.
func (f finder) afterDateline() int {
	for t := 0; t < len(f.s.words) && t < 6; t++ {
		switch f.s.words[t] {
		case "—", "–", "--":
			return t + 1
		}
	}
	return 0
}

// leadsTo reports whether mention m is the first thing of the phrase
// starting at token a, but for a title or a time before it ("Manhattan
// District Attorney Cyrus Vance Jr.", "Last summer the Electronic Frontier
// Foundation").
func (f finder) leadsTo(a, m int) bool {
	for t := a; t < len(f.s.words); t++ {
		switch {
		case f.s.mention[t] == m:
			return true
		case f.s.mention[t] >= 0 && f.d.Mentions[f.s.mention[t]].Type == doc.GPE,
			f.s.isTitleCase(t), lex.intro.has(f.s.words[t]), lex.time.has(f.s.words[t]), f.s.words[t] == "the":
		default:
			return false
		}
	}
	return false
}

// isFiniteUse reports whether the verb of saying at token v is used as the
// verb of a clause: not a noun after a determiner or preposition ("a
// warning", "with backing"), not inside a relative clause ("who has
// testified"), and as a participle only after a comma or an auxiliary
// (", arguing that"; "are urging").
func (f finder) isFiniteUse(v int) bool {
	if f.s.isNominal(v) {
		return false
	}
	if v == 0 {
		return true
	}
	prev := f.s.words[v-1]
	switch prev {
	case "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
		"of", "with", "for", "in", "on", "by", "from", "without", "against", "no", "to", "'s", "’s":
		return false
	}
	p := v - 1
	for p > 0 && lex.aux.has(f.s.words[p]) {
		p--
	}
	if f.isRelative(p) || f.s.words[p] == "that" && p < v-1 {
		return false
	}
	if strings.HasSuffix(f.s.words[v], "ing") {
		return prev == "," || lex.aux.has(prev)
	}
	return true
}

// colonLabel recognizes a quotation introduced by its source and a colon:
// `1. Privacy advocates: "A backdoor for the police ..."`.
func (f finder) colonLabel() cue {
	s := f.s
	for t := 1; t+1 < len(s.words) && t < 12; t++ {
		if s.words[t] != ":" {
			continue
		}
		if !s.quoted[t+1] {
			return cue{}
		}
		a := 0
		for a < t && (s.words[a] == "." || isNumber(s.words[a])) {
			a++
		}
		return f.candidate(a, t)
	}
	return cue{}
}

// quoteTitle recognizes a title made of a quotation and the person it is
// from: `"Apple chose not to look": Helen Dacre on the lawsuit`, or, when
// no one is named after the colon, the interview's guest (`"Every backdoor
// gets a burglar": a cryptographer on thirty years of crypto wars`).
func (f finder) quoteTitle() cue {
	s := f.s
	if len(s.words) < 3 || !s.quoted[0] {
		return cue{}
	}
	t := 1
	for t < len(s.words) && s.quoted[t] {
		t++
	}
	if t >= len(s.words) || s.words[t] != ":" {
		return cue{}
	}
	for _, m := range s.mentionsIn(t, len(s.words)) {
		if f.d.Mentions[m].Type == doc.Person {
			return cue{kind: namedCue, mention: m}
		}
	}
	return cue{kind: guestCue}
}

// isNumber reports whether w is made of digits.
func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}
