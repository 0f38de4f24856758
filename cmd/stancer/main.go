// Command stancer reads news articles and writes, as JSON Lines, who each
// one names and where every sentence stands on strong encryption.
//
// Run "stancer help" for usage.
package main

import (
	"context"
	"os"

	"github.com/stancer/stancer/cmd/internal/cli"
)

func main() {
	ctx, stop := cli.NotifyContext(context.Background())
	code := cli.Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
