package beampipe

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestExpandPattern(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"b.jsonl", "a.jsonl", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := func(name string) string { return filepath.Join(dir, name) }
	tests := []struct {
		pattern string
		want    []string
	}{
		{in("*.jsonl"), []string{in("a.jsonl"), in("b.jsonl")}},
		{in("[bc].*"), []string{in("b.jsonl"), in("c.txt")}},
		{in("?.txt"), []string{in("c.txt")}},
		{dir, []string{dir}},                               // a directory, walked by the reader
		{in("a.jsonl"), []string{in("a.jsonl")}},           // a file
		{in("none.jsonl"), []string{in("none.jsonl")}},     // a file that does not exist
		{in("none-*.jsonl"), []string{in("none-*.jsonl")}}, // a glob that matches nothing
	}
	for _, tt := range tests {
		var got []string
		if err := expandPattern(context.Background(), tt.pattern, func(p string) { got = append(got, p) }); err != nil {
			t.Errorf("expandPattern(%q): %v", tt.pattern, err)
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("expandPattern(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

func TestCheckPattern(t *testing.T) {
	tests := []struct {
		pattern string
		ok      bool
	}{
		{"dumps/*.jsonl.gz", true},
		{"gs://bucket/2017-??/*.zst", true},
		{"plain.jsonl", true},
		{"dumps/[a-", false},
		{`dumps/\`, false},
	}
	for _, tt := range tests {
		if err := checkPattern(tt.pattern); (err == nil) != tt.ok {
			t.Errorf("checkPattern(%q) = %v, want ok %v", tt.pattern, err, tt.ok)
		}
	}
}
