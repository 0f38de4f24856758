package clean

import (
	"strings"
	"testing"
)

// TestWordScans checks fold and lineEnd, which read eight bytes at a time,
// against a byte at a time, with every byte at every place of a word,
// after a prefix that shifts it across word boundaries.
func TestWordScans(t *testing.T) {
	for c := range 128 {
		for at := range 20 {
			line := []byte(strings.Repeat("Ab@[Z`z{", 3))
			line[at] = byte(c)
			s := string(line)

			want := make([]byte, len(s))
			for i := range len(s) {
				want[i] = s[i]
				if 'A' <= s[i] && s[i] <= 'Z' {
					want[i] += 'a' - 'A'
				}
			}
			if got := fold(nil, s); string(got) != string(want) {
				t.Fatalf("fold(%q) = %q, want %q", s, got, want)
			}

			end, next := len(s), len(s)
			if i := strings.IndexAny(s, "\r\n"); i >= 0 {
				end, next = i, i+1
			}
			if e, n := lineEnd(s, 0); e != end || n != next {
				t.Fatalf("lineEnd(%q, 0) = %d, %d, want %d, %d", s, e, n, end, next)
			}
		}
	}
}

// TestLineEndAfterRunes checks lineEnd on line ends after runes outside
// ASCII, which stop the word-at-a-time scan.
func TestLineEndAfterRunes(t *testing.T) {
	tests := []struct {
		text      string
		end, next int
	}{
		{"Zoé dit « non » à Paris\n", 27, 28},
		{"北京 and more text\u2028next", 20, 23},
		{"a long line of plain text\r\nnext", 25, 27},
		{"a long line of plain text without an end", 40, 40},
	}
	for _, tt := range tests {
		if end, next := lineEnd(tt.text, 0); end != tt.end || next != tt.next {
			t.Errorf("lineEnd(%q, 0) = %d, %d, want %d, %d", tt.text, end, next, tt.end, tt.next)
		}
	}
}
