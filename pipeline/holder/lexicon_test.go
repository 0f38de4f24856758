package holder

import (
	"strings"
	"testing"
)

func TestParseLexicon(t *testing.T) {
	// A valid lexicon needs every section; build one from the embedded
	// file and break it in the ways the cases say.
	tests := []struct {
		name, text, wantErr string
	}{
		{"embedded", lexiconText, ""},
		{"unknown section", lexiconText + "\n[colours]\nred\n", "unknown section [colours]"},
		{"words before a section", "said\n" + lexiconText, "line 1: words before the first section"},
		{"missing section", strings.Replace(lexiconText, "[mouthpiece]", "[speech]", 1), "section [mouthpiece] missing or empty"},
		{"word too long", lexiconText + "\n" + strings.Repeat("x", maxTableWord+1), "word of 65536 bytes is too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := parseLexicon(tt.text)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("error %v", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("error %v, want %q", err, tt.wantErr)
			case tt.wantErr == "" && !(l.has("said", speechWord) && l.has("critics", peopleNoun) && !l.has("critics", speechWord) && !l.has("#", speechWord)):
				t.Errorf("lexicon lacks expected words")
			}
		})
	}
}

// BenchmarkParseLexicon times the parsing of the embedded lexicon, which
// the first document to resolve waits for.
func BenchmarkParseLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseLexicon(lexiconText); err != nil {
			b.Fatal(err)
		}
	}
}
