package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// The fields of a record that a Reader keeps, as indexes into
// fieldParser.names and fieldParser.vals.
const (
	fieldText = iota
	fieldID
	fieldTitle
	fieldURL
	fieldDate
	fieldSource
	numFields
)

// fieldParser finds the fields a Reader keeps in a JSON Lines record.
type fieldParser struct {
	names [numFields]string
	// vals holds the raw JSON value of each field in the last record
	// parsed, nil when absent.
	vals    [numFields][]byte
	scan    scanner
	scratch []byte // decoded strings are built here
}

// init sets the names of the text and id fields.
func (p *fieldParser) init(text, id string) {
	p.names = [numFields]string{text, id, "title", "url", "date", "source"}
}

// parse finds the fields of line, which must be one JSON object. When a
// field occurs more than once the last occurrence counts, as with
// encoding/json.
func (p *fieldParser) parse(line []byte) error {
	p.vals = [numFields][]byte{}
	if p.object(line) {
		return nil
	}
	// The fast scanner does not explain failures: ask encoding/json,
	// which also decides should the two ever disagree.
	p.vals = [numFields][]byte{}
	var m map[string]json.RawMessage
	err := json.Unmarshal(line, &m)
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Errorf("invalid JSON at byte %d: %w", syntax.Offset, err)
	case errors.As(err, &typ), err == nil && m == nil:
		return fmt.Errorf("line is not a JSON object: it is %s", kindOf(bytes.TrimLeft(line, " \t\r\n")))
	case err != nil:
		return fmt.Errorf("invalid JSON: %w", err)
	}
	for k, name := range p.names {
		p.vals[k] = m[name]
	}
	return nil
}

// object scans line as one JSON object, recording the fields of interest.
// It reports false if line is anything else.
func (p *fieldParser) object(line []byte) bool {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return false
	}
	if j := skipSpace(line, i+1); j < len(line) && line[j] == '}' {
		return skipSpace(line, j+1) == len(line)
	}
	for {
		i = skipSpace(line, i+1) // past '{' or ','
		k := i
		if i = memberName(line, i); i < 0 {
			return false
		}
		key := bytes.TrimRight(line[k:i-1], " \t\r\n") // quoted name
		v := skipSpace(line, i)
		if i = p.scan.value(line, v, 1); i < 0 {
			return false
		}
		p.record(key, line[v:i])
		i = skipSpace(line, i)
		switch {
		case i >= len(line):
			return false
		case line[i] == '}':
			return skipSpace(line, i+1) == len(line)
		case line[i] != ',':
			return false
		}
	}
}

// record keeps val as the value of every field of interest named by key,
// a quoted JSON string.
func (p *fieldParser) record(key, val []byte) {
	name := key[1 : len(key)-1]
	if bytes.IndexByte(name, '\\') >= 0 || !utf8.Valid(name) {
		var s decoded
		s, p.scratch = decodeString(p.scratch, key)
		name = []byte(s.text)
	}
	for k, want := range p.names {
		if string(name) == want {
			p.vals[k] = val
		}
	}
}

// kindOf names the kind of the JSON value that starts val, with its
// article, for messages.
func kindOf(val []byte) string {
	if len(val) == 0 {
		return "empty"
	}
	switch val[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
