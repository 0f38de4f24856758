package postag

import "unsafe"

// The tables of a Tagger are arrays of 32-bit words: int32, uint32, span,
// and structs of them (lexSlot, tagRow, context, entry), which have no
// padding. The model file stores each table as little-endian words.

// wordSize is the size in bytes of a word.
const wordSize = 4

// hostLittleEndian reports whether the machine stores words little-endian,
// as the model file does.
var hostLittleEndian = func() bool {
	x := uint32(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// viewWords returns the little-endian words of data as a []T of
// len(data)/sizeof(T) elements, T being a type made of 32-bit words (see
// above). On a little-endian machine it shares the memory of data if that is
// aligned to a word, so that no byte is copied; the result must then never
// be written to. Otherwise it decodes the words into a new array.
func viewWords[T any](data string) []T {
	var zero T
	n := len(data) / int(unsafe.Sizeof(zero))
	if n == 0 {
		return nil
	}
	p := unsafe.Pointer(unsafe.StringData(data))
	if !hostLittleEndian || uintptr(p)%wordSize != 0 {
		w := make([]uint32, len(data)/wordSize)
		for i := range w {
			w[i] = le32(data[wordSize*i:])
		}
		p = unsafe.Pointer(unsafe.SliceData(w))
	}
	return unsafe.Slice((*T)(p), n)
}
