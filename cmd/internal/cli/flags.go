package cli

import (
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/stancer/stancer/pipeline/output"
)

// newFlagSet returns an empty flag set for command cmd that reports
// nothing itself: parseFlags turns its errors into usage errors.
func newFlagSet(cmd string) *flag.FlagSet {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses the flags of command cmd in args with fs and returns
// the operands, which may come before, between or after the flags; every
// argument after "--" is an operand. It returns flag.ErrHelp when args
// ask for help, and a usageError for any other mistake.
func parseFlags(fs *flag.FlagSet, cmd string, args []string) ([]string, error) {
	var operands []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, err
			}
			return nil, &usageError{cmd: cmd, err: err}
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return operands, nil
		}
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(operands, rest...), nil
		}
		operands = append(operands, rest[0])
		args = rest[1:]
	}
}

// emitValue is a flag.Value holding the record kind of --emit.
type emitValue output.Emit

func (e *emitValue) String() string { return string(*e) }

func (e *emitValue) Set(s string) error {
	emit, err := output.ParseEmit(s)
	if err != nil {
		return err
	}
	*e = emitValue(emit)
	return nil
}

// progressMode says when to show a progress bar: progressAuto (when
// standard error is a terminal), progressAlways or progressNever.
type progressMode string

// The values of --progress.
const (
	progressAuto   progressMode = "auto"
	progressAlways progressMode = "always"
	progressNever  progressMode = "never"
)

func (m *progressMode) String() string { return string(*m) }

func (m *progressMode) Set(s string) error {
	switch v := progressMode(s); v {
	case progressAuto, progressAlways, progressNever:
		*m = v
		return nil
	}
	return fmt.Errorf("want auto, always or never")
}

// sizeValue is a flag.Value holding a positive size in bytes, written as
// parseSize accepts it.
type sizeValue int64

func (v *sizeValue) String() string { return strconv.FormatInt(int64(*v), 10) }

func (v *sizeValue) Set(s string) error {
	n, err := parseSize(s)
	if err != nil {
		return err
	}
	*v = sizeValue(n)
	return nil
}

// sizeUnits maps the unit suffixes of parseSize, lower-cased, to their
// number of bytes. A bare K, M, G or T is binary, as in most Unix tools.
var sizeUnits = map[string]float64{
	"": 1, "b": 1,
	"k": 1 << 10, "kib": 1 << 10, "kb": 1e3,
	"m": 1 << 20, "mib": 1 << 20, "mb": 1e6,
	"g": 1 << 30, "gib": 1 << 30, "gb": 1e9,
	"t": 1 << 40, "tib": 1 << 40, "tb": 1e12,
}

// parseSize parses a positive number of bytes: a decimal number, possibly
// with a fraction, followed by an optional unit, case-insensitive: B;
// KiB, MiB, GiB, TiB (or K, M, G, T) for powers of 1024; KB, MB, GB, TB for
// powers of 1000. "16MiB", "1GB", "1.5g" and "65536" are sizes. A
// fractional result is rounded down to a whole byte.
func parseSize(s string) (int64, error) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r != '.' && !unicode.IsDigit(r) })
	if i < 0 {
		i = len(s)
	}
	num, unit := s[:i], strings.ToLower(strings.TrimSpace(s[i:]))
	mult, ok := sizeUnits[unit]
	if !ok {
		return 0, fmt.Errorf("unknown unit %q in size %q (want B, KiB, MiB, GiB, KB, MB, GB, ...)", s[i:], s)
	}
	x, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, fmt.Errorf("size %q is not a number of bytes with an optional unit, such as 16MiB", s)
	}
	n := math.Floor(x * mult)
	if n < 1 || n >= math.MaxInt64 {
		return 0, fmt.Errorf("size %q is out of range", s)
	}
	return int64(n), nil
}
