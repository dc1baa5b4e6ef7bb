//! What marks a block or paragraph of a page as boilerplate rather than article text: class, id and
//! role names, hidden elements, link lists, and paragraph patterns (bylines, share prompts, bios).

use super::{tag_of, Tag};
use dom_query::NodeRef;

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
    "ad", "ads", "bio", "nav", "menu", "tags", "rail", "cmt", "hdr", "tools", "meta", "promo",
];

/// What the paragraph filter knows about the page, lower-cased once.
pub(super) struct Context {
    title: Option<String>,
    /// How an author bio opens: "ana ruiz is ".
    bio_opening: Option<String>,
}

impl Context {
    pub(super) fn new(title: Option<String>, author: Option<String>) -> Self {
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

pub(super) fn is_boilerplate_element(node: &NodeRef) -> bool {
    let Some(el) = node.element_ref() else {
        return false;
    };
    // The page's own classes say what kind of page it is ("layout-with-rail", "has-sidebar"),
    // never that the whole page is a rail.
    if el.attrs.is_empty() || matches!(&*el.name.local, "html" | "body") {
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
    // A paywall box is boilerplate, but a paragraph marked "paywall" is article text the page
    // shows subscribers (Wired marks every paragraph after the first so). Most elements match no
    // word at all, so the tag is looked at only when one does.
    let marks = |w: &str| w != "paywall" || !matches!(tag_of(node), Some(Tag::Leaf));
    let marked = match words.as_ref() {
        Some(m) => {
            m.is_match(&names)
                && m.find_iter(&names)
                    .any(|hit| marks(BOILERPLATE_WORDS[hit.pattern().as_usize()]))
        }
        None => BOILERPLATE_WORDS
            .iter()
            .any(|w| names.contains(w) && marks(w)),
    };
    if marked {
        return true;
    }
    names.split_ascii_whitespace().any(|name| {
        // In a BEM name the element comes after the last `__` and says what this is; the block
        // before it says what it belongs to: `layout-with-rail__main` is the main column of a
        // layout that has a rail, not the rail (CNN's article body sits in one).
        let own = name.rsplit("__").next().unwrap_or(name);
        own.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|tok| BOILERPLATE_TOKENS.contains(&tok) || is_ad_token(tok))
    })
}

/// Whether an inline style hides the element (`display: none`, `visibility: hidden`).
fn hides(style: &str) -> bool {
    // Most styles say neither word, and are ruled out without a copy; the rest are normalised.
    let has = |w: &[u8]| {
        style
            .as_bytes()
            .windows(w.len())
            .any(|x| x.eq_ignore_ascii_case(w))
    };
    if !has(b"none") && !has(b"hidden") {
        return false;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    compact.contains("display:none") || compact.contains("visibility:hidden")
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
pub(super) fn is_link_list(node: &NodeRef) -> bool {
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
pub(super) fn is_boilerplate_text(p: &str, ctx: &Context) -> bool {
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
