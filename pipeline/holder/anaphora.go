package holder

import (
	"slices"
	"sort"
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
)

// cueSource resolves cue c found in sentence i.
func (r *resolver) cueSource(i int, c cue) (source, bool) {
	switch c.kind {
	case namedCue:
		return r.explicit(c)
	case groupCue:
		if org, ok := r.staffOf(i, c.text); ok {
			return org, true
		}
		if m := r.unveiled(i, c); m >= 0 {
			return entitySource(r.d, m), true
		}
		return r.explicit(c)
	case firstPersonCue:
		return r.voice, true
	case guestCue:
		return r.guest(), true
	}
	if c.text != "" {
		if org, ok := r.staffOf(i, c.text); ok {
			return org, true
		}
		if m := r.namedBy(i, c.text); m >= 0 {
			return entitySource(r.d, m), true
		}
		// The nearer of a person given the role as a title and an
		// organization whose member the role introduced.
		titled := r.titled(i, c.text)
		if src, j, ok := r.memberOf(i, c.text); ok && (titled < 0 || j >= r.d.Mentions[titled].Sentence) {
			return src, true
		}
		if titled >= 0 {
			return entitySource(r.d, titled), true
		}
		if m := r.described(i, c.text); m >= 0 {
			return entitySource(r.d, m), true
		}
		if c.kind == pluralCue {
			if g, ok := r.groupOf(i, c.text); ok {
				return g, true
			}
		}
		if c.kind == anyCue {
			if src, ok := r.issuer(i, c.text); ok {
				return src, true
			}
		}
	}
	fits := func(s source) bool {
		switch c.kind {
		case personCue:
			return s.person || s.member
		case orgCue:
			return s.org
		case pluralCue:
			return !s.person && s.name != doc.Author || s.person && s.paired
		}
		return s.name != doc.Author
	}
	if m := r.salient(i, c.kind, c.at); m >= 0 && r.opensClause(i, m) {
		return entitySource(r.d, m), true
	}
	if m := r.owner(i, c.kind, c.at); m >= 0 {
		return entitySource(r.d, m), true
	}
	for j := i - 1; j >= 0 && j >= i-anaphoraReach; j-- {
		if r.spoke[j] && fits(r.said[j]) {
			return r.said[j], true
		}
		if m := r.salient(j, c.kind, len(r.sents[j].words)); m >= 0 {
			return entitySource(r.d, m), true
		}
	}
	// Nothing before: a headline or a lead names the speaker later, by
	// name; a role or group later ("The minister will meet ...") is no
	// better than the role as written.
	for j := i + 1; j < len(r.cues) && j <= i+anaphoraReach; j++ {
		if s, ok := r.explicit(r.cues[j]); ok && fits(s) && r.cues[j].kind == namedCue {
			return s, true
		}
	}
	if c.role != "" {
		// No one in the text: the role is all the article tells.
		return source{name: c.role, entity: -1, person: c.kind == personCue, org: c.kind == orgCue}, true
	}
	return source{}, false
}

// titled returns the last mention, in the sentences up to sentence i (at
// most anaphoraReach back), of a person the text gives the role noun as a
// title ("Home Secretary Amber Rudd", "Amber Rudd, the home secretary,"), so
// that "the secretary" points at her; or -1.
func (r *resolver) titled(i int, noun string) int {
	if !lex().has(noun, personNoun) {
		return -1
	}
	for j := min(i, len(r.sents)-1); j >= 0 && j >= i-anaphoraReach; j-- {
		s := &r.sents[j]
		for t := len(s.words) - 1; t >= 0; t-- {
			m := s.mention[t]
			if m < 0 || t > 0 && s.mention[t-1] == m || r.d.Mentions[m].Type != doc.Person {
				continue
			}
			e := t
			for e < len(s.words) && s.mention[e] == m {
				e++
			}
			if slices.Contains(s.words[max(0, t-4):t], noun) {
				return m
			}
			if e+1 < len(s.words) && s.words[e] == "," {
				f := finder{d: r.d, s: s}
				if slices.Contains(s.words[e+1:f.chunkEnd(e+1)], noun) {
					return m
				}
			}
		}
	}
	return -1
}

// memberOf returns the organization whose unnamed member was last
// introduced by the role noun, at most anaphoraReach sentences before
// sentence i ("An FBI official said ..." for "the official"), and the
// sentence that introduced it, if any.
func (r *resolver) memberOf(i int, noun string) (source, int, bool) {
	for j := i - 1; j >= 0 && j >= i-anaphoraReach; j-- {
		if c := r.cues[j]; c.kind == namedCue && c.singular && c.text == noun {
			src, ok := r.explicit(c)
			return src, j, ok
		}
	}
	return source{}, -1, false
}

// described returns the last organization, in the sentences before
// sentence i (at most anaphoraReach back), that an apposition describes by
// the noun a role uses for it ("The Open Channels Alliance, a coalition of
// digital rights groups," for "the coalition"), or -1. The apposition
// opens with an article, which tells it from a clause after a comma
// ("When the bill went through Parliament, the company said").
func (r *resolver) described(i int, noun string) int {
	if !lex().has(noun, orgNoun) || i == 0 {
		return -1
	}
	end := r.d.Sentences[i].Start
	from := r.d.Sentences[max(0, i-anaphoraReach)].Start
	j := i - 1 // the sentence of mention m, walked back with it
	for m := sort.Search(len(r.d.Mentions), func(k int) bool { return r.d.Mentions[k].Start >= end }) - 1; m >= 0 && r.d.Mentions[m].Start >= from; m-- {
		mn := r.d.Mentions[m]
		for j > 0 && r.d.Sentences[j].Start > mn.Start {
			j--
		}
		if mn.Type != doc.Org {
			continue
		}
		s := &r.sents[j]
		e := sort.Search(len(s.toks), func(k int) bool { return s.toks[k].Start >= mn.End })
		f := finder{d: r.d, s: s}
		if e+1 < len(s.words) && s.words[e] == "," && f.isDeterminer(e+1) && slices.Contains(s.words[e+1:f.chunkEnd(e+1)], noun) {
			return m
		}
	}
	return -1
}

// groupOf returns the last unnamed group that spoke, at most anaphoraReach
// sentences before sentence i, whose name holds noun ("the chiefs" for
// "Police chiefs from across Europe").
func (r *resolver) groupOf(i int, noun string) (source, bool) {
	for j := i - 1; j >= 0 && j >= i-anaphoraReach; j-- {
		if g := r.said[j]; r.spoke[j] && g.entity < 0 && g.name != doc.Author {
			for w := range strings.FieldsSeq(g.name) {
				if strings.EqualFold(w, noun) {
					return g, true
				}
			}
		}
	}
	return source{}, false
}

// anaphoraReach is how many sentences away a pronoun or role noun looks for
// what it points at.
const anaphoraReach = 30

// explicit returns the source a cue names outright: a named entity or an
// unnamed group.
func (r *resolver) explicit(c cue) (source, bool) {
	switch c.kind {
	case namedCue:
		src := entitySource(r.d, c.mention)
		src.paired = c.paired
		src.member = c.singular
		return src, true
	case groupCue:
		return source{name: c.text, entity: -1, person: c.singular, org: c.org}, true
	}
	return source{}, false
}

// salient returns the first mention among the first end tokens of
// sentence j that a pronoun or role noun of kind k can point at: a person
// for personCue, an organization for orgCue. Owners ("Apple's") and objects
// of prepositions ("in an interview with The Wall Street Journal") are
// skipped. It returns -1 when there is none.
func (r *resolver) salient(j int, k cueKind, end int) int {
	var want doc.EntityType
	switch k {
	case personCue:
		want = doc.Person
	case orgCue:
		want = doc.Org
	default:
		return -1
	}
	s := &r.sents[j]
	f := finder{d: r.d, s: s}
	// end may come from a cue of another sentence: never read past this one.
	end = min(end, len(s.mention))
	for t := 0; t < end; t++ {
		m := s.mention[t]
		if m < 0 || t > 0 && s.mention[t-1] == m {
			continue
		}
		// A mention inside a word ("post-Snowden", "a Signal-versus-state
		// spat") is a modifier.
		mn := r.d.Mentions[m]
		if mn.Type != want || mn.Start != s.toks[t].Start {
			continue
		}
		last := t
		for last+1 < len(s.mention) && s.mention[last+1] == m {
			last++
		}
		if s.toks[last].End == mn.End && !f.isPossessive(m) && !f.afterPreposition(m) {
			return m
		}
	}
	return -1
}

// opensClause reports whether mention m of sentence i starts the sentence
// or a clause of it, where a subject stands, after no more than its
// owner's name ("Signal's"), "the" and a time.
func (r *resolver) opensClause(i, m int) bool {
	s := &r.sents[i]
	t := 0
	for t < len(s.mention) && s.mention[t] != m {
		t++
	}
	// An owner may come first: "Signal's Meredith Whittaker went further".
	if t >= 2 && (s.words[t-1] == "'s" || s.words[t-1] == "’s") && s.mention[t-2] >= 0 {
		owner := s.mention[t-2]
		for t -= 2; t > 0 && s.mention[t-1] == owner; t-- {
		}
	}
	if t > 0 && s.words[t-1] == "the" {
		t--
	}
	// A time may open the clause before its subject: "Last summer the
	// foundation built ...".
	for t > 0 && (s.is(t-1, timeWord) || s.words[t-1] == "last" || s.words[t-1] == "this") {
		t--
	}
	if t == 0 {
		return true
	}
	switch s.words[t-1] {
	case ",", "and", "but", ";":
		return true
	}
	return false
}

// staffOf returns the organization a group of sentence i speaks for, when
// the group is its unnamed staff ("officials", "government lawyers") and the
// last source named before it, at most a few sentences back, is an
// organization arguing the same side; before the stance is known
// (r.stanceKnown), the last organization named, whatever its side.
func (r *resolver) staffOf(i int, group string) (source, bool) {
	for w := range strings.FieldsSeq(group) {
		if _, c := r.buf.word(lex(), w); c&staffWord == 0 {
			return source{}, false
		}
	}
	for j := i - 1; j >= 0 && j >= i-staffReach; j-- {
		if r.spoke[j] && (!r.stanceKnown || r.d.Sentences[j].Stance.Label != doc.Neutral) {
			if r.said[j].org && r.said[j].entity >= 0 && r.sameSide(i, j) {
				return r.said[j], true
			}
			return source{}, false
		}
	}
	return source{}, false
}

// sameSide reports whether sentences i and j take the same side, as far as
// r knows: before the stance is known (r.stanceKnown) any two do.
func (r *resolver) sameSide(i, j int) bool {
	return !r.stanceKnown || r.d.Sentences[j].Stance.Label == r.d.Sentences[i].Stance.Label
}

// staffReach is how many sentences back staffOf looks for the organization.
const staffReach = 6

// namedBy returns the last mention, in the sentences up to sentence i
// (at most anaphoraReach back), of an organization whose name holds the noun
// a role uses for it ("the ministry" for the Ministry of Electronics and
// Information Technology, "the bureau" for the Federal Bureau of
// Investigation), or -1.
func (r *resolver) namedBy(i int, noun string) int {
	if !lex().has(noun, orgNoun) {
		return -1
	}
	end := r.d.Sentences[i].Start
	from := r.d.Sentences[max(0, i-anaphoraReach)].Start
	// Mentions are in text order: start from the last one before end.
	m := sort.Search(len(r.d.Mentions), func(k int) bool { return r.d.Mentions[k].Start >= end }) - 1
	for ; m >= 0 && r.d.Mentions[m].Start >= from; m-- {
		e := r.d.Mentions[m].Entity
		if e < 0 || e >= len(r.d.Entities) {
			continue
		}
		for w := range strings.FieldsSeq(r.d.Entities[e].Name) {
			if strings.EqualFold(w, noun) {
				return m
			}
		}
	}
	return -1
}

// owner returns the last organization named as an owner ("Google's
// Messages app", "on Signal's doormat") among the first end tokens of
// sentence i, which "it" or "the company" after it points at, or -1.
func (r *resolver) owner(i int, k cueKind, end int) int {
	if k != orgCue {
		return -1
	}
	s := &r.sents[i]
	f := finder{d: r.d, s: s}
	last := -1
	for t := 0; t < min(end, len(s.mention)); t++ {
		if m := s.mention[t]; m >= 0 && (t == 0 || s.mention[t-1] != m) && r.d.Mentions[m].Type == doc.Org && f.isPossessive(m) {
			last = m
		}
	}
	return last
}

// issuer returns the source of the last sentence before sentence i, at
// most anaphoraReach back, that tells of a text by its noun next to a verb
// of issuing or authoring it ("an open letter coordinated by the Open
// Technology Institute", "Europol published a report"), which "the letter"
// or "the report" points at.
func (r *resolver) issuer(i int, noun string) (source, bool) {
	for j := i - 1; j >= 0 && j >= i-anaphoraReach; j-- {
		if r.spoke[j] && r.sents[j].issues(noun) {
			return r.said[j], true
		}
	}
	return source{}, false
}

// unveiled returns the mention that names the one person or organization
// that group cue c of sentence i describes without naming, when sentence i
// is a headline or the lead, which news writing opens with a description
// and names later ("A family-run software company has asked a court ..."
// before "Fjordsoft, which makes ..., said ..."): the source named outright
// by the first of the next two sentences that names one, if it is of the
// kind the description is, named there for the first time, on the same
// side; or -1.
func (r *resolver) unveiled(i int, c cue) int {
	if i > r.heads {
		return -1
	}
	var want doc.EntityType
	switch {
	case c.singular:
		want = doc.Person
	case c.org:
		want = doc.Org
	default:
		return -1
	}
	if w, _, _ := strings.Cut(c.text, " "); !strings.EqualFold(w, "a") && !strings.EqualFold(w, "an") {
		return -1
	}
	for j := i + 1; j < len(r.cues) && j <= i+2; j++ {
		n := r.cues[j]
		if n.kind != namedCue {
			continue
		}
		m := n.mention
		e := r.d.Mentions[m].Entity
		if r.d.Mentions[m].Type == want && e >= 0 && e < len(r.firstOf) && r.firstOf[e] == m && r.sameSide(i, j) {
			return m
		}
		return -1
	}
	return -1
}
