package input

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"sync/atomic"
	"testing"
	"unicode/utf8"
)

// fuzzMaxBytes is small so that fuzzing reaches overlong lines.
const fuzzMaxBytes = 256

// FuzzReadJSONL reads data as a .jsonl file and checks that no record is
// lost or wrong: one doc per record (non-blank line), in order, each valid UTF-8,
// an error exactly when encoding/json finds no object with a string text
// field in the line (or the line is too long), and otherwise the text
// encoding/json decodes.
func FuzzReadJSONL(f *testing.F) {
	dir := f.TempDir()
	var files atomic.Int64
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, strconv.FormatInt(files.Add(1), 10)+".jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(path)
		r := Open([]string{path}, Options{MaxBytes: fuzzMaxBytes})
		defer r.Close()
		docs := readAll(t, r) // checks Seq
		for _, d := range docs {
			if !utf8.ValidString(d.Text) || !utf8.ValidString(d.ID) {
				t.Fatalf("%s: text %q or id %q is not valid UTF-8", d.Input, d.Text, d.ID)
			}
		}
		if bytes.HasPrefix(data, gzipMagic) || bytes.HasPrefix(data, zstdMagic) || isZstdSkippable(data[:min(4, len(data))]) {
			return // compressed: the lines are not those of data
		}
		lines := records(data)
		if len(docs) != len(lines) {
			t.Fatalf("got %d docs for %d non-blank lines", len(docs), len(lines))
		}
		var p fieldParser
		p.init("text", "id")
		for i, l := range lines {
			d := docs[i]
			if want := path + ":" + strconv.Itoa(l.no); d.Input != want {
				t.Fatalf("doc %d: input %s, want %s", i, d.Input, want)
			}
			text, ok := jsonText(l.text)
			if len(l.text) > fuzzMaxBytes {
				ok = false
			}
			switch {
			case ok != (d.Err == nil):
				t.Fatalf("%s %q: error %v, want an error %v", d.Input, l.text, d.Err, !ok)
			case ok && d.Text != text:
				t.Fatalf("%s %q: text %q, want %q", d.Input, l.text, d.Text, text)
			case ok && !bytes.Equal(d.Raw, l.text):
				t.Fatalf("%s %q: raw %q", d.Input, l.text, d.Raw)
			}
			if got, want := p.object(l.text), isJSONObject(l.text); got != want {
				t.Fatalf("%q: scanner says object %v, encoding/json %v", l.text, got, want)
			}
		}
	})
}

// numberedLine is a line of input and its number, from 1.
type numberedLine struct {
	no   int
	text []byte
}

// records splits data as a Reader should: a leading BOM dropped, "\n" or
// "\r\n" ending lines, lines of white space skipped unless longer than
// fuzzMaxBytes.
func records(data []byte) []numberedLine {
	data = bytes.TrimPrefix(data, bom)
	var out []numberedLine
	for no := 1; len(data) > 0; no++ {
		line, rest, found := bytes.Cut(data, []byte{'\n'})
		if found {
			line = bytes.TrimSuffix(line, []byte{'\r'})
		}
		if !isBlank(line) || len(line) > fuzzMaxBytes {
			out = append(out, numberedLine{no, line})
		}
		data = rest
	}
	return out
}

// jsonText returns the text field of line as encoding/json reads it, and
// whether line is an object with a string text field.
func jsonText(line []byte) (string, bool) {
	var m map[string]json.RawMessage
	if json.Unmarshal(line, &m) != nil || m == nil {
		return "", false
	}
	var text string
	raw, ok := m["text"]
	return text, ok && raw[0] == '"' && json.Unmarshal(raw, &text) == nil
}
