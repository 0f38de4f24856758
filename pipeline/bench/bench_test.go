package bench

import (
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkRecordCounter measures the scanning of a child's output, which
// runs alongside the measured child and must cost it little: records of
// about 20 kB written in chunks of 32 kB, as os/exec copies them.
func BenchmarkRecordCounter(b *testing.B) {
	record := `{"id":"x","text":"` + strings.Repeat("Encryption protects us. ", 800) + `","meta":{"tokens":433}}` + "\n"
	out := []byte(strings.Repeat(record, 50))
	b.SetBytes(int64(len(out)))
	for b.Loop() {
		c := newRecordCounter(time.Now())
		for chunk := range slices.Chunk(out, 32<<10) {
			c.Write(chunk)
		}
	}
}

// BenchmarkGenerate measures the generation of a corpus from the gold
// files, which must make the 1 GB soak corpus in seconds.
func BenchmarkGenerate(b *testing.B) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "gold", "*.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := LoadPool(files)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(10e6)
	for b.Loop() {
		if _, err := p.Generate(io.Discard, 10e6, 1); err != nil {
			b.Fatal(err)
		}
	}
}
