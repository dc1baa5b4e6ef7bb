//! Near-duplicate detection: MinHash signatures (gaoya, 64 hashes) over word 3-shingles, banded for LSH
//! (16 bands of 4 rows: pairs above Jaccard ~0.5 become candidates).
//!
//! The band keys live in the store (not in memory), so finding the original of a wire copy costs a few
//! lookups however large the store grows; candidates are confirmed by the estimated Jaccard similarity.

use crate::analyze::tokens::{normalize_into, tokenize, TokenKind};
use gaoya::minhash::{MinHasher, MinHasher32};
use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

pub const NUM_HASHES: usize = 64;
pub const BANDS: usize = 16;
pub const ROWS: usize = NUM_HASHES / BANDS;
/// Estimated Jaccard similarity of 3-shingles above which two articles are copies of one text.
pub const DUPLICATE_THRESHOLD: f64 = 0.6;
/// Texts with fewer shingles than this are only matched exactly (headlines alone are too short to judge).
pub const MIN_SHINGLES: usize = 12;

fn hasher() -> &'static MinHasher32<fnv::FnvBuildHasher> {
    static H: OnceLock<MinHasher32<fnv::FnvBuildHasher>> = OnceLock::new();
    H.get_or_init(|| MinHasher32::new(NUM_HASHES))
}

/// Word 3-shingles of the normalised text, hashed.
pub fn shingles(text: &str) -> Vec<u64> {
    // Every stored article is shingled: the words go into one buffer, and each shingle is hashed as
    // "a b c" without being built.
    let mut buf = String::with_capacity(text.len());
    let mut word = String::new();
    let mut ends: Vec<usize> = Vec::new();
    for t in tokenize(text) {
        if t.kind == TokenKind::Punct {
            continue;
        }
        normalize_into(t.text, &mut word);
        buf.push_str(&word);
        ends.push(buf.len());
    }
    let word_at = |i: usize| &buf.as_bytes()[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
    (2..ends.len())
        .map(|i| {
            let mut h = crate::ingest::Fnv64::default();
            h.write(word_at(i - 2));
            h.write(b" ");
            h.write(word_at(i - 1));
            h.write(b" ");
            h.write(word_at(i));
            h.0
        })
        .collect()
}

/// What finds an article's copies: the hash of its normalised words (exact copies) and its MinHash
/// signature (near copies; None when the text is too short to compare by shingles).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyHashes {
    pub content_hash: u64,
    pub signature: Option<Vec<u32>>,
}

impl CopyHashes {
    pub fn of(text: &str) -> Self {
        CopyHashes {
            content_hash: content_hash(text),
            signature: signature(text),
        }
    }
}

/// MinHash signature, or None when the text is too short to compare by shingles.
pub fn signature(text: &str) -> Option<Vec<u32>> {
    let sh = shingles(text);
    if sh.len() < MIN_SHINGLES {
        return None;
    }
    Some(hasher().create_signature(sh.into_iter()))
}

/// MinHash signature over shingle hashes computed elsewhere (e.g. from already interned words), or
/// None when there are too few to compare.
pub fn signature_of_shingles(shingles: Vec<u64>) -> Option<Vec<u32>> {
    if shingles.len() < MIN_SHINGLES {
        return None;
    }
    Some(hasher().create_signature(shingles.into_iter()))
}

/// One key per band; equal keys make two articles LSH candidates.
pub fn band_keys(sig: &[u32]) -> Vec<u64> {
    sig.chunks(ROWS)
        .enumerate()
        .map(|(b, rows)| {
            let mut bytes = Vec::with_capacity(4 * ROWS + 1);
            bytes.push(b as u8);
            for r in rows {
                bytes.extend_from_slice(&r.to_le_bytes());
            }
            crate::ingest::fnv64(&bytes)
        })
        .collect()
}

pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    gaoya::minhash::compute_minhash_similarity(a, b)
}

/// Hash of the whitespace- and case-normalised text: equal for exact copies. The FNV-1a hash of the
/// lowercased words joined by single spaces (stored, so the definition must not change), computed
/// without building that string.
pub fn content_hash(text: &str) -> u64 {
    let mut h = crate::ingest::Fnv64::default();
    for (i, w) in text.split_whitespace().enumerate() {
        if i > 0 {
            h.write(b" ");
        }
        if w.is_ascii() {
            for b in w.bytes() {
                h.write(&[b.to_ascii_lowercase()]);
            }
        } else {
            // Unicode lowercasing depends on the word (a final sigma), so it takes the whole word.
            h.write(w.to_lowercase().as_bytes());
        }
    }
    h.0
}

pub fn sig_to_bytes(sig: &[u32]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn sig_from_bytes(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

/// In-memory near-duplicate finder for one-shot commands that run without a store (and for the
/// clusterer, whose state the store keeps as a snapshot).
#[derive(Default, serde::Serialize, serde::Deserialize)]
pub struct MemoryDedupe {
    bands: HashMap<u64, Vec<usize>>,
    sigs: Vec<Option<Vec<u32>>>,
    hashes: HashMap<u64, usize>,
    root: Vec<usize>,
    /// Content hash of each text, so that a forgotten text's entry can be removed.
    #[serde(default)]
    hash_of: Vec<u64>,
}

impl MemoryDedupe {
    /// Add a text; returns the index of the earlier text it copies, if any.
    pub fn add(&mut self, text: &str) -> Option<usize> {
        self.add_hashed(content_hash(text), signature(text))
    }

    /// Add a text by its content hash and MinHash signature (computed elsewhere, e.g. in parallel).
    pub fn add_hashed(&mut self, h: u64, sig: Option<Vec<u32>>) -> Option<usize> {
        let idx = self.sigs.len();
        let mut original = self.hashes.get(&h).copied();
        if original.is_none() {
            if let Some(sig) = &sig {
                let mut best: Option<(f64, usize)> = None;
                for key in band_keys(sig) {
                    for &c in self.bands.get(&key).map(|v| v.as_slice()).unwrap_or(&[]) {
                        if let Some(other) = &self.sigs[c] {
                            let s = similarity(sig, other);
                            if s >= DUPLICATE_THRESHOLD && best.is_none_or(|(b, _)| s > b) {
                                best = Some((s, c));
                            }
                        }
                    }
                }
                original = best.map(|(_, c)| c);
            }
        }
        let root = original.map(|o| self.root[o]).unwrap_or(idx);
        self.hashes.entry(h).or_insert(idx);
        if let Some(sig) = &sig {
            for key in band_keys(sig) {
                self.bands.entry(key).or_default().push(idx);
            }
        }
        self.sigs.push(sig);
        self.root.push(root);
        self.hash_of.push(h);
        original.map(|o| self.root[o])
    }

    /// Add a text that must neither match nor be matched (it keeps its index, so later indices stay
    /// aligned with the caller's).
    pub fn add_unmatchable(&mut self, h: u64) {
        let idx = self.sigs.len();
        self.sigs.push(None);
        self.root.push(idx);
        self.hash_of.push(h);
    }

    /// Stop matching text `idx` (copies of it that arrive later are not found): what a long-running
    /// clusterer does with texts too old for wire copies, so its memory stays bounded.
    pub fn forget(&mut self, idx: usize) {
        if let Some(sig) = self.sigs.get_mut(idx).and_then(Option::take) {
            for key in band_keys(&sig) {
                if let Some(list) = self.bands.get_mut(&key) {
                    list.retain(|&x| x != idx);
                    if list.is_empty() {
                        self.bands.remove(&key);
                    }
                }
            }
        }
        if let Some(&h) = self.hash_of.get(idx) {
            if self.hashes.get(&h) == Some(&idx) {
                self.hashes.remove(&h);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shingles_keep_their_stored_definition() {
        // Band keys in existing stores were made from these hashes: FNV-1a of three normalised words
        // joined by spaces.
        let text = "The U.S. Army\u{2019}s ferry, Elmsby-bound, sailed.";
        let words = ["the", "us", "army's", "ferry", "elmsby-bound", "sailed"];
        let want: Vec<u64> = words
            .windows(3)
            .map(|w| crate::ingest::fnv64(w.join(" ").as_bytes()))
            .collect();
        assert_eq!(super::shingles(text), want);
        assert!(super::shingles("two words").is_empty());
    }

    use super::*;

    const A: &str = "Dock workers at the port of Velmora returned to work on Tuesday after a nine-day strike over pay and safety rules. The union said its members had accepted a raise spread over two years and new limits on night shifts. Port director Helena Varga said cargo backlogs would take about two weeks to clear.";

    #[test]
    fn content_hash_keeps_its_stored_definition() {
        // Stores hold these hashes: the streamed form must equal hashing the normalised string.
        for text in [
            "  Dock  WORKERS\n at  Velmora ",
            "ΟΔΥΣΣΕΥΣ  Σ  said ÉTÉ",
            "",
        ] {
            let norm = text
                .split_whitespace()
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ");
            assert_eq!(
                content_hash(text),
                crate::ingest::fnv64(norm.as_bytes()),
                "{text:?}"
            );
        }
        assert_eq!(content_hash("A  b"), content_hash("a b"));
        assert_ne!(content_hash("a b"), content_hash("ab"));
    }

    #[test]
    fn wire_copy_is_found_and_different_text_is_not() {
        let copy = A
            .replace("Tuesday", "Tuesday morning")
            .replace("about two weeks", "roughly two weeks");
        let other = "Farmers in the northern valley began the apple harvest early this year because of an unusually warm spring, growers said, and prices at local markets have already fallen by a fifth as supply rose quickly.";
        let mut d = MemoryDedupe::default();
        assert_eq!(d.add(A), None);
        assert_eq!(d.add(&copy), Some(0));
        assert_eq!(d.add(other), None);
        assert_eq!(d.add(A), Some(0), "exact copy");
    }

    #[test]
    fn forgotten_texts_are_not_matched() {
        let mut d = MemoryDedupe::default();
        d.add(A);
        d.forget(0);
        d.forget(0);
        assert_eq!(d.add(A), None);
        assert_eq!(d.add(A), Some(1));
        assert!(d.bands.values().all(|v| !v.contains(&0)));
    }

    #[test]
    fn short_texts_only_match_exactly() {
        assert!(signature("Harbour strike ends").is_none());
        let mut d = MemoryDedupe::default();
        d.add("Harbour strike ends");
        assert_eq!(d.add("Harbour strike ends"), Some(0));
        assert_eq!(d.add("Harbour strike continues"), None);
    }
}
