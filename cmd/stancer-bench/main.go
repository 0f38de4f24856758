// Command stancer-bench measures the stancer binary end to end and prints
// the results as a Markdown table, which it also writes to a file. It is
// what "make bench" runs, from the root of the repository:
//
//	stancer-bench [-bin bin/stancer] [-size default|small] [-seed N]
//	              [-gold 'testdata/gold/*.jsonl'] [-cache bench] [-out bench/results.md]
//
// See package github.com/stancer/stancer/pipeline/bench for what it
// measures.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/stancer/stancer/pipeline/bench"
)

func main() {
	bin := flag.String("bin", "bin/stancer", "the stancer `binary` to measure")
	size := flag.String("size", "default", "corpus sizes: default or small (for a quick try)")
	seed := flag.Uint64("seed", 1, "the `seed` of the generated corpus")
	gold := flag.String("gold", "testdata/gold/*.jsonl", "the gold files the corpus is made from, as a glob `pattern`")
	cache := flag.String("cache", "bench", "the `directory` that keeps generated corpora")
	out := flag.String("out", "bench/results.md", "the `file` the Markdown results are written to")
	flag.Parse()
	if err := run(*bin, *size, *seed, *gold, *cache, *out); err != nil {
		fmt.Fprintln(os.Stderr, "stancer-bench:", err)
		os.Exit(1)
	}
}

// run measures the binary and writes the report to standard output and to
// the file out.
func run(bin, size string, seed uint64, gold, cache, out string) error {
	sizes, err := bench.SizesNamed(size)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(gold)
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no gold file matches %q", gold)
	}
	if _, err := os.Stat(bin); err != nil {
		return fmt.Errorf("the binary to measure: %w", err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	r, err := bench.Run(ctx, bench.Config{Binary: bin, Gold: files, CacheDir: cache, Seed: seed, Sizes: sizes, Log: os.Stderr})
	if err != nil {
		return err
	}
	md := r.Markdown()
	fmt.Print(md)
	if err := os.WriteFile(out, []byte(md), 0o644); err != nil {
		return fmt.Errorf("writing the results: %w", err)
	}
	return nil
}
