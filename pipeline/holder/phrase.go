package holder

import (
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
)

// candidate returns the source named by the phrase at tokens [a, e): a
// person or organization named there, a pronoun, a definite role noun
// pointing back ("the company"), or an unnamed group.
func (f finder) candidate(a, e int) cue {
	s := f.s
	a = s.afterConjunction(a, e)
	if a >= e || s.isVerb(a) && s.mention[a] < 0 && !(f.isModifier(a, e) && s.hasMention(a, e)) || s.is(a, speechWord) && s.mention[a] < 0 {
		return cue{}
	}
	if c, ok := f.named(a, e); ok {
		return c
	}
	switch s.words[a] {
	case "he", "she":
		return cue{kind: personCue, at: a}
	case "they":
		return cue{kind: pluralCue, at: a}
	case "it":
		return cue{kind: orgCue, at: a}
	case "i", "we":
		return cue{kind: firstPersonCue}
	}
	if c, ok := f.confidedBy(a, e); ok {
		return c
	}
	for a+1 < e && (s.words[a] == "." || isNumber(strings.TrimRight(s.words[a], ".)"))) {
		a++ // a list item: "1. A minister said"
	}
	counted := -1 // where a counted group's name starts
	if a+2 < e && s.words[a+1] == "of" && s.is(a, quantityWord) {
		// "Hundreds of researchers": the group is the researchers, but
		// "thousands of people" is no group without its number.
		if s.words[a+2] == "people" {
			counted = a
		}
		a += 2
	}
	np := f.nounPhraseEnd(a, e)
	// Two noun phrases in a row: the subject is the last ("a
	// demonstration the group said proved ...", "In recent months several
	// commentators have argued").
	intro := s.is(a, introWord)
	for t := a + 1; t < np && !s.is(t, prepositionWord) && s.words[t] != "'s" && s.words[t] != "’s"; t++ {
		if f.isDeterminer(t) && s.words[t] != "that" || intro && f.indefinite(t) {
			a = t
		}
	}
	head, belongs := f.head(a, np)
	if belongs {
		return cue{kind: orgCue, at: a}
	}
	if lex().has(head, mouthpieceWord) {
		// "a company spokesperson": the company speaks.
		for t := a; t < np && s.words[t] != head; t++ {
			if s.is(t, orgNoun) {
				return cue{kind: orgCue, at: a, text: s.words[t]}
			}
		}
	}
	from := a
	if counted >= 0 {
		from = counted
	}
	phrase := f.text(from, f.trimTail(a, np))
	switch s.words[a] {
	case "the", "this", "that", "these", "those", "its", "their", "his", "her":
		switch {
		case lex().has(head, personNoun):
			return cue{kind: personCue, at: a, text: head, role: phrase}
		case lex().has(head, orgNoun):
			return cue{kind: orgCue, at: a, text: head, role: phrase}
		case lex().has(head, documentNoun):
			return cue{kind: anyCue, at: a, text: head}
		case lex().has(head, peopleNoun):
			if f.possessed(a, np) && !lex().has(head, staffWord) {
				// "The amendment's supporters", "its defenders": a group
				// that the text defines by what it is for, as written;
				// "its lawyers" are still the staff of who spoke last.
				return cue{kind: groupCue, text: phrase}
			}
			return cue{kind: pluralCue, at: a, text: head}
		}
		return cue{}
	}
	switch {
	case lex().has(head, peopleNoun):
		return cue{kind: groupCue, text: phrase}
	case lex().has(head, personNoun):
		return cue{kind: groupCue, text: phrase, singular: true}
	case lex().has(head, orgNoun) && f.indefinite(a):
		// An organization left unnamed: "a messaging company".
		return cue{kind: groupCue, text: phrase, org: true}
	}
	return cue{}
}

// confidedBy returns the source of a phrase [a, e) about people close to
// someone: the one after "close to" ("A source close to the Home
// Secretary", "aides close to him"), whose view they pass on, found as
// the words after "close to" would be found as a subject; else, and when
// a role there points at no one, the phrase as written ("Sources close to
// the talks"). It reports false when the phrase is not one.
func (f finder) confidedBy(a, e int) (cue, bool) {
	s := f.s
	for t := a; t+3 < e && t <= a+3; t++ {
		if !s.is(t, confidantNoun) || s.mention[t] >= 0 {
			continue
		}
		if s.words[t+1] != "close" || s.words[t+2] != "to" {
			return cue{}, false
		}
		written := f.text(a, f.trimTail(t+3, f.nounPhraseEnd(t+3, e)))
		c := f.candidate(t+3, e)
		switch s.words[t+3] {
		case "him", "her":
			c = cue{kind: personCue, at: t + 3}
		case "them":
			c = cue{kind: pluralCue, at: t + 3}
		}
		switch c.kind {
		case namedCue:
			return c, true
		case personCue, orgCue, pluralCue:
			c.role = written
			return c, true
		}
		return cue{kind: groupCue, text: written, singular: !strings.HasSuffix(s.words[t], "s") && s.words[t] != "people"}, true
	}
	return cue{}, false
}

// trimTail returns the end of the phrase [a, e) without the function words
// that may end it ("Lawmakers from the").
func (f finder) trimTail(a, e int) int {
	for e > a+1 && (f.s.is(e-1, prepositionWord) || f.isDeterminer(e-1)) {
		e--
	}
	return e
}

// isDeterminer reports whether token t is an article or a possessive or
// demonstrative determiner.
func (f finder) isDeterminer(t int) bool {
	switch f.s.words[t] {
	case "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my":
		return true
	}
	return false
}

// isTimeAt reports whether a phrase of time starts at token t: "on
// Monday", "last week", "this month", "yesterday".
func (f finder) isTimeAt(t int) bool {
	w := f.s.words[t]
	if f.s.is(t, timeWord) {
		return true
	}
	switch w {
	case "on", "in", "at", "this", "last", "earlier", "late", "early", "next":
		return t+1 < len(f.s.words) && f.s.is(t+1, timeWord)
	}
	return false
}

// isModifier reports whether token a, which the tagger took for a verb,
// is a plural noun modifying the noun after it in [a, e) ("arts minister").
func (f finder) isModifier(a, e int) bool {
	s := f.s
	return s.toks[a].Tag == "VBZ" && a+1 < e && strings.HasPrefix(s.toks[a+1].Tag, "NN") && s.mention[a+1] < 0
}

// named returns the named person or organization in [a, e) that the phrase
// is about: the first person, else the first organization, unless that
// organization only qualifies a group ("Justice Department officials",
// "Apple's defenders"), which makes the phrase a group.
func (f finder) named(a, e int) (cue, bool) {
	s := f.s
	first := -1
	for m := range s.mentionsIn(a, e) {
		if f.isPossessive(m) {
			// The owner speaks through its office, its statement or
			// its spokespeople: "Cotton's office said", "Signal's
			// developers have said".
			t := f.afterMention(m) + 1
			if t < e && s.words[t] == "own" {
				t++
			}
			if t < e && (s.is(t, orgNoun) || s.is(t, documentNoun) || s.is(t, mouthpieceWord)) {
				return cue{kind: namedCue, mention: m}, true
			}
			if c, ok := f.ownedBody(m, t, e); ok {
				return c, true
			}
			continue
		}
		switch f.d.Mentions[m].Type {
		case doc.Person:
			return cue{kind: namedCue, mention: m}, true
		case doc.Org, doc.App:
			if first < 0 {
				first = m
			}
		}
	}
	if first < 0 {
		return cue{}, false
	}
	// Does the organization qualify a noun right after it?
	t := f.afterMention(first)
	for k := t; k < min(t+3, e); k++ {
		if s.is(k, peopleNoun) || s.is(k, personNoun) {
			if f.precededByNoun(a, t) || s.is(k, mouthpieceWord) {
				break
			}
			if f.member(a, k) {
				// "An FBI official said": one of its people speaks
				// for the organization; "the official" points back.
				return cue{kind: namedCue, mention: first, singular: true, text: s.words[k]}, true
			}
			if s.is(k, personNoun) && !f.indefinite(a) {
				// "FBI chief warns": a role, named elsewhere.
				return cue{kind: personCue, at: a}, true
			}
			return cue{}, false
		}
		if s.mention[k] >= 0 || s.is(k, auxWord) || s.is(k, speechWord) {
			break
		}
	}
	return cue{kind: namedCue, mention: first}, true
}

// ownedBody returns the unnamed body of a place or an organization that
// the words [t, e) after its possessive name as written: "interior
// ministry" in "France's interior ministry", "legal service" in "the
// Council's own legal service". The body's noun ends the noun phrase, after
// one or two modifiers.
func (f finder) ownedBody(m, t, e int) (cue, bool) {
	if typ := f.d.Mentions[m].Type; typ != doc.GPE && typ != doc.Org {
		return cue{}, false
	}
	np := f.nounPhraseEnd(t, e)
	for k := t + 1; k < np && k <= t+2; k++ {
		if f.s.mention[k] >= 0 || f.s.mention[k-1] >= 0 {
			break
		}
		if k+1 == np && f.s.is(k, orgNoun) {
			return cue{kind: groupCue, text: f.text(t, np), org: true}, true
		}
	}
	return cue{}, false
}

// indefinite reports whether token t is an indefinite determiner.
func (f finder) indefinite(t int) bool {
	switch f.s.words[t] {
	case "a", "an", "one", "some", "several", "another":
		return true
	}
	return false
}

// afterMention returns the index of the first token after mention m in the
// sentence.
func (f finder) afterMention(m int) int {
	t := 0
	for t < len(f.s.mention) && f.s.mention[t] != m {
		t++
	}
	for t < len(f.s.mention) && f.s.mention[t] == m {
		t++
	}
	return t
}

// isPossessive reports whether mention m is followed by a possessive
// ending ("Bernstein's lawyer"), so that it names an owner, not a subject.
func (f finder) isPossessive(m int) bool {
	t := f.afterMention(m)
	if t >= len(f.s.words) {
		return false
	}
	switch f.s.words[t] {
	case "'s", "’s", "'", "’":
		return true
	}
	return false
}

// afterPreposition reports whether mention m is the object of a
// preposition ("with the FBI", "to Apple").
func (f finder) afterPreposition(m int) bool {
	t := 0
	for t < len(f.s.mention) && f.s.mention[t] != m {
		t++
	}
	if t > 0 && f.s.words[t-1] == "the" {
		t--
	}
	return t > 0 && f.s.is(t-1, prepositionWord)
}

// precededByNoun reports whether a people or role noun comes before the
// mention ending at token t, as in "Charities such as the NSPCC".
func (f finder) precededByNoun(a, t int) bool {
	for k := a; k < t && f.s.mention[k] < 0; k++ {
		if f.s.is(k, peopleNoun) || f.s.is(k, personNoun) {
			return true
		}
	}
	return false
}

// nounPhraseEnd returns where the noun phrase starting at a ends within
// [a, e): before a relative clause, a participle, an auxiliary or a comma.
func (f finder) nounPhraseEnd(a, e int) int {
	for t := a + 1; t < e; t++ {
		w := f.s.words[t]
		if f.s.mention[t] >= 0 {
			continue
		}
		// A verb ends the phrase, unless a noun follows it: the tagger
		// takes the "liberties" of "civil liberties lawyers" for a verb.
		// A participle after a determiner modifies the noun after it:
		// "the governing party".
		modifier := f.isModifier(t, e) || f.isDeterminer(t-1)
		verb := f.s.isVerb(t) && !modifier
		participle := strings.HasSuffix(w, "ing") && len(w) > 5 && !modifier
		// A word of saying that the tagger took for a noun after a
		// determiner or an adjective is a noun: "on a separate call".
		speech := f.s.is(t, speechWord) && !(f.s.isNominal(t) && (f.isDeterminer(t-1) || f.s.isAdjective(t-1)))
		if f.isRelative(t) || w == "," || w == "including" || w == "such" || w == "that" || verb ||
			f.s.is(t, auxWord) || speech || participle || f.isTimeAt(t) {
			return t
		}
	}
	return e
}

// head returns the head noun of the phrase [a, e) (the last word before a
// preposition: "supporters" in "supporters of the bill"), and whether the
// phrase ties that noun to an organization named by a pointing noun ("a
// spokeswoman for the group").
func (f finder) head(a, e int) (string, bool) {
	s := f.s
	h := a
	for t := a; t < e; t++ {
		switch s.words[t] {
		case "'s", "’s", "'", "’":
			continue
		}
		if s.is(t, prepositionWord) && t > a {
			belongs := t+2 < e && s.words[t+1] == "the" && s.is(t+2, orgNoun) && s.mention[t+2] < 0
			return s.words[h], belongs
		}
		h = t
	}
	return s.words[h], false
}

// text returns the words [a, e) of the sentence as written.
func (f finder) text(a, e int) string {
	return f.d.Text[f.s.toks[a].Start:f.s.toks[e-1].End]
}

// possessed reports whether the phrase [a, e) opens with a possessive
// determiner ("its", "their") or an owner that is not named ("the
// amendment's").
func (f finder) possessed(a, e int) bool {
	switch f.s.words[a] {
	case "its", "their", "his", "her":
		return true
	}
	for t := a + 1; t < e; t++ {
		if w := f.s.words[t]; (w == "'s" || w == "’s") && f.s.mention[t-1] < 0 {
			return true
		}
	}
	return false
}

// member reports whether the phrase from token a to the role noun at token
// k is one unnamed serving member of the organization named between them:
// "an FBI official", "a senior Europol official", "an Apple executive"
// (a [member] noun after "a" or "an"); not "a former FBI official", who
// speaks for no one but themself, nor "one FBI official" of several.
func (f finder) member(a, k int) bool {
	if !f.s.is(k, memberNoun) {
		return false
	}
	if w := f.s.words[a]; w != "a" && w != "an" {
		return false
	}
	for t := a + 1; t < k; t++ {
		switch f.s.words[t] {
		case "former", "ex", "retired":
			return false
		}
	}
	return true
}
