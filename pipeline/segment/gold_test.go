package segment

import (
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/pipeline/clean"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
)

// minTrainF1 is the sentence F1 that Segment must reach on the training
// articles.
const minTrainF1 = 0.99

// spanScore counts sentences found with exactly the gold span.
type spanScore struct{ match, got, want int }

func (c spanScore) precision() float64 { return float64(c.match) / float64(c.got) }
func (c spanScore) recall() float64    { return float64(c.match) / float64(c.want) }

// f1 is 2PR/(P+R) = 2·match/(got+want).
func (c spanScore) f1() float64 { return 2 * float64(c.match) / float64(c.got+c.want) }

// scoreGold runs Clean and Segment on each gold article and compares the
// sentence spans with the gold ones; it logs the differences when verbose.
func scoreGold(t *testing.T, name string, verbose bool) spanScore {
	t.Helper()
	arts, err := gold.ReadFile(filepath.Join("..", "..", "testdata", "gold", name+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var sc spanScore
	for _, a := range arts {
		d := &doc.Doc{Article: a.Article}
		clean.Clean(d)
		Segment(d)
		want := make(map[doc.Span]bool, len(a.Sentences))
		for _, s := range a.Sentences {
			want[s.Span] = true
		}
		got := make(map[doc.Span]bool, len(d.Sentences))
		for _, s := range d.Sentences {
			got[s.Span] = true
			if want[s.Span] {
				sc.match++
			} else if verbose {
				t.Logf("%s: extra   %q", a.ID, a.Text[s.Start:s.End])
			}
		}
		for _, s := range a.Sentences {
			if verbose && !got[s.Span] {
				t.Logf("%s: missing %q", a.ID, s.Text)
			}
		}
		sc.got += len(d.Sentences)
		sc.want += len(a.Sentences)
	}
	t.Logf("%s: sentences gold %d, found %d, exact %d: P %.4f R %.4f F1 %.4f",
		name, sc.want, sc.got, sc.match, sc.precision(), sc.recall(), sc.f1())
	return sc
}

// TestGoldTrain checks sentence spans against the training articles; with
// -v it lists every difference.
func TestGoldTrain(t *testing.T) {
	if sc := scoreGold(t, "train", testing.Verbose()); sc.f1() < minTrainF1 {
		t.Errorf("train F1 = %.4f, want at least %.2f", sc.f1(), minTrainF1)
	}
}

// TestGoldDev reports the same figures on the dev articles; it asserts
// nothing, as dev is for reporting only.
func TestGoldDev(t *testing.T) {
	scoreGold(t, "dev", false)
}
