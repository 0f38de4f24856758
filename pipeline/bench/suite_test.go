package bench

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestSizesNamed(t *testing.T) {
	for name, want := range map[string]Sizes{"": Default, "default": Default, "small": Small} {
		if got, err := SizesNamed(name); err != nil || got != want {
			t.Errorf("SizesNamed(%q) = %+v, %v", name, got, err)
		}
	}
	if _, err := SizesNamed("huge"); err == nil {
		t.Error("SizesNamed(huge) succeeded")
	}
}

// TestRun runs the whole suite on tiny corpora with the test binary as a
// fake stancer. Loading prose's model makes it slow: it is skipped in
// short mode.
func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("loads prose's model")
	}
	t.Setenv(helperEnv, "stancer")
	gold := filepath.Join(t.TempDir(), "gold.jsonl")
	var lines []byte
	for _, a := range testArticles {
		line, err := json.Marshal(map[string]string{"text": a.Text})
		if err != nil {
			t.Fatal(err)
		}
		lines = append(append(lines, line...), '\n')
	}
	if err := os.WriteFile(gold, lines, 0o644); err != nil {
		t.Fatal(err)
	}
	sizes := Sizes{Throughput: 8e3, Slice: 2e3, Memory: 8e3, Soak: 16e3, FirstRecordRuns: 3, Rounds: 2}
	r, err := Run(context.Background(), Config{Binary: os.Args[0], Gold: []string{gold}, CacheDir: t.TempDir(), Seed: 4, Sizes: sizes})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Rounds) != sizes.Rounds {
		t.Fatalf("%d rounds, want %d", len(r.Rounds), sizes.Rounds)
	}
	rows := []Row{r.Memory, r.Soak}
	for _, rd := range r.Rounds {
		rows = append(rows, rd.One, rd.Two)
		if rd.One.Input != rd.Two.Input || rd.One.Tokens != rd.Two.Tokens {
			t.Errorf("inputs %+v, %+v", rd.One.Input, rd.Two.Input)
		}
		if rd.Prose.Input.Bytes < sizes.Slice || rd.Prose.Input.Bytes > rd.One.Input.Bytes || rd.Prose.Tokens <= 0 || rd.Prose.Wall <= 0 {
			t.Errorf("prose row %+v", rd.Prose)
		}
	}
	for _, row := range rows {
		if row.Records != int64(row.Input.Articles) || row.Tokens <= int64(row.Input.Articles) || row.Wall <= 0 {
			t.Errorf("%s: %d records of %d tokens for %d articles in %v", row.Name, row.Records, row.Tokens, row.Input.Articles, row.Wall)
		}
	}
	if r.Soak.Input.Bytes < sizes.Soak || r.ProseLoad <= 0 {
		t.Errorf("soak %+v, prose model load %v", r.Soak.Input, r.ProseLoad)
	}
	if r.FirstRecord <= 0 || r.FirstRecordRuns != 3 || r.Machine.CPUs != runtime.NumCPU() {
		t.Errorf("first record %v over %d runs, %d CPUs", r.FirstRecord, r.FirstRecordRuns, r.Machine.CPUs)
	}
}

func TestRunErrors(t *testing.T) {
	t.Setenv(helperEnv, "records 0 0 2") // a fake stancer failing with status 2
	gold := filepath.Join("..", "..", "testdata", "gold", "dev.jsonl")
	sizes := Sizes{Throughput: 1, Slice: 1, Memory: 1, Soak: 1, FirstRecordRuns: 1}
	for _, tc := range []struct {
		cfg  Config
		want string
	}{
		{Config{Binary: os.Args[0], CacheDir: t.TempDir(), Sizes: sizes}, "no files"},
		{Config{Binary: filepath.Join(t.TempDir(), "stancer"), Gold: []string{gold}, CacheDir: t.TempDir(), Sizes: sizes}, "no such file"},
		{Config{Binary: os.Args[0], Gold: []string{gold}, CacheDir: t.TempDir(), Sizes: sizes}, "exit status 2"},
		{Config{Binary: os.Args[0], Gold: []string{gold}, CacheDir: gold, Sizes: sizes}, "cache"},
	} {
		if _, err := Run(context.Background(), tc.cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: error %v, want one saying %q", tc.cfg, err, tc.want)
		}
	}
}
