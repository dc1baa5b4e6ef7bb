//! `verify` on the factual-consistency dev sets: summary-level balanced accuracy (a summary is judged
//! consistent iff no claim is unsupported or contradicted), a threshold sweep, the CLIFF error-type
//! breakdown, the seed check and a claims-per-second benchmark.

use corroborate::analyze::analyze;
use corroborate::model::{Analysis, Article, Origin};
use corroborate::synth::{Corpus, Doc};
use corroborate::verify::{verify, Report, Verdict, VerifyOptions, SUPPORT_THRESHOLD};
use rayon::prelude::*;
use serde_json::Value;
use std::path::Path;
use std::time::Instant;

struct Row {
    document: String,
    claim: String,
    label: bool,
    /// CLIFF only: the error type.
    error: Option<String>,
}

fn article(id: &str, text: &str) -> Article {
    Article {
        source: Some(id.into()),
        lang: Some("en".into()),
        ..Article::new(id, text, Origin::inline(id))
    }
}

fn label_of(v: &Value) -> Option<bool> {
    match v {
        Value::String(s) => Some(s.trim() == "1"),
        Value::Number(n) => Some(n.as_f64()? >= 0.5),
        Value::Bool(b) => Some(*b),
        _ => None,
    }
}

fn rows_of(values: impl Iterator<Item = Value>, origin: Option<&str>) -> Vec<Row> {
    values
        .filter(|v| origin.is_none_or(|o| v["origin"].as_str() == Some(o)))
        .filter_map(|v| {
            let document = v["document"].as_str().or(v["doc"].as_str())?.to_string();
            let claim = v["claim"]
                .as_str()
                .or(v["summary"].as_str())
                .or(v["summ"].as_str())?
                .to_string();
            Some(Row {
                document,
                claim,
                label: label_of(&v["label"])?,
                error: None,
            })
        })
        .collect()
}

fn load(shared: &Path, name: &str, origin: Option<&str>) -> anyhow::Result<Option<Vec<Row>>> {
    let Some(path) = crate::require(&shared.join("data/factcheck").join(name)) else {
        return Ok(None);
    };
    let text = std::fs::read_to_string(&path)?;
    let values: Vec<Value> = if name.ends_with(".jsonl") {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()?
    } else {
        serde_json::from_str(&text)?
    };
    Ok(Some(rows_of(values.into_iter(), origin)))
}

fn load_cliff(shared: &Path) -> anyhow::Result<Option<Vec<Row>>> {
    let Some(path) = crate::require(&shared.join("data/factcheck/CLIFF_error_types_val.csv"))
    else {
        return Ok(None);
    };
    let mut rdr = csv::Reader::from_path(path)?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (d, s, e) = (
        col("doc").ok_or_else(|| anyhow::anyhow!("CLIFF csv: no doc column"))?,
        col("summ").ok_or_else(|| anyhow::anyhow!("CLIFF csv: no summ column"))?,
        col("error_type").ok_or_else(|| anyhow::anyhow!("CLIFF csv: no error_type column"))?,
    );
    let mut out = Vec::new();
    for r in rdr.records() {
        let r = r?;
        out.push(Row {
            document: r[d].to_string(),
            claim: r[s].to_string(),
            label: &r[e] == "correct",
            error: Some(r[e].to_string()),
        });
    }
    Ok(Some(out))
}

/// Paragraphs one per line, as the ingest stage hands articles on.
fn body(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

struct Prepared {
    article: Article,
    analysis: Analysis,
}

fn prepare(rows: &[Row]) -> Vec<Prepared> {
    rows.par_iter()
        .enumerate()
        .map(|(i, r)| {
            let article = article(&format!("doc{i}"), &body(&r.document));
            let analysis = analyze(&article);
            Prepared { article, analysis }
        })
        .collect()
}

fn reports(rows: &[Row], prepared: &[Prepared], threshold: f32) -> Vec<Report> {
    let mut opts = VerifyOptions {
        threshold,
        ..VerifyOptions::default()
    };
    // Sweeps the word-pair share of the score (corroboration uses words only: BIGRAM_WEIGHT=0).
    if let Some(bw) = std::env::var("BIGRAM_WEIGHT")
        .ok()
        .and_then(|b| b.parse().ok())
    {
        opts.bigram_weight = bw;
    }
    // ANCHORED=0.5 also supports claims pinned to their evidence by every figure and name.
    if let Some(a) = std::env::var("ANCHORED").ok().and_then(|a| a.parse().ok()) {
        opts.anchored_share = Some(a);
    }
    rows.par_iter()
        .zip(prepared)
        .map(|(r, p)| {
            let corpus = Corpus::new(vec![Doc {
                article: &p.article,
                analysis: &p.analysis,
            }]);
            verify(&corpus, &r.claim, &opts)
        })
        .collect()
}

fn balanced_accuracy(rows: &[Row], reports: &[Report]) -> f64 {
    let (mut tp, mut pos, mut tn, mut neg) = (0, 0, 0, 0);
    for (r, rep) in rows.iter().zip(reports) {
        let pred = rep.all_supported();
        if r.label {
            pos += 1;
            tp += pred as usize;
        } else {
            neg += 1;
            tn += (!pred) as usize;
        }
    }
    let rec = |k: usize, n: usize| if n == 0 { 0.0 } else { k as f64 / n as f64 };
    100.0 * (rec(tp, pos) + rec(tn, neg)) / 2.0
}

pub fn run(shared: &Path, sweep: bool) -> anyhow::Result<()> {
    let sets: Vec<(&str, &str, Option<&str>)> = vec![
        ("AggreFact-CNN val", "aggrefact_cnndm_val.jsonl", None),
        ("AggreFact-XSum val", "aggrefact_xsum_val.jsonl", None),
        ("FRANK valid CNN/DM", "frank_valid.jsonl", Some("cnndm")),
        ("FRANK valid XSum", "frank_valid.jsonl", Some("xsum")),
        ("FactCC val", "factcc_val.json", None),
    ];
    let mut loaded = Vec::new();
    for (name, file, origin) in sets {
        if let Some(rows) = load(shared, file, origin)? {
            let prepared = prepare(&rows);
            loaded.push((name, rows, prepared));
        }
    }
    if loaded.is_empty() {
        return Ok(());
    }
    let grid: Vec<f32> = if sweep {
        std::env::var("GRID")
            .ok()
            .map(|g| g.split(',').filter_map(|x| x.parse().ok()).collect())
            .unwrap_or_else(|| (10..=19).map(|k| k as f32 * 0.05).collect())
    } else {
        vec![SUPPORT_THRESHOLD]
    };
    for t in grid {
        let mut line = format!("threshold {t:.2}:");
        let mut mean = 0.0;
        for (name, rows, prepared) in &loaded {
            let reps = reports(rows, prepared, t);
            let ba = balanced_accuracy(rows, &reps);
            mean += ba;
            line += &format!("  {name} {ba:.1} (n={})", rows.len());
        }
        println!("{line}  | mean {:.1}", mean / loaded.len() as f64);
    }
    if let Some(rows) = load_cliff(shared)? {
        let prepared = prepare(&rows);
        let reps = reports(&rows, &prepared, SUPPORT_THRESHOLD);
        let mut counts = std::collections::BTreeMap::<&str, [usize; 4]>::new();
        for (r, rep) in rows.iter().zip(&reps) {
            let kind = match r.error.as_deref().unwrap_or("") {
                "correct" => "correct",
                e if e.contains("intrinsic") && !e.contains("extrinsic") => "intrinsic only",
                e if e.contains("extrinsic") && !e.contains("intrinsic") => "extrinsic only",
                _ => "both",
            };
            let c = counts.entry(kind).or_default();
            c[0] += 1;
            let has = |v: Verdict| rep.claims.iter().any(|c| c.verdict == v);
            c[1] += has(Verdict::Contradicted) as usize;
            c[2] += has(Verdict::Unsupported) as usize;
            c[3] += rep.all_supported() as usize;
        }
        println!("CLIFF val (threshold {SUPPORT_THRESHOLD:.2}): summaries with any claim ...");
        for (k, c) in counts {
            println!(
                "  {k:<15} n={:<4} contradicted {:.1}%  unsupported {:.1}%  all supported {:.1}%",
                c[0],
                100.0 * c[1] as f64 / c[0] as f64,
                100.0 * c[2] as f64 / c[0] as f64,
                100.0 * c[3] as f64 / c[0] as f64
            );
        }
    }
    Ok(())
}

/// Claims per second against a 10-article source set (seeds and example corpus articles recombined).
pub fn bench(shared: &Path, claims: usize) -> anyhow::Result<()> {
    let Some(rows) = load(shared, "aggrefact_cnndm_val.jsonl", None)? else {
        return Ok(());
    };
    let docs: Vec<Article> = rows
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, r)| article(&format!("src{i}"), &body(&r.document)))
        .collect();
    let analyses: Vec<Analysis> = docs.iter().map(analyze).collect();
    let corpus = Corpus::new(
        docs.iter()
            .zip(&analyses)
            .map(|(article, analysis)| Doc { article, analysis })
            .collect(),
    );
    // Claims: sentences of the ten summaries, repeated to the requested count.
    let pool: Vec<&str> = rows
        .iter()
        .take(10)
        .flat_map(|r| {
            r.claim
                .split(" .")
                .filter(|s| s.split_whitespace().count() > 3)
        })
        .collect();
    let text: Vec<String> = (0..claims)
        .map(|i| format!("{}.", pool[i % pool.len()].trim()))
        .collect();
    let start = Instant::now();
    let mut checked = 0;
    for chunk in text.chunks(10) {
        let rep = verify(&corpus, &chunk.join(" "), &VerifyOptions::default());
        checked += rep.claims.len();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "verify: {checked} claims against 10 articles ({} sentences) in {secs:.2} s = {:.0} claims/s (one thread)",
        corpus.units.len(),
        checked as f64 / secs
    );
    Ok(())
}

/// Why consistent summaries fail and inconsistent ones pass (debugging aid).
pub fn reasons(shared: &Path, file: &str, show: usize) -> anyhow::Result<()> {
    let Some(rows) = load(shared, file, None)? else {
        return Ok(());
    };
    let prepared = prepare(&rows);
    let reps = reports(&rows, &prepared, SUPPORT_THRESHOLD);
    let mut hist = std::collections::BTreeMap::<(bool, String), usize>::new();
    let mut shown = 0;
    for (r, rep) in rows.iter().zip(&reps) {
        if !r.label && rep.all_supported() && shown < show {
            shown += 1;
            println!("LABEL 0 PASSED | {}", r.claim);
        }
        for c in &rep.claims {
            if c.verdict == Verdict::Supported {
                continue;
            }
            let head: String = c
                .reason
                .split_whitespace()
                .take(2)
                .collect::<Vec<_>>()
                .join(" ");
            *hist
                .entry((r.label, format!("{:?} {head}", c.verdict)))
                .or_default() += 1;
            if r.label && shown < show / 2 {
                shown += 1;
                println!(
                    "LABEL 1 {:?} {} | {}\n   ev: {:?}",
                    c.verdict,
                    c.reason,
                    c.text,
                    c.evidence.iter().map(|e| &e.text).collect::<Vec<_>>()
                );
            }
        }
    }
    for ((l, k), n) in hist {
        println!("label {} {k}: {n}", l as u8);
    }
    Ok(())
}
