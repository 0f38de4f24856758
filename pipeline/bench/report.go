package bench

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The targets a Report checks the measurements against.
const (
	// TargetProseRatio is the least throughput of stancer on one core,
	// as a multiple of prose's on one core.
	TargetProseRatio = 100
	// TargetScaling is the least throughput of stancer with two workers,
	// as a multiple of its throughput with one.
	TargetScaling = 1.7
	// TargetSoakRSS is the largest peak resident set size in bytes of the
	// soak run.
	TargetSoakRSS = 200e6
	// TargetRSSGrowth is the largest peak resident set size of the soak
	// run as a multiple of that of the memory run.
	TargetRSSGrowth = 1.2
	// TargetFirstRecord is the longest median time to the first record.
	TargetFirstRecord = 50 * time.Millisecond
)

// A Row is one measured run: what ran, the corpus it read and what was
// measured.
type Row struct {
	// Name says what ran, as the table shows it.
	Name string
	// Input is the corpus read.
	Input Stats
	Result
}

// MBps returns the throughput in MB/s: input bytes over wall time in
// seconds, over 10⁶.
func (r Row) MBps() float64 { return float64(r.Input.Bytes) / 1e6 / r.Wall.Seconds() }

// MBPerCPUSec returns the input MB per second of CPU time: unlike MBps,
// it hardly changes when other processes compete for the CPUs.
func (r Row) MBPerCPUSec() float64 { return float64(r.Input.Bytes) / 1e6 / r.CPU.Seconds() }

// TokensPerSec returns the token throughput: Tokens over wall time in
// seconds.
func (r Row) TokensPerSec() float64 { return float64(r.Tokens) / r.Wall.Seconds() }

// A Report holds the measurements of one benchmark run.
type Report struct {
	Machine Machine
	// Seed is the seed of the corpora.
	Seed uint64
	// Rounds are the measurements of the throughput comparison, in the
	// order they ran; its checks take the median over the rounds.
	Rounds []Round
	// ProseLoad is the median time prose took to load its model.
	ProseLoad time.Duration
	// Memory and Soak are stancer with its default number of workers on a
	// larger corpus and on the largest one.
	Memory, Soak Row
	// FirstRecord is the median time from starting stancer to its first
	// record over FirstRecordRuns runs.
	FirstRecord     time.Duration
	FirstRecordRuns int
}

// A Round is one measurement of the throughput comparison: its runs
// follow each other, so that they meet much the same conditions on a
// machine whose speed drifts, and the ratios of one round compare like
// with like.
type Round struct {
	// One is stancer with one worker and GOMAXPROCS=1 on the throughput
	// corpus, Two stancer with two workers on the same corpus.
	One, Two Row
	// Prose is prose v2 on one core on the slice, a prefix of the
	// throughput corpus; its Tokens are stancer's count for the slice.
	Prose Row
}

// Markdown renders r as Markdown: a line on the machine, a table of the
// runs, a table of the checks against the targets, and notes on anything
// that went wrong.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d cores (runtime.NumCPU), %s, %s%s; corpus generated from the gold texts with seed %d. MB = 10⁶ bytes.\n\n",
		r.Machine.CPUs, r.Machine.Platform, r.Machine.Go, loads(r.Machine.Load), r.Seed)
	b.WriteString("| Run | Input | Articles | Seconds | MB/s | Tokens/s | CPU s | MB/CPU-s | Peak RSS |\n")
	b.WriteString("|:--|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, row := range r.rows() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", row.Name, megabytes(row.Input.Bytes),
			grouped(int64(row.Input.Articles)), sig3(row.Wall.Seconds()), sig3(row.MBps()),
			rate(row.TokensPerSec()), orDash(row.CPU > 0, sig3(row.CPU.Seconds())),
			orDash(row.CPU > 0, sig3(row.MBPerCPUSec())), orDash(row.PeakRSS > 0, megabytes(row.PeakRSS)))
	}
	b.WriteString("\n| Check | Measured | Target | Met |\n|:--|--:|:--|:--|\n")
	for _, c := range r.checks() {
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.name, c.value, c.target, c.met)
	}
	if notes := r.notes(); len(notes) > 0 {
		b.WriteString("\n")
		for _, n := range notes {
			fmt.Fprintf(&b, "- %s\n", n)
		}
	}
	return b.String()
}

// rows returns the runs in table order: those of each round, named with
// their round when there are several, then the memory and soak runs.
func (r *Report) rows() []Row {
	var rows []Row
	for i, rd := range r.Rounds {
		for _, row := range []Row{rd.One, rd.Two, rd.Prose} {
			rows = append(rows, r.inRound(i, row))
		}
	}
	return append(rows, r.Memory, r.Soak)
}

// inRound returns row named as the run of round i.
func (r *Report) inRound(i int, row Row) Row {
	if len(r.Rounds) > 1 {
		row.Name += fmt.Sprintf(", round %d", i+1)
	}
	return row
}

// ratio returns the median over the rounds of f, and the value of each
// round as a parenthesized list when there are several:
//
//	median(x_1, …, x_n) = x_(k+1) for n = 2k+1, (x_(k) + x_(k+1))/2 for n = 2k
//
// over the values in increasing order.
func (r *Report) ratio(f func(Round) float64) (float64, string) {
	xs := make([]float64, len(r.Rounds))
	list := make([]string, len(r.Rounds))
	for i, rd := range r.Rounds {
		xs[i] = f(rd)
		list[i] = times(xs[i])
	}
	if len(xs) == 0 {
		return math.NaN(), ""
	}
	each := ""
	if len(xs) > 1 {
		each = " (" + strings.Join(list, ", ") + ")"
	}
	slices.Sort(xs)
	k := len(xs) / 2
	if len(xs)%2 == 0 {
		return (xs[k-1] + xs[k]) / 2, each
	}
	return xs[k], each
}

// check is one line of the checks table.
type check struct{ name, value, target, met string }

// checks compares the measurements with the targets.
func (r *Report) checks() []check {
	prose := func(unit string, f func(Row) float64) check {
		x, each := r.ratio(func(rd Round) float64 { return f(rd.One) / f(rd.Prose) })
		return check{"stancer 1 core / prose 1 core, " + unit, times(x) + each, "≥ " + times(TargetProseRatio), met(x >= TargetProseRatio)}
	}
	scaling, scalings := r.ratio(func(rd Round) float64 { return rd.Two.MBps() / rd.One.MBps() })
	growth := float64(r.Soak.PeakRSS) / float64(r.Memory.PeakRSS)
	soak, memory := megabytes(r.Soak.Input.Bytes), megabytes(r.Memory.Input.Bytes)
	return []check{
		prose("MB/s", Row.MBps),
		prose("tokens/s", Row.TokensPerSec),
		prose("MB/CPU-s", Row.MBPerCPUSec),
		{"2 workers / 1 worker, MB/s", times(scaling) + scalings, "≥ " + times(TargetScaling), met(scaling >= TargetScaling)},
		{"peak RSS at " + soak, megabytes(r.Soak.PeakRSS), "≤ " + megabytes(TargetSoakRSS),
			met(r.Soak.PeakRSS > 0 && r.Soak.PeakRSS <= TargetSoakRSS)},
		{"peak RSS at " + soak + " / at " + memory, times(growth), "≤ " + times(TargetRSSGrowth), met(growth <= TargetRSSGrowth)},
		{"records out / articles in at " + soak, grouped(r.Soak.Records) + " / " + grouped(int64(r.Soak.Input.Articles)),
			"equal", met(r.Soak.Records == int64(r.Soak.Input.Articles))},
		{fmt.Sprintf("time to first record, median of %d", r.FirstRecordRuns), millis(r.FirstRecord),
			"≤ " + millis(TargetFirstRecord), met(r.FirstRecord > 0 && r.FirstRecord <= TargetFirstRecord)},
		{"prose model load", millis(r.ProseLoad), "reference", ""},
	}
}

// minCoreShare is the least CPU time over wall time of a run on one core
// that shows no competition for the core.
const minCoreShare = 0.9

// notes returns remarks on runs that did not go as they should, and on
// what the peak RSS figures include.
func (r *Report) notes() []string {
	var notes []string
	var floor int64
	for _, row := range r.rows() {
		floor = max(floor, row.RSSFloor)
		if row.RSSFloor > 0 && row.PeakRSS <= row.RSSFloor {
			notes = append(notes, fmt.Sprintf("%s: peak RSS %s is no more than the harness's own (%s), which it may include: the child's own peak is unknown.",
				row.Name, megabytes(row.PeakRSS), megabytes(row.RSSFloor)))
		}
		if row.ExitCode != 0 {
			notes = append(notes, fmt.Sprintf("%s: exit status %d, %s records for %s articles%s.", row.Name, row.ExitCode,
				grouped(row.Records), grouped(int64(row.Input.Articles)), lastLine(row.Stderr)))
		}
	}
	for i, rd := range r.Rounds {
		for _, row := range []Row{rd.One, rd.Prose} {
			if share := row.CPU.Seconds() / row.Wall.Seconds(); row.CPU > 0 && share < minCoreShare {
				notes = append(notes, fmt.Sprintf("%s had %.0f%% of a core (CPU time over wall time): other processes competed for it.", r.inRound(i, row).Name, 100*share))
			}
		}
	}
	if r.Machine.busy() {
		notes = append(notes, fmt.Sprintf("The machine was busy (load average above its %d cores and one more thread): other processes took CPU time from the measured ones, so the wall-clock figures understate the speed, and their ratios are unreliable; MB/CPU-s is less affected.", r.Machine.CPUs))
	}
	if floor > 0 {
		notes = append(notes, fmt.Sprintf("Peak RSS is the child's rusage maxrss, which on Linux may include the harness's peak when it started the child (at most %s here).", megabytes(floor)))
	}
	return notes
}

// loads formats the load averages of a run, if any, as a clause of the
// machine line.
func loads(xs []float64) string {
	if len(xs) == 0 {
		return ""
	}
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.FormatFloat(x, 'f', 1, 64)
	}
	return ", load average " + strings.Join(s, " → ")
}

// sig3 formats v with about three significant digits and no exponent.
func sig3(v float64) string {
	prec := 3
	switch a := math.Abs(v); {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "—"
	case a >= 100:
		prec = 0
	case a >= 10:
		prec = 1
	case a >= 1:
		prec = 2
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// megabytes formats a number of bytes in MB.
func megabytes(n int64) string { return sig3(float64(n)/1e6) + " MB" }

// times formats a ratio.
func times(x float64) string { return sig3(x) + "×" }

// millis formats d in whole milliseconds.
func millis(d time.Duration) string {
	return strconv.FormatInt(d.Round(time.Millisecond).Milliseconds(), 10) + " ms"
}

// met says whether a target is met.
func met(ok bool) string {
	if ok {
		return "yes"
	}
	return "**no**"
}

// orDash returns s if ok, else a dash for a value not measured.
func orDash(ok bool, s string) string {
	if ok {
		return s
	}
	return "—"
}

// grouped formats n in decimal with commas between groups of three digits.
func grouped(n int64) string {
	s := strconv.FormatInt(n, 10)
	var b strings.Builder
	if n < 0 {
		b.WriteByte('-')
		s = s[1:]
	}
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// rate formats a rate as a grouped whole number, or a dash if it is not
// finite.
func rate(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	return grouped(int64(math.Round(v)))
}
