package postag

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unsafe"
)

// modelFile is the model file of the Tagger that Default returns, generated
// from prose's model (see the package documentation).
//
//go:embed model.bin
var modelFile string

// The model file holds the tables of a Tagger. It begins with fileMagic and
// a word holding fileVersion; the sections that decode reads follow, in its
// order. A section is a word n, then n elements of the section's type as
// little-endian words (see viewWords) or, for sections of bytes, n bytes and
// zero bytes up to the next multiple of wordSize. Every section thus starts
// at a multiple of wordSize, so that decode can use it in place.
const (
	fileMagic   = "POSTAG\x00\x00"
	fileVersion = 2
)

// decode returns the Tagger of the model file data. The Tagger shares the
// memory of data where it can (see viewWords). decode checks the file's
// layout and every index that tagging follows, so that a damaged file
// yields an error instead of a Tagger that misbehaves; it cannot tell
// altered weights.
func decode(data string) (*Tagger, error) {
	rest, ok := strings.CutPrefix(data, fileMagic)
	if !ok {
		return nil, errors.New("postag: not a model file: the magic number is missing")
	}
	r := fileReader{rest: rest}
	if v := r.word("version"); r.err == nil && v != fileVersion {
		return nil, fmt.Errorf("postag: model file has version %d, want %d", v, fileVersion)
	}
	t := new(Tagger)
	var starts [2]int32
	fixedSection(&r, "rule tags", t.ruleTags[:])
	fixedSection(&r, "start tags", starts[:])
	fixedSection(&r, "first-byte rows", t.pref1[:])
	fixedSection(&r, "boundary contexts", t.edges[:])
	t.labelTags = section[int32](&r, "label tags")
	t.labelLanes = section[int32](&r, "label lanes")
	tagNames := r.bytes("tag names")
	tagEnds := section[uint32](&r, "tag name ends")
	t.tagScores = section[chunk](&r, "tag scores")
	t.lex.slots = section[lexSlot](&r, "lexicon slots")
	t.lex.keys = r.bytes("lexicon keys")
	t.lex.ends = section[uint32](&r, "lexicon key ends")
	t.entries = section[entry](&r, "entries")
	t.pairs = section[tagRow](&r, "tag-word pairs")
	t.weights = section[chunk](&r, "weights")
	if r.err == nil && r.rest != "" {
		r.err = fmt.Errorf("%d bytes follow the last section", len(r.rest))
	}
	if r.err != nil {
		return nil, fmt.Errorf("postag: model file truncated or damaged: %w", r.err)
	}
	t.start, t.start2 = starts[0], starts[1]
	t.lex.mask = uint64(len(t.lex.slots)) - 1
	if err := t.setTagNames(tagNames, tagEnds); err != nil {
		return nil, fmt.Errorf("postag: model file damaged: %w", err)
	}
	if err := t.check(); err != nil {
		return nil, fmt.Errorf("postag: model file damaged: %w", err)
	}
	t.setTies()
	return t, nil
}

// setTies sets the number of score chunks and the tie keys of t from its
// labels and their lanes, which check has checked.
func (t *Tagger) setTies() {
	t.numChunks = (len(t.labelTags) + lanesPerChunk - 1) / lanesPerChunk
	t.ties = [maxChunks][lanesPerChunk]uint64{}
	t.tieTags = [tieMask + 1]int32{}
	for k, q := range t.labelLanes {
		key := tieMask - k
		t.ties[q/lanesPerChunk][q%lanesPerChunk] = uint64(key)
		t.tieTags[key] = t.labelTags[k]
	}
}

// setTagNames sets the tag names and ids of t from the section of names and
// the section of their ends: tag i is names[ends[i]:ends[i+1]].
func (t *Tagger) setTagNames(names string, ends []uint32) error {
	if err := checkEnds(ends, len(names)); err != nil {
		return fmt.Errorf("tag names: %w", err)
	}
	t.numTags = len(ends) - 1
	t.tagNames = make([]string, t.numTags)
	t.tagIDs = make(map[string]int32, t.numTags)
	for i := range t.tagNames {
		t.tagNames[i] = names[ends[i]:ends[i+1]]
		t.tagIDs[t.tagNames[i]] = int32(i)
	}
	return nil
}

// A fileReader reads the sections of a model file. After the first error it
// reads nothing and keeps the error.
type fileReader struct {
	rest string // the unread bytes
	err  error
}

// word reads a word.
func (r *fileReader) word(name string) uint32 {
	if r.err == nil && len(r.rest) < wordSize {
		r.err = fmt.Errorf("%s: file ends", name)
	}
	if r.err != nil {
		return 0
	}
	w := le32(r.rest)
	r.rest = r.rest[wordSize:]
	return w
}

// elements reads a section whose elements take size bytes each and returns
// their bytes, without the padding.
func (r *fileReader) elements(name string, size int) string {
	n := uint64(r.word(name))
	if r.err != nil {
		return ""
	}
	padded := (n*uint64(size) + wordSize - 1) &^ (wordSize - 1)
	if padded > uint64(len(r.rest)) {
		r.err = fmt.Errorf("%s: %d elements of %d bytes do not fit in the %d bytes left", name, n, size, len(r.rest))
		return ""
	}
	data := r.rest[:n*uint64(size)]
	r.rest = r.rest[padded:]
	return data
}

// bytes reads a section of bytes.
func (r *fileReader) bytes(name string) string { return r.elements(name, 1) }

// section reads a section of elements of type T, which is made of words.
func section[T any](r *fileReader, name string) []T {
	var zero T
	return viewWords[T](r.elements(name, int(unsafe.Sizeof(zero))))
}

// fixedSection reads a section of len(dst) elements into dst.
func fixedSection[T any](r *fileReader, name string, dst []T) {
	s := section[T](r, name)
	if r.err == nil && len(s) != len(dst) {
		r.err = fmt.Errorf("%s: %d elements, want %d", name, len(s), len(dst))
	}
	copy(dst, s)
}
