package postag

// A span locates the row of a feature in Tagger.weights: the row is
// weights[s>>spanLenBits:][:s&spanLenMask], a list of at most maxChunks row
// chunks (see chunk). The zero span is the empty row of features absent
// from the model.
type span uint32

const (
	spanLenBits = chunkIndexBits + 1 // holds lengths up to maxChunks
	spanLenMask = 1<<spanLenBits - 1
)
