package summary

import (
	"fmt"
	"time"
)

// Record is the part of a stancer article record (the JSON Lines output of
// "stancer --emit articles") that summaries and reports read. Decoding a
// full record into it ignores every other field; the field names are
// those of the output contract.
type Record struct {
	// ID, Title, URL, Date and Source describe the article; all but ID
	// may be empty.
	ID     string `json:"id"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Source string `json:"source"`
	// Entities are the article's entities; Sentences its sentences, in
	// text order.
	Entities  []Entity   `json:"entities"`
	Sentences []Sentence `json:"sentences"`
}

// Entity is an entity of an article record.
type Entity struct {
	// ID is what mentions refer to; Name is the entity's fullest name and
	// Type one of PERSON, ORG, APP and GPE.
	ID   int    `json:"id"`
	Name string `json:"name"`
	Type string `json:"type"`
}

// Sentence is a sentence of an article record.
type Sentence struct {
	Text   string `json:"text"`
	Stance Stance `json:"stance"`
	// Holder is whose stance the sentence expresses, nil for none (a
	// neutral sentence).
	Holder *Holder `json:"holder"`
	// Mentions are the entity mentions in the sentence.
	Mentions []Mention `json:"mentions"`
}

// Stance is a sentence's stance toward strong encryption.
type Stance struct {
	// Label is Favor, Against or Neutral; Score is in [-1, 1], negative
	// leaning against.
	Label string  `json:"label"`
	Score float64 `json:"score"`
}

// Holder is the holder of a sentence's stance.
type Holder struct {
	// Name is an entity's name, "author" or an unnamed group as written.
	Name string `json:"name"`
}

// Mention is an entity mention in a sentence.
type Mention struct {
	// Entity is the ID of the entity mentioned.
	Entity int `json:"entity"`
}

// The stance labels of the output contract.
const (
	Favor   = "favor"
	Against = "against"
	Neutral = "neutral"
)

// Unknown names the group of records that lack the grouping field: no
// source, no date or a date that does not start with YYYY-MM-DD, or a
// holder without a name.
const Unknown = "unknown"

// check reports the first way in which r breaks the output contract that
// summaries rely on: a label other than favor, against or neutral, or a
// score outside [-1, 1].
func (r *Record) check() error {
	for i := range r.Sentences {
		s := &r.Sentences[i].Stance
		switch {
		case s.Label != Favor && s.Label != Against && s.Label != Neutral:
			return fmt.Errorf("sentence %d: stance label %q is not favor, against or neutral", i, s.Label)
		case !(-1 <= s.Score && s.Score <= 1):
			return fmt.Errorf("sentence %d: stance score %v is outside [-1, 1]", i, s.Score)
		}
	}
	return nil
}

// Day returns the record's date as YYYY-MM-DD when its date field starts
// with a valid calendar date in that form (as "2017-03-27" and
// "2017-03-27T10:00:00Z" do), and "" otherwise.
func (r *Record) Day() string {
	if len(r.Date) < len("2006-01-02") {
		return ""
	}
	d := r.Date[:len("2006-01-02")]
	if _, err := time.Parse(time.DateOnly, d); err != nil {
		return ""
	}
	return d
}

// entityIndex returns the index in r.Entities of the entity whose id is
// id, or -1.
func (r *Record) entityIndex(id int) int {
	if id >= 0 && id < len(r.Entities) && r.Entities[id].ID == id {
		return id // entity ids equal their index in every stancer record
	}
	for i := range r.Entities {
		if r.Entities[i].ID == id {
			return i
		}
	}
	return -1
}
