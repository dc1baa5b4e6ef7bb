//! Query focus: how relevant each sentence of a corpus is to a question.
//!
//! BM25 over the corpus's sentences (each sentence a document), then one round of pseudo-relevance
//! feedback: the content stems most typical of the best-matching sentences are added to the query at
//! a lower weight, so that a question about "the meeting" also finds sentences about "the talks" when
//! the story itself uses both.

use super::corpus::Corpus;
use std::collections::HashMap;

/// Words that frame a question or a task ("Describe ...", "What were ...") rather than say what it is
/// about.
const QUESTION_WORDS: &[&str] = &[
    "activ", "address", "affect", "aspect", "cite", "current", "describ", "detail", "discuss",
    "effect", "explain", "fact", "happen", "how", "identifi", "includ", "inform", "involv", "kind",
    "known", "list", "mani", "much", "name", "note", "provid", "rang", "reason", "regard", "relat",
    "report", "role", "specif", "state", "status", "type", "what", "when", "where", "which", "who",
    "whom", "whose", "whi",
];

/// Whether a stem frames a question rather than names its topic.
pub fn is_question_word(stem: &str) -> bool {
    QUESTION_WORDS.contains(&stem)
}

/// Stems of the query that carry its topic.
pub fn query_stems(corpus: &Corpus, query: &str) -> Vec<u32> {
    corpus
        .lookup_stems(query)
        .into_iter()
        .filter(|&s| !is_question_word(&corpus.vocab[s as usize]))
        .collect()
}

/// BM25 score of every unit for weighted query stems.
pub fn bm25(corpus: &Corpus, query: &[(u32, f32)]) -> Vec<f32> {
    let n = corpus.units.len().max(1) as f32;
    let avg = corpus.units.iter().map(|u| u.stems.len()).sum::<usize>() as f32 / n;
    let mut df: HashMap<u32, u32> = HashMap::new();
    for u in &corpus.units {
        for &(q, _) in query {
            if u.stems.binary_search(&q).is_ok() {
                *df.entry(q).or_insert(0) += 1;
            }
        }
    }
    let (k1, b) = (1.2f32, 0.75f32);
    corpus
        .units
        .iter()
        .map(|u| {
            let len = u.stems.len() as f32;
            query
                .iter()
                .filter(|(q, _)| u.stems.binary_search(q).is_ok())
                .map(|&(q, w)| {
                    let d = *df.get(&q).unwrap_or(&0) as f32;
                    let idf = ((n - d + 0.5) / (d + 0.5) + 1.0).ln();
                    // Stems are distinct per sentence: term frequency is 1.
                    let tf = (k1 + 1.0) / (1.0 + k1 * (1.0 - b + b * len / avg.max(1.0)));
                    w * idf * tf
                })
                .sum()
        })
        .collect()
}

/// Relevance of every unit to the query in [0, 1] (1 = best sentence), with feedback expansion.
/// Returns `None` when no sentence shares a word with the query.
pub fn relevance(corpus: &Corpus, query: &str, feedback: usize) -> Option<Vec<f32>> {
    relevance_of_stems(corpus, &query_stems(corpus, query), feedback)
}

/// `relevance` for query stems already chosen.
pub fn relevance_of_stems(corpus: &Corpus, stems: &[u32], feedback: usize) -> Option<Vec<f32>> {
    if stems.is_empty() {
        return None;
    }
    let weighted: Vec<(u32, f32)> = stems.iter().map(|&s| (s, 1.0)).collect();
    let first = bm25(corpus, &weighted);
    let max = first.iter().cloned().fold(0.0f32, f32::max);
    if max <= 0.0 {
        return None;
    }
    let expanded = expand(corpus, &weighted, &first, feedback);
    let scores = bm25(corpus, &expanded);
    let max = scores
        .iter()
        .cloned()
        .fold(0.0f32, f32::max)
        .max(f32::EPSILON);
    Some(scores.into_iter().map(|s| s / max).collect())
}

/// Add the stems most frequent in the top `feedback` sentences (and rarer in the rest) at half weight.
fn expand(
    corpus: &Corpus,
    query: &[(u32, f32)],
    scores: &[f32],
    feedback: usize,
) -> Vec<(u32, f32)> {
    let mut order: Vec<usize> = (0..scores.len()).filter(|&i| scores[i] > 0.0).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    order.truncate(feedback);
    if order.is_empty() {
        return query.to_vec();
    }
    let df = corpus.source_frequency();
    let mut count: HashMap<u32, f32> = HashMap::new();
    for &i in &order {
        for &s in &corpus.units[i].stems {
            *count.entry(s).or_insert(0.0) += 1.0;
        }
    }
    let sources = corpus.sources.max(1) as f32;
    let mut extra: Vec<(u32, f32)> = count
        .into_iter()
        .filter(|(s, c)| *c >= 2.0 && !query.iter().any(|(q, _)| q == s))
        .map(|(s, c)| {
            // Typical of the matches, not merely common everywhere.
            let spread = df[s as usize] as f32 / sources;
            (s, c / order.len() as f32 * (1.0 - 0.5 * spread))
        })
        .collect();
    extra.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    extra.truncate(10);
    let mut out = query.to_vec();
    out.extend(extra.into_iter().map(|(s, w)| (s, 0.5 * w.min(1.0))));
    out
}
