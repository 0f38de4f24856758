package postag

import "strings"

// rule identifies the shortcut by which prose tags a token without consulting
// its model. The constants are in the order prose tries the rules.
type rule uint8

const (
	ruleNone     rule = iota // no rule applies: the model decides
	ruleDash                 // the token "-", tagged "-"
	ruleEmoticon             // an emoticon, tagged SYM
	ruleWeb                  // a link, an e-mail address or an @-handle, tagged NN
	ruleEmpty                // a treebank empty element, tagged -NONE-
	ruleBracket              // a bracket code such as -LRB-, tagged as itself
	numRules
)

// lateRuleOf returns the first rule after ruleEmoticon that applies to the
// token w. For the tokens of the earlier rules the model file holds entries
// with their tags, so the Tagger need not test those rules.
func lateRuleOf(w string) rule {
	switch {
	case strings.HasPrefix(w, "@") || containsLink(w) || containsEmail(w):
		return ruleWeb
	case isEmptyElement(w):
		return ruleEmpty
	case isBracketCode(w):
		return ruleBracket
	}
	return ruleNone
}

// isEmptyElement reports whether w is a Penn Treebank empty element as prose
// recognizes them: "0", "*", "*X*" for a single letter, digit, '_' or '?' X,
// and "*-N" or "*LABEL*-N" for an upper-case LABEL and an index N of one to
// three ASCII digits.
func isEmptyElement(w string) bool {
	if w == "0" || w == "*" {
		return true
	}
	if len(w) < 3 || w[0] != '*' {
		return false
	}
	rest := w[1:]
	if len(rest) == 2 && rest[1] == '*' && (isWordByte(rest[0]) || rest[0] == '?') {
		return true
	}
	n := 0
	for n < len(rest) && isUpper(rest[n]) {
		n++
	}
	if n > 0 {
		if n == len(rest) || rest[n] != '*' {
			return false
		}
		rest = rest[n+1:]
	}
	return len(rest) >= 2 && len(rest) <= 4 && rest[0] == '-' && allDigits(rest[1:])
}

// isBracketCode reports whether w is a dash, three upper-case ASCII letters
// and a dash, like the treebank's -LRB- and -RCB-.
func isBracketCode(w string) bool {
	return len(w) == 5 && w[0] == '-' && w[4] == '-' &&
		isUpper(w[1]) && isUpper(w[2]) && isUpper(w[3])
}

func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }
func isLower(b byte) bool { return 'a' <= b && b <= 'z' }
func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// isWordByte reports whether b is an ASCII letter, digit or underscore.
func isWordByte(b byte) bool { return isUpper(b) || isLower(b) || isDigit(b) || b == '_' }

// allDigits reports whether s is non-empty and all ASCII digits.
func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}
