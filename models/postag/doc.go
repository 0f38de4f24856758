// Package postag tags tokenized English sentences with Penn Treebank
// part-of-speech tags.
//
// The tagger reproduces, tag for tag, the averaged-perceptron tagger of prose
// v2 (github.com/jdkato/prose/v2) and uses that library's trained weights, so
// both give the same tags for the same tokens. It differs in speed: the
// weights are converted ahead of time into integer rows reached through a
// single lexicon of the strings that features are keyed by, so that loading
// the tagger takes milliseconds, and tagging a sentence neither builds
// feature strings nor allocates.
//
// The pipeline does not run this tagger on its input: it tags with the
// lexicon of package wordtag, which this tagger's tags on the training
// articles make, at a table lookup per word (see the accuracy each reaches
// on the treebank in TestLexiconTagger).
//
// # Scoring
//
// A token that no shortcut rule tags (see below) receives the label
//
//	argmax_c Σ_f w(f, c)
//
// where f ranges over the features of the token that occur in the model and c
// over the labels of the model. Every weight of prose's model is a multiple of
// 0.001, so the weights are stored exactly as integers in thousandths and the
// sums are exact. The argmax is therefore the one prose computes in floating
// point whenever the maximum is unique. When several labels share the
// maximum, prose's choice depends on Go's randomized map iteration; this
// package deterministically picks the one listed first in prose's class list.
// The scores of three labels share a 64-bit integer, so that one addition
// adds up to three weights (see score.go); the conversion checks that no
// score can outgrow its share.
//
// # Shortcuts
//
// Before scoring, prose tags some tokens by rule, in this order: "-" as "-";
// emoticons as SYM; tokens that contain a web link or an e-mail address, or
// begin with "@", as NN; Penn Treebank empty elements ("0", "*", "*T*-1", ...)
// as -NONE-; bracket codes such as "-LRB-" as themselves; and the words its
// training data tagged nearly always the same way as that tag. This package
// applies the same rules. Note that the link rule covers decimal numbers such
// as "3.50", which prose therefore tags NN.
//
// # Model file
//
// The converted model is the file model.bin, embedded in the package, which
// Default decodes in place. The package's tests generate it (the code is in
// the files gen_*_test.go): they decode prose's assets (gob files), convert
// them deterministically and encode the tables. TestModelFile fails unless the result equals model.bin byte for
// byte, so the file cannot drift from prose's weights; after a change to the
// conversion or to the tables, regenerate the file with
//
//	go test ./models/postag -run '^TestModelFile$' -update
package postag
