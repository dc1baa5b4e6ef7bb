//! Sentence salience: how much of a sentence an editor's summary of the story is likely to reuse.
//!
//! A linear model over what a sentence is (position, length, quotation, figures) and how the sources
//! share its words (the share of its words and word pairs that other independent sources use too, how
//! close it is to the story's centroid). Its target is the share of the sentence's word pairs that a
//! human summary contains, so it scores the value per word of choosing the sentence; `select` adds it to
//! the concept-coverage objective as a prior.
//!
//! The weights are learned by `corroborate-eval summary-train` (ridge regression) on Multi-News
//! validation clusters 2,000 onwards; clusters 1,000-1,999 chose the settings and the first 1,000, on
//! which the side-by-side figures are reported, were never seen by it. Nothing here depends on the
//! order of the articles: a set of sources has no first article.

use super::corpus::{Corpus, Unit};
use super::select::{selectable, SelectConfig};
use rustc_hash::FxHashMap;

/// Number of features.
pub const FEATURES: usize = 36;

/// Feature names, in the order of the feature vector and of [`WEIGHTS`]. Every feature is bounded or
/// a share, so that a model learned on short articles does not extrapolate on long ones (a raw
/// position or article length would).
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "position_capped",
    "relative_position",
    "first",
    "second",
    "third",
    "words_capped",
    "ln_words",
    "short",
    "long",
    "very_long",
    "quoted",
    "quote_marks_capped",
    "digit",
    "said",
    "shared_words",
    "shared_pairs",
    "pair_spread",
    "word_source_share",
    "word_sentence_share",
    "ln_content_words",
    "content_ratio",
    "capitalised",
    "centroid_cosine",
    "colon_or_paren",
    "ln_sources",
    "opens_with_pronoun",
    "first_person",
    "quoted_share",
    "lead_overlap",
    "caption_words",
    "exclaims",
    "social_marks",
    "shared_all_pairs",
    "other_articles_cosine",
    "article_cosine",
    "article_furniture_share",
];

/// One unit's feature vector.
pub type Features = [f32; FEATURES];

/// Learned intercept (see the module docs for how).
pub const BIAS: f32 = 0.102593;
/// Learned weight of each raw feature value (standardisation folded in).
pub const WEIGHTS: Features = [
    0.001177,  // position_capped
    -0.035594, // relative_position
    -0.009570, // first
    -0.011047, // second
    -0.004823, // third
    -0.000886, // words_capped
    0.020924,  // ln_words
    0.001788,  // short
    -0.001955, // long
    0.004275,  // very_long
    0.008037,  // quoted
    -0.001768, // quote_marks_capped
    0.006016,  // digit
    0.005791,  // said
    0.052905,  // shared_words
    -0.076892, // shared_pairs
    0.037814,  // pair_spread
    -0.056410, // word_source_share
    0.245446,  // word_sentence_share
    -0.038145, // ln_content_words
    -0.023585, // content_ratio
    0.002947,  // capitalised
    0.356073,  // centroid_cosine
    -0.009459, // colon_or_paren
    -0.021138, // ln_sources
    0.003797,  // opens_with_pronoun
    0.188846,  // first_person
    0.142029,  // quoted_share
    0.012835,  // lead_overlap
    -0.017881, // caption_words
    0.004698,  // exclaims
    -0.022473, // social_marks
    0.317342,  // shared_all_pairs
    -0.159819, // other_articles_cosine
    0.039226,  // article_cosine
    0.006609,  // article_furniture_share
];

/// Predicted share of each selectable unit's word pairs that a summary reuses (roughly 0 to 0.5);
/// 0 for the units selection never takes (`select::selectable`).
pub fn salience(corpus: &Corpus, cfg: &SelectConfig) -> Vec<f32> {
    features(corpus, cfg)
        .iter()
        .map(|x| x.as_ref().map_or(0.0, |x| predict(x, BIAS, &WEIGHTS)))
        .collect()
}

/// The linear model.
pub fn predict(x: &Features, bias: f32, weights: &Features) -> f32 {
    bias + x.iter().zip(weights).map(|(a, b)| a * b).sum::<f32>()
}

/// Features of every selectable unit of the corpus, in unit order (`None` for the others).
pub fn features(corpus: &Corpus, cfg: &SelectConfig) -> Vec<Option<Features>> {
    if corpus.units.is_empty() {
        return Vec::new();
    }
    let story = Story::new(corpus);
    corpus
        .units
        .iter()
        .map(|u| selectable(u, corpus.text(u), cfg).then(|| story.features(u)))
        .collect()
}

/// What the features need to know about the whole set of articles, computed once.
struct Story<'c, 'a> {
    corpus: &'c Corpus<'a>,
    /// Per stem: distinct sources using it.
    source_freq: Vec<u32>,
    /// Per word pair (stop words included): distinct sources using it.
    pair_sources: PairSources,
    /// Per stem: sentences using it, and its idf over sentences.
    tf: Vec<u32>,
    idf: Vec<f32>,
    /// Norm of the story's centroid (binary tf-idf sentence vectors summed: tf * idf per stem).
    centroid_norm: f32,
    articles: Vec<ArticleStats>,
    sources: f32,
    said: [Option<u32>; 3],
    captions: [Option<u32>; 5],
    /// Stem ids of first-person pronouns.
    first_person: Vec<u32>,
}

/// Per article: how often it uses each stem, its first sentence, how much of it is page furniture (a
/// scraped page of widgets says nothing about the story), and the centroid of the *other* articles.
#[derive(Default)]
struct ArticleStats {
    /// (stem, sentences of the article using it), sorted by stem.
    tf: Vec<(u32, u32)>,
    lead: Option<usize>,
    furniture: u32,
    sentences: u32,
    others_norm: f32,
    others_cosine: f32,
}

impl ArticleStats {
    /// Sentences of the article using a stem.
    fn count(&self, stem: u32) -> u32 {
        self.tf
            .binary_search_by_key(&stem, |&(s, _)| s)
            .map_or(0, |i| self.tf[i].1)
    }
}

/// Sorted values with how often each occurs.
fn counted(mut values: Vec<u32>) -> Vec<(u32, u32)> {
    values.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((last, n)) if *last == v => *n += 1,
            _ => out.push((v, 1)),
        }
    }
    out
}

impl<'c, 'a> Story<'c, 'a> {
    fn new(corpus: &'c Corpus<'a>) -> Self {
        let units = &corpus.units;
        let mut tf = vec![0u32; corpus.vocab_len()];
        let mut articles: Vec<ArticleStats> = (0..corpus.docs.len())
            .map(|_| ArticleStats::default())
            .collect();
        // An article's stems are gathered, then sorted and counted: a map per article, grown
        // stem by stem, cost more than all the features it serves.
        let mut article_stems: Vec<Vec<u32>> = vec![Vec::new(); corpus.docs.len()];
        for (i, u) in units.iter().enumerate() {
            let a = &mut articles[u.doc as usize];
            a.lead.get_or_insert(i);
            a.furniture += u32::from(u.furniture);
            a.sentences += 1;
            for &s in &u.stems {
                tf[s as usize] += 1;
            }
            article_stems[u.doc as usize].extend_from_slice(&u.stems);
        }
        for (a, stems) in articles.iter_mut().zip(article_stems) {
            a.tf = counted(stems);
        }
        let n = units.len() as f32;
        let idf: Vec<f32> = tf
            .iter()
            .map(|&c| {
                if c == 0 {
                    0.0
                } else {
                    (1.0 + n / c as f32).ln()
                }
            })
            .collect();
        let centroid_norm = tf
            .iter()
            .zip(&idf)
            .map(|(&c, &w)| (c as f32 * w).powi(2))
            .sum::<f32>()
            .sqrt()
            .max(f32::MIN_POSITIVE);
        for a in &mut articles {
            (a.others_norm, a.others_cosine) = others_centroid(&a.tf, &tf, &idf, centroid_norm);
        }
        let stem_id = |w: &str| corpus.stem_id(&crate::analyze::tokens::stem(w));
        Story {
            corpus,
            source_freq: corpus.source_frequency(),
            pair_sources: pair_source_counts(corpus),
            tf,
            idf,
            centroid_norm,
            articles,
            sources: corpus.sources.max(1) as f32,
            said: ["said", "says", "say"].map(stem_id),
            captions: CAPTION_WORDS.map(stem_id),
            first_person: (0..corpus.vocab.len() as u32)
                .filter(|&i| {
                    matches!(
                        corpus.vocab[i as usize].as_str(),
                        "i" | "we" | "my" | "our" | "me" | "us"
                    )
                })
                .collect(),
        }
    }

    /// A pair used by every source spreads 1, by one source 0.
    fn spread(&self, sources_using: u32) -> f32 {
        if self.sources > 1.0 {
            (sources_using.max(1) - 1) as f32 / (self.sources - 1.0)
        } else {
            0.0
        }
    }

    fn features(&self, u: &Unit) -> Features {
        let text = self.corpus.text(u);
        let words = u.words as f32;
        let stems = u.stems.len().max(1) as f32;
        let article = &self.articles[u.doc as usize];
        let shared_words = u
            .stems
            .iter()
            .filter(|&&s| self.source_freq[s as usize] >= 2)
            .count() as f32
            / stems;
        let (mut shared_pairs, mut spread) = (0.0f32, 0.0f32);
        for b in &u.bigrams {
            let k = self.pair_sources.get(b).map_or(1, |&(_, n)| n);
            shared_pairs += f32::from(k >= 2);
            spread += self.spread(k);
        }
        let pairs = u.bigrams.len().max(1) as f32;
        let all_shared = u
            .seq
            .windows(2)
            .filter(|w| {
                self.pair_sources
                    .get(&pair(w[0], w[1]))
                    .is_some_and(|&(_, k)| k >= 2)
            })
            .count() as f32;
        let all_pairs = u.seq.len().saturating_sub(1).max(1) as f32;
        let per_stem = |f: &dyn Fn(u32) -> f32| u.stems.iter().map(|&s| f(s)).sum::<f32>() / stems;
        let source_share = per_stem(&|s| self.source_freq[s as usize] as f32) / self.sources;
        let sentence_share =
            per_stem(&|s| self.tf[s as usize] as f32) / self.corpus.units.len() as f32;
        let (mut dot, mut other_dot, mut norm) = (0.0f32, 0.0f32, 0.0f32);
        for &s in &u.stems {
            let w = self.idf[s as usize];
            let t = self.tf[s as usize] as f32;
            dot += w * t * w;
            other_dot += w * (t - article.count(s) as f32) * w;
            norm += w * w;
        }
        let norm = norm.sqrt().max(f32::MIN_POSITIVE);
        let cosine = dot / (norm * self.centroid_norm);
        let other_cosine = if article.others_norm > 0.0 {
            other_dot / (norm * article.others_norm)
        } else {
            0.0
        };
        let content = u.seq.iter().filter(|&&s| !self.corpus.is_stop(s)).count() as f32;
        let marks = Marks::of(text);
        [
            u.position.min(10) as f32,
            u.position as f32 / (u.doc_sentences.max(2) - 1) as f32,
            f32::from(u.position == 0),
            f32::from(u.position == 1),
            f32::from(u.position == 2),
            words.min(60.0),
            words.ln_1p(),
            f32::from(words < 8.0),
            f32::from(words > 25.0),
            f32::from(words > 40.0),
            f32::from(marks.quote_marks > 0),
            marks.quote_marks.min(6) as f32,
            f32::from(marks.digit),
            f32::from(self.said.iter().flatten().any(|id| u.seq.contains(id))),
            shared_words,
            shared_pairs / pairs,
            spread / pairs,
            source_share,
            sentence_share,
            content.ln_1p(),
            content / words.max(1.0),
            f32::from(text.chars().next().is_some_and(char::is_uppercase)),
            cosine,
            f32::from(marks.colon_or_paren),
            self.sources.ln(),
            f32::from(opens_with_pronoun(text)),
            self.first_person(u),
            marks.quoted_share(),
            self.lead_overlap(u),
            f32::from(
                self.captions
                    .iter()
                    .flatten()
                    .any(|id| u.stems.binary_search(id).is_ok()),
            ),
            f32::from(marks.exclaims),
            f32::from(marks.social),
            all_shared / all_pairs,
            other_cosine,
            article.others_cosine,
            article.furniture as f32 / article.sentences.max(1) as f32,
        ]
    }

    /// Share of the sentence's words that are first-person pronouns (blogs and columns, not reports).
    fn first_person(&self, u: &Unit) -> f32 {
        let n = u
            .seq
            .iter()
            .filter(|s| self.first_person.contains(s))
            .count();
        n as f32 / u.seq.len().max(1) as f32
    }

    /// Share of the sentence's content words that its article's first sentence uses.
    fn lead_overlap(&self, u: &Unit) -> f32 {
        let lead = self.articles[u.doc as usize]
            .lead
            .and_then(|i| self.corpus.units.get(i));
        let Some(lead) = lead else {
            return 0.0;
        };
        if u.position == 0 || u.stems.is_empty() {
            return 0.0;
        }
        let shared = u
            .stems
            .iter()
            .filter(|s| lead.stems.binary_search(s).is_ok())
            .count();
        shared as f32 / u.stems.len() as f32
    }
}

/// The norm of the centroid of every article but one (whose stem counts are `own`), and that
/// article's cosine with it, from the whole story's centroid without a second pass.
fn others_centroid(own: &[(u32, u32)], tf: &[u32], idf: &[f32], centroid_norm: f32) -> (f32, f32) {
    let (mut sq, mut dot, mut own_sq) = (centroid_norm * centroid_norm, 0.0f32, 0.0f32);
    for &(s, c) in own {
        let (t, w) = (tf[s as usize] as f32, idf[s as usize]);
        let rest = (t - c as f32) * w;
        sq += rest * rest - (t * w) * (t * w);
        dot += c as f32 * w * rest;
        own_sq += (c as f32 * w).powi(2);
    }
    let norm = sq.max(0.0).sqrt();
    let cosine = if norm > 0.0 && own_sq > 0.0 {
        dot / (norm * own_sq.sqrt())
    } else {
        0.0
    };
    (norm, cosine)
}

/// Words of photo captions and credits.
const CAPTION_WORDS: [&str; 5] = ["photo", "image", "getty", "caption", "gallery"];

fn opens_with_pronoun(text: &str) -> bool {
    let first = text
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphabetic());
    [
        "he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "their",
    ]
    .iter()
    .any(|p| p.eq_ignore_ascii_case(first))
}

/// What one pass over a sentence's characters tells: quote marks and the share of characters
/// between them, digits, exclamations, colons or brackets, @ and #.
#[derive(Default)]
struct Marks {
    quote_marks: u32,
    quoted: u32,
    chars: u32,
    digit: bool,
    exclaims: bool,
    colon_or_paren: bool,
    social: bool,
}

impl Marks {
    fn of(text: &str) -> Self {
        // Bytes rather than characters (every sentence of every article passes here): a
        // character starts at each byte that is not a UTF-8 continuation, and the curly marks
        // are E2 80 9C and E2 80 9D.
        let mut m = Marks::default();
        let mut inside = false;
        let b = text.as_bytes();
        for (i, &c) in b.iter().enumerate() {
            if c & 0xC0 == 0x80 {
                continue;
            }
            m.chars += 1;
            let curly = (c == 0xE2 && b.get(i + 1) == Some(&0x80))
                .then(|| b.get(i + 2).copied())
                .flatten();
            match (c, curly) {
                (b'"', _) | (_, Some(0x9C | 0x9D)) => {
                    m.quote_marks += 1;
                    inside = match curly {
                        Some(0x9C) => true,
                        Some(0x9D) => false,
                        _ => !inside,
                    };
                    continue;
                }
                (b'0'..=b'9', _) => m.digit = true,
                (b'!', _) => m.exclaims = true,
                (b':' | b'(', _) => m.colon_or_paren = true,
                (b'@' | b'#', _) => m.social = true,
                _ => {}
            }
            m.quoted += u32::from(inside);
        }
        m
    }

    fn quoted_share(&self) -> f32 {
        self.quoted as f32 / self.chars.max(1) as f32
    }
}

/// A word pair as the corpus keys its bigram concepts.
fn pair(a: u32, b: u32) -> u64 {
    ((a as u64) << 32) | b as u64
}

/// Per word pair: (the last source counted, how many distinct sources use it).
type PairSources = FxHashMap<u64, (u32, u32)>;

/// For each pair of consecutive words (stop words included), the number of distinct sources using it.
fn pair_source_counts(corpus: &Corpus) -> PairSources {
    // Articles source by source, so that a pair's last counted source tells whether this one is new.
    let mut docs: Vec<u32> = (0..corpus.docs.len() as u32).collect();
    docs.sort_by_key(|&d| corpus.root[d as usize]);
    let mut first_unit = vec![usize::MAX; corpus.docs.len()];
    for (i, u) in corpus.units.iter().enumerate().rev() {
        first_unit[u.doc as usize] = i;
    }
    let pairs: usize = corpus.units.iter().map(|u| u.seq.len()).sum();
    let mut counts = PairSources::with_capacity_and_hasher(pairs, Default::default());
    for d in docs {
        let src = corpus.root[d as usize];
        let start = first_unit[d as usize];
        if start == usize::MAX {
            continue;
        }
        for u in corpus.units[start..].iter().take_while(|u| u.doc == d) {
            if u.furniture {
                continue;
            }
            for w in u.seq.windows(2) {
                let e = counts.entry(pair(w[0], w[1])).or_insert((u32::MAX, 0));
                if e.0 != src {
                    *e = (src, e.1 + 1);
                }
            }
        }
    }
    counts
}

#[cfg(test)]
mod tests;
