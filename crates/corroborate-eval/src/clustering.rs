//! Story clustering on the pooled dev stream: every cluster of Multi-News validation (first 2,000),
//! DUC 2003 tasks 2 and 3, DUC 2007 main (each cluster one gold story), and the UCI News Aggregator
//! headline sample (Google News story ids), shuffled into one stream with a fixed seed. Reports BCubed
//! precision / recall / F1 and pairwise F1.

use corroborate::analyze::analyze;
use corroborate::cluster::{ClusterConfig, Clusterer, EventVector};
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

/// The articles of one summarization dev-set row: DUC rows hold `docs` objects (docno, headline, date,
/// text); Multi-News rows hold `documents` strings (empty ones are dropped).
pub(crate) fn row_articles(row: &Value) -> Vec<Article> {
    if let Some(docs) = row["docs"].as_array() {
        return docs
            .iter()
            .map(|d| {
                let title = d["headline"]
                    .as_str()
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty());
                article(
                    d["docno"].as_str().unwrap_or("").to_string(),
                    title,
                    d["text"].as_str().unwrap_or("").to_string(),
                    d["date"].as_str(),
                )
            })
            .collect();
    }
    let docs = row["documents"].as_array().into_iter().flatten();
    docs.enumerate()
        .filter_map(|(i, d)| {
            let text = d.as_str().unwrap_or("").trim();
            (!text.is_empty())
                .then(|| article(format!("mn{}-{i}", row["idx"]), None, text.into(), None))
        })
        .collect()
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
            out.extend(row_articles(&row).into_iter().map(|a| (a, cid.clone())));
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
        out.extend(row_articles(&row).into_iter().map(|a| (a, cid.clone())));
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
        // A headline with its link, as a feed item carries them.
        let mut a = article(
            format!("uci{}", &row[0]),
            Some(row[1].to_string()),
            row[1].to_string(),
            date.as_deref(),
        );
        a.url = Some(row[2].to_string());
        out.push((a, format!("uci:{}", &row[5])));
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

/// Gold-story id prefixes of the pooled stream's sources.
const SOURCES: [&str; 5] = ["duc2003_task2", "duc2003_task3", "duc2007", "mn:", "uci:"];

/// How separable the gold stories are for a bag of words, whatever the clustering: for each article
/// whose gold story has another member, whether its nearest neighbour in the whole pool (cosine of
/// TF-IDF vectors over the clusterer's own event features, document frequencies of the whole pool)
/// belongs to the same gold story. Printed per source.
fn neighbours(stream: &[(Article, String)], analyses: &[Analysis], cfg: &ClusterConfig) {
    let feats: Vec<Vec<(String, f32)>> = stream
        .par_iter()
        .zip(analyses)
        .map(|((a, _), an)| corroborate::cluster::event_features(a, Some(an), cfg).terms)
        .collect();
    let mut vocab: HashMap<&str, u32> = HashMap::new();
    let mut df: Vec<u32> = Vec::new();
    let ids: Vec<Vec<(u32, f32)>> = feats
        .iter()
        .map(|terms| {
            terms
                .iter()
                .map(|(t, c)| {
                    let next = vocab.len() as u32;
                    let id = *vocab.entry(t.as_str()).or_insert(next);
                    if id as usize == df.len() {
                        df.push(0);
                    }
                    df[id as usize] += 1;
                    (id, *c)
                })
                .collect()
        })
        .collect();
    // The clusterer's own weighting, with the whole pool's document frequencies.
    let vectors: Vec<Vec<(u32, f32)>> = ids
        .into_iter()
        .map(|v| EventVector::tf_idf(v, |f| df[f as usize], stream.len() as u32).features)
        .collect();
    let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); df.len()];
    for (d, v) in vectors.iter().enumerate() {
        for &(f, w) in v {
            postings[f as usize].push((d as u32, w));
        }
    }
    let mut gsize: HashMap<&str, usize> = HashMap::new();
    for (_, g) in stream {
        *gsize.entry(g.as_str()).or_default() += 1;
    }
    // Exact nearest neighbour through the postings, one dense score row per article.
    let same: Vec<Option<bool>> = (0..stream.len())
        .into_par_iter()
        .map_init(
            || vec![0f32; stream.len()],
            |scores, d| {
                let gold = stream[d].1.as_str();
                if gsize[gold] < 2 {
                    return None;
                }
                let mut touched: Vec<u32> = Vec::new();
                for &(f, w) in &vectors[d] {
                    for &(o, x) in &postings[f as usize] {
                        if scores[o as usize] == 0.0 {
                            touched.push(o);
                        }
                        scores[o as usize] += w * x;
                    }
                }
                let mut best: Option<(f32, u32)> = None;
                for &o in &touched {
                    let s = std::mem::take(&mut scores[o as usize]);
                    if o as usize != d && best.is_none_or(|(b, bo)| s > b || (s == b && o < bo)) {
                        best = Some((s, o));
                    }
                }
                Some(best.is_some_and(|(_, o)| stream[o as usize].1 == gold))
            },
        )
        .collect();
    println!("nearest neighbour in the pool (event-feature TF-IDF) in the same gold story:");
    for src in SOURCES {
        let (mut hit, mut tot) = (0usize, 0usize);
        for (i, s) in same.iter().enumerate() {
            if let (Some(s), true) = (s, stream[i].1.starts_with(src)) {
                tot += 1;
                hit += *s as usize;
            }
        }
        println!(
            "    {src:<14} {tot:>6} articles  {:.3}",
            hit as f64 / tot.max(1) as f64
        );
    }
    let all: Vec<bool> = same.iter().flatten().copied().collect();
    println!(
        "    {:<14} {:>6} articles  {:.3}",
        "all",
        all.len(),
        all.iter().filter(|x| **x).count() as f64 / all.len().max(1) as f64
    );
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
    // Settings to try without a rebuild: WINDOW_DAYS, REVIVE_DAYS, REVIVE (threshold), BODY_WORDS,
    // MERGE (threshold), INDEXED, QUERY and CENTROID (feature counts).
    fn setting<T: std::str::FromStr>(name: &str, into: &mut T) -> anyhow::Result<()>
    where
        T::Err: std::error::Error + Send + Sync + 'static,
    {
        if let Ok(v) = std::env::var(name) {
            *into = v.parse()?;
        }
        Ok(())
    }
    setting("WINDOW_DAYS", &mut base.window_days)?;
    setting("BODY_WORDS", &mut base.body_words)?;
    setting("REVIVE_DAYS", &mut base.revive_days)?;
    setting("REVIVE", &mut base.revive_threshold)?;
    setting("MERGE", &mut base.merge_threshold)?;
    setting("INDEXED", &mut base.indexed_features)?;
    setting("QUERY", &mut base.query_features)?;
    setting("CENTROID", &mut base.centroid_features)?;
    if std::env::var_os("NEIGHBOURS").is_some() {
        neighbours(&stream, &analyses, &base);
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
        if let Some(path) = std::env::var_os("DUMP") {
            // One line per article (story, gold story, opening words) for error analysis.
            let mut out = String::new();
            for (((a, g), p), _) in stream.iter().zip(&pred).zip(&analyses) {
                let head: String = a
                    .title
                    .as_deref()
                    .unwrap_or(&a.text)
                    .chars()
                    .take(100)
                    .collect();
                out.push_str(&format!("{p}\t{g}\t{}\n", head.replace(['\t', '\n'], " ")));
            }
            std::fs::write(path, out)?;
        }
        let (bp, br, bf, pp, pr, pf) = scores(&pred, &gold);
        println!(
            "| {th:.2} | {} | {bp:.3} | {br:.3} | {bf:.3} | {pp:.3} | {pr:.3} | {pf:.3} | {:.1} |",
            c.stories().count(),
            t.elapsed().as_secs_f64()
        );
        if std::env::var_os("BREAKDOWN").is_some() {
            for src in SOURCES {
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

fn peak_rss_mb() -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct we own.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

/// Scale benchmark: `n` articles built by recombining dev-set texts (new ids, dates spread over a year),
/// analysed in parallel batches and clustered incrementally in arrival order. Prints the time of every
/// 100k articles (analysis and clustering separately) and the peak memory of this process.
pub fn bench(shared: &Path, n: usize) -> anyhow::Result<()> {
    if crate::require(&shared.join("data/summarization")).is_none() {
        return Ok(());
    }
    let base: Vec<(Article, String)> = pooled(shared, usize::MAX)?;
    let texts: Vec<(Option<String>, String)> = base
        .into_iter()
        .filter(|(a, _)| a.text.len() > 200)
        .map(|(a, _)| (a.title, a.text))
        .collect();
    println!(
        "clustering benchmark: {n} articles from {} dev-set texts; RAYON_NUM_THREADS={}",
        texts.len(),
        std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "default".into())
    );
    let start =
        chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z")?.with_timezone(&chrono::Utc);
    // Every article is distinct: its opening, its second part and its title come from three texts whose
    // indices vary independently, so copies of earlier articles do not short-cut the work.
    let m = texts.len();
    let make = |i: usize| -> Article {
        let round = i / m;
        let a_idx = (i * 31 + round * 7) % m;
        let b_idx = (i * 7 + 13 + round * 101) % m;
        let t_idx = (i * 17 + round * 53 + 5) % m;
        let (_, a) = &texts[a_idx];
        let (_, b) = &texts[b_idx];
        let (title, _) = &texts[t_idx];
        let pa: Vec<&str> = a.lines().filter(|l| !l.trim().is_empty()).collect();
        let pb: Vec<&str> = b.lines().filter(|l| !l.trim().is_empty()).collect();
        // Rotate the opening paragraphs by round so the same text never opens two articles the same way.
        let skip = round % pa.len().max(1);
        let mut body: Vec<&str> = pa
            .iter()
            .cycle()
            .skip(skip)
            .take(pa.len().div_ceil(2))
            .copied()
            .collect();
        body.extend(pb.iter().skip(pb.len() / 2));
        let mut art = article(format!("bench-{i}"), title.clone(), body.join("\n"), None);
        art.published = Some(start + chrono::Duration::minutes((i as i64 * 525_600) / n as i64));
        art
    };
    let mut c = Clusterer::new(ClusterConfig::default());
    let (mut t_an, mut t_cl) = (0.0f64, 0.0f64);
    let (mut seg_an, mut seg_cl) = (0.0f64, 0.0f64);
    let total = Instant::now();
    println!("| articles | analysis + features s (this 100k, parallel) | assignment s (this 100k) | assignment µs/article | stories | peak RSS MB |\n|---|---|---|---|---|---|");
    let batch = 10_000;
    let mut done = 0;
    while done < n {
        let k = batch.min(n - done);
        let t = Instant::now();
        // Analysis and feature extraction are per-article and run in parallel; only assignment is sequential.
        let cfg = c.config().clone();
        let feats: Vec<corroborate::cluster::EventFeatures> = (done..done + k)
            .into_par_iter()
            .map(|i| {
                let a = make(i);
                let an = analyze(&a);
                corroborate::cluster::event_features(&a, Some(&an), &cfg)
            })
            .collect();
        let da = t.elapsed().as_secs_f64();
        let t = Instant::now();
        for f in &feats {
            c.add_features(f);
        }
        let dc = t.elapsed().as_secs_f64();
        t_an += da;
        t_cl += dc;
        seg_an += da;
        seg_cl += dc;
        done += k;
        if done % 100_000 == 0 || done == n {
            let seg = if done % 100_000 == 0 {
                100_000
            } else {
                done % 100_000
            };
            println!(
                "| {done} | {seg_an:.1} | {seg_cl:.1} | {:.0} | {} | {:.0} |",
                1e6 * seg_cl / seg as f64,
                c.stories().count(),
                peak_rss_mb()
            );
            seg_an = 0.0;
            seg_cl = 0.0;
        }
    }
    println!("total {:.0}s wall ({t_an:.0}s analysing, {t_cl:.0}s clustering); {:.0} articles/s end to end", total.elapsed().as_secs_f64(), n as f64 / total.elapsed().as_secs_f64());
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
