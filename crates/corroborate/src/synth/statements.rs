//! The statements a question asks for: "What did Lavrov say about NATO?" is about Lavrov's own quoted
//! or reported words, wherever a sentence names him only as "he" or "the foreign minister".

use super::corpus::Corpus;
use crate::analyze::names::resolve_collection;
use crate::analyze::tokens::{normalize, stem, tokenize, TokenKind};
use crate::model::EntityKind;
use rustc_hash::FxHashSet;

/// Stems of verbs that ask what someone said, thought or how they took something.
const SPEECH_WORDS: &[&str] = &[
    "say", "said", "tell", "told", "claim", "describ", "think", "thought", "react", "respond",
    "comment", "warn", "argu", "announc", "call", "view", "feel", "felt", "stanc", "posit",
];

/// Whether a stem asks for what someone said rather than naming a topic.
pub(super) fn is_speech_word(stem: &str) -> bool {
    SPEECH_WORDS.contains(&stem)
}

/// What a question asks someone's statements about, if it does.
#[derive(Default)]
pub(super) struct Asked {
    /// Stems of the speakers' names as the question writes them.
    names: Vec<String>,
    /// Units carrying a quote by one of the speakers, ascending.
    pub(super) units: Vec<usize>,
}

impl Asked {
    /// Whether a question stem frames the request (a speaker's name, "say") rather than its topic.
    pub(super) fn frames(&self, stem: &str) -> bool {
        !self.units.is_empty() && (self.names.iter().any(|n| n == stem) || is_speech_word(stem))
    }
}

/// Who a question asks about by the place of their names: the subject before the verb ("What did
/// Trump say about Zelensky?", "What is Russia's position on NATO?") or the agent after "by" ("What
/// was said by Lavrov?"); a name after "about" or "on" is the topic. A question with neither takes
/// every name but places (a place it names is more often what is talked about).
fn speakers_asked<'a>(
    mentions: &'a [crate::model::Mention],
    toks: &[crate::analyze::tokens::Token],
    verb: usize,
) -> Vec<&'a crate::model::Mention> {
    let verb_at = toks[verb].start as u32;
    let after_by = toks
        .iter()
        .skip(verb + 1)
        .find(|t| t.text.eq_ignore_ascii_case("by"))
        .map(|t| t.end as u32);
    let placed: Vec<&crate::model::Mention> = mentions
        .iter()
        .filter(|m| {
            m.span.end <= verb_at
                || after_by.is_some_and(|b| {
                    m.span.start >= b
                        && toks
                            .iter()
                            .filter(|t| t.start as u32 >= b && (t.end as u32) <= m.span.start)
                            .all(|t| t.kind == TokenKind::Punct || t.text == "the")
                })
        })
        .collect();
    if !placed.is_empty() {
        return placed;
    }
    mentions
        .iter()
        .filter(|m| m.kind != EntityKind::Place)
        .collect()
}

/// The statements a question asks for: the units quoting a person or body the question names, when
/// it asks what they said. Empty when it asks no such thing or the sources quote nobody it names.
pub(super) fn asked(corpus: &Corpus, question: &str) -> Asked {
    let toks = tokenize(question);
    let Some(verb) = toks
        .iter()
        .position(|t| is_speech_word(&stem(&normalize(t.text))))
    else {
        return Asked::default();
    };
    let (_, analysis) = crate::analyze::analyze_text(question, Some("en"));
    let mentions = speakers_asked(&analysis.mentions, &toks, verb);
    if mentions.is_empty() {
        return Asked::default();
    }
    // One alias table for the question and the sources: a bare surname in either takes the full
    // name the sources use, as within a story.
    let aliases = resolve_collection(
        corpus
            .docs
            .iter()
            .flat_map(|d| d.analysis.mentions.iter().map(|m| m.key.as_str()))
            .chain(mentions.iter().map(|m| m.key.as_str())),
    );
    let canonical = |k: &str| aliases.get(k).map(String::as_str).unwrap_or(k).to_string();
    let keys: FxHashSet<String> = mentions.iter().map(|m| canonical(&m.key)).collect();
    let mut said: FxHashSet<(u32, u32)> = FxHashSet::default();
    for (d, doc) in corpus.docs.iter().enumerate() {
        for q in &doc.analysis.quotes {
            let key = q.speaker.as_ref().and_then(|s| s.key.as_deref());
            if key.is_some_and(|k| keys.contains(&canonical(k))) {
                said.insert((d as u32, q.sentence));
            }
        }
    }
    let units: Vec<usize> = (0..corpus.units.len())
        .filter(|&i| said.contains(&(corpus.units[i].doc, corpus.units[i].sentence)))
        .collect();
    // Quote-mark normalisation keeps byte offsets, so a mention's span reads the question itself.
    let names = mentions
        .iter()
        .flat_map(|m| {
            tokenize(
                question
                    .get(m.span.start as usize..m.span.end as usize)
                    .unwrap_or(""),
            )
        })
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| stem(&normalize(t.text)))
        .collect();
    Asked { names, units }
}
