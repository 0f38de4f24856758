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
	// text is the group of a groupCue, as written, the noun of a role
	// or a text pointing back ("ministry" in "the ministry said", "letter"
	// in "the letter argued"), or the role of the member through whom a
	// namedCue's organization speaks ("official" in "an FBI official").
	text string
	// singular reports a groupCue naming one person ("a senior official")
	// or a namedCue's organization speaking through one of its people
	// ("an FBI official"); org reports a groupCue naming one organization
	// ("a messaging company").
	singular, org bool
	// paired reports a named person joined to another ("Levy and
	// Robinson said").
	paired bool
	// role is a pointing role as written ("the justice minister"), which
	// names the source when nothing it points at is found.
	role string
	// weak reports a cue found only as the subject of a clause without a
	// verb of saying ("Apple pushed back") or after "according to", which
	// opinion writing uses for its own claims and the facts it offers.
	weak bool
	// at is the token where a pronoun or role noun stands; an antecedent
	// earlier in the same sentence comes first ("Apple ..., but it has
	// said").
	at int
	// addressed reports a namedCue for the person a speaker turns to
	// ("Clara, your organisation called that a betrayal"): the stance put
	// to them is theirs, even in a turn of someone holding the floor.
	addressed bool
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
	c := f.firstAttribution()
	if c.kind == namedCue && f.d.Mentions[c.mention].Type == doc.Person {
		c.paired = f.isPaired(c.mention)
	}
	return c
}

// isPaired reports whether person mention m is joined to another person by
// "and", perhaps after an apposition: "Ian Levy, technical director of the
// centre, and Crispin Robinson".
func (f finder) isPaired(m int) bool {
	s := f.s
	t := f.afterMention(m)
	if t < len(s.words) && s.words[t] == "," {
		e := f.chunkEnd(t + 1)
		if e >= len(s.words) || s.words[e] != "," {
			return false
		}
		t = e + 1
	}
	if t >= len(s.words) || s.words[t] != "and" {
		return false
	}
	for k := t + 1; k < len(s.words) && k <= t+4; k++ {
		if n := s.mention[k]; n >= 0 && f.d.Mentions[n].Type == doc.Person {
			return true
		}
	}
	return false
}

// firstAttribution returns the source the sentence names, as attribution
// does, without telling whether a person speaks with another.
func (f finder) firstAttribution() cue {
	s := f.s
	if m := f.addressee(); m >= 0 {
		return cue{kind: namedCue, mention: m, addressed: true}
	}
	if c := f.colonLabel(); c.kind != noCue {
		return c
	}
	if c := f.quoteTitle(); c.kind != noCue {
		return c
	}
	for v := 0; s.has(speechWord) && v < len(s.words); v++ {
		if s.quoted[v] || s.mention[v] >= 0 || !s.is(v, speechWord) || !f.isFiniteUse(v) {
			continue
		}
		if c := f.leftSubject(v); c.kind != noCue {
			if c.kind == firstPersonCue {
				if o := f.askedWhy(v); o.kind != noCue {
					return o
				}
			}
			return c
		}
		if c := f.rightSubject(v); c.kind != noCue {
			return c
		}
	}
	for t := 0; t+2 < len(s.words); t++ {
		if s.words[t] == "according" && s.words[t+1] == "to" && !s.quoted[t] {
			// A fact on someone's authority: in first-person writing,
			// a fact offered in the writer's argument.
			c := f.candidate(t+2, f.chunkEnd(t+2))
			c.weak = true
			return c
		}
	}
	if c := f.reactionSource(); c.kind != noCue {
		return c
	}
	if c := f.relativeSpeaker(); c.kind != noCue {
		return c
	}
	if c := f.positionOwner(); c.kind != noCue {
		return c
	}
	if c := f.agent(); c.kind != noCue {
		return c
	}
	return f.subject()
}

// reactionSource returns the source of a public reaction the sentence
// reports: the first of those named after "from" in "a storm of criticism
// from privacy advocates and security researchers" or "drawing fire from
// police and child safety groups".
func (f finder) reactionSource() cue {
	s := f.s
	if !s.has(reactionWord) {
		return cue{}
	}
	for t := 0; t+2 < len(s.words); t++ {
		if s.quoted[t] || !s.is(t, reactionWord) || s.words[t+1] != "from" {
			continue
		}
		a := t + 2
		e := a
		for e < len(s.words) && s.words[e] != "," && s.words[e] != "and" && s.words[e] != "or" && (e == a || !f.isBoundary(e)) {
			e++
		}
		return f.candidate(a, e)
	}
	return cue{}
}

// askedWhy returns the person the writer asks, at the verb at token v,
// about a position of theirs: "We asked Camille Roussel, who ..., why she
// campaigned against it", "We asked her why she keeps telling them no".
// The question reports that person's stance.
func (f finder) askedWhy(v int) cue {
	s := f.s
	if s.words[v] != "asked" && s.words[v] != "ask" || v+1 >= len(s.words) {
		return cue{}
	}
	o, e := cue{}, v+2
	switch m := s.mention[v+1]; {
	case m >= 0 && f.d.Mentions[m].Type == doc.Person:
		o, e = cue{kind: namedCue, mention: m}, f.afterMention(m)
	case s.words[v+1] == "her" || s.words[v+1] == "him":
		o = cue{kind: personCue, at: v + 1}
	default:
		return cue{}
	}
	if e < len(s.words) && s.words[e] == "," {
		// An apposition or a relative clause: "..., who coordinates ...,".
		if a := f.chunkEnd(e + 1); a < len(s.words) && s.words[a] == "," {
			e = a + 1
		}
	}
	if e < len(s.words) && (s.words[e] == "why" || s.words[e] == "whether" || s.words[e] == "how") {
		return o
	}
	return cue{}
}

// relativeSpeaker returns the source of a verb of saying in a relative
// clause, the antecedent of its pronoun: "..., echoing Malcolm Turnbull,
// who said that ...", "backed by the foundation, which argued ...".
func (f finder) relativeSpeaker() cue {
	s := f.s
	if !s.has(speechWord) {
		return cue{}
	}
	for v := range s.words {
		if s.quoted[v] || s.mention[v] >= 0 || !s.is(v, speechWord) || s.isNominal(v) {
			continue
		}
		p := v - 1
		for p > 0 && s.is(p, auxWord) {
			p--
		}
		if p < 1 || !f.isRelative(p) || s.words[p] == "whose" {
			continue
		}
		if c := f.antecedent(p); c.kind != noCue {
			return c
		}
	}
	return cue{}
}

// antecedent returns the source that the relative pronoun at token p stands
// for: the name right before it, or before the apposition that separates
// them ("Patrick Breyer, a member of the European Parliament, who says"),
// or the group right before it ("popular with human rights groups, who
// say"). A relative clause without a comma after a bare noun restricts it
// ("people who worry") rather than quoting its speakers.
func (f finder) antecedent(p int) cue {
	s := f.s
	if p < 2 {
		return cue{}
	}
	e := p
	if s.words[p-1] == "," {
		e--
	}
	b := f.chunkStart(e)
	if f.indefinite(b) && b > 1 && s.words[b-1] == "," {
		// An apposition: "..., a member of ..., who".
		e = b - 1
		b = f.chunkStart(e)
	}
	if b >= e {
		return cue{}
	}
	if m := s.mention[e-1]; m >= 0 {
		if typ := f.d.Mentions[m].Type; typ == doc.Person || typ == doc.Org {
			return cue{kind: namedCue, mention: m}
		}
		return cue{}
	}
	// The noun phrase ending the chunk, after its last preposition or
	// verb.
	a := e - 1
	for a > b && !s.is(a-1, prepositionWord) && !s.isVerb(a-1) {
		a--
	}
	if c := f.candidate(a, e); c.kind == groupCue && (e < p || e-a > 1) {
		return c
	}
	return cue{}
}

// chunkStart returns the start of the comma-free stretch of words that
// ends at token e.
func (f finder) chunkStart(e int) int {
	b := e
	for b > 0 && f.s.words[b-1] != "," && !f.isBoundary(b-1) {
		b--
	}
	return b
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
		if t := f.timedSubject(a, e); t >= 0 {
			a = t
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
	if f.prescribes(a, e) {
		return cue{}
	}
	// The subject is the noun phrase that opens the clause, not a name
	// deeper in it.
	np := f.nounPhraseEnd(a, e)
	c := f.candidate(a, np)
	named := -1
	if np == e && e < len(s.words) && s.words[e] == "," && (c.kind == groupCue || c.role != "" || c.singular) {
		named = f.appositiveName([2]int{e + 1, f.chunkEnd(e + 1)})
	}
	switch {
	case named >= 0:
		// A role and the name it stands for: "The Home Secretary, Helen
		// Marchbank, accused ...".
		c = cue{kind: namedCue, mention: named}
	case c.kind == namedCue && f.leadsTo(a, c.mention):
	case c.kind == groupCue && !c.org, c.text != "" && a > 0 && s.words[a-1] == "the":
	default:
		return cue{}
	}
	c.weak = !f.issuesText(np)
	return c
}

// prescribes reports whether the clause whose first chunk is [a, e) tells
// its subject what to do, in the chunk or right after an aside set off by
// commas: "Congress should settle this", "Companies, for their part, should
// stop". The writer prescribes; the subject holds no stance.
func (f finder) prescribes(a, e int) bool {
	s := f.s
	if e < len(s.words) && s.words[e] == "," {
		if aside := f.chunkEnd(e + 1); aside < len(s.words) && s.words[aside] == "," {
			e = f.chunkEnd(aside + 1)
		}
	}
	for t := a; t < e; t++ {
		if s.words[t] == "should" || s.words[t] == "must" || s.words[t] == "ought" {
			return true
		}
	}
	return false
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

// timedSubject returns where the subject starts when the chunk [a, e),
// which opens with a word of an introductory phrase, is a time and the name
// of a subject set off by a comma from an apposition: "Last month Ian Levy,
// the technical director of the centre, published ..."; or -1.
func (f finder) timedSubject(a, e int) int {
	for m := range f.s.mentionsIn(a, e) {
		if typ := f.d.Mentions[m].Type; typ != doc.Person && typ != doc.Org {
			continue
		}
		if !f.isTimeAt(a) || !f.leadsTo(a, m) {
			return -1
		}
		t := a
		for f.s.mention[t] != m {
			t++
		}
		return t
	}
	return -1
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
			f.s.isTitleCase(t), f.s.is(t, introWord), f.s.is(t, timeWord), f.s.words[t] == "the":
		default:
			return false
		}
	}
	return false
}

// isFiniteUse reports whether the verb of saying at token v is used as the
// verb of a clause: not a noun after a determiner or preposition ("a
// warning", "with backing"), not inside a relative clause ("who has
// testified", "a firm that wants"), not a passive participle ("told to
// wait"), not negated ("has not asked"), and as a participle only after a
// comma or an auxiliary (", arguing that"; "are urging").
func (f finder) isFiniteUse(v int) bool {
	if f.s.isNominal(v) && !f.isHeadlineVerb(v) {
		return false
	}
	if f.s.is(v, hearerVerb) && v+1 < len(f.s.words) && f.s.words[v+1] == "to" {
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
	for p > 0 && f.s.is(p, auxWord) {
		if f.s.is(p, negationWord) {
			// "the bank has never asked anyone to panic": a denial,
			// not a report.
			return false
		}
		if f.s.is(p, modalWord) {
			// "Congress should say plainly": a prescription, not a
			// report.
			return false
		}
		p--
	}
	// "that" right after a noun and before the verb is a relative pronoun:
	// "a company that wants".
	if f.isRelative(p) || f.s.words[p] == "that" && (p < v-1 || p > 0 && f.s.isNominal(p-1)) || f.supposed(v) {
		return false
	}
	if strings.HasSuffix(f.s.words[v], "ing") {
		return prev == "," || f.s.is(v-1, auxWord)
	}
	return true
}

// supposed reports whether the verb at token v is in a clause that
// "whether", "if" or "unless" opens ("nobody asks whether real people want
// seatbelts", "if the committee wants to protect children, ..."): an
// embedded question or a condition supposes a position, it reports none.
func (f finder) supposed(v int) bool {
	for t := v - 1; t >= 0 && f.s.words[t] != "," && !f.s.quoted[t] && !f.s.is(t, breakWord); t-- {
		if f.s.words[t] == "whether" || f.s.words[t] == "if" || f.s.words[t] == "unless" {
			return true
		}
	}
	return false
}

// isHeadlineVerb reports whether the verb of saying at token v, which the
// tagger took for a noun, is the verb of a headline's clause: a present
// tense after the speaker, before its object or "that" ("FBI chief warns
// phone encryption ...", "groups warn that ...").
func (f finder) isHeadlineVerb(v int) bool {
	s := f.s
	if v == 0 || v+1 >= len(s.words) || s.isVerb(v+1) || s.is(v+1, auxWord) || s.words[v+1] == "of" {
		return false
	}
	if !strings.HasSuffix(s.words[v], "s") && s.words[v+1] != "that" {
		return false
	}
	return s.mention[v-1] >= 0 || s.is(v-1, personNoun|peopleNoun)
}

// colonLabel recognizes a quotation introduced by its source and a colon:
// `1. Privacy advocates: "A backdoor for the police ..."`.
func (f finder) colonLabel() cue {
	s := f.s
	for t := 1; t+1 < len(s.words) && t < 12; t++ {
		if s.words[t] != ":" {
			continue
		}
		// A colon inside the quotation is the speaker's, not a label's.
		if s.quoted[t] || !s.quoted[t+1] {
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
// British titles quote with single marks (`‘Locks are not the enemy’: a
// locksmith on ...`), which elsewhere the resolver does not take for
// quotation, an apostrophe being the same mark: a title opening with one
// is a quotation when the first colon follows a closing one.
func (f finder) quoteTitle() cue {
	s := f.s
	if len(s.words) < 3 {
		return cue{}
	}
	t := 1
	switch {
	case s.quoted[0]:
		for t < len(s.words) && s.quoted[t] {
			t++
		}
	case s.words[0] == "‘" || s.words[0] == "'":
		for t < len(s.words) && s.words[t] != ":" {
			t++
		}
		if t < 3 || t == len(s.words) || s.words[t-1] != "’" && s.words[t-1] != "'" {
			return cue{}
		}
	default:
		return cue{}
	}
	if t >= len(s.words) || s.words[t] != ":" {
		return cue{}
	}
	for m := range s.mentionsIn(t, len(s.words)) {
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

// maxLabel bounds the words of a speaker label before its colon.
const maxLabel = 6

// addressee returns the person mention a sentence opens by addressing,
// after any speaker label ("BERISHA: Sofie, you were one of the
// signatories"; "Q: Ms Demir, your paper argues ..."), or -1. The name must
// be followed by a comma and "you" or "your".
func (f finder) addressee() int {
	s := f.s
	t := 0
	for k := 1; k < len(s.words) && k <= maxLabel; k++ {
		if s.quoted[k] {
			break
		}
		if s.words[k] == ":" {
			t = k + 1 // "Q:", "BERISHA:", "Lena Brandt:"
			break
		}
	}
	if t < len(s.words) && s.mention[t] < 0 && isTitle(s.words[t]) {
		t++
	}
	if t >= len(s.words) || s.mention[t] < 0 || f.d.Mentions[s.mention[t]].Type != doc.Person {
		return -1
	}
	m := s.mention[t]
	e := f.afterMention(m)
	if e+1 < len(s.words) && s.words[e] == "," && (s.words[e+1] == "you" || s.words[e+1] == "your") {
		return m
	}
	return -1
}
