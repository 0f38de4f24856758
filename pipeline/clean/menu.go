package clean

import (
	"iter"
	"strings"
	"unicode/utf8"
)

// items yields the items of a line separated by '|', '·', '•' or a run of
// two or more spaces, trimmed of space.
func items(f string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := 0
		for i := 0; i <= len(f); {
			if i < len(f) && !separatorStarts[f[i]] {
				i++ // the common case: no separator starts here
				continue
			}
			n := separatorAt(f, i)
			if n == 0 {
				i++
				continue
			}
			if it := strings.TrimSpace(f[start:i]); it != "" && !yield(it) {
				return
			}
			i += n
			start = i
		}
	}
}

// separatorStarts marks the bytes that begin an item separator.
var separatorStarts = func() (t [256]bool) {
	for _, sep := range []string{"|", "·", "•", " "} {
		t[sep[0]] = true
	}
	return t
}()

// separatorAt returns the length of the item separator at f[i:], 1 at the
// end of f, or 0 if there is none.
func separatorAt(f string, i int) int {
	rest := f[i:]
	switch {
	case rest == "":
		return 1
	case rest[0] == '|':
		return 1
	case strings.HasPrefix(rest, "·"), strings.HasPrefix(rest, "•"):
		_, n := utf8.DecodeRuneInString(rest)
		return n
	case strings.HasPrefix(rest, "  "):
		return len(rest) - len(strings.TrimLeft(rest, " "))
	}
	return 0
}

// isMenuLine reports whether f is a line of items one of which is a menu
// item (see menuItems) and none a byline: "Posted on May 2 by Jo Li · 11
// comments" is a byline that readers take for a sentence.
func isMenuLine(f string) bool {
	menu := false
	for it := range items(f) {
		if strings.HasPrefix(it, "by ") || strings.Contains(it, " by ") {
			return false
		}
		menu = menu || isMenuItem(it)
	}
	return menu
}

// isMenuItem reports whether the item it is a control, a counter or a
// contact address.
func isMenuItem(it string) bool {
	it = strings.TrimRight(it, " :")
	if menuSet.has(it) || isCount(it) || isEmail(it) || isPhone(it) {
		return true
	}
	for _, p := range menuItemPrefixes {
		if hasWordPrefix(it, p) {
			return true
		}
	}
	return false
}

// isCount reports whether it counts comments, views and the like: "12
// comments", "comments (42)", "views: 1,204".
func isCount(it string) bool {
	first, rest, ok := strings.Cut(it, " ")
	if !ok {
		return false
	}
	if isNumber(first) {
		return countSet.has(rest)
	}
	return countSet.has(strings.TrimSuffix(first, ":")) && isNumber(strings.Trim(rest, "()"))
}

// isNumber reports whether w is a number, a time or a date written with
// digits and the separators ",.:/-".
func isNumber(w string) bool {
	digits := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case '0' <= c && c <= '9':
			digits++
		case strings.IndexByte(",.:/-", c) < 0:
			return false
		}
	}
	return digits > 0
}

// isEmail reports whether w looks like an e-mail address.
func isEmail(w string) bool {
	at := strings.IndexByte(w, '@')
	if at <= 0 || strings.ContainsAny(w, " ()") {
		return false
	}
	dot := strings.LastIndexByte(w, '.')
	last := w[len(w)-1]
	return dot > at+1 && dot < len(w)-1 && ('a' <= last && last <= 'z' || '0' <= last && last <= '9')
}

// isPhone reports whether it is a telephone number: digits with spaces,
// '+', '-', '.' and parentheses, at least seven digits.
func isPhone(it string) bool {
	digits := 0
	for i := 0; i < len(it); i++ {
		switch c := it[i]; {
		case '0' <= c && c <= '9':
			digits++
		case strings.IndexByte(" +-.()", c) < 0:
			return false
		}
	}
	return digits >= 7
}

// endsWithEmail reports whether f ends with an e-mail address, as contact
// lines do ("Write to letters@example.org"); prose ends with a full stop.
func endsWithEmail(f string) bool {
	return isEmail(f[strings.LastIndexByte(f, ' ')+1:])
}

// isStampLine reports whether f consists of two or more publication time
// stamps, one of them marked "Published" or "Updated".
func isStampLine(f string) bool {
	n, marked := 0, false
	for it := range items(f) {
		if !isStamp(it) {
			return false
		}
		n++
		for _, m := range stampMarks {
			marked = marked || hasWordPrefix(it, m)
		}
	}
	return n >= 2 && marked
}

// isStamp reports whether every word of it is a number or a stamp word.
func isStamp(it string) bool {
	for w := range strings.FieldsSeq(it) {
		w = strings.TrimRight(w, ",.:")
		if !isNumber(w) && !stampSet.has(w) {
			return false
		}
	}
	return true
}
