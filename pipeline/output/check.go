package output

import (
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// ErrInvalid is wrapped by the error returned for an article whose analysis
// cannot be written without breaking the output contract: a span outside the
// text or across a code point, a mention outside its sentence, a link to a
// missing entity, an unknown label or type, a score out of range. Such an
// article points to a bug in an earlier stage; it is refused as a whole, so
// no record that fails the schema is ever written.
var ErrInvalid = errors.New("analysis breaks the output contract")

// invalid returns an error wrapping ErrInvalid, with the message built from
// format and args.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// checkDoc reports the first way in which d breaks the output contract, or
// nil. It runs in time linear in the size of the analysis and allocates
// only to report a problem.
func checkDoc(d *doc.Doc) error {
	st := d.Stance
	if p := stanceProblem(st.Label, st.Score, 0); p != "" {
		return invalid("article stance: %s", p)
	}
	if c := st.Counts; c.Favor < 0 || c.Against < 0 || c.Neutral < 0 {
		return invalid("article stance counts %+v are negative", c)
	}
	for i := range d.Entities {
		if err := checkEntity(&d.Entities[i], i); err != nil {
			return err
		}
	}
	prevEnd := 0
	for i := range d.Sentences {
		s := &d.Sentences[i]
		if err := checkSentence(d, s, i); err != nil {
			return err
		}
		if s.Start < prevEnd {
			return invalid("sentence %d starts at byte %d, before the end %d of the previous one", i, s.Start, prevEnd)
		}
		prevEnd = s.End
	}
	for i := range d.Mentions {
		if err := checkMention(d, &d.Mentions[i], i); err != nil {
			return err
		}
	}
	return nil
}

// checkEntity checks entity e, found at index i of Doc.Entities.
func checkEntity(e *doc.Entity, i int) error {
	switch {
	case e.ID != i:
		return invalid("entity %d has id %d", i, e.ID)
	case !slices.Contains(doc.EntityTypes, e.Type):
		return invalid("entity %d has unknown type %q", i, e.Type)
	case e.Count < 1:
		return invalid("entity %d has %d mentions", i, e.Count)
	case e.Stance.Sentences < 0:
		return invalid("entity %d holds %d sentences", i, e.Stance.Sentences)
	}
	if p := stanceProblem(e.Stance.Label, e.Stance.Score, 0); p != "" {
		return invalid("entity %d stance: %s", i, p)
	}
	return nil
}

// checkSentence checks sentence s, found at index i of d.Sentences.
func checkSentence(d *doc.Doc, s *doc.Sentence, i int) error {
	if !spanOK(d.Text, s.Span) {
		return badSpan("sentence", i, s.Span, d.Text)
	}
	st := s.Stance
	if p := stanceProblem(st.Label, st.Score, st.Confidence); p != "" {
		return invalid("sentence %d stance: %s", i, p)
	}
	switch h := s.Holder; {
	case h == nil && st.Label != doc.Neutral:
		return invalid("sentence %d is %s but has no holder", i, st.Label)
	case h != nil && st.Label == doc.Neutral:
		return invalid("sentence %d is neutral but has holder %q", i, h.Name)
	case h != nil && (h.Entity < -1 || h.Entity >= len(d.Entities)):
		return invalid("sentence %d holder %q links to entity %d of %d", i, h.Name, h.Entity, len(d.Entities))
	}
	return nil
}

// checkMention checks mention m, found at index i of d.Mentions.
func checkMention(d *doc.Doc, m *doc.Mention, i int) error {
	switch {
	case !spanOK(d.Text, m.Span):
		return badSpan("mention", i, m.Span, d.Text)
	case !slices.Contains(doc.EntityTypes, m.Type):
		return invalid("mention %d has unknown type %q", i, m.Type)
	case m.Entity < 0 || m.Entity >= len(d.Entities):
		return invalid("mention %d links to entity %d of %d", i, m.Entity, len(d.Entities))
	case m.Sentence < 0 || m.Sentence >= len(d.Sentences):
		return invalid("mention %d lies in sentence %d of %d", i, m.Sentence, len(d.Sentences))
	}
	if s := d.Sentences[m.Sentence].Span; m.Start < s.Start || m.End > s.End {
		return invalid("mention %d [%d, %d) is not inside its sentence %d [%d, %d)", i, m.Start, m.End, m.Sentence, s.Start, s.End)
	}
	return nil
}

// spanOK reports whether sp is a range of text whose ends fall on code-point
// boundaries.
func spanOK(text string, sp doc.Span) bool {
	return 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(text) &&
		runeBoundary(text, sp.Start) && runeBoundary(text, sp.End)
}

// badSpan returns the error for the span of item i of a kind for which
// spanOK fails.
func badSpan(kind string, i int, sp doc.Span, text string) error {
	return invalid("%s %d span [%d, %d) is not a range of the %d bytes of text between characters", kind, i, sp.Start, sp.End, len(text))
}

// runeBoundary reports whether byte offset b of text starts a code point or
// is the end of text.
func runeBoundary(text string, b int) bool {
	return b == len(text) || utf8.RuneStart(text[b])
}

// stanceProblem describes what is wrong with a label, a score meant for
// [-1, 1] and a confidence meant for [0, 1], as they will be written
// (rounded, NaN and ±Inf as 0); it returns "" when nothing is.
func stanceProblem(l doc.Label, score, confidence float64) string {
	if !slices.Contains(doc.Labels, l) {
		return fmt.Sprintf("unknown label %q", l)
	}
	if s := round3(score); s < -1 || s > 1 {
		return fmt.Sprintf("score %v outside [-1, 1]", score)
	}
	if c := round3(confidence); c < 0 || c > 1 {
		return fmt.Sprintf("confidence %v outside [0, 1]", confidence)
	}
	return ""
}
