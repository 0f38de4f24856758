package bench

import (
	"math"
	"path/filepath"
	"testing"
	"time"

	"github.com/stancer/stancer/pipeline/goldenfile"
)

// testReport returns a report of two rounds whose every target is met
// but two, the scaling of workers and the time to the first record, and
// that calls for every note: a failed article, a peak RSS under the floor,
// a single-core run short of its core and a busy machine.
func testReport() *Report {
	tput := Stats{Bytes: 50e6, Articles: 6000}
	mb := func(x float64) int64 { return int64(x * 1e6) }
	return &Report{
		Machine: Machine{CPUs: 2, Go: "go1.26.8", Platform: "linux/amd64", Load: []float64{0.4, 3.5}},
		Seed:    1,
		Rounds: []Round{{
			One: Row{Name: "stancer --workers 1, GOMAXPROCS=1", Input: tput,
				Result: Result{Wall: 5 * time.Second, CPU: 5100 * time.Millisecond, Tokens: 9e6, Records: 6000, PeakRSS: mb(60), RSSFloor: mb(12)}},
			Two: Row{Name: "stancer --workers 2", Input: tput,
				Result: Result{Wall: 3200 * time.Millisecond, CPU: 6 * time.Second, Tokens: 9e6, Records: 5998, PeakRSS: mb(75), RSSFloor: mb(12),
					ExitCode: 1, Stderr: "a.jsonl:7: internal error\nstancer: read 6000 articles, wrote 5998, failed 2\n"}},
			Prose: Row{Name: "prose v2, 1 goroutine, GOMAXPROCS=1", Input: Stats{Bytes: 300e3, Articles: 36},
				Result: Result{Wall: 30 * time.Second, CPU: 21 * time.Second, Tokens: 54e3}},
		}, {
			One: Row{Name: "stancer --workers 1, GOMAXPROCS=1", Input: tput,
				Result: Result{Wall: 4 * time.Second, CPU: 4 * time.Second, Tokens: 9e6, Records: 6000, PeakRSS: mb(60), RSSFloor: mb(12)}},
			Two: Row{Name: "stancer --workers 2", Input: tput,
				Result: Result{Wall: 2400 * time.Millisecond, CPU: 4800 * time.Millisecond, Tokens: 9e6, Records: 6000, PeakRSS: mb(75), RSSFloor: mb(12)}},
			Prose: Row{Name: "prose v2, 1 goroutine, GOMAXPROCS=1", Input: Stats{Bytes: 300e3, Articles: 36},
				Result: Result{Wall: 25 * time.Second, CPU: 25 * time.Second, Tokens: 54e3}},
		}},
		ProseLoad: 375 * time.Millisecond,
		Memory: Row{Name: "stancer, default workers", Input: Stats{Bytes: 100e6, Articles: 12000},
			Result: Result{Wall: 6 * time.Second, CPU: 11 * time.Second, Records: 12000, PeakRSS: mb(80), RSSFloor: mb(12)}},
		Soak: Row{Name: "stancer, default workers (soak)", Input: Stats{Bytes: 1e9, Articles: 120000},
			Result: Result{Wall: 61 * time.Second, CPU: 118 * time.Second, Records: 120000, Tokens: 18e7, PeakRSS: mb(11), RSSFloor: mb(12)}},
		FirstRecord:     62 * time.Millisecond,
		FirstRecordRuns: 9,
	}
}

func TestMarkdownGolden(t *testing.T) {
	got := testReport().Markdown()
	goldenfile.Check(t, filepath.Join("testdata", "report.golden.md"), []byte(got))
}

func TestChecks(t *testing.T) {
	r := testReport()
	met := map[string]string{}
	for _, c := range r.checks() {
		met[c.name] = c.met
	}
	for name, want := range map[string]string{
		"stancer 1 core / prose 1 core, MB/s":     "yes", // 10 MB/s against 0.01
		"stancer 1 core / prose 1 core, tokens/s": "yes",
		"2 workers / 1 worker, MB/s":              "**no**", // 1.5625
		"peak RSS at 1000 MB":                     "yes",
		"records out / articles in at 1000 MB":    "yes",
		"time to first record, median of 9":       "**no**",
	} {
		if met[name] != want {
			t.Errorf("check %q: met %q, want %q", name, met[name], want)
		}
	}
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{sig3(1234.6), "1235"},
		{sig3(12.345), "12.3"},
		{sig3(1.2345), "1.23"},
		{sig3(0.012345), "0.012"},
		{sig3(math.Inf(1)), "—"},
		{grouped(0), "0"},
		{grouped(999), "999"},
		{grouped(1000), "1,000"},
		{grouped(-1234567), "-1,234,567"},
		{rate(math.NaN()), "—"},
		{rate(2999.6), "3,000"},
		{megabytes(200e6), "200 MB"},
		{millis(1499 * time.Microsecond), "1 ms"},
		{loads(nil), ""},
		{loads([]float64{1, 2.25}), ", load average 1.0 → 2.2"},
	} {
		if tc.got != tc.want {
			t.Errorf("got %q, want %q", tc.got, tc.want)
		}
	}
}

func TestMachineBusy(t *testing.T) {
	for _, tc := range []struct {
		load []float64
		want bool
	}{
		{nil, false},
		{[]float64{0.1, 2.9}, false},
		{[]float64{3.1, 0.5}, true},
	} {
		if got := (Machine{CPUs: 2, Load: tc.load}).busy(); got != tc.want {
			t.Errorf("load %v on 2 CPUs: busy %v, want %v", tc.load, got, tc.want)
		}
	}
}

// TestRatioMedian checks the median over rounds and the list of the
// rounds' values, for an odd and an even number of rounds and for one.
func TestRatioMedian(t *testing.T) {
	wall := func(s float64) Row {
		return Row{Input: Stats{Bytes: 1e6}, Result: Result{Wall: time.Duration(s * float64(time.Second))}}
	}
	round := func(one, prose float64) Round { return Round{One: wall(one), Two: wall(one), Prose: wall(prose)} }
	for _, tc := range []struct {
		rounds []Round
		median float64
		each   string
	}{
		{[]Round{round(1, 90), round(1, 160), round(1, 100)}, 100, " (90.0×, 160×, 100×)"},
		{[]Round{round(1, 90), round(1, 100)}, 95, " (90.0×, 100×)"},
		{[]Round{round(2, 200)}, 100, ""},
	} {
		r := &Report{Rounds: tc.rounds}
		got, each := r.ratio(func(rd Round) float64 { return rd.One.MBps() / rd.Prose.MBps() })
		if math.Abs(got-tc.median) > 1e-9 || each != tc.each {
			t.Errorf("rounds %v: ratio %v%q, want %v%q", tc.rounds, got, each, tc.median, tc.each)
		}
	}
}
