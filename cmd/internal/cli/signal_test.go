package cli

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

func TestCancelableReaderPassesData(t *testing.T) {
	want := strings.Repeat("encryption ", 10000)
	got, err := io.ReadAll(newCancelableReader(context.Background(), strings.NewReader(want)))
	if err != nil || string(got) != want {
		t.Errorf("read %d bytes, %v; want %d bytes", len(got), err, len(want))
	}
}

func TestCancelableReaderStopsBlockedRead(t *testing.T) {
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cr := newCancelableReader(ctx, r)
	go func() { io.WriteString(w, "first") }()
	buf := make([]byte, 16)
	if n, err := cr.Read(buf); err != nil || string(buf[:n]) != "first" {
		t.Fatalf("Read = %q, %v; want \"first\"", buf[:n], err)
	}
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	if _, err := cr.Read(buf); !errors.Is(err, context.Canceled) {
		t.Errorf("blocked Read returned %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("blocked Read took %v to stop", d)
	}
	if _, err := cr.Read(buf); !errors.Is(err, context.Canceled) {
		t.Errorf("Read after cancellation returned %v, want context.Canceled", err)
	}
}
