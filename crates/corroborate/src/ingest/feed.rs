//! RSS 0.9x/1.0/2.0, Atom and JSON Feed files (feed-rs): one article per entry.
//!
//! A feed that fails to parse as a whole is salvaged entry by entry, so one malformed `<item>`
//! costs that item only; each failure is reported with the line it starts on.

use super::{clean_field, fnv64, html::html_fragment_paragraphs, Item, Problem};
use crate::model::{Article, Format, Origin};

pub(crate) fn parse_feed(bytes: &[u8], shown: &str) -> Vec<Item> {
    match feed_rs::parser::parse(bytes) {
        Ok(feed) => entries_to_items(feed, shown, None, None),
        Err(whole) => salvage(bytes, shown, &whole.to_string()),
    }
}

fn entries_to_items(
    feed: feed_rs::model::Feed,
    shown: &str,
    line: Option<u64>,
    outlet: Option<String>,
) -> Vec<Item> {
    let outlet = outlet.or_else(|| {
        feed.title
            .as_ref()
            .and_then(|t| clean_field(Some(&t.content)))
    });
    let mut items = Vec::new();
    for (n, entry) in feed.entries.into_iter().enumerate() {
        let line = line.or(Some(n as u64 + 1));
        let body_html = entry
            .content
            .as_ref()
            .and_then(|c| c.body.clone())
            .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
            .unwrap_or_default();
        let text = html_fragment_paragraphs(&body_html);
        let title = entry
            .title
            .as_ref()
            .and_then(|t| clean_field(Some(&html_fragment_paragraphs(&t.content))));
        if text.trim().is_empty() {
            let what = title.as_deref().unwrap_or(&entry.id);
            items.push(Item::Problem(Problem::skip(
                shown,
                line,
                format!("feed entry {what:?} has no text"),
            )));
            continue;
        }
        let id = if entry.id.trim().is_empty() {
            format!("f{:016x}", fnv64(text.as_bytes()))
        } else {
            entry.id.trim().to_string()
        };
        let article = Article {
            id,
            title,
            source: outlet.clone(),
            published: entry.published.or(entry.updated),
            url: entry.links.first().map(|l| l.href.clone()),
            byline: entry
                .authors
                .first()
                .and_then(|p| clean_field(p.name.as_deref())),
            lang: feed.language.clone(),
            text,
            origin: Origin {
                path: shown.to_string(),
                line,
                format: Format::Feed,
            },
        };
        items.push(Item::Article(Box::new(article)));
    }
    items
}

/// Parse each `<item>`/`<entry>` on its own inside a minimal wrapper.
fn salvage(bytes: &[u8], shown: &str, whole_error: &str) -> Vec<Item> {
    let text = String::from_utf8_lossy(bytes);
    let lower = text.to_ascii_lowercase();
    let (open, close, head, tail) = if lower.contains("<entry") {
        (
            "<entry",
            "</entry>",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>feed</title>",
            "</feed>",
        )
    } else {
        (
            "<item",
            "</item>",
            "<rss version=\"2.0\"><channel><title>feed</title>",
            "</channel></rss>",
        )
    };
    let outlet = feed_title(&text);
    let mut items = Vec::new();
    let mut pos = 0;
    let mut found = 0;
    while let Some(rel) = lower[pos..].find(open) {
        let start = pos + rel;
        let after = lower.as_bytes().get(start + open.len()).copied();
        if !matches!(after, Some(b'>' | b' ' | b'\n' | b'\t' | b'\r')) {
            pos = start + open.len();
            continue;
        }
        let line = text[..start].matches('\n').count() as u64 + 1;
        let end = match lower[start..].find(close) {
            Some(e) => start + e + close.len(),
            None => {
                items.push(Item::Problem(Problem::skip(
                    shown,
                    Some(line),
                    format!("feed entry is not closed ({close} missing)"),
                )));
                break;
            }
        };
        found += 1;
        let doc = format!("{head}{}{tail}", &text[start..end]);
        match feed_rs::parser::parse(doc.as_bytes()) {
            Ok(feed) => items.extend(entries_to_items(feed, shown, Some(line), outlet.clone())),
            Err(e) => items.push(Item::Problem(Problem::skip(
                shown,
                Some(line),
                format!("malformed feed entry: {e}"),
            ))),
        }
        pos = end;
    }
    if found == 0 {
        items.push(Item::Problem(Problem::skip(
            shown,
            None,
            format!("not a readable feed: {whole_error}"),
        )));
    }
    items
}

fn feed_title(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let first_item = lower
        .find("<item")
        .or_else(|| lower.find("<entry"))
        .unwrap_or(lower.len());
    let s = lower[..first_item].find("<title")?;
    let gt = s + lower[s..].find('>')? + 1;
    let e = gt + lower[gt..].find("</title>")?;
    clean_field(Some(&html_fragment_paragraphs(&text[gt..e])))
}
