//! Who a quote is attributed to: the noun phrase next to a cue, pronouns and role phrases ("he", "the
//! minister") resolved to the most recent compatible person, bare labels matched to a named person.

use super::{speech, QuoteInput, PRONOUNS};
use crate::analyze::tokens::{Token, TokenKind};
use crate::model::{EntityKind, Mention, Span, Speaker};

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
    "are",
    "were",
    "been",
    "be",
    "being",
    "already",
    "now",
    "increasingly",
    "openly",
    "privately",
    "quietly",
    "strongly",
    "firmly",
    "widely",
    "often",
    "always",
    "even",
    "first",
    "clearly",
    "apparently",
    "initially",
    "originally",
    "immediately",
    "eventually",
    "finally",
    "officially",
    "formally",
    "personally",
    "directly",
    "explicitly",
    "specifically",
];

/// Prepositions that make the place after them a setting ("spoke in Denver"), not a subject.
const GOVERNING_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "to", "on", "with", "near", "into", "across", "against", "toward",
    "towards", "about", "under", "during", "than", "via", "like", "over", "since", "between",
    "among",
];

/// The subject noun phrase ending right before the verb at `v` (tokens `lo..v`).
pub(super) fn subject_before(input: &QuoteInput, lo: usize, v: usize, at: u32) -> Option<Speaker> {
    let toks = input.tokens;
    let mut end = before_auxiliaries(toks, lo, v);
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
    // "European leaders, who see ...": the relative pronoun stands for the phrase before it.
    if last.text == "who" && end - 1 == lo && lo > 0 {
        let np_end = if toks[lo - 1].text == "," { lo - 1 } else { lo };
        let np_lo = (np_end.saturating_sub(14)..np_end)
            .rev()
            .find(|&k| matches!(toks[k].text, "," | ";" | ":" | "." | "\u{201d}" | "\""))
            .map_or(np_end.saturating_sub(14), |k| k + 1);
        return subject_before(input, np_lo, np_end, at);
    }
    if PRONOUNS.contains(&last.text) {
        return Some(resolve_pronoun(input, Span::new(last.start, last.end), at));
    }
    if let Some(m) = input.mentions.iter().find(|m| {
        m.span.end as usize == last.end
            || (m.span.start as usize <= last.start
                && last.end <= m.span.end as usize + 3
                && (m.span.end as usize) >= last.start)
    }) {
        // "spoke in Denver about", "flew to Moscow on": a place a preposition governs is not the
        // subject. (A person or organisation there often still is the best source a sentence names:
        // "Adelson told Reuters in an interview"; and "a spokesman for the Pentagon said", "the head
        // of the IMF said" are not governed here.)
        let governed = (lo..end)
            .rfind(|&k| toks[k].start < m.span.start as usize)
            .is_some_and(|k| {
                toks[k].end <= m.span.start as usize
                    && GOVERNING_PREPOSITIONS.contains(&toks[k].text)
            });
        if governed && m.kind == EntityKind::Place {
            return None;
        }
        if m.kind == EntityKind::Person
            || m.kind == EntityKind::Organization
            || m.kind == EntityKind::Other
            || m.kind == EntityKind::Place
        {
            return Some(mention_speaker(input, m));
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
        if end - start >= MAX_SOURCE_PHRASE {
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
    // A long phrase is a source only when it opens like a noun phrase ("A University of New Hampshire
    // poll out this week", "Six in 10 Virginia Democratic primary voters"); "quickly went up with a
    // negative ad" is a predicate.
    if end - start > SHORT_SOURCE_PHRASE && !long_source_phrase(input, &toks[start..end]) {
        return None;
    }
    let span = Span::new(toks[start].start, toks[end - 1].end);
    Some(resolve_phrase(input, span, at))
}

/// Words a common noun phrase naming a source may run to (polls and groups are named at length:
/// "A new USA TODAY/Rock the Vote survey of those 18 to 35"); chosen on PolNeAR train.
const MAX_SOURCE_PHRASE: usize = 14;
/// Up to this many words any phrase that passes `looks_like_np` may be a source.
pub(super) const SHORT_SOURCE_PHRASE: usize = 6;

/// Whether a phrase of more than `SHORT_SOURCE_PHRASE` words names a source: it opens like a noun
/// phrase, holds no infinitive, and any person it names ends it ("US Secretary of State Marco Rubio
/// sought to allay" is a subject and its predicate).
fn long_source_phrase(input: &QuoteInput, phrase: &[Token]) -> bool {
    let (from, to) = (phrase[0].start as u32, phrase[phrase.len() - 1].end as u32);
    let person_inside = input
        .mentions
        .iter()
        .any(|m| m.kind == EntityKind::Person && m.span.start >= from && m.span.end < to);
    opens_noun_phrase(phrase[0].text) && !person_inside && !phrase.iter().any(|t| t.text == "to")
}

fn opens_noun_phrase(first: &str) -> bool {
    first.starts_with(|c: char| c.is_ascii_digit())
        || (first.starts_with(char::is_uppercase)
            && !super::appositive::NOT_A_SUBJECT_START.contains(&first))
        || matches!(
            first,
            "a" | "an"
                | "the"
                | "some"
                | "most"
                | "many"
                | "several"
                | "few"
                | "all"
                | "both"
                | "half"
                | "nearly"
                | "about"
                | "more"
                | "fewer"
                | "two"
                | "three"
                | "four"
        )
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
    // A "." is kept for initials and titles ("Michael C. Cernech"); the one ending the sentence
    // ("said a former aide.") is not part of the speaker.
    while end > from && super::is_full_stop(toks, end - 1) {
        end -= 1;
    }
    if end == from {
        return None;
    }
    let span = Span::new(toks[from].start, toks[end - 1].end);
    // "the Sanders aide", "a Clinton spokesman": a name that qualifies a common noun is not the
    // source; the noun is.
    let head = &toks[end - 1];
    let qualified = |m: &crate::model::Mention| {
        (m.span.end as usize) < head.start
            && head.kind == TokenKind::Word
            && head.text.starts_with(char::is_lowercase)
    };
    if let Some(m) = input
        .mentions
        .iter()
        .filter(|m| span.contains(m.span) || m.span.overlap(span) > 0)
        .max_by_key(|m| (m.kind == EntityKind::Person, m.span.len()))
        .filter(|m| !(qualified(m) && looks_like_np(&toks[from..end])))
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
    let word = |k: usize| toks[k].text;
    if end >= lo + 3 && word(end - 2) == "on" && super::WEEKDAYS.contains(&word(end - 1)) {
        return end - 2;
    }
    if end >= lo + 3 && word(end - 2) == "last" && super::indirect::is_time_noun(word(end - 1)) {
        return end - 2;
    }
    if end >= lo + 2 && matches!(word(end - 1), "earlier" | "later" | "yesterday" | "today") {
        return end - 1;
    }
    end
}

/// Where the words between a subject and its verb ("have also", "is already") begin, the verb at `v`:
/// "European leaders, who ..., have also expressed" has its appositive's comma right before them.
pub(super) fn before_auxiliaries(toks: &[Token], a: usize, v: usize) -> usize {
    let mut v = v;
    while v > a && (SKIP_BEFORE_VERB.contains(&toks[v - 1].text) || is_auxiliary(toks[v - 1].text))
    {
        v -= 1;
    }
    v
}

/// The speaker a name mention stands for.
pub(super) fn mention_speaker(input: &QuoteInput, m: &Mention) -> Speaker {
    Speaker {
        name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
        key: Some(m.key.clone()),
        span: m.span,
    }
}

/// An auxiliary verb or a negated one ("did", "didn't", "never"): between a subject and its verb it
/// belongs to neither.
pub(super) fn is_auxiliary(w: &str) -> bool {
    w.ends_with("n't")
        || w.ends_with("n\u{2019}t")
        || matches!(
            w,
            "do" | "does"
                | "did"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "can"
                | "could"
                | "should"
                | "must"
                | "never"
                | "not"
        )
}

/// A phrase that can name a speaker: ends in a noun-like word, holds no verb-like word.
pub(super) fn looks_like_np(toks: &[Token]) -> bool {
    let Some(last) = toks.last() else {
        return false;
    };
    // "the 46-year-old" ends in a number token that is a noun.
    let noun_number = last.kind == TokenKind::Number && last.text.contains(char::is_alphabetic);
    if last.kind != TokenKind::Word && !noun_number {
        return false;
    }
    let l = last.text.to_lowercase();
    // "-ly" and "-ing" words are mostly adverbs and verbs, but nouns after a determiner or a
    // possessive: "a court filing", "the foundation's tally", "a new ruling".
    let determined = toks.len() >= 2
        && (matches!(
            toks[0].text.to_lowercase().as_str(),
            "a" | "an" | "the" | "this" | "that" | "its" | "his" | "her" | "their" | "our"
        ) || toks.iter().any(|t| matches!(t.text, "'s" | "\u{2019}s")));
    let adverb = matches!(
        l.as_str(),
        "only" | "early" | "likely" | "nearly" | "really"
    );
    let verbal_ending = (l.ends_with("ly") || l.ends_with("ing")) && (!determined || adverb);
    if crate::analyze::tokens::is_stopword(&l) || verbal_ending {
        return false;
    }
    // "on Tuesday", "in the capital": a time or place, not who holds a view.
    if matches!(
        toks[0].text,
        "on" | "in"
            | "at"
            | "during"
            | "after"
            | "before"
            | "since"
            | "from"
            | "by"
            | "with"
            | "into"
            | "over"
            | "under"
            | "until"
    ) {
        return false;
    }
    // "to the drafting committee", "through his office", "instead", "according to ...": a
    // preposition or an adverb opens no noun phrase.
    if matches!(
        toks[0].text,
        "to" | "through" | "instead" | "according" | "toward" | "towards" | "across" | "via"
    ) {
        return false;
    }
    // "took his own life", "watched the Saturday debate": a lowercase word before a determiner is a
    // verb with its object ("all the", "half the", "even a" excepted).
    if toks.len() >= 2
        && toks[0].kind == TokenKind::Word
        && toks[0].text.starts_with(|c: char| c.is_lowercase())
        && !matches!(
            toks[0].text,
            "all"
                | "both"
                | "half"
                | "many"
                | "most"
                | "some"
                | "none"
                | "each"
                | "one"
                | "of"
                | "even"
                | "only"
                | "just"
                | "also"
        )
        && matches!(
            toks[1].text,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "several" | "my"
        )
    {
        return false;
    }
    // An auxiliary or a negation inside makes it a verb phrase ("doesn't mince words").
    if toks.iter().any(|t| is_auxiliary(t.text)) {
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

/// A pronoun speaker: for "he" or "she", the most recent person named before the quote. "It",
/// "they", "we" and "I" are never one person named earlier (a report, a group, the writer), so they
/// stay as written.
pub(super) fn resolve_pronoun(input: &QuoteInput, span: Span, at: u32) -> Speaker {
    let singular = matches!(
        &input.text[span.start as usize..span.end as usize],
        "he" | "she" | "He" | "She"
    );
    let person = singular
        .then(|| {
            input
                .mentions
                .iter()
                .rfind(|m| m.kind == EntityKind::Person && m.span.end <= at.max(span.start))
        })
        .flatten();
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
    Some(mention_speaker(input, m))
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
