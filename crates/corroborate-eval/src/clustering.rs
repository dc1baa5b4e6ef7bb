//! Story clustering on the pooled dev stream: every cluster of Multi-News validation (first 2,000),
//! DUC 2003 tasks 2 and 3, DUC 2007 main (each cluster one gold story), and the UCI News Aggregator
//! headline sample (Google News story ids), shuffled into one stream with a fixed seed. Reports BCubed
//! precision / recall / F1 and pairwise F1.

use corroborate::analyze::analyze;
use corroborate::cluster::{ClusterConfig, Clusterer};
use corroborate::model::{Analysis, Article, Format, Origin};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::Path;
use std::time::Instant;

fn article(id: String, title: Option<String>, text: String, published: Option<&str>) -> Article {
    Article {
        id,
        title,
        source: None,
        published: published.and_then(corroborate::ingest::parse_date),
        url: None,
        byline: None,
        lang: None,
        text,
        origin: Origin {
            path: "dev".into(),
            line: None,
            format: Format::Jsonl,
        },
    }
}

/// (article, gold story) pairs of the pooled stream, unshuffled.
pub fn pooled(shared: &Path, multinews_limit: usize) -> anyhow::Result<Vec<(Article, String)>> {
    let mut out = Vec::new();
    let dir = shared.join("data/summarization");
    for f in [
        "duc2003_task2.jsonl",
        "duc2003_task3.jsonl",
        "duc2007_main.jsonl",
    ] {
        for line in std::io::BufReader::new(std::fs::File::open(dir.join(f))?).lines() {
            let row: Value = serde_json::from_str(&line?)?;
            let cid = format!("{f}:{}", row["id"].as_str().unwrap_or(""));
            for d in row["docs"].as_array().into_iter().flatten() {
                let title = d["headline"]
                    .as_str()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty());
                let text = d["text"].as_str().unwrap_or("").to_string();
                out.push((
                    article(
                        d["docno"].as_str().unwrap_or("").to_string(),
                        title,
                        text,
                        d["date"].as_str(),
                    ),
                    cid.clone(),
                ));
            }
        }
    }
    for (n, line) in std::io::BufReader::new(std::fs::File::open(dir.join("multinews_val.jsonl"))?)
        .lines()
        .enumerate()
    {
        if n >= multinews_limit {
            break;
        }
        let row: Value = serde_json::from_str(&line?)?;
        let cid = format!("mn:{}", row["idx"]);
        for (i, d) in row["documents"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let text = d.as_str().unwrap_or("").trim().to_string();
            if !text.is_empty() {
                out.push((
                    article(format!("mn{}-{i}", row["idx"]), None, text, None),
                    cid.clone(),
                ));
            }
        }
    }
    // The sample ends with a truncated row: read rows with all 8 columns only.
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(shared.join(
            "data/clustering/uci_news_aggregator_sample/uci-news-aggregator.first6366rows.csv",
        ))?;
    for row in rdr.records() {
        let row = row?;
        if row.len() < 8 {
            continue;
        }
        let ts: i64 = row[7].parse().unwrap_or(0);
        let date = chrono::DateTime::from_timestamp_millis(ts).map(|d| d.to_rfc3339());
        out.push((
            article(
                format!("uci{}", &row[0]),
                Some(row[1].to_string()),
                row[1].to_string(),
                date.as_deref(),
            ),
            format!("uci:{}", &row[5]),
        ));
    }
    Ok(out)
}

pub fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut x = seed | 1;
    for i in (1..v.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        v.swap(i, (x % (i as u64 + 1)) as usize);
    }
}

/// BCubed precision, recall, F1 and pairwise precision, recall, F1.
pub fn scores(pred: &[u32], gold: &[String]) -> (f64, f64, f64, f64, f64, f64) {
    let mut cell: HashMap<(u32, &str), usize> = HashMap::new();
    let mut psize: HashMap<u32, usize> = HashMap::new();
    let mut gsize: HashMap<&str, usize> = HashMap::new();
    for (p, g) in pred.iter().zip(gold) {
        *cell.entry((*p, g.as_str())).or_default() += 1;
        *psize.entry(*p).or_default() += 1;
        *gsize.entry(g.as_str()).or_default() += 1;
    }
    let n = pred.len().max(1) as f64;
    let (mut bp, mut br) = (0.0, 0.0);
    for (&(p, g), &c) in &cell {
        bp += c as f64 * c as f64 / psize[&p] as f64;
        br += c as f64 * c as f64 / gsize[g] as f64;
    }
    let (bp, br) = (bp / n, br / n);
    let pairs = |k: usize| (k * k.saturating_sub(1) / 2) as f64;
    let tp: f64 = cell.values().map(|&c| pairs(c)).sum();
    let pp: f64 = psize.values().map(|&c| pairs(c)).sum();
    let gp: f64 = gsize.values().map(|&c| pairs(c)).sum();
    let (pwp, pwr) = (tp / pp.max(1.0), tp / gp.max(1.0));
    let f = |a: f64, b: f64| {
        if a + b > 0.0 {
            2.0 * a * b / (a + b)
        } else {
            0.0
        }
    };
    (bp, br, f(bp, br), pwp, pwr, f(pwp, pwr))
}

pub fn run(shared: &Path, thresholds: &[f32]) -> anyhow::Result<()> {
    if crate::require(&shared.join("data/summarization")).is_none() {
        return Ok(());
    }
    let mut stream = pooled(shared, 2000)?;
    shuffle(&mut stream, 20251121);
    let t = Instant::now();
    let analyses: Vec<Analysis> = stream.par_iter().map(|(a, _)| analyze(a)).collect();
    println!(
        "pooled dev stream: {} articles in {} gold stories (analysis {:.1}s)",
        stream.len(),
        stream
            .iter()
            .map(|(_, g)| g)
            .collect::<std::collections::HashSet<_>>()
            .len(),
        t.elapsed().as_secs_f64()
    );
    let gold: Vec<String> = stream.iter().map(|(_, g)| g.clone()).collect();
    let mut base = ClusterConfig::default();
    if let Ok(w) = std::env::var("WINDOW_DAYS") {
        base.window_days = w.parse()?;
    }
    if let Ok(b) = std::env::var("BODY_WORDS") {
        base.body_words = b.parse()?;
    }
    if let Ok(m) = std::env::var("MERGE") {
        base.merge_threshold = m.parse()?;
    }
    let thresholds = if thresholds.is_empty() {
        vec![base.threshold]
    } else {
        thresholds.to_vec()
    };
    println!("| threshold | stories | BCubed P | BCubed R | BCubed F1 | pairwise P | pairwise R | pairwise F1 | seconds |\n|---|---|---|---|---|---|---|---|---|");
    for th in thresholds {
        let t = Instant::now();
        let mut c = Clusterer::new(ClusterConfig {
            threshold: th,
            ..base.clone()
        });
        for ((a, _), an) in stream.iter().zip(&analyses) {
            c.add(a, Some(an));
        }
        let pred = c.assignments();
        let (bp, br, bf, pp, pr, pf) = scores(&pred, &gold);
        println!(
            "| {th:.2} | {} | {bp:.3} | {br:.3} | {bf:.3} | {pp:.3} | {pr:.3} | {pf:.3} | {:.1} |",
            c.stories().count(),
            t.elapsed().as_secs_f64()
        );
        if std::env::var_os("BREAKDOWN").is_some() {
            for src in ["duc2003_task2", "duc2003_task3", "duc2007", "mn:", "uci:"] {
                let idx: Vec<usize> = (0..gold.len())
                    .filter(|&i| gold[i].starts_with(src))
                    .collect();
                let p: Vec<u32> = idx.iter().map(|&i| pred[i]).collect();
                let g: Vec<String> = idx.iter().map(|&i| gold[i].clone()).collect();
                let (bp, br, bf, ..) = scores(&p, &g);
                println!("    {src:<14} {:>6} articles  BCubed P {bp:.3} R {br:.3} F1 {bf:.3} (within the source)", idx.len());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::scores;

    #[test]
    fn bcubed_and_pairwise() {
        let gold: Vec<String> = ["a", "a", "b", "b"].iter().map(|s| s.to_string()).collect();
        let (bp, br, bf, pp, pr, pf) = scores(&[0, 0, 1, 1], &gold);
        assert_eq!((bp, br, bf, pp, pr, pf), (1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
        let (bp, br, _, pp, pr, _) = scores(&[0, 0, 0, 0], &gold);
        assert_eq!((bp, br, pp, pr), (0.5, 1.0, 2.0 / 6.0, 1.0));
    }
}
