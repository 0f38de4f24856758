package output

import (
	"fmt"
	"slices"

	"github.com/stancer/stancer/pipeline/doc"
)

// An Encoder appends the records of analysed articles to byte slices. It
// keeps scratch space from one article to the next, so it is not safe for
// concurrent use: give each goroutine its own.
type Encoder struct {
	emit Emit
	// metaTail closes every "meta" object: `,"version":…,"model":…}`.
	metaTail []byte
	cur      runeCursor
	// byRank lists the indices of Doc.Mentions grouped by sentence, in
	// their order within each group; the mentions of sentence i are
	// byRank[first[i]:first[i+1]].
	byRank, first []int
	// mentionCP holds the code-point start and end of each mention of the
	// sentence being encoded.
	mentionCP []int
}

// NewEncoder returns an Encoder of the records selected by emit (the empty
// Emit meaning Articles), whose article records carry meta. It panics if
// emit is neither empty nor one of the Emit constants.
func NewEncoder(emit Emit, meta Meta) *Encoder {
	switch emit {
	case "":
		emit = Articles
	case Articles, Sentences, Entities:
	default:
		panic(fmt.Sprintf("output: NewEncoder with unknown Emit %q", emit))
	}
	tail := []byte(`,"version":`)
	tail = appendString(tail, meta.Version)
	tail = append(tail, `,"model":`...)
	tail = appendString(tail, meta.Model)
	return &Encoder{emit: emit, metaTail: append(tail, '}')}
}

// Append appends the records of d to dst, each ended by a newline, and
// returns the extended slice: one record with Articles, one per sentence
// with Sentences and one per entity with Entities (so perhaps none).
//
// Append refuses an article that failed (d.Err set), whose place is the
// error file (see AppendError), with an error that wraps d.Err; and one
// whose analysis breaks the output contract, with an error that wraps
// ErrInvalid. Either way it returns dst unchanged.
func (e *Encoder) Append(dst []byte, d *doc.Doc) ([]byte, error) {
	if d.Err != nil {
		return dst, fmt.Errorf("output: article %q failed, so it has no record: %w", d.ID, d.Err)
	}
	if err := checkDoc(d); err != nil {
		return dst, fmt.Errorf("output: article %q: %w", d.ID, err)
	}
	switch e.emit {
	case Sentences:
		e.prepare(d)
		for i := range d.Sentences {
			dst = e.appendHeadedObject(dst, d.ID)
			dst = e.appendSentence(dst, d, i)
			dst = append(dst, '}', '\n')
		}
	case Entities:
		for i := range d.Entities {
			dst = e.appendHeadedObject(dst, d.ID)
			dst = appendEntity(dst, &d.Entities[i])
			dst = append(dst, '}', '\n')
		}
	default:
		e.prepare(d)
		dst = e.appendArticle(dst, d)
		dst = append(dst, '\n')
	}
	return dst, nil
}

// appendHeadedObject opens the object of a sentence or entity record with
// its "article_id" field.
func (e *Encoder) appendHeadedObject(dst []byte, id string) []byte {
	dst = append(dst, `{"article_id":`...)
	dst = appendString(dst, id)
	return append(dst, ',')
}

// prepare sets up the offset cursor and groups the mentions of d by
// sentence, with a counting sort that keeps their order within a sentence.
func (e *Encoder) prepare(d *doc.Doc) {
	e.cur.reset(d.Text)
	n := len(d.Sentences)
	e.first = slices.Grow(e.first[:0], n+1)[:n+1]
	clear(e.first)
	for i := range d.Mentions {
		e.first[d.Mentions[i].Sentence+1]++
	}
	for i := 1; i <= n; i++ {
		e.first[i] += e.first[i-1]
	}
	// Placing mention i advances first[s] to the next free slot of group s;
	// once all are placed, first[s] is where group s+1 starts, so shifting
	// by one restores the starts.
	e.byRank = slices.Grow(e.byRank[:0], len(d.Mentions))[:len(d.Mentions)]
	for i := range d.Mentions {
		s := d.Mentions[i].Sentence
		e.byRank[e.first[s]] = i
		e.first[s]++
	}
	copy(e.first[1:], e.first[:n])
	e.first[0] = 0
}

// appendArticle appends the article record of d, without the newline.
func (e *Encoder) appendArticle(dst []byte, d *doc.Doc) []byte {
	dst = append(dst, `{"id":`...)
	dst = appendString(dst, d.ID)
	dst = appendOptional(dst, `,"title":`, d.Title)
	dst = appendOptional(dst, `,"url":`, d.URL)
	dst = appendOptional(dst, `,"date":`, d.Date)
	dst = appendOptional(dst, `,"source":`, d.Source)
	dst = append(dst, `,"stance":{"label":`...)
	dst = appendKnown(dst, string(d.Stance.Label))
	dst = append(dst, `,"score":`...)
	dst = appendRounded(dst, d.Stance.Score)
	dst = append(dst, `,"counts":{"favor":`...)
	dst = appendInt(dst, d.Stance.Counts.Favor)
	dst = append(dst, `,"against":`...)
	dst = appendInt(dst, d.Stance.Counts.Against)
	dst = append(dst, `,"neutral":`...)
	dst = appendInt(dst, d.Stance.Counts.Neutral)
	dst = append(dst, `}},"entities":[`...)
	for i := range d.Entities {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '{')
		dst = appendEntity(dst, &d.Entities[i])
		dst = append(dst, '}')
	}
	dst = append(dst, `],"sentences":[`...)
	for i := range d.Sentences {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '{')
		dst = e.appendSentence(dst, d, i)
		dst = append(dst, '}')
	}
	dst = append(dst, `],"warnings":`...)
	dst = appendStrings(dst, d.Warnings)
	dst = append(dst, `,"meta":{"tokens":`...)
	dst = appendInt(dst, len(d.Tokens))
	dst = append(dst, e.metaTail...)
	return append(dst, '}')
}

// appendOptional appends key and the string *s, or nothing when s is nil.
func appendOptional(dst []byte, key string, s *string) []byte {
	if s == nil {
		return dst
	}
	return appendString(append(dst, key...), *s)
}

// appendEntity appends the fields of entity e, without braces.
func appendEntity(dst []byte, e *doc.Entity) []byte {
	dst = append(dst, `"id":`...)
	dst = appendInt(dst, e.ID)
	dst = append(dst, `,"name":`...)
	dst = appendString(dst, e.Name)
	dst = append(dst, `,"type":`...)
	dst = appendKnown(dst, string(e.Type))
	dst = append(dst, `,"count":`...)
	dst = appendInt(dst, e.Count)
	dst = append(dst, `,"aliases":`...)
	dst = appendStrings(dst, e.Aliases)
	dst = append(dst, `,"stance":{"label":`...)
	dst = appendKnown(dst, string(e.Stance.Label))
	dst = append(dst, `,"score":`...)
	dst = appendRounded(dst, e.Stance.Score)
	dst = append(dst, `,"sentences":`...)
	dst = appendInt(dst, e.Stance.Sentences)
	return append(dst, '}')
}

// appendSentence appends the fields of sentence i of d, without braces. The
// sentences of an article must be appended in order, after prepare.
func (e *Encoder) appendSentence(dst []byte, d *doc.Doc, i int) []byte {
	s := &d.Sentences[i]
	mentions := e.byRank[e.first[i]:e.first[i+1]]
	// Convert offsets in text order: start, the mentions, end.
	start := e.cur.at(s.Start)
	e.mentionCP = e.mentionCP[:0]
	for _, m := range mentions {
		e.mentionCP = append(e.mentionCP, e.cur.at(d.Mentions[m].Start), e.cur.at(d.Mentions[m].End))
	}
	end := e.cur.at(s.End)

	dst = append(dst, `"index":`...)
	dst = appendInt(dst, i)
	dst = append(dst, `,"start":`...)
	dst = appendInt(dst, start)
	dst = append(dst, `,"end":`...)
	dst = appendInt(dst, end)
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, d.Text[s.Start:s.End])
	dst = append(dst, `,"stance":{"label":`...)
	dst = appendKnown(dst, string(s.Stance.Label))
	dst = append(dst, `,"score":`...)
	dst = appendRounded(dst, s.Stance.Score)
	dst = append(dst, `,"confidence":`...)
	dst = appendRounded(dst, s.Stance.Confidence)
	dst = append(dst, `,"cues":`...)
	dst = appendStrings(dst, s.Stance.Cues)
	dst = append(dst, `},"holder":`...)
	dst = appendHolder(dst, s.Holder)
	dst = append(dst, `,"mentions":[`...)
	for j, mi := range mentions {
		if j > 0 {
			dst = append(dst, ',')
		}
		m := &d.Mentions[mi]
		dst = append(dst, `{"entity":`...)
		dst = appendInt(dst, m.Entity)
		dst = append(dst, `,"text":`...)
		dst = appendString(dst, d.Text[m.Start:m.End])
		dst = append(dst, `,"type":`...)
		dst = appendKnown(dst, string(m.Type))
		dst = append(dst, `,"start":`...)
		dst = appendInt(dst, e.mentionCP[2*j])
		dst = append(dst, `,"end":`...)
		dst = appendInt(dst, e.mentionCP[2*j+1])
		dst = append(dst, '}')
	}
	return append(dst, ']')
}

// appendHolder appends h as {"name": …, "entity": …}, with entity null for
// a holder outside the article's entities, or null when h is nil.
func appendHolder(dst []byte, h *doc.Holder) []byte {
	if h == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, `{"name":`...)
	dst = appendString(dst, h.Name)
	dst = append(dst, `,"entity":`...)
	if h.Entity < 0 {
		dst = append(dst, "null"...)
	} else {
		dst = appendInt(dst, h.Entity)
	}
	return append(dst, '}')
}

// AppendError appends the error record of the failed article d, ended by a
// newline: {"input": d.Input, "error": d.Err, "raw": d.Raw}, where each byte
// of d.Raw that is not valid UTF-8 becomes U+FFFD. It returns an error, and
// dst unchanged, if d has not failed.
func AppendError(dst []byte, d *doc.Doc) ([]byte, error) {
	if d.Err == nil {
		return dst, fmt.Errorf("output: article %q has no error to record", d.ID)
	}
	dst = append(dst, `{"input":`...)
	dst = appendString(dst, d.Input)
	dst = append(dst, `,"error":`...)
	dst = appendString(dst, d.Err.Error())
	dst = append(dst, `,"raw":`...)
	dst = appendString(dst, string(d.Raw))
	return append(dst, '}', '\n'), nil
}
