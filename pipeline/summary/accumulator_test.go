package summary_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/summary"
)

// rowText returns a compact form of a row for table tests:
// "name/type articles=1 favor|against|neutral=1|0|2 dates=first..last
// holders=a:2,b:1".
func rowText(r summary.Row) string {
	var hs []string
	for _, h := range r.TopHolders {
		hs = append(hs, fmt.Sprintf("%s:%d", h.Name, h.Sentences))
	}
	return fmt.Sprintf("%s/%s articles=%d favor|against|neutral=%d|%d|%d dates=%s..%s holders=%s",
		r.Name, r.Type, r.Articles, r.Favor, r.Against, r.Neutral, r.First, r.Last, strings.Join(hs, ","))
}

// Sentences of the records in TestAdd.
const (
	favorRudd = `{"text":"f","stance":{"label":"favor","score":0.5},"holder":{"name":"Amber Rudd","entity":0},"mentions":[{"entity":0},{"entity":0}]}`
	againstX  = `{"text":"a","stance":{"label":"against","score":-0.5},"holder":{"name":"","entity":null},"mentions":[{"entity":1},{"entity":7}]}`
	neutral   = `{"text":"n","stance":{"label":"neutral","score":0},"holder":null,"mentions":[{"entity":2}]}`
)

// Entities of the records in TestAdd: two entities share name and type.
const entities = `"entities":[{"id":0,"name":"Amber Rudd","type":"PERSON"},{"id":1,"name":"WhatsApp","type":"APP"},{"id":2,"name":"WhatsApp","type":"APP"},{"id":3,"name":"UK","type":"GPE"}]`

func TestAdd(t *testing.T) {
	records := []string{
		`{"id":"a","date":"2017-03-27T10:00:00Z","source":"S",` + entities + `,"sentences":[` + favorRudd + `,` + againstX + `,` + neutral + `]}`,
		`{"id":"b","date":"27 March 2017",` + entities + `,"sentences":[` + neutral + `]}`,
		`{"id":"c","date":"2017-02-30","source":"S","sentences":[]}`,
		`{"id":"d","date":"2016-12-01","source":"T","entities":[{"id":0,"name":"Signal","type":"APP"}],"sentences":[` + againstX + `]}`,
	}
	cases := []struct {
		by   summary.By
		want []string
	}{
		{summary.ByEntity, []string{
			// One sentence mentions entity 1 and the other entity 2 of
			// the same name and type: one group, each article once.
			"WhatsApp/APP articles=2 favor|against|neutral=0|1|2 dates=2017-03-27..2017-03-27 holders=unknown:1",
			"Amber Rudd/PERSON articles=2 favor|against|neutral=1|0|0 dates=2017-03-27..2017-03-27 holders=Amber Rudd:1",
			// Named but mentioned in no sentence; the mention of
			// entity 7, which no record has, counts nowhere.
			"UK/GPE articles=2 favor|against|neutral=0|0|0 dates=2017-03-27..2017-03-27 holders=",
			"Signal/APP articles=1 favor|against|neutral=0|0|0 dates=2016-12-01..2016-12-01 holders=",
		}},
		{summary.ByApp, []string{
			"WhatsApp/APP articles=2 favor|against|neutral=0|1|2 dates=2017-03-27..2017-03-27 holders=unknown:1",
			"Signal/APP articles=1 favor|against|neutral=0|0|0 dates=2016-12-01..2016-12-01 holders=",
		}},
		{summary.ByHolder, []string{
			"unknown/ articles=2 favor|against|neutral=0|2|0 dates=2016-12-01..2017-03-27 holders=unknown:2",
			"Amber Rudd/ articles=1 favor|against|neutral=1|0|0 dates=2017-03-27..2017-03-27 holders=Amber Rudd:1",
		}},
		{summary.BySource, []string{
			"S/ articles=2 favor|against|neutral=1|1|1 dates=2017-03-27..2017-03-27 holders=Amber Rudd:1,unknown:1",
			"T/ articles=1 favor|against|neutral=0|1|0 dates=2016-12-01..2016-12-01 holders=unknown:1",
			"unknown/ articles=1 favor|against|neutral=0|0|1 dates=.. holders=",
		}},
		{summary.ByDay, []string{
			"2016-12-01/ articles=1 favor|against|neutral=0|1|0 dates=2016-12-01..2016-12-01 holders=unknown:1",
			"2017-03-27/ articles=1 favor|against|neutral=1|1|1 dates=2017-03-27..2017-03-27 holders=Amber Rudd:1,unknown:1",
			"unknown/ articles=2 favor|against|neutral=0|0|1 dates=.. holders=",
		}},
		{summary.ByMonth, []string{
			"2016-12/ articles=1 favor|against|neutral=0|1|0 dates=2016-12-01..2016-12-01 holders=unknown:1",
			"2017-03/ articles=1 favor|against|neutral=1|1|1 dates=2017-03-27..2017-03-27 holders=Amber Rudd:1,unknown:1",
			"unknown/ articles=2 favor|against|neutral=0|0|1 dates=.. holders=",
		}},
	}
	for _, c := range cases {
		acc := summary.New(c.by)
		for _, line := range records {
			var r summary.Record
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatal(err)
			}
			acc.Add(&r)
		}
		var got []string
		for _, r := range acc.Rows() {
			got = append(got, rowText(r))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("by %s:\n got %s\nwant %s", c.by, strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
		}
		if acc.Len() != len(c.want) {
			t.Errorf("by %s: Len %d, want %d", c.by, acc.Len(), len(c.want))
		}
	}
}

func TestTopHoldersCapped(t *testing.T) {
	var sentences []string
	for i, name := range []string{"d", "c", "c", "b", "b", "a", "a", "e"} {
		sentences = append(sentences, fmt.Sprintf(`{"stance":{"label":"favor","score":%d},"holder":{"name":%q}}`, i%2, name))
	}
	var r summary.Record
	if err := json.Unmarshal([]byte(`{"id":"x","sentences":[`+strings.Join(sentences, ",")+`]}`), &r); err != nil {
		t.Fatal(err)
	}
	acc := summary.New(summary.BySource)
	acc.Add(&r)
	want := "unknown/ articles=1 favor|against|neutral=8|0|0 dates=.. holders=a:2,b:2,c:2"
	if got := rowText(acc.Rows()[0]); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestMergeDifferentGroupings(t *testing.T) {
	err := summary.New(summary.ByDay).Merge(summary.New(summary.ByMonth))
	if err == nil || !strings.Contains(err.Error(), "cannot merge a summary by month into one by day") {
		t.Errorf("got %v", err)
	}
}

func TestUnmarshalErrors(t *testing.T) {
	for _, c := range []struct{ json, err string }{
		{`{"by":"week","groups":[]}`, `unknown grouping "week"`},
		{`{"by":"day","groups":[{"name":"x"},{"name":"x"}]}`, `group "x" () occurs twice`},
		{`{"by":"day","groups":[null]}`, `null group`},
		{`{"by":"day","groups":{}}`, `cannot unmarshal object`},
		{`[`, `unexpected end`},
	} {
		var acc summary.Accumulator
		err := json.Unmarshal([]byte(c.json), &acc)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s: error %v, want one containing %q", c.json, err, c.err)
		}
	}
}

func TestNewPanicsOnUnknownGrouping(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New(\"week\") did not panic")
		}
	}()
	summary.New("week")
}

func TestParse(t *testing.T) {
	for _, by := range summary.Bys {
		if got, err := summary.ParseBy(string(by)); got != by || err != nil {
			t.Errorf("ParseBy(%q) = %q, %v", by, got, err)
		}
	}
	if _, err := summary.ParseBy("Entity"); err == nil || !strings.Contains(err.Error(), "entity, holder, source, day, month, app") {
		t.Errorf("ParseBy(Entity): %v", err)
	}
	for _, f := range []summary.Format{summary.JSONL, summary.CSV} {
		if got, err := summary.ParseFormat(string(f)); got != f || err != nil {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if _, err := summary.ParseFormat("tsv"); err == nil || !strings.Contains(err.Error(), "want jsonl or csv") {
		t.Errorf("ParseFormat(tsv): %v", err)
	}
}
