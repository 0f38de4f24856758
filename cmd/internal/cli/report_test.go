package cli

import "testing"

func TestReport(t *testing.T) {
	cases := []recordsCase{
		{name: "help", args: []string{"report", "--help"},
			stdoutHas: []string{"Usage: stancer report", "self-contained", "--top N"}},
		{name: "output file", args: []string{"report", "$DIR/in.jsonl.gz", "-o", "$DIR/report.html", "--title", "UK & encryption"},
			stderrHas: []string{"stancer: read 8 records, failed 0; wrote the report to $DIR/report.html"},
			file:      "report.html",
			fileHas:   []string{"<title>UK &amp; encryption</title>", `<svg role="img"`, "There should be no place for terrorists to hide."},
			absent:    ".report.html*"},
		{name: "standard output", args: []string{"report", "-q", "--top", "1", "$DIR/in.jsonl"},
			stdoutHas: []string{"<!DOCTYPE html>", "Amber Rudd (PERSON)", "</html>"}},
		{name: "bad line", args: []string{"report", "-o", "$DIR/report.html", "$DIR/bad.jsonl"}, exit: 1,
			stderrHas: []string{"$DIR/bad.jsonl:2: invalid JSON", "read 7 records, failed 1"},
			file:      "report.html", fileHas: []string{"<h1>Stance on strong encryption</h1>", "7</span> articles"}},
		{name: "top must be positive", args: []string{"report", "--top", "0", "$DIR/in.jsonl"}, exit: 2,
			stderrHas: []string{"--top must be at least 1, not 0", "stancer help report"}},
		{name: "output file cannot be created", args: []string{"report", "-o", "$DIR/no/such/dir/r.html", "$DIR/in.jsonl"}, exit: 2,
			stderrHas: []string{"$DIR/no/such/dir/r.html"}},
		{name: "interrupted, no partial file", args: []string{"report", "-o", "$DIR/report.html", "$DIR/in.jsonl"}, cancelled: true, exit: 130,
			stderrHas: []string{"interrupted"}, absent: "*report.html*"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t)
		})
	}
}
