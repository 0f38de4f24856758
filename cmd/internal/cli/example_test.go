package cli_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/stancer/stancer/cmd/internal/cli"
)

// Run takes its streams as arguments, so a program or a test can drive the
// whole command line in-process.
func ExampleRun() {
	code := cli.Run(context.Background(), []string{"version"}, strings.NewReader(""), os.Stdout, os.Stderr)
	fmt.Println("exit status", code)
	// Output:
	// stancer 0.1.0
	// exit status 0
}

// A mistake on the command line is a usage error: a short message on
// standard error, a pointer to the help, and exit status 2.
func ExampleRun_usageError() {
	code := cli.Run(context.Background(), []string{"--workers", "0", "articles.jsonl"}, strings.NewReader(""), os.Stdout, os.Stdout)
	fmt.Println("exit status", code)
	// Output:
	// stancer: --workers must be at least 1, not 0
	// Run 'stancer --help' for usage.
	// exit status 2
}
