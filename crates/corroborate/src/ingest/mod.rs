//! Ingest: read articles from files, directories and stdin in the forms news comes in.
//!
//! Every reader yields [`Item`]s: an [`Article`] or a [`Problem`]. A bad record is reported with its
//! file and line and skipped; the rest of the input is still read. Readers are lazy where the input
//! is record-oriented (JSONL), so a large file streams.

pub mod charset;
mod date;
mod feed;
pub mod html;
mod json_ld;
mod jsonl;
mod text;

pub use date::parse_date;
pub use html::{extract_html, html_fragment_paragraphs, ExtractedPage};

use crate::model::{Article, Format, Origin};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Default cap on one file (or one JSONL record).
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

#[derive(Clone, Debug)]
pub struct IngestOptions {
    pub max_bytes: u64,
    /// Read every input as this format instead of detecting it.
    pub format: Option<Format>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            max_bytes: DEFAULT_MAX_BYTES,
            format: None,
        }
    }
}

/// How bad a problem is: a warning keeps the record, a skip drops it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Warning,
    Skipped,
}

/// Something wrong with an input, located precisely enough to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub line: Option<u64>,
    pub severity: Severity,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.severity {
            Severity::Warning => "warning",
            Severity::Skipped => "skipped",
        };
        match self.line {
            Some(l) => write!(f, "{}:{}: {what}: {}", self.path, l, self.message),
            None => write!(f, "{}: {what}: {}", self.path, self.message),
        }
    }
}

impl Problem {
    pub(crate) fn skip(path: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_string(),
            line,
            severity: Severity::Skipped,
            message: message.into(),
        }
    }
    pub(crate) fn warn(path: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        Problem {
            path: path.to_string(),
            line,
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}

#[derive(Clone, Debug)]
pub enum Item {
    Article(Box<Article>),
    Problem(Problem),
}

/// The format a file name suggests, if its extension is one we read.
pub fn format_for_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "txt" | "text" | "md" | "markdown" => Format::Text,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "xml" | "rss" | "atom" | "rdf" | "feed" | "json" => Format::Feed,
        "jsonl" | "ndjson" => Format::Jsonl,
        _ => return None,
    })
}

/// Guess a format from the first bytes, for stdin and for named files with an unknown extension.
pub fn sniff_format(head: &[u8]) -> Option<Format> {
    if is_binary(head) {
        return None;
    }
    let s = charset::decode(&head[..head.len().min(4096)], Format::Text).text;
    let t = s.trim_start_matches('\u{feff}').trim_start();
    let lower = t.get(..t.len().min(1024)).unwrap_or(t).to_ascii_lowercase();
    if lower.starts_with('{') {
        if lower.contains("\"version\"") && lower.contains("jsonfeed") {
            return Some(Format::Feed);
        }
        return Some(Format::Jsonl);
    }
    if lower.starts_with('<') {
        if lower.contains("<rss") || lower.contains("<feed") || lower.contains("<rdf:rdf") {
            return Some(Format::Feed);
        }
        return Some(Format::Html);
    }
    Some(Format::Text)
}

/// Binary data: NUL bytes, or many control characters, in the first block.
pub fn is_binary(head: &[u8]) -> bool {
    // UTF-16 text is half NUL bytes; its byte-order mark says it is text.
    if charset::is_utf16_bom(head) {
        return false;
    }
    let block = &head[..head.len().min(8192)];
    if block.contains(&0) {
        return true;
    }
    let controls = block
        .iter()
        .filter(|&&b| b < 0x09 || (b > 0x0d && b < 0x20))
        .count();
    controls * 20 > block.len().max(1)
}

/// Walk inputs (files, directories recursively, `-` for stdin) in a stable order and read them.
pub fn read_inputs(inputs: &[PathBuf], opts: &IngestOptions) -> impl Iterator<Item = Item> + Send {
    let opts = opts.clone();
    let mut pending: Vec<(PathBuf, bool)> =
        inputs.iter().rev().map(|p| (p.clone(), true)).collect();
    let mut current: Option<Box<dyn Iterator<Item = Item> + Send>> = None;
    std::iter::from_fn(move || loop {
        if let Some(it) = current.as_mut() {
            if let Some(item) = it.next() {
                return Some(item);
            }
            current = None;
        }
        let (path, named) = pending.pop()?;
        if path.as_os_str() == "-" {
            current = Some(Box::new(read_stdin(&opts).into_iter()));
            continue;
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                return Some(Item::Problem(Problem::skip(
                    &path.display().to_string(),
                    None,
                    e.to_string(),
                )))
            }
        };
        if meta.is_dir() {
            match list_dir(&path) {
                Ok(children) => pending.extend(children.into_iter().rev().map(|c| (c, false))),
                Err(e) => {
                    return Some(Item::Problem(Problem::skip(
                        &path.display().to_string(),
                        None,
                        e.to_string(),
                    )))
                }
            }
            continue;
        }
        current = Some(read_file(&path, named, &opts));
    })
}

fn list_dir(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// Read one file. `named` is true when the user named it (then an unknown extension is sniffed;
/// inside a directory walk it is reported and skipped).
pub fn read_file(
    path: &Path,
    named: bool,
    opts: &IngestOptions,
) -> Box<dyn Iterator<Item = Item> + Send> {
    let shown = path.display().to_string();
    let one = |p: Problem| -> Box<dyn Iterator<Item = Item> + Send> {
        Box::new(std::iter::once(Item::Problem(p)))
    };
    let size = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return one(Problem::skip(&shown, None, e.to_string())),
    };
    let mut format = opts.format.or_else(|| format_for_extension(path));
    if format.is_none() && !named {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        return one(Problem::skip(
            &shown,
            None,
            format!("unknown extension '.{ext}' (known: .txt .md .html .htm .xml .rss .atom .json .jsonl)"),
        ));
    }
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return one(Problem::skip(&shown, None, e.to_string())),
    };
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return one(Problem::skip(&shown, None, e.to_string())),
    };
    if size == 0 || head.iter().all(|b| b.is_ascii_whitespace()) {
        return one(Problem::skip(&shown, None, "empty file"));
    }
    if is_binary(&head) {
        return one(Problem::skip(
            &shown,
            None,
            "binary file (not text, HTML, a feed or JSONL)",
        ));
    }
    if format.is_none() {
        format = sniff_format(&head);
    }
    let format = format.unwrap_or(Format::Text);
    if format == Format::Jsonl {
        return Box::new(jsonl::read_jsonl(reader, shown, opts.max_bytes));
    }
    if size > opts.max_bytes {
        return one(Problem::skip(
            &shown,
            None,
            format!(
                "file is {size} bytes, over the {} byte limit (raise it with --max-bytes)",
                opts.max_bytes
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    if let Err(e) = reader.take(opts.max_bytes + 1).read_to_end(&mut bytes) {
        return one(Problem::skip(&shown, None, e.to_string()));
    }
    Box::new(read_bytes(&bytes, &shown, stem_of(path), format).into_iter())
}

fn stem_of(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article")
        .to_string()
}

fn read_stdin(opts: &IngestOptions) -> Vec<Item> {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin()
        .lock()
        .take(opts.max_bytes + 1)
        .read_to_end(&mut bytes)
    {
        return vec![Item::Problem(Problem::skip("<stdin>", None, e.to_string()))];
    }
    read_document(bytes, "<stdin>", "stdin", opts)
}

/// Parse one document received whole (stdin, an HTTP request body), of the format `opts` names or
/// else the one its first bytes show. `shown` names it in problems; an article without an id of its
/// own gets `{id_prefix}-` and a hash of the bytes, so sending the same document again changes nothing.
pub fn read_document(
    bytes: Vec<u8>,
    shown: &str,
    id_prefix: &str,
    opts: &IngestOptions,
) -> Vec<Item> {
    if bytes.len() as u64 > opts.max_bytes {
        return vec![Item::Problem(Problem::skip(
            shown,
            None,
            format!("input over the {} byte limit", opts.max_bytes),
        ))];
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return vec![Item::Problem(Problem::skip(shown, None, "empty input"))];
    }
    let Some(format) = opts.format.or_else(|| sniff_format(&bytes)) else {
        return vec![Item::Problem(Problem::skip(shown, None, "binary input"))];
    };
    if format == Format::Jsonl {
        return jsonl::read_jsonl(
            std::io::Cursor::new(bytes),
            shown.to_string(),
            opts.max_bytes,
        )
        .collect();
    }
    let id = format!("{id_prefix}-{:016x}", fnv64(&bytes));
    read_bytes(&bytes, shown, id, format)
}

/// Parse an in-memory document of a known format, in whatever encoding it is (see [`charset`]).
pub fn read_bytes(bytes: &[u8], shown: &str, default_id: String, format: Format) -> Vec<Item> {
    let decoded = charset::decode(bytes, format);
    let mut items = Vec::new();
    if let Some(w) = decoded.warning() {
        items.push(Item::Problem(Problem::warn(shown, None, w)));
    }
    let text = decoded.text;
    let origin = Origin {
        path: shown.to_string(),
        line: None,
        format,
    };
    match format {
        Format::Text => match text::parse_text(&text, default_id, origin) {
            Some(a) => items.push(Item::Article(Box::new(a))),
            None => items.push(Item::Problem(Problem::skip(
                shown,
                None,
                "no article text found",
            ))),
        },
        Format::Html => match html::parse_html_article(&text, default_id, origin) {
            Ok(a) => items.push(Item::Article(Box::new(a))),
            Err(msg) => items.push(Item::Problem(Problem::skip(shown, None, msg))),
        },
        Format::Feed => items.extend(feed::parse_feed(
            charset::without_xml_declaration(&text).as_bytes(),
            shown,
        )),
        Format::Jsonl => items.extend(jsonl::read_jsonl(
            std::io::Cursor::new(text.into_owned()),
            shown.to_string(),
            u64::MAX,
        )),
    }
    items
}

/// Decode bytes as UTF-8, replacing invalid sequences; says whether any were replaced. For JSON,
/// which is UTF-8 by definition; documents that may be in another encoding go through [`charset`].
pub fn decode_utf8(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

/// A stable 64-bit FNV-1a hash (std's hasher is not stable across releases; ids must be).
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h = Fnv64::default();
    h.write(bytes);
    h.0
}

/// FNV-1a fed in pieces: the hash of the concatenation, without building it.
pub(crate) struct Fnv64(pub u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(0xcbf29ce484222325)
    }
}

impl Fnv64 {
    pub fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x100000001b3);
        }
    }
}

/// Tidy extracted text: one paragraph per line, inner whitespace collapsed, empty lines dropped.
pub fn tidy_paragraphs<'a>(paras: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for p in paras {
        let mut first = true;
        let push = |w: &str| {
            if first {
                if !out.is_empty() {
                    out.push('\n');
                }
                first = false;
            } else {
                out.push(' ');
            }
            out.push_str(w);
        };
        if p.is_ascii() {
            // Every article's text comes through here: ASCII is split on bytes, not characters.
            crate::analyze::tokens::ascii_words(p).for_each(push);
        } else {
            p.split_whitespace().for_each(push);
        }
    }
    out
}

/// Collapse a header value (titles, sources) to one trimmed line; None when empty.
pub(crate) fn clean_field(s: Option<&str>) -> Option<String> {
    let s = s?;
    let out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tidy {
    use super::tidy_paragraphs;

    #[test]
    fn paragraphs_become_lines_of_single_spaced_words() {
        let paras = [
            "  The ferry\tran  aground. ",
            "",
            " \r\n ",
            "Port\x0bSelm\x0cwas\rclosed.",
            "caf\u{e9}\u{a0}au  lait\u{2003}x",
        ];
        let want: Vec<String> = paras
            .iter()
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(tidy_paragraphs(paras), want.join("\n"));
        assert_eq!(
            tidy_paragraphs(["a  b", "c"]),
            "a b\nc",
            "one line per paragraph"
        );
        assert_eq!(tidy_paragraphs(["", "  "]), "");
    }
}
