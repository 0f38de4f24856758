// Package summary condenses stancer's article records into one row per
// group (entity, holder, source, day, month or app): sentence counts by
// stance label, the mean stance score with its 95% confidence interval,
// the number of articles, their first and last dates, and the top holders.
//
// The work is done by an Accumulator, a mergeable summary: records may be
// split among any number of Accumulators, in any way, and merging those
// gives the rows of one Accumulator fed every record. Its JSON form is
// exact, so it can serve as the accumulator of a distributed combine
// (map-reduce, Apache Beam's CombineFn).
//
// Read reads records from files or standard input; Write writes rows as
// JSON Lines or CSV.
package summary
