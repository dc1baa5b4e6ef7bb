//! Quotes from a learned tagger's spans, joined with the rules' quotes. The tagger (feature
//! `quote-model`) finds attributed content whatever its cue; the rules know speakers, resolve pronouns
//! and titles, and read quote marks exactly. This module needs no network, so the default build tests it.

use super::{QuoteInput, PRONOUNS};
use crate::model::{EntityKind, Quote, Span, Speaker};

/// What the tagger marked in one text: attributed contents and their sources (byte spans).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tagged {
    pub contents: Vec<TaggedContent>,
    pub sources: Vec<Span>,
}

/// A content the tagger marked, and how sure it is of it: the mean chance of its word pieces being
/// inside a content, from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaggedContent {
    pub span: Span,
    pub confidence: f32,
}

/// Anything that marks contents and sources in a text: the `quote-model` feature's network, or a
/// test's fixed spans.
pub trait SpanTagger: Send + Sync {
    fn tag(&self, text: &str) -> crate::error::Result<Tagged>;
}

/// The fewest words of a tagged content that gives an indirect rule quote its extent. A single tagged
/// word is a fragment of the clause the rules found, not its extent. Two words can be what someone is
/// reported to hold ("opposed the deal"), and since the tagger's spans are decoded as whole sequences
/// and kept only when it is sure of them, short ones are seldom pieces of a longer clause: PolNeAR dev
/// F1 (4-epoch tagger, lr 1.5e-4) at a minimum of 1 / 2 / 3 words: 0.774 / 0.778 / 0.773.
pub const MIN_TAGGED_WORDS: usize = 2;

/// A content no rule found stands on the tagger's word alone, so it must be surer than one that only
/// gives a rule quote its extent; being sure, it may be a single word ("endorsed Smith"), which PolNeAR
/// marks as what a stance is about. On PolNeAR dev (4-epoch tagger with the cue head), such contents
/// read at 0.70-0.75 were right one time in five. Replaying the join on the dumped spans, a minimum of
/// 0.7 / 0.75 / 0.8 / 0.85 for contents of two words or more gave F1 0.781 / 0.786 / 0.786 / 0.785,
/// and single words at 0.8 took 0.8 to 0.789; the eval then measured 0.781 -> 0.790 (precision 0.796
/// -> 0.818, recall 0.767 -> 0.763).
pub const MIN_ADDED_CONFIDENCE: f32 = 0.8;

/// Load the tagger in `dir` (the folder `scripts/quote-tagger/train.py` writes), or `None` without a
/// folder. Builds without the `quote-model` feature refuse a folder rather than ignore it.
pub fn load_tagger(
    dir: Option<&std::path::Path>,
) -> crate::Result<Option<std::sync::Arc<dyn SpanTagger>>> {
    let Some(dir) = dir else {
        return Ok(None);
    };
    #[cfg(feature = "quote-model")]
    {
        let tagger = super::model::QuoteTagger::load(dir)?;
        Ok(Some(std::sync::Arc::new(tagger)))
    }
    #[cfg(not(feature = "quote-model"))]
    Err(crate::Error::Invalid(format!(
        "quote model {}: this build has no learned quote tagger; rebuild with `--features quote-model`",
        dir.display()
    )))
}

/// How far (bytes) a source may sit from the content it is attributed to.
const MAX_SOURCE_GAP: u32 = 400;

/// The quotes of a text from the rules' quotes and the tagger's spans.
///
/// - A direct rule quote stays as the rules made it: quote marks bound it exactly.
/// - An indirect rule quote keeps its speaker and cue, but takes the extent of the tagged content that
///   overlaps it most, if that has at least [`MIN_TAGGED_WORDS`] words: where a reported clause ends is
///   what the rules guess worst and what the tagger was trained on. On PolNeAR dev (3-epoch tagger) this
///   raised F1 from 0.714 to 0.730; taking the tagged extent only where it is longer gave 0.722.
/// - An indirect rule quote that no such tagged content touches is dropped: nouns read as cues ("a
///   think tank", "a stream called Miracle Run") and fragments. With the 4-epoch tagger (lr 1.5e-4),
///   its spans decoded as whole sequences and a minimum of three words, dropping also those that only
///   a shorter fragment touched, rather than keeping the rules' span, raised F1 from 0.756 to 0.765
///   (speaker accuracy from 0.907 to 0.900).
/// - A rule quote without a speaker takes one from the tagged sources, as an added content does.
/// - A tagged content that no rule quote touches becomes a quote when the tagger is at least
///   [`MIN_ADDED_CONFIDENCE`] sure of it and a tagged source near it names its speaker.
pub fn combine(input: &QuoteInput, rules: Vec<Quote>, tagged: &Tagged) -> Vec<Quote> {
    // A tagged content long enough gives a rule quote its extent at the tagger's own floor; only a
    // sure one may stand alone, so each keeps its confidence for the second pass.
    let trimmed: Vec<(Span, f32)> = tagged
        .contents
        .iter()
        .filter_map(|c| {
            Some((
                trim(input.text, within_paragraph(input, c.span))?,
                c.confidence,
            ))
        })
        .collect();
    let contents: Vec<Span> = trimmed
        .iter()
        .map(|&(c, _)| c)
        .filter(|c| word_count(input.text, *c) >= MIN_TAGGED_WORDS)
        .collect();
    let mut out: Vec<Quote> = Vec::with_capacity(rules.len() + trimmed.len());
    for rule in &rules {
        let Some(mut quote) = retagged(rule, &contents) else {
            continue;
        };
        if quote.speaker.is_none() {
            quote.speaker = nearest_source(input, quote.span, &tagged.sources)
                .map(|source| speaker_for(input, &rules, source));
        }
        // Two rule quotes of one tagged clause (split at a comma, say) are one quote now.
        if !out.iter().any(|q| q.span == quote.span) {
            out.push(quote);
        }
    }
    for &(content, confidence) in &trimmed {
        if confidence < MIN_ADDED_CONFIDENCE || out.iter().any(|q| q.span.overlap(content) > 0) {
            continue;
        }
        let Some(source) = nearest_source(input, content, &tagged.sources) else {
            continue;
        };
        out.push(Quote {
            span: content,
            sentence: sentence_of(input, content.start),
            direct: false,
            speaker: Some(speaker_for(input, &rules, source)),
            cue: None,
        });
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out
}

/// A rule quote as the tagger reads it: a direct one as it is; an indirect one with the extent of the
/// long enough tagged content that overlaps it most, speaker and cue kept, or `None` when no such
/// content touches it (the tagger does not read it as a reported clause).
///
/// The tagged extent is taken even when it covers the rules' speaker: PolNeAR marks contents that hold
/// their own source ("an explosion that the mayor described as ..."). Keeping the rules' span there
/// instead lowered F1; dropping the quote and adding the content with the nearest tagged source
/// lowered speaker accuracy (0.900 to 0.894 on dev).
fn retagged(rule: &Quote, contents: &[Span]) -> Option<Quote> {
    if rule.direct {
        return Some(rule.clone());
    }
    let span = *contents
        .iter()
        .filter(|c| c.overlap(rule.span) > 0)
        .max_by_key(|c| (c.overlap(rule.span), std::cmp::Reverse(c.start)))?;
    Some(Quote {
        span,
        ..rule.clone()
    })
}

fn word_count(text: &str, span: Span) -> usize {
    text[span.start as usize..span.end as usize]
        .split_whitespace()
        .count()
}

/// The span cut at the end of the paragraph it starts in: a reported clause without quote marks does
/// not run into the next paragraph (the rules carry quotes that do).
fn within_paragraph(input: &QuoteInput, span: Span) -> Span {
    match input
        .paragraphs
        .iter()
        .find(|p| p.start <= span.start && span.start < p.end)
    {
        Some(p) if p.end < span.end => Span::new(span.start as usize, p.end as usize),
        _ => span,
    }
}

/// The span without surrounding spaces and a trailing full stop or comma, or `None` when nothing is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let s = text.get(span.start as usize..span.end as usize)?;
    let lead = s.len() - s.trim_start().len();
    let body = s.trim().trim_end_matches(['.', ',', ';', ':']).trim_end();
    (!body.is_empty()).then(|| {
        Span::new(
            span.start as usize + lead,
            span.start as usize + lead + body.len(),
        )
    })
}

fn sentence_of(input: &QuoteInput, at: u32) -> u32 {
    input
        .sentences
        .iter()
        .position(|s| s.span.start <= at && at < s.span.end.max(s.span.start + 1))
        .or_else(|| input.sentences.iter().rposition(|s| s.span.start <= at))
        .unwrap_or(0) as u32
}

/// The tagged source of a content: the nearest one before it in its sentence ("X has long held that
/// CONTENT", the usual order), else the nearest one after it there ("CONTENT, X conceded"), else the
/// nearest one outside the sentence, if near enough.
fn nearest_source(input: &QuoteInput, content: Span, sources: &[Span]) -> Option<Span> {
    let sentence = input
        .sentences
        .get(sentence_of(input, content.start) as usize)
        .map(|s| s.span);
    let in_sentence = |s: &Span| sentence.is_some_and(|t| t.start <= s.start && s.end <= t.end);
    let outside = || sources.iter().copied().filter(|s| s.overlap(content) == 0);
    let before = outside()
        .filter(|s| s.end <= content.start && in_sentence(s))
        .max_by_key(|s| s.end);
    let after = || {
        outside()
            .filter(|s| s.start >= content.end && in_sentence(s))
            .min_by_key(|s| s.start)
    };
    before.or_else(after).or_else(|| {
        outside()
            .map(|s| {
                let gap = if s.end <= content.start {
                    content.start - s.end
                } else {
                    s.start.saturating_sub(content.end)
                };
                (gap, s)
            })
            .filter(|(gap, _)| *gap <= MAX_SOURCE_GAP)
            .min_by_key(|(gap, s)| (*gap, s.start))
            .map(|(_, s)| s)
    })
}

/// A speaker for a tagged source phrase: the rules' speaker when a rule quote names the same words
/// (resolved pronoun, full name), else a name mention inside the phrase, else, for a pronoun, the
/// latest person named before it, else the phrase itself.
fn speaker_for(input: &QuoteInput, rules: &[Quote], source: Span) -> Speaker {
    if let Some(sp) = rules
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .find(|sp| sp.span.overlap(source) > 0)
    {
        return sp.clone();
    }
    let phrase = input.text[source.start as usize..source.end as usize].trim();
    let named = |m: &&crate::model::Mention| Speaker {
        name: input.text[m.span.start as usize..m.span.end as usize].to_string(),
        key: Some(m.key.clone()),
        span: source,
    };
    if let Some(m) = input.mentions.iter().find(|m| m.span.overlap(source) > 0) {
        return named(&m);
    }
    if PRONOUNS.contains(&phrase.to_ascii_lowercase().as_str()) {
        if let Some(m) = input
            .mentions
            .iter()
            .rev()
            .filter(|m| m.kind == EntityKind::Person && m.span.end <= source.start)
            .find(|m| source.start - m.span.end <= 2 * MAX_SOURCE_GAP)
        {
            return named(&m);
        }
    }
    Speaker {
        name: phrase.to_string(),
        key: None,
        span: source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{names, segment, tokens};

    fn quotes_of(text: &str, rules: Vec<Quote>, tagged: &Tagged) -> Vec<Quote> {
        let seg = segment::segment(text, "en");
        let toks = tokens::tokenize(text);
        let mentions = names::extract_mentions(text, &toks, &seg.sentences);
        let input = QuoteInput {
            text,
            tokens: &toks,
            sentences: &seg.sentences,
            paragraphs: &seg.paragraphs,
            mentions: &mentions,
        };
        combine(&input, rules, tagged)
    }

    /// The tagger's reading of `text`: these contents, all read surely, and these sources.
    fn tags(text: &str, contents: &[&str], sources: &[&str]) -> Tagged {
        let spans = |parts: &[&str]| parts.iter().map(|p| span_of(text, p)).collect::<Vec<_>>();
        Tagged {
            contents: spans(contents).into_iter().map(sure).collect(),
            sources: spans(sources),
        }
    }

    fn sure(span: Span) -> TaggedContent {
        TaggedContent {
            span,
            confidence: 0.95,
        }
    }

    fn span_of(text: &str, part: &str) -> Span {
        let at = text.find(part).expect("part of the text");
        Span::new(at, at + part.len())
    }

    #[test]
    fn a_tagged_content_no_rule_found_becomes_a_quote_with_the_nearest_source() {
        let text =
            "Mayor Ana Ruiz has pooh-poohed the idea that the bridge will close. The council met.";
        let tagged = tags(
            text,
            &[" the idea that the bridge will close."],
            &["Mayor Ana Ruiz"],
        );
        let got = quotes_of(text, Vec::new(), &tagged);
        assert_eq!(got.len(), 1);
        let q = &got[0];
        assert_eq!(
            &text[q.span.start as usize..q.span.end as usize],
            "the idea that the bridge will close"
        );
        let sp = q.speaker.as_ref().expect("a speaker");
        assert!(sp.name.contains("Ruiz"), "{sp:?}");
        assert!(sp.key.is_some());
        assert_eq!(q.sentence, 0);
    }

    fn rule_quote(text: &str, content: &str, direct: bool) -> Quote {
        Quote {
            span: span_of(text, content),
            sentence: 0,
            direct,
            speaker: Some(Speaker {
                name: "Ana Ruiz".into(),
                key: Some("ana ruiz".into()),
                span: span_of(text, "He"),
            }),
            cue: Some("said".into()),
        }
    }

    #[test]
    fn an_indirect_rule_quote_takes_the_tagged_extent_and_keeps_its_speaker() {
        let text = "He said the port would reopen on Monday, after repairs that cost a fortune.";
        let rule = rule_quote(text, "the port would reopen on Monday", false);
        let tagged = tags(
            text,
            &["the port would reopen on Monday, after repairs that cost a fortune."],
            &["He"],
        );
        let got = quotes_of(text, vec![rule.clone()], &tagged);
        assert_eq!(got.len(), 1);
        assert_eq!(
            &text[got[0].span.start as usize..got[0].span.end as usize],
            "the port would reopen on Monday, after repairs that cost a fortune"
        );
        assert_eq!(got[0].speaker, rule.speaker);
        assert_eq!(got[0].cue, rule.cue);
        // Unseen, or seen only as a fragment too short to be a clause, it is dropped.
        assert!(quotes_of(text, vec![rule.clone()], &Tagged::default()).is_empty());
        let fragment = tags(text, &["port"], &[]);
        assert!(quotes_of(text, vec![rule.clone()], &fragment).is_empty());
        let shorter = tags(text, &["the port would reopen"], &[]);
        assert_eq!(
            quotes_of(text, vec![rule.clone()], &shorter)[0].span,
            shorter.contents[0].span
        );
    }

    #[test]
    fn only_an_indirect_quote_takes_a_tagged_extent_even_over_its_speaker() {
        let text = "He said \"the port will reopen\" and the crews are ready for the work now.";
        let direct = rule_quote(text, "the port will reopen", true);
        let wide = tags(
            text,
            &["the port will reopen\" and the crews are ready for the work now"],
            &[],
        );
        assert_eq!(quotes_of(text, vec![direct.clone()], &wide), vec![direct]);
        let indirect = rule_quote(text, "the port will reopen", false);
        // PolNeAR marks contents that hold their own source; the rules' speaker stays.
        let over_speaker = tags(
            text,
            &["He said \"the port will reopen\" and the crews"],
            &[],
        );
        let got = quotes_of(text, vec![indirect.clone()], &over_speaker);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].span, over_speaker.contents[0].span);
        assert_eq!(got[0].speaker, indirect.speaker);
    }

    #[test]
    fn a_rule_quote_without_a_speaker_takes_the_tagged_source() {
        let text = "Mayor Ana Ruiz appeared to doubt that the bridge would ever reopen.";
        let rule = Quote {
            span: span_of(text, "that the bridge would ever reopen"),
            sentence: 0,
            direct: false,
            speaker: None,
            cue: Some("appeared".into()),
        };
        let tagged = tags(text, &["the bridge would ever reopen"], &["Mayor Ana Ruiz"]);
        let got = quotes_of(text, vec![rule], &tagged);
        assert_eq!(got[0].span, tagged.contents[0].span);
        let sp = got[0].speaker.as_ref().expect("a speaker");
        assert!(sp.name.contains("Ruiz") && sp.key.is_some(), "{sp:?}");
    }

    #[test]
    fn two_rule_quotes_of_one_tagged_clause_become_one_quote() {
        let text = "He said the port would reopen on Monday, and that the crews were ready.";
        let first = rule_quote(text, "the port would reopen on Monday", false);
        let second = rule_quote(text, "that the crews were ready", false);
        let tagged = tags(
            text,
            &["the port would reopen on Monday, and that the crews were ready"],
            &[],
        );
        let got = quotes_of(text, vec![first, second], &tagged);
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].span, tagged.contents[0].span);
    }

    #[test]
    fn no_folder_means_no_tagger_and_a_build_without_the_feature_refuses_one() {
        assert!(load_tagger(None).unwrap().is_none());
        #[cfg(not(feature = "quote-model"))]
        {
            let err = load_tagger(Some(std::path::Path::new("/some/tagger")))
                .err()
                .unwrap();
            let msg = err.to_string();
            assert!(
                msg.contains("/some/tagger") && msg.contains("--features quote-model"),
                "{msg}"
            );
        }
    }

    #[test]
    fn a_tagged_content_stops_at_its_paragraph_end() {
        let text = "The union has long held that night shifts are unsafe for older workers\nThe talks resume on Monday.";
        let tagged = tags(
            text,
            &["that night shifts are unsafe for older workers\nThe talks"],
            &["The union"],
        );
        let got = quotes_of(text, Vec::new(), &tagged);
        assert_eq!(got.len(), 1);
        assert_eq!(
            &text[got[0].span.start as usize..got[0].span.end as usize],
            "that night shifts are unsafe for older workers"
        );
    }

    #[test]
    fn a_pronoun_source_resolves_to_the_person_named_before_it() {
        let text = "Ana Ruiz spoke on Monday. She has long doubted that the old bridge is safe.";
        let tagged = tags(text, &["that the old bridge is safe"], &["She"]);
        let got = quotes_of(text, Vec::new(), &tagged);
        let sp = got[0].speaker.as_ref().expect("a speaker");
        assert_eq!(sp.name, "Ana Ruiz");
        assert_eq!(sp.span, span_of(text, "She"));
        assert_eq!(got[0].sentence, 1);
    }

    #[test]
    fn a_short_fragment_or_a_content_with_no_source_near_it_is_not_a_quote() {
        let filler = "The weather was mild and the roads were clear all week long. ".repeat(10);
        let text = format!(
            "Ana Ruiz spoke. {filler}Taxes will rise sharply again next year. Ana Ruiz doubts it."
        );
        let far = span_of(&text, "Taxes will rise sharply again next year");
        let tagged = Tagged {
            contents: [far, Span::new(3, 3), span_of(&text, ". ")]
                .into_iter()
                .map(sure)
                .collect(),
            sources: vec![span_of(&text, "Ana Ruiz")],
        };
        assert!(quotes_of(&text, Vec::new(), &tagged).is_empty());
        // The same content with its source beside it is a quote, and so is one word of it read surely;
        // read less surely, neither is.
        let source = Span::new(far.end as usize + 2, far.end as usize + 10);
        let read = |span: Span, confidence: f32| Tagged {
            contents: vec![TaggedContent { span, confidence }],
            sources: vec![source],
        };
        let taxes = span_of(&text, "Taxes");
        for (span, confidence, quotes) in [
            (far, 0.95, 1),
            (taxes, 0.95, 1),
            (far, MIN_ADDED_CONFIDENCE - 0.05, 0),
            (taxes, MIN_ADDED_CONFIDENCE - 0.05, 0),
        ] {
            let got = quotes_of(&text, Vec::new(), &read(span, confidence));
            assert_eq!(got.len(), quotes, "{span:?} at {confidence}");
            if let Some(q) = got.first() {
                assert_eq!(q.span, span);
                assert_eq!(q.speaker.as_ref().map(|s| s.span), Some(source));
            }
        }
    }

    #[test]
    fn a_content_too_unsure_to_stand_alone_still_gives_a_rule_quote_its_extent() {
        let text = "He said the port would reopen on Monday, after repairs that cost a fortune.";
        let rule = rule_quote(text, "the port would reopen on Monday", false);
        let extent = "the port would reopen on Monday, after repairs that cost a fortune";
        let tagged = Tagged {
            contents: vec![TaggedContent {
                span: span_of(text, extent),
                confidence: MIN_ADDED_CONFIDENCE - 0.05,
            }],
            sources: vec![span_of(text, "He")],
        };
        let got = quotes_of(text, vec![rule], &tagged);
        assert_eq!(got.len(), 1);
        assert_eq!(
            &text[got[0].span.start as usize..got[0].span.end as usize],
            extent
        );
        assert!(quotes_of(text, Vec::new(), &tagged).is_empty());
    }
}
