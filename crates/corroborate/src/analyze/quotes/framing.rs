//! Reported speech that its attribution frames rather than introduces: "According to X, CLAUSE",
//! "CLAUSE, according to X", "CLAUSE, X said" and "CLAUSE, said X, an official ...", and a clause framed
//! by a poll or someone's words ("In the latest NBC poll, ..."). `indirect` tries these before the
//! "X said (that) CLAUSE" reports.

use super::indirect::{after_intro, indirect, looks_finite};
use super::speaker::{object_after, subject_before};
use super::{token_range, QuoteInput};
use crate::analyze::tokens::{Token, TokenKind};
use crate::model::{Quote, Span, Speaker};

/// Tokens of the source phrase after a closing "according to" that are kept when the phrase is not a
/// plain noun phrase.
const MAX_ACCORDING_SOURCE: usize = 14;

/// Reported speech framed by the attribution: "According to X, CLAUSE", "CLAUSE, according to X",
/// "CLAUSE, X said".
pub(super) fn framing_quote(input: &QuoteInput, si: u32, s: Span) -> Option<Quote> {
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
    let according = |span: Span, speaker: Speaker| Quote {
        span,
        sentence: si,
        direct: false,
        speaker: Some(speaker),
        cue: Some("according to".into()),
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
                    return Some(according(
                        Span::new(toks[c + 1].start, toks[e - 1].end),
                        speaker,
                    ));
                }
            } else if k > a + 1 && toks[k - 1].text == "," {
                let e = end_trim(b);
                // "CLAUSE, according to X, REST": the attribution sits inside what was reported, which
                // is the whole sentence ("At the heart of it, according to Ross, was a decision ...").
                // After a whole clause, the second comma more likely opens an appositive of the
                // source ("according to an analysis by Crowdpac, a crowdfunding website, ..."): the
                // sentence goes on only if the rest opens with its verb.
                // ("according to Dennis Ross, a former envoy, was a decision": the verb may follow
                // an appositive, so each of the next commas is looked past.)
                let verb_at = |j: usize| {
                    let next = toks[j].text;
                    looks_finite(next)
                        || (next.ends_with('s')
                            && next.starts_with(|c: char| c.is_lowercase())
                            && !crate::analyze::tokens::is_stopword(next))
                };
                let goes_on = |c2: usize| {
                    k <= a + 6
                        || (c2..e.saturating_sub(1))
                            .filter(|&j| toks[j].text == ",")
                            .take(3)
                            .any(|j| verb_at(j + 1))
                };
                if let Some(c2) = comma.filter(|&c2| {
                    e > c2 + 3
                        && !matches!(toks[c2 + 1].text, "who" | "which" | "whose" | "where")
                        && goes_on(c2)
                }) {
                    let speaker = object_after(input, k + 2, c2, s.start)?;
                    return Some(according(
                        Span::new(toks[a].start, toks[e - 1].end),
                        speaker,
                    ));
                }
                // "Fundraising, according to the campaign." reports too little to stand alone.
                if k <= a + 3 {
                    return None;
                }
                // A phrase of two words or more after "according to" is the source, however it is
                // put ("figures her campaign released Friday", "the \"Medicare for all\" document he
                // released"); a single word may be an adverb or a verb ("according to reporting").
                let speaker = object_after(input, k + 2, e, s.start).or_else(|| {
                    let last = e.min(k + 2 + MAX_ACCORDING_SOURCE);
                    let words = toks[k + 2..last]
                        .iter()
                        .filter(|t| t.kind == TokenKind::Word)
                        .count();
                    (words >= 2).then(|| {
                        super::speaker::resolve_phrase(
                            input,
                            Span::new(toks[k + 2].start, toks[last - 1].end),
                            s.start,
                        )
                    })
                })?;
                return Some(according(
                    Span::new(toks[a].start, toks[k - 2].end),
                    speaker,
                ));
            }
        }
    }
    let e = end_trim(b);
    // "In the latest NBC poll, Trump leads ...", "In Forbes' words, ...": a poll, survey or study, or
    // someone's words, eyes or view framing the clause. ("Trump leads in the polls." is left alone:
    // PolNeAR's annotators marked fewer than half of those.)
    if toks[a].text == "In" {
        if let Some(c) = (a + 2..(a + 14).min(e)).find(|&k| toks[k].text == ",") {
            let frames = (a + 1..c).any(|k| {
                matches!(
                    toks[k].text,
                    "poll"
                        | "polls"
                        | "survey"
                        | "surveys"
                        | "average"
                        | "study"
                        | "report"
                        | "analysis"
                        | "words"
                        | "eyes"
                        | "view"
                        | "estimation"
                )
            });
            if frames && e > c + 4 {
                let phrase = Span::new(toks[a + 1].start, toks[c - 1].end);
                return Some(Quote {
                    span: Span::new(toks[c + 1].start, toks[e - 1].end),
                    sentence: si,
                    direct: false,
                    speaker: Some(super::speaker::resolve_phrase(input, phrase, s.start)),
                    cue: Some("in".into()),
                });
            }
        }
    }
    // "CLAUSE, X said, REST.": an attribution set off by commas inside the sentence frames all of it.
    for c in a + 2..e.saturating_sub(4) {
        if toks[c].text != "," {
            continue;
        }
        let Some(v) = (c + 2..(c + 8).min(e)).find(|&v| cues.contains(toks[v].text)) else {
            continue;
        };
        if (c + 1..v).any(|k| toks[k].kind == TokenKind::Punct && toks[k].text != ".") {
            continue;
        }
        let Some(c2) = (v + 1..(v + 5).min(e)).find(|&k| toks[k].text == ",") else {
            continue;
        };
        if c2 + 3 > e
            || (v + 1..c2).any(|k| toks[k].text == "that")
            || matches!(toks[c2 + 1].text, "\u{201c}" | "\"")
        {
            continue;
        }
        if let Some(sp) = subject_before(input, c + 1, v, s.start) {
            return Some(Quote {
                span: Span::new(toks[after_intro(toks, a, c)].start, toks[e - 1].end),
                sentence: si,
                direct: false,
                speaker: Some(sp),
                cue: Some(toks[v].text.to_string()),
            });
        }
    }
    // "CLAUSE, X said." / "CLAUSE, said X."
    for c in (a + 3..e).rev() {
        if toks[c].text != "," {
            continue;
        }
        // "..., said Mark Jones, a political scientist at Rice University in Houston.": an inverted
        // attribution may carry a long appositive; any other tail this long is not an attribution.
        let inverted = toks.get(c + 1).is_some_and(|t| {
            matches!(t.text, "said" | "says") && toks.get(c + 2).is_some_and(|n| n.is_capitalized())
        });
        // A party-and-state parenthetical counts for nothing: "Sen. Lindsey Graham (R-S.C.) said on
        // Thursday" is as short a tail as "Sen. Lindsey Graham said on Thursday".
        let tail = tokens_outside_parentheses(toks, c + 1, e);
        if tail > 30 {
            break;
        }
        // A long tail may be the appositive of an inverted attribution before it ("..., said Brian
        // Baker, a longtime adviser to the family who ..."): look at the earlier commas.
        if tail > 12 && !inverted {
            continue;
        }
        for v in c + 1..e {
            // "CLAUSE, the merger is expected to ...": a passive, nobody's attribution.
            if cues.contains(toks[v].text) && !super::stance::is_be(toks[v - 1].text) {
                // "CLAUSE, X said in a statement." ends with the attribution; in "Asked about it,
                // Clinton said she was not going to ..." a clause of its own follows the cue.
                // After an inverted "said X" only the words before the next comma count: "..., said
                // X, an official with the board that oversees them" has an appositive, no clause.
                let clause_end = if v == c + 1 {
                    (v + 1..e).find(|&k| toks[k].text == ",").unwrap_or(e)
                } else {
                    e
                };
                let clause_follows = (v + 1..clause_end).any(|k| {
                    matches!(
                        toks[k].text,
                        "that"
                            | "is"
                            | "was"
                            | "are"
                            | "were"
                            | "would"
                            | "will"
                            | "had"
                            | "has"
                            | "have"
                            | "could"
                            | "should"
                            | "can"
                            | "did"
                            | "does"
                            | "do"
                    )
                });
                // "While they were optimistic, they acknowledged the challenges ahead": the verb
                // has an object of its own, so the clause before the comma is not what was said.
                // ("told the AP", "asked the court" name whom the words went to.)
                let object_follows = toks.get(v + 1).is_some_and(|t| {
                    matches!(
                        t.text,
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "our"
                            | "these"
                            | "those"
                            | "this"
                            | "some"
                            | "any"
                    )
                }) && !matches!(
                    toks[v].text,
                    "told" | "tells" | "telling" | "asked" | "asks" | "informed" | "assured"
                );
                // `..., " said X`: the closing mark of a quote ending the clause stands between.
                let mark = usize::from(matches!(toks[c + 1].text, "\u{201d}" | "\""));
                let speaker = if clause_follows || object_follows {
                    None
                } else if v > c + 1 + mark {
                    subject_before(input, c + 1 + mark, v, s.start)
                } else if !matches!(
                    toks[v].text,
                    "said"
                        | "says"
                        | "added"
                        | "adds"
                        | "wrote"
                        | "writes"
                        | "told"
                        | "noted"
                        | "explained"
                        | "asked"
                        | "reported"
                        | "warned"
                        | "insisted"
                        | "stated"
                ) || (toks.get(v + 2).is_some_and(|t| t.kind == TokenKind::Word)
                    && super::PRONOUNS.contains(&toks[v + 1].text))
                {
                    // Only a verb of saying inverts ("..., said Rubio"); "..., stressed the
                    // importance of ..." has an object, not a speaker.
                    // "..., said she came": a clause of its own, not an inverted attribution.
                    None
                } else {
                    // "..., said Robert Stone, a voter": the named speaker ends the sentence or is
                    // followed by an appositive; "..., says Libya is ..." is a clause, not a speaker.
                    object_after(input, v + 1, e, s.start).filter(|sp| {
                        let after = toks.partition_point(|t| t.end <= sp.span.end as usize);
                        after >= e || toks[after].text == ","
                    })
                };
                if let Some(sp) = speaker {
                    let mut ce = c;
                    while ce > a && matches!(toks[ce - 1].text, "\u{201d}" | "\"") {
                        ce -= 1;
                    }
                    let mut cs = after_intro(toks, a, c);
                    while cs < ce && matches!(toks[cs].text, "\u{201c}" | "\"") {
                        cs += 1;
                    }
                    if ce > cs + 2 && !fronted_phrase(toks, cs, ce) {
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

/// Whether tokens `a..b` are only a fronted prepositional phrase ("In her 2019 memoir, X wrote about
/// ...", "In an interview on \"Tides and Times,\" X said ..."): where the words were said, not what.
fn fronted_phrase(toks: &[Token], a: usize, b: usize) -> bool {
    let prep = matches!(
        toks[a].text,
        "In" | "On"
            | "At"
            | "During"
            | "After"
            | "Before"
            | "From"
            | "With"
            | "Over"
            | "Throughout"
    );
    let det = toks.get(a + 1).is_some_and(|t| {
        matches!(
            t.text,
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "this"
                | "that"
        )
    });
    prep && det
        && b - a <= 12
        && !toks[a + 2..b].iter().any(|t| {
            looks_finite(t.text) || t.kind == TokenKind::Word && indirect().contains(t.text)
        })
}

/// Tokens `a..b` outside parentheses.
fn tokens_outside_parentheses(toks: &[Token], a: usize, b: usize) -> usize {
    let mut depth = 0usize;
    let mut n = 0;
    for t in &toks[a..b] {
        match t.text {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if depth == 0 => n += 1,
            _ => {}
        }
    }
    n
}
