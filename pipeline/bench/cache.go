package bench

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// A Corpus is a generated corpus file.
type Corpus struct {
	// Path names the file.
	Path string
	Stats
}

// Cached returns the corpus of the given size and seed in directory dir,
// generating it there first unless an earlier call did. The file name holds
// the pool's digest, the seed and the size, so a cached file is reused only
// for the same request; it is written under a temporary name and renamed
// when complete, so an interrupted run leaves no partial corpus behind.
// Generating a corpus first removes the cached corpora of other pools: they
// were made from gold files as they no longer are, and would never be read
// again.
func (p *Pool) Cached(dir string, size int64, seed uint64) (Corpus, error) {
	c := Corpus{Path: filepath.Join(dir, fmt.Sprintf("corpus-%s-seed%d-%d.jsonl", p.digest, seed, size))}
	if _, err := os.Stat(c.Path); err == nil {
		c.Stats, err = countLines(c.Path)
		return c, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return c, fmt.Errorf("bench: creating the corpus cache: %w", err)
	}
	if err := p.prune(dir); err != nil {
		return c, err
	}
	f, err := os.CreateTemp(dir, ".corpus-*.tmp")
	if err != nil {
		return c, fmt.Errorf("bench: creating the corpus: %w", err)
	}
	defer os.Remove(f.Name()) // fails harmlessly once renamed
	c.Stats, err = p.Generate(f, size, seed)
	if err == nil {
		// CreateTemp makes the file private; a corpus is not.
		if err = f.Chmod(0o644); err != nil {
			err = fmt.Errorf("bench: writing the corpus: %w", err)
		}
	}
	if cerr := f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("bench: writing the corpus: %w", cerr)
	}
	if err != nil {
		return c, err
	}
	if err := os.Rename(f.Name(), c.Path); err != nil {
		return c, fmt.Errorf("bench: storing the corpus: %w", err)
	}
	return c, nil
}

// prune removes from dir the corpora that Cached made for other pools.
func (p *Pool) prune(dir string) error {
	stale, err := filepath.Glob(filepath.Join(dir, "corpus-*-seed*-*.jsonl"))
	if err != nil {
		return fmt.Errorf("bench: pruning the corpus cache: %w", err)
	}
	for _, path := range stale {
		if strings.HasPrefix(filepath.Base(path), "corpus-"+p.digest+"-") {
			continue
		}
		if err := os.Remove(path); err != nil {
			return fmt.Errorf("bench: pruning the corpus cache: %w", err)
		}
	}
	return nil
}

// countLines returns the size of the file at path and its number of lines.
func countLines(path string) (Stats, error) {
	f, err := os.Open(path)
	if err != nil {
		return Stats{}, fmt.Errorf("bench: reading the cached corpus: %w", err)
	}
	defer f.Close()
	var st Stats
	buf := make([]byte, 1<<20)
	for {
		n, err := f.Read(buf)
		st.Bytes += int64(n)
		st.Articles += bytes.Count(buf[:n], []byte{'\n'})
		if err == io.EOF {
			return st, nil
		}
		if err != nil {
			return st, fmt.Errorf("bench: reading the cached corpus: %w", err)
		}
	}
}
