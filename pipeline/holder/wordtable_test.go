package holder

import (
	"strings"
	"testing"
)

func TestWordTable(t *testing.T) {
	words := []tableWord{
		{"said", speechWord}, {"critics", peopleNoun}, {"the", prepositionWord},
		{"said", auxWord}, // a repeat adds its class
		{"—", breakWord}, {"a", introWord}, {strings.Repeat("x", 300), timeWord},
	}
	tab := newWordTable(words)
	want := map[string]wordClass{}
	for _, w := range words {
		want[w.word] |= w.class
	}
	// Every word, and near misses: other lengths, other cases, other
	// bytes in the middle, and words sharing the bytes the hash reads.
	probes := []string{"", "Said", "SAID", "sad", "saidd", "aid", "sbid", "snid", "th", "thee", "t", "A", "b", "-", "–", "——", strings.Repeat("x", 299), strings.Repeat("x", 301), "xyx"}
	for w := range want {
		probes = append(probes, w)
	}
	for _, w := range probes {
		if got := tab.classOf(w); got != want[w] {
			t.Errorf("classOf(%q) = %#x, want %#x", w, got, want[w])
		}
	}
	empty := newWordTable(nil)
	for _, w := range probes {
		if got := empty.classOf(w); got != 0 {
			t.Errorf("empty table: classOf(%q) = %#x, want 0", w, got)
		}
	}
}

func TestWordTableLexicon(t *testing.T) {
	// The embedded lexicon through its table agrees with the lexicon
	// parsed into a map.
	want := map[string]wordClass{}
	var cur wordClass
	for line := range strings.Lines(lexiconText) {
		line, _, _ = strings.Cut(line, "#")
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			for _, s := range sections {
				if "["+s.name+"]" == line {
					cur = s.class
				}
			}
			continue
		}
		for _, w := range strings.Fields(line) {
			want[w] |= cur
		}
	}
	l := lex()
	for w, c := range want {
		for _, probe := range []string{w, strings.ToUpper(w), w + "s", w[1:]} {
			if got := l.words.classOf(probe); got != want[probe] {
				t.Errorf("classOf(%q) = %#x, want %#x", probe, got, want[probe])
			}
		}
		if !l.has(w, c) || l.has(w, ^c) {
			t.Errorf("has(%q) does not give exactly its classes %#x", w, c)
		}
	}
}

// BenchmarkWordTable looks up every token of the training articles in the
// lexicon, as tokenBuf.prepare does.
func BenchmarkWordTable(b *testing.B) {
	var words []string
	for _, a := range readGold(b, "train.jsonl") {
		for _, tok := range docFromGold(b, a).Tokens {
			words = append(words, strings.ToLower(tok.Norm))
		}
	}
	tab := lex().words
	b.ResetTimer()
	var seen wordClass
	for b.Loop() {
		for _, w := range words {
			seen |= tab.classOf(w)
		}
	}
	if seen == 0 {
		b.Fatal("no token of the articles is in the lexicon")
	}
}
