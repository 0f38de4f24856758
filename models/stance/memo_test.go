package stance

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"
)

// packFolded packs the folded form of s as shortSlot.text does, one byte at
// a time: the reference for packShort.
func packFolded(s string) (text [2]uint64) {
	for k, c := range []byte(fold(s)) {
		text[k/8] |= uint64(c) << (8 * (k % 8))
	}
	return text
}

func TestPackShort(t *testing.T) {
	const letters = "EnCrYpTiOn-BackDoorZ@[`{"
	var short []string
	for n := 1; n <= shortWord; n++ {
		short = append(short, (letters + letters)[n:2*n]) // every length, shifted
	}
	short = append(short, "A", "Z", "@", "[", "`", "{", "a\x00b", "U.S.", "2026")
	for _, s := range short {
		got, ok := packShort(s)
		if want := packFolded(s); !ok || got != want {
			t.Errorf("packShort(%q) = %#x, %v, want %#x, true", s, got, ok, want)
		}
	}
	for _, s := range []string{"", strings.Repeat("x", shortWord+1), "n’t", "café", "“"} {
		if _, ok := packShort(s); ok {
			t.Errorf("packShort(%q) packs a word that is empty, too long or not ASCII", s)
		}
	}
}

// TestMemoAgrees checks that a memo gives what analysing the folded word
// gives, for short and long words and however their letters are cased,
// also after its short table has grown and after it has started afresh.
func TestMemoAgrees(t *testing.T) {
	lex, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Backdoor", "BACKDOOR", "said", "Encryption", "n’t", "“", ",", "2026",
		"internationalization", "Über", strings.Repeat("Ab", shortWord/2)}
	for i := range 3000 { // enough to grow the short table several times
		words = append(words, fmt.Sprintf("Word%dx", i))
	}
	var m memo
	check := func(when string) {
		for _, w := range words {
			if got, want := lex.words.lookup(w, &m), lex.words.analyse(fold(w)); got != want {
				t.Fatalf("%s: lookup(%q) = %+v, want %+v", when, w, got, want)
			}
		}
	}
	check("first seen")
	check("remembered")
	if m.count == 0 || 4*m.count > 3*len(m.short) {
		t.Errorf("short table holds %d words in %d slots, want some, at most 3/4 full", m.count, len(m.short))
	}
	m.count = memoLimit // as if full: the next new word starts afresh
	if got, want := lex.words.lookup("Freshword", &m), lex.words.analyse("freshword"); got != want || m.count != 1 {
		t.Errorf("lookup on a full memo = %+v holding %d words, want %+v holding 1", got, m.count, want)
	}
	check("after starting afresh")
	if size := unsafe.Sizeof(shortSlot{}); size != 32 {
		t.Errorf("a short slot takes %d bytes, want 32", size)
	}
}

// BenchmarkLookup analyses the words of the cue lists, by now remembered,
// as a document's tokens are analysed.
func BenchmarkLookup(b *testing.B) {
	lex, err := sharedLexicon()
	if err != nil {
		b.Fatal(err)
	}
	var words []string
	for _, name := range []string{"favor.txt", "against.txt", "actors.txt"} {
		lines, err := readList(name)
		if err != nil {
			b.Fatal(err)
		}
		for _, l := range lines {
			words = append(words, strings.Fields(l)...)
		}
	}
	var m memo
	for _, w := range words {
		lex.words.lookup(w, &m)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, w := range words {
			lex.words.lookup(w, &m)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
}
