//! Answers to a reader's question built only from source sentences, or an honest "the sources do not
//! say".
//!
//! The question's topic words, each with the other forms the sources may write it in (`variants`:
//! "lost" for "lose", "Russian" for "Russia"), are matched against the sentences (BM25 with feedback
//! expansion); a factoid question (who, when, where, how many, how much) must find a sentence holding
//! the kind of thing it asks for (an amount must measure something the question names), which then
//! leads the answer. A question about what someone said ("What did Lavrov say about NATO?") is
//! answered from that speaker's own quoted or reported statements on the topic. An answer is
//! `supported` only when its sentences hold most of the question's topic: words the sources never use
//! count against it, so a question about something the coverage does not mention is not answered from
//! loosely related sentences.

use super::briefing::{clean, Citation, Point};
use super::corpus::Corpus;
use super::corroboration::SourceCorpora;
use super::facts::FactIndex;
use super::query;
use super::statements;
use super::variants;
use super::{summarize, Budget, SummaryOptions};
use crate::analyze::names;
use crate::analyze::tokens::{is_stopword, normalize, stem, tokenize, Token, TokenKind};
use serde::Serialize;

mod fit;
pub use fit::{answer_kind, is_locative, AnswerKind};
use fit::{fit, most_reported_figure, Fit, PlaceAsked};

#[derive(Clone, Debug, Serialize)]
pub struct Answer {
    pub question: String,
    /// The answer: source sentences joined, or the statement that the sources do not say.
    pub answer: String,
    pub supported: bool,
    pub kind: AnswerKind,
    /// Every citation of the answer's sentences.
    pub citations: Vec<Citation>,
    /// The answer's sentences, each with its citations and corroboration.
    pub sentences: Vec<Point>,
    /// Share of the question's topic (IDF-weighted) the answer's sentences hold.
    pub coverage: f32,
}

/// Stems that name the kind of answer wanted ("which country", "take place") rather than its topic:
/// the answer holds a country, not the word "country".
const TYPE_WORDS: &[&str] = &[
    "citi", "countri", "date", "day", "long", "month", "number", "occur", "person", "place",
    "take", "time", "town", "venu", "year",
];

/// Share of the question's topic an answer must hold: a clear majority, set from first principles
/// rather than tuned (no dev set here has unanswerable questions).
pub const COVERAGE_THRESHOLD: f32 = 0.6;
/// Share of a topic word's weight that the lead of the answer's article earns when the answer itself
/// lacks the word.
const CONTEXT_CREDIT: f32 = 0.5;
/// Opening sentences of an article that set the context of the rest.
const LEAD_SENTENCES: u32 = 2;
/// Share of the question's topic a sentence must hold to follow the lead of a descriptive answer.
const FOLLOW_UP_COVERAGE: f32 = 0.5;
/// Share of its words a sentence shares with a chosen one to count as restating it.
const RESTATEMENT_SHARE: f32 = 0.6;
/// Most sentences in an answer.
const MAX_SENTENCES: usize = 3;
/// Budget of the summary behind a descriptive answer.
const DESCRIPTION_WORDS: usize = 90;
/// How many of the best-ranked sentences get their corroboration counted.
const CORROBORATION_CANDIDATES: usize = 30;
/// Rank bonus per independent source that reports the same fact.
const CORROBORATION_WEIGHT: f32 = 0.1;

pub const NOT_ANSWERED: &str = "The sources do not say.";

/// The words of a question worth searching for: its content words, without the words that frame it
/// ("what", "did", "say about"), which match titles like "what they did not" in unrelated stories.
pub fn search_terms(question: &str) -> String {
    let words: Vec<&str> = tokenize(question)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.text)
        .filter(|w| {
            let n = normalize(w);
            let s = stem(&n);
            !is_stopword(&n) && !query::is_question_word(&s) && !statements::is_speech_word(&s)
        })
        .collect();
    if words.is_empty() {
        question.to_string()
    } else {
        words.join(" ")
    }
}

/// A topic word of a question: its stem, and the ids of the stems that count as holding it (its own,
/// if the corpus knows it, first; then its other forms, "lost" for "lose", "Russian" for "Russia").
/// A place the question names ("the US", "American") is also held by any sentence naming that place
/// in any of its forms: "US" is a stop word to the stemmer, and outlets write "Washington" or "the
/// United States" for it.
struct TopicWord {
    stem: String,
    ids: Vec<u32>,
    /// The key of the place this word stands for, and the units (sorted) whose sentence names it.
    place: Option<String>,
    place_units: Vec<u32>,
}

impl TopicWord {
    fn holds(&self, corpus: &Corpus, u: usize) -> bool {
        self.ids
            .iter()
            .any(|s| corpus.units[u].stems.binary_search(s).is_ok())
            || self.place_units.binary_search(&(u as u32)).is_ok()
    }

    /// IDF of the word over the corpus's sentences; words the sources never use weigh `max_idf`.
    fn weight(&self, facts: &FactIndex, units: usize, max_idf: f32) -> f32 {
        match (self.ids.first(), self.place_units.len()) {
            (Some(&s), _) => facts.idf(s),
            (None, 0) => max_idf,
            (None, df) => ((units as f32 + 1.0) / (df as f32 + 0.5)).ln().max(0.05),
        }
    }
}

/// Longest place name the lexicon knows starting at `toks[i]` (up to four words): its length and key.
/// A name is capitalised; a two-letter one ("US") is all capitals, so "us" stays a pronoun.
fn place_at(toks: &[Token], i: usize) -> Option<(usize, String)> {
    let first = toks[i].text;
    if !first.starts_with(|c: char| c.is_uppercase())
        || (first.chars().filter(|c| c.is_alphabetic()).count() <= 2
            && first.chars().any(|c| c.is_lowercase()))
    {
        return None;
    }
    (1..=4.min(toks.len() - i)).rev().find_map(|n| {
        let phrase: Vec<&str> = toks[i..i + n].iter().map(|t| t.text).collect();
        names::known_place_key(&phrase.join(" ")).map(|k| (n, k))
    })
}

/// Units whose sentence names the place with this key.
fn units_naming(corpus: &Corpus, key: &str) -> Vec<u32> {
    let mut at: Vec<(u32, u32)> = Vec::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        at.extend(
            doc.analysis
                .mentions
                .iter()
                .filter(|m| m.key == key)
                .map(|m| (d as u32, m.sentence)),
        );
    }
    at.sort_unstable();
    at.dedup();
    (0..corpus.units.len() as u32)
        .filter(|&u| {
            let unit = &corpus.units[u as usize];
            at.binary_search(&(unit.doc, unit.sentence)).is_ok()
        })
        .collect()
}

/// Topic words of the question (stemmed, question words dropped), known to the corpus or not.
fn topic_words(corpus: &Corpus, question: &str) -> Vec<TopicWord> {
    let toks: Vec<Token> = tokenize(question)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .collect();
    let mut out: Vec<TopicWord> = Vec::new();
    let mut places: Vec<String> = Vec::new();
    let hosted_in = answer_kind(question) == AnswerKind::Place && is_locative(question);
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let w = normalize(t.text);
        if hosted_in && fit::HOST_WORDS.contains(&w.as_str()) {
            i += 1;
            continue;
        }
        let s = stem(&w);
        let named_place = place_at(&toks, i);
        let n = named_place.as_ref().map_or(1, |(n, _)| *n);
        let at = i;
        i += n;
        // A capital inside the question marks a name, which may be a place the sources name by its
        // demonym.
        let proper = at > 0 && t.text.starts_with(|c: char| c.is_uppercase());
        let place = named_place
            .map(|(_, k)| k)
            .or_else(|| proper.then(|| variants::place_of_demonym(&s)).flatten());
        if let Some(key) = &place {
            if places.contains(key) {
                continue;
            }
            places.push(key.clone());
        }
        let single = n == 1 && !is_stopword(&w);
        if place.is_none()
            && (!single
                || query::is_question_word(&s)
                || TYPE_WORDS.contains(&s.as_str())
                || out.iter().any(|x| x.stem == s))
        {
            continue;
        }
        let mut ids: Vec<u32> = Vec::new();
        if single {
            ids.extend(corpus.stem_id(&s));
            ids.extend(variants::other_forms(corpus, &s, proper));
        }
        let place_units = place
            .as_deref()
            .map(|k| units_naming(corpus, k))
            .unwrap_or_default();
        out.push(TopicWord {
            stem: if single {
                s
            } else {
                place.clone().unwrap_or(s)
            },
            ids,
            place,
            place_units,
        });
    }
    out
}

/// Share of the topic's weight the given sentences hold. Unknown words weigh like the rarest words.
/// With `in_context`, a word missing from the sentences but held by the lead of their article counts
/// for `CONTEXT_CREDIT` of its weight: "the talks, which lasted for over four hours" answers how long
/// the talks in Riyadh lasted when its article opens with the talks in Riyadh.
fn coverage<W: std::borrow::Borrow<TopicWord>>(
    corpus: &Corpus,
    facts: &FactIndex,
    topic: &[W],
    units: &[usize],
    in_context: bool,
) -> f32 {
    let max_idf = (corpus.units.len() as f32 + 1.0).ln().max(1.0);
    let mut total = 0.0;
    let mut held = 0.0;
    for word in topic {
        let word = word.borrow();
        let w = word.weight(facts, corpus.units.len(), max_idf);
        total += w;
        let holds = |u: usize| word.holds(corpus, u);
        if units.iter().any(|&u| holds(u)) {
            held += w;
        } else if in_context
            && units
                .iter()
                .any(|&u| lead_of(corpus, corpus.units[u].doc).any(holds))
        {
            held += CONTEXT_CREDIT * w;
        }
    }
    if total <= 0.0 {
        0.0
    } else {
        held / total
    }
}

/// The lead sentences (units) of a document: what its other sentences are read against.
fn lead_of<'a>(corpus: &'a Corpus<'_>, doc: u32) -> impl Iterator<Item = usize> + 'a {
    let first = corpus.units.partition_point(|u| u.doc < doc);
    (first..corpus.units.len())
        .take_while(move |&i| corpus.units[i].doc == doc)
        .filter(move |&i| corpus.units[i].position < LEAD_SENTENCES && !corpus.units[i].furniture)
}

/// Answer a question from the corpus's sentences.
pub fn answer(corpus: &Corpus, question: &str) -> Answer {
    let kind = answer_kind(question);
    let asks = PlaceAsked::of(kind, question);
    let facts = FactIndex::new(corpus);
    let topic = topic_words(corpus, question);
    let unanswered = |coverage: f32| Answer {
        question: question.to_string(),
        answer: NOT_ANSWERED.to_string(),
        supported: false,
        kind,
        citations: Vec::new(),
        sentences: Vec::new(),
        coverage,
    };
    let known: Vec<u32> = topic.iter().flat_map(|w| w.ids.iter().copied()).collect();
    let Some(rel) = query::relevance_of_stems(corpus, &known, 5) else {
        return unanswered(0.0);
    };
    let mut ranked: Vec<usize> = (0..corpus.units.len())
        .filter(|&i| rel[i] > 0.0 && !corpus.units[i].furniture && !corpus.units[i].fragment)
        .filter(|&i| !corpus.text(&corpus.units[i]).trim_end().ends_with('?'))
        .collect();
    // Rank by relevance plus how much of the topic a sentence holds on its own, and, among the best
    // candidates, by how many sources report it.
    let own: Vec<f32> = ranked
        .iter()
        .map(|&i| coverage(corpus, &facts, &topic, &[i], true))
        .collect();
    let base = |k: usize| rel[ranked[k]] + own[k];
    let mut order: Vec<usize> = (0..ranked.len()).collect();
    order.sort_by(|&a, &b| base(b).total_cmp(&base(a)).then(a.cmp(&b)));
    let mut corroborated = vec![0.0f32; ranked.len()];
    for &k in order.iter().take(CORROBORATION_CANDIDATES) {
        corroborated[k] = facts.support(corpus, ranked[k]).len() as f32;
    }
    let score = |k: usize| base(k) + CORROBORATION_WEIGHT * corroborated[k];
    let mut order: Vec<usize> = (0..ranked.len()).collect();
    order.sort_by(|&a, &b| score(b).total_cmp(&score(a)).then(a.cmp(&b)));
    let own_of: Vec<f32> = order.iter().map(|&k| own[k]).collect();
    ranked = order.iter().map(|&k| ranked[k]).collect();
    // The best-ranked sentence holding the thing asked for next to the question's words, else
    // the best holding it anywhere.
    let fits: Vec<Fit> = ranked
        .iter()
        .map(|&i| fit(corpus, i, kind, asks, &topic))
        .collect();
    // A sentence that holds the question's topic itself is preferred to a better-ranked one that
    // does not: the latter would only be refused.
    let pick = |holds_topic: bool| {
        [Fit::Best, Fit::Close, Fit::Loose]
            .into_iter()
            .find_map(|wanted| {
                ranked
                    .iter()
                    .zip(&fits)
                    .zip(&own_of)
                    .find(|((_, &f), &c)| f == wanted && (!holds_topic || c >= COVERAGE_THRESHOLD))
                    .map(|((&i, _), _)| i)
            })
    };
    let Some(mut lead) = pick(true).or_else(|| pick(false)) else {
        return unanswered(0.0);
    };
    if matches!(
        kind,
        AnswerKind::Quantity | AnswerKind::Duration | AnswerKind::Date
    ) {
        let candidates: Vec<usize> = ranked
            .iter()
            .zip(&fits)
            .zip(&own_of)
            .filter(|((_, &f), &c)| f == Fit::Close && c >= COVERAGE_THRESHOLD)
            .map(|((&i, _), _)| i)
            .collect();
        if let Some(i) = most_reported_figure(corpus, &candidates, kind, &topic) {
            lead = i;
        }
    }
    // "What did X say about Y?": X's own statements, the most relevant first. When the sources
    // quote X on nothing relevant, the question is answered like any other.
    let asked = statements::asked(corpus, question);
    // What the question asks them about: a statement's attribution names its speaker even where the
    // sentence says "he said".
    let about: Vec<&TopicWord> = topic.iter().filter(|w| !asked.frames(&w.stem)).collect();
    let on_topic =
        |u: usize| about.is_empty() || coverage(corpus, &facts, &about, &[u], false) > 0.0;
    let mut statements: Vec<usize> = Vec::new();
    for &u in ranked
        .iter()
        .filter(|&&u| asked.units.binary_search(&u).is_ok() && on_topic(u))
    {
        if statements.len() < MAX_SENTENCES && !repeats(corpus, &statements, u) {
            statements.push(u);
        }
    }
    // A factoid about a statement ("When did Rubio say ...?") still wants the date, not the quote.
    let by_speaker = kind == AnswerKind::Description && !statements.is_empty();
    let kind = if by_speaker {
        AnswerKind::Statement
    } else {
        kind
    };
    let chosen = if by_speaker {
        statements
    } else if kind == AnswerKind::Description {
        describe(corpus, question, lead, |i| {
            coverage(corpus, &facts, &topic, &[i], false) >= FOLLOW_UP_COVERAGE
        })
    } else {
        // A factoid answer is the sentence that holds it; other sources reporting the same fact are
        // among its citations.
        vec![lead]
    };
    let cov = match (by_speaker, about.is_empty()) {
        (true, true) => 1.0,
        (true, false) => coverage(corpus, &facts, &about, &chosen, true),
        (false, _) => coverage(corpus, &facts, &topic, &chosen, true),
    };
    if cov < COVERAGE_THRESHOLD {
        return unanswered(cov);
    }
    let sources = SourceCorpora::new(corpus);
    let corroborator = sources.corroborator();
    let sentences: Vec<Point> = chosen
        .iter()
        .map(|&i| corroborator.point(corpus, &facts.support(corpus, i), i))
        .collect();
    let mut citations: Vec<Citation> = Vec::new();
    for p in &sentences {
        for c in &p.citations {
            if !citations.contains(c) {
                citations.push(c.clone());
            }
        }
    }
    Answer {
        question: question.to_string(),
        answer: sentences
            .iter()
            .map(|p| clean(&p.text))
            .collect::<Vec<_>>()
            .join(" "),
        supported: true,
        kind,
        citations,
        sentences,
        coverage: cov,
    }
}

/// Whether most of a sentence's words are already in one of the chosen (a wire copy, a restatement):
/// the summary's own test, at its share.
fn repeats(corpus: &Corpus, chosen: &[usize], u: usize) -> bool {
    chosen
        .iter()
        .any(|&c| super::select::repeats(&corpus.units[u], &corpus.units[c], RESTATEMENT_SHARE))
}

/// A description: the most relevant sentence, then what a short query-focused summary adds about the
/// question itself (sentences that hold at least `FOLLOW_UP_COVERAGE` of its topic; a summary's
/// central sentences about the story at large answer nothing that was asked).
fn describe(
    corpus: &Corpus,
    question: &str,
    lead: usize,
    on_topic: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let picked = summarize(
        corpus,
        &SummaryOptions {
            budget: Budget::Words(DESCRIPTION_WORDS),
            query: Some(question.to_string()),
            ..SummaryOptions::default()
        },
    );
    let mut chosen = vec![lead];
    chosen.extend(
        picked
            .into_iter()
            .filter(|&i| i != lead && on_topic(i) && !repeats(corpus, &[lead], i)),
    );
    chosen.truncate(MAX_SENTENCES);
    chosen
}
