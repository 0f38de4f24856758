// Package schema holds the JSON Schemas (draft 2020-12) of the records that
// package output writes, and checks records against them and against the
// rules of the output contract that a schema cannot state.
//
// It is kept apart from package output so that programs that only write
// records do not link, nor initialize, a JSON Schema implementation.
package schema

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"sync"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/stancer/stancer/pipeline/output"
)

//go:embed *.schema.json
var files embed.FS

// base is the URL that the $id of every schema file starts with; the file
// name follows.
const base = "https://raw.githubusercontent.com/stancer/stancer/main/pipeline/output/schema/"

// kinds names the schema file of each kind of record: <kind>.schema.json.
var kinds = map[output.Emit]string{
	"":               "article",
	output.Articles:  "article",
	output.Sentences: "sentence",
	output.Entities:  "entity",
}

// errorKind names the schema file of error records.
const errorKind = "error"

// FS returns the schema files: article.schema.json, sentence.schema.json,
// entity.schema.json and error.schema.json. The sentence and entity
// schemas refer to definitions of the article schema, relative to their
// $id.
func FS() fs.FS { return files }

// compiled compiles the embedded schemas once, on first use.
var compiled = sync.OnceValues(func() (map[string]*jsonschema.Schema, error) {
	names := []string{"article", "sentence", "entity", errorKind}
	c := jsonschema.NewCompiler()
	for _, kind := range names {
		data, err := files.ReadFile(kind + ".schema.json")
		if err != nil {
			return nil, err
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("schema: %s schema: %w", kind, err)
		}
		if err := c.AddResource(base+kind+".schema.json", v); err != nil {
			return nil, fmt.Errorf("schema: %s schema: %w", kind, err)
		}
	}
	schemas := make(map[string]*jsonschema.Schema, len(names))
	for _, kind := range names {
		s, err := c.Compile(base + kind + ".schema.json")
		if err != nil {
			return nil, fmt.Errorf("schema: compiling the %s schema: %w", kind, err)
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
func Validate(emit output.Emit, record []byte) error {
	kind, ok := kinds[emit]
	if !ok {
		return fmt.Errorf("schema: unknown record kind %q", emit)
	}
	v, err := validateSchema(kind, record)
	if err != nil {
		return err
	}
	obj := v.(map[string]any) // the schema says it is an object
	switch emit {
	case output.Sentences:
		err = checkSentence(obj, -1)
	case output.Entities:
	default:
		err = checkArticle(obj)
	}
	if err != nil {
		return fmt.Errorf("schema: invalid %s record: %w", kind, err)
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
	schemas, err := compiled()
	if err != nil {
		return nil, err
	}
	line := bytes.TrimSuffix(record, []byte{'\n'})
	switch {
	case bytes.IndexByte(line, '\n') >= 0:
		return nil, fmt.Errorf("schema: %s record spans more than one line", kind)
	case !utf8.Valid(line):
		return nil, fmt.Errorf("schema: %s record is not valid UTF-8", kind)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(line))
	if err != nil {
		return nil, fmt.Errorf("schema: %s record is not JSON: %w", kind, err)
	}
	if err := schemas[kind].Validate(v); err != nil {
		return nil, fmt.Errorf("schema: %s record does not match its schema: %w", kind, err)
	}
	return v, nil
}
