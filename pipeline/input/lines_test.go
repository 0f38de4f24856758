package input

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

var errBroken = errors.New("broken")

// line is one result of lineReader.next.
type line struct {
	text string
	size int64
	err  error
}

func TestLineReaderNext(t *testing.T) {
	long := strings.Repeat("x", 3*minBuf)
	huge := strings.Repeat("y", maxRaw+10)
	tests := []struct {
		name   string
		data   string
		broken bool // the source fails with errBroken after data
		limit  int
		want   []line
	}{
		{"empty", "", false, 100, nil},
		{"lines", "a\nbc\n\nd", false, 100,
			[]line{{"a", 1, nil}, {"bc", 2, nil}, {"", 0, nil}, {"d", 1, nil}}},
		{"crlf", "a\r\nb\r\n\r\nc\r", false, 100,
			[]line{{"a", 1, nil}, {"b", 1, nil}, {"", 0, nil}, {"c\r", 2, nil}}},
		{"lone cr kept", "a\rb\n", false, 100, []line{{"a\rb", 3, nil}}},
		{"final newline", "a\n", false, 100, []line{{"a", 1, nil}}},
		{"at limit", "12345\n123456\n", false, 5,
			[]line{{"12345", 5, nil}, {"123456", 6, nil}}},
		{"crlf at limit", "12345\r\n12", false, 5,
			[]line{{"12345", 5, nil}, {"12", 2, nil}}},
		{"overlong skipped", "12345678901234567890\nok\n", false, 5,
			[]line{{"12345678901234567890", 20, nil}, {"ok", 2, nil}}},
		{"overlong crlf", "1234567890\r\nok", false, 5,
			[]line{{"1234567890", 10, nil}, {"ok", 2, nil}}},
		{"overlong at eof", "1234567890", false, 5, []line{{"1234567890", 10, nil}}},
		{"long line grows buffer", long + "\nz", false, len(long),
			[]line{{long, int64(len(long)), nil}, {"z", 1, nil}}},
		{"overlong keeps head", huge + "\nz", false, 10,
			[]line{{huge[:maxRaw], int64(len(huge)), nil}, {"z", 1, nil}}},
		{"broken mid line", "a\nbc", true, 100,
			[]line{{"a", 1, nil}, {"bc", 2, errBroken}}},
		{"broken at line start", "a\n", true, 100,
			[]line{{"a", 1, nil}, {"", 0, errBroken}}},
		{"broken in overlong", "a\n1234567890", true, 5,
			[]line{{"a", 1, nil}, {"1234567890", 10, errBroken}}},
	}
	for _, tt := range tests {
		for _, oneByte := range []bool{false, true} {
			var src io.Reader = strings.NewReader(tt.data)
			if tt.broken {
				src = io.MultiReader(src, iotest.ErrReader(errBroken))
			}
			if oneByte {
				src = iotest.OneByteReader(src)
			}
			if got := readLines(src, tt.limit); !equalLines(got, tt.want) {
				t.Errorf("%s (one-byte reads %v): got %v, want %v", tt.name, oneByte, short(got), short(tt.want))
			}
		}
	}
}

func TestLineReaderStuckSource(t *testing.T) {
	want := []line{{"", 0, io.ErrNoProgress}}
	if got := readLines(stuckReader{}, 5); !equalLines(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// stuckReader returns nothing and no error, forever.
type stuckReader struct{}

func (stuckReader) Read([]byte) (int, error) { return 0, nil }

// readLines returns the results of lineReader.next on src up to the end or
// the first error.
func readLines(src io.Reader, limit int) []line {
	l := lineReader{limit: limit}
	l.reset(src)
	var got []line
	for {
		text, size, err := l.next()
		if err == io.EOF {
			return got
		}
		got = append(got, line{string(text), size, err})
		if err != nil {
			return got
		}
	}
}

func equalLines(a, b []line) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].text != b[i].text || a[i].size != b[i].size || !errors.Is(a[i].err, b[i].err) {
			return false
		}
	}
	return true
}

// short abbreviates long lines for messages.
func short(ls []line) []line {
	out := make([]line, len(ls))
	for i, l := range ls {
		if len(l.text) > 20 {
			l.text = l.text[:20] + "..."
		}
		out[i] = l
	}
	return out
}

func TestLineReaderRest(t *testing.T) {
	huge := strings.Repeat("z", maxRaw+1)
	tests := []struct {
		name   string
		data   string
		broken bool
		limit  int
		want   line
	}{
		{"empty", "", false, 10, line{"", 0, nil}},
		{"at limit", "0123456789", false, 10, line{"0123456789", 10, nil}},
		{"over limit", "0123456789a", false, 10, line{"0123456789a", 11, nil}},
		{"over limit keeps head", huge, false, 10, line{huge[:maxRaw], int64(len(huge)), nil}},
		{"large", huge, false, len(huge), line{huge, int64(len(huge)), nil}},
		{"broken", "abc", true, 10, line{"abc", 3, errBroken}},
		{"broken over limit", "0123456789abc", true, 10, line{"0123456789abc", 13, errBroken}},
	}
	for _, tt := range tests {
		var src io.Reader = strings.NewReader(tt.data)
		if tt.broken {
			src = io.MultiReader(src, iotest.ErrReader(errBroken))
		}
		l := lineReader{limit: tt.limit}
		l.reset(iotest.HalfReader(src))
		data, size, err := l.rest()
		if got := (line{string(data), size, err}); !equalLines([]line{got}, []line{tt.want}) {
			t.Errorf("%s: got %v, want %v", tt.name, short([]line{got}), short([]line{tt.want}))
		}
	}
}

func TestLineReaderSniff(t *testing.T) {
	tests := []struct {
		data    string
		limit   int
		want    byte
		wantOK  bool
		wantRem string // what next returns first, once the BOM is skipped
	}{
		{"", 100, 0, false, ""},
		{" \r\n\t", 100, 0, false, " "},
		{"\ufeff{}", 100, '{', true, "{}"},
		{"\ufeff \n x", 100, 'x', true, " "},
		{"a\ufeff", 100, 'a', true, "a\ufeff"},
		{"\xef\xbb", 100, 0xef, true, "\xef\xbb"},
		{"     x", 3, 0, false, "     x"},
	}
	for _, tt := range tests {
		l := lineReader{limit: tt.limit}
		l.reset(iotest.OneByteReader(strings.NewReader(tt.data)))
		l.skipBOM()
		c, ok := l.firstNonSpace()
		first, _, _ := l.next()
		if c != tt.want || ok != tt.wantOK || string(first) != tt.wantRem {
			t.Errorf("%q: got %q %v, then %q; want %q %v, then %q", tt.data, c, ok, first, tt.want, tt.wantOK, tt.wantRem)
		}
	}
}
