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

#[cfg(test)]
mod tests {
    use super::*;

    fn split(items: Vec<Item>) -> (Vec<String>, Vec<Problem>) {
        let mut ids = Vec::new();
        let mut problems = Vec::new();
        for i in items {
            match i {
                Item::Article(a) => ids.push(a.id),
                Item::Problem(p) => problems.push(p),
            }
        }
        (ids, problems)
    }

    #[test]
    fn rss_and_atom_entries_become_articles() {
        let rss = r#"<rss version="2.0"><channel><title>Island Radio</title><item><guid>a</guid><title>Ferries resume</title><description>&lt;p&gt;Ferries resumed on Monday.&lt;/p&gt;</description><pubDate>Tue, 10 Jun 2025 19:00:00 +0000</pubDate></item></channel></rss>"#;
        let items = parse_feed(rss.as_bytes(), "r.xml");
        let Item::Article(a) = &items[0] else {
            panic!("{items:?}")
        };
        assert_eq!(
            (a.id.as_str(), a.text.as_str(), a.source.as_deref()),
            ("a", "Ferries resumed on Monday.", Some("Island Radio"))
        );
        assert!(a.published.is_some());
        let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>Ledger</title><entry><id>e1</id><title>Bridge opens</title><content type="html">The bridge opened.</content><updated>2025-06-10T10:00:00Z</updated></entry></feed>"#;
        let (ids, problems) = split(parse_feed(atom.as_bytes(), "a.atom"));
        assert_eq!(ids, ["e1"]);
        assert!(problems.is_empty());
    }

    #[test]
    fn a_broken_entry_costs_only_that_entry() {
        let rss = "<rss version=\"2.0\"><channel><title>T</title>\n<item><guid>ok-1</guid><description>First story text.</description></item>\n<item><guid>bad</guid><title>Broken <b>entry</title><description>x\n</item>\n<item><guid>ok-3</guid><description>Third story text.</description></item>\n</channel></rss>";
        let (ids, problems) = split(parse_feed(rss.as_bytes(), "f.xml"));
        assert_eq!(ids, ["ok-1", "ok-3"]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(3));
        assert!(problems[0].message.starts_with("malformed feed entry"));
    }

    #[test]
    fn unreadable_xml_is_one_clear_problem() {
        let (ids, problems) = split(parse_feed(b"<rss><channel><title>unclosed", "x.xml"));
        assert!(ids.is_empty());
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.starts_with("not a readable feed"),
            "{}",
            problems[0].message
        );
        let (ids, problems) = split(parse_feed(
            b"<rss version=\"2.0\"><channel><item><guid>g</guid></item></channel></rss>",
            "e.xml",
        ));
        assert!(ids.is_empty());
        assert!(
            problems[0].message.contains("has no text"),
            "{}",
            problems[0].message
        );
    }
}
