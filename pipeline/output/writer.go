package output

import (
	"bufio"
	"fmt"
	"io"

	"github.com/stancer/stancer/pipeline/doc"
)

// maxKeep is the largest record buffer kept from one article to the next;
// a larger one, grown for an unusually long article, is dropped.
const maxKeep = 4 << 20

// A Writer writes the records of analysed articles as JSON Lines, through a
// buffer: call Flush when done. It is not safe for concurrent use.
type Writer struct {
	bw  *bufio.Writer
	enc *Encoder
	buf []byte
}

// NewWriter returns a Writer of the records selected by emit to w, whose
// article records carry meta. It panics if emit is neither empty nor one of
// the Emit constants.
func NewWriter(w io.Writer, emit Emit, meta Meta) *Writer {
	return &Writer{bw: bufio.NewWriterSize(w, 64<<10), enc: NewEncoder(emit, meta)}
}

// Write writes the records of d: one article record, or one record per
// sentence or per entity. An article that failed or breaks the output
// contract is refused as Encoder.Append refuses it, with nothing written.
func (w *Writer) Write(d *doc.Doc) error {
	buf, err := w.enc.Append(w.buf[:0], d)
	if err != nil {
		return err
	}
	return w.write(buf)
}

// write writes buf, keeping it for reuse unless it is very large.
func (w *Writer) write(buf []byte) error {
	w.buf = buf
	if cap(buf) > maxKeep {
		w.buf = nil
	}
	if _, err := w.bw.Write(buf); err != nil {
		return fmt.Errorf("output: writing records: %w", err)
	}
	return nil
}

// Flush writes any buffered records to the underlying writer.
func (w *Writer) Flush() error {
	if err := w.bw.Flush(); err != nil {
		return fmt.Errorf("output: writing records: %w", err)
	}
	return nil
}

// An ErrorWriter writes the error records of failed articles as JSON Lines,
// through a buffer: call Flush when done. It is not safe for concurrent use.
type ErrorWriter struct {
	w Writer
}

// NewErrorWriter returns an ErrorWriter to w.
func NewErrorWriter(w io.Writer) *ErrorWriter {
	return &ErrorWriter{Writer{bw: bufio.NewWriter(w)}}
}

// Write writes the error record of the failed article d (see AppendError),
// or returns an error if d has not failed.
func (w *ErrorWriter) Write(d *doc.Doc) error {
	buf, err := AppendError(w.w.buf[:0], d)
	if err != nil {
		return err
	}
	return w.w.write(buf)
}

// Flush writes any buffered records to the underlying writer.
func (w *ErrorWriter) Flush() error { return w.w.Flush() }
