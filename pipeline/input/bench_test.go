package input

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// benchCorpus is real JSON Lines input: the labelled articles of the
// repository, with their annotation fields for the reader to skip.
const benchCorpus = "../../testdata/gold/train.jsonl"

// BenchmarkReadJSONL measures reading JSON Lines from files, plain and
// compressed; MB/s counts uncompressed bytes.
func BenchmarkReadJSONL(b *testing.B) {
	data, err := os.ReadFile(benchCorpus)
	if err != nil {
		b.Skipf("no corpus: %v", err)
	}
	text := strings.Repeat(string(data), 8)
	dir := fixture(b, map[string]string{"a.jsonl": text, "a.jsonl.gz": gz(text), "a.jsonl.zst": zst(text)})
	for _, name := range []string{"a.jsonl", "a.jsonl.gz", "a.jsonl.zst"} {
		b.Run(filepath.Ext(name), func(b *testing.B) {
			path := filepath.Join(dir, name)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				r := Open([]string{path}, Options{})
				for {
					d, err := r.Next()
					if err == io.EOF {
						break
					}
					if d.Err != nil {
						b.Fatal(d.Err)
					}
				}
				r.Close()
			}
		})
	}
}
