//! Facts across sources: which sentences of other, independent sources carry the information of a
//! given sentence.
//!
//! Two sentences carry the same information when most of the rarer content of the one appears in the
//! other (IDF-weighted containment of content stems), with a floor of shared words so that short
//! sentences do not match on a name alone. Support is asymmetric on purpose: a long sentence that
//! states three facts supports each of three short ones, but a short one does not support the long one.
//! Copies of one article (wire copies) are one source and never support each other.

use super::corpus::{Corpus, Unit};

/// Share of a sentence's IDF-weighted content that must appear in another for it to count as support.
pub const SUPPORT_THRESHOLD: f32 = 0.4;
/// Fewest shared content stems for support (or all of them, for shorter sentences).
pub const MIN_SHARED: usize = 4;

/// Below this many sentences every stem is used to find candidates.
const MIN_POSTINGS_CAP: usize = 256;

/// Inverted index over the corpus's content stems, with IDF over sentences.
pub struct FactIndex {
    idf: Vec<f32>,
    postings: Vec<Vec<u32>>,
    /// Number of sentences indexed.
    units: usize,
}

/// A sentence of another source that supports a given sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Match {
    pub unit: usize,
    pub score: f32,
}

impl FactIndex {
    pub fn new(corpus: &Corpus) -> Self {
        let n = corpus.units.len();
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); corpus.vocab_len()];
        for (i, u) in corpus.units.iter().enumerate() {
            for &s in &u.stems {
                postings[s as usize].push(i as u32);
            }
        }
        let idf = postings
            .iter()
            .map(|p| ((n as f32 + 1.0) / (p.len() as f32 + 0.5)).ln().max(0.05))
            .collect();
        FactIndex {
            idf,
            postings,
            units: n,
        }
    }

    pub fn idf(&self, stem: u32) -> f32 {
        self.idf.get(stem as usize).copied().unwrap_or(1.0)
    }

    /// How much of `stems`' weighted content `other` holds, in [0, 1], and how many stems are shared.
    pub fn containment(&self, stems: &[u32], other: &[u32]) -> (f32, usize) {
        let total: f32 = stems.iter().map(|&s| self.idf(s)).sum();
        if total <= 0.0 {
            return (0.0, 0);
        }
        let mut shared = 0;
        let mut weight = 0.0;
        for &s in stems {
            if other.binary_search(&s).is_ok() {
                shared += 1;
                weight += self.idf(s);
            }
        }
        (weight / total, shared)
    }

    /// Whether `score`/`shared` for a text of `len` content stems is enough to call it the same fact.
    pub fn is_support(score: f32, shared: usize, len: usize) -> bool {
        score >= SUPPORT_THRESHOLD && shared >= MIN_SHARED.min(len.max(1))
    }

    /// Units sharing at least one content stem with `stems`, each once. Stems used by more than a
    /// quarter of a large corpus's sentences are too common to find candidates by (a match on them
    /// alone never reaches the support threshold), which keeps large stories fast.
    pub fn candidates(&self, stems: &[u32]) -> Vec<usize> {
        let cap = (self.units / 4).max(MIN_POSTINGS_CAP);
        // Sorting the touched postings costs what touching them costs; a per-call table of all
        // sentences would cost the corpus size on every call.
        let mut out: Vec<usize> = stems
            .iter()
            .filter_map(|&s| self.postings.get(s as usize))
            .filter(|p| p.len() <= cap)
            .flat_map(|p| p.iter().map(|&u| u as usize))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The best supporting sentence of every other source, strongest first.
    pub fn support(&self, corpus: &Corpus, unit: usize) -> Vec<Match> {
        let u = &corpus.units[unit];
        let own = corpus.source_of(u);
        let mut best: Vec<(u32, Match)> = Vec::new();
        for c in self.candidates(&u.stems) {
            let v = &corpus.units[c];
            let src = corpus.source_of(v);
            if src == own || v.furniture {
                continue;
            }
            let (score, shared) = self.containment(&u.stems, &v.stems);
            if !Self::is_support(score, shared, u.stems.len()) {
                continue;
            }
            match best.iter_mut().find(|(s, _)| *s == src) {
                Some((_, m)) if m.score >= score => {}
                Some((_, m)) => *m = Match { unit: c, score },
                None => best.push((src, Match { unit: c, score })),
            }
        }
        let mut out: Vec<Match> = best.into_iter().map(|(_, m)| m).collect();
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.unit.cmp(&b.unit)));
        out
    }
}

/// Outlets (names) of a unit and its supporting matches, own outlet first, each once.
pub fn outlets_of(corpus: &Corpus, unit: &Unit, matches: &[Match]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let own = &corpus.outlets[corpus.outlet[unit.doc as usize] as usize];
    out.push(own.clone());
    for m in matches {
        let d = corpus.units[m.unit].doc as usize;
        let name = &corpus.outlets[corpus.outlet[d] as usize];
        if !out.contains(name) {
            out.push(name.clone());
        }
    }
    out
}
