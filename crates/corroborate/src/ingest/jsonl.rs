//! JSONL in the canonical schema, one article per line:
//! `{"id","title","source","published","url","text","lang"}`; only `text` is required.

use super::{clean_field, fnv64, parse_date, Item, Problem};
use crate::model::{Article, Format, Origin};
use serde::Deserialize;
use std::io::BufRead;

#[derive(Deserialize)]
struct Record {
    #[serde(default, deserialize_with = "id_string")]
    id: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    lang: Option<String>,
    #[serde(default)]
    byline: Option<String>,
}

/// Ids may be written as strings or numbers.
fn id_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(other) => {
            return Err(serde::de::Error::custom(format!(
                "id must be a string or number, not {other}"
            )))
        }
    })
}

pub(crate) fn read_jsonl<R: BufRead + Send>(
    mut reader: R,
    shown: String,
    max_bytes: u64,
) -> impl Iterator<Item = Item> + Send {
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    let mut pending: Vec<Item> = Vec::new();
    std::iter::from_fn(move || loop {
        if let Some(item) = pending.pop() {
            return Some(item);
        }
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(_) => {}
            Err(e) => {
                return Some(Item::Problem(Problem::skip(
                    &shown,
                    Some(line_no + 1),
                    e.to_string(),
                )))
            }
        }
        line_no += 1;
        if buf.len() as u64 > max_bytes {
            return Some(Item::Problem(Problem::skip(
                &shown,
                Some(line_no),
                format!("record over the {max_bytes} byte limit"),
            )));
        }
        let (text, lossy) = super::decode_utf8(&buf);
        let line = text.trim();
        if line.is_empty() {
            continue;
        }
        let mut items = parse_record(line, &shown, line_no);
        if lossy {
            items.push(Item::Problem(Problem::warn(
                &shown,
                Some(line_no),
                "invalid UTF-8; decoded with replacement characters",
            )));
        }
        items.reverse();
        pending = items;
    })
}

fn parse_record(line: &str, shown: &str, line_no: u64) -> Vec<Item> {
    let rec: Record = match serde_json::from_str(line) {
        Ok(r) => r,
        Err(e) => {
            return vec![Item::Problem(Problem::skip(
                shown,
                Some(line_no),
                format!("malformed JSON: {e}"),
            ))]
        }
    };
    let Some(text) = rec.text.filter(|t| !t.trim().is_empty()) else {
        return vec![Item::Problem(Problem::skip(
            shown,
            Some(line_no),
            "field \"text\" is missing or empty",
        ))];
    };
    let mut items = Vec::new();
    let published = match rec
        .published
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(p) => {
            let d = parse_date(p);
            if d.is_none() {
                items.push(Item::Problem(Problem::warn(
                    shown,
                    Some(line_no),
                    format!("field \"published\": unrecognised date {p:?}; kept without a date"),
                )));
            }
            d
        }
    };
    let body = super::tidy_paragraphs(text.lines());
    let id = rec
        .id
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| format!("j{:016x}", fnv64(body.as_bytes())));
    let article = Article {
        id,
        title: clean_field(rec.title.as_deref()),
        source: clean_field(rec.source.as_deref()),
        published,
        url: clean_field(rec.url.as_deref()),
        byline: clean_field(rec.byline.as_deref()),
        lang: clean_field(rec.lang.as_deref()),
        text: body,
        origin: Origin {
            path: shown.to_string(),
            line: Some(line_no),
            format: Format::Jsonl,
        },
    };
    items.insert(0, Item::Article(Box::new(article)));
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(input: &str) -> Vec<Item> {
        read_jsonl(
            std::io::Cursor::new(input.as_bytes().to_vec()),
            "in.jsonl".into(),
            1 << 20,
        )
        .collect()
    }

    #[test]
    fn good_and_bad_lines() {
        let items = run("{\"id\":\"a\",\"text\":\"One.\",\"published\":\"2025-02-18\"}\n{broken\n\n{\"id\":7,\"text\":\"Two.\"}\n{\"title\":\"no text\"}\n");
        let ids: Vec<String> = items
            .iter()
            .filter_map(|i| {
                if let Item::Article(a) = i {
                    Some(a.id.clone())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(ids, ["a", "7"]);
        let problems: Vec<String> = items
            .iter()
            .filter_map(|i| {
                if let Item::Problem(p) = i {
                    Some(p.to_string())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(problems.len(), 2);
        assert!(
            problems[0].starts_with("in.jsonl:2: skipped: malformed JSON"),
            "{}",
            problems[0]
        );
        assert!(
            problems[1].starts_with("in.jsonl:5: skipped: field \"text\""),
            "{}",
            problems[1]
        );
    }

    #[test]
    fn bad_date_is_a_warning_not_a_skip() {
        let items = run("{\"text\":\"Body.\",\"published\":\"sometime\"}\n");
        assert!(matches!(&items[0], Item::Article(a) if a.published.is_none()));
        assert!(matches!(&items[1], Item::Problem(p) if p.message.contains("unrecognised date")));
    }

    #[test]
    fn oversized_record_is_skipped() {
        let big = format!(
            "{{\"text\":\"{}\"}}\n{{\"text\":\"ok\"}}\n",
            "x".repeat(2000)
        );
        let items: Vec<Item> =
            read_jsonl(std::io::Cursor::new(big.into_bytes()), "f".into(), 1000).collect();
        assert!(matches!(&items[0], Item::Problem(p) if p.line == Some(1)));
        assert!(matches!(&items[1], Item::Article(_)));
    }
}
