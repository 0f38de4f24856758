package postag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/mingrammer/commonregex"
)

func TestRuleOf(t *testing.T) {
	for _, tc := range []struct {
		word string
		want rule
	}{
		{"-", ruleDash},
		{"--", ruleNone},
		{":-)", ruleEmoticon},
		{"(ಠ_ಠ)", ruleEmoticon},
		{":)", ruleNone}, // not in prose's list
		{"@stancer", ruleWeb},
		{"https://example.com/a(b)", ruleWeb},
		{"www.example.org", ruleWeb},
		{"example.com", ruleWeb},
		{"EXAMPLE.COM", ruleNone}, // the link pattern wants a lower-case letter or digit before the dot
		{"Example.COM", ruleWeb},
		{"3.50", ruleWeb}, // a decimal number matches the link pattern
		{"3.5", ruleNone},
		{"U.S.", ruleNone},
		{"p.m.", ruleNone},
		{"jane.doe@example.co.uk", ruleWeb},
		{"JANE@EXAMPLE.COM", ruleWeb},
		{"jane@localhost", ruleNone},
		{"0", ruleEmpty},
		{"*", ruleEmpty},
		{"*T*-1", ruleEmpty},
		{"*-12", ruleEmpty},
		{"*?*", ruleEmpty},
		{"*U*", ruleEmpty},
		{"*T*-1234", ruleNone},
		{"*T*", ruleEmpty},
		{"*TT*", ruleNone},
		{"**", ruleNone},
		{"00", ruleNone},
		{"-LRB-", ruleBracket},
		{"-RCB-", ruleBracket},
		{"-lrb-", ruleNone},
		{"-NONE-", ruleNone},
		{"", ruleNone},
		{"word", ruleNone},
	} {
		if got := ruleOf(tc.word); got != tc.want {
			t.Errorf("ruleOf(%q) = %d, want %d", tc.word, got, tc.want)
		}
	}
}

// webAddrCases are inputs for the comparisons of containsLink and
// containsEmail with the patterns prose uses.
var webAddrCases = []string{
	"", ".", "a.", "a.b", "a.bc", "a.b.", "a.b!", "a.b,c", "x.(y)", "x.(y)z", "x.a(y)", "x.(y", "x.((y))z",
	"x.(a(b)c)d", "x.(a(b c)d)e", "x.()", "x.a()", "x.a<b", "é.ab", "a.éé", "a.\xffb", "a.b\xff",
	"A.bc", "-.bc", "..bc", "http://x", "https://x.io/p?q=1", "see:x.co", "a..", "1.25", "$1.25", "12.5%",
	"a@b.c", "a@b", "@b.c", "a@-b.c", "a@b-.c", "a@b-c.d", "a@b..c", "a@@b.c", "a@b@c.d", "A@B.C",
	"ſ@k.s", "a@\u212a.s", "a@b.\u212a", "é@b.c", "a+b@c.d", "a@b.c-", "a@b.-c", "a@b_c.d", "a@b.c.d",
	"x@y.z!", "\xff@b.c", "a@\xffb.c",
}

func TestContainsLinkMatchesPattern(t *testing.T) {
	for _, w := range webAddrCases {
		if got, want := containsLink(w), commonregex.LinkRegex.MatchString(w); got != want {
			t.Errorf("containsLink(%q) = %v, pattern says %v", w, got, want)
		}
	}
}

func TestContainsEmailMatchesPattern(t *testing.T) {
	for _, w := range webAddrCases {
		if got, want := containsEmail(w), commonregex.EmailRegex.MatchString(w); got != want {
			t.Errorf("containsEmail(%q) = %v, pattern says %v", w, got, want)
		}
	}
}

func FuzzContainsLink(f *testing.F) {
	for _, w := range webAddrCases {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := containsLink(w), commonregex.LinkRegex.MatchString(w); got != want {
			t.Errorf("containsLink(%q) = %v, pattern says %v", w, got, want)
		}
	})
}

func FuzzContainsEmail(f *testing.F) {
	for _, w := range webAddrCases {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := containsEmail(w), commonregex.EmailRegex.MatchString(w); got != want {
			t.Errorf("containsEmail(%q) = %v, pattern says %v", w, got, want)
		}
	})
}

// TestEmoticonsMatchProse compares the emoticons with the keys of the
// emoticons map in prose's tokenize.go.
func TestEmoticonsMatchProse(t *testing.T) {
	path := filepath.Join(proseDir(t), "tokenize.go")
	file, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Skipf("skipping: cannot parse prose's tokenizer: %v", err)
	}
	var want []string
	ast.Inspect(file, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || len(spec.Names) != 1 || spec.Names[0].Name != "emoticons" || len(spec.Values) != 1 {
			return true
		}
		lit, ok := spec.Values[0].(*ast.CompositeLit)
		if !ok {
			t.Fatal("prose's emoticons is not a composite literal")
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			key, ok2 := kv.Key.(*ast.BasicLit)
			if !ok || !ok2 {
				t.Fatalf("unexpected element %T in prose's emoticons", elt)
			}
			s, err := strconv.Unquote(key.Value)
			if err != nil {
				t.Fatal(err)
			}
			want = append(want, s)
		}
		return false
	})
	if len(want) == 0 {
		t.Fatal("emoticons not found in prose's tokenize.go")
	}
	slices.Sort(want)
	got := earlyRuleTokens()
	got = slices.DeleteFunc(got, func(s string) bool { return s == "-" })
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("emoticons differ from prose's:\n got %q\nwant %q", got, want)
	}
}

func TestAppendNormal(t *testing.T) {
	for _, tc := range []struct{ word, want string }{
		{"", ""},
		{"The", "the"},
		{"well-known", hyphenForm},
		{"-LRB-", "-lrb-"},
		{"--", "--"},
		{"1999", yearForm},
		{"+199", yearForm},
		{"-199", yearForm},
		{"199", digitsForm},
		{"19999", digitsForm},
		{"3.50", digitsForm},
		{"1990s", digitsForm},
		{"'90s", "'90s"},
		{"ÉCOLE", "école"},
		{"İ", "i"}, // unicode.ToLower maps U+0130 to a plain i
		{"A\xffB", "a\uFFFDb"},
	} {
		if got := string(appendNormal(nil, tc.word)); got != tc.want {
			t.Errorf("appendNormal(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
}

func FuzzAppendLower(f *testing.F) {
	for _, s := range []string{"", "ABC", "Ǆ", "İstanbul", "\xff\xfeA", "ΣΑΣ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendLower(nil, s)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	})
}
