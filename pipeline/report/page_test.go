package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/report"
	"github.com/stancer/stancer/pipeline/summary"
	"github.com/stancer/stancer/pipeline/summary/summarytest"
)

// pageFacts is what checkPage finds in a report.
type pageFacts struct {
	svgs, tables, links int
	hrefs               []string // of the links out of the page
	text                string   // the character data, space-joined
	elements            map[string]int
}

// forbidden are the elements a self-contained, script-free page has no
// use for.
var forbidden = map[string]bool{
	"script": true, "link": true, "img": true, "image": true, "iframe": true, "object": true,
	"embed": true, "use": true, "foreignObject": true, "audio": true, "video": true, "source": true,
	"base": true, "form": true,
}

// checkPage parses page as XML, which the report promises, and reports
// every sign of a page that is not self-contained or not accessible:
// a forbidden element; a src, srcset or style attribute; an href that is
// not an in-page anchor or, on an <a>, an http(s) link; a url() or
// @import in the style sheet; an event handler; an <svg> without role
// "img", a first <title> and <desc> and aria-labelledby naming them; an
// aria-labelledby or in-page link naming no element.
func checkPage(t *testing.T, page []byte) pageFacts {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = true
	facts := pageFacts{elements: map[string]int{}}
	ids := map[string]bool{}
	var refs []string // ids that must exist
	var stack []string
	var text strings.Builder
	// svgChildren counts the child elements of the innermost <svg> seen.
	var svgChildren []string
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("the report is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name := tok.Name.Local
			facts.elements[name]++
			if forbidden[name] {
				t.Errorf("forbidden element <%s>", name)
			}
			if len(stack) > 0 && stack[len(stack)-1] == "svg" {
				svgChildren = append(svgChildren, name)
			}
			attrs := map[string]string{}
			for _, a := range tok.Attr {
				attrs[a.Name.Local] = a.Value
				checkAttr(t, name, a.Name.Local, a.Value, &facts, &refs)
			}
			if id := attrs["id"]; id != "" {
				if ids[id] {
					t.Errorf("id %q used twice", id)
				}
				ids[id] = true
			}
			switch name {
			case "svg":
				facts.svgs++
				svgChildren = svgChildren[:0]
				if attrs["role"] != "img" || attrs["aria-labelledby"] == "" {
					t.Errorf("<svg> without role=img and aria-labelledby: %v", attrs)
				}
			case "table":
				facts.tables++
			}
			stack = append(stack, name)
		case xml.EndElement:
			if tok.Name.Local == "svg" && (len(svgChildren) < 2 || svgChildren[0] != "title" || svgChildren[1] != "desc") {
				t.Errorf("<svg> does not start with <title> and <desc>: %v", svgChildren[:min(2, len(svgChildren))])
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 && stack[len(stack)-1] == "style" {
				css := strings.ToLower(string(tok))
				for _, bad := range []string{"url(", "@import", "expression(", "http:", "https:"} {
					if strings.Contains(css, bad) {
						t.Errorf("the style sheet holds %q", bad)
					}
				}
			}
			text.Write(tok)
			text.WriteByte(' ')
		case xml.ProcInst:
			t.Errorf("processing instruction %s", tok.Target)
		}
	}
	for _, id := range refs {
		if !ids[id] {
			t.Errorf("reference to missing id %q", id)
		}
	}
	facts.text = strings.Join(strings.Fields(text.String()), " ")
	return facts
}

// checkAttr checks attribute attr="val" of element elem.
func checkAttr(t *testing.T, elem, attr, val string, facts *pageFacts, refs *[]string) {
	t.Helper()
	lower := strings.ToLower(val)
	switch {
	case urlAttrs[attr] || attr == "style" || attr == "xmlns" || strings.HasPrefix(attr, "on"):
		t.Errorf("<%s> has attribute %s=%q", elem, attr, val)
	case attr == "href" && strings.HasPrefix(val, "#"):
		*refs = append(*refs, val[1:])
	case attr == "href":
		if elem != "a" || !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") {
			t.Errorf("<%s> links to %q", elem, val)
		}
		facts.links++
		facts.hrefs = append(facts.hrefs, val)
	case attr == "aria-labelledby":
		*refs = append(*refs, strings.Fields(val)...)
	}
}

// urlAttrs are the attributes other than href that make a browser fetch
// or send something.
var urlAttrs = map[string]bool{
	"src": true, "srcset": true, "action": true, "formaction": true, "poster": true,
	"data": true, "background": true, "ping": true, "manifest": true,
}

func TestPageIsSelfContained(t *testing.T) {
	facts := checkPage(t, render(t, build(t, corpusPath), report.Options{}))
	// The timeline, two entity charts, the sources; each with its table.
	if facts.svgs != 4 || facts.tables != 4 {
		t.Errorf("%d charts and %d tables, want 4 of each", facts.svgs, facts.tables)
	}
	for _, href := range facts.hrefs {
		if !strings.HasPrefix(href, "https://example.org/") {
			t.Errorf("link to %q, which is no article of the corpus", href)
		}
	}
	// Every favor and against sentence is cited once at least, and each
	// names its article.
	if facts.links != 15 {
		t.Errorf("%d article links, want 15", facts.links)
	}
	for _, want := range []string{
		"Stance over time", "Entities in the most favor sentences", "Entities in the most against sentences",
		"Stance by source", "Most cited sentences in favor of encryption", "Most cited sentences against encryption",
		"There should be no place for terrorists to hide. Found 3 times; held by Amber Rudd (2), officials (1); in uk-rudd-2017",
		"Amber Rudd (PERSON)", "1 article without a date is not shown.", "Month", "Sentences",
	} {
		if !strings.Contains(facts.text, want) {
			t.Errorf("the page does not say %q", want)
		}
	}
	if t.Failed() {
		t.Logf("the page says: %s", facts.text)
	}
}

// TestHostileInput feeds markup and script URLs through every field the
// page shows.
func TestHostileInput(t *testing.T) {
	const evil = `</title><script>alert(1)</script><a href="https://evil.example/">x</a>&amp;]]>` + "\x01\x1b[31m\uffff"
	rec := map[string]any{
		"id": "x" + evil, "title": evil, "url": "javascript:alert(1)", "source": evil, "date": "2020-01-01",
		"entities": []any{map[string]any{"id": 0, "name": evil, "type": "ORG"}},
		"sentences": []any{map[string]any{
			"text": evil, "stance": map[string]any{"label": "favor", "score": 0.5},
			"holder": map[string]any{"name": evil, "entity": 0}, "mentions": []any{map[string]any{"entity": 0}},
		}},
	}
	line, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	var r summary.Record
	if err := json.Unmarshal(line, &r); err != nil {
		t.Fatal(err)
	}
	b := report.NewBuilder()
	b.Add(&r)
	page := render(t, b, report.Options{Title: evil})
	facts := checkPage(t, page)
	if facts.links != 0 {
		t.Errorf("%d links out of the page, want none: %v", facts.links, facts.hrefs)
	}
	if !strings.Contains(facts.text, `<script>alert(1)</script>`) {
		t.Error("the hostile text is not shown as text")
	}
}

func TestEmptyReport(t *testing.T) {
	facts := checkPage(t, render(t, report.NewBuilder(), report.Options{}))
	if facts.svgs != 0 {
		t.Errorf("%d charts in an empty report", facts.svgs)
	}
	for _, want := range []string{"0 articles", "No article has a date.", "No sentence takes this side."} {
		if !strings.Contains(facts.text, want) {
			t.Errorf("the empty report does not say %q", want)
		}
	}
}

// TestSizeIsBounded checks that the page does not grow with the input:
// ten times the articles make a page of about the same size, with lists
// cut at Options.Top.
func TestSizeIsBounded(t *testing.T) {
	base, err := summarytest.Load(corpusPath)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, n := range []int{100, 1000} {
		lines, err := summarytest.Synthesize(base, n, 7)
		if err != nil {
			t.Fatal(err)
		}
		b := report.NewBuilder()
		for _, line := range lines {
			var r summary.Record
			if err := json.Unmarshal(line, &r); err != nil {
				t.Fatal(err)
			}
			b.Add(&r)
		}
		page := render(t, b, report.Options{Top: 3})
		facts := checkPage(t, page)
		// Quotes list at most 3 sentences per side, each at most 5
		// article links.
		if facts.links > 2*3*5 {
			t.Errorf("%d articles: %d links, want at most 30", n, facts.links)
		}
		if facts.elements["li"] > 5+5+2*3 {
			t.Errorf("%d articles: %d list items, want at most 16", n, facts.elements["li"])
		}
		sizes = append(sizes, len(page))
	}
	if sizes[1] > 2*sizes[0] || sizes[1] > 100<<10 {
		t.Errorf("page sizes %v for 100 and 1000 articles: it grows with the input", sizes)
	}
}

func TestNegativeTop(t *testing.T) {
	err := report.NewBuilder().WriteHTML(io.Discard, report.Options{Top: -1})
	if err == nil || !strings.Contains(err.Error(), "Top is -1") {
		t.Errorf("error %v", err)
	}
}
