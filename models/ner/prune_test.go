package ner

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestPruneKeepsLabels checks that decoding settled tokens as O without
// scoring them (extractor.prune) changes no label of the embedded model on
// the sentences of the gold articles, split crudely into words and
// punctuation and left untagged, so that the model sees text it was not
// fitted on in this form.
func TestPruneKeepsLabels(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`[\pL\pN]+(?:['’.-][\pL\pN]+)*|\S`)
	pruned := m.pool.New().(*scratch)
	full := m.pool.New().(*scratch)
	full.ex.prune = false
	sentences, settled, tokens := 0, 0, 0
	for _, name := range []string{"train", "dev"} {
		f, err := os.Open("../../testdata/gold/" + name + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var a struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(a.Text, "\n") {
				for _, s := range strings.SplitAfter(line, ". ") {
					words := word.FindAllString(s, -1)
					if len(words) == 0 {
						continue
					}
					want := m.label(full, Sentence{Words: words}, nil)
					got := m.label(pruned, Sentence{Words: words}, nil)
					if !slices.Equal(got, want) {
						t.Errorf("%q: pruned %v, unpruned %v", s, got, want)
					}
					sentences++
					tokens += len(words)
					for _, b := range pruned.ex.settled {
						settled += int(b2u(b))
					}
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	if settled == 0 || settled == tokens {
		t.Fatalf("%d of %d tokens settled: the test checks nothing", settled, tokens)
	}
	t.Logf("%d sentences, %d of %d tokens settled", sentences, settled, tokens)
}
