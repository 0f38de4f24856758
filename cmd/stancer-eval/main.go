// Command stancer-eval is "stancer eval" with one more baseline, prose v2
// (--baseline prose), for comparing stancer with the library it builds on:
//
//	stancer-eval --gold testdata/gold/dev.jsonl --baseline prose --baseline keywords
//
// It is a program of its own because linking prose slows the start of
// every stancer run by several milliseconds of package initialization.
// Run "stancer-eval -h" for the flags, which are those of stancer eval.
package main

import (
	"context"
	"os"

	"github.com/stancer/stancer/cmd/internal/cli"
	"github.com/stancer/stancer/pipeline"
	"github.com/stancer/stancer/pipeline/eval"
	"github.com/stancer/stancer/pipeline/eval/prosebaseline"
)

func main() {
	prose := cli.Baseline{Name: "prose", New: func(pipeline.Options) (eval.System, error) {
		return prosebaseline.System{}, nil
	}}
	ctx, stop := cli.NotifyContext(context.Background())
	code := cli.RunWith(ctx, append([]string{"eval"}, os.Args[1:]...), os.Stdin, os.Stdout, os.Stderr, []cli.Baseline{prose})
	stop()
	os.Exit(code)
}
