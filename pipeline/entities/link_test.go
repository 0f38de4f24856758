package entities

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

// linkDoc returns a doc of text with the mentions, given as "TYPE:text",
// placed at their next occurrences in order.
func linkDoc(t *testing.T, text string, mentions ...string) *doc.Doc {
	t.Helper()
	d := &doc.Doc{Article: doc.Article{Text: text}}
	at := 0
	for _, m := range mentions {
		typ, name, _ := strings.Cut(m, ":")
		i := strings.Index(text[at:], name)
		if i < 0 {
			t.Fatalf("mention %q not in %q after %d", name, text, at)
		}
		sp := doc.Span{Start: at + i, End: at + i + len(name)}
		d.Mentions = append(d.Mentions, doc.Mention{Span: sp, Text: name, Type: doc.EntityType(typ)})
		at = sp.End
	}
	return d
}

// entityString formats an entity as "Name/TYPE/count[aliases]".
func entityString(e doc.Entity) string {
	return fmt.Sprintf("%s/%s/%d%q", e.Name, e.Type, e.Count, e.Aliases)
}

func TestLink(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		mentions []string
		want     []string // entities
		of       []int    // entity of each mention
	}{
		{
			"surname joins the full name, before or after",
			"Rudd spoke. Amber Rudd said so. Later Rudd left.",
			[]string{"PERSON:Rudd", "PERSON:Amber Rudd", "PERSON:Rudd"},
			[]string{`Amber Rudd/PERSON/3["Rudd" "Amber Rudd"]`},
			[]int{0, 0, 0},
		},
		{
			"nearest preceding full name wins",
			"Cyrus Vance Jr. met JD Vance. Vance said no.",
			[]string{"PERSON:Cyrus Vance Jr.", "PERSON:JD Vance", "PERSON:Vance"},
			[]string{`Cyrus Vance Jr./PERSON/1["Cyrus Vance Jr."]`, `JD Vance/PERSON/2["JD Vance" "Vance"]`},
			[]int{0, 1, 1},
		},
		{
			"suffix dropped when matching",
			"Cyrus Vance Jr. spoke. Vance left.",
			[]string{"PERSON:Cyrus Vance Jr.", "PERSON:Vance"},
			[]string{`Cyrus Vance Jr./PERSON/2["Cyrus Vance Jr." "Vance"]`},
			[]int{0, 0},
		},
		{
			"first name joins when no last name does",
			"Jenny Farrow hosts. Jenny asked.",
			[]string{"PERSON:Jenny Farrow", "PERSON:Jenny"},
			[]string{`Jenny Farrow/PERSON/2["Jenny Farrow" "Jenny"]`},
			[]int{0, 0},
		},
		{
			"case, periods and apostrophes do not matter",
			"WASHINGTON — In Washington the U.S. and the US met.",
			[]string{"GPE:WASHINGTON", "GPE:Washington", "GPE:U.S.", "GPE:US"},
			[]string{`Washington/GPE/2["WASHINGTON" "Washington"]`, `U.S./GPE/2["U.S." "US"]`},
			[]int{0, 0, 1, 1},
		},
		{
			"company suffix",
			"Apple Inc. makes phones. Apple said no.",
			[]string{"ORG:Apple Inc.", "ORG:Apple"},
			[]string{`Apple Inc./ORG/2["Apple Inc." "Apple"]`},
			[]int{0, 0},
		},
		{
			"business words and legal form",
			"Meta Platforms Inc. owns WhatsApp. Meta said so, and Meta Platforms agreed.",
			[]string{"ORG:Meta Platforms Inc.", "APP:WhatsApp", "ORG:Meta", "ORG:Meta Platforms"},
			[]string{`Meta Platforms Inc./ORG/3["Meta Platforms Inc." "Meta" "Meta Platforms"]`, `WhatsApp/APP/1["WhatsApp"]`},
			[]int{0, 1, 0, 0},
		},
		{
			"acronym by initials",
			"The NSA, or National Security Agency, and the National Center for Missing & Exploited Children (NCMEC).",
			[]string{"ORG:NSA", "ORG:National Security Agency", "ORG:National Center for Missing & Exploited Children", "ORG:NCMEC"},
			[]string{`National Security Agency/ORG/2["NSA" "National Security Agency"]`,
				`National Center for Missing & Exploited Children/ORG/2["National Center for Missing & Exploited Children" "NCMEC"]`},
			[]int{0, 0, 1, 1},
		},
		{
			"acronym defined in parentheses",
			"The Ministry of Electronics and Information Technology (MeitY) said MeitY would act.",
			[]string{"ORG:Ministry of Electronics and Information Technology", "ORG:MeitY", "ORG:MeitY"},
			[]string{`Ministry of Electronics and Information Technology/ORG/3["Ministry of Electronics and Information Technology" "MeitY"]`},
			[]int{0, 0, 0},
		},
		{
			"acronym defined after a comma and or",
			"The Federal Security Service, or FSB, asked. The FSB said so. Microsoft, or IBM, and the Federal Bureau, or FBI agents, and Fabrikam Holdings, or FBK. did not.",
			[]string{"ORG:Federal Security Service", "ORG:FSB", "ORG:FSB", "ORG:Microsoft", "ORG:IBM", "ORG:Federal Bureau", "ORG:FBI", "ORG:Fabrikam Holdings", "GPE:FBK"},
			[]string{`Federal Security Service/ORG/3["Federal Security Service" "FSB"]`, `Microsoft/ORG/1["Microsoft"]`, `IBM/ORG/1["IBM"]`,
				`Federal Bureau/ORG/1["Federal Bureau"]`, `FBI/ORG/1["FBI"]`, `Fabrikam Holdings/ORG/1["Fabrikam Holdings"]`, `FBK/GPE/1["FBK"]`},
			[]int{0, 0, 0, 1, 2, 3, 4, 5, 6},
		},
		{
			"type is the majority, ties to the first",
			"WhatsApp said it would leave. Use WhatsApp. Signal said no. Use Signal. Get Signal.",
			[]string{"ORG:WhatsApp", "APP:WhatsApp", "ORG:Signal", "APP:Signal", "APP:Signal"},
			[]string{`WhatsApp/ORG/2["WhatsApp"]`, `Signal/APP/3["Signal"]`},
			[]int{0, 0, 1, 1, 1},
		},
		{
			"different names stay apart",
			"Apple and Google and Tim Cook and Cook County.",
			[]string{"ORG:Apple", "ORG:Google", "PERSON:Tim Cook", "GPE:Cook County"},
			[]string{`Apple/ORG/1["Apple"]`, `Google/ORG/1["Google"]`, `Tim Cook/PERSON/1["Tim Cook"]`, `Cook County/GPE/1["Cook County"]`},
			[]int{0, 1, 2, 3},
		},
	}
	for _, tt := range tests {
		d := linkDoc(t, tt.text, tt.mentions...)
		Link(d)
		var got []string
		for i, e := range d.Entities {
			if e.ID != i {
				t.Errorf("%s: entity %d has ID %d", tt.name, i, e.ID)
			}
			got = append(got, entityString(e))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: entities =\n%q\nwant\n%q", tt.name, got, tt.want)
		}
		var of []int
		for _, m := range d.Mentions {
			of = append(of, m.Entity)
		}
		if !slices.Equal(of, tt.of) {
			t.Errorf("%s: mention entities = %v, want %v", tt.name, of, tt.of)
		}
	}
}

func TestLinkNoMentions(t *testing.T) {
	d := &doc.Doc{Entities: []doc.Entity{{Name: "stale"}}}
	Link(d)
	if len(d.Entities) != 0 {
		t.Errorf("entities = %v, want none", d.Entities)
	}
}

// TestLinkerReuse links documents in turn with one linker, as Recognize
// does, and checks each against a linker of its own: nothing of a
// document may carry over to the next.
func TestLinkerReuse(t *testing.T) {
	docs := []func() *doc.Doc{
		func() *doc.Doc {
			return linkDoc(t, "Amber Rudd met the EFF. Rudd said the Electronic Frontier Foundation (EFF) was wrong.",
				"PERSON:Amber Rudd", "ORG:EFF", "PERSON:Rudd", "ORG:Electronic Frontier Foundation", "ORG:EFF")
		},
		func() *doc.Doc {
			return linkDoc(t, "Rudd spoke. Signal said no. Use Signal.", "PERSON:Rudd", "ORG:Signal", "APP:Signal")
		},
		func() *doc.Doc { return linkDoc(t, "Nothing here.") },
	}
	var shared linker
	for round := range 2 {
		for i, mk := range docs {
			got, want := mk(), mk()
			shared.link(got)
			new(linker).link(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, document %d: reused linker gave\n%+v\nwant\n%+v", round, i, got.Entities, want.Entities)
			}
		}
	}
}

// TestLinkBadSpans checks that mentions whose spans lie outside the text or
// overlap do not make Link panic.
func TestLinkBadSpans(t *testing.T) {
	d := &doc.Doc{Article: doc.Article{Text: "The Federal Security Service, or FSB, said so."}}
	d.Mentions = []doc.Mention{
		{Span: doc.Span{Start: -3, End: -1}, Text: "Federal Security Service", Type: doc.Org},
		{Span: doc.Span{Start: 4, End: 28}, Text: "Federal Security Service", Type: doc.Org},
		{Span: doc.Span{Start: 50, End: 40}, Text: "FSB", Type: doc.Org},
		{Span: doc.Span{Start: 90, End: 100}, Text: "FSB", Type: doc.Org},
	}
	Link(d)
	if len(d.Entities) == 0 {
		t.Error("no entities")
	}
}
