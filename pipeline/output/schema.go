package output

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed schema/*.schema.json
var schemaFiles embed.FS

// schemaBase is the URL that the $id of every schema file starts with; the
// file name follows.
const schemaBase = "https://raw.githubusercontent.com/stancer/stancer/main/pipeline/output/schema/"

// schemaKinds names the schema file of each kind of record:
// schema/<kind>.schema.json.
var schemaKinds = map[Emit]string{
	"":        "article",
	Articles:  "article",
	Sentences: "sentence",
	Entities:  "entity",
}

// errorKind names the schema file of error records.
const errorKind = "error"

// SchemaFS returns the JSON Schemas (draft 2020-12) of the records:
// article.schema.json, sentence.schema.json, entity.schema.json and
// error.schema.json. The sentence and entity schemas refer to definitions of
// the article schema, relative to their $id.
func SchemaFS() fs.FS {
	sub, err := fs.Sub(schemaFiles, "schema")
	if err != nil {
		panic(err) // unreachable: "schema" is a valid path
	}
	return sub
}

// compiledSchemas compiles the embedded schemas once, on first use.
var compiledSchemas = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	kinds := []string{"article", "sentence", "entity", errorKind}
	c := jsonschema.NewCompiler()
	for _, kind := range kinds {
		data, err := schemaFiles.ReadFile("schema/" + kind + ".schema.json")
		if err != nil {
			return nil, err
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("output: %s schema: %w", kind, err)
		}
		if err := c.AddResource(schemaBase+kind+".schema.json", v); err != nil {
			return nil, fmt.Errorf("output: %s schema: %w", kind, err)
		}
	}
	schemas := make(map[string]*jsonschema.Schema, len(kinds))
	for _, kind := range kinds {
		s, err := c.Compile(schemaBase + kind + ".schema.json")
		if err != nil {
			return nil, fmt.Errorf("output: compiling the %s schema: %w", kind, err)
		}
		schemas[kind] = s
	}
	return schemas, nil
})

// Validate checks that record, one line of JSON with or without its
// newline, is a valid record of the kind emit selects: valid UTF-8 and JSON,
// matching the JSON Schema, and keeping the rules a schema cannot state. In
// every sentence and mention start <= end and the text has end - start code
// points; every mention lies inside its sentence. In an article record,
// entity i has id i, sentence i has index i, sentences do not overlap and
// come in text order, and every link to an entity names one of the article.
func Validate(emit Emit, record []byte) error {
	kind, ok := schemaKinds[emit]
	if !ok {
		return fmt.Errorf("output: unknown record kind %q", emit)
	}
	v, err := validateSchema(kind, record)
	if err != nil {
		return err
	}
	obj := v.(map[string]any) // the schema says it is an object
	switch emit {
	case Sentences:
		err = checkSentenceRecord(obj, -1)
	case Entities:
	default:
		err = checkArticleRecord(obj)
	}
	if err != nil {
		return fmt.Errorf("output: invalid %s record: %w", kind, err)
	}
	return nil
}

// ValidateError checks that record, one line of JSON with or without its
// newline, is a valid error record: valid UTF-8 and JSON, matching the JSON
// Schema.
func ValidateError(record []byte) error {
	_, err := validateSchema(errorKind, record)
	return err
}

// validateSchema decodes record and validates it against the schema of
// kind, returning the decoded value.
func validateSchema(kind string, record []byte) (any, error) {
	schemas, err := compiledSchemas()
	if err != nil {
		return nil, err
	}
	line := bytes.TrimSuffix(record, []byte{'\n'})
	switch {
	case bytes.IndexByte(line, '\n') >= 0:
		return nil, fmt.Errorf("output: %s record spans more than one line", kind)
	case !utf8.Valid(line):
		return nil, fmt.Errorf("output: %s record is not valid UTF-8", kind)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
	if err != nil {
		return nil, fmt.Errorf("output: %s record is not JSON: %w", kind, err)
	}
	if err := schemas[kind].Validate(v); err != nil {
		return nil, fmt.Errorf("output: %s record does not match its schema: %w", kind, err)
	}
	return v, nil
}

// checkArticleRecord checks the rules beyond the schema of an article
// record that matches it.
func checkArticleRecord(a map[string]any) error {
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
		if err := checkSentenceRecord(s, len(entities)); err != nil {
			return fmt.Errorf("sentence %d: %w", i, err)
		}
	}
	return nil
}

// checkSentenceRecord checks the rules beyond the schema of a sentence
// object that matches it, in an article of n entities (n < 0: unknown).
func checkSentenceRecord(s map[string]any, n int) error {
	start, end, err := checkSpanRecord(s)
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
		ms, me, err := checkSpanRecord(m)
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

// checkSpanRecord returns the start and end of a sentence or mention object
// that matches its schema, with an error unless start <= end and its text
// has end - start code points.
func checkSpanRecord(obj map[string]any) (start, end int, err error) {
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
