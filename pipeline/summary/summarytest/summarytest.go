// Package summarytest makes corpora of article records for the tests of
// summaries and reports: it reads hand-written records and derives larger,
// varied corpora from them, deterministically from a seed.
package summarytest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
)

// Load returns the non-blank lines of the JSON Lines file at path.
func Load(path string) ([][]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var lines [][]byte
	for line := range bytes.Lines(data) {
		if line = bytes.TrimSpace(line); len(line) > 0 {
			lines = append(lines, line)
		}
	}
	return lines, nil
}

// Sources are the article sources that Synthesize draws from.
var Sources = []string{"Security Affairs", "The Guardian", "Wired", "Ars Technica", "Le Monde", "BBC News"}

// Synthesize returns n article records derived from the records of base,
// with the same seed giving the same records. Record i is a copy of a
// random base record with the id "<base id>#i", a date drawn from 2016 to
// 2019 (or none, one time in twenty), a source drawn from Sources, and each
// sentence kept with probability 3/4, its index renumbered. Entities and
// everything else are kept as they are.
func Synthesize(base [][]byte, n int, seed uint64) ([][]byte, error) {
	if len(base) == 0 {
		return nil, fmt.Errorf("summarytest: no base records")
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	out := make([][]byte, n)
	for i := range out {
		var rec map[string]any
		if err := json.Unmarshal(base[rng.IntN(len(base))], &rec); err != nil {
			return nil, fmt.Errorf("summarytest: base record: %w", err)
		}
		vary(rec, i, rng)
		line, err := json.Marshal(rec)
		if err != nil {
			return nil, err
		}
		out[i] = line
	}
	return out, nil
}

// vary turns rec into record i of a synthetic corpus.
func vary(rec map[string]any, i int, rng *rand.Rand) {
	rec["id"] = fmt.Sprintf("%v#%d", rec["id"], i)
	if rng.IntN(20) == 0 {
		delete(rec, "date")
	} else {
		rec["date"] = fmt.Sprintf("%d-%02d-%02d", 2016+rng.IntN(4), 1+rng.IntN(12), 1+rng.IntN(28))
	}
	rec["source"] = Sources[rng.IntN(len(Sources))]
	sentences, ok := rec["sentences"].([]any)
	if !ok {
		return
	}
	kept := sentences[:0]
	for _, s := range sentences {
		if m, ok := s.(map[string]any); ok && rng.IntN(4) > 0 {
			m["index"] = len(kept)
			kept = append(kept, m)
		}
	}
	rec["sentences"] = kept
}

// JoinLines returns lines joined into JSON Lines text, each ended by a
// newline.
func JoinLines(lines [][]byte) []byte {
	var b bytes.Buffer
	for _, line := range lines {
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}
