package schema

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/output"
)

// record returns the first record of the golden file in which package
// output keeps what its test article gives for emit, decoded into maps so
// that a test can change it.
func record(t *testing.T, emit output.Emit) map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", string(emit)+".golden.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	line, _, _ := bytes.Cut(data, []byte{'\n'})
	var m map[string]any
	if err := json.Unmarshal(line, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// at walks path (keys of objects, indices of arrays) from v.
func at(v any, path ...any) any {
	for _, p := range path {
		switch p := p.(type) {
		case string:
			v = v.(map[string]any)[p]
		case int:
			v = v.([]any)[p]
		}
	}
	return v
}

// obj is at for a path that leads to an object.
func obj(v any, path ...any) map[string]any { return at(v, path...).(map[string]any) }

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		emit   output.Emit
		change func(r map[string]any) // nil: the record as written
		want   string                 // "" when valid; else part of the error
	}{
		{"article", output.Articles, nil, ""},
		{"sentence", output.Sentences, nil, ""},
		{"entity", output.Entities, nil, ""},
		{"article without title", output.Articles, func(r map[string]any) { delete(r, "title") }, ""},
		{"null title", output.Articles, func(r map[string]any) { r["title"] = nil }, "at '/title': got null, want string"},
		{"unknown field", output.Articles, func(r map[string]any) { r["lang"] = "fr" }, "additional properties 'lang'"},
		{"missing warnings", output.Articles, func(r map[string]any) { delete(r, "warnings") }, "missing property 'warnings'"},
		{"null entities", output.Articles, func(r map[string]any) { r["entities"] = nil }, "schema"},
		{"label", output.Articles, func(r map[string]any) { obj(r, "stance")["label"] = "pro" }, "schema"},
		{"score", output.Articles, func(r map[string]any) { obj(r, "stance")["score"] = 1.5 }, "schema"},
		{"negative count", output.Articles, func(r map[string]any) { obj(r, "stance", "counts")["favor"] = -1 }, "schema"},
		{"fractional count", output.Articles, func(r map[string]any) { obj(r, "stance", "counts")["favor"] = 1.5 }, "schema"},
		{"meta field", output.Articles, func(r map[string]any) { obj(r, "meta")["host"] = "x" }, "schema"},
		{"entity field", output.Articles, func(r map[string]any) { obj(r, "entities", 0)["article_id"] = "x" }, "at '/entities/0/article_id': false schema"},
		{"entity type", output.Articles, func(r map[string]any) { obj(r, "entities", 0)["type"] = "person" }, "schema"},
		{"entity count", output.Articles, func(r map[string]any) { obj(r, "entities", 0)["count"] = 0 }, "schema"},
		{"entity id", output.Articles, func(r map[string]any) { obj(r, "entities", 1)["id"] = 0 }, "entity 1 has id 0"},
		{"sentence field", output.Articles, func(r map[string]any) { obj(r, "sentences", 0)["article_id"] = "x" }, "at '/sentences/0/article_id': false schema"},
		{"sentence index", output.Articles, func(r map[string]any) { obj(r, "sentences", 1)["index"] = 2 }, "sentence 1 has index 2"},
		{"sentence order", output.Articles, func(r map[string]any) { obj(r, "sentences", 1)["start"] = 20 }, "before the end"},
		{"confidence", output.Articles, func(r map[string]any) { obj(r, "sentences", 0, "stance")["confidence"] = 1.2 }, "schema"},
		{"null cues", output.Articles, func(r map[string]any) { obj(r, "sentences", 0, "stance")["cues"] = nil }, "schema"},
		{"neutral with holder", output.Articles, func(r map[string]any) {
			obj(r, "sentences", 0, "stance")["label"] = "neutral"
		}, "at '/sentences/0/holder': got object, want null"},
		{"favor without holder", output.Articles, func(r map[string]any) { obj(r, "sentences", 0)["holder"] = nil }, "at '/sentences/0/holder': got null, want object"},
		{"holder without entity", output.Articles, func(r map[string]any) { delete(obj(r, "sentences", 0, "holder"), "entity") }, "schema"},
		{"holder of missing entity", output.Articles, func(r map[string]any) { obj(r, "sentences", 1, "holder")["entity"] = 4 }, "holder links to entity 4 of 4"},
		{"start after end", output.Articles, func(r map[string]any) { obj(r, "sentences", 0)["start"] = 28 }, "start 28 is after end 27"},
		{"text length", output.Articles, func(r map[string]any) { obj(r, "sentences", 0)["end"] = 26 }, "holds 26 code points"},
		{"negative offset", output.Articles, func(r map[string]any) { obj(r, "sentences", 0)["start"] = -1 }, "schema"},
		{"mention outside", output.Articles, func(r map[string]any) {
			m := obj(r, "sentences", 1, "mentions", 0)
			m["start"], m["end"] = 0, 11
		}, "not inside its sentence"},
		{"mention text", output.Articles, func(r map[string]any) { obj(r, "sentences", 1, "mentions", 0)["text"] = "Marie" }, "mention 0: span [29, 40)"},
		{"mention entity", output.Articles, func(r map[string]any) { obj(r, "sentences", 1, "mentions", 1)["entity"] = 9 }, "entity 9 of 4"},
		{"mention field", output.Articles, func(r map[string]any) { obj(r, "sentences", 1, "mentions", 1)["sentence"] = 1 }, "schema"},
		{"sentence record without article_id", output.Sentences, func(r map[string]any) { delete(r, "article_id") }, "missing property 'article_id'"},
		{"sentence record field", output.Sentences, func(r map[string]any) { r["meta"] = map[string]any{} }, "additional properties 'meta'"},
		{"sentence record text", output.Sentences, func(r map[string]any) { r["text"] = "Café" }, "holds 27 code points"},
		{"entity record without article_id", output.Entities, func(r map[string]any) { delete(r, "article_id") }, "missing property 'article_id'"},
		{"entity record field", output.Entities, func(r map[string]any) { r["index"] = 0 }, "additional properties 'index'"},
		{"entity record alias", output.Entities, func(r map[string]any) { r["aliases"] = []any{1} }, "schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := record(t, tt.emit)
			if tt.change != nil {
				tt.change(r)
			}
			line, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			err = Validate(tt.emit, append(line, '\n'))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate: %v", err)
			case tt.want != "" && err == nil:
				t.Errorf("Validate accepts %s", line)
			case tt.want != "" && !strings.Contains(err.Error(), tt.want):
				t.Errorf("Validate: error %q does not say %q", err, tt.want)
			}
		})
	}
}

func TestValidateBytes(t *testing.T) {
	tests := []struct {
		name   string
		emit   output.Emit
		record string
		want   string
	}{
		{"empty", output.Articles, "", "not JSON"},
		{"not JSON", output.Articles, `{"id":`, "not JSON"},
		{"two values", output.Entities, `{} {}`, "not JSON"},
		{"two lines", output.Entities, "{}\n{}\n", "more than one line"},
		{"invalid UTF-8", output.Entities, "{\"article_id\":\"\xff\"}", "not valid UTF-8"},
		{"array", output.Sentences, `[]`, "schema"},
		{"unknown kind", "tokens", `{}`, `unknown record kind "tokens"`},
	}
	for _, tt := range tests {
		err := Validate(tt.emit, []byte(tt.record))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: Validate: error %v, want one saying %q", tt.name, err, tt.want)
		}
	}
}

func TestValidateError(t *testing.T) {
	tests := []struct {
		record string
		valid  bool
	}{
		{`{"input":"a.jsonl:1","error":"bad","raw":"x"}` + "\n", true},
		{`{"input":"-","error":"","raw":""}`, true},
		{`{"input":"a.jsonl:1","error":"bad"}`, false},
		{`{"input":"a.jsonl:1","error":"bad","raw":null}`, false},
		{`{"input":1,"error":"bad","raw":"x"}`, false},
		{`{"input":"a","error":"bad","raw":"x","id":"a"}`, false},
		{`{"input":"a","error":"bad","raw":"x"`, false},
	}
	for _, tt := range tests {
		if err := ValidateError([]byte(tt.record)); (err == nil) != tt.valid {
			t.Errorf("ValidateError(%s) = %v, want valid %v", tt.record, err, tt.valid)
		}
	}
}

// TestFS checks that the published schema files are the ones that Validate
// uses, each with the $id that the others refer to it by.
func TestFS(t *testing.T) {
	names, err := fs.Glob(FS(), "*.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"article.schema.json", "entity.schema.json", "error.schema.json", "sentence.schema.json"}
	if strings.Join(names, " ") != strings.Join(want, " ") {
		t.Errorf("FS holds %q, want %q", names, want)
	}
	for _, name := range names {
		data, err := fs.ReadFile(FS(), name)
		if err != nil {
			t.Fatal(err)
		}
		var s struct {
			Schema string `json:"$schema"`
			ID     string `json:"$id"`
		}
		if err := json.Unmarshal(data, &s); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if s.ID != base+name || s.Schema != "https://json-schema.org/draft/2020-12/schema" {
			t.Errorf("%s: $id %q, $schema %q", name, s.ID, s.Schema)
		}
	}
	if _, err := compiled(); err != nil {
		t.Fatal(err)
	}
}
