package bench

import (
	"errors"
	"fmt"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// stderrTail is how much of the end of a child's standard error a Result
// keeps.
const stderrTail = 4 << 10

// Result is what one run of a command measured.
type Result struct {
	// Wall is the time from starting the process to its exit and the end of
	// its output.
	Wall time.Duration
	// FirstRecord is the time from starting the process to the end of the
	// first line of its standard output; zero if it wrote none.
	FirstRecord time.Duration
	// CPU is the user plus system time the process used.
	CPU time.Duration
	// PeakRSS is the peak resident set size of the process in bytes
	// (maxrss of its rusage), or 0 where the system does not report it.
	PeakRSS int64
	// RSSFloor is the peak resident set size of this process when it
	// started the command. On Linux a child starts in its parent's memory
	// (Go starts processes vfork-style) and its maxrss may include the
	// parent's peak up to then, so PeakRSS is surely the child's own only
	// when it is larger.
	RSSFloor int64
	// Records is the number of lines the process wrote to standard output
	// (a last line without a line feed is not counted).
	Records int64
	// Tokens is the sum of the records' token counts: the number after the
	// last "tokens" member name of each record, as in the "meta" of
	// stancer's article records.
	Tokens int64
	// ExitCode is the process's exit status.
	ExitCode int
	// Stderr holds the end of what the process wrote to standard error.
	Stderr string
}

// Measure runs cmd, whose Stdout and Stderr must be unset, and returns
// what it measured. It fails if cmd cannot be started or dies of a signal;
// a non-zero exit status is reported in Result.ExitCode.
func Measure(cmd *exec.Cmd) (Result, error) {
	if cmd.Stdout != nil || cmd.Stderr != nil {
		return Result{}, errors.New("bench: Measure needs a command whose output is unset")
	}
	res := Result{RSSFloor: selfPeakRSS()}
	errOut := &tail{n: stderrTail}
	cmd.Stderr = errOut
	start := time.Now()
	out := newRecordCounter(start)
	cmd.Stdout = out
	err := cmd.Run()
	res.Wall = time.Since(start)
	res.Stderr = string(errOut.Bytes())
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		return res, fmt.Errorf("bench: running %s: %w", cmd.Path, err)
	}
	ps := cmd.ProcessState
	res.ExitCode = ps.ExitCode()
	if res.ExitCode < 0 {
		return res, fmt.Errorf("bench: %s: %v%s", cmd.Path, ps, lastLine(res.Stderr))
	}
	res.FirstRecord, res.Records, res.Tokens = out.first, out.records, out.tokens
	res.CPU = ps.UserTime() + ps.SystemTime()
	res.PeakRSS = peakRSS(ps)
	return res, nil
}

// lastLine returns ": " and the last non-blank line of s, or "" if there is
// none.
func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return ": " + s[strings.LastIndexByte(s, '\n')+1:]
}

// MedianFirstRecord runs the command that newCmd returns (a new one each
// time, unstarted, with its output unset) runs times in turn, and returns
// the median of their FirstRecord times. It fails if a run fails or writes
// no record; the exit status does not matter, only the first record.
func MedianFirstRecord(newCmd func() *exec.Cmd, runs int) (time.Duration, error) {
	if runs < 1 {
		return 0, fmt.Errorf("bench: %d runs to time the first record", runs)
	}
	times := make([]time.Duration, runs)
	for i := range times {
		res, err := Measure(newCmd())
		if err != nil {
			return 0, err
		}
		if res.Records == 0 {
			return 0, fmt.Errorf("bench: timing the first record: no record, exit status %d%s", res.ExitCode, lastLine(res.Stderr))
		}
		times[i] = res.FirstRecord
	}
	return median(times), nil
}

// median returns the middle value of ds, or the mean of the two middle
// values if there is an even number of them; ds must not be empty.
func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}
