package pipeline_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/output/schema"
)

// fuzzMaxText is the longest text FuzzPipeline analyses. The fuzzing
// engine kills a worker whose call takes 10 s, and on a busy machine a
// longer text whose sentence never ends can take that long (the cost of a
// sentence grows faster than its length); the hostile inputs of the
// command's tests cover long texts.
const fuzzMaxText = 8 << 10

// emits lists every kind of record, so that each is encoded and checked.
var emits = []output.Emit{output.Articles, output.Sentences, output.Entities}

// FuzzPipeline runs the whole analysis on one article of arbitrary text and
// checks what a user relies on: no stage panics (a recovered panic sets
// d.Err), every record of every emit kind is valid by schema.Validate, the
// offsets of sentences and mentions are in range and select, in code
// points, exactly the text the record reports, and analysing and encoding
// the same article twice gives the same bytes.
func FuzzPipeline(f *testing.F) {
	// Load the models and compile the schemas here, in every worker, and
	// not in its first call, which the fuzzing engine gives 10 s too.
	p, err := pipeline.New(pipeline.Options{Workers: 1})
	if err != nil {
		f.Fatal(err)
	}
	examples := exampleTexts(f)
	encodeAll(f, p, doc.Article{ID: "warm-up", Text: examples[0]})
	for _, text := range examples {
		f.Add("example", text)
	}
	f.Add("", "")
	f.Add("a", " \t\r\n\u00a0\u2028\u2029\u200b\ufeff")
	f.Add("nul", "The minister\x00 said\x07 apps\x1b[31m must \x7f open up.")
	f.Add("bidi", "\u202eWhatsApp\u202c said \u2066Amber Rudd\u2069 was wrong.\u200d Apple agreed.")
	f.Add("crlf", "Share\r\nAmber Rudd said encryption helps terrorists.\r\n\r\nRead more\r\n")
	f.Add("marks", "Mr. A. B. Smith of Apple Inc. said: \"No!\" ... \"Never?!\" (FBI.) U.S. officials...")
	f.Add("astral", "𝕬𝖒𝖇𝖊𝖗 said 🔐 is 👍🏽. Ｗｈａｔｓａｐｐ 公司 said 加密 is good. e\u0301\u0301\u0301.")
	f.Fuzz(func(t *testing.T, id, text string) {
		if len(text) > fuzzMaxText {
			t.Skip("text too long to analyse in the time a fuzzing call has")
		}
		a := doc.Article{ID: id, Text: strings.ToValidUTF8(text, "\uFFFD"), Input: "fuzz:1"}
		first := encodeAll(t, p, a)
		if second := encodeAll(t, p, a); !bytes.Equal(first, second) {
			t.Fatalf("two runs on %q differ:\n%s\n%s", a.Text, first, second)
		}
	})
}

// exampleTexts returns the texts of the example articles of the repository.
func exampleTexts(f *testing.F) []string {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "examples", "articles.jsonl"))
	if err != nil {
		f.Fatal(err)
	}
	var texts []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			f.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	if err := sc.Err(); err != nil {
		f.Fatal(err)
	}
	return texts
}

// encodeAll analyses a, writes its records of every emit kind with an
// output.Writer, checks them, and returns them concatenated.
func encodeAll(t testing.TB, p *pipeline.Pipeline, a doc.Article) []byte {
	t.Helper()
	d := p.Process(a)
	if d.Err != nil {
		t.Fatalf("Process(%q): %v", a.Text, d.Err)
	}
	meta := output.Meta{Version: pipeline.Version, Model: p.Model()}
	var all []byte
	for _, emit := range emits {
		var buf bytes.Buffer
		w := output.NewWriter(&buf, emit, meta)
		if err := w.Write(d); err != nil {
			t.Fatalf("%s of %q: %v", emit, a.Text, err)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		checkRecords(t, emit, d, buf.Bytes())
		all = append(all, buf.Bytes()...)
	}
	return all
}

// span is the part of a sentence or mention record that locates it.
type span struct {
	Start, End int
	Text       string
}

// sentenceRecord is what checkRecords reads of a sentence object.
type sentenceRecord struct {
	span
	Mentions []span
}

// checkRecords checks the records of kind emit that d gave: as many as d
// calls for, each valid, and each span selecting its text from d.Text.
func checkRecords(t testing.TB, emit output.Emit, d *doc.Doc, records []byte) {
	t.Helper()
	lines := bytes.SplitAfter(records, []byte{'\n'})
	lines = lines[:len(lines)-1] // after the last newline
	want := map[output.Emit]int{output.Articles: 1, output.Sentences: len(d.Sentences), output.Entities: len(d.Entities)}[emit]
	if len(lines) != want || len(records) > 0 && records[len(records)-1] != '\n' {
		t.Fatalf("%s of %q: %d lines %q, want %d", emit, d.Text, len(lines), records, want)
	}
	var sentences []sentenceRecord
	for _, line := range lines {
		if err := schema.Validate(emit, line); err != nil {
			t.Fatalf("%s of %q: %v\n%s", emit, d.Text, err, line)
		}
		switch emit {
		case output.Articles:
			var a struct{ Sentences []sentenceRecord }
			unmarshal(t, line, &a)
			sentences = append(sentences, a.Sentences...)
		case output.Sentences:
			var s sentenceRecord
			unmarshal(t, line, &s)
			sentences = append(sentences, s)
		}
	}
	runes := []rune(d.Text)
	for _, s := range sentences {
		checkSpan(t, runes, s.span)
		for _, m := range s.Mentions {
			checkSpan(t, runes, m)
		}
	}
}

// checkSpan checks that s lies inside the text of runes and that its text
// is the text there.
func checkSpan(t testing.TB, runes []rune, s span) {
	t.Helper()
	if s.Start < 0 || s.Start > s.End || s.End > len(runes) {
		t.Fatalf("span [%d, %d) %q is out of the %d code points of %q", s.Start, s.End, s.Text, len(runes), string(runes))
	}
	if got := string(runes[s.Start:s.End]); got != s.Text {
		t.Fatalf("span [%d, %d) of %q is %q, but the record says %q", s.Start, s.End, string(runes), got, s.Text)
	}
}

// unmarshal decodes the JSON record line into v.
func unmarshal(t testing.TB, line []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(line, v); err != nil {
		t.Fatalf("%v: %s", err, line)
	}
}
