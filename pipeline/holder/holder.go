// Package holder decides whose stance each sentence of an article
// expresses, following the project's annotation guide: the person or
// organization by its entity's fullest name, an unnamed group as written
// ("Privacy advocates"), or "author" for the writer's own voice.
//
// Each sentence is searched, outside its quotations, for the source it
// gives, in this order:
//
//   - a label before a colon: `1. Privacy advocates: "..."`, or a quoted
//     title with its speaker (`"...": Helen Dacre on the lawsuit`);
//   - the subject of a verb of saying ("X said", `"...," said X`, "X, a
//     lawyer who ..., argued", "the company added"), skipping introductory
//     phrases, appositions and relative clauses, the first named when
//     subjects are joined after an apposition ("X, then the minister, and
//     police chiefs urged");
//   - the object of "according to", except in first-person writing,
//     where the fact it sources is offered in the writer's argument;
//   - the first source of a public reaction ("a storm of criticism from
//     privacy advocates and ...", "drawing fire from police");
//   - the antecedent of a relative clause voicing a position ("...,
//     echoing Malcolm Turnbull, who said ...");
//   - the owner of a position the sentence states ("Their argument is
//     that ...", "The Home Office's line, then as now, was that ...");
//   - the author of a text named after "by" ("The open letter was signed
//     by ...");
//   - the subject of the first clause when it is a named person or
//     organization or a group ("Apple pushed back", "Critics were
//     unmoved"), except in first-person writing or a sentence in the first
//     person, where such a sentence is usually the writer's own claim
//     unless the subject issues a text ("WhatsApp filed a petition"), and
//     except when the clause tells its subject what it should do.
//
// A group defined by what it belongs to ("its defenders", "the
// amendment's supporters") is a source as written, not a pointer to a
// group named before, unless it is staff ("its lawyers"); so is the
// unnamed body of a named place or organization, without its owner
// ("interior ministry" in "France's interior ministry"). One unnamed
// serving official or executive of a named organization speaks for it ("an
// FBI official said" is the FBI's, and so is a later "the official said"),
// a former one for no one but themself ("a former FBI official"); a
// person named in an apposition after an organization's piece of the
// subject is the source ("A spokesman for the Interior Ministry, Jonas
// Weber, said"). A headline or lead describing its one source without
// naming it ("A family-run software company has asked a court ...") is
// the source named outright by the first of the next two sentences that
// names one, if that is a person or organization of the described kind
// named there for the first time, on the same side. People close to
// someone pass on that one's view ("a source close to the Home Secretary
// said she wanted ..." is the Home Secretary's). A sentence that
// answers why (`Because ...`) after a question asking why a group or
// person takes a side ("Why do police object to it?") gives their reason.
//
// A sentence that opens by turning to a person ("Clara, your organisation
// called that a betrayal") puts the stance to that person, whoever has the
// floor, and so does the writer asking a person why they hold a position
// ("We asked her why she keeps telling them no").
//
// A verb of saying after "should", "must" or "could" prescribes or
// supposes rather than reports, and names no source; so does one in an
// embedded question ("nobody asks whether users want seatbelts") and one
// negated ("the bank has never asked anyone to panic").
//
// Pronouns and role nouns ("she", "the company", "the ministry", "the
// official") point back at the person the text gave that role as a title,
// the organization an apposition described by that noun ("The Open Channels
// Alliance, a coalition of ..." for "the coalition"), an organization named
// as an owner earlier in the same sentence ("on Signal's doormat ..., the
// company has said"), the last source or salient mention of their kind, or
// forward when a headline names its speaker later; "they" may stand for two
// people who spoke together, named by the first, and "the chiefs" for the
// group "police chiefs". A role that points at no one named is the source
// as written ("the justice minister"). A text ("the letter", "the report")
// points back at whoever issued or wrote it ("an open letter coordinated by
// ..."). A group of officials stands for the organization that spoke last on
// the same side. A sentence naming no source belongs to the speaker of the
// quotation it is part of, else to the current voice: the author, or in a
// forum thread, a transcript, an interview or a letters page, the poster,
// member, guest or letter writer who has the floor. A transcript's host,
// whom the lines before its first turn name as such ("presented by ...",
// "(moderator)"), puts others' positions to the guests as an interviewer
// does, without holding the floor: a source the host names takes the
// stance.
//
// An organization is named in full: "the Commission" is the European
// Commission when the article names no other commission. (An acronym the
// text defines, "the Federal Security Service, or FSB,", is one entity
// with the name it stands for: the entity stage links them.)
//
// A headline that names no source outright takes the holder of the first
// sentence after the headlines that takes the same side: headlines sum up
// the lead. The headlines are the lines at the top that stand alone, up
// to the first ending with a full stop, the lead. In an interview (a
// document with "A:" answers), a headline naming no source, or one
// person only by role ("MP: '...'"), is the guest's.
//
// The word lists the rules read (verbs of saying and of issuing or
// authoring a text, role, group, position and time nouns, auxiliaries, the
// words that end or open a clause or name a host) are data, in lexicon.txt,
// which is parsed when the first document is resolved.
package holder

import (
	"slices"
	"strings"
	"sync"

	"github.com/stancer/stancer/pipeline/doc"
)

// source is a resolved holder, with what a pronoun needs to find it.
type source struct {
	name string
	// entity is the index in Doc.Entities, or -1.
	entity int
	// person reports a single person ("he", "she", "the minister").
	person bool
	// org reports an organization ("it", "the company").
	org bool
	// paired reports a person who spoke together with another ("Levy and
	// Robinson said"), so that "they" may stand for the pair, named by
	// its first.
	paired bool
	// member reports an organization that spoke through one of its
	// people ("an FBI official said"), so that "he", "she" or "the
	// official" may stand for it.
	member bool
}

// authorSource is the writer's own voice.
var authorSource = source{name: doc.Author, entity: -1}

// entitySource returns the source for the entity of mention m, or for the
// mention itself when its entity is missing.
func entitySource(d *doc.Doc, m int) source {
	mn := d.Mentions[m]
	if e := mn.Entity; e >= 0 && e < len(d.Entities) && d.Entities[e].Name != "" {
		typ := d.Entities[e].Type
		return source{name: d.Entities[e].Name, entity: e, person: typ == doc.Person, org: typ != doc.Person}
	}
	return source{name: mn.Text, entity: -1, person: mn.Type == doc.Person, org: mn.Type != doc.Person}
}

// Resolve sets the Holder of every sentence of d: the source of its stance
// when the sentence is favor or against, nil when it is neutral. It reads
// the sentences' Stance, the tokens and the entity mentions. It is safe for
// concurrent use on different documents. It is Attribute followed by
// Attribution.Resolve.
func Resolve(d *doc.Doc) { Attribute(d).Resolve() }

// An Attribution holds what Attribute found of who speaks in a document,
// until Resolve gives the holders of its sentences.
type Attribution struct {
	r *resolver // nil for a document without sentences
}

// Attribute finds who speaks in every sentence of d, from the tokens and
// the entity mentions, before the sentences' stance is known, and sets the
// Holder of every sentence to that source: a name, a group as written, or
// doc.Author. These holders are provisional: a group of staff ("officials
// said") stands for the organization that spoke last, where Resolve, which
// knows the stance, requires that organization to have argued the same
// side; and a headline keeps its own source. The stance model reads them as
// the speakers of the sentences. Attribute is safe for concurrent use on
// different documents; Resolve or Release must follow it, once.
func Attribute(d *doc.Doc) *Attribution {
	if len(d.Sentences) == 0 {
		return &Attribution{}
	}
	r := resolvers.Get().(*resolver)
	r.reset(d)
	holders := make([]doc.Holder, len(d.Sentences))
	for i := range d.Sentences {
		holders[i] = holderOf(d, r.resolve(i))
		d.Sentences[i].Holder = &holders[i]
	}
	return &Attribution{r: r}
}

// Release lets go of what a holds, leaving the provisional holders of the
// sentences in place, for a caller that wants no final holders.
func (a *Attribution) Release() {
	if a.r != nil {
		a.r.release()
		a.r = nil
	}
}

// Resolve sets the Holder of every sentence of the document: the source of
// its stance when the sentence is favor or against, nil when it is
// neutral, reading the sentences' Stance. It releases what a holds.
func (a *Attribution) Resolve() {
	r := a.r
	if r == nil {
		return
	}
	defer a.Release()
	d := r.d
	r.rewind()
	r.stanceKnown = true
	// One allocation holds the holders of all the sentences that take a
	// side.
	n := 0
	for i := range d.Sentences {
		if takesSide(d.Sentences[i].Stance.Label) {
			n++
		}
	}
	holders := make([]doc.Holder, n)
	for i := range d.Sentences {
		src := r.resolve(i)
		d.Sentences[i].Holder = nil
		if takesSide(d.Sentences[i].Stance.Label) {
			holders[0] = holderOf(d, src)
			d.Sentences[i].Holder, holders = &holders[0], holders[1:]
		}
	}
	r.headlines()
}

// takesSide reports whether label l is favor or against.
func takesSide(l doc.Label) bool { return l == doc.Favor || l == doc.Against }

// resolvers holds resolvers between documents, so that their buffers are
// reused.
var resolvers = sync.Pool{New: func() any { return &resolver{} }}

// headlines gives each headline whose stance is not attributed outright
// the holder of the first sentence after the headlines that takes the
// same side: a headline sums up the lead, whose speaker it often names
// only by role ("FBI chief warns ..."), by a description that opens it
// ("Customs officers demand ...") or not at all. An interview's headline
// is its guest's ("MP: 'Gangs recruit children ...'", a quotation alone,
// "An exiled editor on why ..."), unless it names its source.
func (r *resolver) headlines() {
	d := r.d
	n := r.heads
	for i := 0; i < n; i++ {
		l := d.Sentences[i].Stance.Label
		if !takesSide(l) {
			continue
		}
		c := r.cues[i]
		if r.interview && c.kind != namedCue && c.kind != firstPersonCue && !(c.kind == groupCue && !c.singular) {
			*d.Sentences[i].Holder = holderOf(d, r.guest())
			continue
		}
		if r.opinion {
			continue
		}
		switch c.kind {
		case namedCue, guestCue, firstPersonCue:
			continue
		case groupCue:
			// A group that opens the headline describes the lead's
			// source ("Customs officers demand ..." for their
			// union); one in a later clause ("..., but researchers
			// warn") or reacting ("drawing fire from police") is its
			// own. (wholeLine checked the sentence's span.)
			if !c.singular && !strings.HasPrefix(d.Text[d.Sentences[i].Start:], c.text) {
				continue
			}
		}
		for j := n; j < len(d.Sentences); j++ {
			if d.Sentences[j].Stance.Label == l {
				*d.Sentences[i].Holder = holderOf(d, r.said[j])
				break
			}
		}
	}
}

// headCount returns the number of headline lines at the top of the
// document: sentences on a line of their own (a headline, a byline, a
// dateline), up to the first that ends with a full stop, which is the
// lead even when it stands alone, as in wire copy of one-sentence
// paragraphs.
func (r *resolver) headCount() int {
	d := r.d
	n := 0
	for n < len(d.Sentences) && r.wholeLine(n) && !endsWithStop(d.Text[d.Sentences[n].Start:d.Sentences[n].End]) {
		n++
	}
	return n
}

// endsWithStop reports whether sentence text ends with a full stop, perhaps
// inside closing quotation marks.
func endsWithStop(text string) bool {
	return strings.HasSuffix(strings.TrimRight(text, `"”’' `), ".")
}

// wholeLine reports whether sentence i stands on a line of its own.
func (r *resolver) wholeLine(i int) bool {
	text := r.d.Text
	s := r.d.Sentences[i].Span
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		return false
	}
	before := strings.LastIndexByte(text[:s.Start], '\n')
	rest := text[s.End:]
	if after := strings.IndexByte(rest, '\n'); after >= 0 {
		rest = rest[:after]
	}
	return strings.TrimSpace(text[before+1:s.Start]) == "" && strings.TrimSpace(rest) == ""
}

// resolver walks the sentences of one document in order, remembering who
// has spoken so that pronouns can be resolved. Its buffers outlive the
// document: a resolver is reset for each one and goes back to the pool.
type resolver struct {
	d     *doc.Doc
	sents []sentence
	cues  []cue
	turns []turn
	// said holds the source of every sentence resolved so far.
	said []source
	// spoke reports the sentences whose source the text names (not the
	// default voice).
	spoke []bool
	// voice is whoever speaks in sentences that name no source, and floor
	// reports that the voice holds the floor (see turn).
	voice source
	floor bool
	// guestSource caches guest when guestKnown is set.
	guestSource source
	guestKnown  bool
	// heads is the number of headline lines at the top (see headCount);
	// sentence heads is the lead.
	heads int
	// interview reports that some turn is an answer ("A: ...").
	interview bool
	// firstOf[e] is the index of the first mention of entity e.
	firstOf []int
	// opinion reports that the writer speaks in the first person, as in
	// opinion pieces, letters and blogs, where a sentence about a named
	// subject is usually the writer's own claim.
	opinion bool
	// buf holds the per-token fields of the sentences.
	buf tokenBuf
	// stanceKnown reports that the sentences' Stance is set: it is not
	// while Attribute resolves them, whatever labels they hold.
	stanceKnown bool
}

// reset prepares r to resolve the holders of d: it reads the sentences and
// finds the source each gives, which do not depend on their stance.
func (r *resolver) reset(d *doc.Doc) {
	r.d = d
	r.sents = r.buf.prepare(d, r.sents[:0])
	r.cues = r.cues[:0]
	for i := range r.sents {
		r.cues = append(r.cues, finder{d: d, s: &r.sents[i]}.attribution())
	}
	r.guestSource, r.guestKnown = source{}, false
	r.interview = false
	r.turns = r.findTurns(r.turns[:0])
	r.heads = r.headCount()
	r.firstOf = slices.Grow(r.firstOf[:0], len(d.Entities))[:len(d.Entities)]
	for e := range r.firstOf {
		r.firstOf[e] = -1
	}
	for m := len(d.Mentions) - 1; m >= 0; m-- {
		if e := d.Mentions[m].Entity; e >= 0 && e < len(r.firstOf) {
			r.firstOf[e] = m
		}
	}
	r.opinion = firstPersonSentences(r.sents) >= 2
	r.stanceKnown = false
	r.rewind()
}

// rewind readies r to resolve the sentences of its document from the
// first, forgetting who spoke.
func (r *resolver) rewind() {
	r.said, r.spoke = r.said[:0], r.spoke[:0]
	r.voice, r.floor = authorSource, false
}

// release drops r's references into its document and returns r to the
// pool.
func (r *resolver) release() {
	r.d = nil
	clear(r.sents)
	clear(r.cues)
	clear(r.said)
	clear(r.turns)
	clear(r.buf.words[:cap(r.buf.words)])
	r.voice, r.guestSource = source{}, source{}
	resolvers.Put(r)
}

// resolve returns the source of sentence i; sentences before i must have
// been resolved.
func (r *resolver) resolve(i int) source {
	if t := r.turns[i]; t.ok {
		r.voice, r.floor = t.who, t.floor
	}
	c := r.cues[i]
	src, found := r.answered(i, c)
	switch {
	case found:
	case c.kind == noCue || c.weak && (r.opinion || r.sents[i].firstPerson):
		src, found = r.unattributed(i)
	case r.floor && c.kind != groupCue && !c.addressed:
		src = r.voice
	default:
		src, found = r.cueSource(i, c)
	}
	if !found {
		src = r.voice
	}
	r.said = append(r.said, src)
	r.spoke = append(r.spoke, found && src != r.voice)
	return src
}

// answered returns the source of sentence i when it answers a question
// that the sentence before asks about those who take a side ("Why do
// police object to it?" "Because a court order ..."): they give the reason
// the answer states. A source the answer names outright, or a speaker
// holding the floor, keeps the answer.
func (r *resolver) answered(i int, c cue) (source, bool) {
	s := &r.sents[i]
	if i == 0 || r.floor || len(s.words) == 0 || s.words[0] != "because" {
		return source{}, false
	}
	switch c.kind {
	case noCue, personCue, orgCue, pluralCue:
		if c.text != "" {
			return source{}, false
		}
	default:
		return source{}, false
	}
	q := finder{d: r.d, s: &r.sents[i-1]}.askedAbout()
	if q.kind == noCue {
		return source{}, false
	}
	return r.cueSource(i-1, q)
}

// unattributed returns the source of sentence i, which names none: the
// speaker of the quotation it belongs to, or the current voice.
func (r *resolver) unattributed(i int) (source, bool) {
	s := &r.sents[i]
	if s.startsQuoted {
		// The quotation goes on from the sentence before, or from one
		// that quoted the same speaker just before.
		if i > 0 && (r.sents[i-1].endsOpen || r.sents[i-1].hasQuote) && r.spoke[i-1] {
			return r.said[i-1], true
		}
		// The speaker is named where the quotation, or the next one, ends.
		for j := i + 1; j < len(r.sents) && j <= i+anaphoraReach; j++ {
			if j > i+1 && !r.sents[j-1].endsOpen {
				break
			}
			if r.cues[j].kind != noCue && r.sents[j].hasQuote {
				return r.cueSource(i, r.cues[j])
			}
		}
	}
	if len(s.words) > 1 && s.words[0] == "in" {
		switch s.words[1] {
		case "his", "her":
			return r.cueSource(i, cue{kind: personCue})
		case "their":
			return r.cueSource(i, cue{kind: pluralCue})
		}
	}
	return r.voice, false
}

// firstPersonSentences counts the sentences with a first-person pronoun
// outside quotation marks, but for questions: an explainer asks its
// readers' questions in their words ("Will anything change for my
// chats?"), which is no sign of the writer's opinion.
func firstPersonSentences(sents []sentence) int {
	n := 0
	for i := range sents {
		if sents[i].firstPerson && !sents[i].asks() {
			n++
		}
	}
	return n
}

// guest returns the person the document's interview is with.
func (r *resolver) guest() source {
	if !r.guestKnown {
		r.guestSource, r.guestKnown = interviewee(r.d, r.sents), true
	}
	return r.guestSource
}
