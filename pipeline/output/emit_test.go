package output

import "testing"

func TestParseEmit(t *testing.T) {
	tests := []struct {
		in   string
		want Emit
		ok   bool
	}{
		{"", Articles, true},
		{"articles", Articles, true},
		{"sentences", Sentences, true},
		{"entities", Entities, true},
		{"Articles", "", false},
		{"article", "", false},
		{"tokens", "", false},
	}
	for _, tt := range tests {
		got, err := ParseEmit(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseEmit(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}
