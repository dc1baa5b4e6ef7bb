//! Summarize cost per cluster, stage by stage, in one process on one thread: what `corroborate
//! summarize` spends between reading the files and printing (process start-up is not included; the
//! side-by-side ROUGE runs in `scripts/eval-summaries.sh` include it).

use crate::clustering::row_articles;
use corroborate::analyze::analyze_sentences;
use corroborate::model::{Analysis, Article};
use corroborate::synth::{summarize, Budget, Corpus, Doc, SummaryOptions};
use serde_json::Value;
use std::io::BufRead;
use std::path::Path;
use std::time::{Duration, Instant};

/// The clusters of a summarization dev file, each as its articles.
fn clusters(path: &Path, limit: usize) -> anyhow::Result<Vec<Vec<Article>>> {
    let mut out = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(path)?)
        .lines()
        .take(limit)
    {
        out.push(row_articles(&serde_json::from_str::<Value>(&line?)?));
    }
    Ok(out)
}

pub fn profile(shared: &Path, set: &str, limit: usize, words: usize) -> anyhow::Result<()> {
    let Some(dir) = crate::require(&shared.join("data/summarization")) else {
        return Ok(());
    };
    let sets = clusters(&dir.join(format!("{set}.jsonl")), limit)?;
    let (mut analyze, mut corpus_t, mut select) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let mut picked_total = 0;
    for arts in &sets {
        let t = Instant::now();
        let analyses: Vec<Analysis> = arts.iter().map(analyze_sentences).collect();
        analyze += t.elapsed();
        let t = Instant::now();
        let corpus = Corpus::new(
            arts.iter()
                .zip(&analyses)
                .map(|(article, analysis)| Doc { article, analysis })
                .collect(),
        );
        corpus_t += t.elapsed();
        let t = Instant::now();
        let opts = SummaryOptions {
            budget: Budget::Words(words),
            ..SummaryOptions::default()
        };
        picked_total += summarize(&corpus, &opts).len();
        select += t.elapsed();
    }
    let n = sets.len().max(1) as f64;
    let ms = |d: Duration| 1e3 * d.as_secs_f64() / n;
    println!(
        "{set}: {} clusters, {:.1} articles/cluster, {:.1} sentences picked/cluster",
        sets.len(),
        sets.iter().map(Vec::len).sum::<usize>() as f64 / n,
        picked_total as f64 / n
    );
    println!("analyze_sentences {:>8.2} ms/cluster", ms(analyze));
    println!("Corpus::new       {:>8.2} ms/cluster", ms(corpus_t));
    println!("summarize         {:>8.2} ms/cluster", ms(select));
    println!(
        "total             {:>8.2} ms/cluster",
        ms(analyze + corpus_t + select)
    );
    Ok(())
}
