package clean

import (
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
)

// furnitureScore counts how Clean does on gold articles. A gold furniture
// line is a non-blank line that no gold sentence touches.
type furnitureScore struct {
	lines, found  int // gold furniture lines, and those Clean skips whole
	extra         int // skipped lines that hold a gold sentence
	swallowed     int // gold sentences that overlap a skip span
	missed, wrong []string
}

func scoreFurniture(arts []gold.Article) furnitureScore {
	var sc furnitureScore
	for _, a := range arts {
		d := &doc.Doc{Article: a.Article}
		Clean(d)
		skipped := make(map[doc.Span]bool, len(d.Skip))
		for _, s := range d.Skip {
			skipped[s] = true
		}
		for _, s := range a.Sentences {
			if overlapsAny(s.Span, d.Skip) {
				sc.swallowed++
			}
		}
		for start := 0; start < len(a.Text); {
			end, next := lineEnd(a.Text, start)
			s, e := trim(a.Text, start, end)
			start = next
			if s == e {
				continue
			}
			line := doc.Span{Start: s, End: e}
			prose := false
			for _, g := range a.Sentences {
				prose = prose || overlaps(g.Span, line)
			}
			switch {
			case !prose && skipped[line]:
				sc.lines++
				sc.found++
			case !prose:
				sc.lines++
				sc.missed = append(sc.missed, a.Text[s:e])
			case skipped[line]:
				sc.extra++
				sc.wrong = append(sc.wrong, a.Text[s:e])
			}
		}
	}
	return sc
}

func overlaps(a, b doc.Span) bool { return a.Start < b.End && b.Start < a.End }

func overlapsAny(a doc.Span, spans []doc.Span) bool {
	for _, b := range spans {
		if overlaps(a, b) {
			return true
		}
	}
	return false
}

func readGold(t testing.TB, name string) []gold.Article {
	t.Helper()
	arts, err := gold.ReadFile(filepath.Join("..", "..", "testdata", "gold", name+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// TestFurnitureTrain checks that Clean finds most furniture lines of the
// training articles and never swallows a gold sentence.
func TestFurnitureTrain(t *testing.T) {
	sc := scoreFurniture(readGold(t, "train"))
	t.Logf("train: furniture lines %d, skipped %d, missed %d; prose lines skipped %d; gold sentences overlapping a skip span %d",
		sc.lines, sc.found, len(sc.missed), sc.extra, sc.swallowed)
	for _, l := range sc.missed {
		t.Logf("missed: %q", l)
	}
	if sc.swallowed != 0 || sc.extra != 0 {
		t.Errorf("Clean skipped prose: %d sentences, lines %q", sc.swallowed, sc.wrong)
	}
	if min := 0.98; float64(sc.found) < min*float64(sc.lines) {
		t.Errorf("found %d of %d furniture lines, want at least %.0f%%", sc.found, sc.lines, 100*min)
	}
}

// TestFurnitureDev reports the same figures on the dev articles; it asserts
// nothing, as dev is for reporting only.
func TestFurnitureDev(t *testing.T) {
	sc := scoreFurniture(readGold(t, "dev"))
	t.Logf("dev: furniture lines %d, skipped %d, missed %d; prose lines skipped %d; gold sentences overlapping a skip span %d",
		sc.lines, sc.found, len(sc.missed), sc.extra, sc.swallowed)
}
