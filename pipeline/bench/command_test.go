package bench

import (
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestMeasure(t *testing.T) {
	const sleep = 50 * time.Millisecond
	res, err := Measure(helperCommand("records 50 3 0"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Records != 3 || res.Tokens != 15 || res.ExitCode != 0 || strings.TrimSpace(res.Stderr) != "done" {
		t.Errorf("got %d records, %d tokens, exit status %d, stderr %q; want 3, 15, 0, done", res.Records, res.Tokens, res.ExitCode, res.Stderr)
	}
	if res.FirstRecord < sleep || res.FirstRecord > res.Wall {
		t.Errorf("first record after %v, want between %v and the wall time %v", res.FirstRecord, sleep, res.Wall)
	}
	if res.CPU <= 0 {
		t.Errorf("CPU time %v", res.CPU)
	}
}

func TestMeasureExitStatus(t *testing.T) {
	res, err := Measure(helperCommand("records 0 1 3"))
	if err != nil {
		t.Fatal(err)
	}
	if res.ExitCode != 3 || res.Records != 1 {
		t.Errorf("exit status %d after %d records, want 3 after 1", res.ExitCode, res.Records)
	}
}

func TestMeasureErrors(t *testing.T) {
	withStdout := helperCommand("records 0 1 0")
	withStdout.Stdout = new(strings.Builder)
	for name, cmd := range map[string]*exec.Cmd{
		"output set": withStdout,
		"no program": exec.Command("./no-such-program"),
	} {
		if _, err := Measure(cmd); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestMeasurePeakRSS(t *testing.T) {
	idle, err := Measure(helperCommand("alloc 0"))
	if err != nil {
		t.Fatal(err)
	}
	if idle.PeakRSS == 0 {
		t.Skipf("no peak RSS on %s", runtime.GOOS)
	}
	const mb = 100
	big, err := Measure(helperCommand("alloc 100"))
	if err != nil {
		t.Fatal(err)
	}
	// The upper bound catches a wrong unit; the race detector doubles the
	// memory used.
	if grew := big.PeakRSS - idle.PeakRSS; grew < mb*1e6*9/10 || grew > 10*mb*1e6 {
		t.Errorf("touching %d MB raised the peak RSS from %d to %d bytes", mb, idle.PeakRSS, big.PeakRSS)
	}
	if idle.RSSFloor <= 0 {
		t.Errorf("RSS floor %d, want this process's peak", idle.RSSFloor)
	}
}

func TestMedianFirstRecord(t *testing.T) {
	got, err := MedianFirstRecord(func() *exec.Cmd { return helperCommand("records 30 2 0") }, 3)
	if err != nil {
		t.Fatal(err)
	}
	if got < 30*time.Millisecond || got > 5*time.Second {
		t.Errorf("median time to the first record %v, want a little over 30ms", got)
	}
	for mode, fails := range map[string]bool{"records 0 0 0": true, "records 0 0 1": true, "records 0 1 1": false} {
		if _, err := MedianFirstRecord(func() *exec.Cmd { return helperCommand(mode) }, 1); (err != nil) != fails {
			t.Errorf("%s: error %v, want one: %v", mode, err, fails)
		}
	}
	if _, err := MedianFirstRecord(func() *exec.Cmd { return helperCommand("records 0 1 0") }, 0); err == nil {
		t.Error("no error for 0 runs")
	}
}

func TestMedian(t *testing.T) {
	for _, tc := range []struct {
		in   []time.Duration
		want time.Duration
	}{
		{[]time.Duration{5}, 5},
		{[]time.Duration{9, 1, 5}, 5},
		{[]time.Duration{4, 1, 3, 8}, 3},
		{[]time.Duration{2, 2, 7, 2, 100}, 2},
	} {
		if got := median(tc.in); got != tc.want {
			t.Errorf("median(%v) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
