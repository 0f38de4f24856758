package stance

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"hash/crc32"
	"math"
	"strings"
	"sync"
	"testing"
)

// encoded returns the model file of m.
func encoded(t testing.TB, m *Model) []byte {
	t.Helper()
	var buf bytes.Buffer
	n, err := m.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Fatalf("WriteTo reported %d bytes, wrote %d", n, buf.Len())
	}
	return buf.Bytes()
}

// TestWriteToConcurrently writes one model from several goroutines, as
// callers sharing the built-in model do; under -race it shows that WriteTo
// only reads the model.
func TestWriteToConcurrently(t *testing.T) {
	m := tinyModel(t)
	want := encoded(t, m)
	files := make([][]byte, 4)
	var wg sync.WaitGroup
	for i := range files {
		wg.Go(func() {
			var buf bytes.Buffer
			if _, err := m.WriteTo(&buf); err == nil {
				files[i] = buf.Bytes()
			}
		})
	}
	wg.Wait()
	for i, f := range files {
		if !bytes.Equal(f, want) {
			t.Errorf("writer %d wrote %d bytes that differ from the %d of a lone writer", i, len(f), len(want))
		}
	}
}

func TestRoundTrip(t *testing.T) {
	m := tinyModel(t)
	file := encoded(t, m)
	back, err := Read(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if back.Name() != m.Name() || !strings.HasPrefix(m.Name(), "stance-lr-") || len(m.Name()) != len("stance-lr-")+8 {
		t.Errorf("names %q and %q, want equal stance-lr-<8 hex digits>", m.Name(), back.Name())
	}
	if again := encoded(t, back); !bytes.Equal(again, file) {
		t.Error("re-encoding a read model changes its bytes")
	}
	d1, d2 := tinyCorpus(1)[0].Doc, tinyCorpus(1)[0].Doc
	m.Predict(d1)
	back.Predict(d2)
	for i := range d1.Sentences {
		if a, b := d1.Sentences[i].Stance, d2.Sentences[i].Stance; a.Label != b.Label || a.Score != b.Score {
			t.Errorf("sentence %d: trained model says %v, read model %v", i, a, b)
		}
	}
}

func TestDefault(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.local.keys) < 1000 || len(m.stack.keys) < 10 || !(m.temperature > 0) {
		t.Errorf("embedded model has %d and %d features, temperature %v", len(m.local.keys), len(m.stack.keys), m.temperature)
	}
}

// gzipped returns payload compressed as a model file.
func gzipped(payload []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write(payload)
	zw.Close()
	return buf.Bytes()
}

func TestReadRejects(t *testing.T) {
	m := tinyModel(t)
	file := encoded(t, m)
	payload, err := m.encode()
	if err != nil {
		t.Fatal(err)
	}
	flipped := bytes.Clone(payload)
	flipped[len(magic)+20] ^= 0x40
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not a gzip stream"},
		{"not gzip", []byte("hello, world"), "not a gzip stream"},
		{"truncated file", file[:len(file)/2], "unexpected EOF"},
		{"truncated payload", gzipped(payload[:len(payload)-9]), "checksum"},
		{"flipped bit", gzipped(flipped), "checksum"},
		{"previous format", gzipped([]byte("stancer-lr\x01 and more bytes")), "not a stance model"},
		{"next format", gzipped([]byte("stancer-lr\x03 and more bytes")), "not a stance model"},
		{"trailing data", gzipped(append(bytes.Clone(payload), 0)), "checksum"},
	} {
		_, err := Read(bytes.NewReader(tc.data))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
}

// TestDecodeRejects feeds the payload parser bodies that pass the checksum
// but break the format.
func TestDecodeRejects(t *testing.T) {
	payload, err := tinyModel(t).encode()
	if err != nil {
		t.Fatal(err)
	}
	body := payload[:len(payload)-4]
	// set returns body with the four bytes at i set to the float32 v; a
	// negative i counts from the end.
	set := func(i int, v float32) []byte {
		b := bytes.Clone(body)
		if i < 0 {
			i += len(b)
		}
		binary.LittleEndian.PutUint32(b[i:], math.Float32bits(v))
		return b
	}
	zeroTemperature := bytes.Clone(body)
	clear(zeroTemperature[len(magic) : len(magic)+8])
	for _, tc := range []struct {
		name string
		body []byte
		want string
	}{
		{"zero temperature", zeroTemperature, "invalid temperature"},
		{"NaN bias", set(len(magic)+8, float32(math.NaN())), "not a finite number"},
		{"infinite last weight", set(-4, float32(math.Inf(1))), "not a finite number"},
		{"truncated", body[:len(body)-1], "unexpected end of data"},
		{"trailing byte", append(bytes.Clone(body), 0), "unexpected bytes"},
	} {
		_, err := decode(binary.LittleEndian.AppendUint32(bytes.Clone(tc.body), crc32.ChecksumIEEE(tc.body)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.want)
		}
	}
	if _, err := decode(payload); err != nil {
		t.Errorf("the unchanged payload: %v", err)
	}
}

func FuzzRead(f *testing.F) {
	m := tinyModel(f)
	file := encoded(f, m)
	payload, err := m.encode()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(file)
	f.Add(gzipped(payload))
	f.Add(gzipped(payload[:len(payload)/3]))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		// A model that reads must write back to a file that reads the same.
		back, err := Read(bytes.NewReader(encoded(t, m)))
		if err != nil || back.Name() != m.Name() {
			t.Fatalf("a read model does not round-trip: %v", err)
		}
	})
}

// FuzzDecode feeds the payload parser bodies with a valid checksum, which
// random bytes rarely have, so that the parsing behind it is exercised.
func FuzzDecode(f *testing.F) {
	payload, err := tinyModel(f).encode()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(payload[:len(payload)-4])
	f.Add([]byte(magic))
	f.Fuzz(func(t *testing.T, body []byte) {
		decode(binary.LittleEndian.AppendUint32(bytes.Clone(body), crc32.ChecksumIEEE(body)))
	})
}

// BenchmarkRead measures decoding the embedded model afresh, as a process
// does once at start-up (the shared lexicon is loaded before the timer
// starts).
func BenchmarkRead(b *testing.B) {
	if _, err := sharedLexicon(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readDefault(); err != nil {
			b.Fatal(err)
		}
	}
}
