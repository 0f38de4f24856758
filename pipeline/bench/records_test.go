package bench

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestTokensOf(t *testing.T) {
	for _, tc := range []struct {
		record string
		want   int64
	}{
		{`{"id":"a","meta":{"tokens":433,"version":"stancer 0.1.0"}}`, 433},
		{`{"meta":{"tokens": 12}}`, 12},
		{`{"text":"the \"tokens\":99 quoted","meta":{"tokens":7}}`, 7},
		{`{"a":{"tokens":1},"meta":{"tokens":2}}`, 2},
		{`{"id":"a"}`, 0},
		{`{"meta":{"tokens":null}}`, 0},
		{``, 0},
	} {
		if got := tokensOf([]byte(tc.record)); got != tc.want {
			t.Errorf("tokensOf(%s) = %d, want %d", tc.record, got, tc.want)
		}
	}
}

func TestTail(t *testing.T) {
	tl := tail{n: 4}
	for _, tc := range []struct{ write, want string }{
		{"ab", "ab"},
		{"cd", "abcd"},
		{"e", "bcde"},
		{"fghij", "ghij"},
		{"k", "hijk"},
		{"lmn", "klmn"},
	} {
		tl.Write([]byte(tc.write))
		if got := string(tl.Bytes()); got != tc.want {
			t.Errorf("after writing %q: %q, want %q", tc.write, got, tc.want)
		}
	}
	tl.reset()
	if got := tl.Bytes(); len(got) != 0 {
		t.Errorf("after reset: %q", got)
	}
}

func TestRecordCounter(t *testing.T) {
	long := `{"text":"` + strings.Repeat("x", 3*recordTail) + `","meta":{"tokens":1000}}` + "\n"
	out := `{"meta":{"tokens":3}}` + "\n" + long + `{"meta":{"tokens":20}}` + "\n" + `{"meta":{"tokens":400}}`
	// Every way of cutting the output in two writes counts the same.
	for _, cut := range []int{0, 1, 10, 22, 23, len(long) / 2, len(out) - 5, len(out)} {
		c := newRecordCounter(time.Now())
		c.Write([]byte(out[:cut]))
		c.Write([]byte(out[cut:]))
		if c.records != 3 || c.tokens != 1023 {
			t.Errorf("cut at %d: %d records, %d tokens; want 3, 1023", cut, c.records, c.tokens)
		}
		if c.first <= 0 {
			t.Errorf("cut at %d: no time to the first record", cut)
		}
	}
}

func TestCountRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl")
	out := `{"meta":{"tokens":3}}` + "\n" + `{"text":"a\"tokens\":9","meta":{"tokens":20}}` + "\n"
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	records, tokens, err := countRecords(path)
	if err != nil || records != 2 || tokens != 23 {
		t.Errorf("countRecords = %d, %d, %v; want 2, 23, nil", records, tokens, err)
	}
	if _, _, err := countRecords(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("countRecords of a missing file: no error")
	}
}
