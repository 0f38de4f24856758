package stance

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"

	fastgzip "github.com/klauspost/compress/gzip"
)

// The model file is a gzip stream of this payload, all numbers
// little-endian:
//
//	magic        "stancer-lr" followed by the format version byte 2
//	temperature  float64
//	first stage  a layer
//	second stage a layer
//	checksum     uint32, CRC-32 (IEEE) of everything before it
//
// where a layer is
//
//	bias         3 × float32 (favor, against, neutral)
//	keys         uvarint count n, then the keys in strictly increasing
//	             order as uvarint deltas (the first from zero)
//	weights      3n × float32, three per key in key order
const (
	magic         = "stancer-lr\x02"
	maxModelBytes = 64 << 20 // the largest payload Read accepts
)

// encode returns the payload of m.
func (m *Model) encode() ([]byte, error) {
	var b []byte
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(m.temperature))
	var err error
	if b, err = m.local.append(b); err != nil {
		return nil, err
	}
	if b, err = m.stack.append(b); err != nil {
		return nil, err
	}
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
	return b, nil
}

// nameOf names the model whose payload is b: "stance-lr-" followed by the
// first 8 hex digits of the payload's SHA-256.
func nameOf(payload []byte) string {
	sum := sha256.Sum256(payload)
	return "stance-lr-" + hex.EncodeToString(sum[:4])
}

// append appends the encoding of l to b.
func (l *layer) append(b []byte) ([]byte, error) {
	for _, v := range l.bias {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(v))
	}
	b = binary.AppendUvarint(b, uint64(len(l.keys)))
	prev := uint64(0)
	for i, k := range l.keys {
		if i > 0 && k <= prev {
			return nil, errors.New("stance: encoding the model: keys not in increasing order")
		}
		b = binary.AppendUvarint(b, k-prev)
		prev = k
	}
	for _, w := range l.weights {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
	}
	return b, nil
}

// WriteTo writes the model file of m (see Read) to w and returns the number
// of bytes written.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	payload, err := m.encode()
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(payload); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.WriteTo(w)
}

// Read reads a model file written by WriteTo. It rejects a file that is
// truncated, corrupt or of another format with an error saying so.
func Read(r io.Reader) (*Model, error) { return readSized(r, 0) }

// readSized is Read for a file whose payload is expected to take sizeHint
// bytes: reading it then allocates once.
func readSized(r io.Reader, sizeHint int) (*Model, error) {
	// A faster decompressor than that of compress/gzip, with which WriteTo
	// compresses (the bytes of a model file depend on the compressor).
	zr, err := fastgzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("stance: reading the model: not a gzip stream: %w", err)
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(max(sizeHint, 0), maxModelBytes)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(zr, maxModelBytes+1)); err != nil {
		return nil, fmt.Errorf("stance: reading the model: %w", err)
	}
	if buf.Len() > maxModelBytes {
		return nil, fmt.Errorf("stance: reading the model: larger than %d bytes", maxModelBytes)
	}
	m, err := decode(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("stance: reading the model: %w", err)
	}
	return m, nil
}

// decode parses a payload and builds the model it describes.
func decode(b []byte) (*Model, error) {
	if len(b) < len(magic)+4 || string(b[:len(magic)]) != magic {
		return nil, errors.New("not a stance model file of this version")
	}
	body, sum := b[:len(b)-4], binary.LittleEndian.Uint32(b[len(b)-4:])
	if crc32.ChecksumIEEE(body) != sum {
		return nil, errors.New("checksum mismatch: the file is corrupt or truncated")
	}
	d := decoder{b: body[len(magic):]}
	temperature := math.Float64frombits(d.uint64())
	if !(temperature > 0) || math.IsInf(temperature, 0) {
		return nil, fmt.Errorf("invalid temperature %v", temperature)
	}
	local := d.layer()
	stack := d.layer()
	if d.err == nil && len(d.b) > 0 {
		d.fail(fmt.Errorf("%d unexpected bytes after the second stage", len(d.b)))
	}
	if d.err != nil {
		return nil, d.err
	}
	lex, err := sharedLexicon()
	if err != nil {
		return nil, err
	}
	m := newModel(lex, local, stack, temperature)
	m.name = nameOf(b)
	return m, nil
}

// layer reads a layer.
func (d *decoder) layer() layer {
	var bias [classes]float32
	d.float32s(bias[:])
	keys := make([]uint64, 0, d.count(1+4*classes))
	for i, prev := 0, uint64(0); i < cap(keys); i++ {
		k := prev + d.uvarint()
		if i > 0 && k <= prev {
			d.fail(fmt.Errorf("keys out of order at %d", i))
		}
		keys = append(keys, k)
		prev = k
	}
	weights := make([]float32, classes*len(keys))
	d.float32s(weights)
	return newLayer(keys, weights, bias)
}

// A decoder reads a payload, remembering the first error; after an error
// every read returns zero values.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
	d.b = nil
}

// take returns the next n bytes, or nil after failing when fewer remain.
func (d *decoder) take(n int) []byte {
	if d.err != nil || n > len(d.b) {
		d.fail(errors.New("unexpected end of data"))
		return nil
	}
	p := d.b[:n]
	d.b = d.b[n:]
	return p
}

func (d *decoder) uint64() uint64 {
	if p := d.take(8); p != nil {
		return binary.LittleEndian.Uint64(p)
	}
	return 0
}

// float32s reads len(v) float32s into v, failing on one that is not
// finite.
func (d *decoder) float32s(v []float32) {
	p := d.take(4 * len(v))
	if p == nil {
		return
	}
	for i := range v {
		f := math.Float32frombits(binary.LittleEndian.Uint32(p[4*i:]))
		if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
			d.fail(errors.New("a weight is not a finite number"))
			return
		}
		v[i] = f
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail(errors.New("invalid varint"))
		return 0
	}
	d.b = d.b[n:]
	return v
}

// count reads a count of items that take at least size bytes each, failing
// when fewer bytes remain than the count needs.
func (d *decoder) count(size int) int {
	n := d.uvarint()
	if n > uint64(len(d.b)/size) {
		d.fail(fmt.Errorf("count %d exceeds the data", n))
		return 0
	}
	return int(n)
}
