//! A ROUGE-N close to Google's `rouge-score` (lower-case, runs of letters and digits, words of four
//! letters or more stemmed), for training targets and quick in-process checks. Reported figures come
//! from `run_peers.py`, which runs the real scorer; this one uses our Snowball stemmer instead of
//! Porter's, so it differs in the second decimal.

use rustc_hash::FxHashMap;

/// The scorer's tokens of a text.
pub fn tokens(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| {
            if t.len() > 3 {
                corroborate::analyze::tokens::stem(t)
            } else {
                t.to_string()
            }
        })
        .collect()
}

/// N-gram counts of a token sequence.
pub fn ngrams(tokens: &[String], n: usize) -> FxHashMap<&[String], u32> {
    let mut out: FxHashMap<&[String], u32> = FxHashMap::default();
    for w in tokens.windows(n) {
        *out.entry(w).or_default() += 1;
    }
    out
}

/// Recall and F1 of one comparison.
#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    pub recall: f64,
    pub f1: f64,
}

/// ROUGE-N of a summary against one reference (clipped counts).
pub fn score(summary: &[String], reference: &[String], n: usize) -> Score {
    let s = ngrams(summary, n);
    let r = ngrams(reference, n);
    let hits: u32 = s
        .iter()
        .map(|(g, &c)| c.min(r.get(g).copied().unwrap_or(0)))
        .sum();
    let (ns, nr) = (s.values().sum::<u32>(), r.values().sum::<u32>());
    if hits == 0 || ns == 0 || nr == 0 {
        return Score::default();
    }
    let (precision, recall) = (hits as f64 / ns as f64, hits as f64 / nr as f64);
    Score {
        recall,
        f1: 2.0 * precision * recall / (precision + recall),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one_and_disjoint_ones_zero() {
        let a = tokens("The talks lasted four hours in Riyadh.");
        assert_eq!(a, ["the", "talk", "last", "four", "hour", "in", "riyadh"]);
        assert!((score(&a, &a, 2).f1 - 1.0).abs() < 1e-12);
        assert_eq!(score(&a, &tokens("Nothing else matches here."), 2).f1, 0.0);
        // Clipped: a repeated pair counts as often as the reference has it.
        let s = tokens("four hours four hours");
        let r = tokens("four hours of talks");
        let f = score(&s, &r, 2).f1;
        // summary pairs 3 (four hours x2, hours four), hits 1; reference pairs 3.
        assert!((f - 1.0 / 3.0).abs() < 1e-9, "{f}");
    }
}
