//! Reported speech without quote marks: "X said (that) ...", and complement cues ("urged supporters to
//! ...") with a named or source-like subject. What an attribution frames ("CLAUSE, X said", "according
//! to X") is `framing.rs`'s, tried first.

use super::appositive::clause_subject;
use super::framing::framing_quote;
use super::speaker::{is_source_like, sentence_subject};
use super::{token_range, QuoteInput};
use crate::analyze::tokens::{Token, TokenKind};
use crate::model::{Quote, Span, Speaker};
use rustc_hash::FxHashSet as HashSet;
use std::sync::OnceLock;

/// Verbs that introduce reported speech without quote marks ("X said the talks failed"). "states" and
/// "thought" are left out: in news they are nearly always nouns ("the United States", "a thought").
pub(super) const INDIRECT_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
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
    "testified",
    "recalled",
    "recalls",
    "complained",
    "complains",
    "speculated",
    "hinted",
    "countered",
    "charged",
    "charges",
    "tweeted",
    "tweets",
    "responded",
    "telling",
    "replied",
    "replies",
    "responds",
    "observes",
    "remarked",
    "repeated",
    "threatened",
    "counters",
    "testifies",
    "highlights",
    "underscores",
    "joked",
    "quipped",
    "concluded",
    "concludes",
    "reveals",
    "discloses",
    "mentions",
    "speculates",
    "hints",
    "recounted",
    "boasted",
    "lamented",
    "wondered",
    "proclaimed",
    "predicting",
    "writing",
    "noticed",
    "recognized",
    "understood",
    "realized",
    "posted",
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
pub(super) const BARE_CLAUSE_CUES: &[&str] = &[
    "announced",
    "announces",
    "warned",
    "warns",
    "said",
    "says",
    "say",
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
    "wrote",
    "writes",
    "stated",
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
    "tweeted",
    "tweets",
];

pub(super) fn indirect() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| INDIRECT_CUES.iter().copied().collect())
}

/// `COMPLEMENT_CUES` as a set: every token of every sentence is looked up.
fn complement() -> &'static HashSet<&'static str> {
    static S: OnceLock<HashSet<&'static str>> = OnceLock::new();
    S.get_or_init(|| COMPLEMENT_CUES.iter().copied().collect())
}

/// Reported speech without quote marks in one sentence: the framing patterns, or else every
/// `SUBJECT CUE CONTENT` clause ("X said Y, adding Z" gives two).
pub(super) fn indirect_quotes(input: &QuoteInput, si: u32, s: Span) -> Vec<Quote> {
    if let Some((q, rest)) = asked_question(input, si, s) {
        let mut out = vec![q];
        if let Some(rest) = rest {
            out.extend(indirect_quotes(input, si, rest));
        }
        return out;
    }
    if let Some(q) = framing_quote(input, si, s) {
        // "X said on Wednesday that A, Russian media reported": what the media reported holds X's
        // own statement, which "who said what" lists under X.
        let relayed = matches!(
            q.cue.as_deref(),
            Some("reported" | "reports" | "according to")
        );
        let mut out = if relayed {
            reported_clauses(input, si, q.span)
        } else {
            Vec::new()
        };
        // Only a report that opens what was relayed ("X said ..., media reported").
        out.retain(|inner| {
            inner.span != q.span
                && inner.cue.as_deref().is_some_and(super::is_speech_cue)
                && inner
                    .speaker
                    .as_ref()
                    .is_some_and(|sp| sp.span.start <= q.span.start + 60)
        });
        out.insert(0, q);
        return out;
    }
    reported_clauses(input, si, s)
}

/// The question an interview put: "Asked whether he would run again, Smith said ...", "..., she
/// told CNN when asked which candidate she would back." The question is reported speech of its own
/// (whoever asked it goes unnamed); "asked about the talks" names only a topic, no question. When
/// the question opens the sentence, the sentence's rest, which holds the answer, is returned apart.
fn asked_question(input: &QuoteInput, si: u32, s: Span) -> Option<(Quote, Option<Span>)> {
    let toks = input.tokens;
    let (a, b) = token_range(toks, s);
    let v = (a..b.saturating_sub(3)).find(|&k| {
        toks[k].text.eq_ignore_ascii_case("asked")
            && (k == a
                || (k == a + 1 && toks[a].text == "When")
                || (toks[k - 1].text == "when" && k > a + 3))
    })?;
    let opens = matches!(
        toks[v + 1].text,
        "if" | "whether" | "what" | "why" | "which" | "how" | "who" | "where" | "when"
    );
    if !opens {
        return None;
    }
    let mut end = b;
    while end > v + 1 && toks[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    let at_start = v <= a + 1;
    let comma = at_start
        .then(|| (v + 2..end).find(|&k| toks[k].text == ","))
        .flatten();
    let content_end = comma.unwrap_or(end);
    if content_end < v + 3 {
        return None;
    }
    let quote = Quote {
        span: Span::new(toks[v + 1].start, toks[content_end - 1].end),
        sentence: si,
        direct: false,
        speaker: None,
        cue: Some("asked".into()),
    };
    // Only a question opening the sentence leaves a rest that answers it.
    let rest = comma
        .filter(|&c| c + 3 < b)
        .map(|c| Span::new(toks[c + 1].start, s.end as usize));
    if at_start && rest.is_none() {
        return None;
    }
    Some((quote, rest))
}

/// The "X said (that) A" reports of span `s`, left to right.
fn reported_clauses(input: &QuoteInput, si: u32, s: Span) -> Vec<Quote> {
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
        let tier_b = complement().contains(cue);
        if !tier_a && !tier_b {
            v += 1;
            continue;
        }
        // ", noting ..." also after a quoted phrase closed past its comma (`as "very useful," noting`).
        let after_comma = toks[v - 1].text == ","
            || (matches!(toks[v - 1].text, "\u{201d}" | "\"") && v >= 2 && toks[v - 2].text == ",");
        let participle = cue.ends_with("ing") && after_comma;
        let lo = clause_start_indirect(toks, a, v);
        let mut speaker = clause_subject(input, a, lo, v, s.start);
        // "X said A and said B": the second cue shares the first one's subject.
        if matches!(toks[v - 1].text, "and" | "but") {
            // "Clinton celebrated in Florida and said ...": the subject of the whole sentence.
            speaker = prev_speaker
                .clone()
                .or_else(|| sentence_subject(input, a, v, s.start))
                .or(speaker);
        }
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
            // `"...," Zelenskyy said, adding that ...`: the participle's subject is the speaker's.
            if tier_a {
                prev_speaker = Some(sp.clone());
            }
            v += 1;
            continue;
        };
        // The content runs to the next participial cue (", adding ...") or the sentence end.
        let mut ce = content_end(toks, cs, end);
        // "Critics, who say the law targets them, plan to sue": a relative clause set off by commas
        // ends at its closing comma, where the sentence's own predicate resumes.
        let relative = (lo.max(a + 1)..v)
            .rev()
            .take(3)
            .any(|k| matches!(toks[k].text, "who" | "which") && toks[k - 1].text == ",");
        if relative {
            if let Some(c) = (cs + 2..ce).find(|&k| {
                toks[k].text == ","
                    && toks.get(k + 1).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && t.text.starts_with(|c: char| c.is_lowercase())
                            && !matches!(
                                t.text,
                                "and" | "but" | "or" | "which" | "who" | "including" | "that"
                            )
                    })
            }) {
                ce = c;
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

/// Whether a word shows a reported clause: an auxiliary, a copula, a past form, a subject pronoun or
/// an infinitive's "to" ("would", "was", "wanted", "he", "told them to leave"). A cheap test: it only
/// has to tell a clause from a phrase naming people and places.
pub(super) fn looks_finite(word: &str) -> bool {
    super::speaker::is_auxiliary(word)
        || matches!(
            word,
            "is" | "was"
                | "are"
                | "were"
                | "be"
                | "may"
                | "might"
                | "\u{2019}s"
                | "'s"
                | "he"
                | "she"
                | "they"
                | "we"
                | "I"
                | "it"
                | "to"
        )
        || (word.len() > 3 && word.starts_with(|c: char| c.is_lowercase()) && word.ends_with("ed"))
}

/// Skip a subordinate opening ("As China builds islands, ...", "While the server was never central,
/// ...") that the attribution does not cover: content starts after its comma, if one comes before `limit`.
pub(super) fn after_intro(toks: &[Token], a: usize, limit: usize) -> usize {
    let intro = matches!(
        toks[a].text,
        "As" | "While"
            | "Although"
            | "Though"
            | "If"
            | "When"
            | "Because"
            | "Since"
            | "After"
            | "Before"
            | "Despite"
            | "Asked"
            | "Whereas"
            | "Unless"
    );
    if !intro {
        return a;
    }
    match (a + 2..limit).find(|&k| toks[k].text == ",") {
        Some(k) if k + 3 < limit => k + 1,
        _ => a,
    }
}

/// Where reported content that starts at `cs` ends: at the sentence end, or where the sentence moves on
/// to something the speaker is not reported to have said (", adding ...", "and said ...", " but ...").
pub(super) fn content_end(toks: &[Token], cs: usize, end: usize) -> usize {
    for k in cs + 2..end {
        let t = toks[k].text;
        let prev = toks[k - 1].text;
        let next = toks.get(k + 1).map(|t| t.text).unwrap_or("");
        // ", adding ..."
        if prev == "," && indirect().contains(t) && t.ends_with("ing") {
            return k - 1;
        }
        // ", he clarified ..." / ", and one in four said ...": a new subject or a new attribution.
        if prev == ","
            && (matches!(t, "he" | "she" | "they" | "we" | "I")
                || (k + 1..(k + 7).min(end)).any(|j| indirect().contains(toks[j].text)))
            && t != "that"
        {
            return k - 1;
        }
        // "... and said ...": a second report by the same speaker
        if matches!(t, "and" | "but") && (indirect().contains(next) || complement().contains(next))
        {
            return k;
        }
        // "... baby” — a play on words ...": a dash sets off the writer's aside.
        if matches!(t, "\u{2014}" | "--") {
            return k;
        }
        // "...; 26 percent of Democrats say ...": a semicolon starts another statement.
        if t == ";" {
            return k;
        }
        // ", while about 4 in 10 want ...", ", compared with 41 percent ...": the writer sets the
        // report against something else.
        if prev == "," && CONTRAST_WORDS.contains(&t) {
            return k - 1;
        }
        // ", but ..." / " but did not ..."; "but that ..." and "but also ..." go on with what was said.
        if t == "but" && !matches!(next, "that" | "also") {
            return if prev == "," { k - 1 } else { k };
        }
    }
    end
}

/// Words after a comma that set reported content against something the writer adds.
const CONTRAST_WORDS: &[&str] = &[
    "while", "whereas", "however", "compared", "despite", "although",
];

/// Verbs whose object or complement is what was claimed ("urged supporters to monitor polls",
/// "criticized the deal", "the poll shows Clinton ahead"). They count only with a named or source-like
/// subject.
pub(super) const COMPLEMENT_CUES: &[&str] = &[
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

/// Where the reported content starts after the cue at `v`, or None when no clause follows.
pub(super) fn content_start(
    toks: &[Token],
    v: usize,
    end: usize,
    bare_clause: bool,
) -> Option<usize> {
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
        // The one told may be a long phrase ("told a crowded banquet hall at a hotel in downtown
        // Baltimore that ..."); a comma ends the search, as the clause would start before it.
        let far_that = || {
            (cs..end.min(cs + 20))
                .take_while(|&k| !matches!(toks[k].text, "," | ";"))
                .find(|&k| toks[k].text == "that")
                .map(|t| t + 1)
        };
        return Some(match find_that(cs).or_else(far_that) {
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
                // "told CBS News on Tuesday, when ...": a time or place, then no reported clause.
                // "told reporters this was ..." opens the clause with "this".
                let this_clause = toks[k.min(end - 1)].text == "this"
                    && toks.get(k + 1).is_some_and(|t| !is_time_noun(t.text));
                if k < end && is_time_or_place_word(toks[k].text) && !this_clause {
                    return None;
                }
                // "told cheering supporters in Nashua on Monday": the rest only names whom he
                // told; with no verb in it there is no reported clause.
                if !(k..end).any(|j| looks_finite(toks[j].text)) {
                    return None;
                }
                k
            }
        });
    }
    match toks[cs].text {
        // "said that, if elected, he would ...": a short phrase set off by commas may come first;
        // the clause proper starts after it (after the first comma when the phrase runs long).
        "that" => {
            cs += 1;
            if toks.get(cs).is_some_and(|t| t.text == ",") {
                cs = (cs + 1..end.min(cs + 10))
                    .find(|&k| toks[k].text == ",")
                    .unwrap_or(cs)
                    + 1;
            }
        }
        "for" | "on" if matches!(cue, "called" | "calls") => cs += 1,
        w if is_time_or_place_word(w) || matches!(w, "repeatedly" | "publicly") => {
            cs = match find_that(cs) {
                Some(t) => t,
                // "said Tuesday he would ...", "said last week the plan was ...": a bare time,
                // then a clause opened by its subject.
                None => after_bare_time(toks, cs, end)?,
            };
        }
        // `X said, adding that ...`: the participle reports on its own; "said" has no clause here.
        "," if toks
            .get(cs + 1)
            .is_some_and(|t| t.text.ends_with("ing") && indirect().contains(t.text)) =>
        {
            return None
        }
        "," => cs += 1,
        // "said about half of the rise ...": an amount opens the clause; "said about the deal" has none.
        "about"
            if toks.get(cs + 1).is_some_and(|t| {
                t.kind == TokenKind::Number
                    || matches!(
                        t.text,
                        "half"
                            | "a"
                            | "one"
                            | "two"
                            | "three"
                            | "four"
                            | "five"
                            | "six"
                            | "ten"
                            | "twice"
                            | "$"
                    )
            }) => {}
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

/// Nouns that make "this"/"last" a time ("this week", "last month").
pub(super) fn is_time_noun(w: &str) -> bool {
    matches!(
        w,
        "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "morning"
            | "afternoon"
            | "evening"
            | "spring"
            | "summer"
            | "fall"
            | "autumn"
            | "winter"
            | "time"
            | "season"
    )
}

/// Where the clause after a bare time starts ("Tuesday he would", "last week the plan"), if a
/// subject opens it: a pronoun, a determiner or a capitalised word.
fn after_bare_time(toks: &[Token], cs: usize, end: usize) -> Option<usize> {
    let w = toks[cs].text;
    let next = if super::WEEKDAYS.contains(&w) || matches!(w, "earlier" | "later") {
        cs + 1
    } else if matches!(w, "last" | "this") && toks.get(cs + 1).is_some_and(|t| is_time_noun(t.text))
    {
        cs + 2
    } else {
        return None;
    };
    let t = toks.get(next).filter(|_| next + 2 < end)?;
    let subject = matches!(
        t.text,
        "he" | "she" | "they" | "we" | "I" | "it" | "the" | "a" | "his" | "her" | "their" | "there"
    ) || (t.is_capitalized() && t.kind == TokenKind::Word);
    subject.then_some(next)
}

/// Words that open a time or place phrase after a cue ("said on Tuesday", "told CBS in an interview").
pub(super) fn is_time_or_place_word(w: &str) -> bool {
    matches!(
        w,
        "on" | "in"
            | "during"
            | "at"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// Start of the subject before an indirect cue: skip an introductory phrase ending in a comma.
pub(super) fn clause_start_indirect(toks: &[Token], a: usize, v: usize) -> usize {
    let mut s = v;
    while s > a {
        if matches!(toks[s - 1].text, "," | ";" | ":") {
            break;
        }
        s -= 1;
    }
    s
}
