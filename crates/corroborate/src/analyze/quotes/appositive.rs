//! The subject of a cue that an appositive or a relative clause keeps apart from it: "Mindy Romero,
//! director of the ... Project at the University of California, Davis, said", "The newspapers,
//! including the Asbury Park Press, said", "European leaders, who ..., have also expressed".

use super::speaker::{before_auxiliaries, mention_speaker, subject_before, SHORT_SOURCE_PHRASE};
use super::{speech, QuoteInput};
use crate::analyze::tokens::TokenKind;
use crate::model::{EntityKind, Mention, Speaker};

/// The subject of the cue at token `v` in a sentence starting at token `a`, whose clause starts at
/// `lo`: the noun phrase right before the cue, else a named subject behind an appositive, else an
/// unnamed one.
pub(super) fn clause_subject(
    input: &QuoteInput,
    a: usize,
    lo: usize,
    v: usize,
    at: u32,
) -> Option<Speaker> {
    subject_before(input, lo, v, at)
        .or_else(|| appositive_subject(input, a, v))
        .or_else(|| appositive_common_subject(input, a, v, at))
}

/// The subject of `NAME, APPOSITIVE, said`: a person or organisation named in the sentence's subject
/// position, set off from the verb by an appositive ("Republican Rep. Lee Zeldin of New York, a Trump
/// supporter, said", "Mindy Romero, director of the ... Project at the University of California,
/// Davis, ..., said"). The leftmost such subject wins: names inside the appositive (Davis) describe
/// it. Failing that, the nearest name right before a comma.
pub(super) fn appositive_subject(input: &QuoteInput, a: usize, v: usize) -> Option<Speaker> {
    let toks = input.tokens;
    let v = before_auxiliaries(toks, a, v);
    if v < a + 3 || toks[v - 1].text != "," {
        return None;
    }
    let lo = a.max(v.saturating_sub(45));
    let mut commas: Vec<usize> = Vec::new();
    for c in (lo + 1..v - 1).rev() {
        if matches!(toks[c].text, ";" | "\u{201d}" | "\"") || super::is_full_stop(toks, c) {
            return None;
        }
        if toks[c].text == "," {
            commas.push(c);
        }
    }
    let speaker = |m: &Mention| mention_speaker(input, m);
    // A segment cut by the window is no whole noun phrase.
    let mut seg_start = (lo == a).then_some(lo);
    // Segments left to right, the last one ending at the comma before the verb.
    for &c in commas.iter().rev().chain(std::iter::once(&(v - 1))) {
        if let Some(m) = seg_start.and_then(|s| subject_head(input, s, c, s == a)) {
            return Some(speaker(m));
        }
        seg_start = Some(c + 1);
    }
    commas.iter().find_map(|&c| {
        let name_end = toks[c - 1].end;
        input
            .mentions
            .iter()
            .find(|m| m.span.end as usize == name_end && m.kind != EntityKind::Place)
            .map(speaker)
    })
}

/// The subject of `NOUN PHRASE, APPOSITIVE, said` when it names nobody: "The newspapers, including
/// the Asbury Park Press, said", "The editors, led by Anna Berg, said". The noun phrase must open the
/// sentence at `a` and fill everything up to the first comma, and what follows that comma must open
/// an appositive, so that "The talks ended, officials said" keeps its own reading.
pub(super) fn appositive_common_subject(
    input: &QuoteInput,
    a: usize,
    v: usize,
    at: u32,
) -> Option<Speaker> {
    let toks = input.tokens;
    let v = before_auxiliaries(toks, a, v);
    if v < a + 4 || toks[v - 1].text != "," {
        return None;
    }
    let first = (a..v - 1).find(|&k| toks[k].text == ",")?;
    let opening = toks[a].text;
    if NOT_A_SUBJECT_START.contains(&opening) || opening.ends_with("ing") {
        return None;
    }
    let opener = toks.get(first + 1)?.text;
    let opens_appositive = matches!(
        opener,
        "including"
            | "led"
            | "who"
            | "which"
            | "along"
            | "like"
            | "such"
            | "each"
            | "both"
            | "a"
            | "an"
            | "the"
            | "among"
            | "many"
            | "most"
            | "all"
    ) || opener.starts_with(|c: char| c.is_ascii_digit());
    if !opens_appositive
        || first - a > SHORT_SOURCE_PHRASE
        || toks[first + 1..v - 1]
            .iter()
            .any(|t| matches!(t.text, "." | ";" | "\u{201d}" | "\""))
    {
        return None;
    }
    let sp = subject_before(input, a, first, at)?;
    let opens_sentence = toks[a..first]
        .iter()
        .find(|t| !matches!(t.text, "But" | "And" | "So" | "Yet" | "Still"))
        .is_some_and(|t| t.start as u32 == sp.span.start);
    opens_sentence.then_some(sp)
}

/// Words that open an introductory phrase rather than a subject ("In a statement, ...").
pub(super) const NOT_A_SUBJECT_START: &[&str] = &[
    "In",
    "On",
    "At",
    "After",
    "Before",
    "While",
    "When",
    "As",
    "Asked",
    "Speaking",
    "According",
    "Although",
    "Though",
    "If",
    "Since",
    "Despite",
    "For",
    "With",
    "Like",
    "Unlike",
    "During",
    "Meanwhile",
    "However",
    "Still",
    "Earlier",
    "Later",
    "Last",
    "This",
    "Today",
    "Yesterday",
    "Now",
    "Instead",
    "Once",
    "Because",
    "From",
    "To",
    "By",
    "Under",
    "Over",
    "Amid",
    "Following",
];

/// Words a comma-delimited subject may span ("Republican Rep. Lee Zeldin of New York").
const MAX_SUBJECT_SEGMENT: usize = 14;

/// The person (else organisation) heading the noun phrase `toks[start..end]`: a few modifiers before
/// the name ("Republican Rep.", "North Carolina's", "His campaign chairman") and at most a short
/// prepositional phrase or parenthetical after it ("of New York", "(R-Texas)").
/// A place is the subject only as the whole of the sentence's first segment ("China, Pyongyang's only
/// ally, said"; "Even China, ..."): elsewhere a place in a segment describes a person or a group
/// ("Mindy Romero, director of ... at the University of California, Davis, said").
fn subject_head<'a>(
    input: &'a QuoteInput<'a>,
    start: usize,
    end: usize,
    opens_sentence: bool,
) -> Option<&'a Mention> {
    let toks = input.tokens;
    // A segment opening in lower case is an appositive ("including the Harbour Post", "a former aide
    // to Obama"), not the subject it describes.
    if end <= start
        || end - start > MAX_SUBJECT_SEGMENT
        || NOT_A_SUBJECT_START.contains(&toks[start].text)
        || !toks[start].text.starts_with(char::is_uppercase)
    {
        return None;
    }
    if toks[start..end].iter().any(|t| {
        matches!(
            t.text,
            "that" | "which" | "who" | "when" | "where" | "because" | "if"
        ) || speech().contains(t.text)
    }) {
        return None;
    }
    let (from, to) = (toks[start].start as u32, toks[end - 1].end as u32);
    // The place fills the segment, but for one opener ("Even China").
    let opener = usize::from(matches!(toks[start].text, "Even" | "But" | "And"));
    let whole_segment = |m: &Mention| {
        m.span.end == to
            && toks[start..end]
                .iter()
                .take_while(|t| (t.end as u32) <= m.span.start)
                .count()
                <= opener
    };
    let head = input
        .mentions
        .iter()
        .filter(|m| m.span.start >= from && m.span.end <= to)
        .filter(|m| m.kind != EntityKind::Place || (opens_sentence && whole_segment(m)))
        .min_by_key(|m| (m.kind != EntityKind::Person, m.span.start))?;
    let before = toks[start..end]
        .iter()
        .take_while(|t| (t.end as u32) <= head.span.start)
        .count();
    let after = start
        + toks[start..end]
            .iter()
            .take_while(|t| (t.start as u32) < head.span.end)
            .count();
    if before > 6 {
        return None;
    }
    // "Joseph R. Biden Jr.": a suffix ends the name.
    let suffix = toks[after..end]
        .iter()
        .take_while(|t| matches!(t.text, "Jr" | "Sr" | "II" | "III" | "."))
        .count();
    let tail = &toks[after + suffix..end];
    let tail_ok = match tail.first().map(|t| t.text) {
        None => true,
        Some("(") => tail.last().is_some_and(|t| t.text == ")") && tail.len() <= 8,
        Some("of" | "from" | "at" | "in") => {
            tail.len() <= 7
                && tail[1..].iter().all(|t| {
                    t.kind == TokenKind::Punct
                        || matches!(t.text, "the" | "and" | "of")
                        || t.text.starts_with(char::is_uppercase)
                })
        }
        _ => false,
    };
    tail_ok.then_some(head)
}
