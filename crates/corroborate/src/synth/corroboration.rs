//! Corroboration: which other independent sources state a given sentence.
//!
//! The count a briefing prints next to a sentence ("3 of 5 sources") is a claim of its own, so it is
//! decided the way `verify` decides a claim (word and word-pair coverage, the quote, figure and negation
//! checks, and the threshold chosen on the factual-consistency dev sets), against one source at a time.
//! Word overlap alone (`facts`) over-counts: two sentences that name the same people are not the same
//! fact. `facts` still ranks sentences for selection, where a soft signal is what is wanted.

use super::briefing::{citation, clean, Citation, Point};
use super::corpus::{Corpus, Doc, Unit};
use super::facts::Match;
use crate::verify::{Verdict, Verifier, VerifyOptions};

/// How a source is judged to state a sentence: the verifier's checks, scored on words alone. Outlets
/// reorder what they report ("X said Y" / "Y, X said"), which word pairs punish; 0.80 is the best
/// words-only threshold on the factual-consistency dev sets (`corroborate-eval verify --sweep` with
/// `BIGRAM_WEIGHT=0`: AggreFact-CNN val 71.3, FRANK valid CNN/DM 68.6). Outlets also word one fact
/// differently; evidence that gives all its figures and names and half its content states it too.
pub const CORROBORATION: VerifyOptions = VerifyOptions {
    threshold: 0.80,
    bigram_weight: 0.0,
    anchored_share: Some(ANCHORED_SHARE),
};

/// Share of a sentence's content that a source pinned to it by its figures and names must hold: the
/// share `briefing::single_source` calls "mostly reported".
pub const ANCHORED_SHARE: f32 = 0.5;

/// The articles of each independent source (a copy root and its copies), as corpora of their own.
pub struct SourceCorpora<'c> {
    roots: Vec<u32>,
    corpora: Vec<Corpus<'c>>,
    /// Per source: the content stems (ids of the whole corpus) its articles use, sorted.
    stems: Vec<Vec<u32>>,
}

impl<'c> SourceCorpora<'c> {
    pub fn new(corpus: &Corpus<'c>) -> Self {
        let mut roots: Vec<u32> = corpus.root.clone();
        roots.sort_unstable();
        roots.dedup();
        // One source alone corroborates nothing: no corpora to build.
        if roots.len() < 2 {
            roots.clear();
        }
        let corpora = roots
            .iter()
            .map(|&r| {
                let docs: Vec<Doc<'c>> = (0..corpus.docs.len())
                    .filter(|&d| corpus.root[d] == r)
                    .map(|d| corpus.docs[d])
                    .collect();
                Corpus::new(docs)
            })
            .collect();
        let stems = roots
            .iter()
            .map(|&r| {
                let mut v: Vec<u32> = corpus
                    .units
                    .iter()
                    .filter(|u| corpus.root[u.doc as usize] == r)
                    .flat_map(|u| u.stems.iter().copied())
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        SourceCorpora {
            roots,
            corpora,
            stems,
        }
    }

    pub fn corroborator(&self) -> Corroborator<'_, 'c> {
        Corroborator {
            roots: self.roots.clone(),
            verifiers: self.corpora.iter().map(Verifier::new).collect(),
            stems: &self.stems,
        }
    }
}

/// A source whose articles hold less than this share of a sentence's content words cannot state it:
/// the verifier weighs words a source never uses highest, so its words-only score is at most about
/// this share, and a source must reach `ANCHORED_SHARE`. Checking it first skips most sources of a
/// large story.
const MIN_WORD_SHARE: f32 = ANCHORED_SHARE;

/// How many of a sentence's content words a source (its sorted stems) uses anywhere.
fn words_held(u: &Unit, source_stems: &[u32]) -> usize {
    u.stems
        .iter()
        .filter(|s| source_stems.binary_search(s).is_ok())
        .count()
}

/// Sources `best_other_share` verifies a sentence against at most.
const MAX_SHARE_CHECKS: usize = 3;

/// Checks sentences of a corpus against each of its other sources.
pub struct Corroborator<'a, 'c> {
    roots: Vec<u32>,
    verifiers: Vec<Verifier<'a, 'c>>,
    stems: &'a [Vec<u32>],
}

impl Corroborator<'_, '_> {
    /// For each other source that states sentence `unit` of `corpus`, its root and the evidence it gives.
    pub fn supporters(&self, corpus: &Corpus, unit: usize) -> Vec<(u32, Vec<Citation>)> {
        let u = &corpus.units[unit];
        let own = corpus.root[u.doc as usize];
        let text = corpus.text(u);
        let opts = CORROBORATION;
        let mut out = Vec::new();
        for ((root, verifier), stems) in self.roots.iter().zip(&self.verifiers).zip(self.stems) {
            if *root == own {
                continue;
            }
            if (words_held(u, stems) as f32) < MIN_WORD_SHARE * u.stems.len() as f32 {
                continue;
            }
            let report = verifier.verify(text, &opts);
            if report.claims.is_empty()
                || report
                    .claims
                    .iter()
                    .any(|c| c.verdict != Verdict::Supported)
            {
                continue;
            }
            let mut cites: Vec<Citation> = Vec::new();
            for e in report.claims.iter().flat_map(|c| &c.evidence) {
                let c = Citation {
                    article: e.article.clone(),
                    outlet: e.outlet.clone(),
                    sentence: e.sentence,
                    text: e.text.clone(),
                };
                if !cites.contains(&c) {
                    cites.push(c);
                }
            }
            out.push((*root, cites));
        }
        out
    }

    /// The most of sentence `unit`'s content any one other source states: per source, the verifier's
    /// score of its weakest claim (a sentence is only as reported as its least reported claim), and
    /// the best source's. Only the few sources using most of its words, and at least `floor` of them
    /// (the score cannot pass that share), are checked, and the search stops once one reaches
    /// `floor`: 0 when none is checked.
    pub fn best_other_share(&self, corpus: &Corpus, unit: usize, floor: f32) -> f32 {
        let u = &corpus.units[unit];
        let own = corpus.root[u.doc as usize];
        let len = u.stems.len() as f32;
        // The words-only score is at most the share of the sentence's words a source uses, so the
        // sources are tried by that share, largest first, until none can do better; past the first
        // few a source is very unlikely to state more, and a large story would pay per source.
        let mut held: Vec<(usize, usize)> = self
            .stems
            .iter()
            .enumerate()
            .filter(|&(k, _)| self.roots[k] != own)
            .map(|(k, stems)| (words_held(u, stems), k))
            .filter(|&(n, _)| n > 0 && n as f32 >= floor * len)
            .collect();
        held.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let text = corpus.text(u);
        let mut best = 0.0f32;
        for (n, k) in held.into_iter().take(MAX_SHARE_CHECKS) {
            if best >= floor || (n as f32) <= best * len {
                break;
            }
            let report = self.verifiers[k].verify(text, &CORROBORATION);
            let weakest = report.claims.iter().map(|c| c.score).reduce(f32::min);
            best = best.max(weakest.unwrap_or(0.0));
        }
        best
    }

    /// A cited point: the sentence, then the evidence of every other source that states it; sentences
    /// of further sources that only share much of its wording are listed apart, as related.
    /// `loose` is the word-overlap support of the sentence (`FactIndex::support`), which callers
    /// usually have already.
    pub fn point(&self, corpus: &Corpus, loose: &[Match], unit: usize) -> Point {
        let u = &corpus.units[unit];
        let own = citation(corpus, u);
        let mut outlets = vec![own.outlet.clone()];
        let mut citations = vec![own];
        let supporters = self.supporters(corpus, unit);
        for (_, cites) in &supporters {
            for c in cites {
                if !outlets.contains(&c.outlet) {
                    outlets.push(c.outlet.clone());
                }
                if !citations.contains(c) {
                    citations.push(c.clone());
                }
            }
        }
        let related = loose
            .iter()
            .filter(|m| {
                let root = corpus.root[corpus.units[m.unit].doc as usize];
                !supporters.iter().any(|(r, _)| *r == root)
            })
            .map(|m| citation(corpus, &corpus.units[m.unit]))
            .collect();
        Point {
            text: clean(corpus.text(u)),
            outlets,
            sources: 1 + supporters.len() as u32,
            of: corpus.sources,
            citations,
            related,
        }
    }
}
