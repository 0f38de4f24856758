package segment

import (
	"slices"
	"testing"
)

// splitTests pair a text with the sentences Split must find in it, one
// group per rule.
var splitTests = []struct {
	name string
	in   string
	want []string
}{
	// Terminators.
	{"full stop", "Keys were split. Agents held them.", []string{"Keys were split.", "Agents held them."}},
	{"question and exclamation", "Why now? Because! It works.", []string{"Why now?", "Because!", "It works."}},
	{"double punctuation", "Really?! Yes.", []string{"Really?!", "Yes."}},
	{"first word with a full stop", "Good. Now finish the job.", []string{"Good.", "Now finish the job."}},
	{"lowercase after a full stop", "It fell. then it rose.", []string{"It fell.", "then it rose."}},
	{"name with exclamation mark", "She works at Yahoo! in sales.", []string{"She works at Yahoo! in sales."}},

	// Abbreviations.
	{"titles", "Mr. Smith met Dr. Jones and Gen. Alexander.", []string{"Mr. Smith met Dr. Jones and Gen. Alexander."}},
	{"legislators", "Sen. Ron Wyden and Rep. Zoe Lofgren objected.", []string{"Sen. Ron Wyden and Rep. Zoe Lofgren objected."}},
	{"latin", "Apps, e.g. Signal, i.e. encrypted ones, etc. are popular.", []string{"Apps, e.g. Signal, i.e. encrypted ones, etc. are popular."}},
	{"etc. at the end", "Phones, laptops, etc. The rest is paper.", []string{"Phones, laptops, etc.", "The rest is paper."}},
	{"versus", "Apple vs. FBI was the case. Roe v. Wade fell.", []string{"Apple vs. FBI was the case.", "Roe v. Wade fell."}},
	{"company inside", "Acme Inc. said no.", []string{"Acme Inc. said no."}},
	{"company at the end", "He sold it to Acme Corp. The deal closed.", []string{"He sold it to Acme Corp.", "The deal closed."}},
	{"U.S. inside", "The U.S. Senate voted. U.K. officials agreed.", []string{"The U.S. Senate voted.", "U.K. officials agreed."}},
	{"U.S. at the end", "I live in the U.S. How about you?", []string{"I live in the U.S.", "How about you?"}},
	{"months", "On Jan. 13 it began. It ended on Dec. 6.", []string{"On Jan. 13 it began.", "It ended on Dec. 6."}},
	{"state before a dash", "CUPERTINO, Calif. — Apple said no.", []string{"CUPERTINO, Calif. — Apple said no."}},
	{"state that is a word", "He attended mass. Nobody else came.", []string{"He attended mass.", "Nobody else came."}},
	{"state before a starter", "He lives in Boston, Mass. The city is cold.", []string{"He lives in Boston, Mass.", "The city is cold."}},
	{"numbered", "See No. 10 and p. 55 of the report.", []string{"See No. 10 and p. 55 of the report."}},
	{"no as an answer", "He said No. The vote failed.", []string{"He said No.", "The vote failed."}},
	{"street and saint", "St. Michael's is on 5th st. near the light.", []string{"St. Michael's is on 5th st. near the light."}},
	{"times", "At 10:05 a.m. — the hearing began. It ended at 5 p.m. The room emptied.",
		[]string{"At 10:05 a.m. — the hearing began.", "It ended at 5 p.m.", "The room emptied."}},
	{"possessive abbreviation", "That is JFK Jr.'s book.", []string{"That is JFK Jr.'s book."}},

	// Initials.
	{"initial before names", "J. Edgar Hoover ran it. George W. Bush spoke.", []string{"J. Edgar Hoover ran it.", "George W. Bush spoke."}},
	{"I as a word and as an initial", "You and I. Did you see Albert I. Jones?", []string{"You and I.", "Did you see Albert I. Jones?"}},
	{"one-letter name", "He posted support on X. Telegram has many users.", []string{"He posted support on X.", "Telegram has many users."}},

	// Numbers, addresses.
	{"decimals", "Growth was 3.5 percent. Sales hit $1.2m. Costs fell.", []string{"Growth was 3.5 percent.", "Sales hit $1.2m.", "Costs fell."}},
	{"number after a full stop", "It began in 2019. 35 people were arrested.", []string{"It began in 2019.", "35 people were arrested."}},
	{"URL", "Read https://example.org/a.b?x=1. Then decide.", []string{"Read https://example.org/a.b?x=1.", "Then decide."}},
	{"email", "Write to jane.doe@example.org. She replies.", []string{"Write to jane.doe@example.org.", "She replies."}},

	// Ellipses.
	{"ellipsis inside", "I wasn't really ... well. It was . . . I didn't mean it.", []string{"I wasn't really ... well.", "It was . . . I didn't mean it."}},
	{"four dots end", "I never meant that.... She left.", []string{"I never meant that....", "She left."}},
	{"unicode ellipsis", "Wait… what? Fine.", []string{"Wait… what?", "Fine."}},
	{"spaced ellipsis after a full stop", "It was weakened. . . . The practice stayed.", []string{"It was weakened.", ". . . The practice stayed."}},
	{"bracketed ellipsis", `"Bohr [...] used stairways [...]" (Smith 55).`, []string{`"Bohr [...] used stairways [...]" (Smith 55).`}},

	// Quotes and parentheses.
	{"quote closes after the stop", `She said, "This is great." She left.`, []string{`She said, "This is great."`, "She left."}},
	{"quote goes on", `"This is great." she said.`, []string{`"This is great." she said.`}},
	{"curly quotes", "He asked, “Why?” Nobody knew.", []string{"He asked, “Why?”", "Nobody knew."}},
	{"single quotes", "She said 'stop.' Then she left.", []string{"She said 'stop.'", "Then she left."}},
	{"parenthesis inside", "He teaches (he was an engineer.) at the school.", []string{"He teaches (he was an engineer.) at the school."}},
	{"sentence in parentheses", "It was late. (they had waited.) then it began.", []string{"It was late.", "(they had waited.)", "then it began."}},
	{"photo credit", "Police at the scene on Monday. (CNW Photo/File)\n\nThe raid began.", []string{"Police at the scene on Monday. (CNW Photo/File)", "The raid began."}},

	// Lines and paragraphs.
	{"headline and byline", "Apple to fight order\nBy Jane Doe | Daily Wire\n\nWASHINGTON — Apple said no. It will appeal.",
		[]string{"Apple to fight order", "By Jane Doe | Daily Wire", "WASHINGTON — Apple said no.", "It will appeal."}},
	{"blank line ends a sentence", "No stop here\n \t\nNext paragraph", []string{"No stop here", "Next paragraph"}},
	{"wrapped line goes on", "It was a cold \nnight in the city.", []string{"It was a cold \nnight in the city."}},
	{"name in lowercase starts a line", "Apple to fight order\niPhone maker says no.", []string{"Apple to fight order", "iPhone maker says no."}},
	{"lowercase chat lines", "ok so this happened\nanother line here", []string{"ok so this happened", "another line here"}},
	{"line break after a stop", "It works.\nthen it broke.", []string{"It works.", "then it broke."}},
	{"abbreviation at a line end", "We met Mr.\nSmith today.", []string{"We met Mr.\nSmith today."}},
	{"attribution line", "Encryption matters.\n— Jane Roe, CEO", []string{"Encryption matters.", "— Jane Roe, CEO"}},
	{"CRLF", "Line one\r\nLine two", []string{"Line one", "Line two"}},
	{"paragraph separator", "One\u2029two", []string{"One", "two"}},

	// Lists and headings.
	{"numbered list inline", "Notes to editors 1. The plan was endorsed. 2. Europol agreed.",
		[]string{"Notes to editors", "1. The plan was endorsed.", "2. Europol agreed."}},
	{"lettered list", "a. The first item b. The second item", []string{"a. The first item", "b. The second item"}},
	{"bullets", "• 9. The first item • 10. The second item", []string{"• 9. The first item", "• 10. The second item"}},
	{"list with period and parenthesis", "1.) The first item 2.) The second item 3.) The third item",
		[]string{"1.) The first item", "2.) The second item", "3.) The third item"}},
	{"list with parentheses and full stops", "1) The first item. 2) The second item.", []string{"1) The first item.", "2) The second item."}},
	{"list with lowercase items", "Three problems:\n1) scanning, 2) reporting, 3) storage",
		[]string{"Three problems:", "1) scanning,", "2) reporting,", "3) storage"}},
	{"list goes on over lines", "1. Keys leak\n2. Audits fail 3. Trust goes", []string{"1. Keys leak", "2. Audits fail", "3. Trust goes"}},
	{"list item with a parenthesis", "1) Read the rules (as in 2) below) first 2) Sign them",
		[]string{"1) Read the rules (as in 2) below) first", "2) Sign them"}},
	{"list closed by a line", "1) The first item\nThe text goes on 2) after it", []string{"1) The first item", "The text goes on 2) after it"}},
	{"list item ends with a number", "1. Upgrade to version 2. The update is free. 2. Restart.",
		[]string{"1. Upgrade to version 2.", "The update is free.", "2. Restart."}},
	{"list after a colon", "The bill has three parts: 1) scanning, 2) reporting and 3) storage.",
		[]string{"The bill has three parts: 1) scanning, 2) reporting and 3) storage."}},
	{"list after a colon with periods", "The bill has three parts: 1. scanning, 2. reporting.",
		[]string{"The bill has three parts: 1. scanning, 2. reporting."}},
	{"list not at the start of a line", "The plan 1) cuts costs 2) saves time.", []string{"The plan 1) cuts costs 2) saves time."}},
	{"list that does not start at one", "3) The third item 4) The fourth item", []string{"3) The third item 4) The fourth item"}},
	{"list in another style", "1) the first item 2. the second item", []string{"1) the first item 2. the second item"}},
	{"capitalised list after a colon", "Most read: 1. Ten gadgets for the summer 2. Why your router needs an update",
		[]string{"Most read:", "1. Ten gadgets for the summer", "2. Why your router needs an update"}},
	{"number after a word", "It shipped as version 2. The update came later.", []string{"It shipped as version 2.", "The update came later."}},
	{"section in parentheses", "The court (in Section 2) agreed. Read Section 3) too.",
		[]string{"The court (in Section 2) agreed.", "Read Section 3) too."}},
	{"run-in heading", "WHAT'S NEXT The vote is on Thursday.", []string{"WHAT'S NEXT", "The vote is on Thursday."}},
	{"acronyms are not a heading", "EU AI Act rules apply.", []string{"EU AI Act rules apply."}},
	{"dateline is not a heading", "SAN FRANCISCO (MNS) — A judge ruled.", []string{"SAN FRANCISCO (MNS) — A judge ruled."}},

	// Space and invisible runes.
	{"unicode space trimmed", "\u200b\u00a0Hello world.\u00a0 \u200dBye.\u2060", []string{"Hello world.", "Bye."}},
	{"empty", "", nil},
	{"only space", " \n\u00a0\u200b\n", nil},
}

func TestSplit(t *testing.T) {
	for _, tt := range splitTests {
		var got []string
		for _, sp := range Split(tt.in) {
			got = append(got, tt.in[sp.Start:sp.End])
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Split(%q)\n got %q\nwant %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestParseMarker(t *testing.T) {
	tests := []struct {
		w    string
		want marker
		ok   bool
	}{
		{"1.", marker{n: 1, style: period}, true},
		{"2)", marker{n: 2, style: paren}, true},
		{"3.)", marker{n: 3, style: periodParen}, true},
		{"b.", marker{n: 2, letter: true, style: period}, true},
		{"•10.", marker{n: 10, style: period}, true},
		{"100.", marker{}, false},
		{"Good.", marker{}, false},
		{"A.", marker{}, false},
		{".)", marker{}, false},
		{"•)", marker{}, false},
		{"1", marker{}, false},
		{"U.S.)", marker{}, false},
	}
	for _, tt := range tests {
		if got, ok := parseMarker(tt.w); got != tt.want || ok != tt.ok {
			t.Errorf("parseMarker(%q) = %+v, %v; want %+v, %v", tt.w, got, ok, tt.want, tt.ok)
		}
	}
}
