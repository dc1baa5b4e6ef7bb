//! Answers to a reader's question built only from source sentences, or an honest "the sources do not
//! say".
//!
//! The question's topic words are matched against the sentences (BM25 with feedback expansion); a
//! factoid question (who, when, where, how many, how much) must find a sentence holding the kind of
//! thing it asks for, which then leads the answer. An answer is `supported` only when its sentences
//! hold most of the question's topic: words the sources never use count against it, so a question
//! about something the coverage does not mention is not answered from loosely related sentences.

use super::briefing::{clean, Citation, Point};
use super::corpus::Corpus;
use super::corroboration::SourceCorpora;
use super::facts::FactIndex;
use super::query;
use super::{summarize, Budget, SummaryOptions};
use crate::analyze::tokens::{is_stopword, normalize, stem, tokenize, TokenKind};
use crate::model::{EntityKind, FigureKind};
use serde::Serialize;

/// What a question asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    Person,
    Place,
    Date,
    Quantity,
    /// How long something lasted.
    Duration,
    /// Anything else: an event, a reason, a description.
    Description,
}

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
    "take", "time", "venu", "year",
];

/// Share of the question's topic an answer must hold: a clear majority, set from first principles
/// rather than tuned (no dev set here has unanswerable questions).
pub const COVERAGE_THRESHOLD: f32 = 0.6;
/// Most sentences in an answer.
const MAX_SENTENCES: usize = 3;
/// Budget of the summary behind a descriptive answer.
const DESCRIPTION_WORDS: usize = 90;
/// How many of the best-ranked sentences get their corroboration counted.
const CORROBORATION_CANDIDATES: usize = 30;
/// Rank bonus per independent source that reports the same fact.
const CORROBORATION_WEIGHT: f32 = 0.1;

pub const NOT_ANSWERED: &str = "The sources do not say.";

/// What kind of thing a question asks for, from its wording.
pub fn answer_kind(question: &str) -> AnswerKind {
    let q = question.to_lowercase();
    let words: Vec<&str> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let pair = |a: &str, b: &str| words.windows(2).any(|x| x[0] == a && x[1] == b);
    if pair("how", "long") {
        return AnswerKind::Duration;
    }
    if pair("how", "many")
        || pair("how", "much")
        || has("percentage")
        || has("rating")
        || has("number")
        || has("amount")
        || has("figure")
        || has("toll")
    {
        return AnswerKind::Quantity;
    }
    if has("when") || pair("what", "date") || pair("what", "day") || pair("what", "year") {
        return AnswerKind::Date;
    }
    if has("where")
        || ["country", "city", "capital", "place", "venue", "region"]
            .iter()
            .any(|w| pair("which", w) || pair("what", w))
    {
        return AnswerKind::Place;
    }
    if has("who") || has("whom") || has("whose") {
        return AnswerKind::Person;
    }
    AnswerKind::Description
}

/// Whether a sentence holds the kind of thing asked for.
fn holds_kind(corpus: &Corpus, unit: usize, kind: AnswerKind) -> bool {
    let u = &corpus.units[unit];
    let a = corpus.docs[u.doc as usize].analysis;
    let mentions = || a.mentions.iter().filter(|m| m.sentence == u.sentence);
    let figures = || a.figures.iter().filter(|f| f.sentence == u.sentence);
    match kind {
        AnswerKind::Person => mentions().any(|m| m.kind == EntityKind::Person),
        AnswerKind::Place => mentions().any(|m| m.kind == EntityKind::Place),
        AnswerKind::Date => figures().any(|f| f.kind == FigureKind::Date),
        AnswerKind::Quantity => figures().any(|f| {
            matches!(
                f.kind,
                FigureKind::Number | FigureKind::Money | FigureKind::Percent | FigureKind::Duration
            )
        }),
        AnswerKind::Duration => figures().any(|f| f.kind == FigureKind::Duration),
        AnswerKind::Description => true,
    }
}

/// Topic words of the question (stemmed, question words dropped), known to the corpus or not.
fn topic_words(corpus: &Corpus, question: &str) -> Vec<(String, Option<u32>)> {
    let mut out: Vec<(String, Option<u32>)> = Vec::new();
    for t in tokenize(question) {
        if t.kind == TokenKind::Punct {
            continue;
        }
        let w = normalize(t.text);
        if is_stopword(&w) {
            continue;
        }
        let s = stem(&w);
        if query::is_question_word(&s)
            || TYPE_WORDS.contains(&s.as_str())
            || out.iter().any(|(x, _)| *x == s)
        {
            continue;
        }
        let id = corpus.stem_id(&s);
        out.push((s, id));
    }
    out
}

/// Share of the topic's weight the given sentences hold. Unknown words weigh like the rarest words.
fn coverage(
    corpus: &Corpus,
    facts: &FactIndex,
    topic: &[(String, Option<u32>)],
    units: &[usize],
) -> f32 {
    let max_idf = (corpus.units.len() as f32 + 1.0).ln().max(1.0);
    let mut total = 0.0;
    let mut held = 0.0;
    for (_, id) in topic {
        let w = id.map_or(max_idf, |s| facts.idf(s));
        total += w;
        if let Some(s) = id {
            if units
                .iter()
                .any(|&u| corpus.units[u].stems.binary_search(s).is_ok())
            {
                held += w;
            }
        }
    }
    if total <= 0.0 {
        0.0
    } else {
        held / total
    }
}

/// Answer a question from the corpus's sentences.
pub fn answer(corpus: &Corpus, question: &str) -> Answer {
    let kind = answer_kind(question);
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
    let known: Vec<u32> = topic.iter().filter_map(|(_, id)| *id).collect();
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
        .map(|&i| coverage(corpus, &facts, &topic, &[i]))
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
    ranked = order.iter().map(|&k| ranked[k]).collect();
    let Some(lead) = ranked
        .iter()
        .copied()
        .find(|&i| holds_kind(corpus, i, kind))
    else {
        return unanswered(0.0);
    };
    let chosen = if kind == AnswerKind::Description {
        describe(corpus, question, lead)
    } else {
        // A factoid answer is the sentence that holds it; other sources reporting the same fact are
        // among its citations.
        vec![lead]
    };
    let cov = coverage(corpus, &facts, &topic, &chosen);
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

/// A description: the most relevant sentence, then a short query-focused summary of what else the
/// sources say about it.
fn describe(corpus: &Corpus, question: &str, lead: usize) -> Vec<usize> {
    let picked = summarize(
        corpus,
        &SummaryOptions {
            budget: Budget::Words(DESCRIPTION_WORDS),
            query: Some(question.to_string()),
            ..SummaryOptions::default()
        },
    );
    let mut chosen = vec![lead];
    chosen.extend(picked.into_iter().filter(|&i| i != lead));
    chosen.truncate(MAX_SENTENCES);
    chosen
}
