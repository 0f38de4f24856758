package holder

// askedAbout returns those a question asks about the side they take:
// "police" in "Why do police object to it?", "its defenders" in "And why do
// its defenders say it must stay?".
func (f finder) askedAbout() cue {
	s := f.s
	if !s.asks() {
		return cue{}
	}
	a := s.afterConjunction(0, len(s.words))
	if a+2 >= len(s.words) || !isQuestionWord(s.words[a]) || !isDo(s.words[a+1]) {
		return cue{}
	}
	switch c := f.candidate(a+2, f.chunkEnd(a+2)); c.kind {
	case namedCue, groupCue, personCue, orgCue, pluralCue:
		return c
	}
	return cue{}
}

// isQuestionWord reports whether lower-case word w opens a question.
func isQuestionWord(w string) bool {
	switch w {
	case "why", "how", "what", "when", "where":
		return true
	}
	return false
}

// isDo reports whether lower-case word w is a form of "do".
func isDo(w string) bool { return w == "do" || w == "does" || w == "did" }
