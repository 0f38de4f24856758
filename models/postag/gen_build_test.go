package postag

import (
	"fmt"
	"maps"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode/utf8"
)

// builder converts a proseModel into a Tagger.
//
// Until pack, the spans of the Tagger under construction are not spans of
// its weights but indices in labelRows, 0 standing for the empty row.
type builder struct {
	t            *Tagger
	labelIdx     map[string]int32 // label → index in prose's class order
	labelRows    []labelRow
	labelWeights []labelWeight // the weights of the label rows, row after row
	tagScores    [][]int32     // the tag scores by label index, before packing

	// The lexicon under construction: the key of entry e is keys[e-1], and
	// rows[e] holds the rows of the slot features whose value is that key.
	lex  map[string]int32
	keys []string
	rows [][numSlots]span

	bias     span
	prevTag  map[int32]span // tag → "i-1 tag" row
	prev2Tag map[int32]span // tag → "i-2 tag" row
	tagPair  map[[2]int32]span
	pairs    map[int32][]tagRow // entry → its "i-1 tag+i word" rows
}

// build converts m into a Tagger. It fails if m breaks an assumption the
// Tagger relies on for exactness: weights in whole thousandths, at most
// maxLabels labels, all of them classes and all present in the bias feature
// (so that every label is a candidate for every token, as in prose), and
// scores that stay within ±maxScore (see checkBound). It is
// deterministic: it visits the maps of m in sorted order, so that the same m
// yields the same tables and encode the same model file.
func build(m *proseModel) (*Tagger, error) {
	b := &builder{
		t:         &Tagger{tagIDs: map[string]int32{}, tagNames: []string{""}},
		lex:       map[string]int32{},
		rows:      make([][numSlots]span, 1),
		labelRows: make([]labelRow, 1),
		prevTag:   map[int32]span{},
		prev2Tag:  map[int32]span{},
		tagPair:   map[[2]int32]span{},
		pairs:     map[int32][]tagRow{},
	}
	if err := b.labels(m); err != nil {
		return nil, err
	}
	b.fixedTags()
	for _, key := range slices.Sorted(maps.Keys(m.weights)) {
		if err := b.feature(key, m.weights[key]); err != nil {
			return nil, err
		}
	}
	for _, word := range slices.Sorted(maps.Keys(m.tagDict)) {
		b.entry(word)
	}
	for _, w := range earlyRuleTokens() {
		b.entry(w) // so that the Tagger need only check the late rules
	}
	// Every key, read as a token, needs the entry of its normal form.
	// Normalizing is not idempotent ("!HYPHEN" becomes "!hyphen"), hence
	// the loop over the growing keys.
	for i := 0; i < len(b.keys); i++ {
		b.entry(string(appendNormal(nil, b.keys[i])))
	}
	lex, err := newLexicon(b.keys)
	if err != nil {
		return nil, err
	}
	b.t.lex = lex
	if err := b.entries(m.tagDict); err != nil {
		return nil, err
	}
	b.sumTagScores()
	if err := b.checkBound(); err != nil {
		return nil, err
	}
	if err := b.pack(); err != nil {
		return nil, err
	}
	return b.t, nil
}

// labels numbers the labels: those of the bias feature, in class order.
func (b *builder) labels(m *proseModel) error {
	bias := m.weights[biasKey]
	if len(bias) > maxLabels {
		return fmt.Errorf("postag: model has %d labels, more than %d", len(bias), maxLabels)
	}
	b.labelIdx = map[string]int32{}
	t := b.t
	for _, c := range m.classes {
		if _, dup := b.labelIdx[c]; dup {
			continue
		}
		if _, ok := bias[c]; ok {
			b.labelIdx[c] = int32(len(t.labelTags))
			t.labelTags = append(t.labelTags, b.intern(c))
		}
	}
	if len(t.labelTags) != len(bias) {
		return fmt.Errorf("postag: the bias feature has labels that are not classes")
	}
	return nil
}

// fixedTags numbers the tags of the rules and of the sentence start.
func (b *builder) fixedTags() {
	t := b.t
	t.start, t.start2 = b.intern(startWord), b.intern(start2Word)
	for r := ruleDash; r < numRules; r++ {
		if r != ruleBracket {
			t.ruleTags[r] = b.intern(ruleTag[r])
		}
	}
}

// intern returns the id of the tag s, assigning the next one if s is new.
func (b *builder) intern(s string) int32 {
	t := b.t
	id, ok := t.tagIDs[s]
	if !ok {
		id = int32(len(t.tagNames))
		t.tagIDs[s] = id
		t.tagNames = append(t.tagNames, s)
	}
	return id
}

// entry returns the entry of s, adding one if s is new.
func (b *builder) entry(s string) int32 {
	e, ok := b.lex[s]
	if !ok {
		b.keys = append(b.keys, s)
		b.rows = append(b.rows, [numSlots]span{})
		e = int32(len(b.keys))
		b.lex[s] = e
	}
	return e
}

// feature adds the feature with the given key and weights.
func (b *builder) feature(key string, ws map[string]float64) error {
	if len(ws) == 0 {
		return nil // found or not, it neither scores nor nominates a label
	}
	row, err := b.row(key, ws)
	if err != nil {
		return err
	}
	if key == biasKey {
		b.bias = row
		return nil
	}
	tm, v, ok := parseKey(key)
	if !ok {
		return fmt.Errorf("postag: feature %q has no known template", key)
	}
	switch tm.kind {
	case kindSlot:
		b.rows[b.entry(v)][tm.slot] = row
	case kindPref1:
		// prose keys this feature by string(w[0]): the byte read as a rune.
		if r, size := utf8.DecodeRuneInString(v); size == len(v) && r <= 0xFF {
			b.t.pref1[r] = row
		}
	case kindPrevTag:
		b.prevTag[b.intern(v)] = row
	case kindPrev2Tag:
		b.prev2Tag[b.intern(v)] = row
	case kindTagPair, kindTagWord:
		tag, rest, ok := strings.Cut(v, " ")
		if !ok {
			return fmt.Errorf("postag: feature %q lacks its second value", key)
		}
		if tm.kind == kindTagPair {
			b.tagPair[[2]int32{b.intern(tag), b.intern(rest)}] = row
		} else {
			e := b.entry(rest)
			b.pairs[e] = append(b.pairs[e], tagRow{tag: b.intern(tag), row: row})
		}
	}
	return nil
}

// row appends the weights of the feature key as a new label row.
func (b *builder) row(key string, ws map[string]float64) (span, error) {
	start := len(b.labelWeights)
	for label, w := range ws {
		milli := math.Round(w * 1000)
		if milli/1000 != w || math.Abs(milli) > maxScore {
			return 0, fmt.Errorf("postag: weight %v of feature %q is not a small multiple of 0.001", w, key)
		}
		k, ok := b.labelIdx[label]
		if !ok {
			return 0, fmt.Errorf("postag: feature %q has label %q, which the bias feature lacks", key, label)
		}
		b.labelWeights = append(b.labelWeights, labelWeight{label: k, milli: int32(milli)})
	}
	slices.SortFunc(b.labelWeights[start:], func(x, y labelWeight) int { return int(x.label - y.label) })
	return b.endLabelRow(start), nil
}

// endLabelRow makes the label weights from start on a new label row and
// returns its span.
func (b *builder) endLabelRow(start int) span {
	end := len(b.labelWeights)
	b.labelRows = append(b.labelRows, b.labelWeights[start:end:end])
	return span(len(b.labelRows) - 1)
}

// merge returns a label row whose weights are the sums of those of x and y.
func (b *builder) merge(x, y span) span {
	if x == 0 || y == 0 {
		return x | y
	}
	var sc [maxLabels]int32
	var has [maxLabels]bool
	for _, r := range []span{x, y} {
		for _, lw := range b.labelRows[r] {
			sc[lw.label] += lw.milli
			has[lw.label] = true
		}
	}
	start := len(b.labelWeights)
	for k, ok := range has {
		if ok {
			b.labelWeights = append(b.labelWeights, labelWeight{label: int32(k), milli: sc[k]})
		}
	}
	return b.endLabelRow(start)
}

// entries fills in the entries of the lexicon.
func (b *builder) entries(tagDict map[string]string) error {
	t := b.t
	t.entries = make([]entry, len(b.keys)+1)
	var norm []byte
	for i, s := range b.keys {
		e := int32(i + 1)
		rows, sufRows := &b.rows[e], &b.rows[t.lex.find(suffix(s))]
		asPrev := b.merge(rows[slotPrevWord], sufRows[slotPrevSuffix])
		asNext := b.merge(rows[slotNextWord], sufRows[slotNextSuffix])
		norm = appendNormal(norm[:0], s)
		t.entries[e] = entry{
			ctx: context{
				word:    e,
				asPrev:  asPrev,
				asPrev2: rows[slotPrev2Word],
				asNext:  asNext,
				asNext2: rows[slotNext2Word],
			},
			norm:       t.lex.findBytes(norm),
			fixed:      b.fixedTag(s, tagDict),
			suffix:     sufRows[slotSuffix],
			word:       rows[slotWord],
			prevSuffix: rows[slotPrevSuffix],
			nextSuffix: rows[slotNextSuffix],
		}
	}
	for _, e := range slices.Sorted(maps.Keys(b.pairs)) {
		ps := b.pairs[e]
		t.entries[e].pairLo = int32(len(t.pairs))
		t.pairs = append(t.pairs, ps...)
		t.entries[e].pairHi = int32(len(t.pairs))
	}
	for i, w := range [...]string{startWord, start2Word, endWord, end2Word} {
		t.edges[i] = t.context(t.lex.find(w), []byte(w))
	}
	return nil
}

// fixedTag returns the id of the tag that a shortcut gives the token s, or 0.
func (b *builder) fixedTag(s string, tagDict map[string]string) int32 {
	switch r := ruleOf(s); r {
	case ruleNone:
		if tag, ok := tagDict[s]; ok {
			return b.intern(tag)
		}
		return 0
	case ruleBracket:
		return b.intern(s)
	default:
		return b.t.ruleTags[r]
	}
}

// sumTagScores sums, for every pair of tags, the rows of the features
// keyed by nothing but the two previous tags: bias, "i-1 tag", "i-2 tag"
// and "i tag+i-2 tag". It must run when all tags have their ids.
func (b *builder) sumTagScores() {
	t := b.t
	nt, nl := len(t.tagNames), len(t.labelTags)
	t.numTags = nt
	b.tagScores = make([][]int32, nt*nt)
	for p1 := range int32(nt) {
		for p2 := range int32(nt) {
			sc := make([]int32, nl)
			for _, row := range []span{b.bias, b.prevTag[p1], b.prev2Tag[p2], b.tagPair[[2]int32{p1, p2}]} {
				for _, lw := range b.labelRows[row] {
					sc[lw.label] += lw.milli
				}
			}
			b.tagScores[int(p1)*nt+int(p2)] = sc
		}
	}
}

// newLexicon returns a lexicon of keys, keys[i] having entry i+1, with a
// table of the least power-of-two size above 3/2 the number of keys.
func newLexicon(keys []string) (lexicon, error) {
	if len(keys) >= maxEntries {
		return lexicon{}, fmt.Errorf("postag: model has %d lexicon keys, more than %d", len(keys), maxEntries-1)
	}
	size := uint64(1) << bits.Len(uint(len(keys)*3/2))
	l := lexicon{
		mask:  size - 1,
		slots: make([]lexSlot, size),
		keys:  strings.Join(keys, ""),
		ends:  make([]uint32, 1, len(keys)+1),
	}
	for i, k := range keys {
		l.ends = append(l.ends, l.ends[i]+uint32(len(k)))
		h, pack := hashKey(k)
		j := h & l.mask
		for l.slots[j].info != 0 {
			j = (j + 1) & l.mask
		}
		l.slots[j] = newSlot(k, int32(i+1), h, pack)
	}
	return l, nil
}
