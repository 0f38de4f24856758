package holder

import (
	"iter"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// sentence is one sentence of a document prepared for attribution.
type sentence struct {
	// toks are the sentence's tokens.
	toks []doc.Token
	// words holds the lower-cased Norm of each token of the sentence.
	words []string
	// quoted marks the tokens inside a quotation, quote marks included.
	quoted []bool
	// mention holds, for each token, the index in Doc.Mentions of the
	// mention covering it, or -1.
	mention []int
	// classes holds the lexicon's classes of each word, and all their
	// union, so that a rule can tell at once that no word of a class is in
	// the sentence.
	classes []wordClass
	all     wordClass
	// startsQuoted reports that the sentence opens inside a quotation or
	// with a quote mark; endsOpen that a quotation is still open at its end.
	startsQuoted, endsOpen bool
	// hasQuote reports that some token is quoted.
	hasQuote bool
	// firstPerson reports a first-person pronoun outside quotation marks
	// ("I", "we", "our", "us", "my").
	firstPerson bool
}

// quoteMark classifies a token as an opening, closing or ambiguous
// (straight) double quotation mark; single quotes are too often
// apostrophes to be trusted.
func quoteMark(w string) (open, close, straight bool) {
	switch w {
	case "“", "«", "„":
		return true, false, false
	case "”", "»":
		return false, true, false
	case `"`, "''", "``":
		return false, false, true
	}
	return false, false, false
}

// tokenBuf holds the per-token fields of the sentences of a document, one
// backing array each, and the lower-case forms of the words seen so far.
type tokenBuf struct {
	words   []string
	quoted  []bool
	mention []int
	classes []wordClass
	// lower maps a word holding capitals to its lower-case form and the
	// classes of that.
	lower map[string]loweredWord
}

// loweredWord is a word in lower case and its lexicon classes.
type loweredWord struct {
	word  string
	class wordClass
}

// maxLower bounds the number of words tokenBuf.lower remembers.
const maxLower = 1 << 14

// word returns w in lower case and its classes in lexicon lx; it does not
// allocate for a word already in lower case or seen before.
func (b *tokenBuf) word(lx *lexicon, w string) (string, wordClass) {
	upper := false
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			upper = true
			break
		}
	}
	if !upper {
		return w, lx.classOf(w)
	}
	if l, ok := b.lower[w]; ok {
		return l.word, l.class
	}
	if b.lower == nil || len(b.lower) >= maxLower {
		b.lower = make(map[string]loweredWord, 256)
	}
	// The key is cloned so that the map does not keep the document's text.
	l := loweredWord{strings.ToLower(w), 0}
	l.class = lx.classOf(l.word)
	b.lower[strings.Clone(w)] = l
	return l.word, l.class
}

// prepare appends to out the sentence views of d. The quotation state
// carries from one sentence to the next, so a quotation spanning several
// sentences marks all of them, but it is reset at a line break: an
// unbalanced quote mark cannot spill beyond its paragraph.
func (b *tokenBuf) prepare(d *doc.Doc, out []sentence) []sentence {
	// n bounds the tokens of all sentences, to size the buffers once.
	n := 0
	for _, ds := range d.Sentences {
		n += max(0, ds.Tokens.End-ds.Tokens.Start)
	}
	b.words = slices.Grow(b.words[:0], n)
	b.quoted = slices.Grow(b.quoted[:0], n)
	b.mention = slices.Grow(b.mention[:0], n)
	b.classes = slices.Grow(b.classes[:0], n)
	lx := lex()
	open := false
	m := 0 // next mention to place
	prevEnd := 0
	for _, ds := range d.Sentences {
		if ds.Start >= prevEnd && ds.Start <= len(d.Text) && strings.ContainsRune(d.Text[prevEnd:ds.Start], '\n') {
			open = false
		}
		prevEnd = max(prevEnd, min(ds.End, len(d.Text)))
		toks := tokensOf(d, ds)
		base, end := len(b.words), len(b.words)+len(toks)
		b.words, b.quoted, b.mention, b.classes = b.words[:end], b.quoted[:end], b.mention[:end], b.classes[:end]
		s := sentence{toks: toks, words: b.words[base:end:end], quoted: b.quoted[base:end:end], mention: b.mention[base:end:end], classes: b.classes[base:end:end]}
		for t, tok := range toks {
			s.words[t], s.classes[t] = b.word(lx, tok.Norm)
			s.all |= s.classes[t]
			s.mention[t] = -1
			opens, closes, straight := quoteMark(tok.Norm)
			switch {
			case opens || straight && !open:
				if t == 0 {
					s.startsQuoted = true
				}
				open = true
				s.quoted[t] = true
			case closes || straight:
				open = false
				s.quoted[t] = true
			default:
				s.quoted[t] = open
				if t == 0 && open {
					s.startsQuoted = true
				}
			}
			s.hasQuote = s.hasQuote || s.quoted[t]
			s.firstPerson = s.firstPerson || !s.quoted[t] && isFirstPerson(s.words[t], tok.Norm)
		}
		s.endsOpen = open
		// Mentions are in text order; skip those before this sentence.
		for m < len(d.Mentions) && d.Mentions[m].End <= ds.Start {
			m++
		}
		// Tokens are in text order too: walk both, the last mention
		// overlapping a token taking it.
		k := m
		for t, tok := range toks {
			for k < len(d.Mentions) && d.Mentions[k].End <= tok.Start {
				k++
			}
			for j := k; j < len(d.Mentions) && d.Mentions[j].Start < tok.End; j++ {
				if tok.Start < d.Mentions[j].End {
					s.mention[t] = j
				}
			}
		}
		out = append(out, s)
	}
	return out
}

// isFirstPerson reports whether lower-case word w, written norm, is a
// first-person pronoun; "US" is the country.
func isFirstPerson(w, norm string) bool {
	switch w {
	case "i", "we", "our", "my":
		return true
	case "us":
		return norm != "US"
	}
	return false
}

// tokensOf returns the tokens of sentence s, or none when its token range
// does not fit d.Tokens or a token does not fit d.Text.
func tokensOf(d *doc.Doc, s doc.Sentence) []doc.Token {
	if s.Tokens.Start < 0 || s.Tokens.Start > s.Tokens.End || s.Tokens.End > len(d.Tokens) {
		return nil
	}
	toks := d.Tokens[s.Tokens.Start:s.Tokens.End]
	for _, t := range toks {
		if t.Start < 0 || t.Start > t.End || t.End > len(d.Text) {
			return nil
		}
	}
	return toks
}

// mentionsIn yields the distinct mentions covering tokens [a, e) of s, in
// order.
func (s *sentence) mentionsIn(a, e int) iter.Seq[int] {
	return func(yield func(int) bool) {
		for t := a; t < e; t++ {
			if m := s.mention[t]; m >= 0 && (t == a || s.mention[t-1] != m) && !yield(m) {
				return
			}
		}
	}
}

// issues reports whether the sentence tells of a text by its noun, a few
// words from a verb of issuing or authoring it: "published a long paper",
// "an open letter coordinated by".
func (s *sentence) issues(noun string) bool {
	if !s.has(textVerb) {
		return false
	}
	for t, w := range s.words {
		if w != noun {
			continue
		}
		for k := max(0, t-maxTextWords); k < len(s.words) && k <= t+2; k++ {
			if s.is(k, textVerb) {
				return true
			}
		}
	}
	return false
}

// asks reports whether the sentence is a question: it ends with a question
// mark.
func (s *sentence) asks() bool {
	return len(s.words) > 0 && s.words[len(s.words)-1] == "?"
}

// afterConjunction returns the first token of [a, e) that is not a
// coordinating conjunction opening the clause ("but", "and", "so"), or e.
func (s *sentence) afterConjunction(a, e int) int {
	for a < e && (s.words[a] == "but" || s.words[a] == "and" || s.words[a] == "so") {
		a++
	}
	return a
}

// hasMention reports whether a mention covers some token of [a, e).
func (s *sentence) hasMention(a, e int) bool {
	for t := a; t < e; t++ {
		if s.mention[t] >= 0 {
			return true
		}
	}
	return false
}

// has reports whether some word of the sentence is in one of the lexicon's
// classes c.
func (s *sentence) has(c wordClass) bool { return s.all&c != 0 }

// is reports whether the word at token t is in one of the lexicon's
// classes c.
func (s *sentence) is(t int, c wordClass) bool { return s.classes[t]&c != 0 }

// isVerb reports whether token t is tagged as a verb or a modal; an
// untagged token is not.
func (s *sentence) isVerb(t int) bool {
	tag := s.toks[t].Tag
	return strings.HasPrefix(tag, "VB") || tag == "MD"
}

// isNominal reports whether token t is tagged as a noun or an adjective.
func (s *sentence) isNominal(t int) bool {
	tag := s.toks[t].Tag
	return strings.HasPrefix(tag, "NN") || strings.HasPrefix(tag, "JJ")
}

// isAdjective reports whether token t is tagged as an adjective.
func (s *sentence) isAdjective(t int) bool { return strings.HasPrefix(s.toks[t].Tag, "JJ") }

// isTitleCase reports whether token t starts with a capital letter, as the
// words of a title before a name do ("Senator", "District Attorney").
func (s *sentence) isTitleCase(t int) bool {
	r, _ := utf8.DecodeRuneInString(s.toks[t].Norm)
	return unicode.IsUpper(r)
}
