package holder

import (
	"slices"
	"unicode"

	"github.com/stancer/stancer/pipeline/doc"
)

// turn records who takes the floor at a sentence of a text with several
// voices: a forum thread ("▲ 52 · ThinBlueByte · 2h"), a transcript
// ("Mrs Marsh: I do not accept that"), an interview ("Q:", "A:") or a page
// of signed letters.
type turn struct {
	// ok reports that a turn starts at the sentence.
	ok bool
	// floor reports that the speaker holds the floor: what the turn's
	// sentences report of others is still the speaker's argument, so a
	// named source in them does not take the stance over (a forum post, a
	// member's speech, an interview answer). Only unnamed groups do.
	floor bool
	// who is the speaker of the turn.
	who source
}

// findTurns appends to out the turns of r's document: one entry per
// sentence, ok where a turn starts.
func (r *resolver) findTurns(out []turn) []turn {
	d, sents := r.d, r.sents
	out = slices.Grow(out, len(sents))[:len(sents)]
	clear(out)
	var labels []int
	for i := range sents {
		s := &sents[i]
		if h, ok := forumHandle(s); ok {
			out[i] = turn{ok: true, floor: true, who: source{name: h, entity: -1, person: true}}
			continue
		}
		if m, ok := speakerLabel(d, s); ok {
			labels = append(labels, i)
			out[i] = turn{ok: true, floor: true, who: entitySource(d, m)}
			continue
		}
		if len(s.words) < 2 || s.words[1] != ":" {
			continue
		}
		switch s.words[0] {
		case "q":
			out[i] = turn{ok: true, who: authorSource}
		case "a":
			out[i] = turn{ok: true, floor: true, who: r.guest()}
			r.interview = true
		}
	}
	if len(labels) == 1 {
		// A lone label is a headline ("Rudd: there must be no place to
		// hide"), not a transcript.
		out[labels[0]] = turn{}
	}
	if len(labels) > 1 {
		// The host, like an interviewer, puts others' positions to the
		// guests: a source the host names takes the stance.
		if h := host(d, sents[:labels[0]]); h >= 0 {
			for _, i := range labels {
				if out[i].who.entity == h {
					out[i].floor = false
				}
			}
		}
	}
	signLetters(d, sents, out)
	return out
}

// host returns the entity of the person that the lines before a
// transcript's first turn name as its host, in one of two set phrases: a
// word of hosting in parentheses right after the name ("Ruth Okafor
// (moderator, journalist)"), or a participle of hosting and "by" right
// before it ("chaired by Ruth Okafor"); or -1. A word of hosting elsewhere
// ("Piet Jansen, chair of the privacy board") names no host.
func host(d *doc.Doc, sents []sentence) int {
	for i := range sents {
		s := &sents[i]
		if !s.has(hostWord) {
			continue
		}
		person := func(t int) int {
			if t < 0 || t >= len(s.words) {
				return -1
			}
			if m := s.mention[t]; m >= 0 && d.Mentions[m].Type == doc.Person && d.Mentions[m].Entity >= 0 {
				return d.Mentions[m].Entity
			}
			return -1
		}
		for t := range s.words {
			if !s.is(t, hostWord) {
				continue
			}
			if t+2 < len(s.words) && s.words[t+1] == "by" {
				if e := person(t + 2); e >= 0 {
					return e
				}
			}
			if t >= 2 && s.words[t-1] == "(" {
				if e := person(t - 2); e >= 0 {
					return e
				}
			}
		}
	}
	return -1
}

// signLetters gives each letter of a letters page to its writer, whose
// signature follows it on a line of its own ("Gillian Ashdown, Winchester").
// A single such line is not enough to tell a letters page from an article
// that ends with its author's name, so it takes two.
func signLetters(d *doc.Doc, sents []sentence, out []turn) {
	var sigs []int
	for i := range sents {
		if signature(d, &sents[i]) >= 0 {
			sigs = append(sigs, i)
		}
	}
	if len(sigs) < 2 {
		return
	}
	start := 0
	for _, i := range sigs {
		if !out[start].ok {
			out[start] = turn{ok: true, who: entitySource(d, signature(d, &sents[i]))}
		}
		start = i + 1
	}
	if start < len(out) && !out[start].ok {
		out[start] = turn{ok: true, who: authorSource}
	}
}

// signature returns the person mention a signature line consists of, as in
// "Gillian Ashdown, Winchester" or "Dr Anjali Varma, Reading", or -1.
func signature(d *doc.Doc, s *sentence) int {
	t := 0
	if t < len(s.words) && s.mention[t] < 0 && isTitle(s.words[t]) {
		t++
	}
	if len(s.words) > 8 || t >= len(s.words) || s.mention[t] < 0 || d.Mentions[s.mention[t]].Type != doc.Person {
		return -1
	}
	m := s.mention[t]
	for t < len(s.words) && s.mention[t] == m {
		t++
	}
	if t < len(s.words) && s.words[t] == "," {
		return m
	}
	return -1
}

// isTitle reports whether w is a courtesy title written before a name.
func isTitle(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "baroness", "mr.", "mrs.", "ms.", "dr.":
		return true
	}
	return false
}

// speakerLabel recognizes a transcript label opening the sentence: a named
// person, perhaps with a title, a role or a constituency in parentheses, then
// a colon ("Mrs Marsh:", "Mr Rhys Davies (Llanfair South):", "The Minister
// (Mr Alan Forde):").
func speakerLabel(d *doc.Doc, s *sentence) (int, bool) {
	for t := 0; t < len(s.words) && t <= 12; t++ {
		if s.quoted[t] || s.is(t, speechWord) || s.words[t] == ":" {
			return 0, false
		}
		m := s.mention[t]
		if m < 0 || d.Mentions[m].Type != doc.Person {
			continue
		}
		e := t
		for e < len(s.words) && s.mention[e] == m {
			e++
		}
		if e < len(s.words) && s.words[e] == ")" {
			e++
		} else if e < len(s.words) && s.words[e] == "(" {
			for e < len(s.words) && s.words[e] != ")" && e-t < 8 {
				e++
			}
			e++
		}
		return m, e < len(s.words) && s.words[e] == ":"
	}
	return 0, false
}

// forumHandle recognizes the header of a forum post naming its poster,
// "▲ 311 · gdpr_gremlin · 4h" or "submitted 4 hours ago by bitflip_betty",
// and returns the handle.
func forumHandle(s *sentence) (string, bool) {
	if len(s.words) > 14 {
		return "", false
	}
	dotted := false
	for _, w := range s.words {
		if w == "·" || w == "|" {
			dotted = true
		}
	}
	for t, tok := range s.toks {
		if s.mention[t] < 0 && (dotted || t > 0 && s.words[t-1] == "by") && isHandle(tok.Norm) {
			return tok.Norm, true
		}
	}
	return "", false
}

// isHandle reports whether w looks like a user name rather than a word: it
// starts with a letter and holds an underscore, a digit or a capital after
// a small letter ("bitflip_betty", "LydiaB_77", "ThinBlueByte").
func isHandle(w string) bool {
	if len(w) < 3 || !unicode.IsLetter(rune(w[0])) {
		return false
	}
	prevLower := false
	for _, r := range w {
		switch {
		case r == '_' || unicode.IsDigit(r):
			return true
		case unicode.IsUpper(r) && prevLower:
			return true
		case !unicode.IsLetter(r):
			return false
		}
		prevLower = unicode.IsLower(r)
	}
	return false
}

// interviewee returns the person an interview's answers belong to: the
// first person named outside a byline ("Interview by ...").
func interviewee(d *doc.Doc, sents []sentence) source {
	for i := range sents {
		s := &sents[i]
		if isByline(d, s) {
			continue
		}
		for m := range s.mentionsIn(0, len(s.words)) {
			if d.Mentions[m].Type == doc.Person {
				return entitySource(d, m)
			}
		}
	}
	return authorSource
}

// isByline reports whether s is a short line crediting a writer: "By
// Martin Ostrowski", "Interview by Clara Mendes".
func isByline(d *doc.Doc, s *sentence) bool {
	if len(s.words) > 12 {
		return false
	}
	for t := 0; t+1 < len(s.words); t++ {
		if s.words[t] == "by" && s.mention[t+1] >= 0 && d.Mentions[s.mention[t+1]].Type == doc.Person {
			return true
		}
	}
	return false
}
