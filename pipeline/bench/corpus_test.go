package bench

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/goldenfile"
)

// ptr returns a pointer to s.
func ptr(s string) *string { return &s }

// testArticles are the material of the test corpora.
var testArticles = []doc.Article{
	{Title: ptr("Minister wants a way into encrypted chats"), Source: ptr("Northgate Herald"),
		Text: "Minister wants a way into encrypted chats\n\nBy A. Writer\n\nThe minister said on Monday that apps must let police read messages.\n\nCritics said a backdoor would weaken everyone's security.\n\nAdvertisement\n\nThe bill goes to a vote next month."},
	{Source: ptr("Kite & Key"),
		Text: "Why end-to-end encryption matters\n\nEncryption protects journalists and their sources.\n\n\"There is no backdoor only the good guys can use,\" said Dr. Lee.\r\n\r\nShare | Print | Email"},
	{Title: ptr("A note with no body"), Text: "Only a headline"},
}

// testPool returns the Pool of testArticles.
func testPool(t *testing.T) *Pool {
	t.Helper()
	p, err := NewPool(testArticles)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// generate returns the corpus of the given size and seed.
func generate(t *testing.T, p *Pool, size int64, seed uint64) ([]byte, Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := p.Generate(&buf, size, seed)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), st
}

func TestGenerateIsDeterministic(t *testing.T) {
	p := testPool(t)
	a, _ := generate(t, p, 20e3, 1)
	b, _ := generate(t, testPool(t), 20e3, 1)
	if !bytes.Equal(a, b) {
		t.Error("two corpora of the same pool, size and seed differ")
	}
	if c, _ := generate(t, p, 20e3, 2); bytes.Equal(a, c) {
		t.Error("the corpora of seeds 1 and 2 are equal")
	}
	small, _ := generate(t, p, 5e3, 1)
	if !bytes.HasPrefix(a, small) {
		t.Error("the corpus of 5 kB is not a prefix of that of 20 kB")
	}
}

func TestGenerateSizeAndRecords(t *testing.T) {
	p := testPool(t)
	for _, size := range []int64{0, 1, 3000, 20e3} {
		out, st := generate(t, p, size, 3)
		if st.Bytes != int64(len(out)) {
			t.Errorf("size %d: Stats.Bytes %d, wrote %d", size, st.Bytes, len(out))
		}
		lines := strings.SplitAfter(string(out), "\n")
		lines = lines[:len(lines)-1] // after the last line feed
		if len(lines) != st.Articles {
			t.Errorf("size %d: Stats.Articles %d, wrote %d lines", size, st.Articles, len(lines))
		}
		if st.Bytes < size || st.Articles > 0 && st.Bytes-int64(len(lines[len(lines)-1])) >= size {
			t.Errorf("size %d: wrote %d bytes, want the fewest articles that reach the size", size, st.Bytes)
		}
		for i, line := range lines {
			var rec record
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatalf("size %d: line %d: %v", size, i+1, err)
			}
			if rec.ID == "" || rec.Date == "" || rec.URL == "" || !strings.HasPrefix(rec.Text, rec.Title+"\n\n") {
				t.Errorf("size %d: line %d lacks a field or its headline: %s", size, i+1, line)
			}
		}
	}
}

func TestGenerateGolden(t *testing.T) {
	out, _ := generate(t, testPool(t), 1500, 7)
	// A change here means the generator changed: bump generatorVersion.
	goldenfile.Check(t, filepath.Join("testdata", "corpus.golden.jsonl"), out)
}

func TestNewPool(t *testing.T) {
	p := testPool(t)
	wantTitles := []string{"Minister wants a way into encrypted chats", "Why end-to-end encryption matters"}
	if strings.Join(p.titles, "|") != strings.Join(wantTitles, "|") {
		t.Errorf("titles %q, want %q", p.titles, wantTitles)
	}
	if got := len(p.bodies[1]); got != 3 {
		t.Errorf("the second article has %d body paragraphs, want 3 (CRLF blank lines split too): %q", got, p.bodies[1])
	}
	if got := strings.Join(p.sources, "|"); got != "Northgate Herald|Kite & Key" {
		t.Errorf("sources %q", got)
	}
	if _, err := NewPool(testArticles[2:]); err == nil {
		t.Error("NewPool of articles without bodies succeeded")
	}
	other, err := NewPool(testArticles[:1])
	if err != nil {
		t.Fatal(err)
	}
	if other.Digest() == p.Digest() {
		t.Error("pools of different articles have the same digest")
	}
}

func TestLoadPool(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "gold", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	p, err := LoadPool(files)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.bodies) < 100 || len(p.sources) < 10 {
		t.Errorf("%d articles and %d sources from the gold files, want more", len(p.bodies), len(p.sources))
	}
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"text\": 3}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadPool([]string{bad}); err == nil {
		t.Error("LoadPool of a bad record succeeded")
	}
}

func TestCached(t *testing.T) {
	p, dir := testPool(t), t.TempDir()
	// A corpus of another pool is removed when a new one is generated.
	stale := filepath.Join(dir, "corpus-0123456789ab-seed5-4000.jsonl")
	if err := os.WriteFile(stale, []byte("{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := p.Cached(dir, 4000, 5)
	if err != nil {
		t.Fatal(err)
	}
	want, st := generate(t, p, 4000, 5)
	got, err := os.ReadFile(c.Path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) || c.Stats != st {
		t.Errorf("cached corpus %+v differs from the generated one %+v", c.Stats, st)
	}
	info, err := os.Stat(c.Path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o644 {
		t.Errorf("the corpus file has mode %v, want 0644", info.Mode())
	}
	// A second call reuses the file as it finds it.
	if err := os.WriteFile(c.Path, []byte("x\ny\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	again, err := p.Cached(dir, 4000, 5)
	if want := (Corpus{c.Path, Stats{Bytes: 4, Articles: 2}}); err != nil || again != want {
		t.Errorf("second call: %+v, %v; want %+v", again, err, want)
	}
	// Another size of the same pool is kept beside it.
	other, err := p.Cached(dir, 3000, 5)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if want := []string{filepath.Base(other.Path), filepath.Base(c.Path)}; !slices.Equal(names, want) {
		t.Errorf("the cache holds %q, want %q", names, want)
	}
}
