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
use crate::model::{EntityKind, FigureKind};
use serde::Serialize;
use std::collections::HashMap;

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
    /// What someone said: answered from their own statements.
    Statement,
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
/// Content words on each side of a figure that say what it measures.
const NEAR_WORDS: usize = 2;
/// Content words on each side of a name that tie it to the question ("delegation, led by Secretary of
/// State Marco Rubio").
const NAME_REACH: usize = 3;
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

/// The lower-cased words of a question, for telling what it asks.
struct QuestionWords(Vec<String>);

impl QuestionWords {
    fn new(question: &str) -> Self {
        QuestionWords(
            question
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect(),
        )
    }

    fn has(&self, w: &str) -> bool {
        self.0.iter().any(|x| x == w)
    }

    fn pair(&self, a: &str, b: &str) -> bool {
        self.0.windows(2).any(|x| x[0] == a && x[1] == b)
    }

    /// "Where ...?", "In which ...?", "... take place?": where something happened.
    fn locative(&self) -> bool {
        self.has("where")
            || self.pair("in", "which")
            || self.pair("in", "what")
            || self.pair("take", "place")
    }
}

/// What kind of thing a question asks for, from its wording.
pub fn answer_kind(question: &str) -> AnswerKind {
    let words = QuestionWords::new(question);
    let has = |w: &str| words.has(w);
    let pair = |a: &str, b: &str| words.pair(a, b);
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

/// Whether a place question asks where something happened ("Where did the talks take place?", "In
/// which city ...?") rather than which place did something ("Which country hosted the talks?").
pub fn is_locative(question: &str) -> bool {
    QuestionWords::new(question).locative()
}

/// The kinds of figure that answer a question of this kind.
fn amount_kinds(kind: AnswerKind) -> &'static [FigureKind] {
    match kind {
        AnswerKind::Quantity => &[
            FigureKind::Number,
            FigureKind::Money,
            FigureKind::Percent,
            FigureKind::Duration,
        ],
        AnswerKind::Duration => &[FigureKind::Duration],
        _ => &[],
    }
}

/// When sentences that answer "how many" or "when" give different figures, the best-ranked of those
/// giving the figure most independent sources give: a figure one outlet disputes is not the answer to
/// lead with (the briefing shows the disagreement), and the date of the talks is given by more
/// sources than the date of their next round. `None` when the candidates agree or there are none.
fn most_reported_figure(
    corpus: &Corpus,
    candidates: &[usize],
    kind: AnswerKind,
    topic: &[TopicWord],
) -> Option<usize> {
    let value_key = |f: &crate::model::Figure| format!("{:?} {:.6e}", f.kind, f.value);
    let values: Vec<Vec<String>> = candidates
        .iter()
        .map(|&i| {
            let mut v: Vec<String> = if kind == AnswerKind::Date {
                // Any date of the sentence answers "when" (as `fit` takes it).
                sentence_figures(corpus, i)
                    .filter(|f| f.kind == FigureKind::Date)
                    .map(value_key)
                    .collect()
            } else {
                measured(corpus, i, amount_kinds(kind), topic)
                    .into_iter()
                    .map(value_key)
                    .collect()
            };
            v.sort();
            v.dedup();
            v
        })
        .collect();
    let mut sources: HashMap<&str, Vec<u32>> = HashMap::new();
    for (&i, vs) in candidates.iter().zip(&values) {
        let root = corpus.root[corpus.units[i].doc as usize];
        for v in vs {
            let roots = sources.entry(v.as_str()).or_default();
            if !roots.contains(&root) {
                roots.push(root);
            }
        }
    }
    if sources.len() < 2 {
        return None;
    }
    let reach = |vs: &Vec<String>| {
        vs.iter()
            .map(|v| sources[v.as_str()].len())
            .max()
            .unwrap_or(0)
    };
    let best = values.iter().map(reach).max()?;
    candidates
        .iter()
        .zip(&values)
        .find(|(_, vs)| reach(vs) == best)
        .map(|(&i, _)| i)
}

/// Whether a word is one of the question's topic words, in any of its forms.
fn on_topic(corpus: &Corpus, topic: &[TopicWord], w: &str) -> bool {
    corpus
        .stem_id(&stem(&normalize(w)))
        .is_some_and(|id| topic.iter().any(|t| t.ids.contains(&id)))
}

/// Whether a topic word is in a span of a unit's sentence or among the `reach` content words on
/// either side of it.
fn near_topic(
    corpus: &Corpus,
    u: &crate::synth::corpus::Unit,
    span: crate::model::Span,
    reach: usize,
    topic: &[TopicWord],
) -> bool {
    let text = corpus.docs[u.doc as usize].article.text.as_str();
    let content = |t: &str| -> Vec<String> {
        tokenize(t)
            .into_iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| normalize(t.text))
            .filter(|w| !is_stopword(w))
            .collect()
    };
    let hit = |w: &String| on_topic(corpus, topic, w);
    let (s, e) = (span.start as usize, span.end as usize);
    let before = content(text.get(u.span.start as usize..s).unwrap_or(""));
    let after = content(text.get(e..u.span.end as usize).unwrap_or(""));
    let own = content(text.get(s..e).unwrap_or(""));
    own.iter().any(hit)
        || before[before.len().saturating_sub(reach)..].iter().any(hit)
        || after[..after.len().min(reach)].iter().any(hit)
}

/// The figures of a unit's sentence, of the given kinds, that measure something the question names:
/// their unit is a topic word, or one stands next to them.
fn measured<'a>(
    corpus: &'a Corpus,
    unit: usize,
    kinds: &[FigureKind],
    topic: &[TopicWord],
) -> Vec<&'a crate::model::Figure> {
    let u = &corpus.units[unit];
    sentence_figures(corpus, unit)
        .filter(|f| {
            kinds.contains(&f.kind)
                && (f
                    .unit
                    .as_deref()
                    .is_some_and(|w| on_topic(corpus, topic, w))
                    || near_topic(corpus, u, f.span, NEAR_WORDS, topic))
        })
        .collect()
}

/// The figures of a unit's sentence.
fn sentence_figures<'a>(
    corpus: &'a Corpus,
    unit: usize,
) -> impl Iterator<Item = &'a crate::model::Figure> + 'a {
    let u = &corpus.units[unit];
    corpus.docs[u.doc as usize]
        .analysis
        .figures
        .iter()
        .filter(move |f| f.sentence == u.sentence)
}

/// What a place question asks for: where something happened (`is_locative`), and whether a city
/// ("In which city ...?"), which a country is not.
#[derive(Clone, Copy, Default)]
struct PlaceAsked {
    locative: bool,
    city: bool,
}

impl PlaceAsked {
    fn of(kind: AnswerKind, question: &str) -> Self {
        if kind != AnswerKind::Place {
            return PlaceAsked::default();
        }
        let w = QuestionWords::new(question);
        PlaceAsked {
            locative: w.locative(),
            city: w.has("city") || w.has("town"),
        }
    }
}

/// How closely a sentence holds the kind of thing asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// The thing asked for in the very form asked: for "who", a person (not a country or a ministry)
    /// next to the question's words; for "where", a place the sentence puts something in ("held in
    /// Riyadh"), not one it merely names ("the US and Russia").
    Best,
    /// The thing asked for, next to words of the question: "Russia was represented by ... Lavrov".
    Close,
    /// A thing of that kind somewhere in the sentence.
    Loose,
    None,
}

/// How a sentence holds the kind of thing asked for. An amount must measure something the question
/// names ("two years" in a sentence about talks is no answer to how much water a dam holds); a
/// person or place next to the question's words is preferred to one elsewhere in the sentence.
fn fit(
    corpus: &Corpus,
    unit: usize,
    kind: AnswerKind,
    asks: PlaceAsked,
    topic: &[TopicWord],
) -> Fit {
    let PlaceAsked { locative, city } = asks;
    let u = &corpus.units[unit];
    let a = corpus.docs[u.doc as usize].analysis;
    let text = corpus.docs[u.doc as usize].article.text.as_str();
    let on_topic = |w: &str| on_topic(corpus, topic, w);
    let near = |span: crate::model::Span, reach: usize| near_topic(corpus, u, span, reach, topic);
    // A place the question itself names is not what it asks for: in "Who represented Belkania?",
    // "Belkania" answers nothing.
    let asked = |m: &crate::model::Mention| {
        topic
            .iter()
            .any(|t| t.place.as_deref() == Some(m.key.as_str()))
            || tokenize(
                text.get(m.span.start as usize..m.span.end as usize)
                    .unwrap_or(""),
            )
            .iter()
            .any(|t| t.kind == TokenKind::Word && on_topic(&normalize(t.text)))
    };
    let entity = |wanted: &[EntityKind]| {
        let mut found = Fit::None;
        for m in a.mentions.iter().filter(|m| {
            m.sentence == u.sentence
                && wanted.contains(&m.kind)
                && !(m.kind == EntityKind::Place && asked(m))
        }) {
            if near(m.span, NAME_REACH) {
                return Fit::Close;
            }
            found = Fit::Loose;
        }
        found
    };
    let amount = || {
        if measured(corpus, unit, amount_kinds(kind), topic).is_empty() {
            Fit::None
        } else {
            Fit::Close
        }
    };
    match kind {
        // "Who hosted the talks?": a ministry or a country is an answer too ("thanked Saudi Arabia for
        // hosting"), a person next to the words a better one.
        AnswerKind::Person => match entity(&[EntityKind::Person]) {
            Fit::Close => Fit::Best,
            person => match entity(&[EntityKind::Organization]) {
                Fit::Close => Fit::Close,
                org => match (entity(&[EntityKind::Place]), person, org) {
                    (Fit::Close, _, _) => Fit::Close,
                    (_, Fit::Loose, _) | (_, _, Fit::Loose) => Fit::Loose,
                    (place, _, _) => place,
                },
            },
        },
        AnswerKind::Place => {
            let located = locative
                && a.mentions.iter().any(|m| {
                    m.sentence == u.sentence
                        && m.kind == EntityKind::Place
                        && !asked(m)
                        && !(city && variants::has_demonym(&m.key))
                        && after_locative(text.get(u.span.start as usize..m.span.start as usize))
                        && near(m.span, LOCATED_REACH)
                });
            if located {
                Fit::Best
            } else {
                entity(&[EntityKind::Place])
            }
        }
        AnswerKind::Date => {
            if sentence_figures(corpus, unit).any(|f| f.kind == FigureKind::Date) {
                Fit::Close
            } else {
                Fit::None
            }
        }
        AnswerKind::Quantity | AnswerKind::Duration => amount(),
        AnswerKind::Statement | AnswerKind::Description => Fit::Close,
    }
}

/// Prepositions that put something in a place.
const LOCATIVES: &[&str] = &["in", "at", "inside", "outside", "near"];
/// Words that may stand between such a preposition and the place's name: "in the Saudi capital,
/// Riyadh", "at the Diriyah Palace".
const PLACE_NOUNS: &[&str] = &[
    "the", "a", "capital", "city", "town", "village", "port", "resort", "region", "province",
];
/// Content words on each side of a located place that tie it to the question: more than for other
/// names, as a place often ends a long phrase ("a joint press conference with his Turkish
/// counterpart Recep Tayyip Erdogan in Ankara"), but not so many that it reaches across a clause ("At
/// the talks, Russia did not offer concessions, and deemed the deployment of NATO troops in Ukraine").
const LOCATED_REACH: usize = 6;
/// Words before a place's name looked at for a locative preposition.
const LOCATIVE_REACH: usize = 5;

/// Whether the text just before a place's name puts something in it: a locative preposition, then
/// only articles, place nouns and capitalised words ("in the Saudi capital Riyadh").
fn after_locative(before: Option<&str>) -> bool {
    let toks = tokenize(before.unwrap_or(""));
    for t in toks.iter().rev().take(LOCATIVE_REACH) {
        let w = t.text.to_lowercase();
        if LOCATIVES.contains(&w.as_str()) {
            return true;
        }
        let filler = t.text == ","
            || PLACE_NOUNS.contains(&w.as_str())
            || (t.kind == TokenKind::Word && t.text.starts_with(|c: char| c.is_uppercase()));
        if !filler {
            return false;
        }
    }
    false
}

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
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let w = normalize(t.text);
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
