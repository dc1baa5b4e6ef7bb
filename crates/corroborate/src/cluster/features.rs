//! What the clusterer reads of an article: its event features, extracted without touching the
//! clusterer's state so that they can be computed in parallel.

use super::ClusterConfig;
use crate::analyze::tokens::{is_stopword, normalize_into, stem, tokenize, TokenKind};
use crate::dedupe::CopyHashes;
use crate::model::{Analysis, Article};
use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap as HashMap;

/// Bytes of an article's text hashed to find its copies.
const DEDUPE_PREFIX_BYTES: usize = 3000;

/// What the clusterer needs of an article, computed without touching its state, so it can be extracted
/// in parallel: weighted terms (title x3, lead x2, body x1, URL slug x1, names x2), the copy-detection hashes,
/// the date.
#[derive(Clone, Debug)]
pub struct EventFeatures {
    pub terms: Vec<(String, f32)>,
    pub content_hash: u64,
    pub signature: Option<Vec<u32>>,
    pub published: Option<DateTime<Utc>>,
    /// The page is (almost) all furniture: a scraped sign-up wall or archive notice is word for word the
    /// same on pages about unrelated events, so it is never anybody's copy.
    pub furniture_only: bool,
}

/// Fewer reporting words than this, once page furniture is set aside, and a page is furniture only.
const MIN_REPORTING_WORDS: usize = 20;

/// A single reporting sentence shorter than this, amid more furniture, and a page is furniture only too.
const MAX_REMNANT_WORDS: usize = 60;

/// Extract an article's event features (pure: the same article always gives the same features).
/// Copies are found by the hashes of the text's first few thousand bytes: a copy shares its opening,
/// and hashing only that costs a fraction of the whole text.
pub fn event_features(
    article: &Article,
    analysis: Option<&Analysis>,
    cfg: &ClusterConfig,
) -> EventFeatures {
    let text = &article.text;
    let head = &text[..crate::analyze::tokens::floor_boundary(text, DEDUPE_PREFIX_BYTES)];
    event_features_with(article, analysis, cfg, CopyHashes::of(head))
}

/// [`event_features`] with copy-detection hashes computed elsewhere: the store keeps the whole text's
/// from ingest, and shingling the text again was most of the cost of clustering a stored article.
pub fn event_features_with(
    article: &Article,
    analysis: Option<&Analysis>,
    cfg: &ClusterConfig,
    copy: CopyHashes,
) -> EventFeatures {
    thread_local! {
        static STEMS: std::cell::RefCell<HashMap<String, String>> = std::cell::RefCell::new(HashMap::default());
    }
    let mut counts: HashMap<String, f32> = HashMap::default();
    // Every stored article passes through here: words go through one buffer, stems come from the
    // cache by reference, and a term is allocated once per article, not once per occurrence.
    let mut word = String::new();
    let mut add_text = |text: &str, weight: f32, limit: usize| {
        // Tokenize only the part that can be used: words average well under 12 bytes.
        let text = &text[..crate::analyze::tokens::floor_boundary(text, limit.saturating_mul(12))];
        let mut n = 0;
        STEMS.with(|cache| {
            let mut cache = cache.borrow_mut();
            for t in tokenize(text) {
                if t.kind == TokenKind::Punct {
                    continue;
                }
                n += 1;
                if n > limit {
                    break;
                }
                normalize_into(t.text, &mut word);
                if word.len() < 3 || is_stopword(&word) || word.bytes().all(|b| b.is_ascii_digit())
                {
                    continue;
                }
                let uncached;
                let s: &str = match cache.get(word.as_str()) {
                    Some(s) => s,
                    None => {
                        uncached = stem(&word);
                        if cache.len() < 100_000 {
                            cache.insert(word.clone(), uncached.clone());
                        }
                        &uncached
                    }
                };
                match counts.get_mut(s) {
                    Some(c) => *c += weight,
                    None => {
                        counts.insert(s.to_string(), weight);
                    }
                }
            }
        });
    };
    if let Some(t) = &article.title {
        add_text(t, 3.0, 40);
    }
    // A feed item is often a headline and a link, and the headline may be cut short ("... in three  ...");
    // the link's slug repeats the headline, sometimes whole, or names what the headline leaves out.
    if let Some(slug) = article.url.as_deref().and_then(url_slug) {
        add_text(&slug, 1.0, 40);
    }
    let text = &article.text;
    // The body is read only this far (words average well under 12 bytes).
    let reporting = reporting_text(text, analysis, (80 + cfg.body_words) * 12);
    let (lead, body) = match &reporting {
        Some(r) => (r.lead.as_str(), r.body.as_str()),
        None => {
            let end = crate::analyze::tokens::floor_boundary(text, text.len().min(400));
            (&text[..end], &text[end..])
        }
    };
    add_text(lead, 2.0, 80);
    add_text(body, 1.0, cfg.body_words);
    if let Some(a) = analysis {
        for m in &a.mentions {
            if m.kind != crate::model::EntityKind::Other {
                *counts.entry(format!("@{}", m.key)).or_default() += 2.0;
            }
        }
    }
    let mut terms: Vec<(String, f32)> = counts.into_iter().collect();
    terms.sort_by(|a, b| a.0.cmp(&b.0));
    EventFeatures {
        terms,
        content_hash: copy.content_hash,
        signature: copy.signature,
        published: article.published,
        furniture_only: reporting.is_some_and(|r| r.is_furniture_page()),
    }
}

/// An article's reporting: its sentences that are not page furniture, the first two as the lead.
struct Reporting {
    lead: String,
    body: String,
    words: usize,
    /// Words in furniture sentences.
    furniture_words: usize,
    /// Reporting sentences.
    sentences: usize,
    /// Some sentence was furniture (a short page without any is a short report, not a furniture page).
    furniture: bool,
}

impl Reporting {
    /// Hardly any reporting, or one sentence that the furniture around it outweighs: an archive
    /// notice may keep one plain sentence of 30 words the phrase list does not know.
    /// Two sentences above a social widget are a short report.
    fn is_furniture_page(&self) -> bool {
        self.furniture
            && (self.words < MIN_REPORTING_WORDS
                || (self.sentences == 1
                    && self.words < MAX_REMNANT_WORDS
                    && self.furniture_words > self.words))
    }
}

fn reporting_text(text: &str, analysis: Option<&Analysis>, max_bytes: usize) -> Option<Reporting> {
    let analysis = analysis?;
    let mut out = Reporting {
        lead: String::new(),
        body: String::new(),
        words: 0,
        furniture_words: 0,
        sentences: 0,
        furniture: false,
    };
    // What comes before the first sentence is the dateline ("ANKARA, Turkey (AP) _"): the place.
    if let Some(first) = analysis.sentences.first() {
        let start = first.span.start as usize;
        out.lead
            .push_str(&text[..crate::analyze::tokens::floor_boundary(text, start.min(200))]);
        out.lead.push(' ');
    }
    let mut kept = 0;
    for s in &analysis.sentences {
        let Some(sentence) = text.get(s.span.start as usize..s.span.end as usize) else {
            continue;
        };
        if crate::analyze::furniture::is_page_furniture(sentence) {
            out.furniture = true;
            out.furniture_words += sentence.split_whitespace().count();
            continue;
        }
        out.words += sentence.split_whitespace().count();
        out.sentences += 1;
        let part = if kept < 2 {
            &mut out.lead
        } else {
            &mut out.body
        };
        part.push_str(sentence);
        part.push(' ');
        kept += 1;
        if out.lead.len() + out.body.len() > max_bytes && out.words >= MIN_REPORTING_WORDS {
            break;
        }
    }
    Some(out)
}

/// The words of a URL's slug: the path segments written as hyphen- or underscore-joined words
/// ("/2014/03/10/titanfall-will-be-the-first-real-digital-test/"), not ids or section names.
pub(super) fn url_slug(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.split_once('/')?.1;
    let path = path.split(['?', '#']).next().unwrap_or("");
    let mut out = String::new();
    for seg in path.split('/') {
        let seg = seg
            .rsplit_once('.')
            .map_or(seg, |(stem, ext)| if ext.len() <= 5 { stem } else { seg });
        let words: Vec<&str> = seg
            .split(['-', '_', '+'])
            .filter(|w| !w.is_empty() && w.bytes().any(|b| b.is_ascii_alphabetic()))
            .collect();
        if words.len() >= 3 {
            for w in words {
                out.push_str(w);
                out.push(' ');
            }
        }
    }
    (!out.is_empty()).then_some(out)
}
