package postag

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

var update = flag.Bool("update", false, "rewrite model.bin from prose's model")

// modelPath is the model file that Default decodes.
const modelPath = "model.bin"

// TestModelFile converts prose's model anew and requires the result to be
// the embedded model file, byte for byte, so that the file cannot drift from
// prose's weights. With -update it rewrites the file instead. It is skipped
// in short mode unless -update is given.
func TestModelFile(t *testing.T) {
	if testing.Short() && !*update {
		t.Skip("skipping the conversion of prose's model in short mode")
	}
	got, err := generateModelFile()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(modelPath, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s, %d bytes", modelPath, len(got))
		return
	}
	if want := []byte(modelFile); !bytes.Equal(got, want) {
		i := 0
		for i < min(len(got), len(want)) && got[i] == want[i] {
			i++
		}
		t.Errorf("%s (%d bytes) is not prose's model converted anew (%d bytes); they differ from byte %d on. "+
			"Regenerate it with go test ./models/postag -run '^TestModelFile$' -update", modelPath, len(want), len(got), i)
	}
}

// TestModelFileRoundTrip requires encoding the Tagger decoded from the
// embedded model file to give the file back.
func TestModelFileRoundTrip(t *testing.T) {
	tg := defaultTagger(t)
	if got := encode(tg); !bytes.Equal(got, []byte(modelFile)) {
		t.Errorf("re-encoding the decoded model file gives %d bytes that differ from its %d", len(got), len(modelFile))
	}
}

// TestDefaultSharesModelFile requires the big tables of Default's Tagger to
// lie in the embedded model file, which holds on a little-endian machine
// when the linker aligns the file to a word, as it does to large data.
func TestDefaultSharesModelFile(t *testing.T) {
	if !hostLittleEndian {
		t.Skip("skipping: a big-endian machine decodes the model file into new tables")
	}
	tg := defaultTagger(t)
	lo := uintptr(unsafe.Pointer(unsafe.StringData(modelFile)))
	hi := lo + uintptr(len(modelFile))
	for name, p := range map[string]unsafe.Pointer{
		"entries":    unsafe.Pointer(unsafe.SliceData(tg.entries)),
		"weights":    unsafe.Pointer(unsafe.SliceData(tg.weights)),
		"slots":      unsafe.Pointer(unsafe.SliceData(tg.lex.slots)),
		"tag scores": unsafe.Pointer(unsafe.SliceData(tg.tagScores)),
	} {
		if a := uintptr(p); a < lo || a >= hi {
			t.Errorf("the %s were copied out of the model file", name)
		}
	}
}

// toyFile returns the model file of the toy model, after mutate changes the
// Tagger built of it.
func toyFile(t testing.TB, mutate func(*Tagger)) []byte {
	tg, err := build(toyModel())
	if err != nil {
		t.Fatal(err)
	}
	mutate(tg)
	return encode(tg)
}

// wordOffset returns the offset of the w-th word after the magic number.
func wordOffset(w int) int { return len(fileMagic) + wordSize*w }

func TestDecodeRejects(t *testing.T) {
	toy := toyFile(t, func(*Tagger) {})
	withWord := func(w int, v uint32) []byte {
		b := bytes.Clone(toy)
		binary.LittleEndian.PutUint32(b[wordOffset(w):], v)
		return b
	}
	for _, tc := range []struct {
		name string
		file []byte
		want string
	}{
		{"empty", nil, "magic number"},
		{"not a model", []byte("POSTAG, but not a model file"), "magic number"},
		{"no version", toy[:wordOffset(0)], "version: file ends"},
		{"version", withWord(0, fileVersion+1), fmt.Sprintf("version %d, want %d", fileVersion+1, fileVersion)},
		{"count", withWord(1, 1<<30), "rule tags: 1073741824 elements of 4 bytes do not fit"},
		{"fixed count", withWord(1, uint32(numRules)-1), "rule tags: 5 elements, want 6"},
		{"trailing bytes", append(bytes.Clone(toy), 0, 0, 0, 0), "4 bytes follow the last section"},
		{"weights cut", toy[:len(toy)-wordSize], "weights: "},
		{"no tags", toyFile(t, func(tg *Tagger) { tg.tagNames = nil }), "0 tags, want 1 to 1024"},
		{"no labels", toyFile(t, func(tg *Tagger) { tg.labelTags = nil }), "0 labels, want 1 to 48"},
		{"lane count", toyFile(t, func(tg *Tagger) { tg.labelLanes = tg.labelLanes[1:] }), "2 label lanes for 3 labels"},
		{"lane range", toyFile(t, func(tg *Tagger) { tg.labelLanes[2] = 3 }), "label 2: lane 3 out of range or taken"},
		{"lane taken", toyFile(t, func(tg *Tagger) { tg.labelLanes[2] = tg.labelLanes[0] }), "label 2: lane"},
		{"tag scores", toyFile(t, func(tg *Tagger) { tg.tagScores = tg.tagScores[1:] }), "tag score chunks, want"},
		{"rule tag", toyFile(t, func(tg *Tagger) { tg.ruleTags[ruleWeb] = -1 }), "rule 3: tag -1 out of range"},
		{"start tag", toyFile(t, func(tg *Tagger) { tg.start2 = int32(tg.numTags) }), "start tag"},
		{"label tag", toyFile(t, func(tg *Tagger) { tg.labelTags[1] = 99 }), "label 1: tag 99 out of range"},
		{"first-byte row", toyFile(t, func(tg *Tagger) { tg.pref1['a'] = span(len(tg.weights))<<spanLenBits | 1 }), "first byte 97: row out of range"},
		{"boundary word", toyFile(t, func(tg *Tagger) { tg.edges[2].word = int32(len(tg.entries)) }), "boundary context 2"},
		{"entry norm", toyFile(t, func(tg *Tagger) { tg.entries[3].norm = -5 }), "entry 3: "},
		{"entry row", toyFile(t, func(tg *Tagger) { tg.entries[2].ctx.asNext2 = 1<<spanLenBits | maxChunks }), "entry 2: "},
		{"entry pairs", toyFile(t, func(tg *Tagger) { tg.entries[1].pairLo, tg.entries[1].pairHi = 1, 0 }), "entry 1: "},
		{"pair row", toyFile(t, func(tg *Tagger) { tg.pairs[0].row = span(len(tg.weights)+1) << spanLenBits }), "tag-word pair 0: row out of range"},
		{"slot entry", toyFile(t, func(tg *Tagger) { tg.lex.slots[0].info = uint32(len(tg.entries)) << lenBits }), "lexicon: slot 0: entry"},
		{"slot without entry", toyFile(t, func(tg *Tagger) { tg.lex.slots[0].info = longKey }), "lexicon: slot 0: a key without entry"},
		{"table size", toyFile(t, func(tg *Tagger) { tg.lex.slots = tg.lex.slots[1:] }), "not a power of two"},
		{"full table", toyFile(t, func(tg *Tagger) {
			for i := range tg.lex.slots {
				tg.lex.slots[i].info = 1 << lenBits
			}
		}), "no slot is empty"},
		{"key ends", toyFile(t, func(tg *Tagger) { tg.lex.ends = tg.lex.ends[1:] }), "lexicon: "},
		{"key order", toyFile(t, func(tg *Tagger) { tg.lex.ends[2], tg.lex.ends[3] = tg.lex.ends[3], tg.lex.ends[2] }), "below the end before it"},
		{"key length", toyFile(t, func(tg *Tagger) { tg.lex.keys += "x" }), "not the length"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tg, err := decode(string(tc.file))
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.HasPrefix(err.Error(), "postag: ") {
				t.Errorf("decode: %v, %v; want an error mentioning %q", tg, err, tc.want)
			}
		})
	}
}

// TestDecodeTruncated cuts the toy model file at every length.
func TestDecodeTruncated(t *testing.T) {
	toy := string(toyFile(t, func(*Tagger) {}))
	for n := range len(toy) {
		if _, err := decode(toy[:n]); err == nil {
			t.Fatalf("decode accepts the first %d of %d bytes", n, len(toy))
		}
	}
	if _, err := decode(toy); err != nil {
		t.Fatal(err)
	}
}

// FuzzDecode requires decode never to panic and the Tagger of any file it
// accepts to tag without panicking.
func FuzzDecode(f *testing.F) {
	toy := toyFile(f, func(*Tagger) {})
	f.Add(toy)
	f.Add(toy[:len(toy)/2])
	f.Fuzz(func(t *testing.T, file []byte) {
		tg, err := decode(string(file))
		if err != nil {
			return
		}
		for _, s := range []string{"the run", "x ( ) y -LRB- :-) *T*-1", "élan 12 !DIGITS -"} {
			tagFields(tg, s)
		}
	})
}

func TestViewWords(t *testing.T) {
	words := []uint32{0x04030201, 0xfffefdfc, 7}
	var b []byte
	for _, w := range words {
		b = binary.LittleEndian.AppendUint32(b, w)
	}
	for name, data := range map[string]string{"aligned": stringAt(b, 0), "unaligned": stringAt(b, 1)} {
		t.Run(name, func(t *testing.T) {
			got := viewWords[uint32](data)
			if !slices.Equal(got, words) {
				t.Errorf("viewWords = %#x, want %#x", got, words)
			}
			shared := unsafe.Pointer(unsafe.SliceData(got)) == unsafe.Pointer(unsafe.StringData(data))
			if want := hostLittleEndian && name == "aligned"; shared != want {
				t.Errorf("the result shares the memory of data: %v, want %v", shared, want)
			}
			if pairs := viewWords[tagRow](data); len(pairs) != 1 || pairs[0] != (tagRow{0x04030201, span(0xfffefdfc)}) {
				t.Errorf("viewWords[tagRow] = %v", pairs)
			}
		})
	}
}

// stringAt returns a string of the bytes b that begins off bytes past a word
// boundary.
func stringAt(b []byte, off int) string {
	words := make([]uint32, len(b)/wordSize+2)
	buf := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), len(words)*wordSize)
	copy(buf[off:], b)
	return unsafe.String(&buf[off], len(b))
}

// TestWordLayouts requires the types of the model file's sections to be
// made of 32-bit integers without padding, as viewWords and appendSection
// assume.
func TestWordLayouts(t *testing.T) {
	for _, v := range []any{int32(0), uint32(0), span(0), chunk{}, lexSlot{}, tagRow{}, context{}, entry{}} {
		typ := reflect.TypeOf(v)
		if n := wordFields(typ); n < 0 || typ.Size() != uintptr(n*wordSize) || typ.Align() > wordSize {
			t.Errorf("%v is not made of 32-bit integers alone", typ)
		}
	}
}

// wordFields returns the number of 32-bit integers that make up typ, or -1
// if it has other parts.
func wordFields(typ reflect.Type) int {
	switch typ.Kind() {
	case reflect.Int32, reflect.Uint32:
		return 1
	case reflect.Struct:
		n := 0
		for f := range typ.Fields() {
			m := wordFields(f.Type)
			if m < 0 {
				return -1
			}
			n += m
		}
		return n
	}
	return -1
}
