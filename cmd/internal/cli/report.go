package cli

import (
	"bufio"
	"context"

	"github.com/stancer/stancer/pipeline/report"
)

// reportHelp is the help of the report command.
const reportHelp = `Usage: stancer report [flags] [FILE|DIR|-]... -o report.html

Write one HTML page that shows what stancer's article records (what
"stancer --emit articles" writes) say about strong encryption:

  - stance over time: favor, against and neutral sentences per month;
  - the entities mentioned in the most favor and the most against
    sentences;
  - stance by source: the sentences of each source by stance;
  - the most cited sentences of each side, with their holders and links
    to the articles citing them.

The page is self-contained: no scripts, and no style sheets, fonts or
images from elsewhere, so it opens offline and can be mailed or archived
as it is; its only links are those to the articles. Its charts are SVG,
each with a title, a description and a data table for screen readers and
for copying. Lists are cut at --top entries, so the page stays small and
quick to open whatever the number of articles.

Input: files, directories and "-" as for "stancer run", gzip or zstd
compressed or not. A line that is not an article record is reported on
standard error as "file:line: reason" and skipped: the report of the other
records is written, and the exit status is 1.

Flags:
  -o, --output FILE  write the page to FILE, which appears only once
                     complete; without it, to standard output unless
                     that is a terminal
  --title TEXT       the title of the page (default "Stance on strong
                     encryption")
  --top N            the length of each list (default 10)
  --max-bytes SIZE   largest record accepted, such as 64MiB (the default)
  -q, --quiet        no summary line or hint on standard error
  -h, --help         show this help

Exit status:
  0    every record was read and the page written
  1    some line was not an article record, or writing failed
  2    usage error, or an output file that cannot be created
  130  interrupted by SIGINT or SIGTERM; the page is not written

Examples:
  stancer articles.jsonl | stancer report -o report.html
  stancer report --title "Encryption in the UK press" -o uk.html uk.jsonl.gz
`

// reportConfig is the parsed command line of the report command.
type reportConfig struct {
	recordsConfig
	opts report.Options
}

// parseReport parses the arguments of the report command.
func parseReport(args []string) (reportConfig, error) {
	cfg := reportConfig{recordsConfig: recordsConfig{cmd: "report"}}
	fs := newFlagSet(cfg.cmd)
	cfg.addFlags(fs)
	fs.StringVar(&cfg.opts.Title, "title", report.DefaultTitle, "")
	fs.IntVar(&cfg.opts.Top, "top", report.DefaultTop, "")
	paths, err := parseFlags(fs, cfg.cmd, args)
	if err != nil {
		return cfg, err
	}
	cfg.paths = paths
	if cfg.opts.Top < 1 {
		return cfg, usagef(cfg.cmd, "--top must be at least 1, not %d", cfg.opts.Top)
	}
	return cfg, nil
}

// reportMain is the report command: it writes the HTML report of the
// article records named in args.
func reportMain(ctx context.Context, s env, args []string) error {
	cfg, err := parseReport(args)
	if err != nil {
		return err
	}
	if cfg.outputPath == "" && isTerminal(s.stdout) {
		return usagef(cfg.cmd, "name the HTML file to write with -o FILE, or redirect standard output")
	}
	out, err := cfg.create(s.stdout)
	if err != nil {
		return err
	}
	b := report.NewBuilder()
	t, err := cfg.read(ctx, s, b.Add)
	if err != nil {
		out.discard()
		return err
	}
	bw := bufio.NewWriter(out)
	writeErr := out.close(firstError(b.WriteHTML(bw, cfg.opts), bw.Flush()))
	return cfg.finish(s, t, out.name, "the report to "+out.name, writeErr)
}
