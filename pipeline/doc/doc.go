// Package doc defines the article as it moves through the pipeline stages:
// what the reader fills in, what each stage adds, and the vocabulary of
// labels they share. It holds data only; the stages live in sibling packages.
//
// All Start/End offsets in this package are byte offsets into Doc.Text,
// half-open ([Start, End)). Conversion to the code-point offsets of the output
// contract happens only when records are written.
package doc

// Article is one input article as read, before any analysis.
type Article struct {
	// ID identifies the article: the input's id field, else the path of a
	// plain-text file, else "file:line" of a JSON Lines record.
	ID string
	// Title, URL, Date and Source are passed through from JSON Lines input
	// when present (nil when absent or null).
	Title, URL, Date, Source *string
	// Text is the article body, always valid UTF-8: invalid bytes were
	// replaced by U+FFFD, one per byte, and a warning recorded.
	Text string
	// Input says where the article came from: "file:line" for JSON Lines,
	// the path for a plain-text file, "-" standing for standard input.
	Input string
}

// Span is a half-open byte range [Start, End) of Doc.Text.
type Span struct{ Start, End int }

// Len returns End - Start.
func (s Span) Len() int { return s.End - s.Start }

// Doc is an article together with everything the stages have found in it.
// Each stage reads what earlier stages set and fills in its own fields.
type Doc struct {
	Article
	// Seq is the article's position in the input stream, from 0; the writer
	// uses it to restore input order.
	Seq int64
	// Raw holds the original bytes of the input record, kept for the error
	// file when the article fails.
	Raw []byte
	// Err, when set, means the article failed: it goes to the error output
	// instead of the records, and later stages skip it.
	Err error
	// Warnings are notes for the output record (repaired UTF-8, ...).
	Warnings []string

	// Skip lists site furniture (set by clean): spans of Text that are not
	// article prose and must not be part of any sentence. Sorted, disjoint.
	Skip []Span
	// Sentences in text order (set by segment), trimmed of surrounding space.
	Sentences []Sentence
	// Tokens of all sentences in text order (set by tokenize).
	Tokens []Token
	// Mentions of named entities in text order (set by entities).
	Mentions []Mention
	// Entities found in the article, each mention linked to one (set by
	// entities). Entity i has ID i.
	Entities []Entity
	// Stance of the article as a whole (set by aggregate).
	Stance ArticleStance
}

// Sentence is one sentence of the article.
type Sentence struct {
	Span
	// Tokens is the index range [Start, End) of this sentence's tokens in
	// Doc.Tokens (set by tokenize).
	Tokens Span
	// Stance toward encryption (set by stance).
	Stance Stance
	// Holder is whose stance the sentence expresses; nil for neutral
	// sentences (set by stance, with package holder). Between
	// holder.Attribute and the stance it is the sentence's provisional
	// speaker, set on every sentence that has one.
	Holder *Holder
}

// Token is one word or punctuation mark.
type Token struct {
	Span
	// Norm is the token's text normalised for analysis: Unicode NFC, with
	// zero-width and bidi control characters removed.
	Norm string
	// Tag is the Penn Treebank part-of-speech tag (set by tokenize).
	Tag string
}

// EntityType is the kind of a named entity.
type EntityType string

// The entity types of the output contract.
const (
	Person EntityType = "PERSON"
	Org    EntityType = "ORG"
	App    EntityType = "APP"
	GPE    EntityType = "GPE"
)

// EntityTypes lists every EntityType in a fixed order.
var EntityTypes = []EntityType{Person, Org, App, GPE}

// Mention is one occurrence of a named entity in the text.
type Mention struct {
	Span
	// Text is Doc.Text[Start:End], the surface form as written.
	Text string
	// Type is the mention's type in its sentence (a name such as WhatsApp
	// may be an APP in one sentence and an ORG in the next).
	Type EntityType
	// Entity is the index of the mention's entity in Doc.Entities.
	Entity int
	// Sentence is the index of the sentence containing the mention.
	Sentence int
}

// Entity is one person, organization, app or place named in the article.
type Entity struct {
	// ID equals the entity's index in Doc.Entities.
	ID int
	// Name is the fullest form used in the article ("Amber Rudd" for a
	// later "Rudd").
	Name string
	// Type is the entity's type (the most frequent type of its mentions).
	Type EntityType
	// Count is the number of mentions.
	Count int
	// Aliases are the distinct surface forms, in order of first use.
	Aliases []string
	// Stance aggregates the sentences this entity holds (set by aggregate).
	Stance EntityStance
}

// Label is a stance toward strong encryption.
type Label string

// The stance labels.
const (
	Favor   Label = "favor"
	Against Label = "against"
	Neutral Label = "neutral"
)

// Labels lists every Label in a fixed order.
var Labels = []Label{Favor, Against, Neutral}

// Stance is a sentence's stance toward strong encryption.
type Stance struct {
	Label Label
	// Score is in [-1, 1]: negative leans against encryption, positive
	// leans in favor.
	Score float64
	// Confidence in [0, 1] is the estimated probability that Label is right.
	Confidence float64
	// Cues name the words or features that drove the decision.
	Cues []string
}

// Author is the Holder name of the writer's own voice.
const Author = "author"

// Holder is whose stance a sentence expresses.
type Holder struct {
	// Name is the entity's fullest name, Author for the writer's own
	// voice, or an unnamed group as written ("critics").
	Name string
	// Entity is the index into Doc.Entities, or -1 when the holder is not
	// an entity of the article.
	Entity int
}

// Counts holds a number per label.
type Counts struct{ Favor, Against, Neutral int }

// Add increments the count of label l.
func (c *Counts) Add(l Label) {
	switch l {
	case Favor:
		c.Favor++
	case Against:
		c.Against++
	default:
		c.Neutral++
	}
}

// ArticleStance is the stance of a whole article.
type ArticleStance struct {
	Label  Label
	Score  float64
	Counts Counts
}

// EntityStance is the stance of one entity over the sentences it holds.
type EntityStance struct {
	Label Label
	Score float64
	// Sentences is the number of non-neutral sentences the entity holds.
	Sentences int
}
