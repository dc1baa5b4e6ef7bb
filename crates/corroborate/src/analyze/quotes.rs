//! Quotes, direct ("...", X said) and indirect (X said that ...), with the speaker resolved.
//!
//! Direct quotes are found by pairing quote marks over the paragraph, so a quote may span sentences. The
//! speaker is the noun phrase next to a speech verb before or after the quote; pronouns and role phrases
//! ("he", "the minister") resolve to the most recent compatible person mention. A paragraph that is only
//! a quote continues the previous speaker.

use super::lexicon::SPEECH_VERBS;
use super::tokens::{Token, TokenKind};
use crate::model::{EntityKind, Mention, Quote, Sentence, Span, Speaker};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Verbs that introduce reported speech without quote marks ("X said the talks failed").
const INDIRECT_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "warned",
    "warns",
    "stressed",
    "stresses",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "explained",
    "explains",
    "announced",
    "announces",
    "wrote",
    "writes",
    "declared",
    "declares",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "suggested",
    "suggests",
    "reported",
    "reports",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "predicted",
    "predicts",
    "believes",
    "believed",
    "thinks",
    "thought",
    "estimated",
    "estimates",
    "contended",
    "contends",
    "reiterated",
    "reiterates",
    "maintained",
    "maintains",
    "conceded",
    "concedes",
    "alleged",
    "alleges",
    "asserted",
    "asserts",
    "assured",
    "assures",
    "cautioned",
    "cautions",
    "indicated",
    "indicates",
    "promised",
    "promises",
    "vowed",
    "vows",
    "warned",
    "testified",
    "recalled",
    "recalls",
    "complained",
    "complains",
    "speculated",
    "hinted",
    "countered",
    "charged",
    "observed",
    "revealed",
    "disclosed",
    "mentioned",
    "agreed",
    "agrees",
    "learned",
    "found",
    "finds",
    "shows",
    "showed",
    "feared",
    "fears",
    "hoped",
    "hopes",
    "expects",
    "expected",
    "knows",
    "knew",
    "feels",
    "felt",
    "questioned",
    "accused",
    "accuses",
    "predicted",
    "highlighted",
    "underscored",
    "pointed",
    "acknowledging",
    "saying",
    "adding",
    "noting",
    "warning",
    "arguing",
    "insisting",
    "claiming",
    "stressing",
    "explaining",
    "suggesting",
    "announcing",
];

/// Cues that may take the reported clause directly ("he said Russia is ready"); the others need "that".
const BARE_CLAUSE_CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "claimed",
    "claims",
    "argued",
    "argues",
    "insisted",
    "insists",
    "believes",
    "believed",
    "thinks",
    "thought",
    "wrote",
    "writes",
    "stated",
    "states",
    "noted",
    "notes",
    "reported",
    "reports",
    "predicted",
    "predicts",
    "estimated",
    "estimates",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "maintained",
    "maintains",
    "contended",
    "contends",
    "saying",
    "adding",
    "noting",
    "arguing",
    "insisting",
    "claiming",
];

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "He", "She", "They", "We", "I", "It",
];

fn speech() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| SPEECH_VERBS.iter().copied().collect())
}

fn indirect() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| INDIRECT_CUES.iter().copied().collect())
}

fn is_open(c: char) -> bool {
    matches!(c, '\u{201c}' | '"' | '\u{ab}' | '\u{201e}')
}
fn is_close(c: char) -> bool {
    matches!(c, '\u{201d}' | '"' | '\u{bb}')
}

pub struct QuoteInput<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token<'a>],
    pub sentences: &'a [Sentence],
    pub paragraphs: &'a [Span],
    pub mentions: &'a [Mention],
}

pub fn extract_quotes(input: &QuoteInput) -> Vec<Quote> {
    let mut quotes: Vec<Quote> = Vec::new();
    let mut last_speaker: Option<(u32, Speaker)> = None;
    for (pi, p) in input.paragraphs.iter().enumerate() {
        if let Some(q) = transcript_line(input, *p).or_else(|| signed_post(input, *p)) {
            if let Some(sp) = &q.speaker {
                last_speaker = Some((pi as u32, sp.clone()));
            }
            quotes.push(q);
            continue;
        }
        let marks = quote_spans(input.text, *p);
        let mut covered: Vec<Span> = Vec::new();
        let mut prev_direct: Option<usize> = None;
        for (qi, q) in marks.iter().enumerate() {
            let words = input.text[q.start as usize..q.end as usize]
                .split_whitespace()
                .count();
            let sentence = sentence_of(input.sentences, q.start);
            let found = attribute_direct(input, *q, *p);
            // "A," said X. "B": the second part continues the first quote (no attribution of its own, or
            // the same speaker found again across a short gap).
            if let Some(i) = prev_direct {
                let last: &Quote = &quotes[i];
                let gap = input.text[last.span.end as usize..q.start as usize]
                    .split_whitespace()
                    .count();
                let same = match (&found, &last.speaker) {
                    (None, _) => true,
                    (Some((sp, _, _, false)), Some(prev)) => sp.key.is_some() && sp.key == prev.key,
                    _ => false,
                };
                if same && gap <= 12 && words >= 3 {
                    let last = &mut quotes[i];
                    last.span = Span::new(last.span.start as usize, q.end as usize);
                    covered.push(*q);
                    continue;
                }
            }
            if let Some((_, _, false, _)) = found {
                if words < 4 {
                    continue;
                }
            }
            let whole_paragraph = marks.len() == 1 && is_whole_paragraph(input.text, *p, *q);
            let speaker_cue = match found {
                Some((sp, cue, _, _)) => Some((sp, Some(cue))),
                None if whole_paragraph && qi == 0 => last_speaker
                    .as_ref()
                    .filter(|(lp, _)| *lp + 1 == pi as u32)
                    .map(|(_, s)| (s.clone(), None)),
                None => None,
            };
            // Quote marks nobody is said to have spoken (scare quotes, titles) are not quotes.
            let Some((speaker, cue)) = speaker_cue else {
                continue;
            };
            if words < 3 && cue.is_none() {
                continue;
            }
            last_speaker = Some((pi as u32, speaker.clone()));
            covered.push(*q);
            prev_direct = Some(quotes.len());
            quotes.push(Quote {
                span: *q,
                sentence,
                direct: true,
                speaker: Some(speaker),
                cue,
            });
        }
        for (si, s) in input.sentences.iter().enumerate() {
            if s.paragraph != pi as u32 {
                continue;
            }
            let inside: usize = covered.iter().map(|c| c.overlap(s.span)).sum();
            if inside * 2 > s.span.len() {
                continue;
            }
            for q in indirect_quotes(input, si as u32, s.span) {
                let clashes = covered
                    .iter()
                    .any(|c| c.overlap(q.span) > 0 && !q.span.contains(*c));
                if clashes {
                    continue;
                }
                if let Some(sp) = &q.speaker {
                    last_speaker = Some((pi as u32, sp.clone()));
                }
                // A partial quote inside reported speech is part of that speech, not a quote of its own.
                quotes.retain(|old: &Quote| !(old.direct && q.span.contains(old.span)));
                quotes.push(q);
            }
        }
    }
    quotes.sort_by_key(|q| q.span.start);
    quotes
}

/// A transcript or headline line: `PENCE: Well, look...` or `Pence: Flowers won't be at debate`.
fn transcript_line(input: &QuoteInput, p: Span) -> Option<Quote> {
    let full = &input.text[p.start as usize..p.end as usize];
    // Transcripts are often quoted paragraph by paragraph: `"WALLACE: ...`.
    let text = full.trim_start_matches(['"', '\u{201c}', ' ']);
    let offset = p.start as usize + (full.len() - text.len());
    let colon = text.find(':')?;
    let head = &text[..colon];
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 3
        || !words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
    {
        return None;
    }
    if words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "update"
                | "updated"
                | "note"
                | "editor's"
                | "watch"
                | "read"
                | "photo"
                | "video"
                | "related"
                | "key"
                | "points"
                | "source"
                | "sources"
                | "correction"
                | "here"
                | "the"
                | "a"
                | "this"
                | "it"
                | "but"
                | "and"
        )
    }) {
        return None;
    }
    let rest = &text[colon + 1..];
    let lead = rest.len() - rest.trim_start().len();
    let body = rest.trim().trim_end_matches(['"', '\u{201d}']).trim_end();
    if body.split_whitespace().count() < 4 {
        return None;
    }
    let start = offset + colon + 1 + lead;
    let span = Span::new(start, start + body.len());
    let head_span = Span::new(offset, offset + head.trim_end().len());
    Some(Quote {
        span,
        sentence: sentence_of(input.sentences, p.start),
        direct: true,
        speaker: Some(named_speaker(input, head_span)),
        cue: Some(":".into()),
    })
}

/// A speaker named by a bare phrase (a transcript label, a tweet signature): the mention inside it, or
/// the person whose name ends with it ("PENCE" -> Mike Pence).
fn named_speaker(input: &QuoteInput, span: Span) -> Speaker {
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

/// An embedded post: `Text of the tweet ― Name (@handle) September 26, 2016`.
fn signed_post(input: &QuoteInput, p: Span) -> Option<Quote> {
    let text = &input.text[p.start as usize..p.end as usize];
    let (dash, _) = text
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, '\u{2015}' | '\u{2014}'))?;
    let sig = &text[dash..];
    let sig_start = dash + sig.chars().next()?.len_utf8();
    if !sig.contains("(@") {
        return None;
    }
    let name_end = sig_start + text[sig_start..].find("(@")?;
    let body = text[..dash]
        .trim()
        .trim_matches(['"', '\u{201c}', '\u{201d}', ' ']);
    if body.split_whitespace().count() < 3 {
        return None;
    }
    let body_start = p.start as usize + text.find(body)?;
    let name = text[sig_start..name_end].trim();
    let name_start = p.start as usize
        + sig_start
        + (text[sig_start..name_end].len() - text[sig_start..name_end].trim_start().len());
    let speaker = named_speaker(input, Span::new(name_start, name_start + name.len()));
    Some(Quote {
        span: Span::new(body_start, body_start + body.len()),
        sentence: sentence_of(input.sentences, p.start),
        direct: true,
        speaker: Some(speaker),
        cue: Some("\u{2015}".into()),
    })
}

/// Spans inside paired quote marks within a paragraph. A quote still open at the paragraph end runs to it.
fn quote_spans(text: &str, p: Span) -> Vec<Span> {
    let ptext = &text[p.start as usize..p.end as usize];
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    let chars: Vec<(usize, char)> = ptext.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1).unwrap_or(' ');
        match open {
            None if is_open(c)
                && (c != '"' || !prev.is_alphanumeric())
                && !next.is_whitespace() =>
            {
                open = Some(i + c.len_utf8())
            }
            Some(s) if is_close(c) && (c != '"' || !next.is_alphanumeric()) => {
                if i > s {
                    out.push(Span::new(p.start as usize + s, p.start as usize + i));
                }
                open = None;
            }
            _ => {}
        }
        prev = c;
    }
    if let Some(s) = open {
        if ptext.len() > s + 10 {
            out.push(Span::new(p.start as usize + s, p.end as usize));
        }
    }
    out.retain(|s| {
        text[s.start as usize..s.end as usize]
            .chars()
            .any(|c| c.is_alphabetic())
    });
    out
}

fn is_whole_paragraph(text: &str, p: Span, q: Span) -> bool {
    let before = &text[p.start as usize..q.start as usize];
    let after = &text[q.end as usize..p.end as usize];
    before.chars().filter(|c| c.is_alphanumeric()).count() == 0
        && after.chars().filter(|c| c.is_alphanumeric()).count() == 0
}

fn sentence_of(sentences: &[Sentence], pos: u32) -> u32 {
    match sentences.binary_search_by(|s| {
        if s.span.end <= pos {
            std::cmp::Ordering::Less
        } else if s.span.start > pos {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(i) => i as u32,
        Err(i) => i.saturating_sub(1) as u32,
    }
}

/// Token index range of tokens fully inside `span`.
fn token_range(tokens: &[Token], span: Span) -> (usize, usize) {
    let a = tokens.partition_point(|t| t.start < span.start as usize);
    let b = tokens.partition_point(|t| t.end <= span.end as usize);
    (a, b.max(a))
}

/// Find the speaker of a direct quote from the words right after or before it.
/// Returns the speaker, the cue, whether the cue sits right at the quote, and whether it follows the quote (`"...," X said` or `X said: "..."`);
/// a short quote with a distant cue is a partial quote inside reported speech, not a quote of its own.
fn attribute_direct(input: &QuoteInput, q: Span, p: Span) -> Option<(Speaker, String, bool, bool)> {
    let toks = input.tokens;
    // After: `," X said` / `," said X` / `, X told reporters`.
    let (_, after_start) = token_range(toks, Span::new(p.start as usize, q.end as usize + 1));
    let (_, p_end) = token_range(toks, p);
    let mut k = after_start;
    while k < p_end
        && toks[k].kind == TokenKind::Punct
        && !matches!(toks[k].text, "." | "\"" | "\u{201c}")
    {
        k += 1;
    }
    let window_end = (k + 9).min(p_end);
    #[allow(clippy::needless_range_loop)] // `v` is also a position passed to the phrase finders
    for v in k..window_end {
        if matches!(toks[v].text, "." | "\"" | "\u{201c}" | ";") {
            break;
        }
        if speech().contains(toks[v].text) {
            if v > k {
                if let Some(sp) = subject_before(input, k, v, q.start) {
                    return Some((sp, toks[v].text.to_string(), true, true));
                }
            }
            if let Some(sp) = object_after(input, v + 1, p_end, q.start) {
                return Some((sp, toks[v].text.to_string(), true, true));
            }
        }
    }
    // Before: `X said: "` / `X said, "` / `According to X, "`.
    let (p_start_tok, before_end) =
        token_range(toks, Span::new(p.start as usize, q.start as usize - 1));
    let lo = before_end.saturating_sub(14).max(p_start_tok);
    for v in (lo..before_end).rev() {
        if matches!(toks[v].text, "\u{201d}") || (toks[v].text == "." && v + 1 < before_end) {
            break;
        }
        if toks[v].text.eq_ignore_ascii_case("according")
            && toks.get(v + 1).is_some_and(|t| t.text == "to")
        {
            if let Some(sp) = object_after(input, v + 2, before_end, q.start) {
                return Some((sp, "according to".into(), true, false));
            }
        }
        if speech().contains(toks[v].text) {
            let adjacent = v + 1 == before_end || matches!(toks[before_end - 1].text, ":" | ",");
            let sent_start = clause_start(toks, p_start_tok, v);
            if let Some(sp) = subject_before(input, sent_start, v, q.start) {
                return Some((sp, toks[v].text.to_string(), adjacent, false));
            }
            if let Some(sp) = object_after(input, v + 1, before_end, q.start) {
                return Some((sp, toks[v].text.to_string(), adjacent, false));
            }
        }
    }
    None
}

/// Where the clause holding token `v` begins: after the last sentence end, quote or semicolon before it.
fn clause_start(toks: &[Token], lo: usize, v: usize) -> usize {
    let mut s = v;
    while s > lo {
        if matches!(toks[s - 1].text, "." | ";" | "\u{201d}" | "\"" | "?" | "!") {
            break;
        }
        s -= 1;
    }
    s
}

const SKIP_BEFORE_VERB: &[&str] = &[
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
fn subject_before(input: &QuoteInput, lo: usize, v: usize, at: u32) -> Option<Speaker> {
    let toks = input.tokens;
    let mut end = v;
    while end > lo && SKIP_BEFORE_VERB.contains(&toks[end - 1].text) {
        end -= 1;
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
            let span = extend_with_title(input, m);
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
    if start == end || !looks_like_np(&toks[start..end]) {
        return None;
    }
    let span = Span::new(toks[start].start, toks[end - 1].end);
    Some(resolve_phrase(input, span, at))
}

/// The speaker named right after a verb (`said Lavrov`, `according to the ministry`).
fn object_after(input: &QuoteInput, from: usize, limit: usize, at: u32) -> Option<Speaker> {
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

/// A phrase that can name a speaker: ends in a noun-like word, holds no verb-like word.
fn looks_like_np(toks: &[Token]) -> bool {
    let Some(last) = toks.last() else {
        return false;
    };
    if last.kind != TokenKind::Word {
        return false;
    }
    let l = last.text.to_lowercase();
    if super::tokens::is_stopword(&l) || l.ends_with("ly") || l.ends_with("ing") {
        return false;
    }
    !toks.iter().any(|t| {
        matches!(
            t.text,
            "is" | "are" | "was" | "were" | "be" | "been" | "not" | "no"
        )
    })
}

fn extend_with_title(_input: &QuoteInput, m: &Mention) -> Span {
    m.span
}

/// A pronoun speaker: the most recent person named before the quote.
fn resolve_pronoun(input: &QuoteInput, span: Span, at: u32) -> Speaker {
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
fn resolve_phrase(input: &QuoteInput, span: Span, at: u32) -> Speaker {
    let phrase = &input.text[span.start as usize..span.end as usize];
    let words: Vec<String> = phrase
        .split_whitespace()
        .map(|w| w.to_lowercase())
        .collect();
    let definite = words.first().is_some_and(|w| w == "the") && words.len() >= 2;
    let role_like = words.iter().any(|w| {
        super::lexicon::ROLE_WORDS.contains(&w.as_str())
            || matches!(w.as_str(), "official" | "leader" | "minister" | "president")
    });
    if definite && role_like {
        let before = input
            .mentions
            .iter()
            .filter(|m| m.kind == EntityKind::Person && m.span.end <= at.max(span.start));
        let best = before
            .clone()
            .rfind(|m| {
                m.title.as_deref().is_some_and(|t| {
                    t.split_whitespace()
                        .any(|w| words.contains(&w.to_lowercase()))
                })
            })
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

/// Reported speech framed by the attribution: "According to X, CLAUSE", "CLAUSE, according to X",
/// "CLAUSE, X said".
fn framing_quote(input: &QuoteInput, si: u32, s: Span) -> Option<Quote> {
    let toks = input.tokens;
    let (a, b) = token_range(toks, s);
    if b <= a + 3 {
        return None;
    }
    let cues = indirect();
    let end_trim = |e: usize| -> usize {
        let mut e = e;
        while e > a
            && toks[e - 1].kind == TokenKind::Punct
            && !matches!(toks[e - 1].text, "\u{201d}" | "\"" | ")")
        {
            e -= 1;
        }
        e
    };
    // "According to X, CLAUSE" and "CLAUSE, according to X."
    for k in a..b.saturating_sub(2) {
        if toks[k].text.eq_ignore_ascii_case("according") && toks[k + 1].text == "to" {
            let comma = (k + 2..b).find(|&c| toks[c].text == ",");
            if k == a {
                let c = comma?;
                let speaker = object_after(input, k + 2, c, s.start)?;
                let e = end_trim(b);
                if e > c + 3 {
                    return Some(Quote {
                        span: Span::new(toks[c + 1].start, toks[e - 1].end),
                        sentence: si,
                        direct: false,
                        speaker: Some(speaker),
                        cue: Some("according to".into()),
                    });
                }
            } else if k > a + 3 && toks[k - 1].text == "," {
                let speaker = object_after(input, k + 2, b, s.start)?;
                return Some(Quote {
                    span: Span::new(toks[a].start, toks[k - 2].end),
                    sentence: si,
                    direct: false,
                    speaker: Some(speaker),
                    cue: Some("according to".into()),
                });
            }
        }
    }
    // "CLAUSE, X said." / "CLAUSE, said X."
    let e = end_trim(b);
    for c in (a + 3..e).rev() {
        if toks[c].text != "," {
            continue;
        }
        if e - c > 12 {
            break;
        }
        for v in c + 1..e {
            if cues.contains(toks[v].text) {
                let speaker = if v > c + 1 {
                    subject_before(input, c + 1, v, s.start)
                } else {
                    object_after(input, v + 1, e, s.start)
                };
                if let Some(sp) = speaker {
                    let mut ce = c;
                    while ce > a && matches!(toks[ce - 1].text, "\u{201d}" | "\"") {
                        ce -= 1;
                    }
                    let mut cs = a;
                    while cs < ce && matches!(toks[cs].text, "\u{201c}" | "\"") {
                        cs += 1;
                    }
                    if ce > cs + 2 {
                        return Some(Quote {
                            span: Span::new(toks[cs].start, toks[ce - 1].end),
                            sentence: si,
                            direct: false,
                            speaker: Some(sp),
                            cue: Some(toks[v].text.to_string()),
                        });
                    }
                }
                break;
            }
        }
    }
    None
}

/// Reported speech without quote marks in one sentence: the framing patterns, or else every
/// `SUBJECT CUE CONTENT` clause ("X said Y, adding Z" gives two).
fn indirect_quotes(input: &QuoteInput, si: u32, s: Span) -> Vec<Quote> {
    if let Some(q) = framing_quote(input, si, s) {
        return vec![q];
    }
    let toks = input.tokens;
    let (a, b) = token_range(toks, s);
    let mut out: Vec<Quote> = Vec::new();
    if b <= a + 3 {
        return out;
    }
    let mut end = b;
    while end > a
        && toks[end - 1].kind == TokenKind::Punct
        && !matches!(toks[end - 1].text, "\u{201d}" | "\"" | ")")
    {
        end -= 1;
    }
    let mut prev_speaker: Option<Speaker> = None;
    let mut v = a + 1;
    while v < end {
        let cue = toks[v].text;
        let tier_a = indirect().contains(cue);
        let tier_b = COMPLEMENT_CUES.contains(&cue);
        if !tier_a && !tier_b {
            v += 1;
            continue;
        }
        let participle = cue.ends_with("ing") && toks[v - 1].text == ",";
        let lo = clause_start_indirect(toks, a, v);
        let mut speaker = subject_before(input, lo, v, s.start);
        if participle {
            speaker = speaker
                .or_else(|| prev_speaker.clone())
                .or_else(|| sentence_subject(input, a, v, s.start));
        }
        let Some(sp) = speaker else {
            v += 1;
            continue;
        };
        if tier_b && !tier_a && !is_source_like(input, &sp) {
            v += 1;
            continue;
        }
        let bare = BARE_CLAUSE_CUES.contains(&cue) || tier_b;
        let Some(cs) = content_start(toks, v, end, bare) else {
            v += 1;
            continue;
        };
        // The content runs to the next participial cue (", adding ...") or the sentence end.
        let mut ce = end;
        for k in cs + 1..end {
            if toks[k - 1].text == ","
                && (indirect().contains(toks[k].text) && toks[k].text.ends_with("ing"))
            {
                ce = k - 1;
                break;
            }
        }
        if ce <= cs + 2 {
            v += 1;
            continue;
        }
        out.push(Quote {
            span: Span::new(toks[cs].start, toks[ce - 1].end),
            sentence: si,
            direct: false,
            speaker: Some(sp.clone()),
            cue: Some(cue.to_string()),
        });
        prev_speaker = Some(sp);
        v = ce.max(v + 1);
    }
    out
}

/// The subject of a sentence, for a participial cue far from it ("Trump attacked X on Friday, saying ..."):
/// a pronoun or a person named within the first few tokens.
fn sentence_subject(input: &QuoteInput, a: usize, v: usize, at: u32) -> Option<Speaker> {
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

/// Verbs whose object or complement is what was claimed ("urged supporters to monitor polls",
/// "criticized the deal", "the poll shows Clinton ahead"). They count only with a named or source-like
/// subject.
const COMPLEMENT_CUES: &[&str] = &[
    "urged",
    "urges",
    "urging",
    "called",
    "calls",
    "asked",
    "asks",
    "criticized",
    "criticised",
    "criticizes",
    "attacked",
    "attacks",
    "praised",
    "praises",
    "blasted",
    "slammed",
    "cited",
    "cites",
    "citing",
    "accused",
    "defended",
    "questioned",
    "demanded",
    "condemned",
    "described",
    "describes",
    "mocked",
    "dismissed",
    "rejected",
    "welcomed",
    "shows",
    "showed",
    "show",
    "found",
    "finds",
    "revealed",
    "mentioned",
    "wants",
    "want",
    "plans",
    "refuses",
    "refused",
    "declined",
    "opposes",
    "opposed",
    "supports",
    "supported",
    "pledged",
    "pledges",
    "vowed",
    "promised",
    "promising",
    "hopes",
    "fears",
    "knows",
    "know",
    "believe",
    "think",
    "expects",
    "expected",
    "challenged",
    "endorsed",
    "blamed",
    "blames",
    "credited",
    "touted",
    "touts",
    "highlighted",
    "highlighting",
    "pointed",
    "recalled",
    "recalling",
    "discussed",
    "discusses",
    "addressed",
    "explained",
    "explaining",
];

/// Whether a speaker can carry a complement cue: a named entity, a pronoun, or a phrase naming a source.
fn is_source_like(input: &QuoteInput, sp: &Speaker) -> bool {
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

/// Where the reported content starts after the cue at `v`, or None when no clause follows.
fn content_start(toks: &[Token], v: usize, end: usize, bare_clause: bool) -> Option<usize> {
    let mut cs = v + 1;
    if cs >= end {
        return None;
    }
    let cue = toks[v].text;
    let find_that = |from: usize| {
        (from..end.min(from + 10))
            .find(|&k| toks[k].text == "that")
            .map(|t| t + 1)
    };
    if matches!(cue, "told" | "tells" | "telling") {
        return Some(match find_that(cs) {
            Some(t) => t,
            None => {
                let mut k = cs;
                while k < end
                    && (toks[k].is_capitalized()
                        || matches!(
                            toks[k].text,
                            "the"
                                | "a"
                                | "reporters"
                                | "journalists"
                                | "news"
                                | "agency"
                                | "him"
                                | "her"
                                | "them"
                                | "us"
                                | "me"
                                | "lawmakers"
                                | "supporters"
                                | "voters"
                                | "audience"
                                | "crowd"
                        ))
                {
                    k += 1;
                }
                k
            }
        });
    }
    match toks[cs].text {
        "that" => cs += 1,
        "for" | "on" if matches!(cue, "called" | "calls") => cs += 1,
        "on" | "in" | "during" | "at" | "last" | "this" | "earlier" | "later" | "repeatedly"
        | "publicly" | "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday"
        | "Sunday" => {
            cs = find_that(cs)?;
        }
        "," => cs += 1,
        "to" | "of" | "about" | "nothing" | "so" | "yes" | "no"
            if bare_clause
                && !matches!(
                    cue,
                    "urged"
                        | "urges"
                        | "urging"
                        | "asked"
                        | "asks"
                        | "pledged"
                        | "vowed"
                        | "promised"
                        | "plans"
                        | "refuses"
                        | "refused"
                        | "declined"
                        | "wants"
                        | "want"
                        | "expects"
                ) =>
        {
            return None
        }
        _ if !bare_clause => return None,
        _ => {}
    }
    (cs < end && (toks[cs].kind != TokenKind::Punct || matches!(toks[cs].text, "\u{201c}" | "\"")))
        .then_some(cs)
}

/// Start of the subject before an indirect cue: skip an introductory phrase ending in a comma.
fn clause_start_indirect(toks: &[Token], a: usize, v: usize) -> usize {
    let mut s = v;
    while s > a {
        if matches!(toks[s - 1].text, "," | ";" | ":") {
            break;
        }
        s -= 1;
    }
    s
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze_text;

    fn quotes(text: &str) -> Vec<(String, Option<String>, bool)> {
        let (_, a) = analyze_text(text, None);
        a.quotes
            .iter()
            .map(|q| {
                (
                    text[q.span.start as usize..q.span.end as usize].to_string(),
                    q.speaker.as_ref().map(|s| s.name.clone()),
                    q.direct,
                )
            })
            .collect()
    }

    #[test]
    fn direct_quote_after_and_before() {
        let q = quotes("Russian Foreign Minister Sergei Lavrov spoke. \"It was a very useful conversation,\" Lavrov said.");
        assert_eq!(
            q,
            [(
                "It was a very useful conversation,".to_string(),
                Some("Lavrov".to_string()),
                true
            )]
        );
        let q = quotes("Zelenskyy said, “We cannot recognize any agreements about us without us.”");
        assert_eq!(q[0].1.as_deref(), Some("Zelenskyy"));
        assert_eq!(
            q[0].0,
            "We cannot recognize any agreements about us without us."
        );
    }

    #[test]
    fn inverted_and_pronoun_speakers() {
        let q = quotes("Marco Rubio arrived. \"We are not going to predetermine what those are,\" said Rubio. \"It is a first step,\" he said.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Rubio"));
        assert_eq!(q[1].1.as_deref(), Some("Rubio"));
    }

    #[test]
    fn role_phrases_resolve_to_the_person_with_that_title() {
        let q = quotes("Foreign Minister Yuri Barzenko met President Dmitri Kalenskyy. \"We came to listen,\" the minister said. \"The river is ours,\" the president said.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Yuri Barzenko"));
        assert_eq!(q[1].1.as_deref(), Some("Dmitri Kalenskyy"));
    }

    #[test]
    fn transcripts_and_continued_quotes() {
        let q = quotes("\"PENCE: Well, look, this is serious business for the country.\nSenator Maria Lind spoke. \"This is in their heads,\" said Lind, speaking of the vote. \"It is one of the things worrying them.\"");
        assert_eq!(
            q[0].0,
            "Well, look, this is serious business for the country."
        );
        assert_eq!(q[0].1.as_deref(), Some("PENCE"));
        assert!(
            q[1].0.starts_with("This is in their heads") && q[1].0.ends_with("worrying them."),
            "{q:?}"
        );
        assert_eq!(q[1].1.as_deref(), Some("Lind"));
    }

    #[test]
    fn quote_spanning_sentences() {
        let q = quotes("Yuri Ushakov briefed reporters. \"It was serious. We talked about everything,\" Ushakov said.");
        assert_eq!(q[0].0, "It was serious. We talked about everything,");
        assert_eq!(q[0].1.as_deref(), Some("Ushakov"));
    }

    #[test]
    fn indirect_quotes() {
        let q = quotes("Kremlin spokesman Dmitry Peskov said that Russia agrees with Ukraine's membership in the EU.");
        assert_eq!(
            q,
            [(
                "Russia agrees with Ukraine's membership in the EU".to_string(),
                Some("Dmitry Peskov".to_string()),
                false
            )]
        );
        let q = quotes("The talks will resume next month, a senior official told reporters.");
        assert_eq!(q[0].0, "The talks will resume next month");
        assert_eq!(q[0].1.as_deref(), Some("a senior official"));
        let q = quotes(
            "According to the State Department, both sides agreed to appoint negotiating teams.",
        );
        assert_eq!(q[0].0, "both sides agreed to appoint negotiating teams");
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(
            quotes("The two sides agreed to \"normalize\" relations after the meeting.").is_empty()
        );
    }
}
