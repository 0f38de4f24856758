package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/stancer/stancer/pipeline"
	"github.com/stancer/stancer/pipeline/input"
	"github.com/stancer/stancer/pipeline/output"
)

// stdinHint is shown when the articles would come from a terminal, so that
// a user who forgot the file name does not face a silent wait.
const stdinHint = "stancer: reading articles from standard input; end them with Ctrl-D, or see 'stancer --help'\n"

// runConfig is the parsed command line of the run command.
type runConfig struct {
	emit        emitValue
	workers     int
	errorsPath  string
	outputPath  string
	textField   string
	idField     string
	maxBytes    sizeValue
	quiet       bool
	progress    progressMode
	modelNER    string
	modelStance string
	paths       []string
}

// runFlags returns the flag set of the run command, storing into cfg.
func runFlags(cfg *runConfig) *flag.FlagSet {
	fs := newFlagSet(defaultCommand)
	fs.Var(&cfg.emit, "emit", "")
	fs.StringVar(&cfg.outputPath, "o", "", "")
	fs.StringVar(&cfg.outputPath, "output", "", "")
	fs.StringVar(&cfg.errorsPath, "errors", "", "")
	fs.IntVar(&cfg.workers, "workers", cfg.workers, "")
	fs.StringVar(&cfg.textField, "text-field", cfg.textField, "")
	fs.StringVar(&cfg.idField, "id-field", cfg.idField, "")
	fs.Var(&cfg.maxBytes, "max-bytes", "")
	fs.StringVar(&cfg.modelNER, "model-ner", "", "")
	fs.StringVar(&cfg.modelStance, "model-stance", "", "")
	fs.Var(&cfg.progress, "progress", "")
	fs.BoolVar(&cfg.quiet, "q", false, "")
	fs.BoolVar(&cfg.quiet, "quiet", false, "")
	return fs
}

// parseRun parses the arguments of the run command.
func parseRun(args []string) (runConfig, error) {
	cfg := runConfig{
		emit:      emitValue(output.Articles),
		workers:   runtime.NumCPU(),
		textField: "text",
		idField:   "id",
		maxBytes:  input.DefaultMaxBytes,
		progress:  progressAuto,
	}
	paths, err := parseFlags(runFlags(&cfg), defaultCommand, args)
	if err != nil {
		return cfg, err
	}
	cfg.paths = paths
	switch {
	case cfg.workers < 1:
		return cfg, usagef(defaultCommand, "--workers must be at least 1, not %d", cfg.workers)
	case cfg.textField == "" || cfg.idField == "":
		return cfg, usagef(defaultCommand, "--text-field and --id-field must not be empty")
	case cfg.outputPath != "" && cfg.errorsPath != "" && filepath.Clean(cfg.outputPath) == filepath.Clean(cfg.errorsPath):
		return cfg, usagef(defaultCommand, "--output and --errors name the same file %q", cfg.outputPath)
	}
	return cfg, nil
}

// readsStdin reports whether the run reads standard input.
func (cfg *runConfig) readsStdin() bool {
	return len(cfg.paths) == 0 || slices.Contains(cfg.paths, "-")
}

// showsProgress reports whether the run draws a progress bar on stderr.
func (cfg *runConfig) showsProgress(stderr io.Writer) bool {
	switch cfg.progress {
	case progressAlways:
		return true
	case progressNever:
		return false
	}
	return !cfg.quiet && isTerminal(stderr)
}

// runMain is the run command: it analyses the articles named in args.
func runMain(ctx context.Context, s env, args []string) error {
	cfg, err := parseRun(args)
	if err != nil {
		return err
	}
	limitHeap()
	resumeGC := pauseGC()
	defer resumeGC()
	p, err := loadPipeline(cfg)
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	return execute(ctx, s, &cfg, p, resumeGC)
}

// heapLimit is the soft limit on the Go heap that a run sets unless the
// GOMEMLIMIT environment variable sets one. Ordinary articles keep the heap
// at tens of MiB, far below it. An article of many MiB holds up to about 50
// bytes of heap per byte of text while it is analysed; near the limit the
// garbage collector runs more often instead of letting the heap grow to
// twice what is live, which keeps a 16 MiB article (the default
// --max-bytes) under 1 GiB of resident memory.
const heapLimit = 768 << 20

// limitHeap sets heapLimit as the soft memory limit of the process unless
// GOMEMLIMIT is set.
func limitHeap() {
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(heapLimit)
	}
}

// loadPipeline loads the models cfg names, or the built-in ones, into a
// Pipeline.
func loadPipeline(cfg runConfig) (*pipeline.Pipeline, error) {
	opts, err := loadModels(cfg.modelNER, cfg.modelStance)
	if err != nil {
		return nil, err
	}
	opts.Workers = cfg.workers
	return pipeline.New(opts)
}

// pauseGC turns the garbage collector off until the returned function is
// called, which restores the collector's setting; calls after the first do
// nothing. A run pauses it from the start until its first record is out:
// the models' memory all stays live, so an early collection would find
// little to free and only delay the first record (by 5 ms or more here).
// A run whose first articles are long resumes it sooner (see
// pausedGCText), lest the heap grow to the soft limit before it collects.
func pauseGC() (resume func()) {
	percent := debug.SetGCPercent(-1)
	var once sync.Once
	return func() { once.Do(func() { debug.SetGCPercent(percent) }) }
}

// errInterrupted ends a run stopped by its context with status 130.
var errInterrupted = &exitError{code: exitInterrupted, err: errors.New("interrupted")}

// execute runs p on the inputs of cfg, writes the records and failures
// where cfg says, and returns the outcome: nil if every article was
// written, or an error carrying the exit status. It calls firstOut once
// the first record or failure has been flushed, or once the articles read
// hold more than pausedGCText bytes of text, whichever comes first; it may
// call it again after.
func execute(ctx context.Context, s env, cfg *runConfig, p *pipeline.Pipeline, firstOut func()) error {
	con := &console{w: s.stderr}
	var t tally
	sk, closeFiles, err := openSink(cfg, s.stdout, con, &t, output.Meta{Version: pipeline.Version, Model: p.Model()})
	if err != nil {
		return err
	}
	sk.flushed = firstOut
	if !cfg.quiet && cfg.readsStdin() && isTerminal(s.stdin) {
		con.printf(stdinHint)
	}
	r := input.Open(cfg.paths, input.Options{
		TextField: cfg.textField,
		IDField:   cfg.idField,
		MaxBytes:  int64(cfg.maxBytes),
		Stdin:     newCancelableReader(ctx, s.stdin),
	})
	defer r.Close()
	src := source{ctx: ctx, r: r, t: &t, resumeGC: firstOut}

	start := time.Now()
	stopProgress := func() {}
	if cfg.showsProgress(s.stderr) {
		stopProgress = con.showProgress(src)
	}
	runErr := p.Run(ctx, src, sk)
	if ctx.Err() != nil && errors.Is(runErr, ctx.Err()) {
		runErr = nil // reported as the interruption below
	}
	writeErr := firstError(runErr, sk.Flush(), closeFiles())
	stopProgress()

	switch {
	case errors.Is(writeErr, syscall.EPIPE):
		return nil // the reader of the output has gone: end quietly
	case writeErr != nil:
		return writeErr
	}
	if !cfg.quiet {
		bytes, _ := r.Progress()
		con.printf("%s\n", summary(t.read.Load(), t.wrote.Load(), t.failed.Load(), bytes, time.Since(start)))
	}
	switch {
	case ctx.Err() != nil:
		return errInterrupted
	case t.failed.Load() > 0:
		return &exitError{code: exitFailure}
	}
	return nil
}

// openSink creates the files named by --output and --errors and returns
// the sink writing to them, or to stdout and the console where no file is
// named, with a function that closes the files. A file that cannot be
// created is an error of status 2.
func openSink(cfg *runConfig, stdout io.Writer, con *console, t *tally, meta output.Meta) (*sink, func() error, error) {
	sk := &sink{recordsName: "standard output", failures: consoleReport{con}, failName: "standard error", t: t}
	var files []*os.File
	closeAll := func() error {
		var errs []error
		for _, f := range files {
			errs = append(errs, f.Close())
		}
		return errors.Join(errs...)
	}
	create := func(path string) (*os.File, error) {
		f, err := os.Create(path)
		if err != nil {
			closeAll()
			return nil, &exitError{code: exitUsage, err: err}
		}
		files = append(files, f)
		return f, nil
	}

	records := stdout
	if cfg.outputPath != "" {
		f, err := create(cfg.outputPath)
		if err != nil {
			return nil, nil, err
		}
		records, sk.recordsName = f, f.Name()
	}
	sk.records = output.NewWriter(records, output.Emit(cfg.emit), meta)
	if cfg.errorsPath != "" {
		f, err := create(cfg.errorsPath)
		if err != nil {
			return nil, nil, err
		}
		sk.failures, sk.failName = output.NewErrorWriter(f), f.Name()
	}
	return sk, closeAll, nil
}

// firstError returns the first of errs that is not nil, or nil.
func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// summary returns the line that ends a run: the articles read, written and
// failed, the time taken and the throughput in articles and input
// megabytes (10⁶ bytes) per second.
func summary(read, wrote, failed, bytes int64, elapsed time.Duration) string {
	secs := max(elapsed.Seconds(), 1e-9)
	noun := "articles"
	if read == 1 {
		noun = "article"
	}
	return fmt.Sprintf("stancer: read %d %s, wrote %d, failed %d in %s (%.0f articles/s, %.1f MB/s)",
		read, noun, wrote, failed, formatElapsed(elapsed), float64(read)/secs, float64(bytes)/1e6/secs)
}

// formatElapsed formats d in seconds with one decimal ("1.2s") below a
// minute, and to the second above ("2m5s").
func formatElapsed(d time.Duration) string {
	if d < time.Minute {
		return fmt.Sprintf("%.1fs", d.Seconds())
	}
	return d.Round(time.Second).String()
}
