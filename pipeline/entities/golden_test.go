package entities

import (
	"crypto/sha256"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/goldenfile"
)

// TestRecognizeGolden runs Recognize on the gold articles, split into the
// gold sentences, and compares every mention and entity with
// testdata/recognize.golden: those of dev.jsonl listed one to a line,
// those of train.jsonl and extra.jsonl as a SHA-256 of the same listing.
// Speed-ups of the model or the stage must leave the file unchanged; a
// change meant to alter the output rewrites it with -update.
func TestRecognizeGolden(t *testing.T) {
	if testing.Short() {
		t.Skip("tags every gold article")
	}
	r := defaultRecognizer(t)
	tg := tagger(t)
	var b strings.Builder
	writeOutput(&b, r, goldDocs(readGold(t, "dev"), tg))
	for _, name := range []string{"train", "extra"} {
		h := sha256.New()
		writeOutput(h, r, goldDocs(readGold(t, name), tg))
		fmt.Fprintf(&b, "%s.jsonl sha256 %x\n", name, h.Sum(nil))
	}
	goldenfile.Check(t, filepath.Join("testdata", "recognize.golden"), []byte(b.String()))
}

// writeOutput recognizes the entities of docs and writes, for each doc, a
// line per mention (M, byte span, sentence, type, entity, text) and per
// entity (E, id, type, count, name, aliases).
func writeOutput(w io.Writer, r *Recognizer, docs []*doc.Doc) {
	for i, d := range docs {
		r.Recognize(d)
		fmt.Fprintf(w, "doc %d %s\n", i, d.ID)
		for _, m := range d.Mentions {
			fmt.Fprintf(w, "M %d-%d s%d %s e%d %q\n", m.Start, m.End, m.Sentence, m.Type, m.Entity, m.Text)
		}
		for _, e := range d.Entities {
			fmt.Fprintf(w, "E %d %s %d %q %q\n", e.ID, e.Type, e.Count, e.Name, e.Aliases)
		}
	}
}
