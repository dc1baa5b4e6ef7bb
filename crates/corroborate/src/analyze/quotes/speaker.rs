//! Who a quote is attributed to: the noun phrase next to a cue, pronouns and role phrases ("he", "the
//! minister") resolved to the most recent compatible person, bare labels matched to a named person.

use super::{speech, QuoteInput, PRONOUNS};
use crate::analyze::tokens::{Token, TokenKind};
use crate::model::{EntityKind, Span, Speaker};

pub(super) const SKIP_BEFORE_VERB: &[&str] = &[
    "also",
    "further",
    "later",
    "then",
    "previously",
    "once",
    "again",
    "has",
    "had",
    "have",
    "was",
    "is",
    "reportedly",
    "publicly",
    "repeatedly",
    "recently",
    "earlier",
    "separately",
    "similarly",
    "flatly",
    "still",
    "only",
    "would",
    "will",
    "may",
    "might",
    "could",
    "did",
    "does",
    "just",
    "had",
];

/// The subject noun phrase ending right before the verb at `v` (tokens `lo..v`).
pub(super) fn subject_before(input: &QuoteInput, lo: usize, v: usize, at: u32) -> Option<Speaker> {
    let toks = input.tokens;
    let mut end = v;
    while end > lo && SKIP_BEFORE_VERB.contains(&toks[end - 1].text) {
        end -= 1;
    }
    // "Rubio on Tuesday said", "Putin last week said": the time is not part of the speaker.
    end = before_time(toks, lo, end);
    // "Sen. Bernie Sanders (I-Vt.) said": a short parenthetical after the name is not the subject.
    if end > lo && toks[end - 1].text == ")" {
        if let Some(open) = (lo..end - 1).rev().take(8).find(|&k| toks[k].text == "(") {
            end = open;
        }
    }
    if end <= lo {
        return None;
    }
    let last = &toks[end - 1];
    if PRONOUNS.contains(&last.text) {
        return Some(resolve_pronoun(input, Span::new(last.start, last.end), at));
    }
    if let Some(m) = input.mentions.iter().find(|m| {
        m.span.end as usize == last.end
            || (m.span.start as usize <= last.start
                && last.end <= m.span.end as usize + 3
                && (m.span.end as usize) >= last.start)
    }) {
        if m.kind == EntityKind::Person
            || m.kind == EntityKind::Organization
            || m.kind == EntityKind::Other
            || m.kind == EntityKind::Place
        {
            let span = m.span;
            return Some(Speaker {
                name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
                key: Some(m.key.clone()),
                span,
            });
        }
    }
    // A common noun phrase: "the Russian official", "a source", "officials".
    let mut start = end;
    while start > lo {
        let t = &toks[start - 1];
        if t.kind == TokenKind::Punct && !matches!(t.text, "'" | "\u{2019}" | "-") {
            break;
        }
        if matches!(
            t.text,
            "that"
                | "and"
                | "but"
                | "which"
                | "what"
                | "who"
                | "while"
                | "as"
                | "because"
                | "when"
                | "after"
                | "before"
                | "if"
                | "so"
        ) {
            break;
        }
        if t.kind == TokenKind::Word && speech().contains(t.text) {
            break;
        }
        start -= 1;
        if end - start >= 7 {
            return None;
        }
    }
    // "But the administration said": the conjunction is not part of the speaker.
    while start < end && matches!(toks[start].text, "But" | "And" | "So" | "Yet" | "Still") {
        start += 1;
    }
    if start == end || !looks_like_np(&toks[start..end]) {
        return None;
    }
    let span = Span::new(toks[start].start, toks[end - 1].end);
    Some(resolve_phrase(input, span, at))
}

/// The subject of a cue that follows an appositive: "Marley Anderson, 21, a junior from Las Vegas, said"
/// is Marley Anderson. `v` is the cue, right after the appositive's closing comma; the subject is the
/// nearest person or organisation named just before an earlier comma of the clause.
pub(super) fn appositive_subject(input: &QuoteInput, a: usize, v: usize) -> Option<Speaker> {
    let toks = input.tokens;
    if v < a + 3 || toks[v - 1].text != "," {
        return None;
    }
    let lo = a.max(v.saturating_sub(45));
    for c in (lo + 1..v - 1).rev() {
        if matches!(toks[c].text, "." | ";" | "\u{201d}" | "\"") {
            return None;
        }
        if toks[c].text != "," {
            continue;
        }
        let name_end = toks[c - 1].end;
        if let Some(m) = input
            .mentions
            .iter()
            .find(|m| m.span.end as usize == name_end && m.kind != EntityKind::Place)
        {
            return Some(Speaker {
                name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
                key: Some(m.key.clone()),
                span: m.span,
            });
        }
    }
    None
}

/// The speaker named right after a verb (`said Lavrov`, `according to the ministry`).
pub(super) fn object_after(
    input: &QuoteInput,
    from: usize,
    limit: usize,
    at: u32,
) -> Option<Speaker> {
    let toks = input.tokens;
    if from >= limit {
        return None;
    }
    if PRONOUNS.contains(&toks[from].text) {
        return Some(resolve_pronoun(
            input,
            Span::new(toks[from].start, toks[from].end),
            at,
        ));
    }
    let mut end = from;
    while end < limit && end - from < 9 {
        let t = &toks[end];
        if t.kind == TokenKind::Punct && !matches!(t.text, "'" | "\u{2019}" | "-" | ".") {
            break;
        }
        if matches!(
            t.text,
            "on" | "in"
                | "at"
                | "during"
                | "after"
                | "that"
                | "who"
                | "when"
                | "while"
                | "to"
                | "as"
                | "last"
                | "this"
                | "yesterday"
                | "today"
        ) {
            break;
        }
        end += 1;
    }
    if end == from {
        return None;
    }
    let span = Span::new(toks[from].start, toks[end - 1].end);
    if let Some(m) = input
        .mentions
        .iter()
        .filter(|m| span.contains(m.span) || m.span.overlap(span) > 0)
        .max_by_key(|m| (m.kind == EntityKind::Person, m.span.len()))
    {
        return Some(Speaker {
            name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
            key: Some(m.key.clone()),
            span,
        });
    }
    if !looks_like_np(&toks[from..end]) {
        return None;
    }
    Some(resolve_phrase(input, span, at))
}

/// Where a speaker phrase ends once a time written between it and its verb is set aside ("on Tuesday",
/// "last week", "earlier").
fn before_time(toks: &[Token], lo: usize, end: usize) -> usize {
    const WEEKDAYS: &[&str] = &[
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    let word = |k: usize| toks[k].text;
    if end >= lo + 3 && word(end - 2) == "on" && WEEKDAYS.contains(&word(end - 1)) {
        return end - 2;
    }
    if end >= lo + 3
        && word(end - 2) == "last"
        && matches!(word(end - 1), "week" | "month" | "year" | "night")
    {
        return end - 2;
    }
    if end >= lo + 2 && matches!(word(end - 1), "earlier" | "later" | "yesterday" | "today") {
        return end - 1;
    }
    end
}

/// A phrase that can name a speaker: ends in a noun-like word, holds no verb-like word.
pub(super) fn looks_like_np(toks: &[Token]) -> bool {
    let Some(last) = toks.last() else {
        return false;
    };
    if last.kind != TokenKind::Word {
        return false;
    }
    let l = last.text.to_lowercase();
    if crate::analyze::tokens::is_stopword(&l) || l.ends_with("ly") || l.ends_with("ing") {
        return false;
    }
    // A copula or linking verb makes it a predicate ("appeared optimistic"), not a noun phrase.
    !toks.iter().any(|t| {
        matches!(
            t.text,
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "not"
                | "no"
                | "seem"
                | "seems"
                | "seemed"
                | "appear"
                | "appears"
                | "appeared"
                | "remain"
                | "remains"
                | "remained"
                | "become"
                | "becomes"
                | "became"
        )
    })
}

/// A pronoun speaker: the most recent person named before the quote.
pub(super) fn resolve_pronoun(input: &QuoteInput, span: Span, at: u32) -> Speaker {
    let person = input
        .mentions
        .iter()
        .rfind(|m| m.kind == EntityKind::Person && m.span.end <= at.max(span.start));
    match person {
        Some(m) => Speaker {
            name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
            key: Some(m.key.clone()),
            span,
        },
        None => Speaker {
            name: input.text[span.start as usize..span.end as usize].to_string(),
            key: None,
            span,
        },
    }
}

/// A role phrase ("the Russian official", "the Ukrainian leader") resolves to the most recent person whose
/// title shares a word with it; any other phrase ("a source") stays as written.
pub(super) fn resolve_phrase(input: &QuoteInput, span: Span, at: u32) -> Speaker {
    let phrase = &input.text[span.start as usize..span.end as usize];
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let definite = words.first().is_some_and(|w| w == "the") && words.len() >= 2;
    let role_like = words.iter().any(|w| {
        crate::analyze::lexicon::ROLE_WORDS.contains(&w.as_str())
            || matches!(w.as_str(), "official" | "leader" | "minister" | "president")
    });
    // A bare surname the name finder did not take ("Rubio on Tuesday said", sentence-initial) is the
    // person named with it earlier.
    if words.len() == 1 && phrase.starts_with(|c: char| c.is_uppercase()) {
        let surname = crate::analyze::names::token_key(phrase);
        if let Some(m) = input.mentions.iter().rfind(|m| {
            m.kind == EntityKind::Person
                && m.span.end <= at.max(span.start)
                && m.key.strip_prefix("p:").and_then(|k| k.rsplit(' ').next())
                    == Some(surname.as_str())
        }) {
            return Speaker {
                name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
                key: Some(m.key.clone()),
                span,
            };
        }
    }
    if definite && role_like {
        let before = input
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.span.end <= at.max(span.start));
        // The words that set the role apart ("US" in "the US president") must match those written
        // with the person ("US President Donald Trump"), not only the role ("Turkish President").
        let qualifiers: Vec<&str> = words[1..]
            .iter()
            .map(String::as_str)
            .filter(|w| {
                !crate::analyze::lexicon::ROLE_WORDS.contains(w)
                    && !matches!(*w, "official" | "leader" | "minister" | "president")
            })
            .collect();
        let fit = |m: &crate::model::Mention| -> Option<usize> {
            let title = m.title.as_deref()?;
            let shares_role = title
                .split_whitespace()
                .any(|w| words.contains(&w.to_lowercase()));
            if !shares_role {
                return None;
            }
            let head = &input.text[..m.span.start as usize];
            let near: Vec<String> = head
                .split_whitespace()
                .rev()
                .take(4)
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            Some(
                qualifiers
                    .iter()
                    .filter(|q| near.iter().any(|n| n == *q))
                    .count(),
            )
        };
        // Most qualifiers shared, then the most recent.
        let best = before
            .clone()
            .enumerate()
            .filter_map(|(i, m)| fit(m).map(|f| (f, i, m)))
            .max_by_key(|&(f, i, _)| (f, i))
            .map(|(_, _, m)| m)
            .or_else(|| before.clone().next_back());
        if let Some(m) = best {
            return Speaker {
                name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
                key: Some(m.key.clone()),
                span,
            };
        }
    }
    Speaker {
        name: phrase.to_string(),
        key: None,
        span,
    }
}

/// The subject of a sentence, for a participial cue far from it ("Trump attacked X on Friday, saying ..."):
/// a pronoun or a person named within the first few tokens.
pub(super) fn sentence_subject(input: &QuoteInput, a: usize, v: usize, at: u32) -> Option<Speaker> {
    let toks = input.tokens;
    let first = &toks[a];
    if PRONOUNS.contains(&first.text) {
        return Some(resolve_pronoun(
            input,
            Span::new(first.start, first.end),
            at,
        ));
    }
    let window = Span::new(first.start, toks[(a + 8).min(v) - 1].end);
    let m = input
        .mentions
        .iter()
        .find(|m| m.kind == EntityKind::Person && window.contains(m.span))?;
    Some(Speaker {
        name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
        key: Some(m.key.clone()),
        span: m.span,
    })
}

/// Whether a speaker can carry a complement cue: a named entity, a pronoun, or a phrase naming a source.
pub(super) fn is_source_like(input: &QuoteInput, sp: &Speaker) -> bool {
    if sp.key.is_some() {
        return true;
    }
    let phrase = input.text[sp.span.start as usize..sp.span.end as usize].to_lowercase();
    let last = phrase.split_whitespace().last().unwrap_or("");
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(&phrase))
        || matches!(
            last,
            "poll"
                | "polls"
                | "survey"
                | "surveys"
                | "report"
                | "reports"
                | "study"
                | "studies"
                | "official"
                | "officials"
                | "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "campaign"
                | "group"
                | "analysts"
                | "analyst"
                | "experts"
                | "data"
                | "statement"
                | "sources"
                | "source"
                | "aides"
                | "aide"
                | "critics"
                | "supporters"
                | "democrats"
                | "republicans"
                | "lawmakers"
                | "administration"
                | "nominee"
                | "candidate"
                | "president"
                | "leader"
                | "government"
                | "ministry"
                | "department"
                | "agency"
                | "committee"
                | "researchers"
                | "economists"
                | "website"
                | "paper"
                | "newspaper"
                | "magazine"
                | "organization"
                | "organisation"
                | "union"
                | "party"
        )
}

/// A speaker named by a bare phrase (a transcript label, a tweet signature): the mention inside it, or
/// the person whose name ends with it ("PENCE" -> Mike Pence).
pub(super) fn named_speaker(input: &QuoteInput, span: Span) -> Speaker {
    if let Some(m) = input.mentions.iter().find(|m| span.contains(m.span)) {
        return Speaker {
            name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
            key: Some(m.key.clone()),
            span,
        };
    }
    let name = input.text[span.start as usize..span.end as usize]
        .trim()
        .to_string();
    let lower = name.to_lowercase();
    let key = input
        .mentions
        .iter()
        .find(|m| {
            m.kind == EntityKind::Person
                && input.text[m.span.start as usize..m.span.end as usize]
                    .to_lowercase()
                    .ends_with(&lower)
        })
        .map(|m| m.key.clone());
    Speaker { name, key, span }
}
