package beampipe_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stancer/stancer/cmd/internal/cli"
	"github.com/stancer/stancer/cmd/stancer-beam/beampipe"
)

// examplesPath is the file of example articles shipped with stancer.
var examplesPath = filepath.Join("..", "..", "..", "testdata", "examples", "articles.jsonl")

// stancer runs the stancer command line with args in-process and returns
// its standard error, failing t unless it exits with status want.
func stancer(t testing.TB, want int, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := cli.Run(context.Background(), args, strings.NewReader(""), &stdout, &stderr); code != want {
		t.Fatalf("stancer %s: exit status %d, want %d\n%s", strings.Join(args, " "), code, want, stderr.String())
	}
	return stderr.String()
}

// cliSummary matches the closing line of "stancer run".
var cliSummary = regexp.MustCompile(`stancer: read (\d+) articles?, wrote (\d+), failed (\d+) in`)

// cliTally returns the counts of the closing line in stderr, the standard
// error of "stancer run".
func cliTally(t testing.TB, stderr string) beampipe.Tally {
	t.Helper()
	m := cliSummary.FindStringSubmatch(stderr)
	if m == nil {
		t.Fatalf("no closing line in the standard error of stancer:\n%s", stderr)
	}
	n := func(s string) int64 {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	return beampipe.Tally{Read: n(m[1]), Written: n(m[2]), Failed: n(m[3])}
}

// readLines returns the lines of the files at paths, each without its
// newline, in sorted order.
func readLines(t testing.TB, paths ...string) []string {
	t.Helper()
	var lines []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for line := range bytes.Lines(data) {
			lines = append(lines, string(bytes.TrimSuffix(line, []byte("\n"))))
		}
	}
	slices.Sort(lines)
	return lines
}

// shardPaths returns the paths of the n shards of prefix.
func shardPaths(prefix string, n int) []string {
	paths := make([]string, n)
	for i := range paths {
		paths[i] = beampipe.ShardName(prefix, i, n)
	}
	return paths
}

// sameLines reports how the sorted lines got differ from the sorted lines
// want as multisets, or "" when they are equal.
func sameLines(got, want []string) string {
	if slices.Equal(got, want) {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d lines, want %d", len(got), len(want))
	i, j, shown := 0, 0, 0
	for (i < len(got) || j < len(want)) && shown < 3 {
		switch {
		case j == len(want) || i < len(got) && got[i] < want[j]:
			fmt.Fprintf(&b, "\nunexpected: %.300s", got[i])
			i++
			shown++
		case i == len(got) || want[j] < got[i]:
			fmt.Fprintf(&b, "\nmissing:    %.300s", want[j])
			j++
			shown++
		default:
			i++
			j++
		}
	}
	return b.String()
}

// scoreColumns are the summary columns that hold rounded means; they may
// differ by one unit of their last decimal between a summary merged from
// parts and one added up in order (see summary.Moments.Merge).
var scoreColumns = map[string]bool{"mean": true, "ci_low": true, "ci_high": true}

// sameSummary reports how the summary rows got, as JSON Lines, differ from
// want, or "" when they are the same: the same rows in the same order,
// every field equal but the scores, which must be within 10⁻⁴.
func sameSummary(got, want []byte) string {
	g, w := bytes.Split(bytes.TrimSpace(got), []byte("\n")), bytes.Split(bytes.TrimSpace(want), []byte("\n"))
	if len(g) != len(w) {
		return fmt.Sprintf("%d rows, want %d", len(g), len(w))
	}
	for i := range g {
		gr, err := decodeRow(g[i])
		if err != nil {
			return fmt.Sprintf("row %d: %v", i, err)
		}
		wr, err := decodeRow(w[i])
		if err != nil {
			return fmt.Sprintf("want row %d: %v", i, err)
		}
		if !sameRow(gr, wr) {
			return fmt.Sprintf("row %d:\n got %s\nwant %s", i, g[i], w[i])
		}
	}
	return ""
}

// decodeRow decodes a summary row, keeping its numbers as written.
func decodeRow(line []byte) (map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	var row map[string]any
	err := dec.Decode(&row)
	return row, err
}

// sameRow reports whether the summary rows g and w are the same, as
// sameSummary says.
func sameRow(g, w map[string]any) bool {
	if len(g) != len(w) {
		return false
	}
	for k, wv := range w {
		gv, ok := g[k]
		if !ok {
			return false
		}
		gn, gok := gv.(json.Number)
		wn, wok := wv.(json.Number)
		if !scoreColumns[k] || !gok || !wok {
			if !reflect.DeepEqual(gv, wv) {
				return false
			}
			continue
		}
		gf, gerr := gn.Float64()
		wf, werr := wn.Float64()
		if gerr != nil || werr != nil || math.Abs(gf-wf) > 1.000001e-4 {
			return false
		}
	}
	return true
}
