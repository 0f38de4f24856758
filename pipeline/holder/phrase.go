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
	for a < e && (s.words[a] == "but" || s.words[a] == "and" || s.words[a] == "so") {
		a++
	}
	if a >= e || s.isVerb(a) || lex.speech.has(s.words[a]) && s.mention[a] < 0 {
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
	if a+2 < e && s.words[a+1] == "of" && lex.quantity.has(s.words[a]) {
		a += 2 // "Hundreds of researchers": the group is the researchers.
	}
	np := f.nounPhraseEnd(a, e)
	head, belongs := f.head(a, np)
	if belongs {
		return cue{kind: orgCue, at: a}
	}
	if lex.mouthpiece.has(head) {
		// "a company spokesperson": the company speaks.
		for t := a; t < np && s.words[t] != head; t++ {
			if lex.org.has(s.words[t]) {
				return cue{kind: orgCue, at: a, text: s.words[t]}
			}
		}
	}
	switch s.words[a] {
	case "the", "this", "that", "these", "those", "its", "their", "his", "her":
		switch {
		case lex.person.has(head):
			return cue{kind: personCue, at: a, text: head}
		case lex.org.has(head):
			return cue{kind: orgCue, at: a, text: head}
		case lex.document.has(head):
			return cue{kind: anyCue, at: a}
		case lex.people.has(head):
			return cue{kind: pluralCue, at: a}
		}
		return cue{}
	}
	switch {
	case lex.people.has(head):
		return cue{kind: groupCue, text: f.text(a, np)}
	case lex.person.has(head):
		return cue{kind: groupCue, text: f.text(a, np), singular: true}
	}
	return cue{}
}

// named returns the named person or organization in [a, e) that the phrase
// is about: the first person, else the first organization, unless that
// organization only qualifies a group ("Justice Department officials",
// "Apple's defenders"), which makes the phrase a group.
func (f finder) named(a, e int) (cue, bool) {
	s := f.s
	first := -1
	for _, m := range s.mentionsIn(a, e) {
		if f.isPossessive(m) {
			// The owner speaks through its office or its statement:
			// "Cotton's office said".
			if t := f.afterMention(m) + 1; t < e && (lex.org.has(s.words[t]) || lex.document.has(s.words[t])) {
				return cue{kind: namedCue, mention: m}, true
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
		if lex.people.has(s.words[k]) || lex.person.has(s.words[k]) {
			if f.precededByNoun(a, t) || lex.mouthpiece.has(s.words[k]) {
				break
			}
			if lex.person.has(s.words[k]) && !f.indefinite(a) {
				// "FBI chief warns": a role, named elsewhere.
				return cue{kind: personCue, at: a}, true
			}
			return cue{}, false
		}
		if s.mention[k] >= 0 || lex.aux.has(s.words[k]) || lex.speech.has(s.words[k]) {
			break
		}
	}
	return cue{kind: namedCue, mention: first}, true
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
	return t > 0 && lex.preposition.has(f.s.words[t-1])
}

// precededByNoun reports whether a people or role noun comes before the
// mention ending at token t, as in "Charities such as the NSPCC".
func (f finder) precededByNoun(a, t int) bool {
	for k := a; k < t && f.s.mention[k] < 0; k++ {
		if lex.people.has(f.s.words[k]) || lex.person.has(f.s.words[k]) {
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
		verb := f.s.isVerb(t) && !(t+1 < e && strings.HasPrefix(f.s.toks[t+1].Tag, "NN"))
		if f.isRelative(t) || w == "," || w == "including" || w == "such" || w == "that" || verb ||
			lex.aux.has(w) || lex.speech.has(w) || strings.HasSuffix(w, "ing") && len(w) > 5 {
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
		case "of", "for", "at", "from", "with", "in", "on":
			belongs := t+2 < e && s.words[t+1] == "the" && lex.org.has(s.words[t+2]) && s.mention[t+2] < 0
			return s.words[h], belongs
		case "'s", "’s", "'", "’":
			continue
		}
		h = t
	}
	return s.words[h], false
}

// text returns the words [a, e) of the sentence as written.
func (f finder) text(a, e int) string {
	return f.d.Text[f.s.toks[a].Start:f.s.toks[e-1].End]
}
