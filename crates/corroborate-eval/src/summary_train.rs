//! Learning the sentence-salience model of `synth::salience`, and checking summaries in process.
//!
//! `summary-train` reads Multi-News validation clusters from `--from` on (2,000 by default: the first
//! 1,000 are the side-by-side test clusters, the next 1,000 choose settings with `summary-dev`), builds
//! each cluster's `Corpus` exactly as `corroborate summarize` does from the files `jsonl_to_clusters.py`
//! writes, and fits a ridge regression from each selectable sentence's features to the share of its word
//! pairs that the cluster's reference summary contains. It prints the constants to paste into
//! `salience.rs`.
//!
//! `summary-dev` summarizes a range of clusters in process with the library's current model and prints
//! a close approximation of ROUGE-1/2 F1 (see `rouge.rs`), for choosing settings without a thousand
//! process starts. Reported figures come from `scripts/eval-summaries.sh`.

use crate::rouge;
use corroborate::analyze::analyze_sentences;
use corroborate::ingest::{read_bytes, Item};
use corroborate::model::{Analysis, Article, Format};
use corroborate::synth::salience::{self, Features, FEATURES, FEATURE_NAMES};
use corroborate::synth::{summarize, Budget, Corpus, Doc, SelectConfig, SummaryOptions};
use rayon::prelude::*;
use serde_json::Value;
use std::io::BufRead;
use std::path::Path;

/// One cluster of a summarization dev set: its articles, read as `summarize` reads the files
/// `jsonl_to_clusters.py` writes, its reference summaries and, for query-focused sets, the question.
struct Cluster {
    articles: Vec<Article>,
    analyses: Vec<Analysis>,
    references: Vec<Vec<String>>,
    query: Option<String>,
}

impl Cluster {
    fn corpus(&self) -> Corpus<'_> {
        Corpus::new(
            self.articles
                .iter()
                .zip(&self.analyses)
                .map(|(article, analysis)| Doc { article, analysis })
                .collect(),
        )
    }
}

/// Rows `from..to` of `../shared/data/summarization/<set>.jsonl` that have references.
fn read_clusters(shared: &Path, set: &str, from: usize, to: usize) -> anyhow::Result<Vec<Cluster>> {
    let path = shared.join(format!("data/summarization/{set}.jsonl"));
    let mut rows = Vec::new();
    for line in std::io::BufReader::new(std::fs::File::open(&path)?)
        .lines()
        .skip(from)
        .take(to.saturating_sub(from))
    {
        rows.push(serde_json::from_str::<Value>(&line?)?);
    }
    Ok(rows
        .par_iter()
        .map(cluster_of)
        .filter(|c| !c.references.is_empty())
        .collect())
}

/// A row as `jsonl_to_clusters.py` lays it out: one file per article, the headline (DUC) on the first
/// line, then the text, stripped, and a newline; no dates. Read with the text reader.
fn cluster_of(row: &Value) -> Cluster {
    let texts: Vec<String> = match row["docs"].as_array() {
        Some(docs) => docs
            .iter()
            .map(|d| {
                let title = d["headline"].as_str().unwrap_or("").trim();
                let text = d["text"].as_str().unwrap_or("").trim();
                if title.is_empty() {
                    format!("{text}\n")
                } else {
                    format!("{title}\n{text}\n")
                }
            })
            .collect(),
        None => row["documents"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d.as_str())
            .filter(|t| !t.trim().is_empty())
            .map(|t| format!("{}\n", t.trim()))
            .collect(),
    };
    let articles: Vec<Article> = texts
        .iter()
        .enumerate()
        .flat_map(|(i, file)| {
            read_bytes(
                file.as_bytes(),
                &format!("{i:02}.txt"),
                format!("{i:02}"),
                Format::Text,
            )
        })
        .filter_map(|item| match item {
            Item::Article(a) => Some(*a),
            Item::Problem(_) => None,
        })
        .collect();
    let analyses = articles.iter().map(analyze_sentences).collect();
    let references = match row["refs"].as_array() {
        Some(refs) => refs
            .iter()
            .filter_map(|r| r["text"].as_str())
            .map(rouge::tokens)
            .collect(),
        None => row["summary"]
            .as_str()
            .map(|s| vec![rouge::tokens(s)])
            .unwrap_or_default(),
    };
    let query = row["topic"].as_object().map(|t| {
        format!(
            "{}. {}",
            t.get("title").and_then(Value::as_str).unwrap_or(""),
            t.get("narrative").and_then(Value::as_str).unwrap_or("")
        )
    });
    Cluster {
        articles,
        analyses,
        references,
        query,
    }
}

/// (features, target) of every selectable, distinct sentence of a cluster.
fn examples(c: &Cluster, cfg: &SelectConfig) -> Vec<(Features, f64)> {
    let corpus = c.corpus();
    let feats = salience::features(&corpus, cfg);
    let reference = rouge::ngrams(&c.references[0], 2);
    let mut seen = std::collections::HashSet::new();
    corpus
        .units
        .iter()
        .zip(feats)
        .filter_map(|(u, x)| Some((u, x?)))
        .filter(|(u, _)| seen.insert(corpus.text(u)))
        .map(|(u, x)| {
            let toks = rouge::tokens(corpus.text(u));
            let pairs = toks.windows(2).count().max(1);
            let hits = toks
                .windows(2)
                .filter(|w| reference.contains_key(w))
                .count();
            (x, hits as f64 / pairs as f64)
        })
        .collect()
}

pub fn train(shared: &Path, from: usize, lambda: f64, cfg: SelectConfig) -> anyhow::Result<()> {
    let Some(_) = crate::require(&shared.join("data/summarization/multinews_val.jsonl")) else {
        return Ok(());
    };
    let clusters = read_clusters(shared, "multinews_val", from, usize::MAX)?;
    let data: Vec<(Features, f64)> = clusters
        .par_iter()
        .flat_map_iter(|c| examples(c, &cfg))
        .collect();
    let (bias, weights) = ridge(&data, lambda);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    let my = data.iter().map(|d| d.1).sum::<f64>() / data.len().max(1) as f64;
    let preds: Vec<f64> = data
        .iter()
        .map(|(x, _)| salience::predict(x, bias as f32, &weights.map(|w| w as f32)) as f64)
        .collect();
    let mp = preds.iter().sum::<f64>() / preds.len().max(1) as f64;
    for ((_, y), p) in data.iter().zip(&preds) {
        sxy += (y - my) * (p - mp);
        sxx += (p - mp).powi(2);
        syy += (y - my).powi(2);
    }
    println!(
        "// {} clusters from row {from}, {} sentences; lambda {lambda}; fit r = {:.3}",
        clusters.len(),
        data.len(),
        sxy / (sxx * syy).sqrt().max(f64::MIN_POSITIVE)
    );
    println!("pub const BIAS: f32 = {bias:.6};");
    println!("pub const WEIGHTS: Features = [");
    for (w, name) in weights.iter().zip(FEATURE_NAMES) {
        println!("    {w:.6}, // {name}");
    }
    println!("];");
    Ok(())
}

/// Ridge regression on standardised features; returns the intercept and weights on raw values.
fn ridge(data: &[(Features, f64)], lambda: f64) -> (f64, [f64; FEATURES]) {
    let n = data.len().max(1) as f64;
    let mut mean = [0.0f64; FEATURES];
    for (x, _) in data {
        for (m, v) in mean.iter_mut().zip(x) {
            *m += *v as f64 / n;
        }
    }
    let mut sd = [0.0f64; FEATURES];
    for (x, _) in data {
        for ((s, v), m) in sd.iter_mut().zip(x).zip(&mean) {
            *s += (*v as f64 - m).powi(2) / n;
        }
    }
    let sd = sd.map(|v| if v > 1e-12 { v.sqrt() } else { 1.0 });
    let y_mean = data.iter().map(|d| d.1).sum::<f64>() / n;
    // Normal equations on centred, scaled features: (Z'Z + lambda I) w = Z'y.
    let mut a = vec![vec![0.0f64; FEATURES + 1]; FEATURES];
    for (x, y) in data {
        let z: Vec<f64> = (0..FEATURES)
            .map(|i| (x[i] as f64 - mean[i]) / sd[i])
            .collect();
        for i in 0..FEATURES {
            for j in 0..FEATURES {
                a[i][j] += z[i] * z[j];
            }
            a[i][FEATURES] += z[i] * (y - y_mean);
        }
    }
    for (i, row) in a.iter_mut().enumerate() {
        row[i] += lambda;
    }
    let w = solve(a);
    let mut raw = [0.0f64; FEATURES];
    let mut bias = y_mean;
    for i in 0..FEATURES {
        raw[i] = w[i] / sd[i];
        bias -= raw[i] * mean[i];
    }
    (bias, raw)
}

/// Gaussian elimination with partial pivoting on an augmented matrix (positive definite here).
fn solve(mut a: Vec<Vec<f64>>) -> Vec<f64> {
    let n = a.len();
    for col in 0..n {
        let pivot = (col..n)
            .max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))
            .unwrap_or(col);
        a.swap(col, pivot);
        let p = a[col][col];
        if p.abs() < 1e-12 {
            continue;
        }
        let pivot_row = a[col].clone();
        for (row, r) in a.iter_mut().enumerate() {
            let f = r[col] / p;
            if row != col && f != 0.0 {
                for (x, y) in r[col..].iter_mut().zip(&pivot_row[col..]) {
                    *x -= f * y;
                }
            }
        }
    }
    (0..n)
        .map(|i| {
            if a[i][i].abs() < 1e-12 {
                0.0
            } else {
                a[i][n] / a[i][i]
            }
        })
        .collect()
}

/// Summaries of rows `from..to` of a set in process: mean approximate ROUGE-1 / ROUGE-2 recall and
/// F1 (averaged over references), cut at the budget as the side-by-side runs cut them. DUC sets are
/// scored on recall, Multi-News on F1; a set with topics is summarized with its question.
pub fn dev(
    shared: &Path,
    set: &str,
    range: (usize, usize),
    words: usize,
    cfg: SelectConfig,
    weights: Option<&Path>,
) -> anyhow::Result<()> {
    let Some(_) = crate::require(&shared.join(format!("data/summarization/{set}.jsonl"))) else {
        return Ok(());
    };
    let model = weights.map(read_model).transpose()?;
    let clusters = read_clusters(shared, set, range.0, range.1)?;
    let scores: Vec<[f64; 4]> = clusters
        .par_iter()
        .map(|c| {
            let opts = SummaryOptions {
                budget: Budget::Words(words),
                overflow: true,
                query: c.query.clone(),
                select: cfg.clone(),
            };
            let corpus = c.corpus();
            let picked = match &model {
                Some((bias, w)) => {
                    let s: Vec<f32> = salience::features(&corpus, &opts.select)
                        .iter()
                        .map(|x| x.as_ref().map_or(0.0, |x| salience::predict(x, *bias, w)))
                        .collect();
                    corroborate::synth::summarize_with(&corpus, &opts, &s)
                }
                None => summarize(&corpus, &opts),
            };
            let text: Vec<&str> = picked
                .iter()
                .flat_map(|&i| corpus.text(&corpus.units[i]).split_whitespace())
                .take(words)
                .collect();
            let toks = rouge::tokens(&text.join(" "));
            let mut out = [0.0; 4];
            for r in &c.references {
                let (one, two) = (rouge::score(&toks, r, 1), rouge::score(&toks, r, 2));
                for (o, v) in out.iter_mut().zip([one.recall, two.recall, one.f1, two.f1]) {
                    *o += v / c.references.len() as f64;
                }
            }
            out
        })
        .collect();
    let n = scores.len().max(1) as f64;
    let mean = |k: usize| 100.0 * scores.iter().map(|s| s[k]).sum::<f64>() / n;
    println!(
        "{set} rows {}..{}: {} clusters, {words} words: R-1 / R-2 recall {:.2} / {:.2}, F1 {:.2} / {:.2} (approximate)",
        range.0,
        range.1,
        scores.len(),
        mean(0),
        mean(1),
        mean(2),
        mean(3)
    );
    Ok(())
}

/// A model as `summary-train` prints it: the BIAS line, then one weight per line.
fn read_model(path: &Path) -> anyhow::Result<(f32, Features)> {
    let text = std::fs::read_to_string(path)?;
    let mut bias = None;
    let mut weights = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if let Some(v) = line.strip_prefix("pub const BIAS: f32 =") {
            bias = Some(v.trim().trim_end_matches(';').parse::<f32>()?);
        } else if let Some((v, _)) = line.split_once(", //") {
            weights.push(v.trim().parse::<f32>()?);
        }
    }
    let weights: Features = weights.try_into().map_err(|w: Vec<f32>| {
        anyhow::anyhow!("{}: {} weights, want {FEATURES}", path.display(), w.len())
    })?;
    Ok((
        bias.ok_or_else(|| anyhow::anyhow!("{}: no BIAS line", path.display()))?,
        weights,
    ))
}
