package ner

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/models/gazetteer"
)

// toyFile returns the model file of toyModel.
func toyFile(t testing.TB) []byte {
	t.Helper()
	m, err := toyModel()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	n, err := m.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Fatalf("WriteTo returned %d, wrote %d bytes", n, b.Len())
	}
	return b.Bytes()
}

func TestLoadReadsWhatWriteToWrote(t *testing.T) {
	m, err := toyModel()
	if err != nil {
		t.Fatal(err)
	}
	got, err := Load(bytes.NewReader(toyFile(t)))
	if err != nil {
		t.Fatal(err)
	}
	if got.Digest() != m.Digest() || !slices.Equal(got.Types(), m.Types()) || got.Features() != m.Features() {
		t.Errorf("loaded model %s %q %d differs from written %s %q %d",
			got.Digest(), got.Types(), got.Features(), m.Digest(), m.Types(), m.Features())
	}
	s := fill("P said that O would appeal .", "Gina Hart", "Wayne Enterprises")
	if a, b := got.Label(s, nil), m.Label(s, nil); !slices.Equal(a, b) {
		t.Errorf("loaded model labels %v, written one %v", a, b)
	}
}

// payload returns the uncompressed content of a model file with the given
// header fields and sizes, and zero weights.
func payload(version uint32, fingerprint uint64, types []string, rows uint32, keys []uint64) []byte {
	var b bytes.Buffer
	put := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString(magic)
	put(version)
	put(fingerprint)
	put(uint8(len(types)))
	for _, t := range types {
		put(uint8(len(t)))
		b.WriteString(t)
	}
	put(rows)
	put(keys)
	nl := 1 + 2*len(types)
	put(make([]int16, len(keys)*nl))
	put(make([]int32, (nl+1)*nl))
	return b.Bytes()
}

func gzipped(p []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(p)
	zw.Close()
	return b.Bytes()
}

// noise returns n bytes that do not compress.
func noise(n int) []byte {
	b := make([]byte, n)
	x := uint64(1)
	for i := range b {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		b[i] = byte(x)
	}
	return b
}

// truncated returns the first half of file.
func truncated(file []byte) []byte { return file[:len(file)/2] }

func TestLoadRejectsBadFiles(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	fp := gaz.Fingerprint()
	good := toyFile(t)
	tests := []struct {
		name string
		file []byte
		want string
	}{
		{"empty", nil, "not a gzip stream"},
		{"not gzip", []byte("hello, world"), "not a gzip stream"},
		{"truncated", good[:len(good)/2], "unexpected EOF"},
		{"trailing garbage", append(slices.Clone(good), "junk"...), "loading the entity model"},
		{"bad magic", gzipped([]byte("stancer-pos\n....")), "bad magic"},
		{"truncated, bad magic", truncated(gzipped(append([]byte("stancer-pos\n"), noise(1<<18)...))), "bad magic"},
		{"short magic", gzipped([]byte("stan")), "unexpected EOF"},
		{"version", gzipped(payload(99, fp, []string{"ORG"}, 0, nil)), "format version 99"},
		{"gazetteer", gzipped(payload(formatVersion, fp+1, []string{"ORG"}, 0, nil)), "another gazetteer"},
		{"no types", gzipped(payload(formatVersion, fp, nil, 0, nil)), "0 mention types"},
		{"empty type", gzipped(payload(formatVersion, fp, []string{""}, 0, nil)), "bad mention type"},
		{"repeated type", gzipped(payload(formatVersion, fp, []string{"ORG", "ORG"}, 0, nil)), "repeats mention type"},
		{"huge row count", gzipped(payload(formatVersion, fp, []string{"ORG"}, 1<<30, nil)), "more than"},
		{"rows missing", gzipped(payload(formatVersion, fp, []string{"ORG"}, 1000, []uint64{1, 2})), "unexpected EOF"},
		{"zero key", gzipped(payload(formatVersion, fp, []string{"ORG"}, 2, []uint64{5, 0})), "key 0"},
		{"repeated key", gzipped(payload(formatVersion, fp, []string{"ORG"}, 2, []uint64{5, 5})), "repeats key"},
		{"extra data", gzipped(append(payload(formatVersion, fp, []string{"ORG"}, 1, []uint64{5}), 0)), "trailing data"},
	}
	for _, tt := range tests {
		m, err := Load(bytes.NewReader(tt.file))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Load error = %v, want it to contain %q", tt.name, err, tt.want)
		}
		if m != nil {
			t.Errorf("%s: Load returned a model with its error", tt.name)
		}
	}
	// The smallest valid file loads.
	if _, err := Load(bytes.NewReader(gzipped(payload(formatVersion, fp, []string{"ORG"}, 1, []uint64{5})))); err != nil {
		t.Errorf("minimal model: %v", err)
	}
}

// FuzzLoad feeds Load corrupt model files: it must return a model or an
// error, never panic, and a model it returns must label sentences.
func FuzzLoad(f *testing.F) {
	good := toyFile(f)
	f.Add(good)
	f.Add(good[:len(good)/3])
	f.Add(gzipped(payload(formatVersion, 0, []string{"ORG"}, 1, []uint64{5})))
	gaz, err := gazetteer.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(gzipped(payload(formatVersion, gaz.Fingerprint(), []string{"ORG", "PERSON"}, 2, []uint64{9, 4})))
	f.Fuzz(func(t *testing.T, file []byte) {
		m, err := Load(bytes.NewReader(file))
		if err != nil {
			return
		}
		m.Label(fill("P said that O would appeal .", "Gina Hart", "Wayne Enterprises"), nil)
	})
}

// BenchmarkLoad measures loading the embedded model afresh, as a process
// does once at start-up (the gazetteer is built before the timer starts).
func BenchmarkLoad(b *testing.B) {
	if _, err := gazetteer.Default(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(bytes.NewReader(modelFile)); err != nil {
			b.Fatal(err)
		}
	}
}
