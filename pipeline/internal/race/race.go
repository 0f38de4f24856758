//go:build race

// Package race tells whether the program was built with the race detector,
// for tests whose expectations it changes: with it on, sync.Pool drops
// items at random, so pooled buffers are allocated anew.
package race

// Enabled reports whether the race detector is on.
const Enabled = true
