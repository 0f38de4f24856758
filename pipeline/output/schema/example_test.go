package schema_test

import (
	"fmt"

	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/output/schema"
)

func ExampleValidate() {
	err := schema.Validate(output.Entities, []byte(`{"article_id":"a1","id":0,"name":"Zoé","type":"person","count":1,"aliases":[],"stance":{"label":"favor","score":0.5,"sentences":1}}`))
	fmt.Println(err)
	// Output:
	// schema: entity record does not match its schema: jsonschema validation failed with 'https://raw.githubusercontent.com/stancer/stancer/main/pipeline/output/schema/entity.schema.json#'
	// - at '/type': value must be one of 'PERSON', 'ORG', 'APP', 'GPE'
}

func ExampleValidateError() {
	fmt.Println(schema.ValidateError([]byte(`{"input":"news.jsonl:2","error":"news.jsonl:2: no \"text\" field","raw":"{\"txt\": \"no text\"}"}`)))
	// Output:
	// <nil>
}
