//! Sentence boundaries in English news prose, by hand, for extractive summaries.
//!
//! `analyze_sentences` (the path of `corroborate summarize` over files) splits English with this;
//! the full analysis keeps sentencex (see `Splitter` for why). On the English dev-set texts the
//! two agree on about 95% of sentences (`corroborate-eval segment`), and this one costs no
//! start-up: sentencex compiles a dozen regular expressions on its first call, about a seventh
//! of the CPU time of a one-shot summary of ten articles.
//!
//! A sentence ends at a run of `.`, `!`, `?` or `…` (with the closing quote marks and brackets
//! after it) that is followed by white space. The run does not end a sentence when
//! - what follows starts in lower case or with an underscore, or is a comma (`"Go!" he said`);
//! - it sits inside a quotation or parentheses that go on after it (`"We left. Then it rained,"`);
//! - the word before a full stop is an abbreviation or an initial (`Gen. Kellogg`, `U.S.
//!   officials`, `George W. Bush`, `No. 3`), unless the next word is one that opens sentences
//!   (`... in the U.S. The talks`); a company's suffix ends a sentence unless a date follows
//!   (`Acme Corp. Tuesday reported`).

/// Sentence byte ranges (untrimmed, contiguous, covering `p`) of one English paragraph.
pub(super) fn split(p: &str) -> Vec<(usize, usize)> {
    let bytes = p.as_bytes();
    let enclosed = enclosures(p);
    let mut cuts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Skip to the next byte that can open a terminator run (a stop, a mark or an ellipsis's
        // lead byte) in one tight loop: most bytes are none of these.
        let Some(skip) = bytes[i..]
            .iter()
            .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
        else {
            break;
        };
        i += skip;
        let Some(run_end) = terminator_run(p, i) else {
            i += 1;
            continue;
        };
        if let Some(cut) = boundary(p, i, run_end, &enclosed) {
            cuts.push(cut);
        }
        i = run_end;
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        if cut > start && cut < p.len() {
            out.push((start, cut));
            start = cut;
        }
    }
    out.push((start, p.len()));
    out
}

/// The end of the run of sentence terminators that starts at `i`, if one does: contiguous stops
/// and marks (`?!`, `...`, `…`) or a spaced ellipsis (`. . .`).
fn terminator_run(p: &str, i: usize) -> Option<usize> {
    let bytes = p.as_bytes();
    let one = |at: usize| -> Option<usize> {
        match bytes.get(at)? {
            b'.' | b'!' | b'?' => Some(at + 1),
            0xE2 if p[at..].starts_with('\u{2026}') => Some(at + 3),
            _ => None,
        }
    };
    let mut end = one(i)?;
    loop {
        if let Some(next) = one(end) {
            end = next;
        } else if bytes.get(end) == Some(&b' ')
            && bytes.get(end + 1) == Some(&b'.')
            && bytes[end - 1] == b'.'
        {
            // ". . ." is one ellipsis.
            end += 2;
        } else {
            return Some(end);
        }
    }
}

/// Where the sentence ends for the terminator run `start..end`, if it ends there.
fn boundary(p: &str, start: usize, end: usize, enclosed: &[(usize, usize)]) -> Option<usize> {
    let bytes = p.as_bytes();
    // Closing quote marks and brackets belong to the sentence they close.
    let mut close = end;
    loop {
        let rest = &p[close..];
        let opens_quotation = || enclosed.iter().any(|&(open, _)| open == close);
        let step = if rest.starts_with(['\'', ')', ']'])
            || (rest.starts_with('"') && !opens_quotation())
        {
            1
        } else if rest.starts_with(['\u{201d}', '\u{2019}']) {
            3
        } else {
            break;
        };
        close += step;
    }
    let after = &p[close..];
    let next = after.trim_start();
    if next.is_empty() || next.len() == after.len() {
        // The paragraph's end, or no space after the run (`3.5`, `U.S.-led`, `example.com`).
        return None;
    }
    if continues(next) {
        return None;
    }
    // Inside a quotation or parentheses that go on past the closers: not yet the end.
    if enclosed
        .iter()
        .any(|&(open, shut)| open < start && shut >= close)
    {
        return None;
    }
    if &p[start..end] == "." && stop_is_no_end(&p[..start], next) {
        return None;
    }
    if bytes[start] == b'!' && EXCLAMATION_WORDS.contains(&last_word(&p[..start])) {
        return None;
    }
    Some(p.len() - next.len())
}

/// Whether the text after a terminator continues its sentence: lower case, an underscore
/// (`Ancaster, Ont. _ Dr. Short`), or a comma or semicolon (also after a quote mark). A quotation
/// that opens in lower case starts a sentence (lower-cased copy), and so does a number ("... on
/// Monday. 81-year-old Parker Eaton said").
fn continues(next: &str) -> bool {
    next.starts_with(|c: char| c.is_lowercase() || c == '_')
        || next
            .trim_start_matches(['"', '\u{201c}', '\u{201d}', '\''])
            .starts_with([',', ';'])
}

/// Whether the full stop after `head` is an abbreviation's or an initial's rather than the end of
/// a sentence, given the text that follows.
fn stop_is_no_end(head: &str, next: &str) -> bool {
    let word = last_word(head);
    if word.is_empty() {
        return false;
    }
    if word.eq_ignore_ascii_case("no") || word.eq_ignore_ascii_case("nos") {
        // "No. 3", but "He said no. Officials left."
        return next.starts_with(|c: char| c.is_ascii_digit());
    }
    let whole = head
        .rsplit(|c: char| c.is_whitespace() || c == '/' || c == '(')
        .next()
        .unwrap_or("");
    // "George W. Bush", "said E. Gerald Corrigan", "U.S. officials", "D-N.Y.": a single letter's
    // stop is an initial's (lower-cased copy writes "harry w. colmery"), but for the words "a"
    // and "I".
    let initial = word.len() == 1
        && word.as_bytes()[0].is_ascii_alphabetic()
        && !matches!(word, "a" | "I" | "i");
    // A company's or a name's suffix ends the sentence more often than not: "... WebTV Networks
    // Inc. Without these items"; within a sentence what follows is mostly lower case ("Inc. said").
    if !initial
        && NAME_SUFFIXES
            .binary_search(&word.to_ascii_lowercase().as_str())
            .is_ok()
    {
        // A date goes on with the sentence: "Microsoft Corp. Tuesday reported".
        return starts_with_initial(next) || opens_with_date_word(next);
    }
    let abbreviation =
        is_abbreviation(word) || (whole.len() > word.len() && is_abbreviation(whole));
    if !(initial || abbreviation) {
        return false;
    }
    !opens_sentences(next)
}

/// The word before a stop: letters back to a space, stop, slash or bracket.
fn last_word(head: &str) -> &str {
    head.rsplit(|c: char| c.is_whitespace() || matches!(c, '.' | '/' | '(' | '"'))
        .next()
        .unwrap_or("")
}

/// Whether the next word is a weekday or a month.
fn opens_with_date_word(next: &str) -> bool {
    use crate::analyze::figures::{MONTHS, WEEKDAYS};
    let word = next
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    let is = |w: &&str| w.eq_ignore_ascii_case(word);
    !word.is_empty() && (WEEKDAYS.iter().any(is) || MONTHS.iter().any(is))
}

/// Abbreviations that close a name ("Acme Inc.", "Bill Pascrell Jr."), sorted.
const NAME_SUFFIXES: &[&str] = &[
    "bros", "co", "corp", "esq", "inc", "jr", "llc", "ltd", "plc", "sr",
];

/// "J. R. Tolkien": the next word is itself an initial.
fn starts_with_initial(next: &str) -> bool {
    let b = next.as_bytes();
    b.len() >= 2
        && b[0].is_ascii_uppercase()
        && b[1] == b'.'
        && b.get(2).is_none_or(|c| c.is_ascii_whitespace())
}

/// Whether a word is an abbreviation that takes a full stop. Those that are also words count
/// only when capitalised: a lower-case "ill." or "mass." ends a sentence.
fn is_abbreviation(word: &str) -> bool {
    if word.len() > 8 || !word.is_ascii() {
        return false;
    }
    let capital = word.as_bytes()[0].is_ascii_uppercase();
    let mut buf = [0u8; 8];
    for (k, b) in word.bytes().enumerate() {
        buf[k] = b.to_ascii_lowercase();
    }
    let lower = &buf[..word.len()];
    let listed = |list: &[&str]| list.binary_search_by(|a| a.as_bytes().cmp(lower)).is_ok();
    listed(ABBREVIATIONS) || (capital && listed(CAPITALISED_ABBREVIATIONS))
}

/// Whether the next word is one that opens sentences far more often than it follows an
/// abbreviation: after "U.S." or "Ga.", "The" starts a new sentence.
fn opens_sentences(next: &str) -> bool {
    let word = next
        .split(|c: char| !c.is_alphabetic() && c != '\'')
        .next()
        .unwrap_or("");
    SENTENCE_OPENERS.binary_search(&word).is_ok()
}

/// Pairs of byte offsets (opening mark, closing mark) of quotations and parenthetical remarks in
/// a paragraph. Straight double quotes pair up in order; a mark left open closes nothing.
/// Single quotes (the British style, `'It is over,' he said`) pair up too, apart from apostrophes
/// inside words. A quotation that runs over several sentences reopens at each one (`'We won.
/// 'It was hard.'`), and such a mark both closes the last pair and opens the next, so the
/// sentences of one quotation stay together.
fn enclosures(p: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let (mut straight, mut curly, mut paren, mut single): (
        Option<usize>,
        Option<usize>,
        Option<usize>,
        Option<usize>,
    ) = (None, None, None, None);
    // Only quote marks and brackets matter: jump from one to the next (the curly marks open with
    // 0xE2) instead of decoding every character.
    let bytes = p.as_bytes();
    let mut from = 0;
    while let Some(k) = bytes[from..]
        .iter()
        .position(|&b| matches!(b, b'"' | b'(' | b')' | b'\'' | 0xE2))
    {
        let i = from + k;
        let Some(c) = p.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        from = i + c.len_utf8();
        let prev = p[..i].chars().next_back().unwrap_or(' ');
        let next = p[from..].chars().next().unwrap_or(' ');
        match c {
            '"' => match straight.take() {
                Some(open) => out.push((open, i)),
                None => straight = Some(i),
            },
            '\u{201c}' => curly = Some(i),
            '\u{201d}' => {
                if let Some(open) = curly.take() {
                    out.push((open, i));
                }
            }
            '(' => paren = paren.or(Some(i)),
            ')' => {
                if let Some(open) = paren.take() {
                    out.push((open, i));
                }
            }
            '\'' | '\u{2018}' | '\u{2019}'
                if !(prev.is_alphanumeric() && next.is_alphanumeric()) =>
            {
                let opens = !prev.is_alphanumeric() && next.is_alphanumeric();
                if let Some(open) = single.take() {
                    out.push((open, i));
                }
                if opens {
                    single = Some(i);
                }
            }
            _ => {}
        }
    }
    out
}

/// Abbreviations whose full stop ends no sentence, in any case (lower-cased copy writes "dr."
/// and "gov."), sorted: titles, months, address words and Latin.
const ABBREVIATIONS: &[&str] = &[
    "a.m", "adm", "approx", "apr", "assn", "aug", "ave", "blvd", "brig", "capt", "cmdr", "col",
    "cpl", "dec", "dept", "dr", "e.g", "etc", "feb", "gen", "gov", "hon", "i.e", "jan", "jul",
    "jun", "lt", "maj", "mr", "mrs", "ms", "mt", "nov", "oct", "p.m", "ph.d", "pres", "prof",
    "rep", "reps", "rev", "sen", "sens", "sept", "sgt", "st", "supt", "u.k", "u.n", "u.s", "u.s.a",
    "univ", "vs",
];

/// Abbreviations that are also words ("ill.", "mass.", "wash."), sorted: only capitalised are they
/// abbreviations (US states as news agencies write them, and a few others).
const CAPITALISED_ABBREVIATIONS: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fig", "fla", "ft", "ga", "ill", "ind",
    "kan", "ky", "la", "mar", "mass", "md", "mich", "minn", "miss", "mo", "mont", "neb", "nev",
    "okla", "ore", "pa", "sep", "tenn", "tex", "va", "vol", "vt", "wash", "wis", "wyo",
];

/// Capitalised words that open sentences, sorted: after an abbreviation's stop they still start a
/// new one ("... the U.S. The talks").
const SENTENCE_OPENERS: &[&str] = &[
    "A",
    "After",
    "Also",
    "An",
    "And",
    "As",
    "At",
    "Because",
    "But",
    "By",
    "During",
    "Even",
    "For",
    "He",
    "Her",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "It",
    "It's",
    "Its",
    "Meanwhile",
    "Most",
    "No",
    "Now",
    "On",
    "One",
    "Our",
    "She",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "To",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "Who",
    "With",
    "Yet",
    "You",
];

/// Interjections whose exclamation mark does not end the sentence ("Yahoo! said on Monday").
const EXCLAMATION_WORDS: &[&str] = &["Jeopardy", "Yahoo"];

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(p: &str) -> Vec<&str> {
        split(p).into_iter().map(|(s, e)| p[s..e].trim()).collect()
    }

    #[test]
    fn word_lists_are_sorted() {
        for list in [
            ABBREVIATIONS,
            CAPITALISED_ABBREVIATIONS,
            NAME_SUFFIXES,
            SENTENCE_OPENERS,
        ] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{} before {}", w[0], w[1]);
            }
        }
    }

    #[test]
    fn sentences_end_at_stops_before_a_capital() {
        assert_eq!(
            sentences("Talks ended. Both sides left! Why? Nobody knows… Yet they met."),
            [
                "Talks ended.",
                "Both sides left!",
                "Why?",
                "Nobody knows…",
                "Yet they met."
            ]
        );
        assert_eq!(
            sentences("It rose 3.5 percent. Then it fell."),
            ["It rose 3.5 percent.", "Then it fell."]
        );
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("The U.S. delegation met Gen. Kellogg and George W. Bush in Washington, D.C. on Monday."),
            ["The U.S. delegation met Gen. Kellogg and George W. Bush in Washington, D.C. on Monday."]
        );
        assert_eq!(
            sentences("J. R. R. Tolkien wrote it. Dr. Smith agreed."),
            ["J. R. R. Tolkien wrote it.", "Dr. Smith agreed."]
        );
        // A lower-case word that looks like an abbreviation ends its sentence.
        assert_eq!(
            sentences("Acme Corp. Tuesday reported a loss on Dec. 17 in the U.S. Virgin Islands. It fell."),
            ["Acme Corp. Tuesday reported a loss on Dec. 17 in the U.S. Virgin Islands.", "It fell."]
        );
        assert_eq!(
            sentences("It bought WebTV Networks Inc. Without the deal, profit rose. He said no. Officials left."),
            ["It bought WebTV Networks Inc.", "Without the deal, profit rose.", "He said no.", "Officials left."]
        );
        assert_eq!(
            sentences("He fell ill. Doctors came. Plans vs. results."),
            ["He fell ill.", "Doctors came.", "Plans vs. results."]
        );
        // ... unless a word that opens sentences follows.
        assert_eq!(
            sentences("The talks were held in the U.S. The next round is in Atlanta, Ga. It starts at 3 p.m. Sunday."),
            ["The talks were held in the U.S.", "The next round is in Atlanta, Ga.", "It starts at 3 p.m. Sunday."]
        );
    }

    #[test]
    fn quotations_and_parentheses_hold_together() {
        assert_eq!(
            sentences("\"We left. Then it rained,\" she said. \"Go!\" he shouted."),
            [
                "\"We left. Then it rained,\" she said.",
                "\"Go!\" he shouted."
            ]
        );
        assert_eq!(
            sentences("\u{201c}It is over.\u{201d} The crowd cheered."),
            ["\u{201c}It is over.\u{201d}", "The crowd cheered."]
        );
        assert_eq!(
            sentences("The ferry (it was late. Very late.) docked. Then it left."),
            [
                "The ferry (it was late. Very late.) docked.",
                "Then it left."
            ]
        );
        assert_eq!(
            sentences("He said: 'We won. 'It was hard. We are tired.' Then it rained. It's over."),
            [
                "He said: 'We won. 'It was hard. We are tired.'",
                "Then it rained.",
                "It's over."
            ]
        );
        // A mark left open does not swallow the rest of the paragraph.
        assert_eq!(
            sentences("He said \"no. Then he left. It rained."),
            ["He said \"no.", "Then he left.", "It rained."]
        );
    }

    #[test]
    fn odd_text_is_covered_whole_without_panics() {
        for p in [
            "",
            ".",
            "...",
            "a. . . B",
            "\u{2026}\u{2026}",
            "\"",
            "é. É.",
            "(.",
            "U.S.",
            "x.\u{201d} Y",
        ] {
            let spans = split(p);
            assert_eq!(spans.first().map(|s| s.0), Some(0), "{p:?}");
            assert_eq!(spans.last().map(|s| s.1), Some(p.len()), "{p:?}");
            assert!(spans.windows(2).all(|w| w[0].1 == w[1].0), "{p:?}");
        }
    }
}
