package input

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/stancer/stancer/pipeline/doc"
)

// rawBufSize is the size of the buffer between a file and its decompressor.
const rawBufSize = 64 << 10

// zstdMaxWindow is the largest zstd window accepted, the default memory
// limit of the zstd command-line tool (128 MiB); larger windows, which
// hostile input could declare, are rejected before they are allocated.
const zstdMaxWindow = 128 << 20

// The magic bytes that start a gzip member and a zstd frame.
var (
	gzipMagic = []byte{0x1f, 0x8b}
	zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}
)

// format is how a decompressed stream holds its articles.
type format int

const (
	formatJSONL format = iota // one JSON object per line
	formatText                // the whole stream is one article
)

// start opens the input of e, or returns an error doc when it cannot.
func (r *Reader) start(e entry) *doc.Doc {
	if e.err != nil {
		return errorDoc(e.path, nil, 0, e.err)
	}
	src := r.opts.Stdin
	if !e.stdin {
		f, err := os.Open(e.path)
		if err != nil {
			return errorDoc(e.path, nil, 0, err)
		}
		r.file, src = f, f
	}
	r.open, r.name, r.lineNo, r.done = true, e.path, 0, false
	r.counter.src = src
	if r.raw == nil {
		r.raw = bufio.NewReaderSize(&r.counter, rawBufSize)
	} else {
		r.raw.Reset(&r.counter)
	}
	r.lines.reset(r.decompress(r.raw))
	r.lines.skipBOM()
	r.format = formatOf(e.path, &r.lines)
	return nil
}

// finish closes the open input, if any, and returns the error of closing
// its file.
func (r *Reader) finish() error {
	if !r.open {
		return nil
	}
	r.open = false
	r.lines.reset(nil)
	r.counter.src = nil
	var err error
	if r.file != nil {
		err = r.file.Close()
		r.file = nil
	}
	return err
}

// decompress returns the decompressed content of src, choosing the codec by
// the magic bytes at its start. Errors of the codec, including a malformed
// header, surface when the returned reader is read.
func (r *Reader) decompress(src *bufio.Reader) io.Reader {
	magic, _ := src.Peek(len(zstdMagic)) // a read error resurfaces on the next read
	switch {
	case bytes.HasPrefix(magic, gzipMagic):
		if r.gz == nil {
			r.gz = new(gzip.Reader)
		}
		if err := r.gz.Reset(src); err != nil {
			return errReader{codecError("gzip", err)}
		}
		return codecReader{r.gz, "gzip"}
	case bytes.HasPrefix(magic, zstdMagic) || isZstdSkippable(magic):
		if r.zs == nil {
			zs, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(zstdMaxWindow))
			if err != nil {
				panic(fmt.Sprintf("input: zstd options: %v", err)) // the options are constants
			}
			r.zs = zs
		}
		if err := r.zs.Reset(src); err != nil {
			return errReader{codecError("zstd", err)}
		}
		return codecReader{r.zs, "zstd"}
	}
	return src
}

// isZstdSkippable reports whether magic starts a zstd skippable frame,
// whose little-endian magic number is 0x184D2A50 to 0x184D2A5F.
func isZstdSkippable(magic []byte) bool {
	return len(magic) == 4 && magic[0]&0xf0 == 0x50 && magic[1] == 0x2a && magic[2] == 0x4d && magic[3] == 0x18
}

// formatOf returns the format of the stream read by l, whose file is name:
// by the name's extension when it tells, else by the stream's first byte
// other than white space, '{' meaning JSON Lines. A stream of white space
// only holds no articles, which reading it as JSON Lines gives.
func formatOf(name string, l *lineReader) format {
	if f, ok := nameFormat(name); ok {
		return f
	}
	if c, ok := l.firstNonSpace(); ok && c != '{' {
		return formatText
	}
	return formatJSONL
}

// nameFormat returns the format that name's extension announces, looking
// past one compression extension.
func nameFormat(name string) (format, bool) {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".gz", ".gzip", ".zst", ".zstd":
		ext = strings.ToLower(filepath.Ext(strings.TrimSuffix(name, filepath.Ext(name))))
	}
	switch ext {
	case ".jsonl", ".ndjson", ".json":
		return formatJSONL, true
	case ".txt":
		return formatText, true
	}
	return 0, false
}

// counter passes reads through to src and adds their sizes to n.
type counter struct {
	src io.Reader
	n   *atomic.Int64
}

func (c *counter) Read(p []byte) (int, error) {
	k, err := c.src.Read(p)
	c.n.Add(int64(k))
	return k, err
}

// codecReader passes reads through to a decompressor, naming the codec in
// its errors.
type codecReader struct {
	src   io.Reader
	codec string
}

func (c codecReader) Read(p []byte) (int, error) {
	n, err := c.src.Read(p)
	if err != nil && err != io.EOF {
		err = codecError(c.codec, err)
	}
	return n, err
}

// codecError says that decompressing a codec's stream failed with err.
func codecError(codec string, err error) error {
	return fmt.Errorf("%s stream: %w", codec, err)
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
