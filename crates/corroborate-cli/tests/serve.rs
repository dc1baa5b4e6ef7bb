//! End-to-end tests of `corroborate serve`: a real server on a free port over the example corpus,
//! spoken to with plain HTTP/1.1 so the tests need no client library.
#![cfg(feature = "serve")]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_corroborate"));
    c.env_remove("CORROBORATE_DATA");
    c
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

/// A server over a fresh store holding the example corpus; killed when dropped.
struct Server {
    child: Child,
    addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn server() -> Server {
    let dir = tempfile::tempdir().unwrap();
    let out = bin()
        .arg("--data")
        .arg(dir.path())
        .args(["ingest", "-q"])
        .arg(examples().join("corpus"))
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut child = bin()
        .arg("--data")
        .arg(dir.path())
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // The first line names the address the server listens on.
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    Server {
        child,
        addr,
        _dir: dir,
    }
}

/// Status code and body of one request.
fn request(s: &Server, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
    let mut stream = TcpStream::connect(&s.addr).unwrap();
    let body = body.unwrap_or("");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        s.addr,
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {response:?}"));
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn get_json(s: &Server, path: &str) -> (u16, Value) {
    send_json(s, "GET", path, None)
}

fn post_json(s: &Server, path: &str, body: &str) -> (u16, Value) {
    send_json(s, "POST", path, Some(body))
}

/// Status code and JSON body of one request.
fn send_json(s: &Server, method: &str, path: &str, body: Option<&str>) -> (u16, Value) {
    let (status, body) = request(s, method, path, body);
    let v =
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: not JSON ({e}): {body}"));
    (status, v)
}

#[test]
fn the_api_answers_what_the_commands_answer() {
    let s = server();
    let (code, stats) = get_json(&s, "/api/stats");
    assert_eq!(code, 200);
    assert_eq!(stats["stats"]["articles"], 8);

    let (code, hits) = get_json(&s, "/api/search?q=Dunavar%20dam&limit=3");
    assert_eq!(code, 200);
    let hits = hits.as_array().unwrap();
    assert!(!hits.is_empty() && hits.len() <= 3, "{hits:?}");
    let id = hits[0]["id"].as_str().unwrap().to_string();

    let (code, article) = get_json(&s, &format!("/api/articles/{id}"));
    assert_eq!(code, 200);
    assert_eq!(article["article"]["id"], id.as_str());
    assert!(!article["sentences"].as_array().unwrap().is_empty());

    // Two invented events: the dam talks and the harbour strike.
    let (code, stories) = get_json(&s, "/api/stories");
    assert_eq!(code, 200);
    let stories = stories.as_array().unwrap();
    assert_eq!(stories.len(), 2, "{stories:?}");
    let dam = stories
        .iter()
        .find(|st| st["articles"].as_u64() == Some(6))
        .expect("the dam story has six articles");
    let dam_id = dam["id"].as_u64().unwrap();

    let (code, story) = get_json(&s, &format!("/api/stories/{dam_id}"));
    assert_eq!(code, 200);
    assert_eq!(story["members"].as_array().unwrap().len(), 6);

    let (code, b) = get_json(&s, &format!("/api/stories/{dam_id}/brief?words=80"));
    assert_eq!(code, 200);
    let summary = b["summary"].as_array().unwrap();
    assert!(!summary.is_empty());
    assert!(summary
        .iter()
        .all(|p| !p["citations"].as_array().unwrap().is_empty()));

    let (code, a) = get_json(&s, "/api/ask?q=How%20long%20did%20the%20talks%20last%3F");
    assert_eq!(code, 200);
    assert_eq!(a["supported"], true);
    assert!(a["answer"].as_str().unwrap().contains("six hours"), "{a}");
    let (_, a) = get_json(&s, "/api/ask?q=Who%20won%20the%20football%20match%3F");
    assert_eq!(a["supported"], false, "{a}");

    let claim = r#"{"text": "The talks lasted ten hours.", "story": STORY}"#
        .replace("STORY", &dam_id.to_string());
    let (code, body) = request(&s, "POST", "/api/verify", Some(&claim));
    assert_eq!(code, 200, "{body}");
    let report: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(report["claims"][0]["verdict"], "contradicted", "{report}");

    let (code, page) = request(&s, "GET", "/", None);
    assert_eq!(code, 200);
    assert!(page.contains("<title>corroborate</title>"));
}

#[test]
fn bad_requests_get_json_errors() {
    let s = server();
    let (code, e) = get_json(&s, "/api/search");
    assert_eq!(code, 400);
    assert!(e["error"].as_str().unwrap().contains("?q="), "{e}");
    let (code, e) = get_json(&s, "/api/articles/no-such-article");
    assert_eq!(code, 404);
    assert!(
        e["error"].as_str().unwrap().contains("no-such-article"),
        "{e}"
    );
    let (code, _) = get_json(&s, "/api/stories/999/brief");
    assert_eq!(code, 404);
    let (code, e) = post_json(
        &s,
        "/api/verify",
        "{\"text\": \"The talks ended.\", \"story\": 999}",
    );
    assert_eq!(code, 404);
    assert!(e["error"].as_str().unwrap().contains("no story 999"), "{e}");
    let (code, e) = get_json(&s, "/api/ask?q=%20");
    assert_eq!(code, 400, "{e}");
    let (code, body) = request(&s, "POST", "/api/verify", Some("{\"text\": \"no story\"}"));
    assert_eq!(code, 400);
    assert!(body.contains("story"), "{body}");
    let (code, body) = request(&s, "POST", "/api/verify", Some("not json"));
    assert_eq!(code, 400, "{body}");
    let (code, _) = get_json(&s, "/api/nothing-here");
    assert_eq!(code, 404);
    // Malformed parameters are JSON errors too.
    let (code, e) = get_json(&s, "/api/stories/abc");
    assert_eq!(code, 400);
    assert!(e["error"].as_str().is_some(), "{e}");
    let (code, e) = get_json(&s, "/api/search?q=dam&limit=lots");
    assert_eq!(code, 400);
    assert!(e["error"].as_str().is_some(), "{e}");
    // Query syntax is never an error: "((" finds nothing.
    let (code, hits) = get_json(&s, "/api/search?q=((");
    assert_eq!(code, 200, "{hits}");
}

#[test]
fn articles_sent_to_a_running_server_are_stored_and_grouped() {
    let s = server();
    let article = "Title: Ferry service resumes in Port Elmsby\nSource: Bay Ledger\nDate: 2025-06-12\n\n\
        The ferry service between Port Elmsby and Selm Island resumed on Thursday after the dock strike ended, \
        the operator said. Dock workers returned to work on Wednesday after a nine-day strike.\n";
    let (code, r) = post_json(&s, "/api/ingest?format=text&name=ferry.txt", article);
    assert_eq!(code, 200, "{r}");
    assert_eq!(r["report"]["added"], 1, "{r}");
    let (_, stats) = get_json(&s, "/api/stats");
    assert_eq!(stats["stats"]["articles"], 9);
    // The new article joined the strike story.
    let (_, stories) = get_json(&s, "/api/stories");
    assert_eq!(stories.as_array().unwrap().len(), 2, "{stories}");
    // The same document again changes nothing.
    let (_, r) = post_json(&s, "/api/ingest?format=text", article);
    assert_eq!(r["report"]["added"], 0, "{r}");
    assert_eq!(r["report"]["unchanged"], 1, "{r}");
    // A malformed JSONL line is reported by line; the good one is stored.
    let jsonl = "{\"id\": \"j1\", \"title\": \"Harbour cranes repaired\", \"text\": \"Two cranes at the Port Elmsby harbour were repaired on Friday, the port said.\"}\n{not json\n";
    let (code, r) = post_json(&s, "/api/ingest?format=jsonl&name=batch.jsonl", jsonl);
    assert_eq!(code, 200, "{r}");
    assert_eq!(r["report"]["added"], 1, "{r}");
    assert_eq!(r["report"]["skipped"], 1, "{r}");
    assert!(
        r["problems"][0]["problem"]
            .as_str()
            .unwrap()
            .contains("batch.jsonl:2"),
        "{r}"
    );
    let (code, _) = get_json(&s, "/api/articles/j1");
    assert_eq!(code, 200);
    // Search sees what was just added.
    let (_, hits) = get_json(&s, "/api/search?q=cranes");
    assert_eq!(hits[0]["id"], "j1", "{hits}");
    // An empty body is skipped, an unknown format refused.
    let (_, r) = post_json(&s, "/api/ingest", "");
    assert_eq!(r["report"]["skipped"], 1, "{r}");
    let (code, _) = post_json(&s, "/api/ingest?format=pdf", "x");
    assert_eq!(code, 400);
}

#[test]
fn a_served_store_is_not_opened_twice() {
    let s = server();
    // The server holds the store; an ingest into it says why it cannot open it.
    let dir = s._dir.path();
    let out = bin()
        .arg("--data")
        .arg(dir)
        .arg("ingest")
        .arg(examples().join("ai"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("another corroborate process"), "{err}");
    // And the server still answers.
    let (code, stats) = get_json(&s, "/api/stats");
    assert_eq!(code, 200);
    assert_eq!(stats["stats"]["articles"], 8);
}
