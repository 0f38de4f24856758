package ner

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancer/stancer/models/gazetteer"
	"github.com/stancer/stancer/pipeline/goldenfile"
)

// TestFeatureKeysAreStable checks the feature keys of a few sentences
// against testdata/features.golden, a digest of them: the keys are what a
// model file's weights mean, so they change only with a new formatVersion
// and a retrained model (then rewrite the file with -update).
func TestFeatureKeysAreStable(t *testing.T) {
	gaz, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	sentences := []struct{ words, tags string }{
		{"Home Secretary Amber Rudd met FBI Director Christopher Wray in London on Tuesday .", "NNP NNP NNP NNP VBD NNP NNP NNP NNP IN NNP IN NNP ."},
		{"WhatsApp said it would rather leave the UK than weaken its encryption .", "NNP VBD PRP MD RB VB DT NNP IN VB PRP$ NN ."},
		{"The report was written by Thomas Müller and Siobhán Kelly of Amnesty International", ""},
		{"MÜLLER , iMessage , U.S. , 2017 , — , São Paulo , ÉCOLE naïve x", "NNP , NN , NNP , CD , : , NNP NNP , NNP JJ"},
		{"X", "NNP"},
	}
	ex := newExtractor(gaz)
	h := fnv.New64a()
	for _, s := range sentences {
		ex.extract(strings.Fields(s.words), strings.Fields(s.tags))
		for t := range len(ex.offs) - 1 {
			h.Write(binary.LittleEndian.AppendUint64(nil, uint64(ex.offs[t+1]-ex.offs[t])))
			for _, k := range ex.keys[ex.offs[t]:ex.offs[t+1]] {
				h.Write(binary.LittleEndian.AppendUint64(nil, k))
			}
		}
	}
	got := fmt.Sprintf("%#016x\n", h.Sum64())
	goldenfile.Check(t, filepath.Join("testdata", "features.golden"), []byte(got))
}
