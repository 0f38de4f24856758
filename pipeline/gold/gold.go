// Package gold reads labeled articles in the project's annotation format
// (one JSON object per line with the article text and its annotated
// sentences) and locates every annotated sentence and mention in the text.
//
// Training (stancer train) and evaluation (stancer eval) both read gold files
// through this package, so they agree on where each label sits.
package gold

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
)

// Article is one labeled article.
type Article struct {
	doc.Article
	Sentences []Sentence
}

// Doc returns a document of the article whose sentences are the gold
// sentences, with nothing else analysed: no tokens, mentions or labels.
func (a Article) Doc() *doc.Doc {
	d := &doc.Doc{Article: a.Article, Sentences: make([]doc.Sentence, len(a.Sentences))}
	for i, s := range a.Sentences {
		d.Sentences[i].Span = s.Span
	}
	return d
}

// Sentence is one annotated sentence, located in the article text.
type Sentence struct {
	doc.Span
	Text   string
	Stance doc.Label
	// Holder is whose stance it is ("author", a name, a group as written),
	// or "" for a neutral sentence.
	Holder   string
	Mentions []Mention
}

// Mention is one annotated entity mention, located in the article text.
type Mention struct {
	doc.Span
	Text string
	Type doc.EntityType
}

// record mirrors one line of a gold file.
type record struct {
	ID        string  `json:"id"`
	Title     *string `json:"title"`
	URL       *string `json:"url"`
	Date      *string `json:"date"`
	Source    *string `json:"source"`
	Text      string  `json:"text"`
	Sentences []struct {
		Text     string  `json:"text"`
		Stance   string  `json:"stance"`
		Holder   *string `json:"holder"`
		Entities []struct {
			Text string `json:"text"`
			Type string `json:"type"`
		} `json:"entities"`
	} `json:"sentences"`
}

// ReadFile reads the gold file at path.
func ReadFile(path string) ([]Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	arts, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return arts, nil
}

// Read reads gold articles, one JSON object per line; blank lines are
// skipped. The error of a malformed line names its line number.
func Read(r io.Reader) ([]Article, error) {
	var arts []Article
	br := bufio.NewReader(r)
	for line := 1; ; line++ {
		b, err := br.ReadBytes('\n')
		if len(strings.TrimSpace(string(b))) > 0 {
			a, perr := parse(b)
			if perr != nil {
				return nil, fmt.Errorf("%d: %w", line, perr)
			}
			arts = append(arts, a)
		}
		if err == io.EOF {
			return arts, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%d: %w", line, err)
		}
	}
}

// parse decodes one gold line and locates its sentences and mentions.
func parse(b []byte) (Article, error) {
	var rec record
	if err := json.Unmarshal(b, &rec); err != nil {
		return Article{}, err
	}
	a := Article{Article: doc.Article{
		ID: rec.ID, Title: rec.Title, URL: rec.URL, Date: rec.Date, Source: rec.Source,
		Text: rec.Text, Input: rec.ID,
	}}
	cursor := 0
	for i, rs := range rec.Sentences {
		at := strings.Index(rec.Text[cursor:], rs.Text)
		if rs.Text == "" || at < 0 {
			return Article{}, fmt.Errorf("article %q sentence %d: not found in text after offset %d", rec.ID, i, cursor)
		}
		s := Sentence{
			Span:   doc.Span{Start: cursor + at, End: cursor + at + len(rs.Text)},
			Text:   rs.Text,
			Stance: doc.Label(rs.Stance),
		}
		switch s.Stance {
		case doc.Favor, doc.Against, doc.Neutral:
		default:
			return Article{}, fmt.Errorf("article %q sentence %d: unknown stance %q", rec.ID, i, rs.Stance)
		}
		if rs.Holder != nil {
			s.Holder = *rs.Holder
		}
		if err := checkHolder(s, rec.Text); err != nil {
			return Article{}, fmt.Errorf("article %q sentence %d: %w", rec.ID, i, err)
		}
		mcur := s.Start
		for j, e := range rs.Entities {
			at := findWord(rec.Text[mcur:s.End], e.Text)
			if e.Text == "" || at < 0 {
				return Article{}, fmt.Errorf("article %q sentence %d entity %d: %q not found in order", rec.ID, i, j, e.Text)
			}
			m := Mention{Span: doc.Span{Start: mcur + at, End: mcur + at + len(e.Text)}, Text: e.Text, Type: doc.EntityType(e.Type)}
			switch m.Type {
			case doc.Person, doc.Org, doc.App, doc.GPE:
			default:
				return Article{}, fmt.Errorf("article %q sentence %d entity %d: unknown type %q", rec.ID, i, j, e.Type)
			}
			s.Mentions = append(s.Mentions, m)
			mcur = m.End
		}
		a.Sentences = append(a.Sentences, s)
		cursor = s.End
	}
	return a, nil
}

// checkHolder reports a holder that breaks the annotation rules: a favor or
// against sentence names whose stance it is, "author" or a name that occurs
// in the article text; a neutral sentence names none.
func checkHolder(s Sentence, text string) error {
	switch {
	case s.Stance == doc.Neutral && s.Holder != "":
		return fmt.Errorf("neutral sentence has holder %q", s.Holder)
	case s.Stance != doc.Neutral && strings.TrimSpace(s.Holder) == "":
		return fmt.Errorf("%s sentence has no holder", s.Stance)
	case s.Stance != doc.Neutral && s.Holder != doc.Author && !strings.Contains(text, s.Holder):
		return fmt.Errorf("holder %q does not occur in the text", s.Holder)
	}
	return nil
}

// findWord returns the offset of the first occurrence of w in s that is not
// inside a longer word, or of the first occurrence at all when there is none
// such; -1 when w does not occur.
func findWord(s, w string) int {
	first := strings.Index(s, w)
	for at, from := first, 0; at >= 0; {
		at += from
		before, _ := utf8.DecodeLastRuneInString(s[:at])
		after, _ := utf8.DecodeRuneInString(s[at+len(w):])
		if !isWordRune(before) && !isWordRune(after) {
			return at
		}
		from = at + 1
		at = strings.Index(s[from:], w)
	}
	return first
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}
