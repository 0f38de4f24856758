package input

import (
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestReadMaxBytes(t *testing.T) {
	long := `{"text":"` + strings.Repeat("a", 99990) + `"}`
	tests := []readCase{
		{name: "JSON Lines",
			files: map[string]string{"a.jsonl": `{"text":"a"}` + "\n" + `{"text":"ab"}` + "\r\n" + `{"text":"c"}` + "\r\n" + `{"text":"abc"}`},
			opts:  Options{MaxBytes: 12},
			want: []string{
				`a.jsonl:1 id=a.jsonl:1 text="a"`,
				`a.jsonl:2 error: record is 13 bytes, more than --max-bytes 12 raw="{\"text\":\"ab\"}"`,
				`a.jsonl:3 id=a.jsonl:3 text="c"`,
				`a.jsonl:4 error: record is 14 bytes, more than --max-bytes 12 raw="{\"text\":\"abc\"}"`,
			}},
		{name: "overlong blank lines",
			files: map[string]string{"a.jsonl": "   \n" + strings.Repeat(" ", maxRaw) + "x\n" + `{"text":"a"}`},
			opts:  Options{MaxBytes: 12},
			want: []string{
				`a.jsonl:2 error: record is 65537 bytes, more than --max-bytes 12 (raw record cut to its first 65536 of 65537 bytes) raw="` + strings.Repeat(" ", maxRaw) + `"`,
				`a.jsonl:3 id=a.jsonl:3 text="a"`,
			}},
		{name: "raw cut",
			files: map[string]string{"a.jsonl": long + "\n" + `{"text":"after"}`},
			opts:  Options{MaxBytes: 1000},
			want: []string{
				`a.jsonl:1 error: record is 100001 bytes, more than --max-bytes 1000 (raw record cut to its first 65536 of 100001 bytes) raw="` +
					strings.ReplaceAll(long[:maxRaw], `"`, `\"`) + `"`,
				`a.jsonl:2 id=a.jsonl:2 text="after"`,
			}},
		{name: "plain text",
			files: map[string]string{"a.txt": "12345", "b.txt": "123456", "c.txt.gz": gz("1234567"), "d.txt": "\ufeff12345"},
			opts:  Options{MaxBytes: 5},
			want: []string{
				`a.txt id=a.txt text="12345"`,
				`b.txt error: record is 6 bytes, more than --max-bytes 5 raw="123456"`,
				`c.txt.gz error: record is 7 bytes, more than --max-bytes 5 raw="1234567"`,
				`d.txt id=d.txt text="12345"`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

// repeatReader reads as an endless run of its byte.
type repeatReader byte

func (c repeatReader) Read(p []byte) (int, error) {
	if len(p) > 0 {
		p[0] = byte(c)
		for n := 1; n < len(p); n *= 2 {
			copy(p[n:], p[:n])
		}
	}
	return len(p), nil
}

// allocated returns the bytes allocated by f.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// slowTests reports whether the long variants of tests were asked for.
func slowTests() bool { return os.Getenv("STANCER_SLOW_TESTS") != "" }

// bigInput returns the size of the input and the Options.MaxBytes for a
// memory test: a small pair by default, and with STANCER_SLOW_TESTS set
// the pair of the brief: 64 MiB (or 1 GiB for the gzip of zeros) and the
// default limit.
func bigInput(slow int64) (size, maxBytes int64) {
	if slowTests() {
		return slow, DefaultMaxBytes
	}
	return 16 << 20, 1 << 20
}

// memoryBound is the most a Reader may allocate reading an input far
// larger than maxBytes: a line buffer grown by doubling to maxBytes, the
// decompressor state and small change.
func memoryBound(maxBytes int64) uint64 {
	return uint64(2*maxBytes + 4<<20)
}

func TestReadOverlongLineInBoundedMemory(t *testing.T) {
	size, maxBytes := bigInput(64 << 20)
	const tail = `"}` + "\n" + `{"text":"ok"}` + "\n"
	stdin := io.MultiReader(strings.NewReader(`{"text":"`), io.LimitReader(repeatReader('a'), size), strings.NewReader(tail))
	r := Open(nil, Options{Stdin: stdin, MaxBytes: maxBytes})
	defer r.Close()
	var docs []string
	alloc := allocated(func() { docs = summaries(t, r, "") })
	n := strconv.FormatInt(size+11, 10)
	want := []string{
		`-:1 error: record is ` + n + ` bytes, more than --max-bytes ` + strconv.FormatInt(maxBytes, 10) +
			` (raw record cut to its first 65536 of ` + n + ` bytes) raw="{\"text\":\"` + strings.Repeat("a", maxRaw-9) + `"`,
		`-:2 id=-:2 text="ok"`,
	}
	if !slices.Equal(docs, want) {
		t.Errorf("got %.200q, want %.200q", docs, want)
	}
	if bound := memoryBound(maxBytes); alloc > bound {
		t.Errorf("reading a %d-byte line allocated %d bytes, want at most %d", size, alloc, bound)
	}
}

func TestReadZerosInBoundedMemory(t *testing.T) {
	size, maxBytes := bigInput(1 << 30)
	// A gzip stream of zero bytes without a newline, made of 1 MiB members.
	zeros := strings.Repeat(gz(strings.Repeat("\x00", 1<<20)), int(size>>20))
	n, limit := strconv.FormatInt(size, 10), strconv.FormatInt(maxBytes, 10)
	for _, tt := range []struct {
		name, prefix, want string
	}{
		{"plain text", "", `- error: record is ` + n + ` bytes, more than --max-bytes ` + limit + ` (raw record cut to its first 65536 of ` + n + ` bytes)`},
		{"JSON Lines", gz(`{"text":"`), `-:1 error: record is ` + strconv.FormatInt(size+9, 10) + ` bytes, more than --max-bytes ` + limit + ` `},
	} {
		r := Open(nil, Options{Stdin: strings.NewReader(tt.prefix + zeros), MaxBytes: maxBytes})
		var docs []string
		alloc := allocated(func() { docs = summaries(t, r, "") })
		r.Close()
		if len(docs) != 1 || !strings.HasPrefix(docs[0], tt.want) {
			t.Errorf("%s: got %.200q, want one doc %q", tt.name, docs, tt.want)
		}
		if bound := memoryBound(maxBytes); alloc > bound {
			t.Errorf("%s: reading %d bytes of zeros allocated %d bytes, want at most %d", tt.name, size, alloc, bound)
		}
	}
}
