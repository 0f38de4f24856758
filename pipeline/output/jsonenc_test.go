package output

import (
	"encoding/json"
	"math"
	"math/bits"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/swar"
)

func TestAppendString(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", `""`},
		{"plain ASCII", `"plain ASCII"`},
		{`say "hi"`, `"say \"hi\""`},
		{`C:\dir`, `"C:\\dir"`},
		{"a\nb\rc\td\be\ff", `"a\nb\rc\td\be\ff"`},
		{"\x00\x01\x1f\x7f", `"\u0000\u0001\u001f` + "\x7f\""},
		{"café 😀 中文", `"café 😀 中文"`},
		{"line\u2028para\u2029end", `"line\u2028para\u2029end"`},
		{"<a href='x'>&</a>", `"<a href='x'>&</a>"`},
		{"bad \xff byte", "\"bad \uFFFD byte\""},
		{"cut \xe2\x82 rune", "\"cut \uFFFD\uFFFD rune\""},
		{"\xed\xa0\x80", "\"\uFFFD\uFFFD\uFFFD\""}, // a surrogate half is not UTF-8
		{"\uFFFD kept", "\"\uFFFD kept\""},
	}
	for _, tt := range tests {
		if got := string(appendString(nil, tt.in)); got != tt.want {
			t.Errorf("appendString(%q) = %s, want %s", tt.in, got, tt.want)
		}
		checkRoundTrip(t, tt.in)
	}
}

// TestAppendKnown requires the labels and entity types, which appendKnown
// writes without escaping, to need none.
func TestAppendKnown(t *testing.T) {
	var known []string
	for _, l := range doc.Labels {
		known = append(known, string(l))
	}
	for _, ty := range doc.EntityTypes {
		known = append(known, string(ty))
	}
	for _, s := range known {
		if got, want := string(appendKnown(nil, s)), string(appendString(nil, s)); got != want {
			t.Errorf("appendKnown(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestAppendStringKeepsPrefix(t *testing.T) {
	got := string(appendString([]byte("x:"), "é\n"))
	if want := `x:"é\n"`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// FuzzAppendString checks that appendString always yields one valid JSON
// string that encoding/json decodes to what it decodes its own encoding of
// the input to, escaping what it must.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "a\"b\\c", "\x00\x1f\n", "é😀中", "\u2028\u2029", "\xff\xfe", "\xe2\x82", "ok\uFFFD"} {
		f.Add(s)
	}
	f.Fuzz(checkRoundTrip)
}

// checkRoundTrip checks the encoding of s by appendString against
// encoding/json.
func checkRoundTrip(t *testing.T, s string) {
	t.Helper()
	out := appendString(nil, s)
	if !utf8.Valid(out) {
		t.Fatalf("appendString(%q) = %q is not valid UTF-8", s, out)
	}
	var got string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("appendString(%q) = %q does not decode: %v", s, out, err)
	}
	ref, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var want string
	if err := json.Unmarshal(ref, &want); err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("appendString(%q) decodes to %q, encoding/json round trip to %q", s, got, want)
	}
	if utf8.ValidString(s) && got != s {
		t.Fatalf("appendString(%q) decodes to %q", s, got)
	}
	for _, b := range out {
		if b < 0x20 {
			t.Fatalf("appendString(%q) = %q holds raw control byte %#x", s, out, b)
		}
	}
	if strings.ContainsAny(string(out), "\u2028\u2029") {
		t.Fatalf("appendString(%q) = %q holds a raw U+2028 or U+2029", s, out)
	}
}

func TestAppendStrings(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, `[]`},
		{[]string{}, `[]`},
		{[]string{"a"}, `["a"]`},
		{[]string{"a", `"b"`, ""}, `["a","\"b\"",""]`},
	}
	for _, tt := range tests {
		if got := string(appendStrings(nil, tt.in)); got != tt.want {
			t.Errorf("appendStrings(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// TestPlainFlags checks plainFlags against plainASCII with every byte at every
// place of a word, and bytes that may borrow above it.
func TestPlainFlags(t *testing.T) {
	plain := func(c byte) bool { return c < utf8.RuneSelf && plainASCII[c] }
	for c := range 256 {
		for at := range 8 {
			for _, above := range []byte{'a', 0x00, 0x1f, ' ', '"', '\\', 0x7f, 0x80, 0xff} {
				w := []byte("abcdefgh")
				w[at] = byte(c)
				for i := at + 1; i < len(w); i++ {
					w[i] = above
				}
				want := 0
				for want < len(w) && plain(w[want]) {
					want++
				}
				got := len(w)
				if f := plainFlags(swar.Load(string(w))); f != 0 {
					got = bits.TrailingZeros64(f) / 8
				}
				if got != want {
					t.Fatalf("plainFlags(%q) flags byte %d first, want %d", w, got, want)
				}
			}
		}
	}
}

// TestAppendRoundedShortest checks the decimals appendRounded writes itself
// against strconv's shortest form of round3(x).
func TestAppendRoundedShortest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	xs := []float64{maxMillis - 0.0004, -maxMillis + 0.0004, 0.0015, -0.0025, 1.0005, 123.4565}
	for range 100000 {
		xs = append(xs, rng.Float64()*2-1, float64(rng.IntN(4000)-2000)/1000, rng.NormFloat64()*1000)
	}
	for _, x := range xs {
		want := strconv.AppendFloat(nil, round3(x), 'f', -1, 64)
		if got := appendRounded(nil, x); string(got) != string(want) {
			t.Fatalf("appendRounded(%v) = %s, want %s", x, got, want)
		}
	}
}

func TestAppendRounded(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{1, "1"},
		{-1, "-1"},
		{0.1, "0.1"},
		{0.62, "0.62"},
		{-0.7142857, "-0.714"},
		{0.0005, "0.001"},   // halves round away from zero
		{-0.0005, "-0.001"}, // on both sides
		{0.00049, "0"},
		{-0.0001, "0"}, // not "-0"
		{math.Copysign(0, -1), "0"},
		{0.9996, "1"},
		{math.NaN(), "0"},
		{math.Inf(1), "0"},
		{math.Inf(-1), "0"},
		{1e300, "1" + strings.Repeat("0", 300)},
	}
	for _, tt := range tests {
		got := string(appendRounded(nil, tt.in))
		if got != tt.want {
			t.Errorf("appendRounded(%v) = %s, want %s", tt.in, got, tt.want)
		}
		if !json.Valid([]byte(got)) {
			t.Errorf("appendRounded(%v) = %s is not JSON", tt.in, got)
		}
	}
}
