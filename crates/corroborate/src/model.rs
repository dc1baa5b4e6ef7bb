//! The types that flow between pipeline stages.
//!
//! `ingest` produces [`Article`]s, `analyze` turns each into an [`Analysis`], `dedupe` links near copies,
//! and the store keeps both as a [`StoredArticle`]. Offsets are byte offsets into [`Article::text`], so every
//! sentence, mention, quote and figure can be traced back to the exact source text.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The input form an article came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Text,
    Html,
    Feed,
    Jsonl,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Feed => "feed",
            Format::Jsonl => "jsonl",
        }
    }
}

/// Where an article was read from: a file (and line or entry for multi-record files) or stdin.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Origin {
    pub path: String,
    pub line: Option<u64>,
    pub format: Format,
}

impl Origin {
    /// Text that did not come from a file (a claim to verify, a test).
    pub fn inline(name: &str) -> Self {
        Origin {
            path: name.into(),
            line: None,
            format: Format::Text,
        }
    }
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => write!(f, "{}", self.path),
        }
    }
}

/// One news article, cleaned: `text` holds the body only, one paragraph per line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub id: String,
    pub title: Option<String>,
    /// The outlet (site name, feed title or `source` field).
    pub source: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub url: Option<String>,
    pub byline: Option<String>,
    /// Language declared by the input, if any (analysis detects its own).
    pub lang: Option<String>,
    pub text: String,
    pub origin: Origin,
}

impl Article {
    /// An article with only an id, a body and where it came from; the optional fields start empty.
    pub fn new(id: impl Into<String>, text: impl Into<String>, origin: Origin) -> Self {
        Article {
            id: id.into(),
            title: None,
            source: None,
            published: None,
            url: None,
            byline: None,
            lang: None,
            text: text.into(),
            origin,
        }
    }

    /// The outlet name used for attribution: the declared source, else the URL's host, else the id.
    pub fn outlet(&self) -> String {
        if let Some(s) = self.source.as_deref().filter(|s| !s.trim().is_empty()) {
            return s.trim().to_string();
        }
        if let Some(host) = self.url.as_deref().and_then(url_host) {
            return host.to_string();
        }
        self.id.clone()
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }
}

fn url_host(url: &str) -> Option<&str> {
    let rest = url.split_once("://").map(|(_, r)| r)?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }
    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub fn overlap(self, other: Span) -> usize {
        let s = self.start.max(other.start);
        let e = self.end.min(other.end);
        e.saturating_sub(s) as usize
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityKind {
    Person,
    Place,
    Organization,
    Other,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Organization => "organization",
            EntityKind::Other => "other",
        }
    }
}

/// A name in the text. `key` is canonical: spelling and transliteration variants of one entity share it
/// ("Zelensky", "Zelenskyy" and a later bare "Zelenskiy" all map to one key).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The name itself, without any title.
    pub span: Span,
    pub sentence: u32,
    pub kind: EntityKind,
    pub key: String,
    /// A title or role written with the name ("Foreign Minister"), if any.
    pub title: Option<String>,
}

/// Who a quote is attributed to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The best name for the speaker: a resolved person's full name, or the phrase itself ("a source").
    pub name: String,
    /// Canonical entity key when the speaker resolved to a named entity.
    pub key: Option<String>,
    /// The phrase in the text that names the speaker ("he", "the minister", "Lavrov").
    pub span: Span,
}

/// A direct ("...", X said) or indirect (X said that ...) quote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// What was said: inside the quote marks for direct quotes, the reported clause for indirect ones.
    pub span: Span,
    pub sentence: u32,
    pub direct: bool,
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase ("said", "according to").
    pub cue: Option<String>,
}

impl Quote {
    /// Whether the quote reports speech (direct, or cued by a verb of saying) rather than a stance
    /// ("endorsed the plan", "worried about the economy"): "who said what" lists speech only.
    pub fn is_speech(&self) -> bool {
        self.direct
            || self
                .cue
                .as_deref()
                .is_none_or(crate::analyze::quotes::is_speech_cue)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FigureKind {
    Number,
    Money,
    Percent,
    Date,
    Duration,
}

impl FigureKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Number => "number",
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Date => "date",
            FigureKind::Duration => "duration",
        }
    }
}

/// A number, amount, percentage, date or duration, normalised so outlets can be compared
/// ("$324bn" and "324 billion dollars" have the same `value` and `unit`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub span: Span,
    pub sentence: u32,
    pub kind: FigureKind,
    pub value: f64,
    /// Normalised unit: currency code, "percent", a time unit, a counted noun ("sanctions"), or a date granularity.
    pub unit: Option<String>,
    /// Content words around the figure that say what it measures.
    pub context: Vec<String>,
}

/// Everything `analyze` derives from one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Detected ISO 639-1 language code.
    pub lang: Option<String>,
    /// A leading dateline ("RIYADH --"), excluded from the first sentence.
    pub dateline: Option<Span>,
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    pub word_count: u32,
}

/// An article as kept in the store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StoredArticle {
    pub article: Article,
    pub analysis: Analysis,
    /// Ingest order, starting at 1.
    pub seq: u64,
    /// The article this one is a (near-)copy of: wire copies count as one source.
    pub duplicate_of: Option<String>,
}
