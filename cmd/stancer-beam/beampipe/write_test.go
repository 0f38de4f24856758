package beampipe

import (
	"fmt"
	"testing"
)

func TestShardName(t *testing.T) {
	tests := []struct {
		prefix string
		i, n   int
		want   string
	}{
		{"out/records", 0, 1, "out/records-00000-of-00001.jsonl"},
		{"gs://b/run", 2, 4, "gs://b/run-00002-of-00004.jsonl"},
		{"r", 99999, 100000, "r-99999-of-100000.jsonl"},
	}
	for _, tt := range tests {
		if got := ShardName(tt.prefix, tt.i, tt.n); got != tt.want {
			t.Errorf("ShardName(%q, %d, %d) = %q, want %q", tt.prefix, tt.i, tt.n, got, tt.want)
		}
	}
}

// TestShardFn checks that a line always goes to the same shard, in range,
// and that lines spread over every shard.
func TestShardFn(t *testing.T) {
	fn := &shardFn{Shards: 4}
	var counts [4]int
	for i := range 400 {
		line := fmt.Appendf(nil, `{"id":"a%d"}`+"\n", i)
		k, got := fn.ProcessElement(line)
		if k < 0 || k >= 4 {
			t.Fatalf("shard %d of 4", k)
		}
		if again, _ := fn.ProcessElement(line); again != k {
			t.Fatalf("line %q went to shard %d, then %d", line, k, again)
		}
		if string(got) != string(line) {
			t.Fatalf("line %q came back as %q", line, got)
		}
		counts[k]++
	}
	for k, n := range counts {
		if n < 50 {
			t.Errorf("shard %d got %d of 400 lines: %v", k, n, counts)
		}
	}
}
