package stance

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
)

//go:embed favor.txt against.txt speech.txt actors.txt topic.txt
var lexiconFiles embed.FS

// The sides a cue can stand for, used as indexes; they follow doc.Labels.
const (
	sideFavor   = 0
	sideAgainst = 1
	sideNeutral = 2
)

// maxGap is the most tokens that a "*" in a cue phrase stands for.
const maxGap = 3

// gap marks a "*" among the stems of a cue phrase.
const gap = 0

// A cue is one phrase of a cue list.
type cue struct {
	side  int
	stems []uint64 // stem hashes; gap for "*"
	text  string   // the phrase as written in the list
	id    uint64   // hash of text
}

// A lexicon holds the cue lists and the speech verbs. It is read-only after
// construction and safe for concurrent use.
type lexicon struct {
	cues []cue
	// starts groups the indexes of the cues by the stem of their first
	// word; a word with that stem has word.starts = 1 + the group's index.
	starts [][]int32
	// actorClasses names the classes of actors.txt; class k of a word
	// (see word.actor) is actorClasses[k-1].
	actorClasses []string
	// words analyses tokens with the stems of the speech verbs and the
	// actors.
	words *vocabulary
}

// loadLexicon parses the embedded cue lists and speech verbs. It fails only
// when an embedded file is malformed, which a test rules out.
func loadLexicon() (*lexicon, error) {
	speechStems, err := readStems("speech.txt")
	if err != nil {
		return nil, err
	}
	topicStems, err := readStems("topic.txt")
	if err != nil {
		return nil, err
	}
	lx := &lexicon{}
	group := make(map[uint64]uint16) // word.starts of each stem that starts a cue
	for side, name := range []string{"favor.txt", "against.txt"} {
		phrases, err := readList(name)
		if err != nil {
			return nil, err
		}
		for _, p := range phrases {
			c := cue{side: side, text: p, id: hashString(p)}
			for _, w := range strings.Fields(p) {
				if w == "*" {
					c.stems = append(c.stems, gap)
					continue
				}
				class, _ := wordClass(fold(w))
				c.stems = append(c.stems, hashString(class))
			}
			if c.stems[0] == gap || c.stems[len(c.stems)-1] == gap {
				return nil, fmt.Errorf("%s: %q: a gap must be inside the phrase", name, p)
			}
			g, ok := group[c.stems[0]]
			if !ok {
				if len(lx.starts) == math.MaxUint16 {
					return nil, fmt.Errorf("%s: too many first words", name)
				}
				lx.starts = append(lx.starts, nil)
				g = uint16(len(lx.starts))
				group[c.stems[0]] = g
			}
			lx.starts[g-1] = append(lx.starts[g-1], int32(len(lx.cues)))
			lx.cues = append(lx.cues, c)
		}
	}
	actors, err := lx.readActors()
	if err != nil {
		return nil, err
	}
	lx.words = &vocabulary{speech: speechStems, topic: topicStems, actors: actors, starts: group}
	return lx, nil
}

// readActors parses actors.txt, lines "class: words", into lx.actorClasses
// and returns the class of each word's stem (see word.actor).
func (lx *lexicon) readActors() (map[uint64]uint8, error) {
	lines, err := readList("actors.txt")
	if err != nil {
		return nil, err
	}
	actors := make(map[uint64]uint8)
	for _, line := range lines {
		class, list, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(class) == "" {
			return nil, fmt.Errorf("actors.txt: %q: want \"class: words\"", line)
		}
		class = strings.TrimSpace(class)
		id := slices.Index(lx.actorClasses, class)
		if id < 0 {
			if len(lx.actorClasses) == math.MaxUint8 {
				return nil, errors.New("actors.txt: too many classes")
			}
			lx.actorClasses = append(lx.actorClasses, class)
			id = len(lx.actorClasses) - 1
		}
		for _, w := range strings.Fields(list) {
			stem, _ := wordClass(fold(w))
			if prev, dup := actors[hashString(stem)]; dup && int(prev) != id+1 {
				return nil, fmt.Errorf("actors.txt: %q is in two classes", w)
			}
			actors[hashString(stem)] = uint8(id + 1)
		}
	}
	return actors, nil
}

// readStems returns the set of the stems of the words of an embedded list
// of one word per line.
func readStems(name string) (map[uint64]bool, error) {
	words, err := readList(name)
	if err != nil {
		return nil, err
	}
	stems := make(map[uint64]bool, len(words))
	for _, w := range words {
		if strings.Contains(w, " ") {
			return nil, fmt.Errorf("%s: %q: one word per line", name, w)
		}
		class, _ := wordClass(fold(w))
		stems[hashString(class)] = true
	}
	return stems, nil
}

// readList returns the non-blank, non-comment lines of an embedded list.
func readList(name string) ([]string, error) {
	b, err := lexiconFiles.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			lines = append(lines, line)
		}
	}
	return lines, sc.Err()
}

// match calls found for the cues in the words of one sentence, scanning
// left to right and taking the longest cue that starts at each position;
// matches do not overlap. The cues that may start at a word are those of
// its group, word.starts, found when the word was analysed.
func (lx *lexicon) match(words []word, found func(c int, start, end int)) {
	for i := 0; i < len(words); {
		best, bestEnd := -1, 0
		if g := words[i].starts; g != 0 {
			for _, c := range lx.starts[g-1] {
				if end := matchAt(lx.cues[c].stems, words, i); end > bestEnd {
					best, bestEnd = int(c), end
				}
			}
		}
		if best < 0 {
			i++
			continue
		}
		found(best, i, bestEnd)
		i = bestEnd
	}
}

// matchAt returns the end of the shortest match of pattern in the stems of
// words at position i, or -1. It compares word by word up to the first
// gap, and tries the rest of the pattern after each length of the gap.
func matchAt(pattern []uint64, words []word, i int) int {
	for k, p := range pattern {
		if p == gap {
			for skip := 0; skip <= maxGap && i+skip <= len(words); skip++ {
				if end := matchAt(pattern[k+1:], words, i+skip); end >= 0 {
					return end
				}
			}
			return -1
		}
		if i >= len(words) || words[i].stem != p {
			return -1
		}
		i++
	}
	return i
}
