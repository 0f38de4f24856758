package schema

import (
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// checkArticle checks the rules beyond the schema of an article record that
// matches it.
func checkArticle(a map[string]any) error {
	entities := a["entities"].([]any)
	for i, e := range entities {
		if id := integer(e.(map[string]any)["id"]); id != i {
			return fmt.Errorf("entity %d has id %d", i, id)
		}
	}
	prevEnd := 0
	for i, v := range a["sentences"].([]any) {
		s := v.(map[string]any)
		if index := integer(s["index"]); index != i {
			return fmt.Errorf("sentence %d has index %d", i, index)
		}
		if start := integer(s["start"]); start < prevEnd {
			return fmt.Errorf("sentence %d starts at %d, before the end %d of the previous one", i, start, prevEnd)
		}
		prevEnd = integer(s["end"])
		if err := checkSentence(s, len(entities)); err != nil {
			return fmt.Errorf("sentence %d: %w", i, err)
		}
	}
	return nil
}

// checkSentence checks the rules beyond the schema of a sentence object
// that matches it, in an article of n entities (n < 0: unknown).
func checkSentence(s map[string]any, n int) error {
	start, end, err := checkSpan(s)
	if err != nil {
		return err
	}
	if h, ok := s["holder"].(map[string]any); ok && h["entity"] != nil {
		if e := integer(h["entity"]); n >= 0 && e >= n {
			return fmt.Errorf("holder links to entity %d of %d", e, n)
		}
	}
	for i, v := range s["mentions"].([]any) {
		m := v.(map[string]any)
		ms, me, err := checkSpan(m)
		switch {
		case err != nil:
			return fmt.Errorf("mention %d: %w", i, err)
		case ms < start || me > end:
			return fmt.Errorf("mention %d [%d, %d) is not inside its sentence [%d, %d)", i, ms, me, start, end)
		case n >= 0 && integer(m["entity"]) >= n:
			return fmt.Errorf("mention %d links to entity %d of %d", i, integer(m["entity"]), n)
		}
	}
	return nil
}

// checkSpan returns the start and end of a sentence or mention object that
// matches its schema, with an error unless start <= end and its text has
// end - start code points.
func checkSpan(obj map[string]any) (start, end int, err error) {
	start, end = integer(obj["start"]), integer(obj["end"])
	text := obj["text"].(string)
	switch n := utf8.RuneCountInString(text); {
	case start > end:
		return 0, 0, fmt.Errorf("start %d is after end %d", start, end)
	case n != end-start:
		return 0, 0, fmt.Errorf("span [%d, %d) holds %d code points but its text %q has %d", start, end, end-start, text, n)
	}
	return start, end, nil
}

// integer returns the value of a JSON number that the schema says is a
// non-negative integer ("3" or "3.0"), capped at 2⁵³.
func integer(v any) int {
	f, err := v.(json.Number).Float64()
	if err != nil || f > 1<<53 {
		return 1 << 53
	}
	return int(f)
}
