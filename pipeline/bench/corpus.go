// Package bench measures stancer end to end, as "make bench" reports it.
//
// It generates a deterministic corpus of news-like articles from the texts
// of the gold files (Pool), runs the stancer binary on it as a child process
// and measures throughput, peak memory and the time to the first output
// record (Measure), runs prose v2 on a slice of the same corpus for
// comparison (MeasureProse), and renders the results as a Markdown table
// (Report). Run does all of it.
//
// Sizes are in bytes; MB means 10⁶ bytes throughout.
package bench

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/input"
)

// generatorVersion names the recipe by which Generate turns a seed into
// articles. It is part of the Pool digest, so that a change of recipe never
// reuses a corpus cached by an older one; change it with the recipe.
const generatorVersion = "bench-corpus-1"

// A Pool is the material a corpus is made of: the headlines, sources and
// body paragraphs of a set of real articles.
type Pool struct {
	titles  []string
	sources []string
	// bodies holds the paragraphs of each article after its headline.
	bodies [][]string
	digest string
}

// LoadPool reads the articles of the JSON Lines files at paths (as the
// stancer reader does: "text", and "title" and "source" when present) and
// returns their Pool. A record that cannot be read is an error.
func LoadPool(paths []string) (*Pool, error) {
	if len(paths) == 0 {
		return nil, errors.New("bench: no files to build the corpus from")
	}
	r := input.Open(paths, input.Options{})
	defer r.Close()
	var arts []doc.Article
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("bench: reading the corpus material: %w", err)
		}
		if d.Err != nil {
			return nil, fmt.Errorf("bench: reading the corpus material: %s: %w", d.Input, d.Err)
		}
		arts = append(arts, d.Article)
	}
	return NewPool(arts)
}

// NewPool returns the Pool of arts. Paragraphs are separated by blank
// lines; an article's first paragraph is its headline, and its title field,
// when set, replaces it as the headline. Articles with no paragraph after
// the headline are left out; it is an error if none is left.
func NewPool(arts []doc.Article) (*Pool, error) {
	p := new(Pool)
	seen := make(map[string]bool)
	for _, a := range arts {
		paras := paragraphs(a.Text)
		if len(paras) < 2 {
			continue
		}
		title := paras[0]
		if a.Title != nil && *a.Title != "" {
			title = *a.Title
		}
		p.titles = append(p.titles, title)
		p.bodies = append(p.bodies, paras[1:])
		if a.Source != nil && *a.Source != "" && !seen[*a.Source] {
			seen[*a.Source] = true
			p.sources = append(p.sources, *a.Source)
		}
	}
	if len(p.bodies) == 0 {
		return nil, errors.New("bench: no article with a headline and a body to build the corpus from")
	}
	p.digest = p.hash()
	return p, nil
}

// paragraphs splits text at blank lines and returns the non-empty
// paragraphs, trimmed of surrounding white space.
func paragraphs(text string) []string {
	var ps []string
	for p := range strings.SplitSeq(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			ps = append(ps, p)
		}
	}
	return ps
}

// hash returns a short hex digest of the pool's content and the generator
// version: two pools with the same digest generate the same corpora.
func (p *Pool) hash() string {
	h := sha256.New()
	field := func(s string) {
		h.Write(strconv.AppendInt(nil, int64(len(s)), 10))
		h.Write([]byte{':'})
		h.Write([]byte(s))
	}
	field(generatorVersion)
	for i, t := range p.titles {
		field(t)
		for _, para := range p.bodies[i] {
			field(para)
		}
		field("") // ends the article
	}
	for _, s := range p.sources {
		field(s)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// Digest returns a short hex digest that identifies what the pool
// generates: pools with equal digests generate equal corpora.
func (p *Pool) Digest() string { return p.digest }

// Stats counts what Generate wrote.
type Stats struct {
	// Bytes is the size of the corpus, line terminators included.
	Bytes int64
	// Articles is the number of articles, one per line.
	Articles int
}

// Generate writes to w a corpus of at least size bytes, stopping after the
// first article that reaches it: JSON Lines articles with the fields id,
// title, url, date, source (left out when the pool has no sources) and
// text. The same pool and seed always give the same bytes, and the corpus
// of a smaller size is a prefix of that of a larger one.
//
// Each article takes a random headline and source, then one to three runs
// of two to six consecutive paragraphs, each run from a random article of
// the pool, so that it reads like real news: paragraphs keep their
// neighbours, bylines and site furniture included.
func (p *Pool) Generate(w io.Writer, size int64, seed uint64) (Stats, error) {
	bw := bufio.NewWriterSize(w, 1<<20)
	g := generator{pool: p, rng: newRNG(seed), seed: seed}
	g.enc = json.NewEncoder(&g.line)
	g.enc.SetEscapeHTML(false)
	var st Stats
	for st.Bytes < size {
		line, err := g.next(st.Articles)
		if err != nil {
			return st, err
		}
		if _, err := bw.Write(line); err != nil {
			return st, fmt.Errorf("bench: writing the corpus: %w", err)
		}
		st.Bytes += int64(len(line))
		st.Articles++
	}
	if err := bw.Flush(); err != nil {
		return st, fmt.Errorf("bench: writing the corpus: %w", err)
	}
	return st, nil
}

// record is one generated article, in the field order of its JSON line.
type record struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Date   string `json:"date"`
	Source string `json:"source,omitempty"`
	Text   string `json:"text"`
}

// generator draws the articles of one corpus.
type generator struct {
	pool *Pool
	rng  rng
	seed uint64
	text strings.Builder
	line bytes.Buffer
	enc  *json.Encoder
}

// dateSpan is the number of days from firstDate over which article dates
// are drawn: 36 years.
const dateSpan = 36 * 365

// firstDate is the earliest article date.
var firstDate = time.Date(1990, time.January, 1, 0, 0, 0, 0, time.UTC)

// next returns the JSON line of article n, valid until the next call.
func (g *generator) next(n int) ([]byte, error) {
	p, r := g.pool, &g.rng
	num := fmt.Sprintf("%07d", n)
	rec := record{
		ID:    "bench-" + strconv.FormatUint(g.seed, 10) + "-" + num,
		Title: p.titles[r.intn(len(p.titles))],
		URL:   "https://news.example/bench/" + num,
		Date:  firstDate.AddDate(0, 0, r.intn(dateSpan)).Format(time.DateOnly),
	}
	if len(p.sources) > 0 {
		rec.Source = p.sources[r.intn(len(p.sources))]
	}
	g.text.Reset()
	g.text.WriteString(rec.Title)
	for runs := 1 + r.intn(3); runs > 0; runs-- {
		body := p.bodies[r.intn(len(p.bodies))]
		k := min(2+r.intn(5), len(body))
		from := r.intn(len(body) - k + 1)
		for _, para := range body[from : from+k] {
			g.text.WriteString("\n\n")
			g.text.WriteString(para)
		}
	}
	rec.Text = g.text.String()
	g.line.Reset()
	if err := g.enc.Encode(&rec); err != nil {
		return nil, fmt.Errorf("bench: encoding article %d: %w", n, err)
	}
	return g.line.Bytes(), nil
}
