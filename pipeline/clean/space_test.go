package clean

import (
	"testing"
)

func TestIsSpaceAndIsIgnorable(t *testing.T) {
	tests := []struct {
		r                rune
		space, ignorable bool
	}{
		{' ', true, false},
		{'\t', true, false},
		{'\n', true, false},
		{'\r', true, false},
		{'\u0085', true, false}, // next line
		{'\u00a0', true, false}, // no-break space
		{'\u2009', true, false}, // thin space
		{'\u2028', true, false}, // line separator
		{'\u202f', true, false}, // narrow no-break space
		{'\u3000', true, false}, // ideographic space
		{'\u00ad', false, true}, // soft hyphen
		{'\u061c', false, true}, // Arabic letter mark
		{'\u200b', false, true}, // zero width space
		{'\u200d', false, true}, // zero width joiner
		{'\u200e', false, true}, // left-to-right mark
		{'\u202a', false, true}, // left-to-right embedding
		{'\u202e', false, true}, // right-to-left override
		{'\u2060', false, true}, // word joiner
		{'\u2066', false, true}, // left-to-right isolate
		{'\u2069', false, true}, // pop directional isolate
		{'\ufeff', false, true}, // byte order mark
		{'a', false, false},
		{'\u00ac', false, false}, // not sign, next to soft hyphen
		{'\u2010', false, false}, // hyphen
		{'é', false, false},
	}
	for _, tt := range tests {
		if got := IsSpace(tt.r); got != tt.space {
			t.Errorf("IsSpace(%U) = %v, want %v", tt.r, got, tt.space)
		}
		if got := IsIgnorable(tt.r); got != tt.ignorable {
			t.Errorf("IsIgnorable(%U) = %v, want %v", tt.r, got, tt.ignorable)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain ASCII.", "plain ASCII."},
		{"tab\there", "tab here"},
		{"line\r\nbreak", "line  break"},
		{"no\u00a0break", "no break"},
		{"zero\u200bwidth", "zerowidth"},
		{"soft\u00adhyphen", "softhyphen"},
		{"\u202aembedded\u202c", "embedded"},
		{"Cafe\u0301", "Café"}, // composed
		{"e\u200b\u0301", "é"}, // composed once the ignorable is gone
		{"Café", "Café"},       // already NFC
		{"\ufeffBOM", "BOM"},   // byte order mark
		{"ideo\u3000graphic", "ideo graphic"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeKeepsCleanStrings(t *testing.T) {
	for _, s := range []string{"WhatsApp", "end-to-end encryption", "Café", "東京"} {
		if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
			t.Errorf("Normalize(%q) allocates %v times, want 0", s, n)
		}
	}
}

func BenchmarkNormalize(b *testing.B) {
	words := []string{"WhatsApp", "encryption", "Café", "zero\u200bwidth", "no\u00a0break"}
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Normalize(w)
		}
	}
}
