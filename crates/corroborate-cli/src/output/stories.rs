//! Rendering of stories.

use super::{md_escape, Out};
use crate::OutputFormat;
use corroborate::cluster::Story;

fn day(d: Option<chrono::DateTime<chrono::Utc>>) -> String {
    d.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_else(|| "undated".into())
}

fn span_of(s: &Story) -> String {
    let (a, b) = (day(s.first), day(s.last));
    if a == b {
        a
    } else {
        format!("{a} to {b}")
    }
}

impl Out {
    pub fn stories(&self, list: &[Story]) {
        match self.format {
            OutputFormat::Json => self.json(&list),
            OutputFormat::Markdown => {
                println!("| story | label | articles | sources | outlets | dates |");
                println!("|---|---|---|---|---|---|");
                for s in list {
                    println!(
                        "| {} | {} | {} | {} | {} | {} |",
                        s.id,
                        md_escape(&s.label),
                        s.articles,
                        s.sources,
                        md_escape(&s.outlets.join(", ")),
                        span_of(s)
                    );
                }
            }
            OutputFormat::Text => {
                if list.is_empty() {
                    println!("no stories");
                }
                for s in list {
                    println!(
                        "story {}: {}  ({} articles, {} sources; {})",
                        s.id,
                        s.label,
                        s.articles,
                        s.sources,
                        span_of(s)
                    );
                    println!("    outlets: {}", s.outlets.join(", "));
                }
            }
        }
    }

    pub fn story(&self, s: &Story, members: &[&corroborate::model::Article]) {
        match self.format {
            OutputFormat::Json => self.json(s),
            OutputFormat::Markdown | OutputFormat::Text => {
                let md = self.format == OutputFormat::Markdown;
                if md {
                    println!("## Story {}: {}\n", s.id, md_escape(&s.label));
                } else {
                    println!("story {}: {}", s.id, s.label);
                }
                println!(
                    "{} articles, {} independent sources, {}",
                    s.articles,
                    s.sources,
                    span_of(s)
                );
                if !s.top_names.is_empty() {
                    println!("names: {}", s.top_names.join(", "));
                }
                if !s.top_places.is_empty() {
                    println!("places: {}", s.top_places.join(", "));
                }
                if md {
                    println!();
                }
                for a in members {
                    println!(
                        "{}{}  {}  {}  {}",
                        if md { "- " } else { "    " },
                        a.id,
                        a.outlet(),
                        day(a.published),
                        a.title.as_deref().unwrap_or("(untitled)")
                    );
                }
            }
        }
    }
}
