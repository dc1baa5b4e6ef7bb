//! HTML pages: the main text without boilerplate, plus page metadata.
//!
//! dom_smoothie (a Readability port) reads the metadata (Open Graph, meta tags; `json_ld.rs` reads
//! JSON-LD). For the text we
//! score containers ourselves on the original DOM, Readability-style, because Readability's clean-up
//! rewrites the markup (divs become paragraphs, class names go) that tells boilerplate apart, and news
//! templates put share bars, promos, newsletter boxes, author bios and comment threads inside the article
//! container. Walking the chosen container, blocks become paragraphs; blocks that `boilerplate.rs`
//! marks (class/id/role names, hidden elements, link lists, bylines, share prompts, author bios) are
//! dropped. When our choice finds little text, Readability's full algorithm is the fallback.

use super::{clean_field, parse_date};
use crate::model::{Article, Origin};
use dom_query::{Document, NodeId, NodeRef};
use dom_smoothie::{Config, Readability};
use std::collections::HashMap;

mod boilerplate;
use boilerplate::{is_boilerplate_element, is_boilerplate_text, is_link_list, Context};

/// What `extract_html` finds in a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExtractedPage {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
    pub paragraphs: Vec<String>,
}

/// Elements that never hold article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "object",
    "embed",
    "canvas",
    "video",
    "audio",
    "head",
    "title",
    "ins",
    "menu",
];

/// Elements that end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "td",
    "th",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "dd",
    "dt",
    "dl",
    "center",
    "address",
    "body",
    "html",
    "tbody",
    "thead",
];

/// What an element is to the extractor, read from its tag name without allocating.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tag {
    /// Never holds article text (scripts, navigation, forms...).
    Skip,
    /// A line break: ends a paragraph.
    Br,
    /// A paragraph-like block: its text credits its parent.
    Leaf,
    /// Any other block: ends a paragraph.
    Block,
    Link,
    Inline,
}

fn tag_of(node: &NodeRef) -> Option<Tag> {
    let el = node.element_ref()?;
    let name: &str = &el.name.local;
    Some(if SKIP_TAGS.contains(&name) {
        Tag::Skip
    } else if name == "br" {
        Tag::Br
    } else if matches!(name, "p" | "pre" | "blockquote" | "li" | "h2" | "h3") {
        Tag::Leaf
    } else if BLOCK_TAGS.contains(&name) {
        Tag::Block
    } else if name == "a" {
        Tag::Link
    } else {
        Tag::Inline
    })
}

/// Drop the bodies of `<script>` and `<style>` elements before parsing: they are skipped anyway, and on
/// news pages they are often most of the bytes, which the HTML tokenizer would otherwise walk one
/// character at a time. JSON-LD scripts are kept: the page's metadata lives there.
fn strip_raw_text(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut pos = 0;
    while let Some(rel) = memchr::memchr(b'<', &bytes[pos..]) {
        let lt = pos + rel;
        pos = lt + 1;
        let tag = if starts_with_ignore_case(&bytes[lt + 1..], b"script") {
            "script"
        } else if starts_with_ignore_case(&bytes[lt + 1..], b"style") {
            "style"
        } else {
            continue;
        };
        let Some(gt) = memchr::memchr(b'>', &bytes[lt..]).map(|g| lt + g + 1) else {
            break;
        };
        if tag == "script" && html[lt..gt].to_ascii_lowercase().contains("ld+json") {
            pos = gt;
            continue;
        }
        let close = format!("</{tag}");
        let mut end = None;
        let mut k = gt;
        while let Some(r) = memchr::memchr(b'<', &bytes[k..]) {
            let c = k + r;
            if starts_with_ignore_case(&bytes[c..], close.as_bytes()) {
                end = Some(c);
                break;
            }
            k = c + 1;
        }
        let Some(end) = end else { break };
        if out.capacity() == 0 {
            out.reserve(html.len());
        }
        out.push_str(&html[copied..gt]);
        copied = end;
        pos = end + close.len();
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

fn starts_with_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    hay.len() >= needle.len() && hay[..needle.len()].eq_ignore_ascii_case(needle)
}

pub fn extract_html(html: &str, url: Option<&str>) -> Result<ExtractedPage, String> {
    let url = url.filter(|u| u.contains("://"));
    let doc = Document::from(strip_raw_text(html).as_ref());
    let marks = PageMarks::of(&doc);
    let mut found = {
        let root = doc.root();
        let chunks = article_containers(&root);
        let mut found = chunks
            .first()
            .map(|c| with_lead_siblings(c))
            .unwrap_or_default();
        for c in chunks.iter().skip(1) {
            found.extend(collect_paragraphs(c));
        }
        found
    };
    let json_ld = super::json_ld::metadata(marks.json_ld.iter().map(String::as_str));
    let reader = Readability::with_document(doc, url, Some(Config::default()))
        .map_err(|e| format!("unreadable HTML: {e}"))?;
    let meta = reader.get_article_metadata(json_ld);
    let mut page = ExtractedPage {
        title: clean_field(Some(&meta.title)),
        site_name: clean_field(meta.site_name.as_deref()),
        byline: clean_field(meta.byline.as_deref()),
        published: clean_field(meta.published_time.as_deref()),
        url: marks.canonical.or(meta.url.clone()),
        lang: marks.lang.or(meta.lang.clone()),
        paragraphs: Vec::new(),
    };
    let ctx = Context::new(page.title.clone(), page.byline.clone());
    found.retain(|p| !is_boilerplate_text(p, &ctx));
    page.paragraphs = found;
    if page.paragraphs.iter().map(|p| p.len()).sum::<usize>() < 200 {
        // Our container choice found little: let Readability's full algorithm try.
        let mut full =
            Readability::with_document(Document::from(html), url, Some(Config::default()))
                .map_err(|e| format!("unreadable HTML: {e}"))?;
        if let Ok(a) = full.parse() {
            let content = Document::fragment(a.content.to_string());
            let mut alt = collect_paragraphs(&content.root());
            alt.retain(|p| !is_boilerplate_text(p, &ctx));
            if alt.iter().map(|p| p.len()).sum::<usize>()
                > page.paragraphs.iter().map(|p| p.len()).sum::<usize>()
            {
                page.paragraphs = alt;
            }
        }
    }
    if page.paragraphs.is_empty() {
        return Err("no article text found in the page".into());
    }
    Ok(page)
}

/// What the page's markup says besides its text, read in one walk over the tree (a selector query
/// walks all of it once per selector).
struct PageMarks {
    /// `<link rel="canonical">`, when it is an absolute URL.
    canonical: Option<String>,
    /// `<html lang>`.
    lang: Option<String>,
    /// The text of each JSON-LD script.
    json_ld: Vec<String>,
}

impl PageMarks {
    fn of(doc: &Document) -> Self {
        let mut marks = PageMarks {
            canonical: None,
            lang: None,
            json_ld: Vec::new(),
        };
        for node in doc.root().descendants_it() {
            let Some(el) = node.element_ref() else {
                continue;
            };
            match &*el.name.local {
                "html" if marks.lang.is_none() => {
                    marks.lang = node.attr("lang").map(|l| l.to_string());
                }
                "link" if marks.canonical.is_none() => {
                    let canonical = node
                        .attr("rel")
                        .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
                    marks.canonical = node
                        .attr("href")
                        .filter(|h| canonical && h.contains("://"))
                        .map(|h| h.to_string());
                }
                "script" => {
                    let ld = node
                        .attr("type")
                        .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                    if ld {
                        marks.json_ld.push(node.text().to_string());
                    }
                }
                _ => {}
            }
        }
        marks
    }
}

/// The element holding the article: each text block credits its ancestors (like Readability's scoring),
/// boilerplate subtrees credit nothing, and the element with the most credit wins.
/// The article's containers in page order: the best-scoring one, and the other chunks of the same
/// body. Some templates cut a long article into several containers with ads in between (Wired's
/// `body__inner-container`s); a chunk is an element of the same tag and class, nested in neither,
/// that scores at least `CHUNK_SHARE` of the best.
fn article_containers<'a>(root: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    let mut scores: HashMap<NodeId, f32> = HashMap::new();
    score_subtree(root, &mut scores);
    let Some((&best_id, &best)) = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))
    else {
        return Vec::new();
    };
    let best_node = NodeRef::new(best_id, root.tree);
    let mut ids = vec![best_id];
    let same_kind = |n: &NodeRef| match (n.element_ref(), best_node.element_ref()) {
        (Some(a), Some(b)) => a.name.local == b.name.local && a.attr("class") == b.attr("class"),
        _ => false,
    };
    if best_node
        .element_ref()
        .is_some_and(|e| e.attr("class").is_some())
    {
        for (&id, &score) in &scores {
            if id == best_id || score < best * CHUNK_SHARE {
                continue;
            }
            let n = NodeRef::new(id, root.tree);
            if same_kind(&n) && !related(&n, &best_node) {
                ids.push(id);
            }
        }
    }
    // Node ids follow the parser, so they sort in page order.
    ids.sort();
    let nodes: Vec<NodeRef<'a>> = ids
        .into_iter()
        .map(|id| NodeRef::new(id, root.tree))
        .collect();
    nodes
        .iter()
        .filter(|n| !nodes.iter().any(|o| o.id != n.id && is_ancestor(o, n)))
        .cloned()
        .collect()
}

/// Share of the best container's score another chunk of the same body must reach.
const CHUNK_SHARE: f32 = 0.2;

fn is_ancestor(a: &NodeRef, b: &NodeRef) -> bool {
    let mut p = b.parent();
    while let Some(n) = p {
        if n.id == a.id {
            return true;
        }
        p = n.parent();
    }
    false
}

fn related(a: &NodeRef, b: &NodeRef) -> bool {
    is_ancestor(a, b) || is_ancestor(b, a)
}

fn score_subtree(node: &NodeRef, scores: &mut HashMap<NodeId, f32>) {
    for child in node.children_it(false) {
        if !child.is_element() {
            continue;
        }
        let Some(tag) = tag_of(&child) else {
            continue;
        };
        if tag == Tag::Skip || is_boilerplate_element(&child) {
            continue;
        }
        let (text, linked, commas) = own_text(&child);
        let plain = text.saturating_sub(linked);
        if plain >= 25 && linked * 2 < text {
            let credit = 1.0 + commas as f32 + (plain as f32 / 100.0).min(3.0);
            let leaf = tag == Tag::Leaf;
            let mut weight = 1.0;
            let mut target = if leaf { child.parent() } else { Some(child) };
            // A list is a part of an article, never the article: its items credit what holds it,
            // or a body with a long bulleted list would lose its paragraphs to the list.
            if target.as_ref().is_some_and(is_list) {
                target = target.and_then(|t| t.parent());
            }
            for level in 0..3 {
                let Some(t) = target else { break };
                *scores.entry(t.id).or_default() += credit * weight;
                weight = 1.0 / (level as f32 + 2.0);
                target = t.parent();
            }
        }
        score_subtree(&child, scores);
    }
}

fn is_heading(node: &NodeRef) -> bool {
    node.element_ref().is_some_and(|el| {
        let name: &str = &el.name.local;
        name.len() == 2 && name.starts_with('h') && name.as_bytes()[1].is_ascii_digit()
    })
}

fn is_list(node: &NodeRef) -> bool {
    node.element_ref()
        .is_some_and(|el| matches!(&*el.name.local, "ul" | "ol"))
}

/// Length of the text an element holds itself (text and inline children, not nested blocks),
/// how much of it is link text, and its commas.
fn own_text(node: &NodeRef) -> (usize, usize, usize) {
    let (mut text, mut linked, mut commas) = (0, 0, 0);
    for c in node.children_it(false) {
        if c.is_text() {
            let t = c.text();
            text += t.trim().len();
            commas += t.matches(',').count();
        } else if let Some(tag) = tag_of(&c) {
            if matches!(tag, Tag::Skip | Tag::Leaf | Tag::Block) {
                continue;
            }
            let t = c.text();
            let len = t.trim().len();
            text += len;
            commas += t.matches(',').count();
            if tag == Tag::Link {
                linked += len;
            }
        }
    }
    (text, linked, commas)
}

/// Paragraphs of an HTML fragment that is already the content (a feed entry body): no boilerplate pass
/// beyond skipping scripts and the like. Plain text comes back unchanged apart from whitespace.
pub fn html_fragment_paragraphs(fragment: &str) -> String {
    if !fragment.contains('<') && !fragment.contains('&') {
        return super::tidy_paragraphs(fragment.lines());
    }
    let doc = Document::fragment(fragment);
    let mut out = Vec::new();
    let mut cur = String::new();
    walk(&doc.root(), &mut out, &mut cur, false);
    flush(&mut out, &mut cur);
    super::tidy_paragraphs(out.iter().map(|s| s.as_str()))
}

pub(crate) fn parse_html_article(
    html: &str,
    default_id: String,
    origin: Origin,
) -> Result<Article, String> {
    let page = extract_html(html, None)?;
    let author = page.byline.clone();
    Ok(Article {
        id: default_id,
        title: page.title,
        source: page.site_name,
        published: page.published.as_deref().and_then(parse_date),
        url: page.url,
        byline: author,
        lang: page.lang,
        text: super::tidy_paragraphs(page.paragraphs.iter().map(|s| s.as_str())),
        origin,
    })
}

/// The container's paragraphs, after those of the text blocks just before it: templates often
/// set the standfirst apart from the body (`<div class="lead">` beside `<div class="body">`).
/// A sibling block counts only when it is plain prose: no boilerplate marker, no links, and at
/// least a sentence's worth of letters.
fn with_lead_siblings(container: &NodeRef) -> Vec<String> {
    let mut lead: Vec<String> = Vec::new();
    let mut sibling = container.prev_element_sibling();
    while let Some(s) = sibling {
        let prose = matches!(tag_of(&s), Some(Tag::Leaf | Tag::Block))
            && !is_heading(&s)
            && !is_boilerplate_element(&s)
            && !s.descendants_it().any(|d| {
                matches!(
                    tag_of(&d),
                    Some(Tag::Link | Tag::Skip | Tag::Block | Tag::Leaf)
                )
            })
            && s.text().chars().filter(|c| c.is_alphanumeric()).count() >= 80;
        if !prose {
            break;
        }
        let mut paragraphs = collect_paragraphs(&s);
        paragraphs.append(&mut lead);
        lead = paragraphs;
        sibling = s.prev_element_sibling();
    }
    lead.extend(collect_paragraphs(container));
    lead
}

fn collect_paragraphs(root: &NodeRef) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    walk(root, &mut out, &mut cur, true);
    flush(&mut out, &mut cur);
    out
}

fn walk(node: &NodeRef, out: &mut Vec<String>, cur: &mut String, filter: bool) {
    for child in node.children_it(false) {
        if child.is_text() {
            cur.push_str(&child.text());
            continue;
        }
        let Some(tag) = tag_of(&child) else {
            continue;
        };
        if tag == Tag::Skip {
            continue;
        }
        if tag == Tag::Br {
            flush(out, cur);
            continue;
        }
        if filter && is_boilerplate_element(&child) {
            continue;
        }
        let block = matches!(tag, Tag::Leaf | Tag::Block);
        if block {
            flush(out, cur);
        }
        if filter && block && is_link_list(&child) {
            continue;
        }
        walk(&child, out, cur, filter);
        if block {
            flush(out, cur);
        }
    }
}

/// End the paragraph being gathered: its words joined by single spaces, leading bullets dropped.
fn flush(out: &mut Vec<String>, cur: &mut String) {
    let mut text = String::with_capacity(cur.len());
    for word in cur.split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
    cur.clear();
    let kept = text.trim_start_matches(['•', '·', '|']).trim_start();
    if kept.chars().any(char::is_alphanumeric) {
        out.push(if kept.len() == text.len() {
            text
        } else {
            kept.to_string()
        });
    }
}

#[cfg(test)]
mod tests;
