package beampipe

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.DoFn1x2[[]byte, int, []byte](&shardFn{})
	register.Function1x2[int, int, int](markShard)
	register.DoFn4x1[context.Context, int, func(*int) bool, func(*[]byte) bool, error](&writeShardFn{})
	register.Iter1[int]()
	register.Iter1[[]byte]()
}

// ShardName returns the name of shard i of n of the files prefix:
// "prefix-00002-of-00004.jsonl" for shard 2 of 4.
func ShardName(prefix string, i, n int) string {
	return fmt.Sprintf("%s-%05d-of-%05d.jsonl", prefix, i, n)
}

// shardFn keys each line by its shard, a hash of the line modulo Shards,
// so that a line always goes to the same shard, however often a runner
// retries the step.
type shardFn struct {
	Shards int
}

// ProcessElement returns the shard of line, and line.
func (fn *shardFn) ProcessElement(line []byte) (int, []byte) {
	h := fnv.New64a()
	h.Write(line)
	return int(h.Sum64() % uint64(fn.Shards)), line
}

// markShard keys shard number i by itself, so that every shard is grouped,
// and written, even when no line goes to it.
func markShard(i int) (int, int) { return i, i }

// writeShardFn writes the lines of a shard to its file, replacing any
// file of that name. Their order within the file is the runner's.
type writeShardFn struct {
	Prefix string
	Shards int
}

// ProcessElement writes shard i, whose lines are those of the iterator
// lines; marks holds i itself.
func (fn *writeShardFn) ProcessElement(ctx context.Context, i int, _ func(*int) bool, lines func(*[]byte) bool) error {
	return writeFile(ctx, ShardName(fn.Prefix, i, fn.Shards), func(w io.Writer) error {
		var line []byte
		for lines(&line) {
			if _, err := w.Write(line); err != nil {
				return err
			}
		}
		return nil
	})
}

// writeFile creates the file at path, in any Beam file system, and writes
// it with write through a buffer.
func writeFile(ctx context.Context, path string, write func(io.Writer) error) error {
	fsys, err := filesystem.New(ctx, path)
	if err != nil {
		return err
	}
	defer fsys.Close()
	wc, err := fsys.OpenWrite(ctx, path)
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	bw := bufio.NewWriterSize(wc, 64<<10)
	if err := errors.Join(write(bw), bw.Flush(), wc.Close()); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// writeShards writes lines, a PCollection of byte slices that each end in
// a newline, to the files ShardName(prefix, i, shards) for i from 0 to
// shards-1. Every one of them is written, empty if need be, so that no
// stale shard of an earlier run survives.
func writeShards(s beam.Scope, lines beam.PCollection, prefix string, shards int) {
	ids := make([]int, shards)
	for i := range ids {
		ids[i] = i
	}
	marks := beam.ParDo(s, markShard, beam.CreateList(s, ids))
	keyed := beam.ParDo(s, &shardFn{Shards: shards}, lines)
	beam.ParDo0(s, &writeShardFn{Prefix: prefix, Shards: shards}, beam.CoGroupByKey(s, marks, keyed))
}
