//! Stances: what a source is reported to think, want, back or attack, without a verb of saying ("Trump
//! endorsed the plan", "voters worried about the economy", "she called for a recount"). PolNeAR counts
//! these as attributions, so they are quotes whose cue is not speech; [`is_speech_cue`] tells them
//! apart, and the briefing's "who said what" keeps to speech.
//!
//! The content is what follows the cue, up to the first comma or the sentence end (the clause end after
//! a verb of saying); for an evidential cue ("appeared to", "is expected to") it is the clause around
//! the cue. This tier runs last and only where no quote of the other tiers lies, so it never overrides
//! a better-attributed quote.

use super::appositive::clause_subject;
use super::indirect::clause_start_indirect;
use super::speaker::{mention_speaker, resolve_pronoun, sentence_subject};
use super::{token_range, QuoteInput};
use crate::analyze::tokens::{Token, TokenKind};
use crate::model::{EntityKind, Quote, Span, Speaker};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

/// Cue phrases, lower case. Chosen from how often the words introduce an attributed content in the
/// PolNeAR training split, keeping those that do at least two times in five; words that happened to
/// qualify without being about what someone thinks or says ("titled", "restricting") are left out.
const STANCE_CUES: &[&str] = &[
    "about",
    "accused",
    "accusing",
    "acknowledge",
    "acknowledged",
    "acknowledging",
    "adding",
    "admitting",
    "agree",
    "agree with",
    "agreed",
    "agreed to",
    "agreed with",
    "alleging",
    "also declined",
    "also said",
    "announce",
    "announced",
    "announces",
    "announcing",
    "apologized for",
    "applauded",
    "are hoping",
    "are showing",
    "argue",
    "arguing",
    "asked",
    "asked about",
    "asked for",
    "asking",
    "assailed",
    "asserting",
    "assured",
    "attacked",
    "attacking",
    "believe",
    "believe in",
    "believing",
    "bemoaned",
    "blame",
    "blamed",
    "blast",
    "blasted",
    "blasting",
    "blasts",
    "boasted",
    "boasted of",
    "call for",
    "called",
    "called for",
    "calling",
    "calling for",
    "calling on",
    "calls",
    "calls for",
    "can support",
    "chanted",
    "citing",
    "claim",
    "claimed",
    "claiming",
    "claims",
    "complained",
    "complaints",
    "conceded",
    "concerns about",
    "concluded",
    "condemned",
    "consider",
    "considers",
    "criticism of",
    "criticized",
    "criticizing",
    "decided",
    "deciding",
    "declaring",
    "declined",
    "decried",
    "defended",
    "defending",
    "demanding",
    "demands",
    "denied",
    "denounced",
    "denouncing",
    "described",
    "describing",
    "did not mention",
    "did not say",
    "discussed",
    "discussing",
    "dismissed",
    "dismisses",
    "dismissing",
    "distanced himself from",
    "emailed",
    "emphasized",
    "emphasizing",
    "encouraged",
    "endorse",
    "endorsed",
    "endorses",
    "expect",
    "expecting",
    "explained",
    "explaining",
    "explains",
    "expressed",
    "expressed concern",
    "favor",
    "fear",
    "fearing",
    "fears",
    "feel",
    "focuses on",
    "had hoped",
    "has called",
    "has denied",
    "has indicated",
    "has offered",
    "has proposed",
    "has said",
    "has shown",
    "has threatened",
    "have said",
    "highlighted",
    "highlighting",
    "hints at",
    "hope",
    "hoped",
    "hopes",
    "hoping",
    "ignored",
    "implied",
    "implying",
    "indicate",
    "indicated",
    "insist",
    "is calling for",
    "is planning",
    "joked",
    "joked about",
    "knew",
    "knows",
    "laid out",
    "lamented",
    "lashed out at",
    "learned",
    "made clear",
    "made it clear",
    "mentioning",
    "mocking",
    "noted",
    "noting",
    "offered",
    "offering",
    "opened up about",
    "oppose",
    "opposed",
    "opposes",
    "plans",
    "pledges",
    "pledging",
    "point to",
    "pointed to",
    "pointing out",
    "points to",
    "portrayed",
    "praised",
    "praises",
    "predict",
    "predicted",
    "prefer",
    "prefers",
    "promise",
    "promised",
    "promises",
    "promising",
    "proposed",
    "proposing",
    "questioned",
    "questioning",
    "questions about",
    "quoted",
    "quoting",
    "railed against",
    "recalling",
    "recognize",
    "recognizing",
    "recounted",
    "referenced",
    "referencing",
    "referred to",
    "referring to",
    "refers to",
    "refuse",
    "refused",
    "refusing",
    "reiterated",
    "rejected",
    "remember",
    "remembered",
    "remembers",
    "reminded",
    "repeating",
    "requested",
    "retweeted",
    "reveal",
    "reveals",
    "ruled",
    "say",
    "saying",
    "says",
    "see",
    "seeking",
    "seeks",
    "seems",
    "sees",
    "showed",
    "shows",
    "sided with",
    "slamming",
    "slams",
    "sought",
    "spoke about",
    "stating",
    "stressed",
    "suggest",
    "suggested",
    "suggesting",
    "suggestion",
    "suggests",
    "support for",
    "supported",
    "talk about",
    "talked about",
    "talking about",
    "talks about",
    "thanked",
    "think",
    "thinks",
    "threatening",
    "to address",
    "to call for",
    "to declare",
    "to discuss",
    "to endorse",
    "to question",
    "to say",
    "to wonder",
    "took issue with",
    "touting",
    "touts",
    "tweeting",
    "understands",
    "urged",
    "urging",
    "voted against",
    "voted for",
    "vow",
    "vowed",
    "vowing",
    "vows",
    "wanted",
    "wants",
    "warn",
    "warned",
    "warned of",
    "warning",
    "was asked",
    "weighed in on",
    "welcomed",
    "will discuss",
    "worried",
    "worried about",
    "would vote for",
];

/// Stance phrases by their last word, each with the words that must precede it.
fn by_last_word() -> &'static HashMap<&'static str, Vec<Vec<&'static str>>> {
    static M: OnceLock<HashMap<&'static str, Vec<Vec<&'static str>>>> = OnceLock::new();
    M.get_or_init(|| {
        let mut m: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::default();
        for phrase in STANCE_CUES {
            let mut words: Vec<&'static str> = phrase.split(' ').collect();
            let last = words.pop().unwrap_or_default();
            m.entry(last).or_default().push(words);
        }
        // Longer phrases first, so "called for" wins over "for" alone.
        for v in m.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        m
    })
}

/// Whether a quote cue is a verb or phrase of saying ("said", "told", "according to"), rather than a
/// stance ("endorsed", "worried about", and the complement cues such as "urged" whose content is a
/// target or an aim, not words).
pub fn is_speech_cue(cue: &str) -> bool {
    let cue = cue.to_lowercase();
    let last = cue.rsplit(' ').next().unwrap_or("");
    if cue.split(' ').next().is_some_and(is_be) {
        return false;
    }
    super::indirect::indirect().contains(last)
        || super::speech().contains(last)
        || matches!(cue.as_str(), "according to" | "in" | ":")
}

/// Whether reported speech reads on its own without its cue: "said", "told" and "according to"
/// introduce a whole clause ("the talks were useful"), while other cues act on what follows them
/// ("accused [the US of helping Moscow]", "described [the meeting as a first step]"), which a reader
/// must see with its verb.
pub fn content_reads_alone(cue: &str) -> bool {
    matches!(
        cue.to_lowercase().as_str(),
        "said"
            | "says"
            | "say"
            | "saying"
            | "told"
            | "tells"
            | "tell"
            | "telling"
            | "according to"
            | "added"
            | "adds"
            | "adding"
            | "in"
            | ":"
    )
}

/// Evidential cues: the clause around them is an appearance or an expectation held by someone unnamed
/// ("Christie appeared to end his bid", "the merger is expected to close"), and PolNeAR counts the
/// whole clause as the content.
fn evidential_at(toks: &[Token], a: usize, v: usize) -> bool {
    match toks[v].text {
        "seemed" | "seems" | "seem" | "appeared" | "appears" | "appear" => true,
        "expected" | "likely" | "viewed" => v > a && is_be(toks[v - 1].text),
        _ => false,
    }
}

/// Evidential quotes of one sentence ([`evidential_at`]): the clause from its start (the sentence's, or
/// the last comma before the cue) to the next comma or the sentence end, with no holder.
fn evidential_quotes(input: &QuoteInput, si: u32, s: Span, taken: &Taken) -> Vec<Quote> {
    let toks = input.tokens;
    let (a, b) = token_range(toks, s);
    let mut out: Vec<Quote> = Vec::new();
    for v in a + 1..b {
        if !evidential_at(toks, a, v) || out.iter().any(|q| q.span.end as usize > toks[v].start) {
            continue;
        }
        let cs = (a..v)
            .rev()
            .find(|&k| toks[k].text == ",")
            .map_or(a, |k| k + 1);
        let Some((_, ce)) = content_after(toks, v, b) else {
            continue;
        };
        let span = Span::new(toks[cs].start, toks[ce - 1].end);
        if cs >= v || taken.overlaps(span) {
            continue;
        }
        out.push(Quote {
            span,
            sentence: si,
            direct: false,
            speaker: None,
            cue: Some(if is_be(toks[v - 1].text) {
                format!("{} {}", toks[v - 1].text, toks[v].text)
            } else {
                toks[v].text.to_string()
            }),
        });
    }
    out
}

/// A form of "be": before a participle it makes a passive or an evidential, not a speech act of the
/// subject ("the merger is expected to close").
pub(super) fn is_be(word: &str) -> bool {
    matches!(
        word,
        "is" | "are" | "was" | "were" | "be" | "been" | "being"
    )
}

/// "FEC records show ...", "polls suggest ...": a verb that is a cue only after a source of data.
fn data_cue_at(toks: &[Token], a: usize, v: usize) -> Option<usize> {
    let data_source = |w: &str| {
        matches!(
            w,
            "records"
                | "polls"
                | "data"
                | "surveys"
                | "results"
                | "figures"
                | "documents"
                | "filings"
                | "reports"
                | "numbers"
                | "statistics"
                | "estimates"
                | "studies"
        )
    };
    (v > a
        && matches!(toks[v].text, "show" | "suggest" | "indicate")
        && data_source(toks[v - 1].text))
    .then_some(v)
}

/// The first token of the stance cue ending at token `v`.
fn cue_at(toks: &[Token], a: usize, v: usize) -> Option<usize> {
    // Cue words are lower case mid-sentence (a capitalized one opens the sentence, where no stance
    // is taken), so the token is looked up as it is, without lower-casing every word of the article.
    let prefixes = by_last_word().get(toks[v].text)?;
    prefixes.iter().find_map(|words| {
        let first = v.checked_sub(words.len()).filter(|&f| f >= a)?;
        words
            .iter()
            .zip(&toks[first..v])
            .all(|(w, t)| t.text.eq_ignore_ascii_case(w))
            .then_some(first)
    })
}

/// The spans of an article's quotes from the other tiers, sorted, for overlap tests in logarithmic time
/// (a 10 MB article has tens of thousands of sentences and quotes).
pub(super) struct Taken {
    starts: Vec<u32>,
    /// `max_end[i]`: the furthest end among the first `i + 1` spans by start.
    max_end: Vec<u32>,
}

impl Taken {
    pub(super) fn new(quotes: &[Quote]) -> Taken {
        let mut spans: Vec<Span> = quotes.iter().map(|q| q.span).collect();
        spans.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let max_end = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        Taken {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end,
        }
    }

    fn overlaps(&self, span: Span) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.max_end[before_end - 1] > span.start
    }
}

/// Stance quotes of one sentence that overlap no quote of `taken` (the article's other tiers).
pub(super) fn stance_quotes(input: &QuoteInput, si: u32, s: Span, taken: &Taken) -> Vec<Quote> {
    let toks = input.tokens;
    let (a, b) = token_range(toks, s);
    let mut out: Vec<Quote> = evidential_quotes(input, si, s, taken);
    let mut v = a;
    while v < b {
        let Some(first) = cue_at(toks, a, v).or_else(|| data_cue_at(toks, a, v)) else {
            v += 1;
            continue;
        };
        // "Asked about the talks, Rubio said ...": an opening participle frames the sentence; it holds
        // no stance of its own.
        if first == a || in_opening_participle(toks, a, first) || is_noun_use(toks, first) {
            v += 1;
            continue;
        }
        // "asked about": the longer phrase, cued at its last word.
        if v + 1 < b && cue_at(toks, a, v + 1).is_some_and(|f| f <= v) {
            v += 1;
            continue;
        }
        let Some((cs, ce)) = content_after(toks, v, b) else {
            v += 1;
            continue;
        };
        if !is_content_start(toks, v, cs) {
            v += 1;
            continue;
        }
        let span = Span::new(toks[cs].start, toks[ce - 1].end);
        if taken.overlaps(span) || out.iter().any(|q| q.span.overlap(span) > 0) {
            v += 1;
            continue;
        }
        // Kept without a holder too: PolNeAR marks many attributions whose source goes unnamed.
        let speaker = stance_holder(input, a, first, s.start);
        let cue = toks[first..=v]
            .iter()
            .map(|t| t.text.to_ascii_lowercase())
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Quote {
            span,
            sentence: si,
            direct: false,
            speaker,
            cue: Some(cue),
        });
        v = ce;
    }
    out
}

/// Whether token `first` lies in a participial phrase opening the sentence at `a` ("Asked a question
/// about the deal, she said ...", "Speaking about the talks, ...").
fn in_opening_participle(toks: &[Token], a: usize, first: usize) -> bool {
    let opener = toks[a].text;
    opener.chars().next().is_some_and(char::is_uppercase)
        && (opener.ends_with("ed") || opener.ends_with("ing"))
        && !toks[a..first].iter().any(|t| t.text == ",")
}

/// Whether token `k` starts a second predicate of the same subject, which the stance does not cover:
/// "mentioned Cruz but was careful ...", "jihadism and made comments about ...".
pub(super) fn starts_new_predicate(toks: &[Token], k: usize) -> bool {
    let Some(next) = toks.get(k + 1).map(|t| t.text) else {
        return false;
    };
    match toks[k].text {
        "but" => !matches!(next, "that" | "also" | "not"),
        "and" => {
            matches!(
                next,
                "was" | "is" | "has" | "had" | "will" | "would" | "did" | "does" | "made"
            ) || (next.len() > 4
                && next.chars().all(|c| c.is_ascii_lowercase())
                && (next.ends_with("ed") || next.ends_with("ing")))
        }
        _ => false,
    }
}

/// Whether token `cs` can open the content of the cue ending at `v`: "about 40 people" is a number,
/// "concluded on Tuesday" a time and "met in Riyadh" a place, not something held or said.
fn is_content_start(toks: &[Token], v: usize, cs: usize) -> bool {
    let first = toks[cs].text;
    if toks[v].text.eq_ignore_ascii_case("about") {
        // "the film is about ...", "how about ...": a topic, nobody's stance.
        let before = toks[v.saturating_sub(1)].text;
        // "about to leave", "about a third of voters", "about half": no topic.
        let amount = matches!(
            first,
            "to" | "half" | "one" | "two" | "three" | "four" | "five" | "ten" | "twice" | "twenty"
        ) || (matches!(first, "a" | "an")
            && toks.get(cs + 1).is_some_and(|t| {
                matches!(
                    t.text,
                    "third"
                        | "quarter"
                        | "fifth"
                        | "dozen"
                        | "hundred"
                        | "thousand"
                        | "million"
                        | "half"
                        | "tenth"
                )
            }));
        return !amount
            && !first.starts_with(|c: char| c.is_ascii_digit() || c == '$')
            && !is_be(before)
            && !matches!(before, "how" | "just" | "for" | "by" | "said");
    }
    !super::indirect::is_time_or_place_word(first)
        // "was reported by the Post", "is supported by far fewer papers": the agent of a passive,
        // not what anyone holds; "the think tank": a noun.
        && !matches!(first, "after" | "before" | "by" | "tank")
}

/// Whether the cue word at token `first` is a noun its verb form also spells: "their calls are not
/// answered", "the candidates' plans", "the show". Cues that are nouns by design ("his claim that",
/// "her promises to") are attributions after a determiner too, so only these words are tested.
fn is_noun_use(toks: &[Token], first: usize) -> bool {
    super::noun_use(first.checked_sub(1).map(|k| toks[k].text), toks[first].text)
}

/// The content after the cue at `v`: opening quote marks and "that" skipped, up to the first comma or
/// the sentence end (token `end`), closing punctuation left out. None when under three characters.
fn content_after(toks: &[Token], v: usize, end: usize) -> Option<(usize, usize)> {
    let mut cs = v + 1;
    while cs < end && matches!(toks[cs].text, "\u{201c}" | "\"" | "\u{2018}" | "'") {
        cs += 1;
    }
    if cs < end && toks[cs].text.eq_ignore_ascii_case("that") {
        cs += 1;
    }
    // After a verb of saying the content is a clause, commas and all ("says his man has the money,
    // message and time"); after a stance it is a phrase that a comma ends.
    let mut ce = if cs < end && super::indirect::indirect().contains(toks[v].text) {
        super::indirect::content_end(toks, cs, end)
    } else {
        (cs..end)
            .find(|&k| {
                matches!(toks[k].text, "," | ";") || (k > cs && starts_new_predicate(toks, k))
            })
            .unwrap_or(end)
    };
    while ce > cs && toks[ce - 1].kind == TokenKind::Punct {
        ce -= 1;
    }
    if ce <= cs || toks[ce - 1].end - toks[cs].start < 3 {
        return None;
    }
    Some((cs, ce))
}

/// Who holds the stance cued at token `first` of a sentence starting at token `a`: the subject right
/// before the cue, else the subject of an appositive, else the last person, organisation or pronoun of
/// the clause ("Heitkamp, a Democrat from a red state, has long voted for ..."), else the sentence's.
fn stance_holder(input: &QuoteInput, a: usize, first: usize, at: u32) -> Option<Speaker> {
    let toks = input.tokens;
    let lo = clause_start_indirect(toks, a, first);
    if let Some(sp) = clause_subject(input, a, lo, first, at) {
        return Some(sp);
    }
    let from = toks[lo.min(first)].start;
    let to = toks[first].start;
    let named = input.mentions.iter().rfind(|m| {
        matches!(m.kind, EntityKind::Person | EntityKind::Organization)
            && m.span.start as usize >= from
            && m.span.end as usize <= to
    });
    let pronoun = (lo..first)
        .rev()
        .find(|&k| super::PRONOUNS.contains(&toks[k].text));
    match (named, pronoun) {
        (Some(m), p) if p.is_none_or(|k| toks[k].start < m.span.start as usize) => {
            Some(mention_speaker(input, m))
        }
        (_, Some(k)) => Some(resolve_pronoun(
            input,
            Span::new(toks[k].start, toks[k].end),
            at,
        )),
        _ => (first > a)
            .then(|| sentence_subject(input, a, first, at))
            .flatten(),
    }
}

#[cfg(test)]
mod tests {
    /// (content, holder, cue, is speech) of every quote.
    fn quotes(text: &str) -> Vec<(String, Option<String>, String, bool)> {
        super::super::quotes_with_text(text)
            .into_iter()
            .map(|(content, holder, q)| {
                (
                    content,
                    holder,
                    q.cue.clone().unwrap_or_default(),
                    q.is_speech(),
                )
            })
            .collect()
    }

    #[test]
    fn a_stance_is_a_quote_that_is_not_speech() {
        let q = quotes("Senator Heidi Heitkamp endorsed the background-check bill.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the background-check bill");
        assert_eq!(q[0].1.as_deref(), Some("Heidi Heitkamp"));
        assert_eq!(q[0].2, "endorsed");
        assert!(!q[0].3);
        // Speech stays speech.
        let q = quotes("Senator Heidi Heitkamp said the bill would pass.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].3, "{q:?}");
    }

    #[test]
    fn the_longest_cue_phrase_wins_and_content_stops_at_a_comma() {
        let q = quotes("The governor railed against the new tax rules, which take effect in May.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "the new tax rules");
        assert_eq!(q[0].2, "railed against");
        assert!(!q[0].3);
    }

    #[test]
    fn a_cue_word_read_as_a_noun_or_a_passive_agent_is_not_a_stance() {
        assert!(
            quotes("Too many of their calls are not getting through to the hotline.").is_empty()
        );
        assert!(quotes("But his plans ran into trouble early on.").is_empty());
        assert!(quotes("The borders were being defended by its weakest members.").is_empty());
        assert!(quotes("She spoke at the think tank that published the paper.").is_empty());
        // The verbs themselves still cue a stance.
        assert_eq!(
            quotes("The mayor calls for a recount of the ballots.").len(),
            1
        );
        assert_eq!(quotes("The union plans to strike next week.").len(), 1);
    }

    #[test]
    fn times_numbers_and_opening_participles_are_not_stances() {
        assert!(quotes("The first round of talks concluded on Tuesday.").is_empty());
        assert!(quotes("The rally drew about 40 people to the square.").is_empty());
        let q = quotes("Asked about the talks, Rubio said he was hopeful.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "he was hopeful");
        assert!(q[0].3);
    }

    #[test]
    fn records_and_polls_show_what_they_report() {
        let q = quotes("FEC records show the donor has given $38,000 to campaigns since 2010.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(
            q[0].0,
            "the donor has given $38,000 to campaigns since 2010"
        );
        assert_eq!(q[0].1.as_deref(), Some("FEC records"));
        // "show" after anything else is no cue: "the TV networks show the debate live".
        assert!(quotes("The networks will show the debate live.").is_empty());
    }

    #[test]
    fn an_evidential_cue_takes_its_whole_clause() {
        let q = quotes("Under the plan, the merger is expected to close in March.");
        let ev: Vec<_> = q.iter().filter(|x| x.2 == "is expected").collect();
        assert_eq!(ev.len(), 1, "{q:?}");
        assert_eq!(ev[0].0, "the merger is expected to close in March");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(ev[0].1, None);
        assert!(!ev[0].3);
        // "expected" with no form of "be" before it is not evidential.
        let q = quotes("The board expected losses.");
        assert!(q.iter().all(|x| !x.2.ends_with("expected")), "{q:?}");
    }

    #[test]
    fn taken_finds_overlaps_with_nested_and_far_spans() {
        use super::Taken;
        use crate::model::{Quote, Span};
        let quote = |a: usize, b: usize| Quote {
            span: Span::new(a, b),
            sentence: 0,
            direct: true,
            speaker: None,
            cue: None,
        };
        // A long span first, a short one nested in it: the long one's end still counts after it.
        let taken = Taken::new(&[quote(50, 60), quote(0, 40), quote(10, 12)]);
        assert!(taken.overlaps(Span::new(30, 35)));
        assert!(taken.overlaps(Span::new(55, 70)));
        assert!(!taken.overlaps(Span::new(40, 50)));
        assert!(!taken.overlaps(Span::new(60, 90)));
        assert!(!Taken::new(&[]).overlaps(Span::new(0, 10)));
    }

    #[test]
    fn a_stance_never_overlaps_a_quote_of_another_tier() {
        let q = quotes("Lavrov said Moscow backed the plan and criticized the sanctions.");
        for (i, a) in q.iter().enumerate() {
            for b in &q[i + 1..] {
                assert!(!a.0.contains(&b.0) && !b.0.contains(&a.0), "{q:?}");
            }
        }
    }
}
