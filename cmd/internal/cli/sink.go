package cli

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/stancer/stancer/pipeline/doc"
	"github.com/stancer/stancer/pipeline/input"
	"github.com/stancer/stancer/pipeline/output"
)

// tally counts what a run has done so far. Its counters may be read while
// the run goes on.
type tally struct {
	read, wrote, failed atomic.Int64
	text                atomic.Int64 // bytes of text of the articles read
}

// source is the pipeline.Source of a run: an input.Reader whose articles
// are counted as read, until ctx is done.
type source struct {
	ctx context.Context
	r   *input.Reader
	t   *tally
	// resumeGC, if set, is called once the articles read hold more than
	// pausedGCText bytes of text (see pauseGC).
	resumeGC func()
}

// pausedGCText is how much article text a run reads while the garbage
// collector is paused before it resumes it. Analysis holds up to about 50
// bytes of heap per byte of text, so the heap grows by at most tens of MiB
// before collections resume, whatever the size of the first article.
const pausedGCText = 1 << 20

// Next returns the next article of the input, or io.EOF, or ctx's error
// once ctx is done: an article read as the run is being interrupted (a
// read cut short, perhaps) is neither analysed nor counted.
func (s source) Next() (*doc.Doc, error) {
	d, err := s.r.Next()
	if err != nil {
		return nil, err
	}
	if err := s.ctx.Err(); err != nil {
		return nil, err
	}
	s.t.read.Add(1)
	if s.t.text.Add(int64(len(d.Text))) > pausedGCText && s.resumeGC != nil {
		s.resumeGC()
	}
	return d, nil
}

// progress returns the articles read so far, the input bytes read and the
// total size of the input (-1: unknown), for the progress bar.
func (s source) progress() (articles, read, total int64) {
	read, total = s.r.Progress()
	return s.t.read.Load(), read, total
}

// failureReport receives the failed articles of a run.
type failureReport interface {
	// Write reports d, whose Err is set.
	Write(d *doc.Doc) error
	// Flush writes out what Write has buffered.
	Flush() error
}

// sink is the pipeline.Sink of a run. It writes the records of each
// analysed article and reports each failed one, counting both, so that
// every article read ends up in exactly one place.
type sink struct {
	records     *output.Writer
	recordsName string // names the records' destination in errors
	failures    failureReport
	failName    string // names the failures' destination in errors
	t           *tally
	// flushed, if set, is called after each Flush that follows a Write.
	flushed func()
}

// Write writes d's records, or reports d as failed when it failed or its
// analysis breaks the output contract. It returns an error only when
// writing fails.
func (s *sink) Write(d *doc.Doc) error {
	if d.Err == nil {
		err := s.records.Write(d)
		if err == nil {
			s.t.wrote.Add(1)
			return nil
		}
		if !errors.Is(err, output.ErrInvalid) {
			return fmt.Errorf("writing %s: %w", s.recordsName, err)
		}
		d.Err = err
	}
	s.t.failed.Add(1)
	if err := s.failures.Write(d); err != nil {
		return fmt.Errorf("writing %s: %w", s.failName, err)
	}
	return nil
}

// Flush writes out the buffered records and failure reports.
func (s *sink) Flush() error {
	errRecords := s.records.Flush()
	if errRecords != nil {
		errRecords = fmt.Errorf("writing %s: %w", s.recordsName, errRecords)
	}
	errFailures := s.failures.Flush()
	if errFailures != nil {
		errFailures = fmt.Errorf("writing %s: %w", s.failName, errFailures)
	}
	if s.flushed != nil && s.t.wrote.Load()+s.t.failed.Load() > 0 {
		s.flushed()
	}
	return errors.Join(errRecords, errFailures)
}

// consoleReport reports each failed article as one line "input: error" on
// the console.
type consoleReport struct{ con *console }

func (r consoleReport) Write(d *doc.Doc) error {
	where := d.Input
	if where == "" {
		where = d.ID
	}
	r.con.printf("%s: %s\n", where, oneLine(d.Err.Error()))
	return nil
}

func (consoleReport) Flush() error { return nil }
