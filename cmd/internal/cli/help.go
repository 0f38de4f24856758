package cli

import (
	"context"
	"fmt"
	"strings"

	"github.com/stancer/stancer/pipeline"
)

// overview introduces the program at the top of "stancer help".
const overview = `stancer reads news articles and writes, as JSON Lines, who each article
names (people, organizations, apps, places) and where every sentence stands
on strong encryption: favor, against or neutral, and whose stance it is.

Usage:
  stancer [run] [flags] [FILE|DIR|-]...
  stancer COMMAND [flags] [arguments]

`

// runHelp is the help of the run command.
const runHelp = `Usage: stancer [run] [flags] [FILE|DIR|-]...

Analyse articles and write one JSON Lines record per article (or per
sentence, or per entity). The word "run" may be left out unless the first
FILE is named like a command.

Input:
  FILE  JSON Lines, one object per line with the article in "text"; "id",
        "title", "url", "date" and "source" are passed through. Or plain
        text: the whole file is one article, whose id is the path. Names
        ending in .jsonl, .ndjson or .json are JSON Lines, .txt is text;
        otherwise a file starting with '{' is JSON Lines. gzip and zstd
        compression are recognised by their content, not their name.
  DIR   every file under DIR, recursively, in name order, except names
        starting with '.'.
  -     standard input, which is also read when no FILE is given.

Output (--emit):
  articles   one record per article, in input order (the default)
  sentences  one record per sentence, with the "article_id"
  entities   one record per entity of each article, with the "article_id"
Offsets ("start", "end") count Unicode code points of the article text.
An article that cannot be read or analysed goes to --errors instead, so
every input article ends up in exactly one place.

Flags:
  --emit KIND          records to write: articles, sentences or entities
                       (default articles)
  -o, --output FILE    write the records to FILE instead of standard output
  --errors FILE        write failed articles to FILE as JSON Lines records
                       {"input", "error", "raw"}; without it each failure is
                       one line "input: error" on standard error
  --workers N          concurrent workers per stage (default: one per core)
  --text-field NAME    JSON field holding the article text (default "text")
  --id-field NAME      JSON field holding the article id (default "id")
  --max-bytes SIZE     largest article accepted, such as 16MiB, 1GB or 500k
                       (default 16MiB); a larger one fails
  --model-ner FILE     load the entity model from FILE, not the built-in one
  --model-stance FILE  load the stance model from FILE, not the built-in one
  --progress WHEN      progress bar on standard error: auto (when it is a
                       terminal), always or never (default auto)
  -q, --quiet          no summary line, hint or progress bar; failures are
                       still reported
  -h, --help           show this help

At the end a summary line on standard error counts the articles read,
written and failed.

Memory: ordinary articles take tens of MiB. Analysis holds up to about 50
bytes per byte of the longest article in flight; past 768 MiB of heap the
garbage collector works harder rather than let the heap double. The
environment variable GOMEMLIMIT (such as GOMEMLIMIT=4GiB) replaces that
soft limit.

Exit status:
  0    every article was analysed and written
  1    some article failed, or the output could not be written
  2    usage error: a bad flag or value, or an output or model file that
       cannot be used
  130  interrupted by SIGINT or SIGTERM; the records written are whole
A closed output pipe (as in "stancer FILE | head") ends the run quietly
with status 0.

Examples:
  stancer articles.jsonl > analysis.jsonl
  stancer --emit sentences --errors failed.jsonl dumps/ |
      jq -c 'select(.stance.label == "against") | {article_id, text}'
  zcat dump.jsonl.gz | stancer --emit entities -q
`

// versionHelp is the help of the version command.
const versionHelp = `Usage: stancer version

Print the version of stancer, as output records name it in "meta".
`

// helpHelp is the help of the help command.
const helpHelp = `Usage: stancer help [COMMAND]

Show the overview of stancer, or the help of COMMAND.
`

// helpMain shows the overview, or the help of the command named in args.
func helpMain(_ context.Context, s env, args []string) error {
	operands, err := parseFlags(newFlagSet("help"), "help", args)
	if err != nil {
		return err
	}
	switch len(operands) {
	case 0:
		_, err = fmt.Fprint(s.stdout, overviewText())
		return err
	case 1:
		c, ok := lookup(operands[0])
		if !ok {
			return usagef("help", "unknown command %q", operands[0])
		}
		_, err = fmt.Fprint(s.stdout, c.help)
		return err
	}
	return usagef("help", "help takes at most one command, got %d arguments", len(operands))
}

// overviewText returns the text of "stancer help": the overview, the list
// of commands, and the help of the default command.
func overviewText() string {
	var b strings.Builder
	b.WriteString(overview)
	b.WriteString("Commands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(&b, "\nRun 'stancer help COMMAND' for the help of one command.\n\n%s", runHelp)
	return b.String()
}

// versionMain prints the version.
func versionMain(_ context.Context, s env, args []string) error {
	operands, err := parseFlags(newFlagSet("version"), "version", args)
	if err != nil {
		return err
	}
	if len(operands) > 0 {
		return usagef("version", "version takes no arguments")
	}
	_, err = fmt.Fprintln(s.stdout, pipeline.Version)
	return err
}
