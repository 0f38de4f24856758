package summary

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Format is a file format of summary rows.
type Format string

// The formats of Write.
const (
	// JSONL writes one JSON object per row and line. Its fields, in
	// order: the group's name under the grouping's name ("source",
	// "month", ...); "type" with ByEntity; "articles", "sentences",
	// "favor", "against", "neutral"; "mean", "ci_low", "ci_high" (null
	// when undefined); "first_date", "last_date" (null when no article
	// has a date); "top_holders", an array of {"name", "sentences"}.
	JSONL Format = "jsonl"
	// CSV writes a header line and one line per row, with the columns of
	// JSONL (RFC 4180). Undefined numbers and dates are empty cells, and
	// top_holders reads "Amber Rudd (4); author (2)".
	CSV Format = "csv"
)

// ParseFormat returns the format named s: "jsonl" or "csv".
func ParseFormat(s string) (Format, error) {
	switch f := Format(s); f {
	case JSONL, CSV:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q: want jsonl or csv", s)
}

// Write writes rows, a summary of grouping by, to w in format f. Scores
// are rounded to 4 decimal places.
func Write(w io.Writer, f Format, by By, rows []Row) error {
	cols := columns(by)
	switch f {
	case JSONL:
		return writeJSONL(w, cols, rows)
	case CSV:
		return writeCSV(w, cols, rows)
	}
	return fmt.Errorf("summary: unknown format %q", string(f))
}

// column is one field of a written row.
type column struct {
	name string
	// value returns the field of r: a string ("" for none), an int64, a
	// float64 (NaN for none) or a []HolderCount.
	value func(r *Row) any
}

// columns returns the columns of a summary by by.
func columns(by By) []column {
	cols := []column{{string(by), func(r *Row) any { return r.Name }}}
	if by == ByEntity {
		cols = append(cols, column{"type", func(r *Row) any { return r.Type }})
	}
	return append(cols,
		column{"articles", func(r *Row) any { return r.Articles }},
		column{"sentences", func(r *Row) any { return r.Sentences() }},
		column{"favor", func(r *Row) any { return r.Favor }},
		column{"against", func(r *Row) any { return r.Against }},
		column{"neutral", func(r *Row) any { return r.Neutral }},
		column{"mean", func(r *Row) any { return r.Mean }},
		column{"ci_low", func(r *Row) any { return r.Low }},
		column{"ci_high", func(r *Row) any { return r.High }},
		column{"first_date", func(r *Row) any { return r.First }},
		column{"last_date", func(r *Row) any { return r.Last }},
		column{"top_holders", func(r *Row) any { return r.TopHolders }},
	)
}

// writeJSONL writes rows as JSON Lines.
func writeJSONL(w io.Writer, cols []column, rows []Row) error {
	bw := bufio.NewWriter(w)
	var line []byte
	for i := range rows {
		line = append(line[:0], '{')
		for k, c := range cols {
			if k > 0 {
				line = append(line, ',')
			}
			line = appendJSON(line, c.name)
			line = append(line, ':')
			line = appendJSON(line, jsonValue(c.value(&rows[i])))
		}
		line = append(line, "}\n"...)
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// jsonValue returns v as encoding/json should write it: nil for "" and
// NaN, a float rounded by formatScore, an empty array for no holders.
func jsonValue(v any) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
	case float64:
		if math.IsNaN(v) {
			return nil
		}
		return json.Number(formatScore(v))
	case []HolderCount:
		if v == nil {
			return []HolderCount{}
		}
	}
	return v
}

// appendJSON appends the JSON encoding of v, which cannot fail for the
// values of jsonValue, without escaping '<', '>' and '&'.
func appendJSON(dst []byte, v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(fmt.Sprintf("summary: encoding %T: %v", v, err))
	}
	return append(dst, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
}

// writeCSV writes rows as CSV with a header line.
func writeCSV(w io.Writer, cols []column, rows []Row) error {
	cw := csv.NewWriter(w)
	record := make([]string, len(cols))
	for k, c := range cols {
		record[k] = c.name
	}
	if err := cw.Write(record); err != nil {
		return err
	}
	for i := range rows {
		for k, c := range cols {
			record[k] = csvCell(c.value(&rows[i]))
		}
		if err := cw.Write(record); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvCell returns the text of a CSV cell holding v. Text is made inert for
// spreadsheets (see inert).
func csvCell(v any) string {
	switch v := v.(type) {
	case string:
		return inert(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case float64:
		if math.IsNaN(v) {
			return ""
		}
		return formatScore(v)
	case []HolderCount:
		parts := make([]string, len(v))
		for i, h := range v {
			parts[i] = fmt.Sprintf("%s (%d)", h.Name, h.Sentences)
		}
		return inert(strings.Join(parts, "; "))
	}
	panic(fmt.Sprintf("summary: no CSV form for %T", v))
}

// inert returns text as a spreadsheet shows it but never evaluates it: text
// that starts with '=', '+', '-', '@', a tab or a carriage return, which
// spreadsheet programs read as a formula, gets a leading apostrophe. Names
// come from the articles read, so a crafted "=HYPERLINK(...)" entity must
// not run when a user opens the CSV.
func inert(text string) string {
	if text != "" && strings.ContainsRune("=+-@\t\r", rune(text[0])) {
		return "'" + text
	}
	return text
}

// formatScore formats x rounded to 4 decimal places, in the shortest form
// ("0.25", "-0.1234", "0"; never "-0").
func formatScore(x float64) string {
	r := math.Round(x*1e4) / 1e4
	if r == 0 {
		r = 0 // drops the sign of -0
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
