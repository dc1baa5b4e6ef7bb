//! End-to-end tests of the `corroborate` binary: the example corpus, output shapes, bad input, and crash
//! recovery.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_corroborate"));
    c.env_remove("CORROBORATE_DATA");
    c.env_remove("CORROBORATE_QUOTE_MODEL");
    c
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn run(data: &Path, args: &[&str]) -> Output {
    bin()
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .expect("binary runs")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).to_string()
}

fn stats(data: &Path) -> Value {
    let out = run(data, &["stats", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    json(&out)["stats"].clone()
}

#[test]
fn a_quote_model_that_cannot_load_stops_before_the_store_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let missing = dir.path().join("no-such-tagger");
    let missing = missing.to_str().unwrap();
    let corpus = examples();
    for command in ["ingest", "quotes"] {
        let out = run(
            &data,
            &[command, "--quote-model", missing, corpus.to_str().unwrap()],
        );
        assert_eq!(out.status.code(), Some(2), "{command}: {}", stderr(&out));
        assert!(
            stderr(&out).contains(missing),
            "{command}: {}",
            stderr(&out)
        );
        assert!(
            !data.join("articles.redb").exists(),
            "{command} stored nothing"
        );
    }
}

#[test]
fn example_corpus_ingests_and_reingest_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let out = run(dir.path(), &["ingest", ex.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let s = stats(dir.path());
    assert_eq!(s["articles"], 8);
    assert_eq!(
        s["duplicates"], 1,
        "the Coastal Daily wire copy is linked to the Meridian Wire original"
    );
    assert_eq!(s["outlets"], 6);

    let again = run(
        dir.path(),
        &["ingest", "--format", "json", ex.to_str().unwrap()],
    );
    assert_eq!(again.status.code(), Some(0));
    let report = json(&again);
    assert_eq!(report["added"], 0);
    assert_eq!(report["unchanged"], 8);
    assert_eq!(stats(dir.path()), s, "re-ingesting changes nothing");

    let copy = run(
        dir.path(),
        &["show", "--format", "json", "coastal-daily-0610-dam"],
    );
    assert_eq!(json(&copy)["duplicate_of"], "meridian-wire-dam-talks");

    let hits = run(
        dir.path(),
        &["search", "--format", "json", "fishermen exchange"],
    );
    assert_eq!(hits.status.code(), Some(0));
    let hits = json(&hits);
    assert_eq!(hits[0]["id"], "lakeside-herald-dam-talks", "{hits}");
    assert!(hits[0]["snippet"].as_str().unwrap().contains("fishermen"));

    let none = run(dir.path(), &["search", "zeppelin"]);
    assert_eq!(none.status.code(), Some(1), "no hits is a finding, exit 1");
}

#[test]
fn show_lists_sentences_mentions_quotes_figures() {
    let dir = tempfile::tempdir().unwrap();
    let f = examples().join("northern-courier-dam-talks.txt");
    assert_eq!(
        run(dir.path(), &["ingest", f.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let v = json(&run(
        dir.path(),
        &["show", "--format", "json", "northern-courier-dam-talks"],
    ));
    assert_eq!(v["article"]["source"], "The Northern Courier");
    assert_eq!(v["dateline"], "GENEVA --");
    let first = v["sentences"][0]["text"].as_str().unwrap();
    assert!(
        first.starts_with("Marovia and Belkania held"),
        "dateline stays out of the sentence: {first}"
    );
    let mentions = v["mentions"].as_array().unwrap();
    assert!(mentions.iter().any(|m| m["text"] == "Yuri Barzenko"
        && m["kind"] == "person"
        && m["title"] == "Foreign Minister"));
    let quotes = v["quotes"].as_array().unwrap();
    assert!(quotes.iter().any(|q| q["direct"] == true
        && q["speaker"] == "Barzenko"
        && q["text"]
            .as_str()
            .unwrap()
            .starts_with("We did not come here")));
    let figures = v["figures"].as_array().unwrap();
    assert!(figures
        .iter()
        .any(|f| f["kind"] == "duration" && f["value"] == 6.0 && f["unit"] == "hours"));
    assert!(figures
        .iter()
        .any(|f| f["kind"] == "number" && f["value"] == 1200.0));
    let text = String::from_utf8(
        run(
            dir.path(),
            &["show", "--format", "markdown", "northern-courier-dam-talks"],
        )
        .stdout,
    )
    .unwrap();
    assert!(text.starts_with("# Marovia and Belkania open first direct talks"));
    let missing = run(dir.path(), &["show", "no-such-id"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("no article with id"));
}

#[test]
fn one_shot_quotes_and_entities_json_shapes() {
    let ex = examples();
    let files: Vec<String> = [
        "northern-courier-dam-talks.txt",
        "meridian-wire-dam-talks.txt",
        "lakeside-herald-dam-talks.md",
        "harbor-post-dam-talks.html",
    ]
    .iter()
    .map(|f| ex.join(f).to_string_lossy().to_string())
    .collect();
    let out = bin()
        .args(["quotes", "--format", "json"])
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let quotes = json(&out);
    let arr = quotes.as_array().unwrap();
    assert!(!arr.is_empty());
    for q in arr {
        for key in ["article", "speaker", "text", "direct", "sentence"] {
            assert!(q.get(key).is_some(), "quote lacks {key}: {q}");
        }
    }
    // Quotes by "Barzenko" and "Yury Barzenko" are one speaker.
    let speakers: std::collections::BTreeSet<&str> = arr
        .iter()
        .filter_map(|q| q["speaker"].as_str())
        .filter(|s| s.contains("Barzenko"))
        .collect();
    assert_eq!(speakers.len(), 1, "{speakers:?}");
    assert!(arr.iter().any(|q| q["speaker"] == "Dmitri Kalenskyy"
        && q["direct"] == true
        && q["text"]
            .as_str()
            .unwrap()
            .contains("The river is our bread")));

    let out = bin()
        .args(["entities", "--format", "json"])
        .args(&files)
        .output()
        .unwrap();
    let ents = json(&out);
    let barzenko = ents
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Yuri Barzenko")
        .expect("Barzenko found");
    assert_eq!(barzenko["kind"], "person");
    let variants: Vec<&str> = barzenko["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        variants.contains(&"Yury Barzenko") && variants.contains(&"Barzenko"),
        "{variants:?}"
    );
    assert_eq!(barzenko["articles"].as_array().unwrap().len(), 4);
    let kalenskyy = ents
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "p:dmitri kalenski")
        .expect("one key for Kalenskyy/Kalensky/Kalenskiy");
    assert!(kalenskyy["variants"].as_array().unwrap().len() >= 3);
    let place = ents
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "l:vostrava")
        .expect("Vostrava/Wostrava");
    assert_eq!(place["variants"].as_array().unwrap().len(), 2);
}

#[test]
fn bad_input_is_reported_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let good = examples().join("northern-courier-dam-talks.txt");
    assert_eq!(
        run(&data, &["ingest", good.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    let before = stats(&data);

    let bad = dir.path().join("bad");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("binary.txt"), b"\x00\x01\x02\x03binary\x00data").unwrap();
    std::fs::write(bad.join("empty.txt"), b"").unwrap();
    std::fs::write(bad.join("latin1.txt"), b"Title: Caf\xe9 owners protest\n\nThe owners of the caf\xe9 on the square said rents had doubled in a year.").unwrap();
    std::fs::write(bad.join("big.txt"), "word ".repeat(4000)).unwrap();
    std::fs::write(bad.join("notes.xyz"), "not an article format").unwrap();
    std::fs::write(bad.join("broken.html"), "<html><body><div><p>The ferry service between the islands resumed on Monday after storms kept boats in harbour for a week.<p>Operators said timetables would return to normal by Friday.</div").unwrap();
    std::fs::write(
        bad.join("feed.xml"),
        "<rss version=\"2.0\"><channel><title>Island Radio</title>\n<item><guid>ok-1</guid><title>Ferries resume</title><description>Ferries resumed on Monday after a week of storms.</description></item>\n<item><guid>bad-2</guid><title>Broken <b>entry</title><description>unclosed\n</item>\n<item><guid>ok-3</guid><title>Harbour reopens</title><description>The harbour reopened to fishing boats on Tuesday.</description></item>\n</channel></rss>",
    )
    .unwrap();
    std::fs::write(
        bad.join("records.jsonl"),
        "{\"id\":\"r1\",\"text\":\"The island council approved a new ferry timetable on Monday.\"}\n{\"id\":\"r2\",\"text\":\n{\"id\":\"r1\",\"text\":\"A different text under a reused id.\"}\n{\"id\":\"northern-courier-dam-talks\",\"text\":\"An attempt to overwrite a stored article.\"}\n{\"id\":\"r3\",\"title\":\"no text\"}\n",
    )
    .unwrap();
    let out = run(
        &data,
        &["ingest", "--max-bytes", "10000", bad.to_str().unwrap()],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "partial failure exits 1: {err}");
    let p = |name: &str| bad.join(name).display().to_string();
    assert!(
        err.contains(&format!("{}: skipped: binary file", p("binary.txt"))),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}: skipped: empty file", p("empty.txt"))),
        "{err}"
    );
    // A legacy encoding without a declaration is detected, decoded and reported as a guess.
    assert!(
        err.contains(&format!(
            "{}: warning: not UTF-8 and no charset declared; decoded as windows-1252 (detected)",
            p("latin1.txt")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}: skipped: file is 20000 bytes, over the 10000 byte limit",
            p("big.txt")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}: skipped: unknown extension '.xyz'",
            p("notes.xyz")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:3: skipped: malformed feed entry",
            p("feed.xml")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:2: skipped: malformed JSON",
            p("records.jsonl")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:3: skipped: id \"r1\" is already stored with different text",
            p("records.jsonl")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:4: skipped: id \"northern-courier-dam-talks\" is already stored",
            p("records.jsonl")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{}:5: skipped: field \"text\" is missing or empty",
            p("records.jsonl")
        )),
        "{err}"
    );

    let after = stats(&data);
    // latin1.txt, broken.html, two feed entries, r1.
    assert_eq!(
        after["articles"].as_u64().unwrap(),
        before["articles"].as_u64().unwrap() + 5,
        "{after}"
    );
    let kept = json(&run(
        &data,
        &["show", "--format", "json", "northern-courier-dam-talks"],
    ));
    assert!(
        kept["article"]["text"].as_str().unwrap().contains("Geneva"),
        "the stored article was not overwritten"
    );
    let latin1 = json(&run(&data, &["show", "--format", "json", "latin1"]));
    assert_eq!(
        latin1["article"]["title"].as_str(),
        Some("Café owners protest"),
        "{latin1}"
    );
    let r1 = json(&run(&data, &["show", "--format", "json", "r1"]));
    assert!(r1["article"]["text"]
        .as_str()
        .unwrap()
        .contains("ferry timetable"));
    let html = json(&run(&data, &["show", "--format", "json", "broken"]));
    assert!(html["article"]["text"]
        .as_str()
        .unwrap()
        .contains("timetables would return"));
}

#[test]
fn explicitly_named_binary_and_missing_files() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("photo.jpg");
    std::fs::write(&f, b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01").unwrap();
    let out = run(
        &dir.path().join("d"),
        &["ingest", f.to_str().unwrap(), "/no/such/file.txt"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("photo.jpg: skipped: binary file"), "{err}");
    assert!(err.contains("/no/such/file.txt: skipped:"), "{err}");
}

#[test]
fn stdin_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = bin()
        .arg("--data")
        .arg(dir.path())
        .args(["ingest", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"Title: Bridge reopens\n\nThe old bridge reopened to traffic on Sunday after two years of repairs, the city said.").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stats(dir.path())["articles"], 1);
}

/// News in legacy encodings keeps its letters: a UTF-16 text file from stdin, and a windows-1251
/// page through both `ingest` and `extract`.
#[test]
fn legacy_encodings_are_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut utf16 = vec![0xff, 0xfe];
    for u in "Title: Zürich talks end\n\nThe delegations left Zürich on Monday after three days of talks, officials said.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let mut child = bin()
        .arg("--data")
        .arg(&data)
        .args(["ingest", "-"])
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&utf16).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    // "Переговоры в Женеве завершились": the talks in Geneva ended.
    let pages = dir.path().join("pages");
    std::fs::create_dir_all(&pages).unwrap();
    let mut page =
        b"<html><head><meta charset=\"windows-1251\"><title>News</title></head><body><article><p>"
            .to_vec();
    page.extend_from_slice(b"\xcf\xe5\xf0\xe5\xe3\xee\xe2\xee\xf0\xfb \xe2 \xc6\xe5\xed\xe5\xe2\xe5 \xe7\xe0\xe2\xe5\xf0\xf8\xe8\xeb\xe8\xf1\xfc.");
    page.extend_from_slice(b"</p></article></body></html>");
    std::fs::write(pages.join("cp1251.html"), &page).unwrap();
    let out = run(&data, &["ingest", pages.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains(": warning:"), "{}", stderr(&out));
    let shown = json(&run(&data, &["show", "--format", "json", "cp1251"]));
    assert_eq!(
        shown["article"]["text"].as_str(),
        Some("Переговоры в Женеве завершились."),
        "{shown}"
    );
    let hits = json(&run(&data, &["search", "--format", "json", "Zürich"]));
    assert_eq!(hits.as_array().map(Vec::len), Some(1), "{hits}");

    let out_dir = dir.path().join("out");
    let out = bin()
        .args(["extract", "--out"])
        .arg(&out_dir)
        .arg(&pages)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(out_dir.join("cp1251.txt")).unwrap();
    assert_eq!(text.trim(), "Переговоры в Женеве завершились.");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        bin().arg("frobnicate").output().unwrap().status.code(),
        Some(2)
    );
    assert_eq!(bin().arg("ingest").output().unwrap().status.code(), Some(2));
}

#[test]
fn extract_writes_one_text_file_per_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .args(["extract", "--out"])
        .arg(dir.path())
        .arg(examples())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("harbor-post-dam-talks.txt")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{lines:#?}");
    assert!(lines[0].starts_with("Marovia and Belkania ended"));
    for leak in [
        "Share this",
        "READ MORE",
        "Advertisement",
        "Six hours of talking",
        "cookies",
        "Lena Ostrova covers",
        "Most read",
        "Subscribe",
    ] {
        assert!(!text.contains(leak), "boilerplate leaked: {leak}");
    }
}

#[test]
fn extract_replaces_the_texts_of_an_earlier_run() {
    let pages = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let page = |body: &str| format!("<html><body><article><p>{body}</p></article></body></html>");
    let first = "The ferry Alvina ran aground near Port Selm on Monday with 212 passengers aboard, the coast guard said, and all of them were brought ashore.";
    let second = "Divers inspected the hull of the ferry Alvina on Wednesday and found a long gash below the waterline, the operator said in a statement.";
    let extract = || {
        let o = bin()
            .args(["extract", "--out"])
            .arg(out.path())
            .arg(pages.path())
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        std::fs::read_to_string(out.path().join("ferry.txt")).unwrap()
    };
    std::fs::write(pages.path().join("ferry.html"), page(first)).unwrap();
    assert_eq!(extract(), format!("{first}\n"));
    // A second run into the same folder replaces the text whole (the new one is shorter).
    assert!(second.len() < first.len());
    std::fs::write(pages.path().join("ferry.html"), page(second)).unwrap();
    assert_eq!(extract(), format!("{second}\n"));
}

/// Articles with distinct vocabulary, so dedupe keeps them apart.
fn synthetic_corpus(path: &Path, n: usize) {
    let words = [
        "harbour", "council", "ferry", "budget", "school", "river", "market", "bridge", "festival",
        "hospital", "railway", "library", "farm", "factory", "museum", "airport", "stadium",
        "forest", "court", "union",
    ];
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut x: u64 = 0x9e3779b97f4a7c15;
    for i in 0..n {
        let mut body = String::new();
        for s in 0..12 {
            let mut sentence = Vec::new();
            for _ in 0..14 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                sentence.push(words[(x % words.len() as u64) as usize].to_string());
            }
            sentence.push(format!("item{i}x{s}"));
            body.push_str(&format!("The {}.\n", sentence.join(" ")));
        }
        writeln!(f, "{}", serde_json::json!({"id": format!("s{i}"), "source": format!("Outlet {}", i % 7), "text": body})).unwrap();
    }
}

#[test]
fn kill_9_mid_ingest_leaves_a_consistent_store_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let n = 12000;
    synthetic_corpus(&corpus, n);
    let data = dir.path().join("data");
    let mut child = bin()
        .arg("--data")
        .arg(&data)
        .args(["--quiet", "ingest"])
        .arg(&corpus)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then kill without warning.
    let start = std::time::Instant::now();
    loop {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let size = std::fs::metadata(data.join("articles.redb"))
            .map(|m| m.len())
            .unwrap_or(0);
        if size > 12_000_000 || start.elapsed().as_secs() > 60 {
            break;
        }
    }
    child.kill().unwrap(); // SIGKILL
    let status = child.wait().unwrap();
    assert!(!status.success(), "the ingest was interrupted");

    let partial = stats(&data);
    let stored = partial["articles"].as_u64().unwrap();
    assert!(stored < n as u64, "killed before the end ({stored} stored)");
    // Whatever was stored is searchable: the index caught up when the store was opened.
    let last = format!("s{}", stored - 1);
    if stored > 0 {
        let hits = json(&run(
            &data,
            &[
                "search",
                "--format",
                "json",
                &format!("item{}x0", stored - 1),
            ],
        ));
        assert_eq!(hits[0]["id"], last.as_str());
    }

    let rerun = run(
        &data,
        &["ingest", "--format", "json", corpus.to_str().unwrap()],
    );
    assert_eq!(rerun.status.code(), Some(0), "{}", stderr(&rerun));
    let report = json(&rerun);
    assert_eq!(
        report["added"].as_u64().unwrap() + report["unchanged"].as_u64().unwrap(),
        n as u64
    );
    assert_eq!(report["unchanged"].as_u64().unwrap(), stored);
    let full = stats(&data);
    assert_eq!(full["articles"], n as u64);
    assert_eq!(full["duplicates"], 0);
    let hits = json(&run(
        &data,
        &["search", "--format", "json", &format!("item{}x3", n - 1)],
    ));
    assert_eq!(hits[0]["id"], format!("s{}", n - 1));
    // The stored stories hold every article exactly once.
    let stories = json(&run(&data, &["stories", "--format", "json"]));
    let mut members: Vec<String> = stories
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["members"].as_array().unwrap().iter())
        .map(|m| m.as_str().unwrap().to_string())
        .collect();
    members.sort();
    members.dedup();
    let total: u64 = stories
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["articles"].as_u64().unwrap())
        .sum();
    assert_eq!((members.len(), total), (n, n as u64));
}

#[test]
fn cluster_splits_the_example_corpus_into_its_events() {
    let out = bin()
        .args(["cluster", "--format", "json"])
        .arg(examples())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 8, "every input article appears once");
    let story = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"))["story"]
            .clone()
    };
    let dam = story("northern-courier-dam-talks");
    for id in [
        "meridian-wire-dam-talks",
        "lakeside-herald-dam-talks",
        "harbor-post-dam-talks",
        "atlas-2025-06-10-dam",
        "coastal-daily-0610-dam",
    ] {
        assert_eq!(story(id), dam, "{id} belongs to the dam talks");
    }
    let strike = story("atlas-2025-06-11-strike");
    assert_eq!(story("coastal-daily-0611-strike"), strike);
    assert_ne!(dam, strike);
}

#[test]
fn cluster_puts_the_seed_articles_in_one_story() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if !seeds.exists() {
        eprintln!("skipped: ../shared/seeds is absent");
        return;
    }
    let out = bin()
        .args(["cluster", "--format", "json"])
        .arg(&seeds)
        .output()
        .unwrap();
    let v = json(&out);
    let stories: std::collections::BTreeSet<String> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["story"].to_string())
        .collect();
    assert_eq!(v.as_array().unwrap().len(), 5);
    assert_eq!(stories.len(), 1, "{v}");
}

fn seeds() -> Option<PathBuf> {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if seeds.exists() {
        Some(seeds)
    } else {
        eprintln!("skipped: ../shared/seeds is absent");
        None
    }
}

fn seed_files(dir: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn summarize_prints_whole_source_sentences_within_the_budget() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let out = run(
        dir.path(),
        &["summarize", "--max-words", "60", ex.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert!(!lines.is_empty());
    let words: usize = lines.iter().map(|l| l.split_whitespace().count()).sum();
    assert!(words <= 60, "{words} words");
    // No citation marks in text output; every line is a sentence of some article.
    let all: String = std::fs::read_dir(&ex)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let flat = all.split_whitespace().collect::<Vec<_>>().join(" ");
    for l in &lines {
        assert!(flat.contains(l), "not a source sentence: {l}");
    }
    // --overflow keeps that summary and adds one more source sentence past the budget, last.
    let out = run(
        dir.path(),
        &[
            "summarize",
            "--max-words",
            "60",
            "--overflow",
            ex.to_str().unwrap(),
        ],
    );
    let over = String::from_utf8_lossy(&out.stdout).to_string();
    let over: Vec<&str> = over.lines().collect();
    assert_eq!(over[..lines.len()], lines[..]);
    assert_eq!(over.len(), lines.len() + 1, "{over:?}");
    assert!(flat.contains(over[lines.len()]));
    let words: usize = over.iter().map(|l| l.split_whitespace().count()).sum();
    assert!(words > 60, "{words} words with --overflow");
    // JSON carries citations.
    let out = run(
        dir.path(),
        &[
            "summarize",
            "--format",
            "json",
            "--max-bytes",
            "300",
            ex.to_str().unwrap(),
        ],
    );
    let v = json(&out);
    let sentences = v["sentences"].as_array().unwrap();
    assert!(!sentences.is_empty());
    for s in sentences {
        assert!(!s["citations"].as_array().unwrap().is_empty());
        assert!(s["sources"].as_u64().unwrap() >= 1);
    }
    // A query pulls the dock strike forward.
    let out = run(
        dir.path(),
        &[
            "summarize",
            "--max-words",
            "40",
            "--query",
            "dock strike pay rise",
            ex.to_str().unwrap(),
        ],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("strike"));
}

#[test]
fn brief_of_the_example_corpus_shows_corroboration_and_disagreements() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let out = run(
        dir.path(),
        &[
            "brief",
            "--format",
            "json",
            "--sources",
            ex.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The example holds two events: the reader is told the briefing mixes them.
    assert!(
        stderr(&out).contains("about 2 different stories"),
        "{}",
        stderr(&out)
    );
    let b = json(&out);
    assert_eq!(b["sources"], 7, "the wire copy counts once");
    let summary = b["summary"].as_array().unwrap();
    assert!(summary
        .iter()
        .all(|p| !p["citations"].as_array().unwrap().is_empty()));
    assert!(summary.iter().any(|p| p["sources"].as_u64().unwrap() >= 3));
    // The outlets counted for the summary point holding `needle`.
    let outlets_of = |needle: &str| -> Vec<&str> {
        let point = summary
            .iter()
            .find(|p| p["text"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("{needle} is in the summary"));
        point["outlets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o.as_str().unwrap())
            .collect()
    };
    // A source that gives a different figure does not corroborate: the Meridian Wire story (and its
    // Coastal Daily copy) puts the displaced at 1,500, not 1,200, so it is at most similar wording.
    let outlets = outlets_of("1,200");
    assert!(outlets.len() >= 2, "{outlets:?}");
    assert!(
        !outlets.contains(&"Meridian Wire") && !outlets.contains(&"Coastal Daily"),
        "{outlets:?}"
    );
    // Other wording pinned by the same figure and names corroborates: Meridian Wire's "must not fall
    // below 400 cubic metres per second" (carried by its copy, Coastal Daily) reports Kalenskyy's
    // "must stay above 400".
    let outlets = outlets_of("400 cubic metres");
    assert!(outlets.len() >= 5, "{outlets:?}");
    assert!(
        outlets.contains(&"Meridian Wire") || outlets.contains(&"Coastal Daily"),
        "{outlets:?}"
    );
    let single: Vec<&str> = b["single_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(single.iter().any(|t| t.contains("fishermen")), "{single:?}");
    let disagreements = b["disagreements"].as_array().unwrap();
    let figures: Vec<&str> = disagreements
        .iter()
        .filter(|d| d["kind"] == "figure")
        .flat_map(|d| d["versions"].as_array().unwrap())
        .map(|v| v["text"].as_str().unwrap())
        .collect();
    assert!(
        figures.contains(&"1,200") && figures.contains(&"1,500"),
        "{figures:?}"
    );
    // Atlas News words Barzenko's quote differently; the outlets that quote part of it do not.
    let wordings: Vec<&str> = disagreements
        .iter()
        .filter(|d| d["kind"] == "quote_wording")
        .flat_map(|d| d["versions"].as_array().unwrap())
        .map(|v| v["text"].as_str().unwrap())
        .collect();
    assert_eq!(wordings.len(), 2, "{wordings:?}");
    assert!(
        wordings.iter().any(|w| w.contains("we did listen")),
        "{wordings:?}"
    );
    let speakers: Vec<&str> = b["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["speaker"].as_str().unwrap())
        .collect();
    assert!(
        speakers.iter().any(|s| s.contains("Barzenko")),
        "{speakers:?}"
    );
    assert!(!b["timeline"].as_array().unwrap().is_empty());

    let md = run(
        dir.path(),
        &[
            "brief",
            "--format",
            "markdown",
            "--sources",
            ex.to_str().unwrap(),
        ],
    );
    let md = String::from_utf8_lossy(&md.stdout);
    for section in [
        "## What happened",
        "## Reported by one outlet only",
        "## Where outlets disagree",
        "## Who said what",
        "## Sources",
    ] {
        assert!(md.contains(section), "missing {section}");
    }
}

#[test]
fn brief_and_ask_work_from_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let out = run(dir.path(), &["ingest", "-q", ex.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Store-wide: the exit code and the JSON answer.
    let ask = |q: &str| {
        let out = run(dir.path(), &["ask", "--format", "json", q]);
        (out.status.code(), json(&out))
    };
    let (code, a) = ask("Where did the dam talks take place?");
    assert_eq!(code, Some(0), "{a}");
    assert_eq!(a["supported"], true);
    assert!(a["answer"].as_str().unwrap().contains("Geneva"), "{a}");
    // Meridian Wire (and its copy) put the displaced at 1,500, three outlets at 1,200: the answer
    // leads with the figure most sources give.
    let (_, a) = ask("How many farm workers did the dam displace?");
    assert!(a["answer"].as_str().unwrap().contains("1,200"), "{a}");
    // A ministry written in lower case ("the Swiss foreign ministry") is who hosted them.
    let (_, a) = ask("Who hosted the dam talks?");
    assert!(a["answer"].as_str().unwrap().contains("Swiss"), "{a}");
    // The other story of the store answers its own question.
    let (code, a) = ask("How long did the strike in Port Elmsby last?");
    assert_eq!(code, Some(0), "{a}");
    assert!(a["answer"].as_str().unwrap().contains("nine"), "{a}");
    // A question no stored article matches is not answered, and is no error.
    let (code, a) = ask("What did the orchestra play at the coronation?");
    assert_eq!(code, Some(1), "{a}");
    assert_eq!(a["supported"], false);
    let out = run(dir.path(), &["brief", "--format", "json", "0"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!json(&out)["summary"].as_array().unwrap().is_empty());
    let out = run(dir.path(), &["brief", "99"]);
    assert_eq!(out.status.code(), Some(2));
}

/// `ask --format json --sources SOURCES QUESTION`.
fn ask_json(data: &Path, sources: &Path, question: &str) -> Output {
    let sources = sources.to_str().unwrap();
    run(
        data,
        &["ask", "--format", "json", "--sources", sources, question],
    )
}

#[test]
fn when_leads_with_the_date_most_sources_give() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = examples();
    let ask = |q: &str| {
        json(&ask_json(dir.path(), &corpus, q))["answer"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    // Every dam outlet dates the talks to Tuesday; fewer write that the next round is in July.
    let a = ask("When did the talks take place?");
    assert!(a.contains("Tuesday"), "{a}");
    // Asked about the next round, the sentences that hold it all say July.
    let a = ask("When is the next round of talks?");
    assert!(a.contains("July"), "{a}");
}

#[test]
fn ask_says_when_the_sources_do_not_answer() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let out = ask_json(
        dir.path(),
        &ex,
        "What did the orchestra play at the coronation?",
    );
    assert_eq!(out.status.code(), Some(1));
    let a = json(&out);
    assert_eq!(a["supported"], false);
    assert!(a["citations"].as_array().unwrap().is_empty());
    let out = run(dir.path(), &["ask", "--sources", ex.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "no question is a usage error");
}

#[test]
fn seeds_brief_cites_every_sentence_and_singles_out_one_outlet_claims() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec![
        "brief".to_string(),
        "--format".into(),
        "json".into(),
        "--sources".into(),
    ];
    args.extend(seed_files(&seeds));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("different stories"),
        "the seeds are one story: {}",
        stderr(&out)
    );
    let b = json(&out);
    for p in b["summary"].as_array().unwrap() {
        assert!(!p["citations"].as_array().unwrap().is_empty(), "{p}");
    }
    let only_000: Vec<&str> = b["single_source"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| {
            p["citations"][0]["article"]
                .as_str()
                .unwrap()
                .starts_with("000_")
        })
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    // Claims no other seed makes (judged by reading the five articles).
    for claim in [
        "new elections",
        "another candidate",
        "Peskov",
        "nominate its ambassador",
    ] {
        assert!(
            only_000.iter().any(|t| t.contains(claim)),
            "{claim} not listed: {only_000:#?}"
        );
    }
    // Widely reported facts are not one-outlet claims.
    assert!(!only_000.iter().any(|t| t.contains("NATO expansion")));
    // The seeds name no outlet, so each article stands for its own, and is cited once by its id.
    let args: Vec<&str> = args
        .iter()
        .filter(|a| !["--format", "json"].contains(a))
        .copied()
        .collect();
    let text = String::from_utf8(run(dir.path(), &args).stdout).unwrap();
    let cite = text
        .lines()
        .find(|l| l.trim_start().starts_with('[') && l.contains(" sources] "))
        .expect("a cited point");
    let first = cite.split("] ").nth(1).unwrap().split("; ").next().unwrap();
    assert!(
        first.starts_with("00") && !first.contains(' ') && first.contains('#'),
        "{cite}"
    );
}

#[test]
fn seeds_ask_answers_with_citations() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let ask = |q: &str| {
        let mut args = vec![
            "ask".to_string(),
            "--format".into(),
            "json".into(),
            "--sources".into(),
        ];
        args.extend(seed_files(&seeds));
        args.push(q.into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        json(&run(dir.path(), &args))
    };
    let a = ask("Which country hosted the talks?");
    assert_eq!(a["supported"], true);
    assert!(a["answer"].as_str().unwrap().contains("Saudi"), "{a}");
    assert!(!a["citations"].as_array().unwrap().is_empty());
    let a = ask("What approval rating did Trump claim for Zelensky?");
    assert_eq!(a["supported"], true);
    assert!(a["answer"].as_str().unwrap().contains("4 percent"), "{a}");
    assert!(!a["citations"].as_array().unwrap().is_empty());
    let a = ask("What did Putin eat for breakfast?");
    assert_eq!(a["supported"], false, "{a}");
    // Where the talks were, not who held them; a person who represented the US, not a country.
    let a = ask("Where did the talks take place?");
    assert!(a["answer"].as_str().unwrap().contains("Riyadh"), "{a}");
    // The place may end a long phrase: "a joint press conference with his Turkish counterpart Recep
    // Tayyip Erdogan in Ankara".
    let a = ask("Where did Zelensky hold a press conference?");
    assert!(a["answer"].as_str().unwrap().contains("Ankara"), "{a}");
    // A city, not the country around it.
    let a = ask("In which city did the US and Russia meet?");
    assert!(a["answer"].as_str().unwrap().contains("Riyadh"), "{a}");
    let a = ask("Who represented the United States?");
    assert!(a["answer"].as_str().unwrap().contains("Rubio"), "{a}");
    // The sources write "lost", not "lose", and "the Russian market", not "Russia".
    let a = ask("How much did American companies lose by leaving Russia?");
    assert_eq!(a["supported"], true, "{a}");
    assert!(a["answer"].as_str().unwrap().contains("$324bn"), "{a}");
    // What someone said comes from their own statements.
    let a = ask("What did Zelensky say about the talks?");
    assert_eq!(a["supported"], true, "{a}");
    let mut args = vec!["quotes".to_string(), "--format".into(), "json".into()];
    args.extend(seed_files(&seeds));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let quotes = json(&run(dir.path(), &args));
    let his: Vec<&str> = quotes
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["speaker"].as_str().is_some_and(|s| s.contains("Zelens")))
        .filter_map(|q| q["sentence"].as_str())
        .collect();
    for s in a["sentences"].as_array().unwrap() {
        let text = s["text"].as_str().unwrap();
        assert!(
            his.iter().any(|h| h.contains(text) || text.contains(h)),
            "not a statement of Zelensky's: {text}"
        );
    }
}

#[test]
fn seeds_verify_does_not_support_what_no_other_seed_says() {
    let Some(seeds) = seeds() else { return };
    let dir = tempfile::tempdir().unwrap();
    let files = seed_files(&seeds);
    // The body of 000_* (its first line is the title) against the other four.
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let body: String = text.lines().skip(1).collect::<Vec<_>>().join("\n");
    let body_file = dir.path().join("body.txt");
    std::fs::write(&body_file, body).unwrap();
    let mut args = vec!["verify", "--format", "json", "--sources"];
    args.extend(files[1..].iter().map(String::as_str));
    args.push("--");
    args.push(body_file.to_str().unwrap());
    let out = run(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = json(&out);
    let claims = report["claims"].as_array().unwrap();
    // Claims none of the four other articles makes (judged by reading them).
    for unsaid in [
        "more flexible and willing to negotiate",
        "ready to seriously engage",
        "nominate its ambassador after the US",
        "did not give a clear answer",
        "agrees with Ukraine's membership in the EU",
    ] {
        let claim = claims
            .iter()
            .find(|c| c["text"].as_str().unwrap().contains(unsaid))
            .unwrap_or_else(|| panic!("no claim holds {unsaid:?}"));
        assert_ne!(claim["verdict"], "supported", "{claim}");
    }
}

fn ai_summary() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ai/ai-summary-dam-talks.txt")
}

#[test]
fn verify_flags_the_ai_summary_claims_the_sources_do_not_support() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let out = run(
        dir.path(),
        &[
            "verify",
            "--format",
            "json",
            ai_summary().to_str().unwrap(),
            "--sources",
            ex.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v = json(&out);
    let text = std::fs::read_to_string(ai_summary()).unwrap();
    let claims = v["claims"].as_array().unwrap();
    for c in claims {
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], c["text"].as_str().unwrap());
        for key in ["verdict", "score", "reason", "evidence"] {
            assert!(!c[key].is_null(), "{key} missing");
        }
    }
    let verdict_of = |needle: &str| {
        claims
            .iter()
            .find(|c| c["text"].as_str().unwrap().contains(needle))
            .map(|c| c["verdict"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(verdict_of("ten hours"), "contradicted");
    assert_eq!(verdict_of("$2 billion"), "unsupported");
    assert_eq!(verdict_of("first direct talks"), "supported");
    assert_eq!(v["summary"]["contradicted"], 1);

    // A supported text exits 0; stdin works.
    let mut child = bin()
        .args(["verify", "-", "--sources", ex.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Both sides will meet again in Geneva in July.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // Markdown marks each claim.
    let out = run(
        dir.path(),
        &[
            "verify",
            "--format",
            "markdown",
            ai_summary().to_str().unwrap(),
            "--sources",
            ex.to_str().unwrap(),
        ],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("**CONTRADICTED**"));
}

#[test]
fn verify_without_usable_sources_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = run(
        dir.path(),
        &[
            "verify",
            ai_summary().to_str().unwrap(),
            "--sources",
            empty.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no articles"), "{}", stderr(&out));
    let out = run(dir.path(), &["verify", ai_summary().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no sources"), "{}", stderr(&out));
    let out = run(
        dir.path(),
        &[
            "verify",
            "/nonexistent/text.txt",
            "--sources",
            examples().to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/nonexistent/text.txt"));
}

#[test]
fn stories_lists_the_example_events_with_copies_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let out = run(dir.path(), &["ingest", "-q", ex.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = run(dir.path(), &["stories", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = json(&out);
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 2, "{v}");
    let dam = list
        .iter()
        .find(|s| s["label"].as_str().unwrap().contains("dam"))
        .expect("dam story");
    assert_eq!(dam["articles"], 6);
    assert_eq!(dam["sources"], 5, "the wire copy counts once");
    assert!(dam["top_places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "Geneva"));
    // Newest first: the strike story's last article is the latest.
    assert!(list[0]["label"].as_str().unwrap().contains("strike"));
    let id = dam["id"].as_u64().unwrap().to_string();
    let out = run(dir.path(), &["story", &id]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("lakeside-herald-dam-talks"));
    let out = run(dir.path(), &["story", "4242"]);
    assert_eq!(out.status.code(), Some(2));
    // An empty store has no stories.
    let empty = tempfile::tempdir().unwrap();
    let out = run(empty.path(), &["stories"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn log_filter_env_var_turns_logging_on_and_a_bad_one_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let ex = examples();
    let ingest = |filter: &str| {
        bin()
            .env("CORROBORATE_LOG", filter)
            .arg("--data")
            .arg(dir.path())
            .args(["ingest", ex.to_str().unwrap()])
            .output()
            .expect("binary runs")
    };
    let out = ingest("debug");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("DEBUG"), "{}", stderr(&out));
    let out = ingest("corroborate=loud");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("CORROBORATE_LOG") && err.contains("logging stays off"),
        "{err}"
    );
    assert!(!err.contains("DEBUG"), "{err}");
}

#[test]
fn quotes_text_prints_a_cue_that_acts_on_the_words() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("marr.txt");
    std::fs::write(
        &f,
        "Title: Dam row\n\nMinister Ilse Marr accused the dam authority of hiding the flow figures. \
         Marr said the river was at its lowest in a decade.\n",
    )
    .unwrap();
    let out = bin().arg("quotes").arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("(indirect) accused the dam authority of hiding the flow figures"),
        "{text}"
    );
    assert!(
        text.contains("(indirect) the river was at its lowest in a decade"),
        "{text}"
    );
}
