package output

import "unicode/utf8"

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
		c.cp += utf8.RuneCountInString(c.text[c.b:b])
	} else {
		c.cp -= utf8.RuneCountInString(c.text[b:c.b])
	}
	c.b = b
	return c.cp
}
