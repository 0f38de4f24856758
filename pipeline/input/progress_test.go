package input

import (
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

func TestProgress(t *testing.T) {
	files := map[string]string{
		"a.jsonl":    strings.Repeat(`{"text":"some words"}`+"\n", 5000),
		"b.jsonl.gz": gz(strings.Repeat(`{"text":"more words"}`+"\n", 5000)),
		"c/d.txt":    "text",
	}
	dir := fixture(t, files)
	var want int64
	for _, data := range files {
		want += int64(len(data))
	}
	r := Open([]string{dir}, Options{})
	defer r.Close()

	// A progress bar polls from another goroutine while Next runs.
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		last := int64(0)
		for {
			read, total := r.Progress()
			if read < last || total != -1 && total != want {
				t.Errorf("Progress() = %d, %d after %d; want growing to %d", read, total, last, want)
				return
			}
			last = read
			select {
			case <-done:
				return
			default:
			}
		}
	})
	n := len(readAll(t, r))
	close(done)
	wg.Wait()
	<-r.measured
	if read, total := r.Progress(); n != 10001 || read != want || total != want {
		t.Errorf("after %d docs Progress() = %d, %d; want 10001 docs and %d, %d", n, read, total, want, want)
	}
}

func TestProgressOfStandardInput(t *testing.T) {
	r := Open([]string{"-"}, Options{Stdin: strings.NewReader("{\"text\":\"a\"}\n")})
	defer r.Close()
	readAll(t, r)
	<-r.measured
	if read, total := r.Progress(); read != 13 || total != -1 {
		t.Errorf("Progress() = %d, %d; want 13, -1", read, total)
	}
}

func TestClose(t *testing.T) {
	dir := fixture(t, map[string]string{"a.jsonl": "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", "b.jsonl.zst": zst("{\"text\":\"c\"}\n")})
	r := Open([]string{filepath.Join(dir, "b.jsonl.zst"), filepath.Join(dir, "a.jsonl")}, Options{})
	for range 2 {
		if _, err := r.Next(); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Close(); err != nil {
		t.Errorf("Close() = %v", err)
	}
	if r.file != nil {
		t.Error("Close left the input file open")
	}
	if err := r.Close(); err != nil {
		t.Errorf("second Close() = %v", err)
	}
	if d, err := r.Next(); d != nil || err == nil || err == io.EOF {
		t.Errorf("Next after Close = %v, %v; want an error", d, err)
	}
}
