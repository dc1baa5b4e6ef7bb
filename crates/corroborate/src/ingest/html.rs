//! HTML pages: the main text without boilerplate, plus page metadata.
//!
//! dom_smoothie (a Readability port) reads the metadata (JSON-LD, Open Graph, meta tags). For the text we
//! score containers ourselves on the original DOM, Readability-style, because Readability's clean-up
//! rewrites the markup (divs become paragraphs, class names go) that tells boilerplate apart, and news
//! templates put share bars, promos, newsletter boxes, author bios and comment threads inside the article
//! container. Walking the chosen container, blocks become paragraphs; blocks whose class/id/role names them
//! as boilerplate, or whose text is a link list, byline, share prompt or author bio, are dropped. When our
//! choice finds little text, Readability's full algorithm is the fallback.

use super::{clean_field, parse_date};
use crate::model::{Article, Origin};
use dom_query::{Document, NodeId, NodeRef};
use dom_smoothie::{Config, Readability};
use std::collections::HashMap;

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

/// Class/id words (matched inside names like `css-sharebar`) that mark boilerplate containers.
const BOILERPLATE_WORDS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "promo",
    "cookie",
    "consent",
    "subscri",
    "signup",
    "breadcrumb",
    "sidebar",
    "widget",
    "footer",
    "sponsor",
    "advert",
    "recommend",
    "mostread",
    "most-read",
    "popular",
    "outbrain",
    "taboola",
    "paywall",
    "masthead",
    "byline",
    "author-bio",
    "authorbio",
    "tags-links",
    "respond",
    "reply",
    "banner",
    "toolbar",
    "rightcol",
    "leftnav",
    "jump-link",
    "read-more",
    "readmore",
    "disqus",
    "gallery",
    "slideshow",
];

/// Whole class/id tokens that mark boilerplate (too short to match inside other words).
const BOILERPLATE_TOKENS: &[&str] = &[
    "ad", "ads", "bio", "nav", "menu", "tags", "rail", "cmt", "hdr", "sub", "tools", "meta",
    "promo",
];

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
        best_container(&root)
            .map(|c| with_lead_siblings(&c))
            .unwrap_or_default()
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
fn best_container<'a>(root: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let mut scores: HashMap<NodeId, f32> = HashMap::new();
    score_subtree(root, &mut scores);
    let best = scores
        .iter()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(a.0)))?;
    Some(NodeRef::new(*best.0, root.tree))
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

/// What the paragraph filter knows about the page, lower-cased once.
struct Context {
    title: Option<String>,
    /// How an author bio opens: "ana ruiz is ".
    bio_opening: Option<String>,
}

impl Context {
    fn new(title: Option<String>, author: Option<String>) -> Self {
        let bio_opening = author.and_then(|a| {
            let a = a
                .trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_lowercase();
            let name = a.split(',').next().unwrap_or("").trim();
            (!name.is_empty()).then(|| format!("{name} is "))
        });
        Context {
            title: title.map(|t| t.to_lowercase()),
            bio_opening,
        }
    }
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

fn is_boilerplate_element(node: &NodeRef) -> bool {
    let Some(el) = node.element_ref() else {
        return false;
    };
    if el.attrs.is_empty() {
        return false;
    }
    let mut names = String::new();
    for attr in &el.attrs {
        let key: &str = &attr.name.local;
        match key {
            "aria-hidden" if &*attr.value == "true" => return true,
            // Hidden from readers: gallery captions and slide titles waiting for a script.
            "hidden" => return true,
            "style" if hides(&attr.value) => return true,
            "class" | "id" | "role" | "data-testid" | "data-component" | "aria-label" => {
                names.push(' ');
                names.extend(attr.value.chars().map(|c| c.to_ascii_lowercase()));
            }
            _ => {}
        }
    }
    if names.is_empty() {
        return false;
    }
    // One automaton pass instead of a substring search per marker: this runs on every element of
    // every page.
    static WORDS: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> =
        std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| aho_corasick::AhoCorasick::new(BOILERPLATE_WORDS).ok());
    if words.as_ref().map_or_else(
        || BOILERPLATE_WORDS.iter().any(|w| names.contains(w)),
        |m| m.is_match(&names),
    ) {
        return true;
    }
    names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|tok| BOILERPLATE_TOKENS.contains(&tok) || is_ad_token(tok))
}

/// Whether an inline style hides the element (`display: none`, `visibility: hidden`).
fn hides(style: &str) -> bool {
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// `ad300`, `ad-slot`, `adsense`: ad containers named with a size or network.
fn is_ad_token(tok: &str) -> bool {
    tok.strip_prefix("ad").is_some_and(|rest| {
        !rest.is_empty()
            && (rest.chars().all(|c| c.is_ascii_digit())
                || rest.starts_with("sense")
                || rest.starts_with("slot")
                || rest.starts_with("sby"))
    })
}

/// A block whose text is mostly links (related stories, tag lists, promo teasers).
fn is_link_list(node: &NodeRef) -> bool {
    // Most blocks hold no link at all: find that out without building any text.
    let links: Vec<NodeRef> = node
        .descendants_it()
        .filter(|d| tag_of(d) == Some(Tag::Link))
        .collect();
    if links.is_empty() {
        return false;
    }
    // Letters, not words: Chinese, Japanese or Thai text has no spaces, so a paragraph with two
    // linked names would count as three words, two of them links.
    let letters = |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count();
    let total = letters(&node.text());
    if total == 0 || total >= 400 {
        return false;
    }
    let linked: usize = links.iter().map(|a| letters(&a.text())).sum();
    linked * 10 >= total * 8
}

/// Paragraph-level patterns of boilerplate that carry no markup hint: bylines, share prompts, author bios,
/// "read more" teasers, the headline repeated in the body. Article paragraphs are long and most
/// patterns are for short ones, so a paragraph is lower-cased whole only when it is short.
fn is_boilerplate_text(p: &str, ctx: &Context) -> bool {
    let lower = || p.chars().flat_map(char::to_lowercase);
    if ctx.title.as_deref().is_some_and(|t| lower().eq(t.chars())) {
        return true;
    }
    if let Some(bio) = ctx.bio_opening.as_deref() {
        if lower().take(bio.chars().count()).eq(bio.chars()) {
            return true;
        }
    }
    let words = p.split_whitespace().take(26).count();
    if words > 25 {
        return false;
    }
    let lower = p.to_lowercase();
    if words <= 14 && (lower.starts_with("by ") || lower.starts_with("written by ")) {
        return true;
    }
    if lower.starts_with("share this")
        || lower.starts_with("share on")
        || lower.starts_with("share:")
    {
        return true;
    }
    let networks = [
        "facebook", "twitter", "whatsapp", "linkedin", "email", "telegram",
    ];
    lower.contains("share") && networks.iter().filter(|n| lower.contains(*n)).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Harbour strike ends | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="article:published_time" content="2025-03-04T10:00:00Z">
<link rel="canonical" href="https://ledger.example/harbour-strike-ends"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="cookie-banner"><p>We use cookies to improve this site for you and your friends.</p></div>
<article><h1>Harbour strike ends</h1><div class="entry-meta">By Ana Ruiz</div>
<div class="entry-content">
<p>Dock workers at the port of Velmora returned to work on Tuesday after a nine-day strike over pay and safety rules.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>The union said its members had accepted a 6 percent raise, spread over two years, and new night-shift limits.</p>
<p class="promo"><a href="/other">READ MORE: Shipping rates climb as ports reopen along the coast</a></p>
<p>Port director Helena Varga said cargo backlogs would take about two weeks to clear.</p>
<div class="share-bar"><p>Share this story on Facebook, WhatsApp or by email</p></div>
</div></article>
<section class="related-posts"><h3>Related</h3><ul><li><a href="/a">Another story about something else entirely</a></li></ul></section>
<div id="comments"><p>This strike was a disgrace and everyone involved should be ashamed of themselves.</p></div>
<footer><p>Copyright 2025 The Coastal Ledger. All rights reserved.</p></footer></body></html>"#;

    #[test]
    fn extracts_main_text_without_boilerplate() {
        let page = extract_html(PAGE, None).unwrap();
        assert_eq!(page.paragraphs.len(), 3, "{:#?}", page.paragraphs);
        assert!(page.paragraphs[0].starts_with("Dock workers"));
        assert!(page.paragraphs[2].starts_with("Port director"));
        assert_eq!(page.site_name.as_deref(), Some("The Coastal Ledger"));
        assert_eq!(
            page.url.as_deref(),
            Some("https://ledger.example/harbour-strike-ends")
        );
        assert_eq!(page.lang.as_deref(), Some("en"));
        assert!(page.published.as_deref().unwrap().starts_with("2025-03-04"));
    }

    #[test]
    fn malformed_html_still_yields_text() {
        let html = "<html><body><div><p>Unclosed paragraph with enough words to count as the main text of a page about the harbour strike in Velmora.<p>Another one <b>bold <i>nested</div></body>";
        let page = extract_html(html, None).unwrap();
        assert!(page.paragraphs[0].starts_with("Unclosed paragraph"));
    }

    #[test]
    fn page_without_text_is_an_error() {
        assert!(extract_html(
            "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            None
        )
        .is_err());
    }

    #[test]
    fn script_and_style_bodies_are_dropped_before_parsing() {
        let html = "<html><head><STYLE>p{x:1}</style><script type=\"application/ld+json\">{\"a\":1}</script></head><body><script>if (a<b) { document.write('</p>') }</script><p>Text</p><script src=x></script></body></html>";
        let out = strip_raw_text(html);
        assert!(!out.contains("x:1") && !out.contains("document.write"));
        assert!(out.contains("{\"a\":1}") && out.contains("<p>Text</p>"));
        assert_eq!(strip_raw_text("<p>no scripts</p>"), "<p>no scripts</p>");
        assert_eq!(
            strip_raw_text("<script>never closed"),
            "<script>never closed"
        );
    }

    #[test]
    fn fragments_become_paragraphs() {
        assert_eq!(
            html_fragment_paragraphs("<p>One &amp; two.</p><p>Three<br>Four</p>"),
            "One & two.\nThree\nFour"
        );
        assert_eq!(html_fragment_paragraphs("plain  text"), "plain text");
    }

    /// `<p>Paragraph 1 {rest}</p><p>Paragraph 2 {rest}</p>...`
    fn numbered_paragraphs(n: usize, rest: &str) -> String {
        (1..=n)
            .map(|i| format!("<p>Paragraph {i} {rest}</p>"))
            .collect()
    }

    #[test]
    fn a_long_list_does_not_take_the_article_from_its_paragraphs() {
        let items: String = (1..=10)
            .map(|i| format!("<li>Finding number {i} of the harbour survey, with its numbers and notes.</li>"))
            .collect();
        let html = format!(
            "<html><body><div class=\"story\"><p>The harbour survey, published on Monday, lists what divers found along the old pier.</p>\
             <p>Some of the more interesting findings include:</p><ul>{items}</ul>\
             <p>The council will discuss the survey next week.</p></div></body></html>"
        );
        let page = extract_html(&html, None).unwrap();
        assert_eq!(page.paragraphs.len(), 13, "{:#?}", page.paragraphs);
        assert!(page.paragraphs[0].starts_with("The harbour survey"));
        assert!(page.paragraphs[12].starts_with("The council"));
    }

    #[test]
    fn linked_names_do_not_make_unspaced_text_a_link_list() {
        // Japanese has no spaces between words: counted in words, this paragraph is four "words",
        // three of them links.
        let p1 = "港湾局は<a href=\"/s?q=Velmora\">ヴェルモラ（Velmora）</a>港で十六日夜、桟橋の一部が崩れたと発表した。けが人はいなかった。";
        let p2 = "調査は<a href=\"/s?q=Selm\">セルム（Selm）</a>の潜水士が担当し、来週には結果をまとめる予定だという。";
        let html = format!(
            "<html><body><div class=\"article-body\"><p>{p1}</p><p>{p2}</p><p>港湾局によると、桟橋の修理には少なくとも三か月かかる見通しで、その間は別の桟橋を使う。</p></div></body></html>"
        );
        let page = extract_html(&html, None).unwrap();
        assert_eq!(page.paragraphs.len(), 3, "{:#?}", page.paragraphs);
        assert!(page.paragraphs[0].starts_with("港湾局は"));
    }

    #[test]
    fn a_standfirst_set_apart_from_the_body_is_kept() {
        let body = numbered_paragraphs(
            4,
            "of the body tells how the pier gave way, and what the divers saw below it.",
        );
        let html = format!(
            "<html><head><title>Pier collapse | Velmora Gazette</title></head><body><article><div class=\"share\"><a href=\"/fb\">Share</a></div>\
             <h1>Divers find the old pier of Velmora gave way on Sunday night after decades of neglect and storms, the harbour office says</h1>\
             <div class=\"article-lead\">A section of the old pier at Velmora collapsed on Sunday night. Nobody was on it, the harbour office said.</div>\
             <div class=\"article-body\">{body}</div></article></body></html>"
        );
        let page = extract_html(&html, None).unwrap();
        assert_eq!(page.paragraphs.len(), 5, "{:#?}", page.paragraphs);
        assert!(page.paragraphs[0].starts_with("A section of the old pier"));
        assert!(page.paragraphs[1].starts_with("Paragraph 1"));
    }

    #[test]
    fn hidden_elements_and_galleries_are_not_text() {
        let body = numbered_paragraphs(
            3,
            "of the report says the storm closed the coast road, and crews are clearing it.",
        );
        let html = format!(
            "<html><body><div class=\"story\">{body}\
             <div><cite style=\"display: None\">Crews clear a fallen tree from the coast road near Velmora on Monday morning.</cite>\
             <p hidden>A second hidden caption about the storm damage near the harbour, shown only by a script.</p>\
             <span style=\"visibility:hidden\">Yet another caption that waits for the slide show to reach it, never seen.</span></div>\
             <div class=\"photo-gallery\"><p>Storm pictures: waves over the sea wall at dawn, seen from the old lighthouse.</p></div>\
             </div></body></html>"
        );
        let page = extract_html(&html, None).unwrap();
        assert_eq!(page.paragraphs.len(), 3, "{:#?}", page.paragraphs);
        assert!(page.paragraphs.iter().all(|p| p.starts_with("Paragraph")));
    }
}
