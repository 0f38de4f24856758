package tokenize

import (
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/clean"
)

// classesOf returns the union of the classes of the bytes of w.
func classesOf(w string) class {
	var seen class
	for i := 0; i < len(w); i++ {
		seen |= byteClasses[w[i]]
	}
	return seen
}

func TestByteClasses(t *testing.T) {
	for b := range 256 {
		r, k := rune(b), byteClasses[b]
		if got, want := k&classNonASCII != 0, b >= utf8.RuneSelf; got != want {
			t.Errorf("byte %#x: non-ASCII class %v, want %v", b, got, want)
		}
		if b >= utf8.RuneSelf {
			if k != classNonASCII {
				t.Errorf("byte %#x: class %#x, want only classNonASCII", b, k)
			}
			continue
		}
		for _, c := range []struct {
			name string
			bit  class
			want bool
		}{
			{"space", classSpace, clean.IsSpace(r)},
			{"hyphen", classHyphen, r == '-'},
			{"apostrophe", classApostrophe, r == '\''},
			{"at", classAt, r == '@'},
			{"period", classPeriod, r == '.'},
		} {
			if got := k&c.bit != 0; got != c.want {
				t.Errorf("byte %q: %s class %v, want %v", r, c.name, got, c.want)
			}
		}
	}
}

// classPieces are the pieces of the chunks of TestClassesOnlySkipTests:
// every byte and rune that some test of appendBody looks for, and others.
var classPieces = []string{
	"a", "S", "t", "'", "’", "-", "—", "–", "@", ".", "w", "h", "http://", "www.",
	"n't", "N’T", "x.org", "\u200b", "é", "\xe2\x80", "\xff",
}

// TestClassesOnlySkipTests requires the tokens of a chunk to be the same
// whether appendChunk knows its byte classes or is told that every class
// occurs in it, and so runs every test and normalizes every token.
func TestClassesOnlySkipTests(t *testing.T) {
	const all = ^class(0)
	words := []string{""}
	for range 3 {
		var next []string
		for _, w := range words {
			for _, p := range classPieces {
				next = append(next, w+p)
			}
		}
		words = next
		for _, w := range words {
			_, seen := chunkEnd(w, 0)
			var got, want tokenBuffer
			got.appendChunk(w, 0, len(w), seen)
			want.appendChunk(w, 0, len(w), all)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("chunk %q: tokens %v with its classes %#x, %v with all", w, got, seen, want)
			}
		}
	}
}

func TestChunkEnd(t *testing.T) {
	for _, tc := range []struct {
		text      string
		end       int
		wantClass class
	}{
		{"ab cd", 2, 0},
		{"U.S. x", 4, classPeriod},
		{"Encryption9 backdoors", 11, 0},
		{"abcdefgh", 8, 0},
		{"abcdefgh-ij\nk", 11, classHyphen},
		{"ABCDEFG\x00xyz z", 11, 0},
		{"Zürich123 x", 10, classNonASCII},
		{"[{@`~/:;x", 9, classOpening | classClosing | classAt},
		{"a-b'c@d\te", 7, classHyphen | classApostrophe | classOpening | classClosing | classAt},
		{"(x)", 3, classOpening | classClosing},
		{"né\u00a0x", 3, classNonASCII},
		{"\"*", 2, classOpening | classClosing},
		{"x\xff", 2, classNonASCII},
	} {
		end, seen := chunkEnd(tc.text, 0)
		if end != tc.end || seen != tc.wantClass {
			t.Errorf("chunkEnd(%q, 0) = %d, %#x, want %d, %#x", tc.text, end, seen, tc.end, tc.wantClass)
		}
	}
}

func TestAlnumRun(t *testing.T) {
	isAlnum := func(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' }
	for b := range 256 {
		for p := range 8 {
			w := []byte("aZ09zA9a")
			w[p] = byte(b)
			want := 8
			if !isAlnum(byte(b)) {
				want = p
			}
			if got := alnumRun(string(w), 0); got != want {
				t.Errorf("alnumRun(%q) = %d, want %d", w, got, want)
			}
		}
	}
}
