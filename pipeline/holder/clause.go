package holder

import "github.com/stancer/stancer/pipeline/doc"

// boundary classifies token t as a hard clause boundary (a quotation,
// a semicolon, a colon, a dash or a parenthesis), which the subject of a verb
// after it never crosses, or a soft one (a conjunction or a complementizer:
// "although critics argue", "that police are saying"), which it crosses only
// when nothing fits nearer the verb ("a nonprofit that promotes ..., said").
func (f finder) boundary(t int) (hard, soft bool) {
	if f.s.quoted[t] {
		return true, false
	}
	if w := f.s.words[t]; w == "(" || w == ")" {
		// A parenthesis after a name holds its acronym or a
		// constituency: "European Digital Rights (EDRi) said".
		return !f.glossesName(t), false
	}
	return f.s.is(t, breakWord), f.s.is(t, conjunctionWord)
}

// glossesName reports whether the parenthesis at token t belongs to a
// short parenthetical right after a mention.
func (f finder) glossesName(t int) bool {
	open := t
	for open >= 0 && f.s.words[open] != "(" {
		if t-open > 5 {
			return false
		}
		open--
	}
	return open > 0 && f.s.mention[open-1] >= 0
}

// isBoundary reports whether token t is a clause boundary of either kind.
func (f finder) isBoundary(t int) bool {
	hard, soft := f.boundary(t)
	return hard || soft
}

// chunkEnd returns the end of the comma-free stretch of words from t.
func (f finder) chunkEnd(t int) int {
	for e := t; e < len(f.s.words); e++ {
		if f.s.words[e] == "," || f.isBoundary(e) && e > t {
			return e
		}
	}
	return len(f.s.words)
}

// leftSubject finds the subject of the verb at token v among the words
// before it: in the clause the verb opens, or, when that clause names no one,
// in the wider one back to the previous boundary.
func (f finder) leftSubject(v int) cue {
	// With a comma right before the verb, the subject stands before an
	// apposition or a relative clause, whose conjunctions do not count:
	// "Officials, who spoke on condition that they not be named, argued".
	p := v - 1
	for p > 0 && f.s.is(p, auxWord) {
		p--
	}
	appositive := p >= 0 && f.s.words[p] == ","
	for b := v; b > 0; {
		b--
		hard, soft := f.boundary(b)
		if hard {
			return f.clauseSubject(b+1, v)
		}
		if soft && !appositive {
			if c := f.clauseSubject(b+1, v); c.kind != noCue {
				return c
			}
		}
	}
	return f.clauseSubject(0, v)
}

// clauseSubject finds the subject of the verb at token v in the words
// [b, v). They are split at commas: with words right before the verb ("In a
// statement, the company said"), the subject is in the last piece; with a
// comma right before it ("Cohn, a lawyer who ..., said"), in the first piece
// that is not an introductory phrase.
func (f finder) clauseSubject(b, v int) cue {
	// Most clauses have a few pieces: keep them on the stack.
	var pieces [8][2]int
	chunks := pieces[:0]
	start := b
	joined := false // the last piece opens with "and"
	for t := b; t <= v; t++ {
		if t == v || f.s.words[t] == "," {
			joined = start < t && f.s.words[start] == "and"
			for start < t && (f.s.words[start] == "but" || f.s.words[start] == "and") {
				start++
			}
			chunks = append(chunks, [2]int{start, f.trimAux(start, t)})
			start = t + 1
		}
	}
	last := chunks[len(chunks)-1]
	if joined && len(chunks) >= 3 {
		// Subjects joined after an apposition: "Karin Holm, then the
		// justice minister, and police chiefs demanded": the first, a
		// name opening its piece, is named.
		if m := f.appositiveName(chunks[0]); m >= 0 && f.s.mention[chunks[0][0]] == m {
			return cue{kind: namedCue, mention: m}
		}
	}
	if last[0] < last[1] && !f.isRelative(last[0]) {
		if p := last[1] - 1; p > last[0] && isSubjectPronoun(f.s.words[p]) && f.introBefore(last[0], p) {
			// An introductory phrase without its comma: "At the same
			// briefing he described".
			return f.candidate(p, last[1])
		}
		return f.candidate(last[0], last[1])
	}
	for k, c := range chunks[:len(chunks)-1] {
		if c[0] >= c[1] || f.isIntro(c[0]) && k < len(chunks)-2 {
			continue
		}
		cu := f.candidate(c[0], c[1])
		if cu.kind == noCue {
			continue
		}
		// A group or role, an organization's member, or a piece naming
		// an organization, followed by the name of one person it stands
		// for: "Its chief executive, Tim Cook, said"; "Critics, including
		// Ron Wyden, said"; "An FBI official, Ann Cole, said"; "A
		// spokesman for the Interior Ministry, Jonas Weber, said". A named
		// organization is not taken over by another organization
		// after it.
		m := f.appositiveName(chunks[k+1])
		if cu.kind == namedCue && !cu.singular && !(m >= 0 && f.personFor(cu.mention, m)) {
			return cu
		}
		if m >= 0 {
			return cue{kind: namedCue, mention: m}
		}
		return cu
	}
	return cue{}
}

// appositiveName returns the person or organization a comma-delimited
// piece of a clause consists of, perhaps after "including" and a title
// ("including Senator Ron Wyden"), or -1.
func (f finder) appositiveName(c [2]int) int {
	if c[0] >= c[1] {
		return -1
	}
	m := f.s.mention[c[1]-1]
	if m < 0 || f.d.Mentions[m].Type != doc.Person && f.d.Mentions[m].Type != doc.Org {
		return -1
	}
	for t := c[0]; t < c[1] && f.s.mention[t] != m; t++ {
		if f.s.words[t] != "including" && f.s.words[t] != "the" && !f.s.isTitleCase(t) {
			return -1
		}
	}
	return m
}

// rightSubject finds the subject of an inverted verb at token v, as in
// `"...," said Alan Pryce` or "..., says a spokeswoman for the group".
func (f finder) rightSubject(v int) cue {
	if v == 0 || v+1 >= len(f.s.words) || !(f.s.quoted[v-1] || f.s.words[v-1] == ",") {
		return cue{}
	}
	return f.candidate(v+1, f.chunkEnd(v+1))
}

// trimAux returns the end of [a, e) without the auxiliaries and adverbs
// that end it ("Comey has also" -> "Comey").
func (f finder) trimAux(a, e int) int {
	for e > a && f.s.is(e-1, auxWord) && f.s.mention[e-1] < 0 {
		e--
	}
	return e
}

// isRelative reports whether token t opens a relative clause.
func (f finder) isRelative(t int) bool {
	switch f.s.words[t] {
	case "who", "which", "whose", "whom":
		return true
	}
	return false
}

// isIntro reports whether the phrase starting at token t introduces the
// sentence ("In a statement", "Speaking in London") rather than naming its
// subject.
func (f finder) isIntro(t int) bool {
	return f.s.mention[t] < 0 && f.s.is(t, introWord)
}

// isSubjectPronoun reports whether lower-case word w is a pronoun that
// stands as the subject of a clause.
func isSubjectPronoun(w string) bool {
	switch w {
	case "he", "she", "it", "they", "we", "i":
		return true
	}
	return false
}

// introBefore reports whether the words [a, p) are an introductory phrase,
// without a verb: "At the same briefing", "In 2019".
func (f finder) introBefore(a, p int) bool {
	if !f.isIntro(a) {
		return false
	}
	for t := a + 1; t < p; t++ {
		if f.s.isVerb(t) || f.isRelative(t) || f.s.mention[t] >= 0 {
			return false
		}
	}
	return true
}

// personFor reports whether mention p, an apposition after a piece of a
// clause naming organization mention m, is a person, taken to speak for
// it: "A spokesman for the Interior Ministry, Jonas Weber, said". Only the
// types are checked, not that the piece names a role.
func (f finder) personFor(m, p int) bool {
	return f.d.Mentions[m].Type == doc.Org && f.d.Mentions[p].Type == doc.Person
}
