package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// The exit statuses of the program.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitInterrupted = 130
)

// usageError is a mistake on the command line: the program exits with
// status 2 after the message and a pointer to the help of the command.
type usageError struct {
	cmd string // the command whose help to point at
	err error
}

func (e *usageError) Error() string { return e.err.Error() }

func (e *usageError) Unwrap() error { return e.err }

// usagef returns a usageError of command cmd with a formatted message.
func usagef(cmd, format string, args ...any) error {
	return &usageError{cmd: cmd, err: fmt.Errorf(format, args...)}
}

// exitError ends the program with a given status. Its err, when not nil,
// is printed first; a nil err means that everything worth saying was said.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// exitStatus reports err, the outcome of a command, on stderr and returns
// the exit status it calls for. An error of no known type means a failure
// of the run: status 1.
func exitStatus(err error, stderr io.Writer) int {
	var (
		ue *usageError
		ee *exitError
	)
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "stancer: %s\nRun '%s' for usage.\n", oneLine(ue.err.Error()), helpCommandLine(ue.cmd))
		return exitUsage
	case errors.As(err, &ee):
		if ee.err != nil {
			fmt.Fprintf(stderr, "stancer: %s\n", oneLine(ee.err.Error()))
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "stancer: %s\n", oneLine(err.Error()))
	return exitFailure
}

// helpCommandLine returns the command line that shows the help of cmd.
func helpCommandLine(cmd string) string {
	if cmd == defaultCommand {
		return "stancer --help"
	}
	return "stancer help " + cmd
}

// oneLine returns msg with every line break replaced by a space, so that
// a message takes exactly one line of standard error.
func oneLine(msg string) string {
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(msg)
}
