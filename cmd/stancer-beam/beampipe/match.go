package beampipe

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.Function3x1[context.Context, string, func(string), error](expandPattern)
	register.Emitter1[string]()
}

// isGlob reports whether pattern holds a glob metacharacter of
// filepath.Match: '*', '?' or '['.
func isGlob(pattern string) bool {
	return strings.ContainsAny(pattern, "*?[")
}

// checkPattern returns an error if pattern is a malformed glob.
func checkPattern(pattern string) error {
	if _, err := filepath.Match(pattern, ""); err != nil {
		return fmt.Errorf("input %q: %w", pattern, err)
	}
	return nil
}

// expandPattern emits the inputs that pattern names: the paths it matches,
// in lexical order, when it is a glob, and pattern itself otherwise. A
// glob that matches nothing is emitted as it is, so that reading it fails
// and the failure is reported as a dead letter, as "stancer run" reports a
// file that does not exist.
func expandPattern(ctx context.Context, pattern string, emit func(string)) error {
	if !isGlob(pattern) {
		emit(pattern)
		return nil
	}
	fsys, err := filesystem.New(ctx, pattern)
	if err != nil {
		return err
	}
	defer fsys.Close()
	paths, err := fsys.List(ctx, pattern)
	if err != nil {
		return fmt.Errorf("listing %s: %w", pattern, err)
	}
	if len(paths) == 0 {
		emit(pattern)
		return nil
	}
	slices.Sort(paths)
	for _, p := range paths {
		emit(p)
	}
	return nil
}

// matchInputs returns the inputs that patterns name, as a PCollection of
// strings.
func matchInputs(s beam.Scope, patterns []string) beam.PCollection {
	s = s.Scope("MatchInputs")
	return beam.ParDo(s, expandPattern, beam.CreateList(s, patterns))
}
