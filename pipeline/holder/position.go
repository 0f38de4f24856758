package holder

// positionOwner returns the owner of a position that the sentence opens by
// stating: "Their argument is that ...", "The Home Office's line, then as
// now, was that ...". The position is a noun of the lexicon's position list
// owned by a possessive pronoun or a named owner, and the clause says what
// it is with "is that" or "was that", perhaps after an aside set off by
// commas.
func (f finder) positionOwner() cue {
	s := f.s
	if !s.has(positionNoun) {
		return cue{}
	}
	a := f.afterDateline()
	if a >= len(s.words) || s.quoted[a] || !f.hasPosition(a) {
		return cue{}
	}
	var owner cue
	n := a + 1 // the noun of the position
	switch s.words[a] {
	case "their":
		owner = cue{kind: pluralCue, at: a}
	case "his", "her":
		owner = cue{kind: personCue, at: a}
	case "its":
		owner = cue{kind: orgCue, at: a}
	default:
		t := a
		if s.words[t] == "the" {
			t++
		}
		if t >= len(s.words) || s.mention[t] < 0 {
			return cue{}
		}
		m := s.mention[t]
		if !f.isPossessive(m) {
			return cue{}
		}
		owner, n = cue{kind: namedCue, mention: m}, f.afterMention(m)+1
	}
	if n < len(s.words) && s.words[n] == "own" {
		n++
	}
	if n >= len(s.words) || !s.is(n, positionNoun) {
		return cue{}
	}
	e := n + 1
	if e < len(s.words) && s.words[e] == "," {
		// An aside: "The Home Office's line, then as now, was that".
		for t := e + 1; t < len(s.words) && t <= e+maxAside; t++ {
			if s.words[t] == "," {
				e = t + 1
				break
			}
		}
	}
	if e+1 < len(s.words) && (s.words[e] == "is" || s.words[e] == "was") && s.words[e+1] == "that" {
		return owner
	}
	return cue{}
}

// maxAside bounds the words of an aside between a position and its verb.
const maxAside = 6

// hasPosition reports whether a noun of a position stands among the first
// words of the clause opening at token a, where an owner's position would.
func (f finder) hasPosition(a int) bool {
	for t := a + 1; t < len(f.s.words) && t <= a+maxOwner; t++ {
		if f.s.is(t, positionNoun) {
			return true
		}
	}
	return false
}

// maxOwner bounds the words of the owner of a position and its possessive.
const maxOwner = 8

// agent returns the author of a text the sentence tells of, named after a
// verb of issuing or authoring it and "by", perhaps with a time between
// them: "The open letter was signed by US Attorney General William Barr,
// ...", "The statement was published on Sunday by the US Department of
// Justice". Only a named person or organization, or an unnamed group,
// counts.
func (f finder) agent() cue {
	s := f.s
	if !s.has(textVerb) {
		return cue{}
	}
	for t := 0; t+2 < len(s.words); t++ {
		if s.quoted[t] || !s.is(t, textVerb) {
			continue
		}
		by := t + 1
		for by < len(s.words) && f.isTimeAt(by) {
			by++ // "published on Sunday by"
		}
		if by+1 >= len(s.words) || s.words[by] != "by" {
			continue
		}
		if c := f.candidate(by+1, f.chunkEnd(by+1)); c.kind == namedCue || c.kind == groupCue {
			return c
		}
	}
	return cue{}
}

// issuesText reports whether the clause whose subject ends at token t goes
// on to issue a text: "Ian Levy, the technical director of the centre,
// published a long paper", "WhatsApp filed a petition". Issuing a text is
// an act of taking a side even in writing that makes its own claims about
// its subjects.
func (f finder) issuesText(t int) bool {
	s := f.s
	if !s.has(textVerb) || !s.has(documentNoun) {
		return false
	}
	for ; t < len(s.words); t++ {
		if hard, _ := f.boundary(t); hard {
			return false
		}
		if !s.is(t, textVerb) || !s.isVerb(t) {
			continue
		}
		for k := t + 1; k < len(s.words) && k <= t+maxTextWords; k++ {
			if s.is(k, documentNoun) {
				return true
			}
		}
		return false
	}
	return false
}

// maxTextWords bounds the words from a verb of issuing to the text it
// issues ("published a long paper").
const maxTextWords = 4
