package stance

import (
	"runtime"
	"sync"
)

// An analysisPool keeps analyses between documents for reuse. Unlike a
// sync.Pool it does not empty at garbage collections, so that the words an
// analysis remembers (see memo) are stemmed once per goroutine rather than
// once per collection. It keeps at most two idle analyses per processor
// (GOMAXPROCS) and drops any more. The zero value is ready for use.
type analysisPool struct {
	mu   sync.Mutex
	idle []*analysis
}

// get returns an idle analysis, or a new one when none is idle.
func (p *analysisPool) get() *analysis {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := len(p.idle)
	if n == 0 {
		return new(analysis)
	}
	a := p.idle[n-1]
	p.idle[n-1] = nil
	p.idle = p.idle[:n-1]
	return a
}

// maxPooledWords is the most tokens a document may have for the pool to
// keep its analysis: the buffers of a longer one, hundreds of times the
// size of a news article's, would otherwise hold its memory for the rest
// of the run.
const maxPooledWords = 1 << 16

// put returns a to the pool, which drops it when enough are idle or when
// its buffers have grown past a document of maxPooledWords tokens.
func (p *analysisPool) put(a *analysis) {
	if cap(a.words) > maxPooledWords {
		return
	}
	limit := 2 * runtime.GOMAXPROCS(0)
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.idle) < limit {
		p.idle = append(p.idle, a)
	}
}
