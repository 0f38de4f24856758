package gazetteer

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// testGazetteer builds a small gazetteer of two lists from inline text.
func testGazetteer(t *testing.T) *Gazetteer {
	t.Helper()
	apps, err := ParseList("apps", strings.NewReader("# messaging\nSignal\nFacebook Messenger\n\n  Messenger  \n"))
	if err != nil {
		t.Fatal(err)
	}
	orgs, err := ParseList("orgs", strings.NewReader("Home Office\nNational Center for Missing & Exploited Children\nFacebook\n"))
	if err != nil {
		t.Fatal(err)
	}
	g, err := New([]List{apps, orgs})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestParseListSkipsCommentsAndBlankLines(t *testing.T) {
	l, err := ParseList("x", strings.NewReader("# c\n\nA b\n  C  \n#d\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"A", "b"}, {"C"}}
	if !slices.EqualFunc(l.Entries, want, slices.Equal) {
		t.Errorf("entries = %q, want %q", l.Entries, want)
	}
}

func TestMatch(t *testing.T) {
	g := testGazetteer(t)
	const apps, orgs = 0, 1
	tests := []struct {
		sentence string
		fold     bool
		want     map[int]uint64 // token index -> bits; other tokens 0
	}{
		{"I use Signal daily", false, map[int]uint64{2: Bit(apps, Unit)}},
		{"I use signal daily", false, nil},
		{"I use SIGNAL daily", true, map[int]uint64{2: Bit(apps, Unit)}},
		// The longest entry wins within a list; other lists match on their own.
		{"on Facebook Messenger .", false, map[int]uint64{
			1: Bit(apps, Begin) | Bit(orgs, Unit),
			2: Bit(apps, Last),
		}},
		{"the Home Office said", false, map[int]uint64{1: Bit(orgs, Begin), 2: Bit(orgs, Last)}},
		{"the Home secretary", false, nil},
		{"the National Center for Missing & Exploited Children", false, map[int]uint64{
			1: Bit(orgs, Begin), 2: Bit(orgs, Inside), 3: Bit(orgs, Inside), 4: Bit(orgs, Inside),
			5: Bit(orgs, Inside), 6: Bit(orgs, Inside), 7: Bit(orgs, Last),
		}},
		// A prefix of an entry that is cut short matches nothing.
		{"the National Center", false, nil},
		{"", false, nil},
	}
	for _, tt := range tests {
		words := strings.Fields(tt.sentence)
		out := make([]uint64, len(words))
		for i := range out {
			out[i] = 42 // Match must clear stale bits
		}
		g.Match(words, tt.fold, out)
		for i, got := range out {
			if want := tt.want[i]; got != want {
				t.Errorf("Match(%q, fold=%v) token %d = %#x, want %#x", tt.sentence, tt.fold, i, got, want)
			}
		}
	}
}

// TestMatchHashes checks that MatchHashes finds what Match finds, on the
// shipped lists.
func TestMatchHashes(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Home Secretary Amber Rudd told the BBC that WhatsApp and FACEBOOK MESSENGER must give police in São Paulo and New York access , the Home Office said .")
	for _, fold := range []bool{false, true} {
		want, got := make([]uint64, len(words)), make([]uint64, len(words))
		g.Match(words, fold, want)
		hashes := make([]uint64, len(words))
		for i, w := range words {
			hashes[i] = Extend(Seed, w, fold)
		}
		g.MatchHashes(hashes, fold, got)
		if !slices.Equal(got, want) {
			t.Errorf("fold=%v: MatchHashes = %x, Match = %x", fold, got, want)
		}
		if slices.Equal(want, make([]uint64, len(words))) {
			t.Errorf("fold=%v: nothing matched", fold)
		}
	}
}

// TestIndex checks an index against a map, with keys crowding a few
// homes so that runs are long and wrap around.
func TestIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	x := newIndex(200)
	want := map[uint64]node{}
	for i := range 200 {
		k := rng.Uint64()&^255 | (250+rng.Uint64N(12))%256
		n := node{lists: uint16(i), prefix: i%2 == 0}
		*x.at(k) = n
		want[k] = n
	}
	for k, n := range want {
		if got, ok := x.get(k); !ok || got != n {
			t.Errorf("get(%#x) = %v, %v; want %v, true", k, got, ok, n)
		}
	}
	for range 1000 {
		k := rng.Uint64()
		if _, ok := want[k]; !ok {
			if got, ok := x.get(k); ok {
				t.Errorf("get(%#x) = %v of a key never added", k, got)
			}
		}
	}
}

func TestContains(t *testing.T) {
	g := testGazetteer(t)
	tests := []struct {
		words string
		fold  bool
		want  uint16
	}{
		{"Facebook", false, 1 << 1},
		{"Facebook Messenger", false, 1 << 0},
		{"facebook messenger", false, 0},
		{"facebook messenger", true, 1 << 0},
		{"Home", false, 0},
	}
	for _, tt := range tests {
		if got := g.Contains(strings.Fields(tt.words), tt.fold); got != tt.want {
			t.Errorf("Contains(%q, %v) = %b, want %b", tt.words, tt.fold, got, tt.want)
		}
	}
}

func TestNewRejectsBadLists(t *testing.T) {
	many := make([]List, MaxLists+1)
	for i := range many {
		many[i].Name = fmt.Sprint("l", i)
	}
	tests := []struct {
		name  string
		lists []List
		want  string
	}{
		{"too many", many, "more than 16"},
		{"repeated name", []List{{Name: "a"}, {Name: "a"}}, `repeated name "a"`},
		{"empty name", []List{{Name: ""}}, "empty or repeated"},
		{"empty entry", []List{{Name: "a", Entries: [][]string{{}}}}, "entry of 0 tokens"},
	}
	for _, tt := range tests {
		if _, err := New(tt.lists); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: New error = %v, want it to contain %q", tt.name, err, tt.want)
		}
	}
	long := strings.Repeat("w ", MaxEntryLen+1)
	if _, err := ParseList("x", strings.NewReader(long)); err == nil {
		t.Errorf("ParseList accepted an entry of %d tokens", MaxEntryLen+1)
	}
}

func TestFingerprintFollowsContent(t *testing.T) {
	a := List{Name: "a", Entries: [][]string{{"X", "Y"}}}
	b := List{Name: "a", Entries: [][]string{{"X Y"}}}
	c := List{Name: "b", Entries: [][]string{{"X", "Y"}}}
	var fps []uint64
	for _, l := range []List{a, b, c, a} {
		g, err := New([]List{l})
		if err != nil {
			t.Fatal(err)
		}
		fps = append(fps, g.Fingerprint())
	}
	if fps[0] != fps[3] || fps[0] == fps[1] || fps[0] == fps[2] {
		t.Errorf("fingerprints = %x: want equal lists equal and others different", fps)
	}
}

// TestShippedLists checks the embedded lists: all load, each expected list
// is present, and no list repeats an entry.
func TestShippedLists(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"apps", "demonyms", "firstnames", "nonentities", "orgs", "orgwords", "places", "titles"}
	if !slices.Equal(g.Names(), want) {
		t.Errorf("lists = %q, want %q", g.Names(), want)
	}
	for _, name := range want {
		f, err := os.Open(filepath.Join("lists", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		l, err := ParseList(name, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, e := range l.Entries {
			k := strings.Join(e, " ")
			if seen[k] {
				t.Errorf("list %s repeats %q", name, k)
			}
			seen[k] = true
		}
	}
	places := g.Lookup("places")
	for _, w := range []string{"LONDON", "São Paulo", "SÃO PAULO", "The Hague"} {
		if g.Contains(strings.Fields(w), true)&(1<<places) == 0 {
			t.Errorf("places does not contain %q (folded)", w)
		}
	}
}

func TestExtendFoldsUnicode(t *testing.T) {
	if Extend(Seed, "MÜLLER", true) != Extend(Seed, "müller", false) {
		t.Error("folded hash of MÜLLER differs from hash of müller")
	}
	if Extend(Seed, "MÜLLER", false) == Extend(Seed, "müller", false) {
		t.Error("exact hashes of MÜLLER and müller are equal")
	}
	if Mix(0, 0) == 0 {
		t.Error("Mix returned 0")
	}
}

// FuzzExtendBoth checks that ExtendBoth gives the two hashes of Extend, on
// any bytes, valid UTF-8 or not.
func FuzzExtendBoth(f *testing.F) {
	for _, w := range []string{"", "WhatsApp", "MÜLLER", "São Paulo", "\xff\xfeA", "ǅ", "İstanbul"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		folded, cased := ExtendBoth(Seed, w)
		if want := Extend(Seed, w, true); folded != want {
			t.Errorf("%q: folded hash %#x, Extend gives %#x", w, folded, want)
		}
		if want := Extend(Seed, w, false); cased != want {
			t.Errorf("%q: cased hash %#x, Extend gives %#x", w, cased, want)
		}
	})
}

// BenchmarkMatch measures an exact and a folded Match of a sentence and
// reports tokens per second.
func BenchmarkMatch(b *testing.B) {
	g, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	words := strings.Fields("Home Secretary Amber Rudd told the BBC that WhatsApp and Facebook Messenger must give police in London and New York access , the Home Office said .")
	out := make([]uint64, len(words))
	for b.Loop() {
		g.Match(words, false, out)
		g.Match(words, true, out)
	}
	b.ReportMetric(float64(len(words))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures building the gazetteer of the shipped lists, as
// a process does once at start-up.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadShipped(); err != nil {
			b.Fatal(err)
		}
	}
}
