//! Agreement of our English stemmer (`analyze::english_stem`) with frostem's on every distinct
//! word of the English dev-set texts, and the time each takes to stem them.

use corroborate::analyze::english_stem::stem_ascii;
use corroborate::analyze::tokens::{normalize, tokenize, TokenKind};
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Instant;

pub fn run(shared: &Path, multinews: usize) -> anyhow::Result<()> {
    let Some(data) = crate::require(&shared.join("data")) else {
        return Ok(());
    };
    let texts = crate::segmentation::texts(&data, multinews)?;
    let words: BTreeSet<String> = texts
        .iter()
        .flat_map(|(_, t)| tokenize(t))
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| normalize(t.text))
        .collect();
    let ascii: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| stem_ascii(w).is_some())
        .collect();
    let frostem = frostem::Stemmer::new(frostem::Algorithm::English);
    // Best of five passes, each over every word: the first pass also warms the caches. Only the
    // stems' lengths are kept, so that storing and freeing them is not timed.
    let best = |f: &dyn Fn(&str) -> String| {
        let mut best = std::time::Duration::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            let n: usize = ascii.iter().map(|w| f(w).len()).sum();
            best = best.min(t.elapsed());
            std::hint::black_box(n);
        }
        (ascii.iter().map(|w| f(w)).collect::<Vec<String>>(), best)
    };
    let (theirs, their_time) = best(&|w| frostem.stem(w).into_owned());
    let (ours, our_time) = best(&|w| stem_ascii(w).unwrap_or_default());
    let differ: Vec<usize> = (0..ascii.len()).filter(|&i| ours[i] != theirs[i]).collect();
    println!(
        "{} texts, {} distinct words, {} stemmed by ours (the rest are not ASCII and go to frostem)",
        texts.len(),
        words.len(),
        ascii.len()
    );
    println!(
        "differ from frostem: {} ({:.4}%)",
        differ.len(),
        100.0 * differ.len() as f64 / ascii.len().max(1) as f64
    );
    for &i in differ.iter().take(20) {
        println!(
            "  {:?}: ours {:?}, frostem {:?}",
            ascii[i], ours[i], theirs[i]
        );
    }
    let per = |d: std::time::Duration| d.as_nanos() as f64 / ascii.len().max(1) as f64;
    println!(
        "ns per word: ours {:.0}, frostem {:.0} ({:.1}x)",
        per(our_time),
        per(their_time),
        per(their_time) / per(our_time).max(1e-9)
    );
    Ok(())
}
