package postag

import (
	"maps"
	"slices"
)

// ruleTag holds the tag of each rule; ruleBracket's tag is the token itself.
var ruleTag = [numRules]string{
	ruleDash:     "-",
	ruleEmoticon: "SYM",
	ruleWeb:      "NN",
	ruleEmpty:    "-NONE-",
}

// ruleOf returns the first rule that applies to the token w.
func ruleOf(w string) rule {
	switch {
	case w == "-":
		return ruleDash
	case isEmoticon(w):
		return ruleEmoticon
	}
	return lateRuleOf(w)
}

// earlyRuleTokens lists, sorted, the tokens to which a rule before the late
// ones applies.
func earlyRuleTokens() []string {
	tokens := append(slices.Collect(maps.Keys(emoticons)), "-")
	slices.Sort(tokens)
	return tokens
}

// emoticons is the set of tokens prose tags SYM.
var emoticons = func() map[string]bool {
	list := []string{
		"(-8", "(-;", "(-_-)", "(._.)", "(:", "(=", "(o:", "(¬_¬)", "(ಠ_ಠ)",
		"(╯°□°）╯︵┻━┻", "-__-", "8-)", "8-D", "8D",
		":(", ":((", ":(((", ":()", ":)))", ":-)", ":-))", ":-)))", ":-*",
		":-/", ":-X", ":-]", ":-o", ":-p", ":-x", ":-|", ":-}", ":0", ":3",
		":P", ":]", ":`(", ":`)", ":`-(", ":o", ":o)",
		"=(", "=)", "=D", "=|", "@_@", "O.o", "O_o", "V_V", "XDD", "[-:",
		"^___^", "o_0", "o_O", "o_o", "v_v", "xD", "xDD", `¯\(ツ)/¯`,
	}
	set := make(map[string]bool, len(list))
	for _, e := range list {
		set[e] = true
	}
	return set
}()

// isEmoticon reports whether w is one of prose's emoticons.
func isEmoticon(w string) bool { return emoticons[w] }
