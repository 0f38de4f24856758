// Package stance holds the sentence stance model of stancer: a two-stage
// multinomial logistic regression, its training, its file format and the
// keyword baseline, with the cue lists and the released model embedded.
//
// # Features
//
// Words are folded to lower case and reduced to their snowball stems
// (github.com/kljensen/snowball); a stem is known by its 64-bit FNV-1a hash,
// and a feature by a hash of its template and stems, so that no string is
// built per token. Each distinct word is stemmed once per goroutine, when
// first seen, and remembered; loading a model stems no word list.
//
// The first stage reads a sentence and who speaks in it: stemmed unigrams
// and bigrams; negation scopes, which run from "not", "no", "never",
// "without", "n't", "cannot" or "nor" over at most five tokens, ending
// early at clause punctuation or "but", and mark the unigrams inside them
// as negated; the cue phrases of favor.txt and against.txt, one feature per
// cue and one per side, marked as negated inside a scope; the classes of
// actors that actors.txt names (governments and police, child protection,
// technology companies, rights advocates and experts), alone and when near
// the verb of saying, so that who speaks counts, and the classes of the
// words of the sentence's Holder (see below), so that a sentence whose
// speaker is named elsewhere ("He said the request was narrow") still
// knows who speaks; a modal verb (must, should, need, ought, have to) and a
// negated one; a verb of saying (speech.txt); quotation, including a
// quotation carried over from the previous sentence; a word of the topic
// (topic.txt: encryption, backdoor, scanning, ...); the headline, a
// paragraph start, a pronoun as first word and a final question mark; and
// the modal, speech, quotation, headline and topic features again for each
// side whose cues the sentence has.
//
// The second stage reads the first stage's probabilities p¹: the
// sentence's own, alone, as log odds against neutral and combined with
// reported speech, quotation, the headline and the writer's voice (with a
// modal verb, an argument, apart); those
// of the previous and next sentences, within and across paragraphs,
// combined with a pronoun as first word or quotation; their mean over the
// rest of the article; in an article with a word of the topic, their mean
// over the other sentences of the same speaker (the sentence's Holder as
// pipeline/holder.Attribute sets it before the stance is known: a person,
// organization or group, followed through pronouns and quotations, or the
// writer's own voice); the article's shares of first-person, of reported
// and of topic sentences; and, in an article without a word of the topic,
// the sentence's own probabilities and log odds again. So "His answer, he
// said, was no." takes the side of the speaker it continues, and a
// charity's call for the government to protect children, in an article
// that never touches encryption, takes no side.
//
// # Model
//
// Each stage is a multinomial logistic regression: for features x it
// gives the logits z_c = b_c + Σ_j W_jc·x_j over c ∈ {favor, against,
// neutral}. The second stage's probabilities are
//
//	P(c | x) = exp(z²_c / T) / Σ_k exp(z²_k / T),
//
// with a temperature T fitted on held-out predictions. A sentence's label is
// argmax_c P(c | x), its score P(favor) − P(against) ∈ [−1, 1], its
// confidence the label's probability, and its cues the words (or, for
// context, a description such as "preceding sentence") that raise the label
// most. Train gives the loss and its gradient, which gonum's L-BFGS
// (gonum.org/v1/gonum/optimize) minimises; the first stage is fitted on
// features scaled by their naive-Bayes log-count ratios (see nbScale), which
// penalises the words that tell the classes apart less than the others.
package stance
