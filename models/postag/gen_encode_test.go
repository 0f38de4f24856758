package postag

import (
	"encoding/binary"
	"strings"
	"unsafe"
)

// generateModelFile converts prose's model and returns the model file.
func generateModelFile() ([]byte, error) {
	m, err := loadProseModel()
	if err != nil {
		return nil, err
	}
	t, err := build(m)
	if err != nil {
		return nil, err
	}
	return encode(t), nil
}

// encode returns the model file of t, which decode reads back.
func encode(t *Tagger) []byte {
	w := fileWriter{b: []byte(fileMagic)}
	w.word(fileVersion)
	appendSection(&w, t.ruleTags[:])
	appendSection(&w, []int32{t.start, t.start2})
	appendSection(&w, t.pref1[:])
	appendSection(&w, t.edges[:])
	appendSection(&w, t.labelTags)
	appendSection(&w, t.labelLanes)
	names, nameEnds := joinStrings(t.tagNames)
	w.bytes(names)
	appendSection(&w, nameEnds)
	appendSection(&w, t.tagScores)
	appendSection(&w, t.lex.slots)
	w.bytes(t.lex.keys)
	appendSection(&w, t.lex.ends)
	appendSection(&w, t.entries)
	appendSection(&w, t.pairs)
	appendSection(&w, t.weights)
	return w.b
}

// joinStrings returns the concatenation of ss and the ends of its strings
// in it, preceded by 0.
func joinStrings(ss []string) (string, []uint32) {
	ends := make([]uint32, 1, len(ss)+1)
	for _, s := range ss {
		ends = append(ends, ends[len(ends)-1]+uint32(len(s)))
	}
	return strings.Join(ss, ""), ends
}

// A fileWriter appends the sections of a model file to b.
type fileWriter struct{ b []byte }

// word appends the word v.
func (w *fileWriter) word(v uint32) { w.b = binary.LittleEndian.AppendUint32(w.b, v) }

// bytes appends a section of bytes.
func (w *fileWriter) bytes(s string) {
	w.word(uint32(len(s)))
	w.b = append(w.b, s...)
	for len(w.b)%wordSize != 0 {
		w.b = append(w.b, 0)
	}
}

// appendSection appends a section of the elements s, T being a type made
// of words.
func appendSection[T any](w *fileWriter, s []T) {
	w.word(uint32(len(s)))
	var zero T
	words := unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(s))), len(s)*int(unsafe.Sizeof(zero))/wordSize)
	for _, v := range words {
		w.word(v)
	}
}
