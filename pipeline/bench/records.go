package bench

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"time"
)

// tail is an io.Writer that keeps the last n bytes written to it.
type tail struct {
	buf []byte
	n   int
}

// Write keeps the end of p; it never fails.
func (t *tail) Write(p []byte) (int, error) {
	if len(p) >= t.n {
		t.buf = append(t.buf[:0], p[len(p)-t.n:]...)
		return len(p), nil
	}
	t.buf = append(t.buf, p...)
	if len(t.buf) > 2*t.n { // trim now and then, not on every write
		t.buf = t.buf[:copy(t.buf, t.buf[len(t.buf)-t.n:])]
	}
	return len(p), nil
}

// Bytes returns the last n bytes written, or all of them if fewer.
func (t *tail) Bytes() []byte {
	if len(t.buf) > t.n {
		return t.buf[len(t.buf)-t.n:]
	}
	return t.buf
}

// reset forgets what was written.
func (t *tail) reset() { t.buf = t.buf[:0] }

// recordTail is how much of the end of each record a recordCounter keeps
// to find its token count: the "meta" object, which comes last, is far
// smaller.
const recordTail = 4 << 10

// tokensKey precedes the token count in a record's "meta". In JSON text a
// quote inside a string is escaped, so this can only be a member name.
var tokensKey = []byte(`"tokens":`)

// A recordCounter is an io.Writer that receives a child's standard output
// and counts its records, complete lines of JSON, adding up their token
// counts and noting when the first one ended.
type recordCounter struct {
	start   time.Time
	first   time.Duration // since start, at the end of the first record
	records int64
	tokens  int64
	line    tail // end of the current line
}

// newRecordCounter returns a recordCounter timing from start.
func newRecordCounter(start time.Time) *recordCounter {
	return &recordCounter{start: start, line: tail{n: recordTail}}
}

// Write counts the records that p completes; it never fails.
func (c *recordCounter) Write(p []byte) (int, error) {
	n := len(p)
	for {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			c.line.Write(p)
			return n, nil
		}
		c.line.Write(p[:i])
		c.endRecord()
		p = p[i+1:]
	}
}

// endRecord counts the record whose end is in c.line.
func (c *recordCounter) endRecord() {
	if c.records == 0 {
		c.first = time.Since(c.start)
	}
	c.records++
	c.tokens += tokensOf(c.line.Bytes())
	c.line.reset()
}

// tokensOf returns the integer after the last tokensKey in b, or 0 if there
// is none.
func tokensOf(b []byte) int64 {
	i := bytes.LastIndex(b, tokensKey)
	if i < 0 {
		return 0
	}
	b = bytes.TrimLeft(b[i+len(tokensKey):], " \t")
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int64(c-'0')
	}
	return n
}

// countRecords returns the number of records in the file at path and the
// sum of their token counts, as a recordCounter counts them.
func countRecords(path string) (records, tokens int64, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	c := newRecordCounter(time.Now())
	if _, err := io.Copy(c, f); err != nil {
		return 0, 0, fmt.Errorf("bench: counting the records of %s: %w", path, err)
	}
	return c.records, c.tokens, nil
}
