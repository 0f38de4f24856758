// Package beampipe runs stancer as an Apache Beam pipeline, so that a
// corpus too large for one machine can be analysed on Flink, Spark or
// Dataflow, or on Prism locally.
//
// The pipeline does what "stancer run" does, stage by stage:
//
//	match inputs -> read articles -> reshuffle -> analyse -> write shards
//	                     |                           |  \
//	                     +----- dead letters <-------+   article records -> summaries
//
// Reading uses the stancer input reader itself (package input), so files,
// directories and globs, JSON Lines and plain text, gzip and zstd are read
// exactly as the command line reads them. Analysis uses the same pipeline
// (package pipeline), loaded once per worker process, and the same record
// encoder (package output): the record of an article is byte for byte the
// one "stancer run" writes. Articles that cannot be read or analysed go to
// a dead-letter output in the format of the command line's --errors file.
//
// Summaries fold article records into a summary.Accumulator with a
// CombineFn, so that their rows are those of "stancer summarize".
//
// The counters "read", "written" and "failed" of the namespace Namespace
// count articles as the command line's closing line does; every article
// read is written or failed (see Tally).
package beampipe
