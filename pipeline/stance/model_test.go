package stance

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stancer/stancer/pipeline/gold"
)

// update rewrites the embedded model file from the training set.
var update = flag.Bool("update", false, "retrain on testdata/gold/train.jsonl and extra.jsonl and rewrite models/stance/stance-lr.gz")

// modelPath is the embedded model file, relative to this package.
var modelPath = filepath.Join("..", "..", "models", "stance", "stance-lr.gz")

// slow reports whether the opt-in slow tests run (STANCER_SLOW=1).
func slow() bool { return os.Getenv("STANCER_SLOW") == "1" }

// readGold reads a gold file of the repository's testdata.
func readGold(t testing.TB, name string) []gold.Article {
	t.Helper()
	arts, err := gold.ReadFile(filepath.Join("..", "..", "testdata", "gold", name))
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// trainingSet returns the articles the released model is trained on: the
// training set and the extra articles written for the model.
func trainingSet(t testing.TB) []gold.Article {
	t.Helper()
	return append(readGold(t, "train.jsonl"), readGold(t, "extra.jsonl")...)
}

// TestModelFile retrains the released model on the whole training set and
// the extra articles and checks that it has the bytes of the embedded model
// file: training is reproducible and the file is up to date. With -update
// it rewrites the file instead. It takes a few seconds, so it runs only with -update or
// STANCER_SLOW=1.
func TestModelFile(t *testing.T) {
	if !*update && !slow() {
		t.Skip("set STANCER_SLOW=1 to retrain and compare with the embedded model")
	}
	c, err := Train(trainingSet(t))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(modelPath, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s: %s, %d bytes", modelPath, c.Name(), buf.Len())
		return
	}
	want, err := os.ReadFile(modelPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Fatalf("retrained model %s (%d bytes) differs from %s (%d bytes); run go test -run TestModelFile -update", c.Name(), buf.Len(), modelPath, len(want))
	}
}
