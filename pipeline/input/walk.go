package input

import (
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
)

// walker lists the inputs named by a list of paths in reading order:
// "-" as standard input, files as they are, and directories depth first,
// each directory's entries in lexical order. It holds one listing per
// directory being walked, never the whole tree.
type walker struct {
	roots []string   // paths not yet started
	dirs  []dirFrame // directories being walked, innermost last
}

// dirFrame is a directory being walked.
type dirFrame struct {
	path  string
	info  fs.FileInfo
	names []string // entries not yet visited
}

// entry is one input found by a walker.
type entry struct {
	path  string
	stdin bool
	info  fs.FileInfo // nil for standard input and on error
	err   error       // why the path cannot be read
}

// newWalker returns a walker of paths; no paths means standard input.
func newWalker(paths []string) walker {
	if len(paths) == 0 {
		paths = []string{"-"}
	}
	return walker{roots: slices.Clone(paths)}
}

// next returns the next input, or false when there are no more.
func (w *walker) next() (entry, bool) {
	for {
		if n := len(w.dirs); n > 0 {
			top := &w.dirs[n-1]
			if len(top.names) == 0 {
				w.dirs = w.dirs[:n-1]
				continue
			}
			p := joinPath(top.path, top.names[0])
			top.names = top.names[1:]
			if e, ok := w.visit(p, false); ok {
				return e, true
			}
			continue
		}
		if len(w.roots) == 0 {
			return entry{}, false
		}
		p := w.roots[0]
		w.roots = w.roots[1:]
		if p == "-" {
			return entry{path: p, stdin: true}, true
		}
		if e, ok := w.visit(p, true); ok {
			return e, true
		}
	}
}

// visit looks at path p, entering it if it is a directory. It returns the
// entry to report for p, if any: a file to read or an error. Below the
// roots only regular files are read; a root may be any file but a
// directory, a named pipe for instance.
func (w *walker) visit(p string, root bool) (entry, bool) {
	info, err := os.Stat(p)
	switch {
	case err != nil:
		return entry{path: p, err: err}, true
	case info.IsDir():
		return w.enter(p, info)
	case root || info.Mode().IsRegular():
		return entry{path: p, info: info}, true
	}
	return entry{}, false
}

// enter starts walking directory p. It returns an entry to report when p
// cannot be listed completely or is one of the directories it is inside of
// (through a symbolic link); the entries it could list are walked anyway.
func (w *walker) enter(p string, info fs.FileInfo) (entry, bool) {
	for _, d := range w.dirs {
		if os.SameFile(d.info, info) {
			return entry{path: p, err: fmt.Errorf("directory loop: same directory as %s", d.path)}, true
		}
	}
	names, err := listDir(p)
	w.dirs = append(w.dirs, dirFrame{path: p, info: info, names: names})
	if err != nil {
		return entry{path: p, err: err}, true
	}
	return entry{}, false
}

// listDir returns the names in directory p that do not start with '.', in
// lexical order, and the error that stopped the listing, if any.
func listDir(p string) ([]string, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	names = slices.DeleteFunc(names, func(n string) bool { return strings.HasPrefix(n, ".") })
	slices.Sort(names)
	return names, err
}

// joinPath returns the path of entry name in directory dir, keeping dir
// as given so that ids keep the form the user typed.
func joinPath(dir, name string) string {
	if os.IsPathSeparator(dir[len(dir)-1]) {
		return dir + name
	}
	return dir + string(os.PathSeparator) + name
}

// totalSize returns the total size of the inputs named by paths, or -1 if
// one of them is standard input or not a regular file, or if stop is
// closed first. Inputs that cannot be read count as empty.
func totalSize(paths []string, stop <-chan struct{}) int64 {
	w := newWalker(paths)
	var sum int64
	for {
		select {
		case <-stop:
			return -1
		default:
		}
		e, ok := w.next()
		switch {
		case !ok:
			return sum
		case e.err != nil:
		case e.stdin || !e.info.Mode().IsRegular():
			return -1
		default:
			sum += e.info.Size()
		}
	}
}
