package output

import (
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/swar"
)

// runeCursor converts byte offsets of a text into code-point offsets. It
// remembers the last offset converted and counts only the code points
// between it and the next, so a run of offsets that mostly increase costs
// one pass over the text in all, not one pass per offset.
type runeCursor struct {
	text  string
	b, cp int // text[:b] holds cp code points
}

// reset starts the cursor at offset 0 of text.
func (c *runeCursor) reset(text string) { *c = runeCursor{text: text} }

// at returns the number of code points in text[:b]. The offset b must lie
// in [0, len(text)] on a code-point boundary.
func (c *runeCursor) at(b int) int {
	if b >= c.b {
		c.cp += countRunes(c.text[c.b:b])
	} else {
		c.cp -= countRunes(c.text[b:c.b])
	}
	c.b = b
	return c.cp
}

// countRunes returns utf8.RuneCountInString(s), counting runs of ASCII
// eight bytes at a time.
func countRunes(s string) int {
	n := 0
	for i := 0; i < len(s); n++ {
		for i+8 <= len(s) && swar.NonASCII(swar.Load(s[i:i+8])) == 0 {
			i += 8
			n += 8
		}
		if i == len(s) {
			break
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}
