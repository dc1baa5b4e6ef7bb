//! Sparse feature weights as (feature id, weight) lists sorted by id: articles' event vectors and
//! stories' centroids. Sorted lists make scoring a merge and keep every order deterministic.

use serde::Deserialize;

/// Sparse, L2-normalised feature weights, sorted by feature id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventVector {
    pub features: Vec<(u32, f32)>,
}

impl EventVector {
    /// TF-IDF weights of an article's weighted feature counts, scaled to unit length and sorted by
    /// feature id: counts are dampened (1 + ln c) and IDF smoothed, ln((docs + 1) / (df + 1)) + 1, so
    /// a word in every article still counts a little. `df` gives each feature's document frequency.
    pub fn tf_idf(
        counts: impl IntoIterator<Item = (u32, f32)>,
        df: impl Fn(u32) -> u32,
        docs: u32,
    ) -> EventVector {
        let n = docs as f32;
        let mut features: Vec<(u32, f32)> = counts
            .into_iter()
            .map(|(f, c)| {
                let idf = ((n + 1.0) / (df(f) as f32 + 1.0)).ln() + 1.0;
                (f, (1.0 + c.ln()) * idf)
            })
            .collect();
        let norm = features
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt()
            .max(1e-6);
        for (_, w) in &mut features {
            *w /= norm;
        }
        features.sort_by_key(|(f, _)| *f);
        EventVector { features }
    }
}

/// Weight descending, then feature id: a total order, so selections and sorts are deterministic.
pub(super) fn heavier_first(a: &(u32, f32), b: &(u32, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

/// Add sparse weights into `into`; both are sorted by feature id, and so is the result.
pub(super) fn add_weights(into: &mut Vec<(u32, f32)>, add: &[(u32, f32)]) {
    use std::cmp::Ordering;
    let mut out = Vec::with_capacity(into.len() + add.len());
    let (mut i, mut j) = (0, 0);
    while i < into.len() && j < add.len() {
        match into[i].0.cmp(&add[j].0) {
            Ordering::Less => {
                out.push(into[i]);
                i += 1;
            }
            Ordering::Greater => {
                out.push(add[j]);
                j += 1;
            }
            Ordering::Equal => {
                out.push((into[i].0, into[i].1 + add[j].1));
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&into[i..]);
    out.extend_from_slice(&add[j..]);
    *into = out;
}

/// Centroids are stored as (feature, weight) pairs; states saved when they were hash maps hold the
/// same pairs in any order, so they are sorted on load.
pub(super) fn sorted_by_feature<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<(u32, f32)>, D::Error> {
    let mut v = Vec::<(u32, f32)>::deserialize(d)?;
    v.sort_unstable_by_key(|x| x.0);
    Ok(v)
}
