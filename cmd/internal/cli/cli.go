// Package cli implements the stancer command line: argument parsing, the
// commands, their help, and the mapping of outcomes to exit statuses.
//
// Everything a command touches comes in through Run (the context, the
// arguments and the three standard streams), so that tests can drive the
// whole program in-process.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
)

// env is what one invocation gets from its caller: the standard streams
// and the baselines the eval command offers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	baselines      []Baseline
}

// A command is one verb of the command line ("stancer NAME ...").
type command struct {
	// name is the word that selects the command.
	name string
	// summary is a one-line description for the command list.
	summary string
	// help is the full text printed by "stancer help NAME" and by the
	// command's -h flag.
	help string
	// run executes the command with the arguments that follow its name.
	run func(ctx context.Context, s env, args []string) error
}

// defaultCommand is the command run when the first argument names none.
const defaultCommand = "run"

// commands returns every command, in the order "stancer help" lists them.
// Adding a command is adding an entry here.
func commands() []command {
	return []command{
		{defaultCommand, "analyse articles and write JSON Lines (the default command)", runHelp, runMain},
		{"eval", "score stancer against labeled articles, beside baselines", evalHelp, evalMain},
		{"train", "fit the entity and stance models on labeled articles", trainHelp, trainMain},
		{"summarize", "count stances in article records by entity, holder, source or date", summarizeHelp, summarizeMain},
		{"report", "write a self-contained HTML report of article records", reportHelp, reportMain},
		{"version", "print the version of stancer", versionHelp, versionMain},
		{"help", "show help for stancer or one of its commands", helpHelp, helpMain},
	}
}

// lookup returns the command called name, or false.
func lookup(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Run executes the stancer command line args (without the program name),
// reading standard input from stdin and writing to stdout and stderr, and
// returns the exit status:
//
//	0    success
//	1    some article failed, or the output could not be written
//	2    usage error, or a file named on the command line cannot be used
//	130  ctx was cancelled (SIGINT or SIGTERM, see NotifyContext)
//
// The first argument selects a command; when it names none, the whole of
// args goes to the "run" command. A lone -h or --help shows the overview;
// after a command's name, it shows the help of that command.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return RunWith(ctx, args, stdin, stdout, stderr, nil)
}

// RunWith is Run with more baselines for the eval command, beside the
// keywords baseline it always offers.
func RunWith(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer, baselines []Baseline) int {
	s := env{stdin: stdin, stdout: stdout, stderr: stderr, baselines: append([]Baseline{keywordsBaseline}, baselines...)}
	cmd, rest := pick(args)
	err := cmd.run(ctx, s, rest)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, cmd.help)
		return exitOK
	}
	return exitStatus(err, stderr)
}

// pick returns the command that args select and the arguments left for it.
func pick(args []string) (command, []string) {
	if len(args) > 0 {
		if isHelpFlag(args[0]) {
			c, _ := lookup("help")
			return c, nil
		}
		if c, ok := lookup(args[0]); ok {
			return c, args[1:]
		}
	}
	c, _ := lookup(defaultCommand)
	return c, args
}

// isHelpFlag reports whether arg asks for help.
func isHelpFlag(arg string) bool {
	return arg == "-h" || arg == "-help" || arg == "--help"
}
