//! Claims: the pieces of a text that get a verdict each, with byte offsets into the text.

use crate::model::{Analysis, Span};

/// Split a text into claims: its sentences, further split at semicolons and where a sentence joins
/// two statements (", adding that", ", while", ", but", "and announced that"). A question (a
/// headline such as "What happened at the talks?") asserts nothing and is no claim; a reported
/// question ("He asked: \"Why now?\"") states that it was asked and is one. Offsets are bytes
/// into `text`.
pub fn claims(text: &str, analysis: &Analysis) -> Vec<Span> {
    sentence_claims(text, analysis)
        .into_iter()
        .flat_map(|s| split_joined(text, s))
        .filter(|s| !text[s.start as usize..s.end as usize].ends_with('?'))
        .collect()
}

/// Phrases that join two statements; the first claim ends before the phrase, the second starts
/// after it.
const JOINERS: &[&str] = &[
    ", adding that ",
    ", adding ",
    ", while ",
    ", whereas ",
    ", but ",
    " and announced that ",
    " and said that ",
    " and added that ",
    " and warned that ",
];

/// Words each side of a join must have for the join to split a claim.
const MIN_JOINED_WORDS: usize = 4;

fn split_joined(text: &str, span: Span) -> Vec<Span> {
    let (a, b) = (span.start as usize, span.end as usize);
    let lower = text[a..b].to_lowercase();
    // Lower-casing can change byte lengths; split only when it did not.
    if lower.len() != b - a {
        return vec![span];
    }
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for phrase in JOINERS {
        for (i, _) in lower.match_indices(phrase) {
            if !inside_quote(&lower[..i]) {
                cuts.push((i, i + phrase.len()));
            }
        }
    }
    // Where two phrases match at one place (", adding" and ", adding that"), the longer one wins.
    cuts.sort_unstable_by_key(|&(end, next)| (end, std::cmp::Reverse(next)));
    cuts.dedup_by_key(|c| c.0);
    let words = |s: &str| {
        s.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (end, next) in cuts {
        if end < start
            || words(&lower[start..end]) < MIN_JOINED_WORDS
            || words(&lower[next..]) < MIN_JOINED_WORDS
        {
            continue;
        }
        push_trimmed(text, a + start, a + end, &mut out);
        start = next;
    }
    push_trimmed(text, a + start, b, &mut out);
    out
}

/// Whether a quotation opened in `before` is still open.
fn inside_quote(before: &str) -> bool {
    let straight = before.matches('"').count();
    let open = before.matches('\u{201c}').count();
    let close = before.matches('\u{201d}').count();
    straight % 2 == 1 || open > close
}

fn sentence_claims(text: &str, analysis: &Analysis) -> Vec<Span> {
    let mut out = Vec::new();
    for s in &analysis.sentences {
        let (a, b) = (s.span.start as usize, s.span.end as usize);
        let mut start = a;
        let piece = &text[a..b];
        for (i, c) in piece.char_indices() {
            let cut = match c {
                ';' => Some(a + i + 1),
                // Lower-cased text ("... restaurant. staff heard ...") defeats sentence splitting.
                '.' if lowercase_sentence_break(piece, i) => Some(a + i + 1),
                _ => None,
            };
            if let Some(next) = cut {
                push_trimmed(text, start, if c == ';' { a + i } else { next }, &mut out);
                start = next;
            }
        }
        push_trimmed(text, start, b, &mut out);
    }
    out
}

/// A full stop at `i` followed by a space and a lower-case word, after a word of three letters or
/// more (so "u.s. officials" and "mr. smith" stay whole).
fn lowercase_sentence_break(s: &str, i: usize) -> bool {
    let after = &s[i + 1..];
    if !after.starts_with(' ') || !after[1..].starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    // Tokenised text puts a space before the full stop: "... counts . police in ...".
    if s[..i].ends_with(' ') {
        return true;
    }
    let before = s[..i]
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    before.chars().count() >= 3
        && before.chars().all(|c| c.is_alphabetic())
        && ![
            "mrs", "gen", "sen", "rep", "gov", "col", "sgt", "capt", "lt", "jr", "sr", "etc", "vs",
        ]
        .contains(&before)
}

fn push_trimmed(text: &str, a: usize, b: usize, out: &mut Vec<Span>) {
    let piece = &text[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if piece.trim().chars().any(|c| c.is_alphanumeric()) {
        out.push(Span::new(a + lead, b - trail));
    }
}
