package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"syscall"

	"github.com/stancer/stancer/pipeline/input"
	psummary "github.com/stancer/stancer/pipeline/summary"
)

// summarizeHelp is the help of the summarize command.
const summarizeHelp = `Usage: stancer summarize [flags] [FILE|DIR|-]...

Summarize stancer's article records (what "stancer --emit articles"
writes) as one row per group, for dashboards and spreadsheets.

Groups (--by):
  entity  each entity, by name and type, with the sentences that mention
          it and the articles that name it (the default)
  holder  each sentence holder ("Amber Rudd", "author", "critics"), with
          the sentences it holds; neutral sentences have no holder
  source  each article source, with all its sentences
  day     each article date, YYYY-MM-DD, with all its sentences
  month   each article month, YYYY-MM, with all its sentences
  app     each entity of type APP, as with entity
A record without a source, or without a date starting YYYY-MM-DD, is in
the group "unknown".

Columns, in order (JSON Lines fields or CSV header):
  <group>      the group's name, under the name of --by ("source", ...)
  type         the entity type (with --by entity only)
  articles     the number of articles in the group
  sentences    the number of sentences in the group:
  favor, against, neutral
               those sentences by stance label
  mean         the mean stance score of those sentences, from -1
               (against) to 1 (favor), to 4 decimals
  ci_low, ci_high
               the 95% confidence interval of the mean, t-based:
                 mean ± t(0.975; n-1) · s / √n
               for n sentences whose scores have the sample standard
               deviation s (divisor n-1), and t the quantile of Student's
               t distribution with n-1 degrees of freedom. It treats the
               sentences as independent, which those of one article are
               not quite. mean is empty (null) without sentences, the
               interval with fewer than two.
  first_date, last_date
               the earliest and latest article date, YYYY-MM-DD
  top_holders  the 3 holders of the most sentences of the group, as
               [{"name", "sentences"}] or "Amber Rudd (4); author (2)"

Order: with --by day or month, rows are in time order with "unknown"
last; otherwise by decreasing sentences, then decreasing articles, then
name (then type).

Input: files, directories and "-" as for "stancer run", gzip or zstd
compressed or not. A line that is not an article record is reported on
standard error as "file:line: reason" and skipped: the rows of the other
records are written, and the exit status is 1.

Flags:
  --by GROUP         entity, holder, source, day, month or app (default
                     entity)
  --format FORMAT    jsonl or csv (default jsonl); in CSV, a text cell
                     starting with = + - @ gets a leading ' so that
                     spreadsheets do not run it as a formula
  -o, --output FILE  write the rows to FILE instead of standard output;
                     FILE appears only once complete
  --max-bytes SIZE   largest record accepted, such as 64MiB (the default)
  -q, --quiet        no summary line or hint on standard error
  -h, --help         show this help

Exit status:
  0    every record was read and the rows written
  1    some line was not an article record, or writing failed
  2    usage error, or an output file that cannot be created
  130  interrupted by SIGINT or SIGTERM; no rows are written

Examples:
  stancer articles.jsonl | stancer summarize --by source
  stancer summarize --by month --format csv analysis.jsonl.gz > months.csv
  stancer summarize --by holder analysis.jsonl | jq -c 'select(.against > 10)'
`

// recordsConfig is the part of the command line that the commands
// reading article records share.
type recordsConfig struct {
	cmd        string // the command, for messages
	outputPath string
	maxBytes   sizeValue
	quiet      bool
	paths      []string
}

// addFlags adds the shared flags to fs, storing into cfg.
func (cfg *recordsConfig) addFlags(fs *flag.FlagSet) {
	cfg.maxBytes = psummary.DefaultMaxBytes
	fs.StringVar(&cfg.outputPath, "o", "", "")
	fs.StringVar(&cfg.outputPath, "output", "", "")
	fs.Var(&cfg.maxBytes, "max-bytes", "")
	fs.BoolVar(&cfg.quiet, "q", false, "")
	fs.BoolVar(&cfg.quiet, "quiet", false, "")
}

// recordTally counts the records read and the lines that failed.
type recordTally struct{ read, failed int64 }

// read reads the article records of cfg.paths, passing each to add and
// reporting each line that is not one on standard error. It returns what
// it counted, and errInterrupted if ctx was done before the end.
func (cfg *recordsConfig) read(ctx context.Context, s env, add func(*psummary.Record)) (recordTally, error) {
	con := &console{w: s.stderr}
	if !cfg.quiet && (len(cfg.paths) == 0 || slices.Contains(cfg.paths, "-")) && isTerminal(s.stdin) {
		con.printf("stancer: reading article records from standard input; end them with Ctrl-D, or see '%s'\n", helpCommandLine(cfg.cmd))
	}
	var t recordTally
	opts := input.Options{MaxBytes: int64(cfg.maxBytes), Stdin: newCancelableReader(ctx, s.stdin)}
	err := psummary.Read(ctx, cfg.paths, opts,
		func(r *psummary.Record) {
			t.read++
			add(r)
		},
		func(where string, err error) {
			t.failed++
			con.printf("%s: %s\n", where, oneLine(err.Error()))
		})
	if err != nil || ctx.Err() != nil {
		return t, errInterrupted
	}
	return t, nil
}

// A destination is where a summary or a report goes: standard output, or
// a file that appears under its name only once it is complete.
type destination struct {
	io.Writer
	name string   // the name for messages
	file *os.File // the file written, nil for standard output
	// tmp is the name of file when it is a temporary file that commit
	// renames to name; "" when it is written in place.
	tmp string
}

// create opens the destination of cfg: standard output when no file is
// named, else a temporary file next to the named one that commit renames to
// it, so that a command that fails or is interrupted leaves no partial file
// and any earlier file of that name as it was. A named file that exists and
// is not a regular file (/dev/stdout, a named pipe) is written in place. A
// file that cannot be created is an error of status 2.
func (cfg *recordsConfig) create(stdout io.Writer) (*destination, error) {
	path := cfg.outputPath
	if path == "" {
		return &destination{Writer: stdout, name: "standard output"}, nil
	}
	d := &destination{name: path}
	var err error
	if fi, statErr := os.Stat(path); statErr == nil && !fi.Mode().IsRegular() {
		d.file, err = os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	} else {
		dir, base := filepath.Split(path)
		if d.file, err = os.CreateTemp(dir, "."+base+".*.tmp"); err == nil {
			d.tmp = d.file.Name()
		}
	}
	if err != nil {
		return nil, &exitError{code: exitUsage, err: fmt.Errorf("creating %s: %w", path, err)}
	}
	d.Writer = d.file
	return d, nil
}

// commit ends the destination after a complete write: a temporary file is
// made readable like one of os.Create under the common umask (0644) and
// renamed to its name.
func (d *destination) commit() error {
	switch {
	case d.file == nil:
		return nil
	case d.tmp == "":
		return d.file.Close()
	}
	err := firstError(d.file.Chmod(0o644), d.file.Close())
	if err == nil {
		err = os.Rename(d.tmp, d.name)
	}
	if err != nil {
		os.Remove(d.tmp)
	}
	return err
}

// discard ends the destination after a failed or interrupted write,
// removing a temporary file.
func (d *destination) discard() {
	if d.file == nil {
		return
	}
	d.file.Close()
	if d.tmp != "" {
		os.Remove(d.tmp)
	}
}

// close ends the destination with the outcome err of writing it: commit
// when err is nil, discard otherwise. It returns err, or the error of
// commit.
func (d *destination) close(err error) error {
	if err != nil {
		d.discard()
		return err
	}
	return d.commit()
}

// finish ends a command that read t and wrote its output to name with
// the outcome writeErr: it prints the summary line, and returns the error
// carrying the exit status.
func (cfg *recordsConfig) finish(s env, t recordTally, name, wrote string, writeErr error) error {
	switch {
	case errors.Is(writeErr, syscall.EPIPE):
		return nil // the reader of the output has gone: end quietly
	case writeErr != nil:
		return fmt.Errorf("writing %s: %w", name, writeErr)
	}
	if !cfg.quiet {
		fmt.Fprintf(s.stderr, "stancer: read %s, failed %d; wrote %s\n", plural(t.read, "record"), t.failed, wrote)
	}
	if t.failed > 0 {
		return &exitError{code: exitFailure}
	}
	return nil
}

// summarizeConfig is the parsed command line of the summarize command.
type summarizeConfig struct {
	recordsConfig
	by     psummary.By
	format psummary.Format
}

// parseSummarize parses the arguments of the summarize command.
func parseSummarize(args []string) (summarizeConfig, error) {
	cfg := summarizeConfig{recordsConfig: recordsConfig{cmd: "summarize"}}
	fs := newFlagSet(cfg.cmd)
	cfg.addFlags(fs)
	by := fs.String("by", string(psummary.ByEntity), "")
	format := fs.String("format", string(psummary.JSONL), "")
	paths, err := parseFlags(fs, cfg.cmd, args)
	if err != nil {
		return cfg, err
	}
	cfg.paths = paths
	if cfg.by, err = psummary.ParseBy(*by); err != nil {
		return cfg, usagef(cfg.cmd, "--by: %v", err)
	}
	if cfg.format, err = psummary.ParseFormat(*format); err != nil {
		return cfg, usagef(cfg.cmd, "--format: %v", err)
	}
	return cfg, nil
}

// summarizeMain is the summarize command: it writes the summary of the
// article records named in args.
func summarizeMain(ctx context.Context, s env, args []string) error {
	cfg, err := parseSummarize(args)
	if err != nil {
		return err
	}
	out, err := cfg.create(s.stdout)
	if err != nil {
		return err
	}
	acc := psummary.New(cfg.by)
	t, err := cfg.read(ctx, s, acc.Add)
	if err != nil {
		out.discard()
		return err
	}
	rows := acc.Rows()
	bw := bufio.NewWriter(out)
	writeErr := out.close(firstError(psummary.Write(bw, cfg.format, cfg.by, rows), bw.Flush()))
	return cfg.finish(s, t, out.name, plural(int64(len(rows)), "row")+" by "+string(cfg.by), writeErr)
}

// plural returns "1 noun" or "n nouns".
func plural(n int64, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
