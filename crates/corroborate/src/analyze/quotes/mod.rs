//! Quotes, direct ("...", X said) and indirect (X said that ...), with the speaker resolved.
//!
//! Direct quotes are found by pairing quote marks over the paragraph, so a quote may span sentences. The
//! speaker is the noun phrase next to a speech verb before or after the quote; pronouns and role phrases
//! ("he", "the minister") resolve to the most recent compatible person mention. A paragraph that is only
//! a quote continues the previous speaker.

mod appositive;
mod framing;
mod indirect;
pub mod learned;
mod lines;
#[cfg(feature = "quote-model")]
pub mod model;
mod speaker;
mod stance;

pub use stance::{content_reads_alone, is_speech_cue};

use super::lexicon::SPEECH_VERBS;
use super::tokens::{Token, TokenKind};
use crate::model::{Mention, Quote, Sentence, Span, Speaker};
use appositive::appositive_subject;
use indirect::indirect_quotes;
use lines::{dash_attribution, headline_says, signed_post, transcript_line};
use rustc_hash::FxHashSet as HashSet;
use speaker::{named_speaker, object_after, subject_before};
use std::sync::OnceLock;

pub(super) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "He", "She", "They", "We", "I", "It",
];

pub(super) fn speech() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| SPEECH_VERBS.iter().copied().collect())
}

/// Whether `word`, a cue verb's form that doubles as a noun, is the noun here, judged by the word
/// before it: "a dozen states held contests", "the reports say", "two calls", "his plans", "the
/// candidates' plans", "the think tank".
pub(super) fn noun_use(prev: Option<&str>, word: &str) -> bool {
    const PLURAL_NOUNS: &[&str] = &[
        "states", "reports", "claims", "calls", "notes", "remarks", "points", "tweets", "posts",
        "plans", "show", "shows", "think",
    ];
    const DETERMINERS: &[&str] = &[
        "a",
        "an",
        "the",
        "these",
        "those",
        "dozen",
        "many",
        "several",
        "all",
        "some",
        "both",
        "other",
        "few",
        "more",
        "most",
        "no",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "two",
        "three",
        "four",
        "five",
        "united",
        "news",
        "media",
        "press",
        "member",
        "swing",
        "battleground",
        "early",
        "primary",
        "southern",
        "northern",
        "red",
        "blue",
        // Possessives: "Trump's claims", "the candidates' plans".
        "'",
        "\u{2019}",
        "'s",
        "\u{2019}s",
    ];
    PLURAL_NOUNS.contains(&word)
        && prev.is_some_and(|p| {
            DETERMINERS.contains(&p.to_ascii_lowercase().as_str())
                || p.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Whether the token at `v` is a speech verb used as a verb.
pub(super) fn speech_at(toks: &[Token], v: usize) -> bool {
    speech().contains(toks[v].text)
        && !noun_use(v.checked_sub(1).map(|u| toks[u].text), toks[v].text)
}

pub(super) fn is_open(c: char) -> bool {
    matches!(c, '\u{201c}' | '"' | '\u{ab}' | '\u{201e}')
}

pub(super) fn is_close(c: char) -> bool {
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
    // The end of the previous paragraph's closing direct quote, which a paragraph opening with an
    // unattributed quote carries on.
    let mut carried: Option<u32> = None;
    for (pi, p) in input.paragraphs.iter().enumerate() {
        let carry = carried.take();
        if let Some(q) = transcript_line(input, *p)
            .or_else(|| signed_post(input, *p))
            .or_else(|| headline_says(input, *p))
        {
            if let Some(sp) = &q.speaker {
                last_speaker = Some((pi as u32, sp.clone()));
            }
            quotes.push(q);
            continue;
        }
        let marks = quote_spans(input.text, *p);
        // Earlier paragraphs' quotes are never removed below, so this paragraph's start here.
        let first_here = quotes.len();
        let mut covered: Vec<Span> = Vec::new();
        let mut prev_direct: Option<usize> = None;
        for (qi, q) in marks.iter().enumerate() {
            let words = input.text[q.start as usize..q.end as usize]
                .split_whitespace()
                .count();
            let sentence = sentence_of(input.sentences, q.start);
            let found = attribute_direct(input, *q, *p);
            if let Some(i) = carry.filter(|_| qi == 0 && found.is_none() && words >= 3) {
                if let Some(i) = continued_quote(input.text, *p, *q, &quotes, i) {
                    quotes[i].span = Span::new(quotes[i].span.start as usize, q.end as usize);
                    covered.push(*q);
                    prev_direct = Some(i);
                    continue;
                }
            }
            // "A," said X. "B": the second part continues the first quote (no attribution of its own, or
            // the same speaker found again across a short gap).
            if let Some(i) = prev_direct {
                let last: &Quote = &quotes[i];
                let gap_text = &input.text[last.span.end as usize..q.start as usize];
                let gap = gap_text
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count();
                // Only an attribution stands between the parts (`," he said, "`), not reported speech
                // that quotes a few words of its own (`, adding that it is "...`).
                let gap_words: Vec<&str> = gap_text
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let cues_in_gap = gap_words
                    .iter()
                    .enumerate()
                    .filter(|&(i, w)| {
                        (speech().contains(w) || indirect::indirect().contains(w))
                            && !noun_use(i.checked_sub(1).map(|u| gap_words[u]), w)
                    })
                    .count();
                let attribution_only = cues_in_gap <= 1
                    && !gap_text.split_whitespace().any(|w| w == "that")
                    && gap_text
                        .trim_end()
                        .trim_end_matches(['"', '\u{201c}'])
                        .trim_end()
                        .ends_with([',', ':', '.']);
                let same = match (&found, &last.speaker) {
                    (None, _) => true,
                    (Some((sp, cue, _, false)), Some(prev)) => {
                        (sp.key.is_some() && sp.key == prev.key)
                            || gap_words.contains(&cue.as_str())
                    }
                    _ => false,
                };
                // The attribution found for this part is the one standing between the parts: the
                // gap is that attribution, however long its appositive.
                let found_in_gap = found
                    .as_ref()
                    .is_some_and(|(_, cue, _, after)| !after && gap_words.contains(&cue.as_str()));
                let limit = if found.is_none() || found_in_gap {
                    40
                } else {
                    20
                };
                // `"A," X said outside the building. "B"`: B has no attribution of its own and
                // opens a sentence after A's attribution and a few words of scene; news style
                // goes on quoting X, and annotators take A to B as one quotation.
                let own_cue_in_gap = last.cue.as_deref().is_some_and(|c| gap_words.contains(&c));
                let scene_between = found.is_none()
                    && own_cue_in_gap
                    && gap_text
                        .trim_end()
                        .trim_end_matches(['"', '\u{201c}'])
                        .trim_end()
                        .trim_end_matches(['"', '\u{201d}'])
                        .ends_with(['.', '!', '?']);
                if same && (attribution_only || scene_between) && gap <= limit && words >= 3 {
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
            // `"Good Morning America" Tuesday, he said`: words quoted before an attribution end
            // with punctuation inside or right after the marks; a name in marks runs on into the
            // sentence.
            if let Some((_, _, _, true)) = found {
                if runs_on_after_marks(input.text, *q) {
                    continue;
                }
            }
            if names_a_work(input.text, *q) {
                continue;
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
            // A sentence that is mostly quotation has no reported clause of its own.
            let inside: usize = covered.iter().map(|c| c.overlap(s.span)).sum();
            if inside * 2 > s.span.len() {
                continue;
            }
            for q in indirect_quotes(input, si as u32, s.span) {
                // A direct quote ending the clause keeps its closing comma inside the marks
                // (`termed "influence peddling," the Post reported`); the clause stops before it.
                let core = |c: &Span| {
                    let inner = &input.text[c.start as usize..c.end as usize];
                    let kept = inner.trim_end_matches(|ch: char| {
                        ch.is_whitespace() || matches!(ch, ',' | '.' | ';' | ':')
                    });
                    Span::new(c.start as usize, c.start as usize + kept.len())
                };
                let clashes = covered
                    .iter()
                    .any(|c| c.overlap(q.span) > 0 && !q.span.contains(core(c)));
                // `X said, "..."`: the reported speech is the direct quote itself.
                // Or it is a direct quote and its attribution ("“...,” Graham told CBS, when ..."): the
                // direct quote already stands for it.
                // A quote that only opens a clause reported after its speaker (`Clinton argued that "on
                // her worst day" she would ...`) is part of that clause, not a restatement of it.
                let opens_clause = |c: &Span| {
                    c.len() * 10 < q.span.len() * 6
                        && q.speaker
                            .as_ref()
                            .is_some_and(|sp| sp.span.end <= q.span.start)
                };
                let restates = covered.iter().any(|c| {
                    c.overlap(q.span) * 10 >= q.span.len() * 8
                        || (q.span.contains(*c) && c.start <= q.span.start + 4 && !opens_clause(c))
                });
                if clashes || restates {
                    continue;
                }
                if let Some(sp) = &q.speaker {
                    last_speaker = Some((pi as u32, sp.clone()));
                }
                // A partial quote inside reported speech is part of that speech, not a quote of its own.
                quotes.retain(|old: &Quote| !(old.direct && q.span.contains(core(&old.span))));
                quotes.push(q);
            }
        }
        // The paragraph ends with a direct quote (`"... in turbulent times," Clinton said.`), which
        // may go on in the next paragraph. (Carrying a reported clause that ends in quoted words
        // as well changed nothing on PolNeAR and printed the attribution inside the quote.)
        carried = marks.last().and_then(|m| {
            quotes[first_here..]
                .iter()
                .find(|q| q.direct && q.span.end == m.end)
                .map(|q| q.span.end)
        });
    }
    // Sentences do not overlap, so a stance can only clash with the other tiers' quotes or with a
    // stance of its own sentence.
    let taken = stance::Taken::new(&quotes);
    let mut stances = Vec::new();
    for (si, s) in input.sentences.iter().enumerate() {
        stances.extend(stance::stance_quotes(input, si as u32, s.span, &taken));
    }
    quotes.extend(stances);
    for q in quotes.iter_mut().filter(|q| !q.direct) {
        q.span = balance_quote_marks(input.text, q.span);
    }
    quotes.sort_by_key(|q| q.span.start);
    share_coordinated_speakers(input, &mut quotes);
    resolve_pronoun_speakers(input, &mut quotes);
    quotes
}

/// Reported speech as a reader needs it: led by its cue when the words are what the cue acts on
/// ("accused the US of ...", not "the US of ..."), with "that" where the source `sentence` has it
/// after the cue; a cue that introduces a whole clause ("said") is left out.
pub fn reported_speech(words: &str, cue: Option<&str>, sentence: &str) -> String {
    match cue {
        Some(c) if !content_reads_alone(c) => {
            let head = &words[..super::tokens::floor_boundary(words, 24)];
            if sentence.contains(&format!("{c} that {head}")) {
                format!("{c} that {words}")
            } else {
                format!("{c} {words}")
            }
        }
        _ => words.to_string(),
    }
}

/// The words of a direct quote without the attribution that interrupts it: `unusual," said Noble,
/// an attorney. "It's hard` reads `unusual … It's hard`. A quote keeps its two parts in one span (they
/// are one statement), but a reader shown its text should not take the reporter's words for the
/// speaker's. Only a stretch between a closing and an opening mark that holds a verb of saying is cut.
pub fn spoken_words(quote: &str) -> String {
    // Newswire pairs (`''`) read as the double quotes they stand for.
    let quote = &*crate::analyze::ascii_quote_marks(quote);
    let closes = |c: char| matches!(c, '\u{201d}' | '"');
    let opens = |c: char| matches!(c, '\u{201c}' | '"');
    let mut out = String::with_capacity(quote.len());
    let mut rest = quote;
    // Both kinds of mark are single chars; their UTF-8 length differs.
    let past = |s: &str, i: usize| i + s[i..].chars().next().map_or(1, char::len_utf8);
    while let Some(close) = rest.find(closes) {
        let after = &rest[past(rest, close)..];
        let Some(open) = after.find(opens) else {
            break;
        };
        let between = &after[..open];
        let resume = past(after, open);
        let attribution = between
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| speech().contains(w));
        if !attribution || between.trim().is_empty() || between.len() > 200 {
            out.push_str(&rest[..rest.len() - after.len() + resume]);
            rest = &after[resume..];
            continue;
        }
        out.push_str(rest[..close].trim_end_matches([',', ' ']));
        out.push_str(" \u{2026} ");
        rest = after[resume..].trim_start();
    }
    out.push_str(rest);
    out
}

/// "X highlighted that A and reiterated B": B is X's too. A cue right after "and" has no subject of
/// its own, so it takes the speaker of the quote before it in the same sentence (the nearest name
/// before the cue, "NATO" in A, is not the speaker).
fn share_coordinated_speakers(input: &QuoteInput, quotes: &mut [Quote]) {
    for i in 1..quotes.len() {
        let (done, rest) = quotes.split_at_mut(i);
        let q = &mut rest[0];
        let Some(cue) = q.cue.as_deref() else {
            continue;
        };
        let before = input.text[..q.span.start as usize].trim_end();
        let Some(head) = before.strip_suffix(cue) else {
            continue;
        };
        if !head.trim_end().ends_with(" and") {
            continue;
        }
        // The first predicate's reported clause runs up to the "and": "X highlighted that A and ...".
        let and_at = head.trim_end().len() - "and".len();
        let previous = done.iter().rev().find(|p| {
            !p.direct
                && p.sentence == q.sentence
                && p.speaker.is_some()
                && input
                    .text
                    .get(p.span.end as usize..and_at)
                    .is_some_and(|gap| gap.chars().all(|c| !c.is_alphanumeric()))
        });
        if let Some(p) = previous {
            q.speaker = p.speaker.clone();
        }
    }
}

/// Reported speech that begins or ends with a few quoted words keeps both of their marks: the
/// clause boundary falls between a mark and its word (`have said “concessions” have to be made`
/// gave `concessions” have to be made`), which leaves a stray mark in what a briefing prints.
fn balance_quote_marks(text: &str, span: Span) -> Span {
    const MARKS: [char; 3] = ['\u{201c}', '\u{201d}', '"'];
    let (mut start, mut end) = (span.start as usize, span.end as usize);
    let Some(inner) = text.get(start..end) else {
        return span;
    };
    let opens = inner.matches('\u{201c}').count();
    let closes = inner.matches('\u{201d}').count();
    let straight_odd = inner.matches('"').count() % 2 == 1;
    let first = inner.find(MARKS).and_then(|i| inner[i..].chars().next());
    let last = inner.rfind(MARKS).and_then(|i| inner[i..].chars().next());
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    // The first mark inside closes a quotation whose opening mark sits just outside.
    let open_outside = match (before, first) {
        (Some('\u{201c}'), Some('\u{201d}')) => closes > opens,
        (Some('"'), Some('"')) => straight_odd,
        _ => false,
    };
    // The last mark inside opens a quotation whose closing mark sits just outside (a straight mark
    // already paired by taking in the one before cannot be).
    let close_outside = match (last, after) {
        (Some('\u{201c}'), Some('\u{201d}')) => opens > closes,
        (Some('"'), Some('"')) => straight_odd && !open_outside,
        _ => false,
    };
    if open_outside {
        start -= before.map_or(0, char::len_utf8);
    }
    if close_outside {
        end += after.map_or(0, char::len_utf8);
    } else if matches!(last, Some('\u{201c}' | '"')) && matches!(after, Some(',' | '.')) {
        // `as "very useful," noting ...`: the clause stops at the comma the closing mark follows.
        let next = text[end + 1..].chars().next();
        let closes = match last {
            Some('\u{201c}') => next == Some('\u{201d}') && opens > closes,
            _ => next == Some('"') && straight_odd && !open_outside,
        };
        if closes {
            end += 1 + next.map_or(0, char::len_utf8);
        }
    }
    Span::new(start, end)
}

/// "He said ..." refers to a person named outside what was reported: the last one named earlier in its
/// own sentence, else the first (the subject) of the nearest earlier sentence naming someone. In "Rubio
/// said the talks between Trump and Putin would go on. He said ...", "he" is Rubio, not Putin.
fn resolve_pronoun_speakers(input: &QuoteInput, quotes: &mut [Quote]) {
    // People named outside every quote, in text order (computed once per article).
    let mut persons: Vec<&crate::model::Mention> = input
        .mentions
        .iter()
        .filter(|m| {
            m.kind == crate::model::EntityKind::Person
                && !quotes.iter().any(|q| q.span.contains(m.span))
        })
        .collect();
    persons.sort_by_key(|m| m.span.end);
    for q in quotes.iter_mut() {
        let Some(sp) = &q.speaker else { continue };
        let phrase = &input.text[sp.span.start as usize..sp.span.end as usize];
        if !matches!(phrase, "he" | "she" | "He" | "She") {
            continue;
        }
        let bound = q.span.start.min(sp.span.start);
        let before = persons.partition_point(|m| m.span.end <= bound);
        let last = before.checked_sub(1);
        let pick = match last {
            // From an earlier sentence, "he" is most often its subject, which comes first: in
            // "Zelensky said, at a press conference with Erdogan, ... . He said ...", Zelensky.
            Some(i) if persons[i].sentence < q.sentence => {
                let s = persons[i].sentence;
                Some(persons[..=i].partition_point(|m| m.sentence < s))
            }
            // In its own sentence, a possessor is seldom the one acting: in "Trump questioned
            // Zelenskyy's legitimacy as he demanded elections", "he" is Trump.
            Some(i) if possessive(input, persons[i]) => (0..i)
                .rev()
                .take_while(|&j| persons[j].sentence == q.sentence)
                .find(|&j| !possessive(input, persons[j]))
                .or(Some(i)),
            other => other,
        };
        if let Some(m) = pick.map(|i| persons[i]) {
            q.speaker = Some(Speaker {
                name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
                key: Some(m.key.clone()),
                span: sp.span,
            });
        }
    }
}

/// A name followed by the possessive "'s" ("Zelenskyy's legitimacy").
fn possessive(input: &QuoteInput, m: &crate::model::Mention) -> bool {
    let rest = &input.text[m.span.end as usize..];
    rest.starts_with("'s") || rest.starts_with("\u{2019}s")
}

/// Whether the quote marks around `q` hold a name in title case and close with no punctuation
/// inside or right after them, the sentence running on (`"Good Morning America" Tuesday`). (Spoken
/// words may run on too: `"You squeezed employees" to drive up the stock price, she said`.)
fn runs_on_after_marks(text: &str, q: Span) -> bool {
    let Some(inner) = text.get(q.start as usize..q.end as usize) else {
        return false;
    };
    let inner = inner.trim_end();
    if inner.ends_with(|c: char| c.is_ascii_punctuation() || c == '\u{2026}') {
        return false;
    }
    if !in_title_case(inner.split_whitespace()) {
        return false;
    }
    let mut after = text.get(q.end as usize..).unwrap_or("").chars();
    // Past the closing mark.
    after.next();
    !matches!(
        after.next(),
        Some(',' | '.' | ';' | ':' | '!' | '?' | '\u{2014}' | '-') | None
    )
}

/// Words written as a title: each capitalised (or a number), but for the short function words titles
/// keep in lower case.
fn in_title_case<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words.all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || matches!(
                w,
                "of" | "the"
                    | "a"
                    | "an"
                    | "and"
                    | "in"
                    | "on"
                    | "for"
                    | "to"
                    | "with"
                    | "at"
                    | "by"
            )
    })
}

/// Marks around the title of a show, book or song (`on CBS's "Face the Nation," Ryan said`, `his 2002
/// book, "Make Your Kid a Millionaire,"`): a few capitalised words right after a possessive, a
/// preposition or a noun that names a kind of work. The speaker's cue is near, but a title is not what
/// was said.
fn names_a_work(text: &str, q: Span) -> bool {
    let Some(inner) = text.get(q.start as usize..q.end as usize) else {
        return false;
    };
    let words: Vec<&str> = inner
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let title = (1..=8).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && in_title_case(words.iter().copied());
    if !title {
        return false;
    }
    let before = text
        .get(..q.start as usize)
        .unwrap_or("")
        .trim_end()
        .trim_end_matches(['"', '\'', '\u{201c}', '\u{2018}'])
        .trim_end()
        .trim_end_matches(',');
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let prev_lower = prev.to_lowercase();
    prev.ends_with("'s")
        || prev.ends_with("\u{2019}s")
        || matches!(
            prev_lower.as_str(),
            "of" | "on"
                | "book"
                | "novel"
                | "memoir"
                | "song"
                | "anthem"
                | "album"
                | "show"
                | "film"
                | "movie"
                | "documentary"
                | "series"
                | "episode"
                | "program"
                | "programme"
                | "column"
                | "titled"
                | "entitled"
        )
}

/// Spans inside paired quote marks within a paragraph. A quote still open at the paragraph end runs to it.
pub(super) fn quote_spans(text: &str, p: Span) -> Vec<Span> {
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

/// `"A," X said.` then a paragraph opening `"B ...` with no attribution of its own: B goes on with
/// A (news style opens each paragraph of a long quotation with a mark). The quote to extend is the
/// direct quote ending at `end` in the paragraph before; the new part must open its paragraph.
fn continued_quote(text: &str, p: Span, q: Span, quotes: &[Quote], end: u32) -> Option<usize> {
    let lead = &text[p.start as usize..q.start as usize];
    if lead.chars().any(char::is_alphanumeric) {
        return None;
    }
    quotes
        .iter()
        .rposition(|old| old.direct && old.span.end == end)
}

pub(super) fn is_whole_paragraph(text: &str, p: Span, q: Span) -> bool {
    let before = &text[p.start as usize..q.start as usize];
    let after = &text[q.end as usize..p.end as usize];
    before.chars().filter(|c| c.is_alphanumeric()).count() == 0
        && after.chars().filter(|c| c.is_alphanumeric()).count() == 0
}

pub(super) fn sentence_of(sentences: &[Sentence], pos: u32) -> u32 {
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
pub(super) fn token_range(tokens: &[Token], span: Span) -> (usize, usize) {
    let a = tokens.partition_point(|t| t.start < span.start as usize);
    let b = tokens.partition_point(|t| t.end <= span.end as usize);
    (a, b.max(a))
}

/// Find the speaker of a direct quote from the words right after or before it.
/// Returns the speaker, the cue, whether the cue sits right at the quote, and whether it follows the quote (`"...," X said` or `X said: "..."`);
/// a short quote with a distant cue is a partial quote inside reported speech, not a quote of its own.
pub(super) fn attribute_direct(
    input: &QuoteInput,
    q: Span,
    p: Span,
) -> Option<(Speaker, String, bool, bool)> {
    if let Some(sp) = dash_attribution(input, q, p) {
        return Some((sp, "\u{2015}".into(), true, true));
    }
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
    // A quote that ends its sentence inside the marks (`...end."`) is not attributed by the words after
    // it: those begin the next sentence ("Adelson said he met ...").
    let ends_sentence = input.text[q.start as usize..q.end as usize]
        .trim_end()
        .ends_with('.');
    // Nine tokens reach "X said" and "said X"; 24 reach past a long appositive ("Michael McFaul, a senior
    // fellow at the Hoover Institution and a former ambassador to Russia, said").
    let window_end = if ends_sentence {
        k
    } else {
        (k + 24).min(p_end)
    };
    #[allow(clippy::needless_range_loop)] // `v` is also a position passed to the phrase finders
    for v in k..window_end {
        if matches!(toks[v].text, "\"" | "\u{201c}" | ";") || is_full_stop(toks, v) {
            break;
        }
        if speech_at(toks, v) {
            if v > k {
                // The appositive first: "X, the manager of Tamarac, said" is X, not Tamarac.
                if let Some(sp) =
                    appositive_subject(input, k, v).or_else(|| subject_before(input, k, v, q.start))
                {
                    return Some((sp, toks[v].text.to_string(), true, true));
                }
            }
            // `," said X`, `," then said X`: an inverted attribution follows the quote at once;
            // a verb further on ("" for his recently revealed tax strategies") is not one.
            let inverted = v == k || (v == k + 1 && is_adverb(toks[k].text));
            if inverted {
                if let Some(sp) = object_after(input, v + 1, p_end, q.start) {
                    return Some((sp, toks[v].text.to_string(), true, true));
                }
            }
        }
    }
    // Before: `X said: "` / `X said, "` / `According to X, "`.
    let (p_start_tok, before_end) =
        token_range(toks, Span::new(p.start as usize, q.start as usize - 1));
    let lo = before_end.saturating_sub(14).max(p_start_tok);
    for v in (lo..before_end).rev() {
        if matches!(toks[v].text, "\u{201d}") || (is_full_stop(toks, v) && v + 1 < before_end) {
            break;
        }
        if toks[v].text.eq_ignore_ascii_case("according")
            && toks.get(v + 1).is_some_and(|t| t.text == "to")
        {
            if let Some(sp) = object_after(input, v + 2, before_end, q.start) {
                return Some((sp, "according to".into(), true, false));
            }
        }
        if speech_at(toks, v) {
            let adjacent = v + 1 == before_end || matches!(toks[before_end - 1].text, ":" | ",");
            let sent_start = clause_start(toks, p_start_tok, v);
            if let Some(sp) = appositive_subject(input, sent_start, v)
                .or_else(|| subject_before(input, sent_start, v, q.start))
            {
                return Some((sp, toks[v].text.to_string(), adjacent, false));
            }
            // `Said X: "..."` names X after the cue; in `... and recalled his tendency to storm
            // out. "..."` the words after the cue are its object, not a speaker.
            if adjacent {
                if let Some(sp) = object_after(input, v + 1, before_end, q.start) {
                    return Some((sp, toks[v].text.to_string(), adjacent, false));
                }
            }
        }
    }
    colon_attribution(input, p_start_tok, before_end)
}

/// `Trump went even further: "..."`, `Hollande boomed: "..."`: a named subject, a short predicate
/// of any verb and a colon introduce what the subject said.
fn colon_attribution(
    input: &QuoteInput,
    p_start_tok: usize,
    before_end: usize,
) -> Option<(Speaker, String, bool, bool)> {
    let toks = input.tokens;
    let colon = before_end.checked_sub(1)?;
    if toks.get(colon)?.text != ":" || colon <= p_start_tok {
        return None;
    }
    let mut s = clause_start(toks, p_start_tok, colon);
    while s < colon && matches!(toks[s].text, "But" | "And" | "So" | "Then") {
        s += 1;
    }
    let m = input.mentions.iter().find(|m| {
        m.span.start as usize == toks[s].start && m.kind != crate::model::EntityKind::Place
    })?;
    let verb = (s..colon).find(|&k| toks[k].start >= m.span.end as usize)?;
    let predicate = &toks[verb..colon];
    let plain = predicate
        .iter()
        .all(|t| t.kind != TokenKind::Punct || matches!(t.text, "," | "'" | "\u{2019}"));
    if predicate.is_empty()
        || predicate.len() > 8
        || !plain
        || !predicate[0].text.starts_with(char::is_lowercase)
    {
        return None;
    }
    let cue = input.text[predicate[0].start..predicate[predicate.len() - 1].end].to_string();
    Some((named_speaker(input, m.span), cue, true, false))
}

/// Weekdays as news writes them, a time that may stand between a speaker, a cue and a clause.
pub(super) const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// "also", "later", "quietly": a word that may stand between a quote and an inverted "said".
fn is_adverb(word: &str) -> bool {
    matches!(word, "also" | "then" | "later" | "again" | "once") || word.ends_with("ly")
}

/// Whether token `i` is a full stop, not the period of an initial or title ("Michael C. Cernech",
/// "Mr. Ekovich", "U.S. officials"): attributions are read across those.
pub(super) fn is_full_stop(toks: &[Token], i: usize) -> bool {
    if toks[i].text != "." {
        return false;
    }
    let Some(prev) = i.checked_sub(1).map(|j| &toks[j]) else {
        return true;
    };
    if prev.end != toks[i].start || prev.kind != TokenKind::Word {
        return true;
    }
    let mut chars = prev.text.chars();
    let initial = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    let title = crate::analyze::segment::TITLE_ABBREVS
        .iter()
        .any(|t| t.strip_suffix('.') == Some(prev.text))
        || matches!(prev.text, "Jr" | "Sr" | "Inc" | "Co" | "Corp" | "Ltd");
    // "(D-Va.)," / "Inc., the maker": a sentence does not go on after its full stop.
    let goes_on = toks.get(i + 1).is_some_and(|t| {
        matches!(t.text, ")" | "," | ";") || t.text.starts_with(|ch: char| ch.is_lowercase())
    });
    !(initial || title || goes_on)
}

/// Where the clause holding token `v` begins: after the last sentence end, quote or semicolon before it.
pub(super) fn clause_start(toks: &[Token], lo: usize, v: usize) -> usize {
    let mut s = v;
    while s > lo {
        if matches!(toks[s - 1].text, ";" | "\u{201d}" | "\"" | "?" | "!")
            || is_full_stop(toks, s - 1)
        {
            break;
        }
        s -= 1;
    }
    s
}

/// The quotes of `text` with their content and speaker name, for tests of every tier.
#[cfg(test)]
pub(super) fn quotes_with_text(text: &str) -> Vec<(String, Option<String>, Quote)> {
    let (_, a) = crate::analyze::analyze_text(text, None);
    a.quotes
        .into_iter()
        .map(|q| {
            let content = text[q.span.start as usize..q.span.end as usize].to_string();
            (content, q.speaker.as_ref().map(|s| s.name.clone()), q)
        })
        .collect()
}

#[cfg(test)]
mod tests;
