//! End-to-end ingest benchmark: builds JSONL corpora of the requested sizes from dev-set texts (Multi-News
//! and DUC articles, recombined with new ids and dates so each record is distinct), runs
//! `corroborate ingest` on each into a fresh store, and reports articles/s and the peak resident memory of
//! the ingest process. Flat memory shows as the same peak at every size.

use serde_json::json;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::time::Instant;

/// Article texts of the summarization dev sets (the pooled clustering stream, bodies over 200 bytes).
fn dev_texts(shared: &Path) -> anyhow::Result<Vec<String>> {
    Ok(crate::clustering::pooled(shared, usize::MAX)?
        .into_iter()
        .map(|(a, _)| a.text)
        .filter(|t| t.len() > 200)
        .collect())
}

fn write_corpus(texts: &[String], n: usize, path: &Path) -> anyhow::Result<u64> {
    let mut w = BufWriter::new(std::fs::File::create(path)?);
    let mut bytes = 0u64;
    for i in 0..n {
        // Recombine: paragraphs of two dev texts, so records are new articles, not copies of each other.
        let a = &texts[i % texts.len()];
        let b = &texts[(i * 7 + 13) % texts.len()];
        let pa: Vec<&str> = a.lines().filter(|l| !l.trim().is_empty()).collect();
        let pb: Vec<&str> = b.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut body: Vec<&str> = pa.iter().take(pa.len().div_ceil(2)).copied().collect();
        body.extend(pb.iter().skip(pb.len() / 2));
        let day = 1 + (i % 28);
        let month = 1 + (i / 28) % 12;
        let rec = json!({"id": format!("bench-{i}"), "source": format!("Outlet {}", i % 50), "published": format!("2024-{month:02}-{day:02}"), "text": body.join("\n")});
        let line = serde_json::to_string(&rec)?;
        bytes += line.len() as u64 + 1;
        writeln!(w, "{line}")?;
    }
    w.flush()?;
    Ok(bytes)
}

/// What a finished child used: exit code, peak resident memory in KiB, CPU seconds (user + system).
struct ChildUsage {
    code: i32,
    rss_kb: i64,
    cpu_s: f64,
}

/// Wait for a child and return what it used. CPU seconds are reported beside wall time: on a shared
/// machine wall time swings by a third between runs, CPU time much less.
fn wait_with_usage(child: std::process::Child) -> anyhow::Result<ChildUsage> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: plain syscall on our own child; both out-params are owned locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    anyhow::ensure!(
        r == pid,
        "wait4 failed: {}",
        std::io::Error::last_os_error()
    );
    std::mem::forget(child); // already reaped
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Ok(ChildUsage {
        code,
        rss_kb: usage.ru_maxrss,
        cpu_s: secs(usage.ru_utime) + secs(usage.ru_stime),
    })
}

pub fn run(shared: &Path, sizes: &[usize], bin: &Path, work: &Path) -> anyhow::Result<()> {
    if crate::require(&shared.join("data/summarization")).is_none() {
        return Ok(());
    }
    anyhow::ensure!(
        bin.exists(),
        "{} not found: build it with `cargo build --release -p corroborate-cli`",
        bin.display()
    );
    std::fs::create_dir_all(work)?;
    let texts = dev_texts(shared)?;
    println!("ingest benchmark: {} dev-set texts recombined (DUC 2003/2007, Multi-News val); RAYON_NUM_THREADS={}", texts.len(), std::env::var("RAYON_NUM_THREADS").unwrap_or_else(|_| "default".into()));
    println!("| articles | input MB | stories | seconds | articles/s | CPU s | CPU ms/article | peak RSS MB |\n|---|---|---|---|---|---|---|---|");
    for &n in sizes {
        let corpus = work.join(format!("corpus-{n}.jsonl"));
        let bytes = if corpus.exists() {
            std::fs::metadata(&corpus)?.len()
        } else {
            write_corpus(&texts, n, &corpus)?
        };
        // Ingest alone (`--no-stories`), then ingest followed by grouping into stories (the default).
        for stories in [false, true] {
            let data = work.join(format!("store-{n}"));
            let _ = std::fs::remove_dir_all(&data);
            let t = Instant::now();
            let mut cmd = std::process::Command::new(bin);
            cmd.args(["--quiet", "--data"]).arg(&data).arg("ingest");
            if !stories {
                cmd.arg("--no-stories");
            }
            let used = wait_with_usage(cmd.arg(&corpus).spawn()?)?;
            let secs = t.elapsed().as_secs_f64();
            anyhow::ensure!(
                used.code == 0 || used.code == 1,
                "ingest failed with exit code {}",
                used.code
            );
            println!(
                "| {n} | {:.0} | {} | {secs:.1} | {:.0} | {:.1} | {:.3} | {:.0} |",
                bytes as f64 / 1e6,
                if stories { "yes" } else { "no" },
                n as f64 / secs,
                used.cpu_s,
                1e3 * used.cpu_s / n as f64,
                used.rss_kb as f64 / 1024.0
            );
            let _ = std::fs::remove_dir_all(&data);
        }
    }
    Ok(())
}

/// Time each per-article stage on one thread, to see where ingest spends its CPU.
pub fn profile(shared: &Path, n: usize) -> anyhow::Result<()> {
    if crate::require(&shared.join("data/summarization")).is_none() {
        return Ok(());
    }
    let texts: Vec<String> = dev_texts(shared)?.into_iter().take(n).collect();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let time = |label: &str, f: &dyn Fn(&str)| {
        let t = Instant::now();
        for x in &texts {
            f(x);
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{label:<14} {:>8.1} µs/article  ({:.0} articles/s on one thread)",
            1e6 * s / texts.len() as f64,
            texts.len() as f64 / s
        );
    };
    println!("{} texts, {mb:.1} MB", texts.len());
    use corroborate::analyze::{analyze_text, lang, names, quotes, segment, tokens};
    time("language", &|t| {
        lang::detect(t);
    });
    time("segment", &|t| {
        segment::segment(t, "en");
    });
    time("tokenize", &|t| {
        tokens::tokenize(t);
    });
    time("mentions", &|t| {
        let s = segment::segment(t, "en");
        let k = tokens::tokenize(t);
        names::extract_mentions(t, &k, &s.sentences);
    });
    time("quotes+all", &|t| {
        let s = segment::segment(t, "en");
        let k = tokens::tokenize(t);
        let m = names::extract_mentions(t, &k, &s.sentences);
        quotes::extract_quotes(&quotes::QuoteInput {
            text: t,
            tokens: &k,
            sentences: &s.sentences,
            paragraphs: &s.paragraphs,
            mentions: &m,
        });
    });
    time("analyze", &|t| {
        analyze_text(t, None);
    });
    time("minhash", &|t| {
        corroborate::dedupe::signature(t);
    });
    Ok(())
}
