package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline"
	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/eval"
)

// silentSystem finds nothing in any article.
type silentSystem struct{}

func (silentSystem) Process(a doc.Article) *doc.Doc { return &doc.Doc{Article: a} }

// TestRunWithOffersMoreBaselines checks that eval scores a baseline that
// RunWith adds, under its name, and that Run does not offer it.
func TestRunWithOffersMoreBaselines(t *testing.T) {
	g := filepath.Join(t.TempDir(), "g.jsonl")
	line := `{"id": "g1", "title": "T", "url": null, "date": null, "source": null, "text": "Apple said no.", "sentences": [{"text": "Apple said no.", "stance": "neutral", "holder": null, "entities": [{"text": "Apple", "type": "ORG"}]}]}` + "\n"
	if err := os.WriteFile(g, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	silent := Baseline{Name: "silent", New: func(pipeline.Options) (eval.System, error) { return silentSystem{}, nil }}
	args := []string{"eval", "--gold", g, "--baseline", "silent"}
	var stdout, stderr bytes.Buffer
	if code := RunWith(context.Background(), args, strings.NewReader(""), &stdout, &stderr, []Baseline{silent}); code != exitOK {
		t.Fatalf("exit status %d, stderr:\n%s", code, stderr.String())
	}
	// The silent baseline finds no ORG: recall 0 beside stancer's.
	header, org := "", ""
	for l := range strings.Lines(stdout.String()) {
		switch f := strings.Fields(l); {
		case len(f) > 0 && f[0] == "stancer" && header == "":
			header = l
		case len(f) > 0 && f[0] == "ORG":
			org = l
		}
	}
	if !strings.Contains(header, "silent") {
		t.Errorf("no silent column in the header %q", header)
	}
	if f := strings.Fields(org); len(f) != 7 || f[5] != "0.000" {
		t.Errorf("ORG row %q: want the silent baseline's recall 0.000 in its sixth field", org)
	}
	stdout.Reset()
	stderr.Reset()
	if code := Run(context.Background(), args, strings.NewReader(""), &stdout, &stderr); code != exitUsage {
		t.Errorf("Run with --baseline silent: exit status %d, want %d", code, exitUsage)
	}
}
