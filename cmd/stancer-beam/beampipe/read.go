package beampipe

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/input"
	"github.com/stancer/stancer/pipeline/output"
)

func init() {
	register.DoFn4x1[context.Context, string, func(article), func([]byte), error](&readFn{})
	register.Emitter1[article]()
	register.Emitter1[[]byte]()
}

// readFn reads the articles of one input: a local file or directory, read
// by input.Open exactly as "stancer run" reads it, or a file of another
// Beam file system (a path "scheme://..."), streamed to the same reader.
// It emits each article read, and the error record of each article that
// could not be read.
type readFn struct {
	// TextField, IDField and MaxBytes are those of input.Options.
	TextField, IDField string
	MaxBytes           int64
}

// ProcessElement reads the articles of path.
func (fn *readFn) ProcessElement(ctx context.Context, path string, emit func(article), dead func([]byte)) error {
	opts := input.Options{TextField: fn.TextField, IDField: fn.IDField, MaxBytes: fn.MaxBytes}
	paths, name := []string{path}, "" // name: the path of a file read as "-"
	if isRemote(path) {
		rc, err := openRemote(ctx, path)
		if err != nil {
			return deliver(ctx, &doc.Doc{Article: doc.Article{ID: path, Input: path}, Err: err}, emit, dead)
		}
		defer rc.Close()
		opts.Stdin, paths[0], name = rc, "-", path
	}
	r := input.Open(paths, opts)
	defer r.Close()
	for {
		d, err := r.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", path, err)
		}
		if name != "" {
			rename(d, name)
		}
		if err := deliver(ctx, d, emit, dead); err != nil {
			return err
		}
	}
}

// deliver counts d as read and emits it: its article, or its error record
// when it failed.
func deliver(ctx context.Context, d *doc.Doc, emit func(article), dead func([]byte)) error {
	counters.read.Inc(ctx, 1)
	if d.Err != nil {
		return deadLetter(ctx, dead, d)
	}
	emit(articleOf(d))
	return nil
}

// isRemote reports whether path names a file of a Beam file system other
// than the local one: whether it starts with "scheme://".
func isRemote(path string) bool {
	return strings.Index(path, "://") > 0
}

// openRemote opens the file at path, of a Beam file system.
func openRemote(ctx context.Context, path string) (io.ReadCloser, error) {
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	return fsys.OpenRead(ctx, path)
}

// rename gives d, read from standard input ("-"), the locations it would
// have had if read from the file name: "-:7" becomes "name:7" and "-"
// becomes name, in Input and in an ID that was the location.
func rename(d *doc.Doc, name string) {
	old := d.Input
	switch {
	case old == "-":
		d.Input = name
	case strings.HasPrefix(old, "-:"):
		d.Input = name + old[1:]
	default:
		return
	}
	if d.ID == old {
		d.ID = d.Input
	}
}

// deadLetter emits the error record of d, which failed, and counts it.
func deadLetter(ctx context.Context, dead func([]byte), d *doc.Doc) error {
	rec, err := output.AppendError(nil, d)
	if err != nil {
		return err // d has not failed: a bug of the caller
	}
	counters.failed.Inc(ctx, 1)
	dead(rec)
	return nil
}

// readArticles returns the articles of the inputs in paths, a PCollection
// of strings, and the error records of those that could not be read.
func readArticles(s beam.Scope, fn *readFn, paths beam.PCollection) (articles, dead beam.PCollection) {
	return beam.ParDo2(s.Scope("ReadArticles"), fn, paths)
}
