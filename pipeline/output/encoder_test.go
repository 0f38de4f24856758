package output

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/goldenfile"
)

var testMeta = Meta{Version: "stancer 0.1.0", Model: "test-model 1"}

// lines splits JSON Lines output into its records, checking that it ends
// with a newline.
func lines(t *testing.T, out []byte) [][]byte {
	t.Helper()
	if len(out) == 0 {
		return nil
	}
	if out[len(out)-1] != '\n' {
		t.Fatalf("output does not end with a newline: %q", out)
	}
	return bytes.SplitAfter(out[:len(out)-1], []byte{'\n'})
}

func TestGolden(t *testing.T) {
	for _, tt := range []struct {
		emit    Emit
		records int
	}{
		{Articles, 1},
		{Sentences, len(fixtureSentences)},
		{Entities, len(fixtureEntities)},
	} {
		t.Run(string(tt.emit), func(t *testing.T) {
			out, err := NewEncoder(tt.emit, testMeta).Append(nil, fixture())
			if err != nil {
				t.Fatal(err)
			}
			goldenfile.Check(t, filepath.Join("testdata", string(tt.emit)+".golden.jsonl"), out)
			recs := lines(t, out)
			if len(recs) != tt.records {
				t.Errorf("%d records, want %d", len(recs), tt.records)
			}
			for i, rec := range recs {
				if err := validate(tt.emit, rec); err != nil {
					t.Errorf("record %d: %v", i, err)
				}
			}
		})
	}
}

func TestGoldenError(t *testing.T) {
	out, err := AppendError(nil, failedFixture())
	if err != nil {
		t.Fatal(err)
	}
	goldenfile.Check(t, filepath.Join("testdata", "errors.golden.jsonl"), out)
	if err := validateError(out); err != nil {
		t.Error(err)
	}
	var rec struct{ Input, Error, Raw string }
	if err := json.Unmarshal(out, &rec); err != nil {
		t.Fatal(err)
	}
	d := failedFixture()
	want := strings.ToValidUTF8(string(d.Raw), "\uFFFD") // one bad byte here
	if rec.Input != d.Input || rec.Error != d.Err.Error() || rec.Raw != want {
		t.Errorf("got %+v, want input %q, error %q, raw %q", rec, d.Input, d.Err, want)
	}
}

// sentenceRecord is the part of a sentence object that offsets concern.
type sentenceRecord struct {
	Start, End int
	Text       string
	Mentions   []struct {
		Start, End int
		Text       string
	}
}

// TestCodePointOffsets checks that the offsets of every sentence and
// mention, counted in code points of the article text, select its text.
func TestCodePointOffsets(t *testing.T) {
	d := buildDoc(3)
	runes := []rune(d.Text)
	span := func(start, end int) string {
		if start < 0 || start > end || end > len(runes) {
			t.Fatalf("span [%d, %d) is not within the %d code points of text", start, end, len(runes))
		}
		return string(runes[start:end])
	}
	check := func(sentences []sentenceRecord) {
		t.Helper()
		if len(sentences) != len(d.Sentences) {
			t.Fatalf("%d sentences, want %d", len(sentences), len(d.Sentences))
		}
		m := 0
		for i, s := range sentences {
			want := d.Text[d.Sentences[i].Start:d.Sentences[i].End]
			if got := span(s.Start, s.End); got != want || s.Text != want {
				t.Errorf("sentence %d: text %q, span %q, want %q", i, s.Text, got, want)
			}
			for j, mr := range s.Mentions {
				want := d.Mentions[m].Text
				m++
				if got := span(mr.Start, mr.End); got != want || mr.Text != want {
					t.Errorf("sentence %d mention %d: text %q, span %q, want %q", i, j, mr.Text, got, want)
				}
			}
		}
		if m != len(d.Mentions) {
			t.Errorf("%d mentions, want %d", m, len(d.Mentions))
		}
	}

	out, err := NewEncoder(Articles, testMeta).Append(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	var article struct{ Sentences []sentenceRecord }
	if err := json.Unmarshal(out, &article); err != nil {
		t.Fatal(err)
	}
	check(article.Sentences)

	out, err = NewEncoder(Sentences, testMeta).Append(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	var sentences []sentenceRecord
	for _, rec := range lines(t, out) {
		var s sentenceRecord
		if err := json.Unmarshal(rec, &s); err != nil {
			t.Fatal(err)
		}
		sentences = append(sentences, s)
	}
	check(sentences)
}

// TestMentionOrder checks that mentions are written under their sentence
// whatever the order of Doc.Mentions across sentences, keeping their order
// within one.
func TestMentionOrder(t *testing.T) {
	d := buildDoc(2)
	want, err := NewEncoder(Articles, testMeta).Append(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(d.Mentions, func(a, b doc.Mention) int { return b.Sentence - a.Sentence })
	got, err := NewEncoder(Articles, testMeta).Append(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("mentions sorted by descending sentence give\n%s\nwant\n%s", got, want)
	}
}

// TestEncoderReuse checks that an Encoder carries nothing over from one
// article to the next.
func TestEncoderReuse(t *testing.T) {
	for _, emit := range []Emit{Articles, Sentences, Entities} {
		fresh, err := NewEncoder(emit, testMeta).Append(nil, fixture())
		if err != nil {
			t.Fatal(err)
		}
		e := NewEncoder(emit, testMeta)
		var got []byte
		for _, d := range []*doc.Doc{buildDoc(3), emptyDoc(), fixture()} {
			if got, err = e.Append(got[:0], d); err != nil {
				t.Fatal(err)
			}
		}
		if !bytes.Equal(got, fresh) {
			t.Errorf("%s: reused encoder gives\n%s\nwant\n%s", emit, got, fresh)
		}
	}
}

// emptyDoc returns an article with no text and nothing found in it.
func emptyDoc() *doc.Doc {
	return &doc.Doc{Article: doc.Article{ID: "empty"}, Stance: doc.ArticleStance{Label: doc.Neutral}}
}

func TestEmptyDoc(t *testing.T) {
	want := map[Emit]string{
		Articles: `{"id":"empty","stance":{"label":"neutral","score":0,"counts":{"favor":0,"against":0,"neutral":0}},` +
			`"entities":[],"sentences":[],"warnings":[],"meta":{"tokens":0,"version":"v","model":""}}` + "\n",
		Sentences: "",
		Entities:  "",
	}
	for emit, want := range want {
		got, err := NewEncoder(emit, Meta{Version: "v"}).Append([]byte{}, emptyDoc())
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s: got %q, want %q", emit, got, want)
		}
		for _, rec := range lines(t, got) {
			if err := validate(emit, rec); err != nil {
				t.Error(err)
			}
		}
	}
}

func TestNullHolderEntityAndOptionalFields(t *testing.T) {
	d := fixture()
	d.Title, d.Source = nil, nil
	date := "2024-01-31"
	d.Date = &date
	out, err := NewEncoder(Articles, testMeta).Append(nil, d)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, want := range []string{
		`{"id":"café-2024-01","url":"https://example.com/café","date":"2024-01-31","stance":`,
		`"holder":{"name":"author","entity":null}`,
		`"holder":{"name":"Marie Dupré","entity":0}`,
		`"holder":null`,
		`"confidence":0,"cues":[]`, // NaN confidence, nil cues
	} {
		if !strings.Contains(s, want) {
			t.Errorf("record lacks %s:\n%s", want, s)
		}
	}
}

func TestAppendRefusesFailedArticle(t *testing.T) {
	d := failedFixture()
	dst := []byte("kept")
	got, err := NewEncoder(Articles, testMeta).Append(dst, d)
	if err == nil || errors.Is(err, ErrInvalid) || !errors.Is(err, d.Err) {
		t.Errorf("Append of a failed article: error %v, want one wrapping %v and not ErrInvalid", err, d.Err)
	}
	if string(got) != "kept" {
		t.Errorf("Append of a failed article changed dst to %q", got)
	}
	if _, err := AppendError(nil, fixture()); err == nil {
		t.Error("AppendError of an article that did not fail: no error")
	}
}

func TestNewEncoderEmit(t *testing.T) {
	out, err := NewEncoder("", testMeta).Append(nil, fixture())
	if err != nil {
		t.Fatal(err)
	}
	if err := validate(Articles, out); err != nil {
		t.Errorf("the empty Emit does not write article records: %v", err)
	}
	defer func() {
		if recover() == nil {
			t.Error("NewEncoder(\"tokens\") did not panic")
		}
	}()
	NewEncoder("tokens", testMeta)
}

func TestAppendAllocations(t *testing.T) {
	d := buildDoc(4)
	for _, emit := range []Emit{Articles, Sentences, Entities} {
		e := NewEncoder(emit, testMeta)
		buf, err := e.Append(nil, d)
		if err != nil {
			t.Fatal(err)
		}
		allocs := testing.AllocsPerRun(20, func() { buf, _ = e.Append(buf[:0], d) })
		if allocs != 0 {
			t.Errorf("%s: %v allocations per article, want 0", emit, allocs)
		}
	}
}
