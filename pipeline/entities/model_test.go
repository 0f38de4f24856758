package entities

import (
	"bytes"
	"os"
	"testing"

	"github.com/stancer/stancer/models/wordtag"
	"github.com/stancer/stancer/pipeline/gold"
	"github.com/stancer/stancer/pipeline/goldenfile"
)

// embeddedModel is the model file that models/ner embeds.
const embeddedModel = "../../models/ner/model.gz"

// slow reports whether the slow, opt-in tests should run.
func slow() bool { return os.Getenv("STANCER_SLOW") == "1" }

// readGold reads a gold file of the repository's testdata.
func readGold(t testing.TB, name string) []gold.Article {
	t.Helper()
	arts, err := gold.ReadFile("../../testdata/gold/" + name + ".jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// tagger returns the pipeline's part-of-speech tagger.
func tagger(t testing.TB) *wordtag.Lexicon {
	t.Helper()
	tg, err := wordtag.Default()
	if err != nil {
		t.Fatal(err)
	}
	return tg
}

// TestEmbeddedModelIsReproducible retrains the model on all of train.jsonl
// with the default options and checks that it is byte for byte the
// embedded file; with -update it rewrites the file instead.
func TestEmbeddedModelIsReproducible(t *testing.T) {
	if !goldenfile.Update() && !slow() {
		t.Skip("slow: set STANCER_SLOW=1 (or -update to rewrite the model)")
	}
	var log bytes.Buffer
	r, err := Train(readGold(t, "train"), tagger(t), TrainOptions{Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	t.Log(log.String())
	var b bytes.Buffer
	if _, err := r.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if goldenfile.Update() {
		if err := os.WriteFile(embeddedModel, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %d bytes, model %s", embeddedModel, b.Len(), r.Name())
		return
	}
	want, err := os.ReadFile(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("retrained model (%d bytes, %s) differs from %s (%d bytes): run go test -run TestEmbeddedModelIsReproducible -update", b.Len(), r.Name(), embeddedModel, len(want))
	}
}
