package output

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stancer/stancer/pipeline/doc"
)

func TestWriter(t *testing.T) {
	for _, emit := range []Emit{Articles, Sentences, Entities} {
		var out bytes.Buffer
		w := NewWriter(&out, emit, testMeta)
		bad := fixture()
		bad.Stance.Label = ""
		for _, d := range []*doc.Doc{fixture(), bad, emptyDoc(), fixture()} {
			err := w.Write(d)
			if (err != nil) != (d == bad) {
				t.Errorf("%s: Write of %q: error %v", emit, d.ID, err)
			}
		}
		if out.Len() != 0 {
			t.Errorf("%s: %d bytes written before Flush", emit, out.Len())
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		one, err := NewEncoder(emit, testMeta).Append(nil, fixture())
		if err != nil {
			t.Fatal(err)
		}
		empty, err := NewEncoder(emit, testMeta).Append(nil, emptyDoc())
		if err != nil {
			t.Fatal(err)
		}
		if want := string(one) + string(empty) + string(one); out.String() != want {
			t.Errorf("%s: wrote\n%s\nwant\n%s", emit, out.String(), want)
		}
	}
}

func TestErrorWriter(t *testing.T) {
	var out bytes.Buffer
	w := NewErrorWriter(&out)
	if err := w.Write(fixture()); err == nil {
		t.Error("Write of an article that did not fail: no error")
	}
	for range 2 {
		if err := w.Write(failedFixture()); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rec, err := AppendError(nil, failedFixture())
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat(string(rec), 2); out.String() != want {
		t.Errorf("wrote\n%s\nwant\n%s", out.String(), want)
	}
}

// failWriter fails every write.
type failWriter struct{}

var errDiskFull = errors.New("disk full")

func (failWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriterIOError(t *testing.T) {
	w := NewWriter(failWriter{}, Articles, testMeta)
	// A record larger than the buffer reaches the underlying writer at once.
	err := w.Write(buildDoc(300))
	if !errors.Is(err, errDiskFull) {
		t.Errorf("Write of a large article: error %v, want %v", err, errDiskFull)
	}
	if err := w.Flush(); !errors.Is(err, errDiskFull) {
		t.Errorf("Flush: error %v, want %v", err, errDiskFull)
	}

	ew := NewErrorWriter(failWriter{})
	if err := ew.Write(failedFixture()); err != nil {
		t.Fatalf("buffered Write: %v", err)
	}
	if err := ew.Flush(); !errors.Is(err, errDiskFull) {
		t.Errorf("ErrorWriter.Flush: error %v, want %v", err, errDiskFull)
	}
}
