package output_test

import (
	"github.com/stancer/stancer/pipeline/output"
	"github.com/stancer/stancer/pipeline/output/schema"
)

func init() { output.SetValidators(schema.Validate, schema.ValidateError) }
