//! How often our English sentence splitter (analyze/segment/english.rs) draws the same sentences
//! as sentencex on the English dev-set texts: DUC 2003 and 2007, Multi-News validation, the
//! AggreFact CNN/DM and FRANK source documents, and PolNeAR. Both run under the same news rules
//! (datelines, attribution tails, glued and lower-cased copy), so only the splitters differ. Also
//! the cost of each in one process, and of sentencex's first call (it compiles its expressions).

use crate::clustering::row_articles;
use corroborate::analyze::ascii_quote_marks;
use corroborate::analyze::segment::{segment_with, Splitter};
use corroborate::model::Span;
use serde_json::Value;
use std::collections::HashSet;
use std::io::BufRead;
use std::path::Path;
use std::time::{Duration, Instant};

/// Both splitters' sentences of one text, to see how they differ.
pub fn compare(text: &str) {
    for (name, splitter) in [("sentencex", Splitter::Sentencex), ("ours", Splitter::Fast)] {
        for s in spans(text, splitter) {
            println!("{name:>9}: {}", &text[s.start as usize..s.end as usize]);
        }
    }
}

pub fn run(shared: &Path, multinews: usize, show: usize) -> anyhow::Result<()> {
    let Some(data) = crate::require(&shared.join("data")) else {
        return Ok(());
    };
    let texts = texts(&data, multinews)?;
    let first = Instant::now();
    segment_with("A first call. It compiles.", "en", Splitter::Sentencex);
    let first_call = first.elapsed();
    let (mut same, mut theirs_n, mut ours_n, mut docs_same) = (0usize, 0usize, 0usize, 0usize);
    let (mut t_ours, mut t_theirs) = (Duration::ZERO, Duration::ZERO);
    let mut shown = 0;
    for (name, raw) in &texts {
        let text = ascii_quote_marks(raw);
        let t = Instant::now();
        let ours = spans(&text, Splitter::Fast);
        t_ours += t.elapsed();
        let t = Instant::now();
        let theirs = spans(&text, Splitter::Sentencex);
        t_theirs += t.elapsed();
        let theirs_set: HashSet<Span> = theirs.iter().copied().collect();
        let common = ours.iter().filter(|s| theirs_set.contains(s)).count();
        same += common;
        theirs_n += theirs.len();
        ours_n += ours.len();
        docs_same += usize::from(common == ours.len() && common == theirs.len());
        if common != theirs.len() || common != ours.len() {
            shown += show_difference(name, &text, &ours, &theirs, show.saturating_sub(shown));
        }
    }
    println!(
        "{} English texts: sentencex {theirs_n} sentences, ours {ours_n}; identical spans {same} \
         ({:.2}% of sentencex's, {:.2}% of ours); texts split identically {docs_same} ({:.1}%)",
        texts.len(),
        100.0 * same as f64 / theirs_n.max(1) as f64,
        100.0 * same as f64 / ours_n.max(1) as f64,
        100.0 * docs_same as f64 / texts.len().max(1) as f64,
    );
    let ms = |d: Duration| 1e3 * d.as_secs_f64();
    println!(
        "segmentation time: ours {:.1} ms, sentencex {:.1} ms (whole pipeline with each splitter); \
         sentencex's first call {:.2} ms",
        ms(t_ours),
        ms(t_theirs),
        ms(first_call)
    );
    Ok(())
}

fn spans(text: &str, splitter: Splitter) -> Vec<Span> {
    segment_with(text, "en", splitter)
        .sentences
        .into_iter()
        .map(|s| s.span)
        .collect()
}

/// Print the sentences only one splitter drew, up to `limit` pairs; how many were printed.
fn show_difference(name: &str, text: &str, ours: &[Span], theirs: &[Span], limit: usize) -> usize {
    if limit == 0 {
        return 0;
    }
    let only = |a: &[Span], b: &[Span]| -> Vec<String> {
        let b: HashSet<Span> = b.iter().copied().collect();
        a.iter()
            .filter(|s| !b.contains(s))
            .map(|s| text[s.start as usize..s.end as usize].to_string())
            .collect()
    };
    println!("== {name}");
    for s in only(theirs, ours).iter().take(limit) {
        println!("  sentencex: {s}");
    }
    for s in only(ours, theirs).iter().take(limit) {
        println!("  ours:      {s}");
    }
    1
}

/// (name, text) of every English dev-set article this measure reads.
pub(crate) fn texts(data: &Path, multinews: usize) -> anyhow::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for (file, limit) in [
        ("duc2003_task2.jsonl", usize::MAX),
        ("duc2007_main.jsonl", usize::MAX),
        ("multinews_val.jsonl", multinews),
    ] {
        let path = data.join("summarization").join(file);
        if !path.exists() {
            println!("skipped: {} is absent", path.display());
            continue;
        }
        for line in std::io::BufReader::new(std::fs::File::open(&path)?)
            .lines()
            .take(limit)
        {
            for a in row_articles(&serde_json::from_str::<Value>(&line?)?) {
                out.push((format!("{file}:{}", a.id), a.text));
            }
        }
    }
    for file in ["aggrefact_cnndm_val.jsonl", "frank_valid.jsonl"] {
        let path = data.join("factcheck").join(file);
        let Ok(f) = std::fs::File::open(&path) else {
            println!("skipped: {} is absent", path.display());
            continue;
        };
        let mut seen = HashSet::new();
        for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
            let v: Value = serde_json::from_str(&line?)?;
            if let Some(doc) = v["document"].as_str().or(v["doc"].as_str()) {
                if seen.insert(doc.to_string()) {
                    out.push((format!("{file}:{i}"), doc.to_string()));
                }
            }
        }
    }
    for split in ["dev", "train"] {
        let dir = data.join("quotes/polnear").join(split).join("text");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            println!("skipped: {} is absent", dir.display());
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            out.push((p.display().to_string(), std::fs::read_to_string(&p)?));
        }
    }
    Ok(out)
}
