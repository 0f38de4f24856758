package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/stancer/stancer/pipeline/doc"
)

// MicroTypes are the types that the headline micro-F1 is computed over.
var MicroTypes = []doc.EntityType{doc.Person, doc.Org, doc.App}

// WriteTable writes the reports side by side as an aligned text table: one
// P/R/F1 column group per report, then each report's stance confusion matrix.
func WriteTable(w io.Writer, reports ...*Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-24s", "")
	for _, r := range reports {
		fmt.Fprintf(&b, "  %-20s", r.System)
	}
	fmt.Fprintf(&b, "\n%-24s", "")
	for range reports {
		fmt.Fprintf(&b, "  %6s %6s %6s", "P", "R", "F1")
	}
	b.WriteString("\n")
	prf := func(name string, get func(*Report) Counts) {
		fmt.Fprintf(&b, "%-24s", name)
		for _, r := range reports {
			c := get(r)
			fmt.Fprintf(&b, "  %6.3f %6.3f %6.3f", c.Precision(), c.Recall(), c.F1())
		}
		b.WriteString("\n")
	}
	one := func(name string, get func(*Report) float64) {
		fmt.Fprintf(&b, "%-24s", name)
		for _, r := range reports {
			fmt.Fprintf(&b, "  %6s %6s %6.3f", "", "", get(r))
		}
		b.WriteString("\n")
	}
	for _, t := range doc.EntityTypes {
		prf(string(t), func(r *Report) Counts { return r.Entities[t] })
	}
	prf("micro PERSON/ORG/APP", func(r *Report) Counts { return r.Entities.Micro(MicroTypes...) })
	prf("sentence boundaries", func(r *Report) Counts { return r.Sentences })
	for _, l := range doc.Labels {
		prf("stance "+string(l), func(r *Report) Counts { return r.LabelCounts(l) })
	}
	one("stance accuracy", (*Report).StanceAccuracy)
	one("stance macro-F1", (*Report).MacroF1)
	one("stance F_avg", (*Report).FAvg)
	one("holder accuracy", (*Report).HolderAccuracy)
	for _, r := range reports {
		fmt.Fprintf(&b, "\n%s stance confusion (rows gold, columns predicted; %d articles, %d failed)\n", r.System, r.Articles, r.Failed)
		fmt.Fprintf(&b, "%-10s %8s %8s %8s\n", "", doc.Favor, doc.Against, doc.Neutral)
		for g, l := range doc.Labels {
			fmt.Fprintf(&b, "%-10s %8d %8d %8d\n", l, r.Confusion[g][0], r.Confusion[g][1], r.Confusion[g][2])
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// scores is the JSON form of Counts with its derived measures.
type scores struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func scoresOf(c Counts) scores {
	return scores{c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1()}
}

// jsonReport is the JSON form of a Report.
type jsonReport struct {
	System    string                    `json:"system"`
	Articles  int                       `json:"articles"`
	Failed    int                       `json:"failed"`
	Entities  map[doc.EntityType]scores `json:"entities"`
	Micro     scores                    `json:"micro_person_org_app"`
	Sentences scores                    `json:"sentence_boundaries"`
	Stance    struct {
		Accuracy  float64              `json:"accuracy"`
		MacroF1   float64              `json:"macro_f1"`
		FAvg      float64              `json:"f_avg"`
		PerLabel  map[doc.Label]scores `json:"per_label"`
		Confusion map[doc.Label][3]int `json:"confusion"`
	} `json:"stance"`
	Holder struct {
		Accuracy float64 `json:"accuracy"`
		Right    int     `json:"right"`
		Total    int     `json:"total"`
	} `json:"holder"`
}

// WriteJSON writes the reports as one JSON array, for machines. Confusion
// rows are gold labels; each row's entries are the predicted favor, against
// and neutral counts.
func WriteJSON(w io.Writer, reports ...*Report) error {
	out := make([]jsonReport, 0, len(reports))
	for _, r := range reports {
		j := jsonReport{System: r.System, Articles: r.Articles, Failed: r.Failed,
			Entities: make(map[doc.EntityType]scores), Micro: scoresOf(r.Entities.Micro(MicroTypes...)),
			Sentences: scoresOf(r.Sentences)}
		for _, t := range doc.EntityTypes {
			j.Entities[t] = scoresOf(r.Entities[t])
		}
		j.Stance.Accuracy, j.Stance.MacroF1, j.Stance.FAvg = r.StanceAccuracy(), r.MacroF1(), r.FAvg()
		j.Stance.PerLabel = make(map[doc.Label]scores)
		j.Stance.Confusion = make(map[doc.Label][3]int)
		for g, l := range doc.Labels {
			j.Stance.PerLabel[l] = scoresOf(r.LabelCounts(l))
			j.Stance.Confusion[l] = r.Confusion[g]
		}
		j.Holder.Accuracy, j.Holder.Right, j.Holder.Total = r.HolderAccuracy(), r.HolderRight, r.HolderTotal
		out = append(out, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
