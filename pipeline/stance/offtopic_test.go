package stance

import (
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/gold"
)

// offTopicShare is the largest share of the sentences of off-topic
// articles that the model may give a side. Before the model learnt to
// tell such articles apart, it gave one to 15 of these 41 sentences.
const offTopicShare = 0.1

// TestOffTopicArticles checks the embedded model on testdata/offtopic.jsonl:
// news that never touches encryption but shares the words of the debate
// (police, children, must, the government should), written for this test
// and never trained on. Every sentence is neutral there (its mentions are
// not annotated); the model may miss a few, not many.
func TestOffTopicArticles(t *testing.T) {
	arts, err := gold.ReadFile(filepath.Join("testdata", "offtopic.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	e := mustEvaluate(t, defaultModel(t), arts)
	sided, total := 0, 0
	for g, row := range e.Report.Confusion {
		for p, n := range row {
			total += n
			if p != labelIndex(doc.Neutral) {
				sided += n
			}
			if g != labelIndex(doc.Neutral) && n > 0 {
				t.Fatalf("gold label %d in an off-topic file", g)
			}
		}
	}
	if total == 0 {
		t.Fatal("no sentences read")
	}
	t.Logf("%d of %d off-topic sentences take a side", sided, total)
	if share := float64(sided) / float64(total); share > offTopicShare {
		t.Errorf("%d of %d off-topic sentences (%.2f) take a side, more than %.2f", sided, total, share, offTopicShare)
	}
}
