package input_test

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/stancer/stancer/pipeline/input"
)

// Reading JSON Lines from standard input: bad records come back as docs
// with Err set, in their place.
func ExampleReader() {
	stdin := strings.NewReader(`{"id":"a1","text":"Encryption protects us all."}
{"id":42,"text":"Backdoors weaken everyone's security.","date":"2016-02-17"}

{"text":"An article without id."}
not JSON
`)
	r := input.Open(nil, input.Options{Stdin: stdin})
	defer r.Close()
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		if d.Err != nil {
			fmt.Printf("%d %s: error: %v\n", d.Seq, d.Input, d.Err)
			continue
		}
		fmt.Printf("%d %s: %q\n", d.Seq, d.ID, d.Text)
	}
	// Output:
	// 0 a1: "Encryption protects us all."
	// 1 42: "Backdoors weaken everyone's security."
	// 2 -:4: "An article without id."
	// 3 -:5: error: invalid JSON at byte 2: invalid character 'o' in literal null (expecting 'u')
}

// Reading a directory tree: its files in lexical order, each as JSON
// Lines or as one plain-text article.
func ExampleOpen() {
	r := input.Open([]string{filepath.Join("testdata", "example")}, input.Options{})
	defer r.Close()
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		input := filepath.ToSlash(d.Input)
		if d.Err != nil {
			fmt.Printf("%s: error: %v\n", input, d.Err)
			continue
		}
		fmt.Printf("%s: id %s, %d bytes of text\n", input, filepath.ToSlash(d.ID), len(d.Text))
	}
	// Output:
	// testdata/example/2017/rudd.txt: id testdata/example/2017/rudd.txt, 63 bytes of text
	// testdata/example/feed.jsonl:1: id clipper-1993, 42 bytes of text
	// testdata/example/feed.jsonl:3: error: field "text" is missing
}
