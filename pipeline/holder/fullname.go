package holder

import (
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
)

// holderOf returns the holder record of source src, naming an entity by
// its fullest form in the article (see fullest).
func holderOf(d *doc.Doc, src source) doc.Holder {
	if src.entity >= 0 {
		if e := fullest(d, src.entity); e != src.entity {
			return doc.Holder{Name: d.Entities[e].Name, Entity: e}
		}
	}
	return doc.Holder{Name: src.name, Entity: src.entity}
}

// fullest returns the entity that names entity e in full: when e is an
// organization with a one-word name written after "the" ("the Commission",
// "The Alliance") and exactly one other organization of the article has a
// longer name ending in that word ("European Commission"), that one;
// otherwise e. The annotation guide names a holder by its fullest name in
// the article, and "the Commission" is a short form of the European
// Commission, where a bare "Signal" is not one of "Southern Signal".
func fullest(d *doc.Doc, e int) int {
	if e < 0 || e >= len(d.Entities) {
		return e
	}
	name := d.Entities[e].Name
	if d.Entities[e].Type != doc.Org || name == "" || strings.ContainsRune(name, ' ') || !afterThe(d, e) {
		return e
	}
	found := e
	for k := range d.Entities {
		full := d.Entities[k].Name
		if k == e || d.Entities[k].Type != doc.Org || len(full) <= len(name)+1 ||
			!strings.HasSuffix(full, name) || full[len(full)-len(name)-1] != ' ' {
			continue
		}
		if found != e {
			return e // two candidates: "Commission" is ambiguous
		}
		found = k
	}
	return found
}

// afterThe reports whether some mention of entity e follows the word "the".
func afterThe(d *doc.Doc, e int) bool {
	for _, m := range d.Mentions {
		if m.Entity == e && m.Start >= 4 && m.Start <= len(d.Text) && strings.EqualFold(d.Text[m.Start-4:m.Start], "the ") {
			return true
		}
	}
	return false
}
