package postag

import (
	"strings"
	"unicode/utf8"
)

// containsLink reports whether some substring of w is a web link as prose's
// link pattern (from github.com/mingrammer/commonregex) defines it. Without
// its optional parts, the pattern asks for
//
//	H "." B B* F
//
// where H is a byte of [a-z0-9.-], B is a path rune (any rune but ASCII
// white space and ()<>) or a group, F is a group or an end rune (a path rune
// that is none of !.,:;?'"[]{}), and a group is a parenthesized sequence of
// path runes and of parenthesized non-empty runs of path runes.
func containsLink(w string) bool {
	for d := strings.IndexByte(w, '.'); d >= 0; {
		if d > 0 && isHostByte(w[d-1]) && linkTail(w[d+1:]) {
			return true
		}
		next := strings.IndexByte(w[d+1:], '.')
		if next < 0 {
			break
		}
		d += 1 + next
	}
	return false
}

// linkTail reports whether a prefix of s is B B* F in the terms of
// containsLink. The split of s into items (single path runes and groups) is
// unique, so it suffices to look for an F among the items after the first.
func linkTail(s string) bool {
	for n := 0; s != ""; n++ {
		r, size := utf8.DecodeRuneInString(s)
		group := r == '('
		switch {
		case group:
			if size = groupLen(s); size == 0 {
				return false
			}
		case !isPathRune(r):
			return false
		}
		if n > 0 && (group || isLinkEndRune(r)) {
			return true
		}
		s = s[size:]
	}
	return false
}

// groupLen returns the length of the group that s begins with, or 0 if s
// does not begin with one.
func groupLen(s string) int {
	for i := 1; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == ')':
			return i + 1
		case r == '(':
			j := i + 1
			for j < len(s) {
				inner, n := utf8.DecodeRuneInString(s[j:])
				if !isPathRune(inner) {
					break
				}
				j += n
			}
			if j == i+1 || j == len(s) || s[j] != ')' {
				return 0
			}
			i = j + 1
		case isPathRune(r):
			i += size
		default:
			return 0
		}
	}
	return 0
}

// isHostByte reports whether b is in [a-z0-9.-].
func isHostByte(b byte) bool { return isLower(b) || isDigit(b) || b == '.' || b == '-' }

// isPathRune reports whether r is neither ASCII white space (as the regexp
// class \s defines it) nor one of ()<>.
func isPathRune(r rune) bool {
	switch r {
	case '\t', '\n', '\f', '\r', ' ', '(', ')', '<', '>':
		return false
	}
	return true
}

// isLinkEndRune reports whether r may end a link: a path rune other than
// !.,:;?'"[]{}.
func isLinkEndRune(r rune) bool {
	switch r {
	case '!', '.', ',', ':', ';', '?', '\'', '"', '[', ']', '{', '}':
		return false
	}
	return isPathRune(r)
}

// containsEmail reports whether some substring of w is an e-mail address as
// prose's case-insensitive e-mail pattern (from commonregex) defines it:
// a local-part rune, "@", a domain label, ".", and an alphanumeric rune. A
// label is a run of alphanumerics and hyphens that begins and ends with an
// alphanumeric. The pattern's further labels never decide a match: the rune
// after the first "label." either completes the address or fails it.
func containsEmail(w string) bool {
	for a := strings.IndexByte(w, '@'); a >= 0; {
		if local, _ := utf8.DecodeLastRuneInString(w[:a]); isLocalRune(local) && domainStart(w[a+1:]) {
			return true
		}
		next := strings.IndexByte(w[a+1:], '@')
		if next < 0 {
			break
		}
		a += 1 + next
	}
	return false
}

// domainStart reports whether s begins with a label, a dot and an
// alphanumeric rune.
func domainStart(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	if !isAlnumFold(first) {
		return false
	}
	end := 0
	last := first
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isAlnumFold(r) && r != '-' {
			break
		}
		last = r
		end += size
	}
	if end == len(s) || s[end] != '.' || !isAlnumFold(last) {
		return false
	}
	next, _ := utf8.DecodeRuneInString(s[end+1:])
	return isAlnumFold(next)
}

// Under case folding, the ASCII letters k and s also match the Kelvin sign
// and the long s.
const (
	kelvin = '\u212A'
	longS  = '\u017F'
)

// isAlnumFold reports whether r matches [a-z0-9] case-insensitively.
func isAlnumFold(r rune) bool {
	if r < utf8.RuneSelf {
		b := byte(r)
		return isLower(b) || isUpper(b) || isDigit(b)
	}
	return r == kelvin || r == longS
}

// isLocalRune reports whether r may end the local part of an e-mail
// address: an alphanumeric (case-insensitively) or one of !#$%&'*+/=?^_{|.}~-.
func isLocalRune(r rune) bool {
	if isAlnumFold(r) {
		return true
	}
	return r < utf8.RuneSelf && strings.IndexByte("!#$%&'*+/=?^_{|.}~-", byte(r)) >= 0
}
