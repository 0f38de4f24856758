package clean

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stancer/stancer/pipeline/swar"
)

// set is a set of folded strings.
type set map[string]struct{}

// newSet returns the set of words.
func newSet(words []string) set {
	s := make(set, len(words))
	for _, w := range words {
		s[w] = struct{}{}
	}
	return s
}

// has reports whether w is in s.
func (s set) has(w string) bool { _, ok := s[w]; return ok }

var (
	lineSet   = newSet(furnitureLines)
	headerSet = newSet(listHeaders)
	menuSet   = newSet(menuItems)
	countSet  = newSet(countNouns)
	stampSet  = newSet(stampWords)

	prefixIndex = newByteIndex(furniturePrefixes)
	phrases     = newPhraseSet(furniturePhrases)
)

// maxMenuWords and maxShortLine bound the words and bytes of a line of
// menu items, time stamps or contacts.
const (
	maxMenuWords = 30
	maxShortLine = 300
)

// fold appends line to dst as the patterns see it: lowercased, space runes
// as ' ', ignorables dropped, typographic apostrophes and quotes plain.
func fold(dst []byte, line string) []byte {
	dst = slices.Grow(dst, len(line))
	i := 0
	for ; i+8 <= len(line); i += 8 { // the common case: eight ASCII bytes at a time
		x := swar.Load(line[i : i+8])
		if swar.NonASCII(x) != 0 {
			break
		}
		dst = binary.LittleEndian.AppendUint64(dst, swar.Lower(x))
	}
	for ; i < len(line); i++ {
		c := line[i]
		if c >= utf8.RuneSelf {
			return foldRunes(dst, line[i:])
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// foldRunes appends line to dst as fold does, a rune at a time.
func foldRunes(dst []byte, line string) []byte {
	for _, r := range line {
		switch {
		case 'A' <= r && r <= 'Z':
			dst = append(dst, byte(r+'a'-'A'))
		case r < utf8.RuneSelf:
			dst = append(dst, byte(r))
		case IsIgnorable(r):
		case IsSpace(r):
			dst = append(dst, ' ')
		case r == '’' || r == '‘' || r == 'ʼ':
			dst = append(dst, '\'')
		case r == '“' || r == '”':
			dst = append(dst, '"')
		default:
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// bare returns f without trailing punctuation that does not change what a
// whole-line pattern means.
func bare(f string) string {
	return strings.TrimRight(f, " :.!…")
}

// isListHeader reports whether the folded line f heads a block of links.
func isListHeader(f string) bool { return headerSet.has(bare(f)) }

// isFurniture reports whether the folded line f is site furniture.
func isFurniture(f string) bool {
	if lineSet.has(bare(f)) {
		return true
	}
	body := skipListNumber(f)
	for _, p := range prefixIndex.at(body) {
		if hasWordPrefix(body, p) {
			return true
		}
	}
	if phrases.in(f) {
		return true
	}
	if isNote(f) || isCaptionCredit(f) || isPager(f) {
		return true
	}
	// The remaining kinds are short lines.
	if len(f) > maxShortLine || strings.Count(f, " ") >= maxMenuWords {
		return false
	}
	return isMenuLine(f) || isStampLine(f) || endsWithEmail(f)
}

// skipListNumber returns f without a leading list number such as "4. ".
func skipListNumber(f string) string {
	i := 0
	for i < len(f) && '0' <= f[i] && f[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(f) && (f[i] == '.' || f[i] == ')') && f[i+1] == ' ' {
		return f[i+2:]
	}
	return f
}

// hasWordPrefix reports whether f starts with p and p does not end inside a
// word of f: "support us" is a prefix of "support us today" but not of
// "support usually".
func hasWordPrefix(f, p string) bool {
	if !strings.HasPrefix(f, p) {
		return false
	}
	if len(f) == len(p) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(p)
	next, _ := utf8.DecodeRuneInString(f[len(p):])
	return !isWordRune(last) || !isWordRune(next)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isNote reports whether f is a whole line in square brackets that is not a
// sentence: a shortcode such as [adrotate banner="9"] or [/caption], or a
// moderation note such as [comment removed by moderator].
func isNote(f string) bool {
	if len(f) < 3 || f[0] != '[' || f[len(f)-1] != ']' {
		return false
	}
	return !strings.ContainsAny(f[len(f)-2:len(f)-1], ".?!") && strings.IndexByte(f[1:], '[') < 0
}

// isCaptionCredit reports whether f is a short parenthesised photo credit
// such as "(File photo)" or "(Supplied)": at most three words, no full stop.
func isCaptionCredit(f string) bool {
	if len(f) < 3 || f[0] != '(' || f[len(f)-1] != ')' {
		return false
	}
	inner := f[1 : len(f)-1]
	return !strings.ContainsAny(inner, ".?!()") && strings.Count(inner, " ") < 3
}

// isPager reports whether f is a link to older or newer posts, marked by an
// arrow at its start or end.
func isPager(f string) bool {
	for _, a := range []string{"←", "«", "‹"} {
		if strings.HasPrefix(f, a) {
			return true
		}
	}
	for _, a := range []string{"→", "»", "›"} {
		if strings.HasSuffix(f, a) {
			return true
		}
	}
	return false
}
