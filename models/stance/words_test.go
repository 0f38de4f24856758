package stance

import "testing"

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Encryption", "encryption"},
		{"n’t", "n't"},
		{"‘quoted’", "'quoted'"},
		{"“", `"`},
		{"»", `"`},
		{"—", "--"},
		{"ÉCOLE", "école"},
		{"", ""},
	} {
		if got := fold(tc.in); got != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWordClass(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		punct    bool
	}{
		{"encryption", "encrypt", false},
		{"encrypted", "encrypt", false},
		{"backdoors", "backdoor", false},
		{"the", "the", false},
		{"2015", "<num>", false},
		{"1,000.5", "<num>", false},
		{",", ",", true},
		{`"`, `"`, true},
	} {
		got, punct := wordClass(tc.in)
		if got != tc.want || punct != tc.punct {
			t.Errorf("wordClass(%q) = %q, %v; want %q, %v", tc.in, got, punct, tc.want, tc.punct)
		}
	}
}

func TestLookupFlags(t *testing.T) {
	lex, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var m memo
	for _, tc := range []struct {
		norm string
		want uint16
	}{
		{"Not", flagNegator | flagStop},
		{"n’t", flagNegator},
		{"without", flagNegator},
		{"said", flagSpeech},
		{"warns", flagSpeech},
		{"must", flagModal},
		{"“", flagQuote | flagBreak | flagPunct},
		{",", flagBreak | flagPunct},
		{"She", flagPronoun | flagStop},
		{"our", flagFirst | flagStop},
		{"backdoor", 0},
	} {
		got := lex.words.lookup(tc.norm, &m).flags
		// Compare only the flags under test and flagStop, which depends on
		// snowball's stop-word list.
		if mask := tc.want | flagNegator | flagSpeech | flagModal | flagQuote | flagPronoun | flagFirst; got&mask != tc.want&mask {
			t.Errorf("lookup(%q).flags = %b, want %b", tc.norm, got&mask, tc.want&mask)
		}
	}
}

func TestLookupStemsAlike(t *testing.T) {
	lex, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var m memo
	if a, b := lex.words.lookup("Weakening", &m), lex.words.lookup("weakened", &m); a.stem != b.stem {
		t.Errorf("Weakening and weakened have different stems")
	}
	if a, b := lex.words.lookup("encryption", &m), lex.words.lookup("backdoor", &m); a.stem == b.stem {
		t.Errorf("encryption and backdoor have the same stem")
	}
}

func TestLookupAllocations(t *testing.T) {
	lex, err := sharedLexicon()
	if err != nil {
		t.Fatal(err)
	}
	var m memo
	words := []string{"Backdoor", "unknownword", "n’t", "“"}
	for _, w := range words {
		lex.words.lookup(w, &m)
	}
	allocs := testing.AllocsPerRun(100, func() {
		for _, w := range words {
			lex.words.lookup(w, &m)
		}
	})
	if allocs != 0 {
		t.Errorf("lookup of remembered words allocates %v times", allocs)
	}
}
