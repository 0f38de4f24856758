package segment

// class says how an abbreviation that ends with a period behaves before the
// next word.
type class uint8

const (
	// title abbreviations stand before a name or a phrase and never end a
	// sentence: Mr. Smith, Gen. Milley, Mt. Fuji, Roe v. Wade, e.g. this.
	title class = iota + 1
	// numbered abbreviations stand before a number: No. 10, p. 55, Vol. 2.
	// Before anything else the period is read as a full stop.
	numbered
	// ambiguous abbreviations often end sentences too: U.S., Inc., Jan., Jr.
	// They end one only before a word that commonly starts a sentence (see
	// starters): "in the U.S. How ..." ends, "the U.S. Senate" does not.
	ambiguous
)

// abbrev is what the splitter knows of one abbreviation.
type abbrev struct {
	class class
	// capital says that the form counts only when written with a capital:
	// "Mass." is Massachusetts, "mass." ends a sentence.
	capital bool
}

// abbreviations maps abbreviations, lowercased and without their final
// period, to what is known of them. Single letters (initials) and dotted
// forms such as "U.S." or "a.m." not listed here are ambiguous.
var abbreviations = table(
	group{title, false, []string{
		// Titles and ranks.
		"mr", "mrs", "ms", "messrs", "mmes", "dr", "prof", "rev", "fr", "hon", "pres",
		"gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cdr",
		"brig", "sen", "sens", "rep", "reps", "gov", "supt", "det", "insp", "amb", "atty",
		"mt", "msgr", "sra", "mme", "mlle",
		// Latin and linking abbreviations that a sentence goes on after.
		"vs", "v", "e.g", "i.e", "cf", "viz", "incl", "esp", "approx",
	}},
	group{numbered, false, []string{
		"no", "nos", "nr", "n°", "p", "pp", "vol", "vols", "fig", "figs", "art", "arts",
		"sec", "ch", "chap", "para", "ex", "op", "tel", "ref", "rs",
	}},
	group{ambiguous, false, []string{
		// Companies and organisations.
		"inc", "corp", "ltd", "co", "cos", "bros", "plc", "assn", "dept", "univ", "govt", "intl",
		// Names and addresses.
		"jr", "sr", "st", "ave", "blvd", "rd",
		// Units and others.
		"etc", "al", "est", "ca", "ft", "yr", "yrs", "hr", "hrs", "mins", "lb", "lbs", "oz", "pct",
	}},
	group{ambiguous, true, []string{
		// Months and days.
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
		// US states, in the forms news agencies use.
		"ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind",
		"kan", "kans", "ky", "la", "mass", "md", "mich", "minn", "miss", "mo", "mont",
		"neb", "nev", "okla", "ore", "pa", "penn", "tenn", "tex", "va", "vt", "wash",
		"wis", "wyo",
	}},
)

// group is a row of the abbreviations table.
type group struct {
	class   class
	capital bool
	words   []string
}

// table builds the abbreviations map from its rows.
func table(groups ...group) map[string]abbrev {
	out := make(map[string]abbrev)
	for _, g := range groups {
		for _, w := range g.words {
			out[w] = abbrev{g.class, g.capital}
		}
	}
	return out
}

// starters are words that often start a sentence and seldom follow an
// abbreviation inside one, lowercased. After an ambiguous abbreviation a
// capitalised starter means the period was also a full stop.
var starters = set(
	"a", "an", "the", "this", "that", "these", "those", "some", "many", "most", "all",
	"both", "each", "every", "no", "not", "such", "other", "another", "few", "several",
	"i", "you", "he", "she", "it", "we", "they", "his", "her", "its", "our", "their",
	"my", "your", "there", "here",
	"but", "and", "or", "so", "yet", "nor", "if", "when", "while", "although",
	"though", "after", "before", "as", "because", "since", "until", "unless", "once",
	"in", "on", "at", "for", "with", "by", "from", "of", "to", "under", "over", "during",
	"how", "what", "why", "where", "who", "which", "whether",
	"did", "do", "does", "is", "are", "was", "were", "has", "have", "had", "will",
	"would", "can", "could", "should", "may", "might", "must",
	"however", "meanwhile", "then", "now", "also", "still", "instead", "indeed",
	"even", "only", "just", "last", "next", "first", "one", "two", "three",
)

// numberLeads are words that a number often follows, lowercased: nouns
// that a number names the instance of ("version 2", "Section 3", "step 4")
// and words of quantity ("rose to 2", "by 5", "than 3"). A list marker
// right after one of them is read as that number, not as a new item.
var numberLeads = set(
	"version", "release", "section", "chapter", "article", "part", "step", "phase",
	"stage", "level", "tier", "page", "paragraph", "clause", "rule", "title",
	"amendment", "annex", "appendix", "schedule", "exhibit", "figure", "table",
	"number", "round", "season", "episode", "volume", "category", "class", "type",
	"option", "question", "grade",
	"to", "by", "from", "than", "of", "at", "about", "around", "over", "under",
	"nearly", "almost", "only", "just", "least", "between", "per",
)

// set returns the set of the given words.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
