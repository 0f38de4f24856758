package cli

import (
	"fmt"
	"io"
	"os"

	"github.com/stancer/stancer/pipeline"
	"github.com/stancer/stancer/pipeline/entities"
	"github.com/stancer/stancer/pipeline/stance"
)

// loadModels returns pipeline options with the entity model loaded from
// the file nerPath and the stance model from stancePath; an empty path
// leaves the built-in model. A file that cannot be read or is not a model
// is an error of status 2.
func loadModels(nerPath, stancePath string) (pipeline.Options, error) {
	var opts pipeline.Options
	var err error
	if nerPath != "" {
		if opts.Recognizer, err = loadFile(nerPath, "entity", entities.Load); err != nil {
			return opts, err
		}
	}
	if stancePath != "" {
		if opts.Classifier, err = loadFile(stancePath, "stance", stance.Load); err != nil {
			return opts, err
		}
	}
	return opts, nil
}

// loadFile opens path and loads a model of the given kind from it.
func loadFile[M any](path, kind string, load func(io.Reader) (M, error)) (M, error) {
	var zero M
	f, err := os.Open(path)
	if err != nil {
		return zero, &exitError{code: exitUsage, err: fmt.Errorf("loading the %s model: %w", kind, err)}
	}
	defer f.Close()
	m, err := load(f)
	if err != nil {
		return zero, &exitError{code: exitUsage, err: fmt.Errorf("loading the %s model from %s: %w", kind, path, err)}
	}
	return m, nil
}
