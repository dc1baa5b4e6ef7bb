//! The sentences of a set of articles, prepared once for selection, alignment and retrieval.
//!
//! A `Corpus` knows which articles are copies of one another (a wire copy and its original are one
//! *source*), which outlet each article comes from, and for every sentence its stemmed words, its
//! bigram concepts and its position.

use crate::analyze::furniture::is_page_furniture;
use crate::analyze::names::token_key;
use crate::analyze::tokens::{
    each_token, is_stopword, is_title_case, normalize, normalize_into, stem, stem_normalized,
    tokenize, word_count, TokenKind,
};
use crate::dedupe::{DUPLICATE_THRESHOLD, MIN_SHINGLES};
use crate::model::{Analysis, Article, Span};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// One article with its analysis, as handed to synthesis.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    pub article: &'a Article,
    pub analysis: &'a Analysis,
}

/// One sentence of one article, ready for scoring.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Index into `Corpus::docs`.
    pub doc: u32,
    /// Index into the article's `Analysis::sentences`.
    pub sentence: u32,
    pub span: Span,
    /// Whitespace-separated words (the budget unit).
    pub words: u32,
    /// Distinct content-word stems (interned), sorted.
    pub stems: Vec<u32>,
    /// Stem of every word token in order, stop words included (interned); the material for bigrams.
    pub seq: Vec<u32>,
    /// Distinct bigram concepts (pairs of `seq` not made only of stop words), sorted.
    pub bigrams: Vec<u64>,
    /// Sentence index among the article's body sentences (0 = lead).
    pub position: u32,
    /// Number of sentences in the article, for relative positions.
    pub doc_sentences: u32,
    /// Page furniture that survived extraction (sign-up prompts, captions, archive notes): never
    /// selected, never counted as a concept.
    pub furniture: bool,
    /// No sentence-final punctuation: a headline, subhead or list item. Its words count as concepts but
    /// it is never quoted as a statement.
    pub fragment: bool,
}

/// Prepared sentences of a set of articles.
pub struct Corpus<'a> {
    pub docs: Vec<Doc<'a>>,
    pub units: Vec<Unit>,
    /// Per doc: the doc it copies (its copy group's root), or itself.
    pub root: Vec<u32>,
    /// Per doc: outlet index into `outlets`.
    pub outlet: Vec<u32>,
    pub outlets: Vec<String>,
    /// Interned stems: id -> text.
    pub vocab: Vec<String>,
    stopword: Vec<bool>,
    ids: FxHashMap<String, u32>,
    /// Spelling-folded stem -> id, so "Sergei"/"Sergey" and "Zelensky"/"Zelenskyy" are one word.
    folded: FxHashMap<String, u32>,
    /// Word, as written and normalised -> (stem id, stop word): each distinct word is stemmed once.
    words: FxHashMap<String, (u32, bool)>,
    /// Number of distinct sources (copy roots).
    pub sources: u32,
}

impl<'a> Corpus<'a> {
    pub fn new(docs: Vec<Doc<'a>>) -> Self {
        let mut outlet_ids: HashMap<String, u32> = HashMap::new();
        let mut outlets = Vec::new();
        let outlet = docs
            .iter()
            .map(|d| {
                let name = d.article.outlet();
                *outlet_ids.entry(name.clone()).or_insert_with(|| {
                    outlets.push(name);
                    outlets.len() as u32 - 1
                })
            })
            .collect();
        // News text has a distinct word every 10 to 40 bytes (DUC 2003, Multi-News): sizing the
        // tables up front spares rehashing them as the vocabulary grows.
        let bytes: usize = docs.iter().map(|d| d.article.text.len()).sum();
        let distinct = (bytes / 20).min(1 << 16);
        let mut c = Corpus {
            root: (0..docs.len() as u32).collect(),
            docs,
            units: Vec::new(),
            outlet,
            outlets,
            vocab: Vec::with_capacity(distinct),
            stopword: Vec::with_capacity(distinct),
            ids: FxHashMap::with_capacity_and_hasher(distinct, Default::default()),
            folded: FxHashMap::with_capacity_and_hasher(distinct, Default::default()),
            words: FxHashMap::with_capacity_and_hasher(distinct, Default::default()),
            sources: 0,
        };
        for d in 0..c.docs.len() {
            c.add_units(d);
        }
        c.find_copies();
        c
    }

    /// Link wire copies to their originals: the same word 3-shingles as the store's near-duplicate
    /// test (Jaccard at least 0.6), but exact, since a corpus is small: candidates share one of
    /// their 16 smallest shingle hashes (a pair at Jaccard 0.6 shares none with odds under one in
    /// a million), then whole shingle sets are compared. The store's 64-hash MinHash cost more
    /// than the comparison it replaces (a tenth of a one-shot summary of 25 articles). Shingles
    /// come from the interned words, so the texts are not tokenised again.
    fn find_copies(&mut self) {
        // Per doc: its range of units.
        let mut ranges = vec![(0usize, 0usize); self.docs.len()];
        let mut first = 0;
        for (d, r) in ranges.iter_mut().enumerate() {
            let end = first
                + self.units[first..]
                    .iter()
                    .take_while(|u| u.doc == d as u32)
                    .count();
            *r = (first, end);
            first = end;
        }
        // The earliest-published copy is the original (as in the store); undated ones come last.
        let mut order: Vec<usize> = (0..self.docs.len()).collect();
        order.sort_by_key(|&d| {
            let p = self.docs[d].article.published;
            (p.is_none(), p, d)
        });
        let mut exact: FxHashMap<u64, usize> = FxHashMap::default();
        let mut by_sketch: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut shingle_sets: Vec<Vec<u64>> = vec![Vec::new(); self.docs.len()];
        for &d in &order {
            let (a, b) = ranges[d];
            let words: Vec<u32> = self.units[a..b]
                .iter()
                .flat_map(|u| u.seq.iter().copied())
                .collect();
            let key = {
                let mut h = rustc_hash::FxHasher::default();
                words.hash(&mut h);
                h.finish()
            };
            let mut original = exact.get(&key).copied();
            let mut shingles: Vec<u64> = words
                .windows(3)
                .map(|w| {
                    let x = ((w[0] as u64) << 42) ^ ((w[1] as u64) << 21) ^ w[2] as u64;
                    x.wrapping_mul(0x9e37_79b9_7f4a_7c15)
                })
                .collect();
            shingles.sort_unstable();
            shingles.dedup();
            if shingles.len() >= MIN_SHINGLES {
                let sketch = &shingles[..SKETCH.min(shingles.len())];
                if original.is_none() {
                    let mut candidates: Vec<usize> = sketch
                        .iter()
                        .filter_map(|h| by_sketch.get(h))
                        .flatten()
                        .copied()
                        .collect();
                    candidates.sort_unstable();
                    candidates.dedup();
                    original = candidates
                        .into_iter()
                        .map(|c| (jaccard(&shingles, &shingle_sets[c]), c))
                        .filter(|&(j, _)| j >= DUPLICATE_THRESHOLD)
                        .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
                        .map(|(_, c)| c);
                }
                for &h in sketch {
                    by_sketch.entry(h).or_default().push(d);
                }
            }
            exact.entry(key).or_insert(d);
            self.root[d] = original.map_or(d, |o| self.root[o] as usize) as u32;
            shingle_sets[d] = shingles;
        }
        self.sources = self
            .root
            .iter()
            .enumerate()
            .filter(|(i, r)| *i as u32 == **r)
            .count() as u32;
    }

    fn intern(&mut self, s: String, stop: bool) -> u32 {
        if let Some(&id) = self.ids.get(&s) {
            return id;
        }
        // Folding runs once per distinct stem, not per token.
        let fold = if stop { s.clone() } else { token_key(&s) };
        if let Some(&id) = self.folded.get(&fold) {
            self.ids.insert(s, id);
            return id;
        }
        let id = self.vocab.len() as u32;
        self.ids.insert(s.clone(), id);
        self.folded.insert(fold, id);
        self.vocab.push(s);
        self.stopword.push(stop);
        id
    }

    /// The interned id of a stem (or a spelling variant of it), if any sentence uses it.
    pub fn stem_id(&self, stem: &str) -> Option<u32> {
        self.ids
            .get(stem)
            .or_else(|| self.folded.get(&token_key(stem)))
            .copied()
    }

    pub fn is_stop(&self, id: u32) -> bool {
        self.stopword[id as usize]
    }

    fn add_units(&mut self, d: usize) {
        let doc = self.docs[d];
        let text = doc.article.text.as_str();
        let n = doc.analysis.sentences.len() as u32;
        for (si, s) in doc.analysis.sentences.iter().enumerate() {
            let span = s.span;
            let Some(body) = text.get(span.start as usize..span.end as usize) else {
                continue;
            };
            let (seq, stems) = self.stem_sentence(body);
            let words = word_count(body) as u32;
            let furniture = is_page_furniture(body);
            let bigrams = if furniture {
                Vec::new()
            } else {
                bigrams_of(&seq, &self.stopword)
            };
            let fragment = !body.trim_end().ends_with([
                '.', '!', '?', '"', '\u{201d}', '\'', '\u{2019}', '\u{2026}', ')',
            ]) || is_title_case(body);
            self.units.push(Unit {
                furniture,
                fragment,
                doc: d as u32,
                sentence: si as u32,
                span,
                words,
                stems,
                seq,
                bigrams,
                position: si as u32,
                doc_sentences: n,
            });
        }
    }

    /// Stem a text with this corpus's vocabulary (new stems are added): (all word stems in order,
    /// distinct content stems sorted).
    fn stem_sentence(&mut self, body: &str) -> (Vec<u32>, Vec<u32>) {
        let mut seq = Vec::with_capacity(body.len() / 5);
        let mut stems = Vec::with_capacity(body.len() / 8);
        let mut lower = String::new();
        each_token(body, |t| {
            if t.kind == TokenKind::Punct {
                return;
            }
            let (id, stop) = self.word(t.text, &mut lower);
            seq.push(id);
            if !stop {
                stems.push(id);
            }
        });
        stems.sort_unstable();
        stems.dedup();
        (seq, stems)
    }

    /// (stem id, stop word) of a word token. Words are remembered as written as well as
    /// normalised, so that a word seen before ("The", "U.S.") is one lookup. No written form is
    /// another word's normal form, since normalising a normal form changes nothing.
    fn word(&mut self, written: &str, lower: &mut String) -> (u32, bool) {
        if let Some(&known) = self.words.get(written) {
            return known;
        }
        normalize_into(written, lower);
        let known = match self.words.get(lower.as_str()) {
            Some(&known) => known,
            None => {
                let stop = is_stopword(lower);
                let id = self.intern(stem_normalized(lower), stop);
                self.words.insert(lower.clone(), (id, stop));
                (id, stop)
            }
        };
        if written != lower.as_str() {
            self.words.insert(written.to_string(), known);
        }
        known
    }

    /// Bigram concepts of a text, looked up in this corpus's vocabulary; pairs touching a word the
    /// corpus never uses are returned as `None` (they cannot be found in any sentence).
    pub fn lookup_bigrams(&self, text: &str) -> Vec<Option<u64>> {
        let ids: Vec<(Option<u32>, bool)> = tokenize(text)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| {
                let w = normalize(t.text);
                let stop = is_stopword(&w);
                (self.stem_id(&stem(&w)), stop)
            })
            .collect();
        let mut out: Vec<Option<u64>> = ids
            .windows(2)
            .filter(|w| !(w[0].1 && w[1].1))
            .map(|w| match (w[0].0, w[1].0) {
                (Some(a), Some(b)) => Some(((a as u64) << 32) | b as u64),
                _ => None,
            })
            .collect();
        out.sort_unstable();
        out.dedup_by(|a, b| a.is_some() && a == b);
        out
    }

    /// Stems of a text already known to the corpus (unknown words are dropped): for queries and claims.
    pub fn lookup_stems(&self, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = tokenize(text)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| normalize(t.text))
            .filter(|w| !is_stopword(w))
            .filter_map(|w| self.stem_id(&stem(&w)))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn text(&self, u: &Unit) -> &'a str {
        let doc = self.docs[u.doc as usize];
        doc.article
            .text
            .get(u.span.start as usize..u.span.end as usize)
            .unwrap_or("")
    }

    pub fn article(&self, u: &Unit) -> &'a Article {
        self.docs[u.doc as usize].article
    }

    /// The source (copy-group root) a unit belongs to.
    pub fn source_of(&self, u: &Unit) -> u32 {
        self.root[u.doc as usize]
    }

    /// Number of content stems in the vocabulary.
    pub fn vocab_len(&self) -> usize {
        self.vocab.len()
    }

    /// For each stem id, the number of distinct sources using it.
    pub fn source_frequency(&self) -> Vec<u32> {
        let mut df = vec![0u32; self.vocab.len()];
        let mut last = vec![u32::MAX; self.vocab.len()];
        let mut order: Vec<usize> = (0..self.units.len()).collect();
        order.sort_by_key(|&i| self.source_of(&self.units[i]));
        for i in order {
            let u = &self.units[i];
            let src = self.source_of(u);
            for &s in &u.stems {
                if last[s as usize] != src {
                    last[s as usize] = src;
                    df[s as usize] += 1;
                }
            }
        }
        df
    }
}

/// Shingles of a text's sketch: its smallest shingle hashes.
const SKETCH: usize = 16;

/// Jaccard similarity of two sorted sets.
fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

fn bigrams_of(seq: &[u32], stopword: &[bool]) -> Vec<u64> {
    let mut out: Vec<u64> = seq
        .windows(2)
        .filter(|w| !(stopword[w[0] as usize] && stopword[w[1] as usize]))
        .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
