package ner

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	fastgzip "github.com/klauspost/compress/gzip"

	"github.com/stancer/stancer/models/gazetteer"
)

// A model file is a gzip stream of, in little-endian byte order:
//
//	magic        "stancer-ner\n"
//	version      uint32 (formatVersion)
//	gazetteer    uint64, the Fingerprint of the gazetteer trained with
//	types        uint8 count, then per type a uint8 length and the name
//	rows         uint32 count R
//	keys         R × uint64
//	weights      R × L × int16, L = 1 + 2·types
//	transitions  (L+1) × L × int32
const (
	magic = "stancer-ner\n"
	// formatVersion changes whenever the file layout or the meaning of
	// the weights (the feature templates) changes.
	formatVersion = 2
	// maxRows bounds the number of rows a file may declare.
	maxRows = 1 << 21
	// maxTypeName bounds the length of a type name.
	maxTypeName = 64
)

// WriteTo writes the model to w in the model file format and returns the
// number of bytes written. The same model always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	err = m.writePayload(zw)
	if err == nil {
		err = zw.Close()
	}
	if err != nil {
		return cw.n, fmt.Errorf("writing the entity model: %w", err)
	}
	return cw.n, nil
}

// writePayload writes the uncompressed content of a model file to w.
func (m *Model) writePayload(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	var err error
	put := func(v any) {
		if err == nil {
			err = binary.Write(bw, binary.LittleEndian, v)
		}
	}
	put([]byte(magic))
	put(uint32(formatVersion))
	put(m.gaz.Fingerprint())
	put(uint8(len(m.types)))
	for _, t := range m.types {
		put(uint8(len(t)))
		put([]byte(t))
	}
	put(uint32(len(m.keys)))
	put(m.keys)
	for _, k := range m.keys {
		put(m.table.row(k))
	}
	put(m.trans)
	if err != nil {
		return err
	}
	return bw.Flush()
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Load reads a model written by WriteTo. It checks the whole file (sizes
// before allocating, the gzip checksum, no trailing data) and that the
// model was trained with the gazetteer built into this program; a file
// that fails any check gives an error, never a partial model.
func Load(r io.Reader) (*Model, error) {
	m, err := load(r)
	if err != nil {
		return nil, fmt.Errorf("loading the entity model: %w", err)
	}
	return m, nil
}

// preallocRows is the most features whose weights Load allocates before
// reading them: a larger model grows its tables as its data arrives, so
// that a short file cannot make Load allocate much more than it holds.
const preallocRows = 1 << 16

func load(r io.Reader) (*Model, error) {
	// A faster decompressor than that of compress/gzip, with which WriteTo
	// compresses (the bytes of a model file depend on the compressor).
	zr, err := fastgzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a gzip stream: %w", err)
	}
	digest := sha256.New()
	d := decoder{r: io.TeeReader(zr, digest), buf: make([]byte, 16<<10)}
	if head := d.bytes(len(magic)); d.err == nil && string(head) != magic {
		return nil, errors.New("not a stancer entity model (bad magic)")
	}
	if v := d.u32(); d.err == nil && v != formatVersion {
		return nil, fmt.Errorf("model format version %d, this program reads version %d", v, formatVersion)
	}
	gaz, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	if fp := d.u64(); d.err == nil && fp != gaz.Fingerprint() {
		return nil, fmt.Errorf("model trained with another gazetteer (%#x, this program has %#x): retrain it", fp, gaz.Fingerprint())
	}
	types := d.types()
	nl := 1 + 2*len(types)
	rows := int(d.u32())
	if d.err == nil && rows > maxRows {
		return nil, fmt.Errorf("model declares %d features, more than %d", rows, maxRows)
	}
	keys := readSlice(&d, rows, preallocRows, binary.LittleEndian.Uint64)
	weights := readSlice(&d, rows*nl, preallocRows*nl, func(b []byte) int16 { return int16(binary.LittleEndian.Uint16(b)) })
	trans := readSlice(&d, (nl+1)*nl, (nl+1)*nl, func(b []byte) int32 { return int32(binary.LittleEndian.Uint32(b)) })
	if d.err != nil {
		return nil, d.err
	}
	if _, err := io.ReadFull(d.r, d.buf[:1]); err != io.EOF {
		if err == nil {
			err = errors.New("trailing data after the model")
		}
		return nil, err
	}
	m, err := newModel(types, keys, weights, trans, gaz)
	if err != nil {
		return nil, err
	}
	m.digest = hex.EncodeToString(digest.Sum(nil))
	return m, nil
}

// decoder reads little-endian values, remembering the first error; reads
// after an error return zero values.
type decoder struct {
	r   io.Reader
	buf []byte // the values last read
	err error
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		d.err = err
	}
}

// bytes returns the next n bytes, n <= len(d.buf), in a buffer that the
// next read reuses; nil after failing.
func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	b := d.buf[:n]
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.fail(err)
		return nil
	}
	return b
}

func (d *decoder) u32() uint32 {
	b := d.bytes(4)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint32(b)
}

func (d *decoder) u64() uint64 {
	b := d.bytes(8)
	if b == nil {
		return 0
	}
	return binary.LittleEndian.Uint64(b)
}

// types reads the list of mention types and checks it.
func (d *decoder) types() []string {
	n := d.bytes(1)
	if n == nil {
		return nil
	}
	if n[0] == 0 || n[0] > MaxTypes {
		d.fail(fmt.Errorf("model declares %d mention types, want 1 to %d", n[0], MaxTypes))
		return nil
	}
	var types []string
	for range n[0] {
		l := d.bytes(1)
		if l == nil {
			return nil
		}
		name := d.bytes(int(l[0]))
		switch {
		case d.err != nil:
			return nil
		case len(name) == 0 || len(name) > maxTypeName || !utf8.Valid(name):
			d.fail(fmt.Errorf("model has a bad mention type name %q", name))
			return nil
		case indexOf(types, string(name)) >= 0:
			d.fail(fmt.Errorf("model repeats mention type %q", name))
			return nil
		}
		types = append(types, string(name))
	}
	return types
}

// readSlice reads n values of type E, each decoded by value from its
// size(E) bytes. It allocates room for at most prealloc values before they
// arrive and grows the slice beyond that as they do.
func readSlice[E int16 | int32 | uint64](d *decoder, n, prealloc int, value func([]byte) E) []E {
	size := binary.Size(E(0))
	s := make([]E, 0, min(n, prealloc))
	for len(s) < n && d.err == nil {
		b := d.bytes(min(len(d.buf)/size, n-len(s)) * size)
		for ; len(b) > 0; b = b[size:] {
			s = append(s, value(b))
		}
	}
	return s
}
