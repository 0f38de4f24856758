package clean

import (
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// furnitureTests are lines that Clean must skip, by kind, and lines of
// prose, bylines and captions that it must keep.
var furnitureTests = []struct {
	line      string
	furniture bool
}{
	// Shortcodes and notes.
	{`[adrotate banner="9"]`, true},
	{`[caption id="attachment_12" align="alignleft"]`, true},
	{`[/caption]`, true},
	{`[comment removed by moderator: rule 3, be civil]`, true},
	{`[Editor's note: This story has been updated.]`, false},
	// Whole lines.
	{"Advertisement", true},
	{"ADVERTISEMENT", true},
	{"Leave a comment", true},
	{"Comments are closed.", true},
	{"###", true},
	{"ENDS", true},
	{"We value your privacy", true},
	// Prefixes.
	{"Read more: Apple fights court order over iPhone", true},
	{"Related: What the Assistance and Access Act really allows", true},
	{"You might also like: Ten apps that respect your privacy", true},
	{"Tags: encryption · Home Office · Meta", true},
	{"Filed under: Explainers, Security, Policy", true},
	{"Share this article: Facebook · Twitter · Email", true},
	{"Subscribe to The Open Stack to keep reading. Already a subscriber? Sign in", true},
	{"Follow us on Telegram for more news", true},
	{"4. Media contact: press@example.org | +32 2 000 00 00", true},
	{"Source: agencies", true},
	{"© Lantern Press Agency. All rights reserved.", true},
	{"This interview is part of our series \"Policing the digital age\".", true},
	{"Support usually comes from the courts, she said.", false},
	{"Sharing data with police is routine, officials said.", false},
	// Cookie banners and disclaimers.
	{"We use cookies to improve your experience. Manage settings", true},
	{"This site uses cookies from Google to deliver its services. Learn more | Got it", true},
	{"We and our 212 partners store and/or access information on a device, such as cookies.", true},
	{"This post is for information only and does not constitute legal advice.", true},
	{"Regulators said sites that use cookies must ask for consent.", false},
	// Menus and counters.
	{"Share | Print | Email", true},
	{"Reply · Quote · Report", true},
	{"412 points · 156 comments · share · save · report", true},
	{"12 comments", true},
	{"Comments (42) · Leave a comment", true},
	{"Views: 1,204 | Share", true},
	{"ACCEPT ALL    MORE OPTIONS", true},
	{"The views expressed are the author's own. | Comments (212)", true},
	{"You're receiving this because you signed up. Unsubscribe · View in browser", true},
	{"Posted on October 2, 2023 by Hanne Sørlie · 11 comments", false},
	{"Posted by Nadia Ferreira · June 3, 2019 · 6 min read", false},
	{"By Kendra Maddox | Civic Ledger", false},
	// Time stamps, credits, pagers, contacts.
	{"Published 8:12 p.m. CT Jan. 13, 2020 | Updated 9:40 a.m. CT Jan. 14, 2020", true},
	{"Nov. 19, 2015 | Updated 6:42 p.m.", true},
	{"Updated 5:48 p.m. ET", false},
	{"Written by Aditi Rao | New Delhi | Updated: May 26, 2021 7:42:10 pm", false},
	{"(File photo)", true},
	{"(Reporting by Harold Vick; Editing by Ann Pereira)", false},
	{"(they've since pushed the deadline back to May.)", false},
	{"← A gentle introduction to lattices | Older posts →", true},
	{"Spotted a claim you'd like us to check? Email factcheck@example.org", true},
	{"Write to the editor at letters@example.org.", false},
	// Prose.
	{"Police could obtain both halves only with legal authorization.", false},
	{"Notes to editors", false},
	{"The Electronic Frontier Foundation said it was deeply troubled.", false},
}

func TestCleanLines(t *testing.T) {
	for _, tt := range furnitureTests {
		text := "Headline\n\n  " + tt.line + "\u00a0\r\n\nBody."
		d := &doc.Doc{Article: doc.Article{Text: text}}
		Clean(d)
		start := strings.Index(text, tt.line)
		want := []doc.Span(nil)
		if tt.furniture {
			want = []doc.Span{{Start: start, End: start + len(tt.line)}}
		}
		if len(d.Skip) != len(want) || len(want) == 1 && d.Skip[0] != want[0] {
			t.Errorf("Clean(%q).Skip = %v, want %v", tt.line, d.Skip, want)
		}
	}
}

func TestCleanListBlock(t *testing.T) {
	text := "Body text.\n\nRelated posts\nApple pulls a feature from the UK\nWhat is a technical capability notice?\n\n" +
		"Related:\nThe bill passed on Tuesday.\n\nBack to the story."
	d := &doc.Doc{Article: doc.Article{Text: text}}
	Clean(d)
	var got []string
	for _, s := range d.Skip {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"Related posts", "Apple pulls a feature from the UK", "What is a technical capability notice?", "Related:"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Skip = %q, want %q", got, want)
	}
}

func TestCleanReplacesSkip(t *testing.T) {
	d := &doc.Doc{Article: doc.Article{Text: "Just prose."}, Skip: []doc.Span{{Start: 0, End: 4}}}
	Clean(d)
	if len(d.Skip) != 0 {
		t.Errorf("Skip = %v, want none", d.Skip)
	}
}

func TestLineEnds(t *testing.T) {
	text := "a\nb\r\nc\rd\u2028e\u2029f\u0085g"
	var got []string
	for start := 0; start < len(text); {
		end, next := lineEnd(text, start)
		got = append(got, text[start:end])
		start = next
	}
	if strings.Join(got, ",") != "a,b,c,d,e,f,g" {
		t.Errorf("lines = %q", got)
	}
}

func BenchmarkClean(b *testing.B) {
	var sb strings.Builder
	for _, a := range readGold(b, "train") {
		sb.WriteString(a.Text)
		sb.WriteString("\n\n")
	}
	d := &doc.Doc{Article: doc.Article{Text: sb.String()}}
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Clean(d)
	}
}
