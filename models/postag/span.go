package postag

// A span locates the row of a feature in Tagger.weights: the row is
// weights[s>>spanLenBits:][:s&spanLenMask]. Each element of a row packs a
// label's score index and the weight, in thousandths, that the feature gives
// the label: weight<<labelBits | index. The zero span is the empty row of
// features absent from the model.
type span uint32

const (
	labelBits   = 6
	maxLabels   = 1 << labelBits
	labelMask   = maxLabels - 1
	spanLenBits = labelBits + 1 // holds lengths up to maxLabels
	spanLenMask = 1<<spanLenBits - 1
)
