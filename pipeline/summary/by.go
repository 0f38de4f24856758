package summary

import (
	"fmt"
	"strings"
)

// By is the grouping of a summary: what one row of it stands for.
type By string

// The groupings. A sentence counts in every group it belongs to, so the
// rows of ByEntity and ByApp may add up to more sentences than the input
// has (a sentence may mention two entities), and an article counts in
// every row of ByEntity, ByHolder and ByApp that it has a part in.
const (
	// ByEntity makes one group per entity (name and type) of the
	// articles. It counts the sentences that mention the entity and the
	// articles that name it.
	ByEntity By = "entity"
	// ByHolder makes one group per sentence holder name ("Amber Rudd",
	// "author", "critics"). It counts the sentences the holder holds, so
	// neutral sentences, which have no holder, seldom count, and the
	// articles with at least one such sentence.
	ByHolder By = "holder"
	// BySource makes one group per article source; articles without one
	// are in the group Unknown. It counts every sentence.
	BySource By = "source"
	// ByDay makes one group per article date, YYYY-MM-DD; undated articles
	// are in the group Unknown. It counts every sentence.
	ByDay By = "day"
	// ByMonth is ByDay with months, YYYY-MM.
	ByMonth By = "month"
	// ByApp is ByEntity restricted to the entities of type APP.
	ByApp By = "app"
)

// Bys lists every grouping in a fixed order.
var Bys = []By{ByEntity, ByHolder, BySource, ByDay, ByMonth, ByApp}

// ParseBy returns the grouping named s, one of the Bys.
func ParseBy(s string) (By, error) {
	for _, b := range Bys {
		if string(b) == s {
			return b, nil
		}
	}
	names := make([]string, len(Bys))
	for i, b := range Bys {
		names[i] = string(b)
	}
	return "", fmt.Errorf("unknown grouping %q: want one of %s", s, strings.Join(names, ", "))
}

// valid reports whether b is one of the Bys.
func (b By) valid() bool {
	_, err := ParseBy(string(b))
	return err == nil
}

// chronological reports whether the groups of b are dates, listed in time
// order.
func (b By) chronological() bool { return b == ByDay || b == ByMonth }

// Key identifies a group.
type Key struct {
	// Name is the entity name, holder name, source, or date of the group.
	Name string `json:"name"`
	// Type is the entity type for ByEntity and ByApp, and "" otherwise.
	Type string `json:"type,omitempty"`
}

// member is a group that one article belongs to, with the indexes of the
// article's sentences that count in it.
type member struct {
	key       Key
	sentences []int
}

// members returns the groups of b that article r belongs to, each once.
func (b By) members(r *Record) []member {
	switch b {
	case BySource:
		return []member{{Key{Name: orUnknown(r.Source)}, allSentences(r)}}
	case ByDay:
		return []member{{Key{Name: orUnknown(r.Day())}, allSentences(r)}}
	case ByMonth:
		month := r.Day()
		if month != "" {
			month = month[:len("2006-01")]
		}
		return []member{{Key{Name: orUnknown(month)}, allSentences(r)}}
	case ByHolder:
		return holderMembers(r)
	case ByEntity:
		return entityMembers(r, "")
	case ByApp:
		return entityMembers(r, "APP")
	}
	panic(fmt.Sprintf("summary: unknown grouping %q", string(b)))
}

// orUnknown returns s, or Unknown when s is empty.
func orUnknown(s string) string {
	if s == "" {
		return Unknown
	}
	return s
}

// allSentences returns the indexes of every sentence of r.
func allSentences(r *Record) []int {
	idx := make([]int, len(r.Sentences))
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// holderMembers returns one member per holder name of r's sentences, in
// order of first appearance.
func holderMembers(r *Record) []member {
	var ms []member
	pos := map[string]int{}
	for i, s := range r.Sentences {
		if s.Holder == nil {
			continue
		}
		name := orUnknown(s.Holder.Name)
		k, ok := pos[name]
		if !ok {
			k = len(ms)
			pos[name] = k
			ms = append(ms, member{key: Key{Name: name}})
		}
		ms[k].sentences = append(ms[k].sentences, i)
	}
	return ms
}

// entityMembers returns one member per distinct (name, type) of r's
// entities, of type typ unless typ is "", in entity order, each with the
// sentences that mention it. Two entities of one name and type make one
// member, whose sentences mention either.
func entityMembers(r *Record, typ string) []member {
	var ms []member
	pos := make(map[Key]int, len(r.Entities))
	of := make([]int, len(r.Entities)) // member of each entity, -1 if none
	for i, e := range r.Entities {
		of[i] = -1
		if typ != "" && e.Type != typ {
			continue
		}
		key := Key{Name: e.Name, Type: e.Type}
		k, ok := pos[key]
		if !ok {
			k = len(ms)
			pos[key] = k
			ms = append(ms, member{key: key})
		}
		of[i] = k
	}
	for i, s := range r.Sentences {
		for _, m := range s.Mentions {
			e := r.entityIndex(m.Entity)
			if e < 0 || of[e] < 0 {
				continue
			}
			mb := &ms[of[e]]
			if n := len(mb.sentences); n == 0 || mb.sentences[n-1] != i {
				mb.sentences = append(mb.sentences, i)
			}
		}
	}
	return ms
}
