package summary

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/stancer/stancer/pipeline/input"
)

// DefaultMaxBytes is the size of the largest record Read accepts when
// input.Options.MaxBytes is zero: 64 MiB. An article record is larger than
// the article it describes, whose own default limit is 16 MiB.
const DefaultMaxBytes = 64 << 20

// Read reads the article records (stancer's "--emit articles" output) in
// the files named by paths, the way input.Open reads articles: files as
// they are, directories walked recursively, "-" or no path at all for
// standard input, gzip and zstd recognised by their magic bytes.
//
// It calls add with each record, in input order, and fail with the
// location ("file:line") and the reason of each line that is not a valid
// record (or of each file that cannot be read); reading goes on after a
// failure. The record passed to add is the caller's to keep. Read returns
// ctx's error if ctx is done before the end of the input, and nil
// otherwise.
//
// Of opts, only MaxBytes (zero meaning DefaultMaxBytes) and Stdin count:
// records are always JSON Lines objects with a string "id".
func Read(ctx context.Context, paths []string, opts input.Options, add func(*Record), fail func(where string, err error)) error {
	// input.Reader reads articles, which need a string "text" field.
	// Every record has a string "id", which stands in for the text; the
	// record itself is the doc's Raw.
	opts.TextField, opts.IDField = "id", "id"
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	r := input.Open(paths, opts)
	defer r.Close()
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("summary: reading records: %w", err)
		}
		if d.Err != nil {
			fail(d.Input, d.Err)
			continue
		}
		rec, err := decode(d.Raw)
		if err != nil {
			fail(d.Input, err)
			continue
		}
		add(rec)
	}
}

// decode decodes the article record in line.
func decode(line []byte) (*Record, error) {
	rec := new(Record)
	if err := json.Unmarshal(line, rec); err != nil {
		return nil, fmt.Errorf("not a stancer article record: %w", err)
	}
	if err := rec.check(); err != nil {
		return nil, fmt.Errorf("not a stancer article record: %w", err)
	}
	return rec, nil
}
