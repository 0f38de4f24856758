package swar

import (
	"math/rand/v2"
	"testing"
)

// TestFlagsMatchBytes checks the lowest flag of each test against a byte
// by byte search, on random words rich in the bytes near the thresholds,
// and that no lane below it is flagged.
func TestFlagsMatchBytes(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	near := []byte{0, 1, 0x1f, 0x20, 0x21, '"', '\\', 0x7f, 0x80, 0x81, 0xff, 'a', 'Z'}
	tests := []struct {
		name  string
		flags func(x uint64) uint64
		match func(b byte) bool
	}{
		{"Less 0x20", func(x uint64) uint64 { return Less(x, 0x20) }, func(b byte) bool { return b < 0x20 }},
		{"Less 0x80", func(x uint64) uint64 { return Less(x, 0x80) }, func(b byte) bool { return b < 0x80 }},
		{"Less 1", func(x uint64) uint64 { return Less(x, 1) }, func(b byte) bool { return b == 0 }},
		{"Equal quote", func(x uint64) uint64 { return Equal(x, '"') }, func(b byte) bool { return b == '"' }},
		{"Equal 0xff", func(x uint64) uint64 { return Equal(x, 0xff) }, func(b byte) bool { return b == 0xff }},
		{"NonASCII", NonASCII, func(b byte) bool { return b >= 0x80 }},
		{"JSONEscaped", JSONEscaped, func(b byte) bool { return b < 0x20 || b == '"' || b == '\\' }},
	}
	for range 20000 {
		var buf [8]byte
		for i := range buf {
			if rng.IntN(2) == 0 {
				buf[i] = near[rng.IntN(len(near))]
			} else {
				buf[i] = byte(rng.IntN(256))
			}
		}
		x := Load(string(buf[:]))
		for _, tt := range tests {
			want := 8
			for i, b := range buf {
				if tt.match(b) {
					want = i
					break
				}
			}
			if got := First(tt.flags(x)); got != want {
				t.Fatalf("%s of % x: first flag at %d, want %d", tt.name, buf, got, want)
			}
		}
	}
}

func TestLoadIsLittleEndian(t *testing.T) {
	if got := Load("\x01\x02\x03\x04\x05\x06\x07\x08tail"); got != 0x0807060504030201 {
		t.Errorf("Load = %#x", got)
	}
	if got := Load32("\x01\x02\x03\x04tail"); got != 0x04030201 {
		t.Errorf("Load32 = %#x", got)
	}
}

// TestLower checks Lower against a byte at a time, with every ASCII byte
// in every lane.
func TestLower(t *testing.T) {
	for c := range 128 {
		for at := range 8 {
			buf := []byte("Ab@[Z`z{")
			buf[at] = byte(c)
			want := make([]byte, 8)
			for i, b := range buf {
				if 'A' <= b && b <= 'Z' {
					b += 'a' - 'A'
				}
				want[i] = b
			}
			if got := Lower(Load(string(buf))); got != Load(string(want)) {
				t.Fatalf("Lower(%q) = %#x, want %q", buf, got, want)
			}
		}
	}
}
