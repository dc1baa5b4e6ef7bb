//! Rendering of command results as text, Markdown or JSON.

mod stories;
mod synth;

use crate::OutputFormat;
use corroborate::entities::{Entity, QuoteRecord};
use corroborate::index::Hit;
use corroborate::model::StoredArticle;
use corroborate::store::StoreStats;
use serde_json::json;
use std::path::Path;

pub struct Out {
    format: OutputFormat,
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Reported speech led by its cue where the words need it, as the briefing prints it.
fn reported(q: &QuoteRecord) -> String {
    corroborate::analyze::quotes::reported_speech(&q.text, q.cue.as_deref(), &q.sentence)
}

impl Out {
    pub fn new(format: OutputFormat) -> Self {
        Out { format }
    }

    fn json(&self, v: &impl serde::Serialize) {
        println!("{}", serde_json::to_string_pretty(v).expect("serialisable"));
    }

    pub fn search(&self, hits: &[Hit]) {
        match self.format {
            OutputFormat::Json => self.json(&hits),
            OutputFormat::Text | OutputFormat::Markdown => {
                let md = self.format == OutputFormat::Markdown;
                if hits.is_empty() {
                    println!("no matches");
                }
                for (i, h) in hits.iter().enumerate() {
                    let title = h.title.as_deref().unwrap_or("(untitled)");
                    let meta = [
                        h.source.as_deref(),
                        h.published.as_deref().map(|p| &p[..p.len().min(10)]),
                    ]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(", ");
                    let snippet = highlight(
                        &h.snippet,
                        &h.highlights,
                        if md { ("**", "**") } else { ("[", "]") },
                    );
                    if md {
                        println!(
                            "{}. **{}** ({}) `{}`\n   > {}\n",
                            i + 1,
                            md_escape(title),
                            meta,
                            h.id,
                            snippet
                        );
                    } else {
                        println!(
                            "{:>2}. {} ({})  id={}  score={:.2}\n    {}\n",
                            i + 1,
                            title,
                            meta,
                            h.id,
                            h.score,
                            snippet
                        );
                    }
                }
            }
        }
    }

    pub fn article(&self, a: &StoredArticle) {
        let art = &a.article;
        let an = &a.analysis;
        let sent = |i: u32| {
            an.sentences
                .get(i as usize)
                .map(|s| art.slice(s.span))
                .unwrap_or("")
        };
        if self.format == OutputFormat::Json {
            self.json(&article_json(a));
            return;
        }
        let md = self.format == OutputFormat::Markdown;
        let h = |s: &str| {
            if md {
                println!("\n## {s}\n")
            } else {
                println!("\n{s}\n{}", "-".repeat(s.len()))
            }
        };
        if md {
            println!("# {}\n", art.title.as_deref().unwrap_or(&art.id));
        } else {
            println!("{}", art.title.as_deref().unwrap_or(&art.id));
        }
        println!(
            "id: {}  outlet: {}  published: {}  language: {}",
            art.id,
            art.outlet(),
            art.published
                .map(|d| d.to_rfc3339())
                .unwrap_or_else(|| "unknown".into()),
            an.lang.as_deref().unwrap_or("?")
        );
        println!(
            "from: {}{}",
            art.origin,
            art.url
                .as_deref()
                .map(|u| format!("  url: {u}"))
                .unwrap_or_default()
        );
        if let Some(d) = &a.duplicate_of {
            println!("near-duplicate of: {d} (counts as the same source)");
        }
        // List items are bullets in markdown, bare lines in text.
        let bullet = if md { "- " } else { "" };
        h(&format!("Sentences ({})", an.sentences.len()));
        for (i, s) in an.sentences.iter().enumerate() {
            println!("{bullet}[{i}] {}", art.slice(s.span));
        }
        h(&format!("Mentions ({})", an.mentions.len()));
        for m in &an.mentions {
            let title = m
                .title
                .as_deref()
                .map(|t| format!(" ({t})"))
                .unwrap_or_default();
            println!(
                "{}{}{title}  {}  {}  [s{}]",
                bullet,
                art.slice(m.span),
                m.kind.as_str(),
                m.key,
                m.sentence
            );
        }
        h(&format!("Quotes ({})", an.quotes.len()));
        for q in &an.quotes {
            let who = q
                .speaker
                .as_ref()
                .map(|s| s.name.as_str())
                .unwrap_or("(unattributed)");
            let kind = match (q.direct, q.is_speech()) {
                (true, _) => "direct",
                (false, true) => "indirect",
                (false, false) => "stance",
            };
            println!(
                "{}{who} ({kind}, s{}): {}",
                bullet,
                q.sentence,
                art.slice(q.span)
            );
        }
        h(&format!("Figures ({})", an.figures.len()));
        for f in &an.figures {
            println!(
                "{}{}  {} = {} {}  [s{}: {}]",
                bullet,
                art.slice(f.span),
                f.kind.as_str(),
                f.value,
                f.unit.as_deref().unwrap_or(""),
                f.sentence,
                truncate(sent(f.sentence), 80)
            );
        }
    }

    pub fn stats(&self, s: &StoreStats, dir: &Path) {
        match self.format {
            OutputFormat::Json => self.json(&json!({"data_dir": dir, "stats": s})),
            _ => {
                let md = self.format == OutputFormat::Markdown;
                let rows = [
                    ("data directory", dir.display().to_string()),
                    ("articles", s.articles.to_string()),
                    ("near-duplicates", s.duplicates.to_string()),
                    (
                        "independent articles",
                        (s.articles - s.duplicates).to_string(),
                    ),
                    ("outlets", s.outlets.to_string()),
                    ("sentences", s.sentences.to_string()),
                    ("name mentions", s.mentions.to_string()),
                    ("quotes", s.quotes.to_string()),
                    ("figures", s.figures.to_string()),
                    (
                        "languages",
                        s.languages
                            .iter()
                            .map(|(l, n)| format!("{l} {n}"))
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                    (
                        "dates",
                        format!(
                            "{} .. {}",
                            s.earliest.as_deref().unwrap_or("?"),
                            s.latest.as_deref().unwrap_or("?")
                        ),
                    ),
                ];
                if md {
                    println!("| | |\n|---|---|");
                    for (k, v) in rows {
                        println!("| {k} | {} |", md_escape(&v));
                    }
                } else {
                    for (k, v) in rows {
                        println!("{k:>22}: {v}");
                    }
                }
            }
        }
    }

    pub fn entities(&self, ents: &[Entity]) {
        match self.format {
            OutputFormat::Json => {
                let v: Vec<_> = ents.iter().map(|e| json!({"name": e.name, "kind": e.kind.as_str(), "key": e.key, "variants": e.variants, "articles": e.articles, "mentions": e.mentions, "titles": e.titles})).collect();
                self.json(&v);
            }
            OutputFormat::Markdown => {
                println!("| name | kind | articles | mentions | variants | titles |\n|---|---|---|---|---|---|");
                for e in ents {
                    println!(
                        "| {} | {} | {} | {} | {} | {} |",
                        md_escape(&e.name),
                        e.kind.as_str(),
                        e.articles.len(),
                        e.mentions,
                        md_escape(&e.variants.join(", ")),
                        md_escape(&e.titles.join(", "))
                    );
                }
            }
            OutputFormat::Text => {
                for e in ents {
                    let titles = if e.titles.is_empty() {
                        String::new()
                    } else {
                        format!("  [{}]", e.titles.join("; "))
                    };
                    println!(
                        "{:<32} {:<12} {:>3} articles {:>4} mentions  {}{titles}",
                        e.name,
                        e.kind.as_str(),
                        e.articles.len(),
                        e.mentions,
                        e.variants.join(" / ")
                    );
                }
            }
        }
    }

    pub fn quotes(&self, quotes: &[QuoteRecord]) {
        match self.format {
            OutputFormat::Json => {
                let v: Vec<_> = quotes.iter().map(|q| json!({"article": q.article, "outlet": q.outlet, "speaker": q.speaker, "speaker_key": q.speaker_key, "text": q.text, "direct": q.direct, "speech": q.speech, "cue": q.cue, "sentence": q.sentence})).collect();
                self.json(&v);
            }
            OutputFormat::Markdown => {
                for q in quotes {
                    let who = q.speaker.as_deref().unwrap_or("(unattributed)");
                    let text = if q.direct {
                        format!("“{}”", q.text)
                    } else {
                        reported(q)
                    };
                    println!(
                        "- **{}**: {} — _{}_ (`{}`)",
                        md_escape(who),
                        md_escape(&text),
                        md_escape(&q.outlet),
                        q.article
                    );
                }
            }
            OutputFormat::Text => {
                for q in quotes {
                    let who = q.speaker.as_deref().unwrap_or("(unattributed)");
                    let text = if q.direct {
                        format!("“{}”", q.text)
                    } else if q.speech {
                        format!("(indirect) {}", reported(q))
                    } else {
                        format!("({}) {}", q.cue.as_deref().unwrap_or("stance"), q.text)
                    };
                    println!("{who}: {text}  [{}]", q.article);
                }
            }
        }
    }
}

impl Out {
    pub fn clusters(
        &self,
        docs: &[(
            &corroborate::model::Article,
            Option<&corroborate::model::Analysis>,
        )],
        stories: &[u32],
    ) {
        if self.format == OutputFormat::Json {
            let v: Vec<_> = docs
                .iter()
                .zip(stories)
                .map(|((a, _), s)| json!({"id": a.id, "story": s}))
                .collect();
            self.json(&v);
            return;
        }
        let mut groups: std::collections::BTreeMap<u32, Vec<usize>> =
            std::collections::BTreeMap::new();
        for (i, s) in stories.iter().enumerate() {
            groups.entry(*s).or_default().push(i);
        }
        let md = self.format == OutputFormat::Markdown;
        for (s, members) in groups {
            let member_docs: Vec<_> = members.iter().map(|&i| docs[i]).collect();
            let label = corroborate::cluster::label(&member_docs);
            let outlets: std::collections::BTreeSet<String> =
                member_docs.iter().map(|(a, _)| a.outlet()).collect();
            if md {
                println!("## Story {s}: {}\n", md_escape(&label));
            } else {
                println!(
                    "story {s}: {label}  ({} articles, {} outlets)",
                    members.len(),
                    outlets.len()
                );
            }
            for (a, _) in member_docs {
                println!(
                    "{}{}  [{}]",
                    if md { "- " } else { "    " },
                    a.title.as_deref().unwrap_or(&a.id),
                    a.outlet()
                );
            }
            println!();
        }
    }
}

/// An article with its analysis, as `show --format json` and the HTTP API give it.
pub fn article_json(a: &StoredArticle) -> serde_json::Value {
    let art = &a.article;
    let an = &a.analysis;
    json!({
        "article": art,
        "seq": a.seq,
        "duplicate_of": a.duplicate_of,
        "lang": an.lang,
        "dateline": an.dateline.map(|d| art.slice(d).trim().to_string()),
        "sentences": an.sentences.iter().enumerate().map(|(i, s)| json!({"index": i, "paragraph": s.paragraph, "start": s.span.start, "end": s.span.end, "text": art.slice(s.span)})).collect::<Vec<_>>(),
        "mentions": an.mentions.iter().map(|m| json!({"text": art.slice(m.span), "kind": m.kind.as_str(), "key": m.key, "title": m.title, "sentence": m.sentence})).collect::<Vec<_>>(),
        "quotes": an.quotes.iter().map(|q| json!({"speaker": q.speaker.as_ref().map(|s| &s.name), "speaker_key": q.speaker.as_ref().and_then(|s| s.key.clone()), "text": art.slice(q.span), "direct": q.direct, "speech": q.is_speech(), "cue": q.cue, "sentence": q.sentence})).collect::<Vec<_>>(),
        "figures": an.figures.iter().map(|f| json!({"text": art.slice(f.span), "kind": f.kind.as_str(), "value": f.value, "unit": f.unit, "context": f.context, "sentence": f.sentence})).collect::<Vec<_>>(),
    })
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
    }
}

fn highlight(s: &str, ranges: &[(usize, usize)], marks: (&str, &str)) -> String {
    let mut out = String::new();
    let mut last = 0;
    for &(a, b) in ranges {
        if a < last || b > s.len() || !s.is_char_boundary(a) || !s.is_char_boundary(b) {
            continue;
        }
        out.push_str(&s[last..a]);
        out.push_str(marks.0);
        out.push_str(&s[a..b]);
        out.push_str(marks.1);
        last = b;
    }
    out.push_str(&s[last..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
