//! Plain text and Markdown articles.
//!
//! Optional header lines (`Title:`, `Source:`, `Date:`, `URL:`, plus `Author:`, `Id:`, `Lang:`) come first;
//! without a `Title:` the first line is taken as the headline when it looks like one.

use super::{clean_field, parse_date};
use crate::analyze::tokens::is_title_case;
use crate::model::{Article, Origin};

pub(crate) fn parse_text(raw: &str, default_id: String, origin: Origin) -> Option<Article> {
    let raw = raw.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = raw.lines().collect();
    let mut article = Article::new(default_id, String::new(), origin);
    let mut i = 0;
    while i < lines.len() && lines[i].trim().is_empty() {
        i += 1;
    }
    let mut saw_header = false;
    while i < lines.len() {
        let Some((key, value)) = header_line(lines[i]) else {
            break;
        };
        let value = value.trim();
        match key.as_str() {
            "title" | "headline" => article.title = clean_field(Some(value)),
            "source" | "outlet" | "publisher" => article.source = clean_field(Some(value)),
            "date" | "published" => article.published = parse_date(value),
            "url" | "link" => article.url = clean_field(Some(value)),
            "author" | "byline" | "by" => article.byline = clean_field(Some(value)),
            "id" => {
                if let Some(id) = clean_field(Some(value)) {
                    article.id = id;
                }
            }
            "lang" | "language" => article.lang = clean_field(Some(value)),
            _ => break,
        }
        saw_header = true;
        i += 1;
    }
    lines.drain(..i);
    let markdown = looks_like_markdown(&lines);
    let mut body: Vec<String> = Vec::new();
    for line in &lines {
        let mut l = line.trim().to_string();
        if markdown {
            if let Some(h) = l.strip_prefix("# ") {
                if article.title.is_none() && body.iter().all(|l| l.is_empty()) {
                    article.title = clean_field(Some(&strip_markdown(h)));
                    continue;
                }
            }
            l = strip_markdown(&l);
        }
        body.push(l);
    }
    if article.title.is_none() && !saw_header {
        if let Some(first) = body.iter().position(|l| !l.is_empty()) {
            let next_blank = body.get(first + 1).is_none_or(|l| l.is_empty());
            // A lone line is the body, whatever it looks like: a headline needs text under it.
            let has_body = body[first + 1..].iter().any(|l| !l.trim().is_empty());
            if has_body && looks_like_headline(&body[first], next_blank) {
                article.title = clean_field(Some(&body[first]));
                body.drain(..=first);
            }
        }
    }
    article.text = join_paragraphs(&body);
    (!article.text.trim().is_empty()).then_some(article)
}

fn header_line(line: &str) -> Option<(String, &str)> {
    let (k, v) = line.split_once(':')?;
    let k = k.trim();
    // A header value is a name, a date or a URL; a long run of text after "Source:" is body text.
    if v.len() > 300 || k.is_empty() || k.len() > 12 || !k.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let key = k.to_ascii_lowercase();
    matches!(
        key.as_str(),
        "title"
            | "headline"
            | "source"
            | "outlet"
            | "publisher"
            | "date"
            | "published"
            | "url"
            | "link"
            | "author"
            | "byline"
            | "by"
            | "id"
            | "lang"
            | "language"
    )
    .then_some((key, v))
}

/// A headline: short, not ending like a sentence (a question mark is fine), not a bare section label.
fn looks_like_headline(line: &str, next_blank: bool) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    if !(2..=25).contains(&words) {
        return false;
    }
    if t.ends_with('.') && !t.ends_with("..") {
        return false;
    }
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    let all_caps = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase());
    if all_caps && words <= 3 {
        return false;
    }
    if t.starts_with(['-', '*', '•']) {
        return false;
    }
    next_blank || words <= 16
}

fn looks_like_markdown(lines: &[&str]) -> bool {
    lines.iter().any(|l| {
        let t = l.trim_start();
        t.starts_with("# ") || t.starts_with("## ") || t.contains("](") || t.starts_with("**")
    })
}

/// Markdown to plain text: headings, emphasis and links lose their markup, keeping their words.
fn strip_markdown(line: &str) -> String {
    let t = line.trim_start_matches('#').trim();
    let mut out = String::with_capacity(t.len());
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '!' && chars.get(i + 1) == Some(&'[') {
            i += 1;
            continue;
        }
        if c == '[' {
            if let Some(close) = chars[i..].iter().position(|&x| x == ']').map(|p| p + i) {
                if chars.get(close + 1) == Some(&'(') {
                    if let Some(end) = chars[close..]
                        .iter()
                        .position(|&x| x == ')')
                        .map(|p| p + close)
                    {
                        out.extend(&chars[i + 1..close]);
                        i = end + 1;
                        continue;
                    }
                }
            }
        }
        if c == '*'
            || c == '`'
            || (c == '_' && (i == 0 || i + 1 == chars.len() || !chars[i - 1].is_alphanumeric()))
        {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// One paragraph per line. A line that stops mid-sentence and is long was hard-wrapped: join it to the next.
fn join_paragraphs(lines: &[String]) -> String {
    let mut paras: Vec<String> = Vec::new();
    let mut cur = String::new();
    for l in lines {
        let l = strip_bullet(l.trim());
        if l.is_empty() {
            if !cur.is_empty() {
                paras.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() {
            // A heading ("ALSO READ: Talks Resume in Geneva") is no wrapped line, unless what follows
            // plainly continues it.
            let continues = l.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
            let wrapped = cur.len() >= 50
                && !ends_sentence(&cur)
                && !l.starts_with(['-', '*', '•'])
                && (continues || !is_title_case(&cur));
            if wrapped {
                cur.push(' ');
                cur.push_str(l);
                continue;
            }
            paras.push(std::mem::take(&mut cur));
        }
        cur.push_str(l);
    }
    if !cur.is_empty() {
        paras.push(cur);
    }
    super::tidy_paragraphs(paras.iter().map(|s| s.as_str()))
}

fn strip_bullet(l: &str) -> &str {
    for b in ["- ", "* ", "• ", "\u{2022}\t", "– "] {
        if let Some(rest) = l.strip_prefix(b) {
            return rest.trim_start();
        }
    }
    l
}

fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', '"', '\u{201d}', ':', ')', '\u{2019}', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn origin() -> Origin {
        Origin {
            path: "t.txt".into(),
            line: None,
            format: Format::Text,
        }
    }

    #[test]
    fn headers_are_read() {
        let a = parse_text(
            "Title: Harbour strike ends\nSource: The Coastal Ledger\nDate: 2025-03-04\nURL: https://x.example/a\n\nBody one.\nBody two.",
            "id".into(),
            origin(),
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Harbour strike ends"));
        assert_eq!(a.source.as_deref(), Some("The Coastal Ledger"));
        assert_eq!(
            a.published.unwrap().to_rfc3339(),
            "2025-03-04T00:00:00+00:00"
        );
        assert_eq!(a.text, "Body one.\nBody two.");
    }

    #[test]
    fn first_line_headline_only_when_it_looks_like_one() {
        let a = parse_text(
            "What happened at the talks?\n\nThe talks ended.",
            "x".into(),
            origin(),
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("What happened at the talks?"));
        let b = parse_text(
            "The talks ended on Tuesday after four hours of discussion in the capital.\nMore.",
            "x".into(),
            origin(),
        )
        .unwrap();
        assert_eq!(b.title, None);
        let c = parse_text(
            "KEY POINTS\n- One point here.\n- Two.",
            "x".into(),
            origin(),
        )
        .unwrap();
        assert_eq!(c.title, None);
        assert_eq!(c.text, "KEY POINTS\nOne point here.\nTwo.");
        // A file of one line is all body, even when the line could pass for a headline.
        let d = parse_text("Police say the harbour stays shut", "x".into(), origin()).unwrap();
        let long = format!(
            "Source: {}",
            "the port authority said the harbour stays shut. ".repeat(8)
        );
        let e = parse_text(&long, "x".into(), origin()).unwrap();
        assert_eq!(e.text, long.trim());
        assert_eq!(d.title, None);
        assert_eq!(d.text, "Police say the harbour stays shut");
    }

    #[test]
    fn hard_wrapped_lines_are_joined() {
        let a = parse_text(
            "Headline here\n\nThe minister said on Tuesday that the harbour would\nreopen within a week.\nA second paragraph.",
            "x".into(),
            origin(),
        )
        .unwrap();
        assert_eq!(a.text, "The minister said on Tuesday that the harbour would reopen within a week.\nA second paragraph.");
        // A long heading without a stop is not wrapped into the next paragraph.
        let b = parse_text(
            "Headline here\n\nThe strike began on Monday.\nALSO READ: Dock Workers Vote on New Shift Rules Today\nThe vote closes on Friday.",
            "x".into(),
            origin(),
        )
        .unwrap();
        assert_eq!(
            b.text,
            "The strike began on Monday.\nALSO READ: Dock Workers Vote on New Shift Rules Today\nThe vote closes on Friday."
        );
    }

    #[test]
    fn markdown_loses_markup() {
        let a = parse_text(
            "# The **big** story\n\nSee [the report](https://x.example) for *details*.",
            "x".into(),
            origin(),
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("The big story"));
        assert_eq!(a.text, "See the report for details.");
    }

    #[test]
    fn markdown_heading_after_headers_is_the_title() {
        let a = parse_text(
            "Source: Lakeside Herald\n\n# Geneva talks end\n\nBody text here.",
            "x".into(),
            origin(),
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Geneva talks end"));
        assert_eq!(a.source.as_deref(), Some("Lakeside Herald"));
        assert_eq!(a.text, "Body text here.");
    }

    #[test]
    fn empty_body_is_none() {
        assert!(parse_text("Title: Only a title\n\n   \n", "x".into(), origin()).is_none());
    }
}
