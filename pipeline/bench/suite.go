package bench

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"time"

	"github.com/stancer/stancer/pipeline/input"
)

// Sizes are the corpus sizes in bytes of a benchmark run.
type Sizes struct {
	// Throughput is the corpus that stancer's throughput is measured on.
	Throughput int64
	// Slice is the prefix of the throughput corpus that prose, about a
	// hundred times slower, is measured on, and the input whose first
	// record is timed.
	Slice int64
	// Memory and Soak are the corpora whose peak memory is compared; the
	// soak run also checks that every article comes out.
	Memory, Soak int64
	// FirstRecordRuns is the number of runs whose median time to the first
	// record is reported.
	FirstRecordRuns int
	// Rounds is the number of rounds of the throughput comparison (see
	// Round); 0 counts as 1.
	Rounds int
}

// The sizes that "make bench" uses: Default takes about ten minutes on two
// cores, Small well under one, for trying out the harness.
var (
	Default = Sizes{Throughput: 50e6, Slice: 300e3, Memory: 100e6, Soak: 1e9, FirstRecordRuns: 9, Rounds: 3}
	Small   = Sizes{Throughput: 5e6, Slice: 50e3, Memory: 10e6, Soak: 50e6, FirstRecordRuns: 5, Rounds: 3}
)

// SizesNamed returns the Sizes called name: "default" (or "") or "small".
func SizesNamed(name string) (Sizes, error) {
	switch name {
	case "", "default":
		return Default, nil
	case "small":
		return Small, nil
	}
	return Sizes{}, fmt.Errorf("bench: unknown size %q (want default or small)", name)
}

// Config says what Run measures, and where.
type Config struct {
	// Binary is the path of the stancer binary.
	Binary string
	// Gold lists the JSON Lines files the corpus is made from.
	Gold []string
	// CacheDir is the directory that keeps generated corpora between runs.
	CacheDir string
	// Seed selects the corpus.
	Seed  uint64
	Sizes Sizes
	// Log, when not nil, receives a line on each step as it starts and
	// ends.
	Log io.Writer
}

// Run generates the corpora (or finds them in the cache), measures stancer
// and prose on them and returns the report. Cancelling ctx kills the
// running child and ends Run with an error.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	s := &suite{cfg: cfg, ctx: ctx}
	if s.cfg.Log == nil {
		s.cfg.Log = io.Discard
	}
	pool, err := LoadPool(cfg.Gold)
	if err != nil {
		return nil, err
	}
	var slice, tput, memory, soak Corpus
	for _, c := range []struct {
		c    *Corpus
		size int64
	}{{&slice, cfg.Sizes.Slice}, {&tput, cfg.Sizes.Throughput}, {&memory, cfg.Sizes.Memory}, {&soak, cfg.Sizes.Soak}} {
		s.logf("corpus of %s", megabytes(c.size))
		if *c.c, err = pool.Cached(cfg.CacheDir, c.size, cfg.Seed); err != nil {
			return nil, err
		}
	}

	r := &Report{
		Machine: thisMachine(), Seed: cfg.Seed, FirstRecordRuns: cfg.Sizes.FirstRecordRuns,
	}
	// The runs whose peak RSS is checked come before prose first loads its
	// model into this process: a child's peak RSS may include this
	// process's (see Result.RSSFloor).
	s.logf("time to first record, %d runs", cfg.Sizes.FirstRecordRuns)
	if r.FirstRecord, err = MedianFirstRecord(func() *exec.Cmd { return s.command(nil, slice.Path) }, cfg.Sizes.FirstRecordRuns); err != nil {
		return nil, err
	}
	if r.Memory, err = s.stancer("stancer, default workers", memory, nil); err != nil {
		return nil, err
	}
	if r.Soak, err = s.stancer("stancer, default workers (soak)", soak, nil); err != nil {
		return nil, err
	}
	// prose's tokens are counted as stancer counts them.
	counted, err := s.stancer("stancer on the prose slice", slice, nil)
	if err != nil {
		return nil, err
	}
	r.Rounds = make([]Round, max(1, cfg.Sizes.Rounds))
	loads := make([]time.Duration, len(r.Rounds))
	for i := range r.Rounds {
		s.logf("round %d of %d", i+1, len(r.Rounds))
		rd := &r.Rounds[i]
		if rd.One, err = s.stancerToFile("stancer --workers 1, GOMAXPROCS=1", tput, []string{"GOMAXPROCS=1"}, "--workers", "1"); err != nil {
			return nil, err
		}
		if rd.Two, err = s.stancerToFile("stancer --workers 2", tput, nil, "--workers", "2"); err != nil {
			return nil, err
		}
		if rd.Prose, loads[i], err = s.prose(slice, counted.Tokens); err != nil {
			return nil, err
		}
	}
	slices.Sort(loads)
	r.ProseLoad = loads[len(loads)/2]
	r.Machine.sampleLoad()
	return r, nil
}

// suite carries the state of one Run.
type suite struct {
	cfg Config
	ctx context.Context
}

// logf writes a line to the log.
func (s *suite) logf(format string, args ...any) {
	fmt.Fprintf(s.cfg.Log, "bench: "+format+"\n", args...)
}

// command returns the command that runs the stancer binary with the
// extra environment env and the arguments args.
func (s *suite) command(env []string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(s.ctx, s.cfg.Binary, args...)
	cmd.Env = append(os.Environ(), env...)
	return cmd
}

// stancer runs the binary on corpus c and returns the row of the run. An
// exit status of 1 (some article failed) is reported in the row; any other
// non-zero status is an error.
func (s *suite) stancer(name string, c Corpus, env []string, args ...string) (Row, error) {
	s.logf("%s on %s", name, megabytes(c.Bytes))
	res, err := Measure(s.command(env, append(args, c.Path)...))
	if err != nil {
		return Row{}, err
	}
	row := Row{Name: name, Input: c.Stats, Result: res}
	if res.ExitCode != 0 && res.ExitCode != 1 {
		return row, fmt.Errorf("bench: %s: exit status %d%s", name, res.ExitCode, lastLine(res.Stderr))
	}
	s.logf("%s: %ss, %s MB/s, peak RSS %s", name, sig3(res.Wall.Seconds()), sig3(row.MBps()), megabytes(res.PeakRSS))
	return row, nil
}

// stancerToFile runs the binary on corpus c as stancer does, but with the
// records written to a temporary file (-o) and counted once the run is
// over, so that reading them does not compete with the run for the
// machine's cores: a pipe's reader takes a core that a one-worker run
// leaves free but a two-worker run needs.
func (s *suite) stancerToFile(name string, c Corpus, env []string, args ...string) (Row, error) {
	f, err := os.CreateTemp("", "stancer-bench-*.jsonl")
	if err != nil {
		return Row{}, err
	}
	path := f.Name()
	defer os.Remove(path)
	if err := f.Close(); err != nil {
		return Row{}, err
	}
	row, err := s.stancer(name, c, env, append(args, "-o", path)...)
	if err != nil {
		return row, err
	}
	row.Records, row.Tokens, err = countRecords(path)
	return row, err
}

// prose measures prose on the texts of the slice, whose tokens number
// tokens, and returns its row and the time it took to load its model.
func (s *suite) prose(slice Corpus, tokens int64) (Row, time.Duration, error) {
	texts, err := readTexts(slice.Path)
	if err != nil {
		return Row{}, 0, err
	}
	res, err := MeasureProse(texts)
	if err != nil {
		return Row{}, 0, err
	}
	row := Row{Name: "prose v2, 1 goroutine, GOMAXPROCS=1", Input: slice.Stats, Result: Result{Wall: res.Run, CPU: res.CPU, Tokens: tokens}}
	s.logf("prose: %ss, %s MB/s, model load %s", sig3(res.Run.Seconds()), sig3(row.MBps()), millis(res.Load))
	return row, res.Load, nil
}

// readTexts returns the texts of the articles of a JSON Lines file.
func readTexts(path string) ([]string, error) {
	r := input.Open([]string{path}, input.Options{})
	defer r.Close()
	var texts []string
	for {
		d, err := r.Next()
		if err == io.EOF {
			return texts, nil
		}
		if err != nil {
			return nil, fmt.Errorf("bench: reading %s: %w", path, err)
		}
		if d.Err != nil {
			return nil, fmt.Errorf("bench: reading %s: %s: %w", path, d.Input, d.Err)
		}
		texts = append(texts, d.Text)
	}
}
