package input

import (
	"bytes"
	"io"
)

const (
	// minBuf is the initial size of a lineReader's buffer.
	minBuf = 64 << 10
	// maxRaw is how many bytes of a failed record an error doc keeps.
	maxRaw = 64 << 10
	// maxEmptyReads is how many reads in a row may return nothing before
	// a source is declared stuck.
	maxEmptyReads = 100
)

// bom is the UTF-8 encoding of U+FEFF, the byte order mark.
var bom = []byte{0xef, 0xbb, 0xbf}

// lineReader splits a stream into lines. Its buffer grows only as far as a
// line it must return whole: a line longer than limit is streamed past,
// keeping only its first maxRaw bytes, so memory stays bounded whatever the
// input.
type lineReader struct {
	src   io.Reader
	buf   []byte
	r, w  int    // the unread bytes are buf[r:w]
	err   error  // the error that ended src, reported once buf is drained
	limit int    // longest line returned whole
	head  []byte // the first bytes of the last overlong line
}

// reset makes l read src from its start, keeping the buffers.
func (l *lineReader) reset(src io.Reader) {
	l.src = src
	l.r, l.w = 0, 0
	l.err = nil
}

// fill reads more of src into the buffer, moving the unread bytes to its
// front and growing it when they fill it. It reports whether any bytes
// arrived; when not, l.err is set.
func (l *lineReader) fill() bool {
	if l.err != nil {
		return false
	}
	if l.r > 0 {
		l.w = copy(l.buf, l.buf[l.r:l.w])
		l.r = 0
	}
	if l.w == len(l.buf) {
		l.grow()
	}
	for range maxEmptyReads {
		n, err := l.src.Read(l.buf[l.w:])
		l.w += n
		if err != nil {
			l.err = err
		}
		if n > 0 || err != nil {
			return n > 0
		}
	}
	l.err = io.ErrNoProgress
	return false
}

// grow enlarges the full buffer by doubling it, up to the size a line of
// limit bytes needs with its "\r\n". When the next doubling would pass
// that size, it grows to that size at once.
func (l *lineReader) grow() {
	most := max(l.limit+2, minBuf)
	n := max(2*len(l.buf), minBuf)
	if n > most/2 {
		n = most
	}
	buf := make([]byte, n)
	copy(buf, l.buf[:l.w])
	l.buf = buf
}

// next returns the next line without its "\n" or "\r\n" and the line's
// size. A line longer than limit is consumed whole but only its first
// maxRaw bytes are returned, with its full size. The returned bytes are
// valid until the next call.
//
// At the end of the stream next returns io.EOF. Any other error means the
// stream broke inside the returned (partial) line; it is returned again by
// later calls.
func (l *lineReader) next() (line []byte, size int64, err error) {
	scanned := 0 // unread bytes known to hold no '\n'
	for {
		if i := bytes.IndexByte(l.buf[l.r+scanned:l.w], '\n'); i >= 0 {
			end := l.r + scanned + i
			line = l.buf[l.r:end]
			l.r = end + 1
			line = bytes.TrimSuffix(line, []byte{'\r'})
			return line, int64(len(line)), nil
		}
		scanned = l.w - l.r
		if scanned > l.limit+1 {
			return l.skipLong()
		}
		if !l.fill() {
			line = l.buf[l.r:l.w]
			l.r = l.w
			switch {
			case l.err != io.EOF:
				return line, int64(len(line)), l.err
			case len(line) == 0:
				return nil, 0, io.EOF
			}
			return line, int64(len(line)), nil
		}
	}
}

// skipLong consumes the rest of a line whose unread part fills more than
// limit+1 bytes, none of them '\n'. It returns the line's first maxRaw
// bytes and its size without terminator, and the stream's error if it
// broke before the line ended.
func (l *lineReader) skipLong() ([]byte, int64, error) {
	l.head = l.head[:0]
	var size int64
	var last byte // the last byte counted
	for {
		chunk := l.buf[l.r:l.w]
		i := bytes.IndexByte(chunk, '\n')
		if i >= 0 {
			chunk = chunk[:i]
		}
		l.keepHead(chunk)
		size += int64(len(chunk))
		if len(chunk) > 0 {
			last = chunk[len(chunk)-1]
		}
		if i >= 0 {
			if last == '\r' {
				size--
				if int64(len(l.head)) > size {
					l.head = l.head[:size]
				}
			}
			l.r += i + 1
			return l.head, size, nil
		}
		l.r = l.w
		if !l.fill() {
			return l.head, size, l.brokeWith()
		}
	}
}

// rest consumes the rest of the stream and returns it, or, when it is
// longer than limit, its first maxRaw bytes; size is its full length. The
// error is non-nil when the stream broke. The returned bytes are valid
// until the next call.
func (l *lineReader) rest() (data []byte, size int64, err error) {
	for l.w-l.r <= l.limit && l.fill() {
	}
	if l.w-l.r <= l.limit {
		data = l.buf[l.r:l.w]
		l.r = l.w
		return data, int64(len(data)), l.brokeWith()
	}
	l.head = l.head[:0]
	for {
		l.keepHead(l.buf[l.r:l.w])
		size += int64(l.w - l.r)
		l.r = l.w
		if !l.fill() {
			return l.head, size, l.brokeWith()
		}
	}
}

// keepHead appends to l.head as much of b as fits in maxRaw bytes.
func (l *lineReader) keepHead(b []byte) {
	l.head = append(l.head, b[:min(len(b), maxRaw-len(l.head))]...)
}

// brokeWith returns the error that ended the stream, or nil if it ended
// normally.
func (l *lineReader) brokeWith() error {
	if l.err == io.EOF {
		return nil
	}
	return l.err
}

// skipBOM drops a byte order mark at the start of the stream.
func (l *lineReader) skipBOM() {
	for l.w-l.r < len(bom) && l.fill() {
	}
	if bytes.HasPrefix(l.buf[l.r:l.w], bom) {
		l.r += len(bom)
	}
}

// firstNonSpace returns the first unread byte that is not JSON white space,
// without consuming anything. It looks no further than limit bytes ahead
// and reports false if it finds none.
func (l *lineReader) firstNonSpace() (byte, bool) {
	scanned := 0
	for {
		for _, c := range l.buf[l.r+scanned : l.w] {
			if !isSpace(c) {
				return c, true
			}
		}
		scanned = l.w - l.r
		if scanned > l.limit || !l.fill() {
			return 0, false
		}
	}
}

// isSpace reports whether c is JSON white space.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// isBlank reports whether line holds nothing but JSON white space.
func isBlank(line []byte) bool {
	for _, c := range line {
		if !isSpace(c) {
			return false
		}
	}
	return true
}
