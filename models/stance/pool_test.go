package stance

import (
	"runtime"
	"sync"
	"testing"
)

// TestAnalysisPoolKeeps checks that an idle analysis, and the words it
// remembers, survive garbage collections, which empty a sync.Pool.
func TestAnalysisPoolKeeps(t *testing.T) {
	var p analysisPool
	a := p.get()
	a.memo.words = map[string]word{"backdoor": {stem: 1}}
	p.put(a)
	runtime.GC()
	runtime.GC()
	if got := p.get(); got != a || len(got.memo.words) != 1 {
		t.Errorf("after two collections get returned %p holding %d words, want the idle %p holding 1", got, len(got.memo.words), a)
	}
	if b := p.get(); b == a || b == nil {
		t.Errorf("get on an empty pool returned %p, want a new analysis", b)
	}
}

// TestAnalysisPoolLimit checks that the pool keeps two idle analyses per
// processor and drops the rest, also when goroutines return them at once.
func TestAnalysisPoolLimit(t *testing.T) {
	var p analysisPool
	limit := 2 * runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for range limit + 3 {
		wg.Go(func() { p.put(new(analysis)) })
	}
	wg.Wait()
	if len(p.idle) != limit {
		t.Errorf("%d idle analyses, want %d", len(p.idle), limit)
	}
}

// TestAnalysisPoolDropsLarge checks that the analysis of a very long
// document is not kept, and that of an ordinary one is.
func TestAnalysisPoolDropsLarge(t *testing.T) {
	var p analysisPool
	big, small := p.get(), p.get()
	big.words = make([]word, 0, maxPooledWords+1)
	small.words = make([]word, 0, 1000)
	p.put(big)
	p.put(small)
	if got := p.get(); got != small {
		t.Errorf("get returned %p, want the ordinary analysis %p", got, small)
	}
	if got := p.get(); got == big {
		t.Error("the pool kept the analysis of a very long document")
	}
}
