//! What a question asks for and how well a sentence holds it: the kind of answer wanted (a person,
//! a place, a date, an amount...), and for each candidate sentence whether it holds that thing in the
//! form asked, next to the question's words, or anywhere. `mod.rs` ranks the sentences and assembles
//! the answer from these fits.

use super::TopicWord;
use crate::analyze::tokens::{is_stopword, normalize, stem, tokenize, TokenKind};
use crate::model::{EntityKind, Figure, FigureKind, Mention, Span};
use crate::synth::corpus::{Corpus, Unit};
use crate::synth::variants;
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

/// Content words on each side of a figure that say what it measures.
const NEAR_WORDS: usize = 2;
/// Content words on each side of a name that tie it to the question ("delegation, led by Secretary of
/// State Marco Rubio").
const NAME_REACH: usize = 3;
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

    /// "Where ...?", "In which ...?", "... take place?": where something happened. A city or town
    /// that "hosted" something is where it happened too (a country may have hosted as a party).
    fn locative(&self) -> bool {
        self.has("where")
            || self.pair("in", "which")
            || self.pair("in", "what")
            || self.pair("take", "place")
            // "What city were the talks in?"
            || self.0.last().is_some_and(|w| w == "in" || w == "at")
            || ((self.has("city") || self.has("town")) && self.hosts())
    }

    fn hosts(&self) -> bool {
        HOST_WORDS.iter().any(|w| self.has(w))
    }
}

/// "Hosted" in a locative question only says that something happened in the place asked for; the
/// sources write "held in Riyadh", so the word is no topic to look for.
pub(super) const HOST_WORDS: &[&str] = &["host", "hosts", "hosted", "hosting"];

/// What kind of thing a question asks for, from its wording.
pub fn answer_kind(question: &str) -> AnswerKind {
    let words = QuestionWords::new(question);
    let has = |w: &str| words.has(w);
    let pair = |a: &str, b: &str| words.pair(a, b);
    // "How many days ...?" asks for a duration; "How much water ...?" never does.
    let time_unit = [
        "seconds", "minutes", "hours", "days", "weeks", "months", "years",
    ]
    .iter()
    .any(|u| pair("many", u));
    if pair("how", "long") || time_unit {
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
        || [
            "country", "city", "town", "capital", "place", "venue", "region",
        ]
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
        AnswerKind::Quantity => &[FigureKind::Number, FigureKind::Money, FigureKind::Percent],
        AnswerKind::Duration => &[FigureKind::Duration],
        _ => &[],
    }
}

/// When sentences that answer "how many" or "when" give different figures, the best-ranked of those
/// giving the figure most independent sources give: a figure one outlet disputes is not the answer to
/// lead with (the briefing shows the disagreement), and the date of the talks is given by more
/// sources than the date of their next round. `None` when the candidates agree or there are none.
pub(super) fn most_reported_figure(
    corpus: &Corpus,
    candidates: &[usize],
    kind: AnswerKind,
    topic: &[TopicWord],
) -> Option<usize> {
    let value_key = |f: &Figure| format!("{:?} {:.6e}", f.kind, f.value);
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
fn near_topic(corpus: &Corpus, u: &Unit, span: Span, reach: usize, topic: &[TopicWord]) -> bool {
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
) -> Vec<&'a Figure> {
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
fn sentence_figures<'a>(corpus: &'a Corpus, unit: usize) -> impl Iterator<Item = &'a Figure> + 'a {
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
pub(super) struct PlaceAsked {
    locative: bool,
    city: bool,
}

impl PlaceAsked {
    pub(super) fn of(kind: AnswerKind, question: &str) -> Self {
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
pub(super) enum Fit {
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
pub(super) fn fit(
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
    let near = |span: Span, reach: usize| near_topic(corpus, u, span, reach, topic);
    // A place the question itself names is not what it asks for: in "Who represented Belkania?",
    // "Belkania" answers nothing.
    let asked = |m: &Mention| {
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
                && !(m.kind == EntityKind::Place
                    && (asked(m) || (city && variants::has_demonym(&m.key))))
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
