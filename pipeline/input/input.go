// Package input reads the articles the pipeline analyses: JSON Lines or
// plain-text files, each optionally gzip- or zstd-compressed, named as files,
// as directory trees, or as "-" for standard input.
//
// A Reader delivers articles in input order, one doc.Doc each. Reading never
// stops at a bad input: a malformed record, an oversized article, a missing
// file or a corrupt stream comes back from Reader.Next as a doc.Doc whose Err
// is set, so that every article ends up either in the output or in the error
// report.
//
// # Formats
//
// Compression is recognised by its magic bytes, never by the file name. The
// format of the decompressed content is chosen by the name when it ends in
// .jsonl, .ndjson or .json (JSON Lines) or .txt (plain text), ignoring a
// trailing .gz, .gzip, .zst or .zstd. Otherwise a stream whose first byte
// other than white space is '{' is JSON Lines, a stream of white space only
// holds no articles, and any other stream is plain text. A leading UTF-8
// byte order mark is dropped.
//
// A JSON Lines record is one line holding a JSON object with a string field
// for the text (Options.TextField). Its id (Options.IDField) may be a string
// or a number, whose literal text is kept; without one the article's id is
// its location, "file:line". The string fields title, url, date and source
// are passed through. Blank lines are skipped; lines may end in "\r\n".
//
// A plain-text file is one article whose id is the path as given.
//
// Invalid UTF-8 is replaced by U+FFFD, one per bad byte, as are unpaired
// UTF-16 surrogate escapes in JSON strings; the article's Warnings say so.
package input

import (
	"bufio"
	"errors"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"sync/atomic"

	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"

	"github.com/stancer/stancer/pipeline/doc"
)

// DefaultMaxBytes is the size of the largest article a Reader accepts when
// Options.MaxBytes is zero: 16 MiB.
const DefaultMaxBytes = 16 << 20

// maxLimit caps Options.MaxBytes so that buffer sizes fit an int.
const maxLimit = math.MaxInt32

// Options configure a Reader. The zero value reads the fields "text" and
// "id", accepts articles up to DefaultMaxBytes and reads os.Stdin for "-".
type Options struct {
	// TextField names the JSON field holding the article text; "" means
	// "text".
	TextField string
	// IDField names the JSON field holding the article id; "" means "id".
	IDField string
	// MaxBytes is the size in bytes of the largest article accepted: a
	// JSON Lines record (without its line terminator) or a plain-text file.
	// A larger one becomes an error doc. Zero or less means
	// DefaultMaxBytes; larger values than 2 GiB - 1 are treated as that.
	MaxBytes int64
	// Stdin is what the path "-", or an empty path list, reads; nil means
	// os.Stdin. The Reader never closes it.
	Stdin io.Reader
}

// withDefaults returns o with its zero fields replaced by their defaults.
func (o Options) withDefaults() Options {
	if o.TextField == "" {
		o.TextField = "text"
	}
	if o.IDField == "" {
		o.IDField = "id"
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	o.MaxBytes = min(o.MaxBytes, maxLimit)
	if o.Stdin == nil {
		o.Stdin = os.Stdin
	}
	return o
}

// errClosed is returned by Next after Close.
var errClosed = errors.New("input: Next called after Close")

// A Reader reads articles from a list of paths. Next, Close and the
// Reader's other methods except Progress must be called from one goroutine.
type Reader struct {
	opts Options
	walk walker
	seq  int64

	// The input being read, if open is set.
	open   bool
	name   string   // path as given, "-" for standard input
	file   *os.File // nil for standard input
	format format
	lineNo int    // number of the last line read
	loc    []byte // builds locations
	done   bool   // the input has nothing more to deliver

	counter counter
	raw     *bufio.Reader // buffers the compressed bytes
	gz      *gzip.Reader  // reused across gzip inputs
	zs      *zstd.Decoder // reused across zstd inputs
	lines   lineReader
	fields  fieldParser
	closed  bool

	read     atomic.Int64
	total    atomic.Int64
	stop     chan struct{} // closed by Close to end the size walk
	measured chan struct{} // closed when the size walk ends
}

// Open returns a Reader of the articles named by paths, in order: files as
// they are, directories walked recursively in lexical order of their
// entries, and "-" (or an empty list) standing for Options.Stdin.
//
// Inside a walked directory, names starting with '.' are skipped, symbolic
// links are followed, and only regular files are read. Open returns at
// once: paths are examined as Next reaches them, and one that cannot be
// read becomes an error doc. Open starts one goroutine that adds up the
// input sizes for Progress; Close stops it.
func Open(paths []string, opts Options) *Reader {
	opts = opts.withDefaults()
	r := &Reader{
		opts:     opts,
		walk:     newWalker(paths),
		stop:     make(chan struct{}),
		measured: make(chan struct{}),
	}
	r.lines.limit = int(opts.MaxBytes)
	r.fields.init(opts.TextField, opts.IDField)
	r.counter.n = &r.read
	r.total.Store(-1)
	go r.measure(slices.Clone(paths))
	return r
}

// measure stores the total size of the inputs for Progress.
func (r *Reader) measure(paths []string) {
	defer close(r.measured)
	r.total.Store(totalSize(paths, r.stop))
}

// Next returns the next article in input order; their Seq numbers are 0, 1,
// 2, .... At the end of the input it returns io.EOF.
//
// A bad record or an unreadable file is not an error of Next: it comes
// back as a doc whose Err says what is wrong and whose Input names where it
// is ("file:line" or the path). Every non-blank line of JSON Lines input
// and every plain-text file yields exactly one doc; a line longer than
// MaxBytes counts as non-blank. Each doc's Raw holds the bytes of its
// record, without line terminator or byte order mark; an error doc keeps
// only the first 64 KiB, and its Err says when it does. The only errors
// of Next are io.EOF and the error of a call after Close.
func (r *Reader) Next() (*doc.Doc, error) {
	if r.closed {
		return nil, errClosed
	}
	for {
		if !r.open {
			e, ok := r.walk.next()
			if !ok {
				return nil, io.EOF
			}
			if d := r.start(e); d != nil {
				return r.number(d), nil
			}
			continue
		}
		if d := r.nextDoc(); d != nil {
			return r.number(d), nil
		}
		r.finish()
	}
}

// number gives d the next sequence number.
func (r *Reader) number(d *doc.Doc) *doc.Doc {
	d.Seq = r.seq
	r.seq++
	return d
}

// nextDoc returns the next article of the open input, or nil when it has
// no more.
func (r *Reader) nextDoc() *doc.Doc {
	if r.done {
		return nil
	}
	if r.format == formatText {
		r.done = true
		return r.textDoc()
	}
	for {
		line, size, err := r.lines.next()
		if err == io.EOF {
			return nil
		}
		r.lineNo++
		if err != nil {
			r.done = true
			return errorDoc(r.location(), line, size, err)
		}
		// An overlong line is an error even if what was kept of it is
		// blank: the rest may not be.
		if size > r.opts.MaxBytes {
			return errorDoc(r.location(), line, size, tooLarge(size, r.opts.MaxBytes))
		}
		if isBlank(line) {
			continue
		}
		return r.jsonDoc(line, r.location())
	}
}

// location returns "name:line" for the last line read.
func (r *Reader) location() string {
	r.loc = append(append(r.loc[:0], r.name...), ':')
	r.loc = strconv.AppendInt(r.loc, int64(r.lineNo), 10)
	return string(r.loc)
}

// Progress reports how many bytes have been read so far from the
// underlying files (compressed bytes, for compressed inputs) and the total
// size of all inputs, or -1 while that is being computed and when it is
// unknown because standard input or another non-regular file is read.
// It may be called from any goroutine, concurrently with Next.
func (r *Reader) Progress() (read, total int64) {
	return r.read.Load(), r.total.Load()
}

// Close releases the open file and the decompressors and stops the size
// computation. It returns the error of closing the open file, if any.
// Close is idempotent; Next fails after it.
func (r *Reader) Close() error {
	if r.closed {
		return nil
	}
	r.closed = true
	close(r.stop)
	<-r.measured
	err := r.finish()
	if r.zs != nil {
		r.zs.Close()
	}
	return err
}
