package output

// The internal tests check records with the validators of package schema.
// That package imports this one, so the internal tests cannot import it:
// validators_test.go, of package output_test, hands them over with
// SetValidators before any test runs.
var (
	validate      func(emit Emit, record []byte) error
	validateError func(record []byte) error
)

// SetValidators sets the record validators of the internal tests.
func SetValidators(v func(Emit, []byte) error, ve func([]byte) error) {
	validate, validateError = v, ve
}
