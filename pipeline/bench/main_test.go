package bench

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"testing"
	"time"
)

// helperEnv names the environment variable that turns the test binary into
// a fake command for the tests of Measure and Run; its value is the fake's
// mode and arguments, as for helperCommand.
const helperEnv = "BENCH_TEST_HELPER"

func TestMain(m *testing.M) {
	if mode := os.Getenv(helperEnv); mode != "" {
		os.Exit(helper(mode))
	}
	os.Exit(m.Run())
}

// helperCommand returns a command running the test binary as a fake:
//
//   - "records SLEEP N EXIT": sleeps SLEEP milliseconds, writes N records
//     of 5 tokens each and "done" to standard error, and exits with status
//     EXIT;
//   - "alloc MB": touches MB megabytes of memory and exits;
//   - "stancer": a fake stancer binary (see fakeStancer).
func helperCommand(mode string) *exec.Cmd {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), helperEnv+"="+mode)
	return cmd
}

// sink keeps the memory of the alloc helper alive.
var sink []byte

// helper runs the fake of mode and returns its exit status.
func helper(mode string) int {
	var sleep, n, exit, mb int
	switch {
	case scan(mode, "records %d %d %d", &sleep, &n, &exit):
		time.Sleep(time.Duration(sleep) * time.Millisecond)
		for i := range n {
			fmt.Printf("{\"id\":\"%d\",\"meta\":{\"tokens\":5}}\n", i)
		}
		fmt.Fprintln(os.Stderr, "done")
		return exit
	case scan(mode, "alloc %d", &mb):
		sink = make([]byte, mb*1e6)
		for i := 0; i < len(sink); i += 4096 {
			sink[i] = 1
		}
		return 0
	case mode == "stancer":
		out := ""
		if i := slices.Index(os.Args, "-o"); i > 0 && i+1 < len(os.Args) {
			out = os.Args[i+1]
		}
		return fakeStancer(os.Args[len(os.Args)-1], out)
	}
	fmt.Fprintf(os.Stderr, "unknown helper mode %q\n", mode)
	return 2
}

// scan reports whether s matches format, filling in args.
func scan(s, format string, args ...any) bool {
	n, err := fmt.Sscanf(s, format, args...)
	return err == nil && n == len(args)
}

// fakeStancer writes for every line of the file at path a record whose
// token count is the line's number of spaces plus one, to standard output
// or, when out is not "", to the file out (as stancer's -o does).
func fakeStancer(path, out string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	dst := os.Stdout
	if out != "" {
		if dst, err = os.Create(out); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		defer dst.Close()
	}
	w := bufio.NewWriter(dst)
	for line := range bytes.Lines(data) {
		fmt.Fprintf(w, "{\"meta\":{\"tokens\":%d}}\n", bytes.Count(line, []byte{' '})+1)
	}
	if err := w.Flush(); err != nil {
		return 1
	}
	return 0
}
