package output

import (
	"io"
	"strings"
	"testing"
)

// BenchmarkWriter measures records written per second and output bytes
// per second for an article of 48 sentences and 60 mentions.
func BenchmarkWriter(b *testing.B) {
	d := buildDoc(12)
	for _, emit := range []Emit{Articles, Sentences, Entities} {
		b.Run(string(emit), func(b *testing.B) {
			out, err := NewEncoder(emit, testMeta).Append(nil, d)
			if err != nil {
				b.Fatal(err)
			}
			records := strings.Count(string(out), "\n")
			w := NewWriter(io.Discard, emit, testMeta)
			b.SetBytes(int64(len(out)))
			b.ReportAllocs()
			for b.Loop() {
				if err := w.Write(d); err != nil {
					b.Fatal(err)
				}
			}
			if err := w.Flush(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(records*b.N)/b.Elapsed().Seconds(), "records/s")
		})
	}
}

// BenchmarkAppendString measures string escaping on prose: mostly ASCII
// text, and text that is mostly multi-byte.
func BenchmarkAppendString(b *testing.B) {
	inputs := map[string]string{
		"ascii": strings.Repeat(`The minister said "no place to hide" for terrorists. `, 40),
		"mixed": strings.Repeat("Zoé dit « non » à 北京 😀\t", 40),
	}
	for name, s := range inputs {
		b.Run(name, func(b *testing.B) {
			buf := make([]byte, 0, 2*len(s))
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				buf = appendString(buf[:0], s)
			}
		})
	}
}
