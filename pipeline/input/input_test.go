package input

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// A readCase reads files written to a temporary directory and compares a
// summary of each doc with want.
type readCase struct {
	name  string
	files map[string]string
	paths []string // relative to the directory; nil means the directory itself
	stdin string
	opts  Options
	want  []string
}

func (c readCase) run(t *testing.T) {
	dir := fixture(t, c.files)
	paths := []string{dir}
	if c.paths != nil {
		paths = nil
		for _, p := range c.paths {
			if p != "-" {
				p = filepath.Join(dir, p)
			}
			paths = append(paths, p)
		}
	}
	opts := c.opts
	opts.Stdin = strings.NewReader(c.stdin)
	r := Open(paths, opts)
	defer r.Close()
	got := summaries(t, r, dir)
	if !slices.Equal(got, c.want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
	}
}

func TestReadJSONLines(t *testing.T) {
	tests := []readCase{
		{name: "fields",
			files: map[string]string{"a.jsonl": `{"id":"a1","text":"Hello.","title":"T","url":"U","date":"2017-03-27","source":"S","extra":[1]}` + "\n"},
			want:  []string{`a.jsonl:1 id=a1 text="Hello." title="T" url="U" date="2017-03-27" source="S"`}},
		{name: "id forms",
			files: map[string]string{"a.jsonl": `{"id":12,"text":"a"}
{"id":-1.5e3,"text":"b"}
{"text":"c"}
{"id":null,"text":"d"}
{"id":true,"text":"e"}
{"id":"\u00e9t\u00e9","text":"f"}
`},
			want: []string{
				`a.jsonl:1 id=12 text="a"`,
				`a.jsonl:2 id=-1.5e3 text="b"`,
				`a.jsonl:3 id=a.jsonl:3 text="c"`,
				`a.jsonl:4 id=a.jsonl:4 text="d"`,
				`a.jsonl:5 id=a.jsonl:5 text="e" warnings=["field \"id\" is a boolean, not a string or number; using the location as id"]`,
				`a.jsonl:6 id=été text="f"`,
			}},
		{name: "bad text field",
			files: map[string]string{"a.jsonl": `{"id":"x"}
{"text":null}
{"text":3}
{"text":{"a":"b"}}
{"text":["a"]}
{"text":false}
{"Text":"wrong case"}
`},
			want: []string{
				`a.jsonl:1 error: field "text" is missing raw="{\"id\":\"x\"}"`,
				`a.jsonl:2 error: field "text" is null raw="{\"text\":null}"`,
				`a.jsonl:3 error: field "text" is a number, want a string raw="{\"text\":3}"`,
				`a.jsonl:4 error: field "text" is an object, want a string raw="{\"text\":{\"a\":\"b\"}}"`,
				`a.jsonl:5 error: field "text" is an array, want a string raw="{\"text\":[\"a\"]}"`,
				`a.jsonl:6 error: field "text" is a boolean, want a string raw="{\"text\":false}"`,
				`a.jsonl:7 error: field "text" is missing raw="{\"Text\":\"wrong case\"}"`,
			}},
		{name: "not objects",
			files: map[string]string{"a.jsonl": "[1,2]\n\"text\"\nnull\n{\"text\":\"a\"} trailing\n{\"text\":\"a\"\nnot json at all\n"},
			want: []string{
				`a.jsonl:1 error: line is not a JSON object: it is an array raw="[1,2]"`,
				`a.jsonl:2 error: line is not a JSON object: it is a string raw="\"text\""`,
				`a.jsonl:3 error: line is not a JSON object: it is null raw="null"`,
				`a.jsonl:4 error: invalid JSON at byte 14: invalid character 't' after top-level value raw="{\"text\":\"a\"} trailing"`,
				`a.jsonl:5 error: invalid JSON at byte 11: unexpected end of JSON input raw="{\"text\":\"a\""`,
				`a.jsonl:6 error: invalid JSON at byte 2: invalid character 'o' in literal null (expecting 'u') raw="not json at all"`,
			}},
		{name: "other fields of other types are ignored",
			files: map[string]string{"a.jsonl": `{"text":"a","title":5,"url":null,"date":{},"source":[]}` + "\n"},
			want:  []string{`a.jsonl:1 id=a.jsonl:1 text="a"`}},
		{name: "blank lines, CRLF and BOM",
			files: map[string]string{"a.jsonl": "\ufeff{\"text\":\"a\"}\r\n\r\n  \t \n\n{\"text\":\"b\"}\r\n\ufeff{\"text\":\"c\"}\n{\"text\":\"d\"}"},
			want: []string{
				`a.jsonl:1 id=a.jsonl:1 text="a"`,
				`a.jsonl:5 id=a.jsonl:5 text="b"`,
				`a.jsonl:6 error: invalid JSON at byte 1: invalid character 'ï' looking for beginning of value raw="\ufeff{\"text\":\"c\"}"`,
				`a.jsonl:7 id=a.jsonl:7 text="d"`,
			}},
		{name: "escapes and control characters",
			files: map[string]string{"a.jsonl": `{"text":"tab\there \"q\" \u00e9 \ud83d\ude00 nul\u0000 \u001f"}` + "\n"},
			want:  []string{`a.jsonl:1 id=a.jsonl:1 text="tab\there \"q\" é 😀 nul\x00 \x1f"`}},
		{name: "invalid UTF-8",
			files: map[string]string{"a.jsonl": "{\"text\":\"a\xffb\xe2\x82c\",\"title\":\"t\xc0\"}\n{\"text\":\"lone \\ud800 surrogate\"}\n"},
			want: []string{
				"a.jsonl:1 id=a.jsonl:1 text=\"a\ufffdb\ufffd\ufffdc\" title=\"t\ufffd\"" +
					` warnings=["invalid UTF-8 replaced by U+FFFD (3 bytes)" "invalid UTF-8 in field \"title\" replaced by U+FFFD (1 byte)"]`,
				"a.jsonl:2 id=a.jsonl:2 text=\"lone \ufffd surrogate\"" +
					` warnings=["unpaired UTF-16 surrogate escape replaced by U+FFFD (1 escape)"]`,
			}},
		{name: "duplicate fields take the last",
			files: map[string]string{"a.jsonl": `{"text":"first","text":"last","id":"1","id":"2"}` + "\n"},
			want:  []string{`a.jsonl:1 id=2 text="last"`}},
		{name: "renamed fields",
			files: map[string]string{"a.jsonl": `{"body":"b","uid":"u","text":"t","id":"i"}` + "\n" + `{"text":"t"}` + "\n"},
			opts:  Options{TextField: "body", IDField: "uid"},
			want: []string{
				`a.jsonl:1 id=u text="b"`,
				`a.jsonl:2 error: field "body" is missing raw="{\"text\":\"t\"}"`,
			}},
		{name: "deep nesting",
			files: map[string]string{"a.jsonl": `{"text":"ok","x":` + strings.Repeat("[", 200000) + "\n" + strings.Repeat("[", 200000) + "\n" + `{"text":"after"}` + "\n"},
			want: []string{
				`a.jsonl:1 error: invalid JSON at byte 10017: invalid character '[' exceeded max depth (raw record cut to its first 65536 of 200017 bytes)` +
					` raw="{\"text\":\"ok\",\"x\":` + strings.Repeat("[", maxRaw-17) + `"`,
				`a.jsonl:2 error: invalid JSON at byte 10001: invalid character '[' exceeded max depth (raw record cut to its first 65536 of 200000 bytes)` +
					` raw="` + strings.Repeat("[", maxRaw) + `"`,
				`a.jsonl:3 id=a.jsonl:3 text="after"`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

func TestReadFormats(t *testing.T) {
	lines := `{"id":"1","text":"one"}` + "\n" + `{"id":"2","text":"two"}` + "\n"
	tests := []readCase{
		{name: "gzip",
			files: map[string]string{"a.jsonl.gz": gz(lines)},
			want:  []string{`a.jsonl.gz:1 id=1 text="one"`, `a.jsonl.gz:2 id=2 text="two"`}},
		{name: "zstd",
			files: map[string]string{"a.jsonl.zst": zst(lines)},
			want:  []string{`a.jsonl.zst:1 id=1 text="one"`, `a.jsonl.zst:2 id=2 text="two"`}},
		{name: "multi-member gzip",
			files: map[string]string{"a.gz": gz(`{"text":"one"}`+"\n") + gz(`{"text":"two"}`)},
			want:  []string{`a.gz:1 id=a.gz:1 text="one"`, `a.gz:2 id=a.gz:2 text="two"`}},
		{name: "compression found by magic, not by name",
			files: map[string]string{"gzip.jsonl": gz(lines), "plain.jsonl.gz": lines, "zstd.txt": zst("zstd text")},
			want: []string{
				`gzip.jsonl:1 id=1 text="one"`, `gzip.jsonl:2 id=2 text="two"`,
				`plain.jsonl.gz:1 id=1 text="one"`, `plain.jsonl.gz:2 id=2 text="two"`,
				`zstd.txt id=zstd.txt text="zstd text"`,
			}},
		{name: "format by name",
			files: map[string]string{
				"a.json": `{"text":"j"}`, "b.ndjson": `{"text":"n"}`, "c.JSONL": `{"text":"l"}`,
				"d.txt": `{"text":"t"}`, "e.txt.gz": gz(`{"text":"g"}`), "f.json": "plain",
			},
			want: []string{
				`a.json:1 id=a.json:1 text="j"`, `b.ndjson:1 id=b.ndjson:1 text="n"`, `c.JSONL:1 id=c.JSONL:1 text="l"`,
				`d.txt id=d.txt text="{\"text\":\"t\"}"`, `e.txt.gz id=e.txt.gz text="{\"text\":\"g\"}"`,
				`f.json:1 error: invalid JSON at byte 1: invalid character 'p' looking for beginning of value raw="plain"`,
			}},
		{name: "format sniffed",
			files: map[string]string{
				"a": "\ufeff \n{\"text\":\"j\"}", "b.gz": gz("\n\n  {\"text\":\"g\"}"), "c": "Plain {text}.\n",
				"d.dat": " \"quoted\"", "e": "", "f": " \n\t", "g.gz": gz(""),
			},
			want: []string{
				`a:2 id=a:2 text="j"`, `b.gz:3 id=b.gz:3 text="g"`, `c id=c text="Plain {text}.\n"`,
				`d.dat id=d.dat text=" \"quoted\""`,
			}},
		{name: "plain text",
			files: map[string]string{
				"a.txt": "\ufeffLine one.\r\nLine two.\x00\x01\n", "b.txt": "", "c.txt": "bad \xff\xfe end",
			},
			want: []string{
				`a.txt id=a.txt text="Line one.\r\nLine two.\x00\x01\n"`,
				`b.txt id=b.txt text=""`,
				"c.txt id=c.txt text=\"bad \ufffd\ufffd end\" warnings=[\"invalid UTF-8 replaced by U+FFFD (2 bytes)\"]",
			}},
		{name: "broken plain text",
			files: map[string]string{"a.txt.gz": gz("some text")[:12], "b.txt": "next"},
			want:  []string{`a.txt.gz error: gzip stream: unexpected EOF raw=""`, `b.txt id=b.txt text="next"`}},
		{name: "standard input",
			paths: []string{"-"},
			stdin: "{\"text\":\"a\"}\n\n{\"text\":3}\n",
			want:  []string{`-:1 id=-:1 text="a"`, `-:3 error: field "text" is a number, want a string raw="{\"text\":3}"`}},
		{name: "standard input, plain text",
			paths: []string{"-"},
			stdin: "Some words.",
			want:  []string{`- id=- text="Some words."`}},
		{name: "standard input, gzip",
			paths: []string{"-"},
			stdin: gz(lines),
			want:  []string{`-:1 id=1 text="one"`, `-:2 id=2 text="two"`}},
		{name: "no paths read standard input",
			paths: []string{},
			stdin: `{"text":"a"}`,
			want:  []string{`-:1 id=-:1 text="a"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

func TestReadBrokenStreams(t *testing.T) {
	var lines []string
	for i := range 2000 { // 400 kB, several zstd blocks
		lines = append(lines, `{"text":"line `+strconv.Itoa(i)+strings.Repeat(" words", 30)+`"}`)
	}
	all := strings.Join(lines, "\n") + "\n"
	half := func(s string) string { return s[:len(s)/2] }
	badCRC := func(s string) string { return s[:len(s)-8] + "XXXX" + s[len(s)-4:] }
	tests := []struct {
		name, file, data string
		wantErr          string
		wantGood         string // how many records come before the error: all, some or none
	}{
		{"truncated gzip", "a.jsonl.gz", half(gz(all)), "gzip stream: unexpected EOF", "some"},
		{"truncated zstd", "a.jsonl.zst", half(zst(all)), "zstd stream: unexpected EOF", "some"},
		{"gzip checksum", "a.jsonl.gz", badCRC(gz(all)), "gzip stream: gzip: invalid checksum", "all"},
		{"gzip header", "a.jsonl.gz", "\x1f\x8b\x08", "gzip stream: unexpected EOF", "none"},
		{"zstd header", "a.jsonl.zst", "\x28\xb5\x2f\xfd\xff\xff", "zstd stream: reserved bit set on frame header", "none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := fixture(t, map[string]string{tt.file: tt.data, "b.txt": "next file"})
			r := Open([]string{dir}, Options{})
			defer r.Close()
			docs := readAll(t, r)
			if len(docs) < 2 {
				t.Fatalf("got %d docs, want records, an error, and the next file", len(docs))
			}
			good, broken, next := docs[:len(docs)-2], docs[len(docs)-2], docs[len(docs)-1]
			name := filepath.Join(dir, tt.file)
			for i, d := range good {
				if d.Err != nil || d.Input != name+":"+strconv.Itoa(i+1) || string(d.Raw) != lines[i] {
					t.Fatalf("doc %d: %s; want record %d", i, summary(d, dir), i+1)
				}
			}
			gotGood := "some"
			switch len(good) {
			case 0:
				gotGood = "none"
			case len(lines):
				gotGood = "all"
			}
			if gotGood != tt.wantGood {
				t.Errorf("got %d of %d records before the error, want %s", len(good), len(lines), tt.wantGood)
			}
			wantInput := name + ":" + strconv.Itoa(len(good)+1)
			if broken.Input != wantInput || broken.Err == nil || broken.Err.Error() != tt.wantErr ||
				len(good) < len(lines) && !strings.HasPrefix(lines[len(good)], string(broken.Raw)) {
				t.Errorf("got %s; want input %s, error %q", summary(broken, dir), wantInput, tt.wantErr)
			}
			if next.Text != "next file" {
				t.Errorf("after the broken file got %s, want the next file", summary(next, dir))
			}
		})
	}
}
