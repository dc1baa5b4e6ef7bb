//! Verify: check a text against the sources, claim by claim, with evidence.
//!
//! Each sentence of the text (split further at semicolons) is a claim, with byte offsets into the
//! input. Evidence comes from the sources' sentences sharing its words, scored alone, as adjacent
//! pairs and as pairs of the best matches (a summary sentence often fuses two source sentences).
//! Then, in order:
//! 1. quotes are checked exactly: the quoted words must appear in a source (case and punctuation
//!    aside), attributed to the same speaker when both sides name one; other words in the mouth of
//!    a speaker the sources quote in the same frame contradict them, and so does reported speech
//!    ("X said C") that the sources report only from another named person;
//! 2. figures (numbers, money, percentages, durations, dates; "four hours" is 4 hours) must appear in
//!    the evidence, and a different value of the same kind and unit there is a contradiction;
//! 3. a negation present on one side only, in evidence that otherwise matches, is a contradiction;
//! 4. a place the claim puts the event in ("met in Vienna") where the evidence, holding the rest of
//!    the claim, puts it in another place of the same kind ("in Geneva") is a contradiction;
//! 5. (for corroboration only) other wording pinned by every figure and name of the claim counts;
//! 6. a long content word no source uses in any form ("archbishop") is something the sources do not
//!    say: unsupported;
//! 7. otherwise the claim is supported when its score reaches `SUPPORT_THRESHOLD`: a blend of the
//!    share of its IDF-weighted content words the evidence holds (words the sources never use count
//!    fully against it; a number matches either spelling, "6" or "six") and the share of its word
//!    pairs it holds (pairs keep who did what to whom).
//!
//! `claims` splits the text, this module finds the evidence and scores it, `checks` holds steps 1-6.

use crate::analyze::analyze_text;
use crate::analyze::tokens::{normalize, tokenize, TokenKind};
use crate::entities::collect_quotes;
use crate::model::{Analysis, Article, Span};
use crate::synth::briefing::{clean, quote_words};
use crate::synth::facts::FactIndex;
use crate::synth::Corpus;

mod checks;
mod claims;
pub use claims::claims;
use serde::Serialize;

/// The single global decision threshold on a claim's score (0.4 x IDF-weighted word coverage + 0.6 x
/// word-pair coverage of the best evidence window). Chosen on the factual-consistency dev sets
/// (`corroborate-eval verify --sweep`): the value that best balances AggreFact-CNN and FRANK CNN/DM.
pub const SUPPORT_THRESHOLD: f32 = 0.69;

/// Best-matching sentences kept per claim for pairing.
const TOP_EVIDENCE: usize = 5;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    Unsupported,
    Contradicted,
}

/// A source sentence offered as evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    pub article: String,
    pub outlet: String,
    pub sentence: u32,
    pub text: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct ClaimCheck {
    pub text: String,
    /// Byte offsets into the verified text.
    pub start: usize,
    pub end: usize,
    pub verdict: Verdict,
    /// Share of the claim's weighted content held by the best evidence, in [0, 1].
    pub score: f32,
    pub reason: String,
    pub evidence: Vec<Evidence>,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct VerifySummary {
    pub claims: usize,
    pub supported: usize,
    pub unsupported: usize,
    pub contradicted: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub claims: Vec<ClaimCheck>,
    pub summary: VerifySummary,
}

impl Report {
    /// Whether every claim is supported (the text may run).
    pub fn all_supported(&self) -> bool {
        self.claims.iter().all(|c| c.verdict == Verdict::Supported)
    }
}

/// Options of `verify`.
#[derive(Clone, Debug)]
pub struct VerifyOptions {
    pub threshold: f32,
    /// Weight of word-pair coverage in the score (the rest is word coverage).
    pub bigram_weight: f32,
    /// A claim below the threshold is still supported when its score reaches this share and its
    /// evidence gives every figure and name of it, with at least one figure (`checks::check_anchored`):
    /// how outlets report one fact in their own words. `None` (the default): the threshold alone.
    pub anchored_share: Option<f32>,
}

impl Default for VerifyOptions {
    fn default() -> Self {
        VerifyOptions {
            threshold: SUPPORT_THRESHOLD,
            bigram_weight: BIGRAM_WEIGHT,
            anchored_share: None,
        }
    }
}

/// Verify `text` against the corpus.
pub fn verify(corpus: &Corpus, text: &str, opts: &VerifyOptions) -> Report {
    Verifier::new(corpus).verify(text, opts)
}

/// A corpus made ready for checking many texts: its fact index and quotes are built once.
pub struct Verifier<'a, 'c> {
    corpus: &'a Corpus<'c>,
    facts: FactIndex,
    source_quotes: SourceQuotes,
}

impl<'a, 'c> Verifier<'a, 'c> {
    pub fn new(corpus: &'a Corpus<'c>) -> Self {
        Verifier {
            corpus,
            facts: FactIndex::new(corpus),
            source_quotes: SourceQuotes::new(corpus),
        }
    }

    /// The sources this verifier checks against.
    pub fn corpus(&self) -> &'a Corpus<'c> {
        self.corpus
    }

    /// Verify `text`, claim by claim.
    pub fn verify(&self, text: &str, opts: &VerifyOptions) -> Report {
        let (_, analysis) = analyze_text(text, None);
        let claim_doc = Article::new("claim", text, crate::model::Origin::inline("-"));
        let claim_quotes = collect_quotes(&[(&claim_doc, &analysis)]);
        let mut checks = Vec::new();
        for span in claims(text, &analysis) {
            let ctx = ClaimContext {
                corpus: self.corpus,
                facts: &self.facts,
                text,
                span,
                analysis: &analysis,
                claim_quotes: &claim_quotes,
                source_quotes: &self.source_quotes,
            };
            checks.push(ctx.check(opts));
        }
        let mut summary = VerifySummary {
            claims: checks.len(),
            ..VerifySummary::default()
        };
        for c in &checks {
            match c.verdict {
                Verdict::Supported => summary.supported += 1,
                Verdict::Unsupported => summary.unsupported += 1,
                Verdict::Contradicted => summary.contradicted += 1,
            }
        }
        Report {
            claims: checks,
            summary,
        }
    }
}

/// All source text as normalised words, for exact quote matching, plus the quotes with speakers.
struct SourceQuotes {
    /// Per doc: normalised words of the whole text.
    words: Vec<Vec<String>>,
    /// Each quote with its words, normalised once for all claims.
    records: Vec<(crate::entities::QuoteRecord, Vec<String>)>,
}

impl SourceQuotes {
    fn new(corpus: &Corpus) -> Self {
        let docs: Vec<(&Article, &Analysis)> = corpus
            .docs
            .iter()
            .map(|d| (d.article, d.analysis))
            .collect();
        SourceQuotes {
            words: corpus
                .docs
                .iter()
                .map(|d| quote_words(&d.article.text))
                .collect(),
            // A stance's holder backs or attacks its content; it did not say those words.
            records: collect_quotes(&docs)
                .into_iter()
                .filter(|r| r.speech)
                .map(|r| {
                    let w = quote_words(&r.text);
                    (r, w)
                })
                .collect(),
        }
    }

    fn contains(&self, words: &[String]) -> bool {
        self.words
            .iter()
            .any(|doc| doc.windows(words.len()).any(|w| w == words))
    }
}

struct ClaimContext<'a, 'c> {
    corpus: &'a Corpus<'c>,
    facts: &'a FactIndex,
    text: &'a str,
    span: Span,
    analysis: &'a Analysis,
    claim_quotes: &'a [crate::entities::QuoteRecord],
    source_quotes: &'a SourceQuotes,
}

/// A set of source sentences (one, or two combined) and how much of the claim they hold.
struct Window {
    units: Vec<usize>,
    score: f32,
}

impl ClaimContext<'_, '_> {
    fn claim_text(&self) -> &str {
        &self.text[self.span.start as usize..self.span.end as usize]
    }

    fn check(&self, opts: &VerifyOptions) -> ClaimCheck {
        let threshold = opts.threshold;
        let text = self.claim_text();
        let scored = self.numbers_as_the_sources_write(text);
        let stems = self.corpus.lookup_stems(&scored);
        let unknown = self.unknown_weight(&scored);
        let bigrams = self.corpus.lookup_bigrams(&scored);
        let spelled = self.other_number_spellings(&scored);
        let best = self.best_window(&stems, &spelled, unknown, &bigrams, opts.bigram_weight);
        let evidence: Vec<Evidence> = best
            .as_ref()
            .map(|w| w.units.iter().map(|&u| self.evidence(u)).collect())
            .unwrap_or_default();
        let score = best.as_ref().map_or(0.0, |w| w.score);
        let (verdict, reason) = self
            .check_quotes()
            .or_else(|| self.check_attribution())
            .or_else(|| self.check_figures(best.as_ref(), score, threshold))
            .or_else(|| self.check_negation(best.as_ref(), score, threshold))
            .or_else(|| self.check_place(best.as_ref(), threshold))
            .or_else(|| self.check_anchored(best.as_ref(), score, opts))
            .or_else(|| self.check_invented(score, threshold))
            .unwrap_or_else(|| {
                if score >= threshold {
                    (
                        Verdict::Supported,
                        format!(
                            "{:.0}% of the claim's content is in the evidence",
                            score * 100.0
                        ),
                    )
                } else if best.is_none() {
                    (
                        Verdict::Unsupported,
                        "no source sentence shares its words".into(),
                    )
                } else {
                    (
                        Verdict::Unsupported,
                        format!(
                            "only {:.0}% of the claim's content is in the sources",
                            score * 100.0
                        ),
                    )
                }
            });
        ClaimCheck {
            text: clean(text),
            start: self.span.start as usize,
            end: self.span.end as usize,
            verdict,
            score,
            reason,
            evidence,
        }
    }

    /// The claim with each whole number spelled as the sources spell it when they only use the
    /// other form (or it is a stop word): "lasted 6 hours" is scored against "lasted six hours" (the figure check compares
    /// the values themselves).
    fn numbers_as_the_sources_write<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let mut out = String::new();
        let mut copied = 0;
        for t in tokenize(text) {
            let w = normalize(t.text);
            let Some(other) = crate::analyze::figures::other_spelling(&w) else {
                continue;
            };
            // A number word may be a stop word, which no source "uses" but none needs to.
            let written =
                crate::analyze::tokens::is_stopword(&other) || !self.unused_by_sources(&other);
            if self.unused_by_sources(&w) && written {
                out.push_str(&text[copied..t.start]);
                out.push_str(&other);
                copied = t.end;
            }
        }
        if copied == 0 {
            return std::borrow::Cow::Borrowed(text);
        }
        out.push_str(&text[copied..]);
        std::borrow::Cow::Owned(out)
    }

    /// (stem id, stem id of its other spelling) for the claim's whole numbers that the sources write
    /// both ways: either spelling in a source sentence holds the number.
    fn other_number_spellings(&self, text: &str) -> Vec<(u32, u32)> {
        let stem_id = |w: &str| self.corpus.stem_id(&crate::analyze::tokens::stem(w));
        tokenize(text)
            .iter()
            .filter_map(|t| {
                let w = normalize(t.text);
                let other = crate::analyze::figures::other_spelling(&w)?;
                Some((stem_id(&w)?, stem_id(&other)?))
            })
            .collect()
    }

    /// Weight of the claim's content words the sources never use.
    fn unknown_weight(&self, text: &str) -> f32 {
        let max_idf = (self.corpus.units.len() as f32 + 1.0).ln().max(1.0);
        let mut seen: Vec<String> = Vec::new();
        for t in tokenize(text) {
            if t.kind == TokenKind::Punct {
                continue;
            }
            let w = normalize(t.text);
            if crate::analyze::tokens::is_stopword(&w)
                || seen.contains(&w)
                || !w.chars().any(|c| c.is_alphanumeric())
            {
                continue;
            }
            if self.unused_by_sources(&w) {
                seen.push(w);
            }
        }
        seen.len() as f32 * max_idf
    }

    /// IDF weight of the stems that the given source sentences hold, a number in either spelling.
    fn word_weight_held(&self, stems: &[u32], spelled: &[(u32, u32)], units: &[usize]) -> f32 {
        let has = |u: usize, s: u32| self.corpus.units[u].stems.binary_search(&s).is_ok();
        stems
            .iter()
            .filter(|&&s| {
                units
                    .iter()
                    .any(|&u| has(u, s) || spelled.iter().any(|&(a, b)| a == s && has(u, b)))
            })
            .map(|&s| self.facts.idf(s))
            .sum()
    }

    fn best_window(
        &self,
        stems: &[u32],
        spelled: &[(u32, u32)],
        unknown: f32,
        bigrams: &[Option<u64>],
        bw: f32,
    ) -> Option<Window> {
        let total: f32 = stems.iter().map(|&s| self.facts.idf(s)).sum::<f32>() + unknown;
        if total <= 0.0 {
            return None;
        }
        let held = |units: &[usize]| -> f32 {
            let words = self.word_weight_held(stems, spelled, units) / total;
            if bigrams.is_empty() || bw == 0.0 {
                return words;
            }
            // Word pairs keep who-did-what-to-whom that single words lose.
            let pairs = bigrams
                .iter()
                .filter(|b| {
                    b.is_some_and(|b| {
                        units
                            .iter()
                            .any(|&u| self.corpus.units[u].bigrams.binary_search(&b).is_ok())
                    })
                })
                .count() as f32
                / bigrams.len() as f32;
            (1.0 - bw) * words + bw * pairs
        };
        let mut scored: Vec<(f32, usize)> = self
            .facts
            .candidates(stems)
            .into_iter()
            .filter(|&u| !self.corpus.units[u].furniture)
            .map(|u| (held(&[u]), u))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(TOP_EVIDENCE);
        let (s0, u0) = *scored.first()?;
        let mut windows: Vec<Vec<usize>> = vec![vec![u0]];
        for &(_, u) in &scored {
            let unit = &self.corpus.units[u];
            for v in [u.wrapping_sub(1), u + 1] {
                if self.corpus.units.get(v).is_some_and(|x| x.doc == unit.doc) {
                    windows.push(vec![u.min(v), u.max(v)]);
                }
            }
        }
        for i in 0..scored.len() {
            for j in i + 1..scored.len() {
                windows.push(vec![scored[i].1, scored[j].1]);
            }
        }
        // A pair must add something over its better half.
        // Joining sentences that are not neighbours is how a summary mixes up facts, so such a
        // window pays a small price per sentence joined.
        let fp = FUSION_PENALTY;
        let pick = |windows: Vec<Vec<usize>>, best: Window| {
            windows.into_iter().fold(best, |best, units| {
                let scattered = units.windows(2).filter(|w| w[1] != w[0] + 1).count();
                let score = held(&units) * (1.0 - fp).powi(scattered as i32);
                if score > best.score + 1e-6 {
                    Window { units, score }
                } else {
                    best
                }
            })
        };
        let mut best = pick(
            windows,
            Window {
                units: vec![u0],
                score: s0,
            },
        );
        // A summary sentence may fuse three source sentences.
        if best.units.len() == 2 {
            let triples = scored
                .iter()
                .filter(|(_, u)| !best.units.contains(u))
                .map(|&(_, u)| vec![best.units[0], best.units[1], u])
                .collect();
            best = pick(triples, best);
        }
        Some(best)
    }

    fn evidence(&self, u: usize) -> Evidence {
        let unit = &self.corpus.units[u];
        let d = unit.doc as usize;
        Evidence {
            article: self.corpus.docs[d].article.id.clone(),
            outlet: self.corpus.outlets[self.corpus.outlet[d] as usize].clone(),
            sentence: unit.sentence,
            text: clean(self.corpus.text(unit)),
        }
    }

    fn in_claim(&self, s: Span) -> bool {
        s.start >= self.span.start && s.end <= self.span.end
    }
}

/// Weight of word-pair coverage against single-word coverage in a claim's score.
const BIGRAM_WEIGHT: f32 = 0.6;
/// Price (share of the score) per non-adjacent sentence joined into an evidence window.
const FUSION_PENALTY: f32 = 0.15;

#[cfg(test)]
mod tests;
