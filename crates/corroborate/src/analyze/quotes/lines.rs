//! Attributions that a whole line makes, outside the sentence rules of the other tiers:
//! transcripts (`PENCE: ...`), signed posts (`... ― Name (@handle) date`), title-case headlines
//! (`X Says Y`) and pull quotes (`"..." ― Name`).

use super::speaker::named_speaker;
use super::{sentence_of, token_range, QuoteInput};
use crate::analyze::tokens::TokenKind;
use crate::model::{EntityKind, Quote, Span, Speaker};

/// The attribution of a pull quote or a vox pop: `"..." ― Carla Sanchez` (a dash and a name closing
/// the line).
pub(super) fn dash_attribution(input: &QuoteInput, q: Span, p: Span) -> Option<Speaker> {
    let text = input.text;
    let (q_end, p_end) = (q.end as usize, p.end as usize);
    let after_mark = q_end + text.get(q_end..p_end)?.chars().next()?.len_utf8();
    let rest = text.get(after_mark..p_end)?;
    let rest = rest.split('\n').next().unwrap_or("");
    let blank = |c: char| c.is_whitespace() || c == '\u{a0}';
    let name_part = ["\u{2015}", "\u{2014}", "\u{2013}", "--"]
        .iter()
        .find_map(|d| rest.trim_start_matches(blank).strip_prefix(d))?;
    let name = name_part.trim_matches(|c: char| blank(c) || c == '.' || c == ',');
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    if words.is_empty() || words.len() > 6 || capitalised * 2 < words.len() + 1 {
        return None;
    }
    // `name` is a slice of `text`: its offset is where it starts in memory.
    let start = name.as_ptr() as usize - text.as_ptr() as usize;
    Some(named_speaker(input, Span::new(start, start + name.len())))
}

/// Verbs a title-case headline reports a claim with: `Chris Christie Says He Would Issue A
/// Quarantine`, `New Poll Shows Minor Bump For Clinton`, `Sanders Vows To End Tax Breaks`.
const HEADLINE_CUES: &[&str] = &[
    "Says",
    "Said",
    "Warns",
    "Shows",
    "Reveals",
    "Calls",
    "Vows",
    "Sees",
    "Claims",
    "Slams",
    "Blasts",
    "Rips",
    "Urges",
    "Admits",
    "Denies",
    "Insists",
    "Predicts",
    "Accuses",
    "Tells",
    "Suggests",
    "Argues",
    "Pledges",
    "Promises",
    "Threatens",
    "Demands",
    "Believes",
    "Thinks",
    "Confirms",
];

/// A headline in title case reporting what someone says, with the speaker first (`Chris Christie
/// Says He Would Issue A Quarantine`) or last (`Trump Could Address Clean Energy, Lindsey Graham
/// Says.`). Body text rules do not apply: every word is capitalised and there is rarely a full stop.
pub(super) fn headline_says(input: &QuoteInput, p: Span) -> Option<Quote> {
    let line = input.text.get(p.start as usize..p.end as usize)?;
    if line.len() > 200 || !crate::analyze::tokens::is_title_case(line) {
        return None;
    }
    let toks = input.tokens;
    let (a, b) = token_range(toks, p);
    let mut e = b;
    while e > a && toks[e - 1].kind == TokenKind::Punct {
        e -= 1;
    }
    if let Some(q) = headline_says_last(input, a, e) {
        return Some(q);
    }
    let v = (a + 1..e).find(|&k| HEADLINE_CUES.contains(&toks[k].text))?;
    // A speaker of up to six words before the cue and a claim of at least three after it.
    if v > a + 6
        || e < v + 4
        || toks[a..v]
            .iter()
            .any(|t| t.kind == TokenKind::Punct && t.text != ".")
    {
        return None;
    }
    let speaker = named_speaker(input, Span::new(toks[a].start, toks[v - 1].end));
    Some(Quote {
        span: Span::new(toks[v + 1].start, toks[e - 1].end),
        sentence: sentence_of(input.sentences, toks[v + 1].start as u32),
        direct: false,
        speaker: Some(speaker),
        cue: Some(toks[v].text.to_lowercase()),
    })
}

/// `CLAIM, SPEAKER Says`: the cue is the headline's last word (tokens `a..e`, closing punctuation
/// left out), the speaker at most six words after the last comma, the claim at least three before it.
fn headline_says_last(input: &QuoteInput, a: usize, e: usize) -> Option<Quote> {
    let toks = input.tokens;
    let v = e.checked_sub(1).filter(|&v| v > a)?;
    if !HEADLINE_CUES.contains(&toks[v].text) {
        return None;
    }
    let comma = (a..v).rev().find(|&k| toks[k].text == ",")?;
    if v - comma > 7 || v - comma < 2 || comma < a + 3 {
        return None;
    }
    let speaker = named_speaker(input, Span::new(toks[comma + 1].start, toks[v - 1].end));
    Some(Quote {
        span: Span::new(toks[a].start, toks[comma - 1].end),
        sentence: sentence_of(input.sentences, toks[a].start as u32),
        direct: false,
        speaker: Some(speaker),
        cue: Some(toks[v].text.to_lowercase()),
    })
}

/// A transcript or headline line: `PENCE: Well, look...` or `Pence: Flowers won't be at debate`.
pub(super) fn transcript_line(input: &QuoteInput, p: Span) -> Option<Quote> {
    let full = &input.text[p.start as usize..p.end as usize];
    // Transcripts are often quoted paragraph by paragraph: `"WALLACE: ...`.
    let text = full.trim_start_matches(['"', '\u{201c}', ' ']);
    let offset = p.start as usize + (full.len() - text.len());
    let colon = text.find(':')?;
    let head = &text[..colon];
    let words: Vec<&str> = head.split_whitespace().collect();
    let head_span = Span::new(offset, offset + head.trim_end().len());
    // A two-word name the lexicon does not know ("Daron Shaw") is kind Other: after a title in lower
    // case it is a person, but a Title Case section head ("Limited Tools to Fight Terrorism:") is not.
    let lower_title = words.iter().any(|w| {
        w.chars().next().is_some_and(char::is_lowercase) && !crate::analyze::tokens::is_stopword(w)
    });
    let person_named = input.mentions.iter().any(|m| {
        m.span.end == head_span.end
            && match m.kind {
                EntityKind::Person => true,
                EntityKind::Other => {
                    lower_title
                        && input.text[m.span.start as usize..m.span.end as usize]
                            .split_whitespace()
                            .count()
                            >= 2
                }
                _ => false,
            }
    });
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()));
    // A person's name may carry a longer title, in lower case too: "Republican pollster Daron Shaw:".
    let (max_words, title_ok) = if person_named {
        (6, true)
    } else {
        (3, capitalised)
    };
    if words.is_empty() || words.len() > max_words || head.contains(',') || !title_ok {
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
                | "corrections"
                | "clarification"
                | "clarifications"
                | "disclosure"
                | "disclaimer"
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
    // `Russia: "Relations are key"`: the marks enclose the words, they are not part of them.
    let opened = rest.trim_start();
    let unquoted = opened.trim_start_matches(['"', '\u{201c}', '\u{2018}']);
    let lead = rest.len() - unquoted.len();
    let body = unquoted
        .trim_end()
        .trim_end_matches(['"', '\u{201d}'])
        .trim_end();
    // `‘We Do Not Pay Candidates.’`: single marks enclose a headline's words too.
    let body = if opened.starts_with('\u{2018}') {
        body.trim_end_matches('\u{2019}').trim_end()
    } else {
        body
    };
    if body.split_whitespace().count() < 4 {
        return None;
    }
    let start = offset + colon + 1 + lead;
    let span = Span::new(start, start + body.len());
    // A label is one word ("Poll:", "Pence:"), a capitalised speaker tag ("MR. WALLACE:") or ends
    // in a name ("Dr. Ben Carson:"); a headline phrase ("Ukraine Pushes Back:") is no speaker.
    let all_caps = head.chars().all(|c| !c.is_lowercase());
    let ends_in_name = input.mentions.iter().any(|m| m.span.end == head_span.end);
    if words.len() > 1 && !all_caps && !ends_in_name {
        return None;
    }
    Some(Quote {
        span,
        sentence: sentence_of(input.sentences, p.start),
        direct: true,
        speaker: Some(named_speaker(input, head_span)),
        cue: Some(":".into()),
    })
}

/// An embedded post: `Text of the tweet ― Name (@handle) September 26, 2016`.
pub(super) fn signed_post(input: &QuoteInput, p: Span) -> Option<Quote> {
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
