package input

import (
	"bytes"
	"fmt"

	"github.com/stancer/stancer/pipeline/doc"
)

// jsonDoc returns the article of the JSON Lines record line, found at
// input, or an error doc saying why the record is not one.
func (r *Reader) jsonDoc(line []byte, input string) *doc.Doc {
	p := &r.fields
	if err := p.parse(line); err != nil {
		return errorDoc(input, line, int64(len(line)), err)
	}
	text := p.vals[fieldText]
	if err := wantString(p.names[fieldText], text); err != nil {
		return errorDoc(input, line, int64(len(line)), err)
	}
	d := &doc.Doc{Article: doc.Article{Input: input}, Raw: bytes.Clone(line)}
	var s decoded
	s, p.scratch = decodeString(p.scratch, text)
	d.Text = s.text
	d.Warnings = s.warnings("")
	d.ID = r.id(d, p.vals[fieldID])
	var strs *[4]string // backs the pointers, one allocation for all
	for i, dst := range [...]**string{&d.Title, &d.URL, &d.Date, &d.Source} {
		k := fieldTitle + i
		if v := p.vals[k]; len(v) > 0 && v[0] == '"' {
			if strs == nil {
				strs = new([4]string)
			}
			strs[i] = r.str(d, k, v)
			*dst = &strs[i]
		}
	}
	return d
}

// wantString explains why val, the raw value of the field name, is not a
// string, or returns nil if it is one.
func wantString(name string, val []byte) error {
	switch {
	case val == nil:
		return fmt.Errorf("field %q is missing", name)
	case val[0] == '"':
		return nil
	case val[0] == 'n':
		return fmt.Errorf("field %q is null", name)
	}
	return fmt.Errorf("field %q is %s, want a string", name, kindOf(val))
}

// id returns the article id given by val, the raw value of the id field:
// a string, the literal text of a number, or, when val is absent or null,
// the article's location. Any other value is noted in d's warnings.
func (r *Reader) id(d *doc.Doc, val []byte) string {
	switch {
	case len(val) == 0 || val[0] == 'n':
		return d.Input
	case val[0] == '"':
		return r.str(d, fieldID, val)
	case val[0] == '-' || '0' <= val[0] && val[0] <= '9':
		return string(val)
	}
	d.Warnings = append(d.Warnings, fmt.Sprintf("field %q is %s, not a string or number; using the location as id", r.fields.names[fieldID], kindOf(val)))
	return d.Input
}

// str decodes the string val of field k, noting any repair in d's
// warnings.
func (r *Reader) str(d *doc.Doc, k int, val []byte) string {
	p := &r.fields
	var s decoded
	s, p.scratch = decodeString(p.scratch, val)
	d.Warnings = append(d.Warnings, s.warnings(p.names[k])...)
	return s.text
}

// textDoc returns the open plain-text input as one article.
func (r *Reader) textDoc() *doc.Doc {
	data, size, err := r.lines.rest()
	switch {
	case err != nil:
		return errorDoc(r.name, data, size, err)
	case size > r.opts.MaxBytes:
		return errorDoc(r.name, data, size, tooLarge(size, r.opts.MaxBytes))
	}
	var s decoded
	s, r.fields.scratch = repairUTF8(r.fields.scratch, data)
	return &doc.Doc{
		Article:  doc.Article{ID: r.name, Text: s.text, Input: r.name},
		Raw:      bytes.Clone(data),
		Warnings: s.warnings(""),
	}
}

// errorDoc returns a failed article found at input whose record, size
// bytes long, starts with raw. It keeps at most maxRaw bytes of the record
// and says so in the error when it keeps fewer than size.
func errorDoc(input string, raw []byte, size int64, err error) *doc.Doc {
	raw = raw[:min(len(raw), maxRaw)]
	if int64(len(raw)) < size {
		err = fmt.Errorf("%w (raw record cut to its first %d of %d bytes)", err, len(raw), size)
	}
	return &doc.Doc{
		Article: doc.Article{ID: input, Input: input},
		Raw:     bytes.Clone(raw),
		Err:     err,
	}
}

// tooLarge is the error of a record of size bytes, more than max.
func tooLarge(size, max int64) error {
	return fmt.Errorf("record is %d bytes, more than --max-bytes %d", size, max)
}
