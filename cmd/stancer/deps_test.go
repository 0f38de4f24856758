package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestLeanDependencies checks that stancer links none of the packages whose
// initialization would slow every start and that it does not need: prose
// (linked by stancer-eval for its baseline) and net/http.
func TestLeanDependencies(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command to list the dependencies with")
	}
	out, err := exec.Command(goTool, "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		switch {
		case dep == "net/http", strings.HasPrefix(dep, "github.com/jdkato/prose"), strings.HasPrefix(dep, "github.com/mingrammer/commonregex"):
			t.Errorf("stancer links %s", dep)
		}
	}
}
