//! Rendering of command results as text, Markdown or JSON.

use crate::OutputFormat;
use corroborate::cluster::Story;
use corroborate::entities::{Entity, QuoteRecord};
use corroborate::index::Hit;
use corroborate::model::StoredArticle;
use corroborate::store::StoreStats;
use corroborate::synth::answer::{Answer, NOT_ANSWERED};
use corroborate::synth::briefing::{
    clean, point, Briefing, Citation, Disagreement, DisagreementKind, Point,
};
use corroborate::synth::facts::FactIndex;
use corroborate::synth::Corpus;
use corroborate::verify::{Report, Verdict};
use serde_json::json;
use std::path::Path;

pub struct Out {
    format: OutputFormat,
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
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
            let v = json!({
                "article": art,
                "seq": a.seq,
                "duplicate_of": a.duplicate_of,
                "lang": an.lang,
                "dateline": an.dateline.map(|d| art.slice(d).trim().to_string()),
                "sentences": an.sentences.iter().enumerate().map(|(i, s)| json!({"index": i, "paragraph": s.paragraph, "start": s.span.start, "end": s.span.end, "text": art.slice(s.span)})).collect::<Vec<_>>(),
                "mentions": an.mentions.iter().map(|m| json!({"text": art.slice(m.span), "kind": m.kind.as_str(), "key": m.key, "title": m.title, "sentence": m.sentence})).collect::<Vec<_>>(),
                "quotes": an.quotes.iter().map(|q| json!({"speaker": q.speaker.as_ref().map(|s| &s.name), "speaker_key": q.speaker.as_ref().and_then(|s| s.key.clone()), "text": art.slice(q.span), "direct": q.direct, "cue": q.cue, "sentence": q.sentence})).collect::<Vec<_>>(),
                "figures": an.figures.iter().map(|f| json!({"text": art.slice(f.span), "kind": f.kind.as_str(), "value": f.value, "unit": f.unit, "context": f.context, "sentence": f.sentence})).collect::<Vec<_>>(),
            });
            self.json(&v);
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
        h(&format!("Sentences ({})", an.sentences.len()));
        for (i, s) in an.sentences.iter().enumerate() {
            println!("{}[{i}] {}", if md { "- " } else { "" }, art.slice(s.span));
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
                if md { "- " } else { "" },
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
            let kind = if q.direct { "direct" } else { "indirect" };
            println!(
                "{}{who} ({kind}, s{}): {}",
                if md { "- " } else { "" },
                q.sentence,
                art.slice(q.span)
            );
        }
        h(&format!("Figures ({})", an.figures.len()));
        for f in &an.figures {
            println!(
                "{}{}  {} = {} {}  [s{}: {}]",
                if md { "- " } else { "" },
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
                let v: Vec<_> = quotes.iter().map(|q| json!({"article": q.article, "outlet": q.outlet, "speaker": q.speaker, "speaker_key": q.speaker_key, "text": q.text, "direct": q.direct, "cue": q.cue, "sentence": q.sentence})).collect();
                self.json(&v);
            }
            OutputFormat::Markdown => {
                for q in quotes {
                    let who = q.speaker.as_deref().unwrap_or("(unattributed)");
                    let text = if q.direct {
                        format!("“{}”", q.text)
                    } else {
                        q.text.clone()
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
                    } else {
                        format!("(indirect) {}", q.text)
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

/// "3 of 5 outlets" style corroboration.
fn corroboration(p: &Point) -> String {
    let noun = if p.of == 1 { "source" } else { "sources" };
    format!("{} of {} {noun}", p.sources, p.of)
}

fn cite_list(cits: &[Citation]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for c in cits {
        if !names.contains(&c.outlet.as_str()) {
            names.push(&c.outlet);
        }
    }
    names.join(", ")
}

fn cite_detail(cits: &[Citation]) -> String {
    cits.iter()
        .map(|c| format!("{} {}#{}", c.outlet, c.article, c.sentence))
        .collect::<Vec<_>>()
        .join("; ")
}

impl Out {
    /// A summary: text is one sentence per line, nothing else (the form scorers read); markdown and
    /// JSON add each sentence's citations.
    pub fn summary(&self, corpus: &Corpus, picked: &[usize]) {
        let facts = FactIndex::new(corpus);
        let points = || {
            picked
                .iter()
                .map(|&i| point(corpus, &facts, i, &facts.support(corpus, i)))
        };
        match self.format {
            OutputFormat::Text => {
                for &i in picked {
                    println!("{}", clean(corpus.text(&corpus.units[i])));
                }
            }
            OutputFormat::Markdown => {
                for p in points() {
                    println!(
                        "- {} *({}: {})*",
                        md_escape(&p.text),
                        corroboration(&p),
                        cite_list(&p.citations)
                    );
                }
            }
            OutputFormat::Json => {
                let v: Vec<Point> = points().collect();
                self.json(&json!({ "sentences": v }));
            }
        }
    }

    pub fn briefing(&self, b: &Briefing) {
        match self.format {
            OutputFormat::Json => self.json(b),
            OutputFormat::Markdown => briefing_markdown(b),
            OutputFormat::Text => briefing_text(b),
        }
    }

    pub fn answer(&self, a: &Answer) {
        match self.format {
            OutputFormat::Json => self.json(a),
            OutputFormat::Markdown => {
                println!("**Q:** {}\n", md_escape(&a.question));
                if !a.supported {
                    println!("**A:** {}", NOT_ANSWERED);
                    return;
                }
                println!("**A:**\n");
                for p in &a.sentences {
                    println!(
                        "- {} *({}: {})*",
                        md_escape(&p.text),
                        corroboration(p),
                        cite_list(&p.citations)
                    );
                }
            }
            OutputFormat::Text => {
                if !a.supported {
                    println!("{}", NOT_ANSWERED);
                    return;
                }
                for p in &a.sentences {
                    println!("{}", p.text);
                    println!("    [{}] {}", corroboration(p), cite_detail(&p.citations));
                }
            }
        }
    }
}

fn briefing_markdown(b: &Briefing) {
    println!("# {}\n", md_escape(&b.title));
    println!(
        "*{} articles from {} outlets, {} independent sources*\n",
        b.articles.len(),
        b.outlets.len(),
        b.sources
    );
    println!("## What happened\n");
    for p in &b.summary {
        println!(
            "- {} *({}: {})*",
            md_escape(&p.text),
            corroboration(p),
            cite_list(&p.citations)
        );
    }
    if !b.single_source.is_empty() {
        println!("\n## Reported by one outlet only\n");
        for (outlet, points, more) in single_source_by_outlet(b) {
            for p in points {
                println!("- **{}:** {}", md_escape(outlet), md_escape(&p.text));
            }
            if more > 0 {
                println!(
                    "- **{}:** *... and {more} more (`--format json` lists all)*",
                    md_escape(outlet)
                );
            }
        }
    }
    if !b.disagreements.is_empty() {
        println!("\n## Where outlets disagree\n");
        for d in &b.disagreements {
            println!("- **{}** ({}):", disagreement_label(d), md_escape(&d.about));
            for v in &d.versions {
                let who = v
                    .speaker
                    .as_deref()
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default();
                println!(
                    "  - \"{}\"{} — {}: {}",
                    md_escape(&v.text),
                    md_escape(&who),
                    cite_list(&v.citations),
                    md_escape(&v.sentence)
                );
            }
        }
    }
    if !b.quotes.is_empty() {
        println!("\n## Who said what\n");
        for s in &b.quotes {
            println!("**{}**\n", md_escape(&s.speaker));
            for q in &s.quotes {
                let text = if q.direct {
                    format!("\"{}\"", q.text)
                } else {
                    format!("(reported) {}", q.text)
                };
                println!("- {} — *{}*", md_escape(&text), cite_list(&q.citations));
            }
            println!();
        }
    }
    if !b.figures.is_empty() {
        println!("## Key figures\n");
        println!("| figure | kind | sources | outlets | first reported in |");
        println!("|---|---|---|---|---|");
        for f in &b.figures {
            println!(
                "| {} | {} | {} | {} | {} |",
                md_escape(&f.text),
                f.kind.as_str(),
                f.sources,
                md_escape(&cite_list(&f.citations)),
                md_escape(&f.sentence)
            );
        }
    }
    if !b.timeline.is_empty() {
        println!("\n## Timeline\n");
        for t in &b.timeline {
            println!(
                "- **{}** — {} *({})*",
                t.date,
                md_escape(&t.text),
                cite_list(&t.citations)
            );
        }
    }
    println!("\n## Sources\n");
    for a in &b.articles {
        let copy = a
            .copy_of
            .as_deref()
            .map(|c| format!(" (copy of `{c}`)"))
            .unwrap_or_default();
        println!(
            "- `{}` {} — {}{}{}",
            a.id,
            md_escape(&a.outlet),
            md_escape(a.title.as_deref().unwrap_or("(untitled)")),
            a.published
                .as_deref()
                .map(|p| format!(", {}", &p[..p.len().min(10)]))
                .unwrap_or_default(),
            copy
        );
    }
}

/// Most one-outlet claims shown per outlet in text and markdown (JSON carries them all).
const SINGLE_SOURCE_SHOWN: usize = 8;

/// One-outlet claims grouped by outlet (in first-seen order): the first few, and how many more.
fn single_source_by_outlet(b: &Briefing) -> Vec<(&str, Vec<&Point>, usize)> {
    let mut groups: Vec<(&str, Vec<&Point>)> = Vec::new();
    for p in &b.single_source {
        let outlet = p.outlets[0].as_str();
        match groups.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, v)) => v.push(p),
            None => groups.push((outlet, vec![p])),
        }
    }
    groups
        .into_iter()
        .map(|(o, mut v)| {
            let more = v.len().saturating_sub(SINGLE_SOURCE_SHOWN);
            v.truncate(SINGLE_SOURCE_SHOWN);
            (o, v, more)
        })
        .collect()
}

fn disagreement_label(d: &Disagreement) -> &'static str {
    match d.kind {
        DisagreementKind::Figure => "different figures",
        DisagreementKind::QuoteWording => "different wording of a quote",
        DisagreementKind::Attribution => "same words, different speakers",
    }
}

fn briefing_text(b: &Briefing) {
    println!("{}", b.title);
    println!(
        "{} articles from {} outlets, {} independent sources\n",
        b.articles.len(),
        b.outlets.len(),
        b.sources
    );
    println!("WHAT HAPPENED");
    for p in &b.summary {
        println!("  * {}", p.text);
        println!("      [{}] {}", corroboration(p), cite_detail(&p.citations));
    }
    if !b.single_source.is_empty() {
        println!("\nREPORTED BY ONE OUTLET ONLY");
        for p in &b.single_source {
            println!(
                "  * {}: {}  [{}]",
                p.outlets[0],
                p.text,
                cite_detail(&p.citations)
            );
        }
    }
    if !b.disagreements.is_empty() {
        println!("\nWHERE OUTLETS DISAGREE");
        for d in &b.disagreements {
            println!("  * {} ({}):", disagreement_label(d), d.about);
            for v in &d.versions {
                let who = v
                    .speaker
                    .as_deref()
                    .map(|s| format!(" ({s})"))
                    .unwrap_or_default();
                println!("      {:?}{} -- {}", v.text, who, cite_detail(&v.citations));
            }
        }
    }
    if !b.quotes.is_empty() {
        println!("\nWHO SAID WHAT");
        for s in &b.quotes {
            println!("  {}", s.speaker);
            for q in &s.quotes {
                let mark = if q.direct { "\"" } else { "" };
                println!(
                    "    - {mark}{}{mark}  [{}]",
                    q.text,
                    cite_list(&q.citations)
                );
            }
        }
    }
    if !b.figures.is_empty() {
        println!("\nKEY FIGURES");
        for f in &b.figures {
            println!(
                "  * {} ({}, {} sources: {})",
                f.text,
                f.kind.as_str(),
                f.sources,
                cite_list(&f.citations)
            );
        }
    }
    if !b.timeline.is_empty() {
        println!("\nTIMELINE");
        for t in &b.timeline {
            println!("  {}  {}  [{}]", t.date, t.text, cite_list(&t.citations));
        }
    }
    println!("\nSOURCES");
    for a in &b.articles {
        let copy = a
            .copy_of
            .as_deref()
            .map(|c| format!(" (copy of {c})"))
            .unwrap_or_default();
        println!(
            "  {}  {}  {}{}",
            a.id,
            a.outlet,
            a.title.as_deref().unwrap_or("(untitled)"),
            copy
        );
    }
}

fn verdict_label(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "SUPPORTED",
        Verdict::Unsupported => "UNSUPPORTED",
        Verdict::Contradicted => "CONTRADICTED",
    }
}

impl Out {
    /// A verification: the claims in input order, each marked, with its reason and evidence.
    pub fn verification(&self, _text: &str, r: &Report) {
        match self.format {
            OutputFormat::Json => self.json(r),
            OutputFormat::Markdown => {
                println!(
                    "**{} claims: {} supported, {} unsupported, {} contradicted**\n",
                    r.summary.claims,
                    r.summary.supported,
                    r.summary.unsupported,
                    r.summary.contradicted
                );
                for c in &r.claims {
                    let mark = match c.verdict {
                        Verdict::Supported => "✅",
                        Verdict::Unsupported => "❓",
                        Verdict::Contradicted => "❌",
                    };
                    println!(
                        "- {mark} **{}** {} *({}; score {:.2})*",
                        verdict_label(c.verdict),
                        md_escape(&c.text),
                        md_escape(&c.reason),
                        c.score
                    );
                    for e in &c.evidence {
                        println!(
                            "  - > {} — *{} {}#{}*",
                            md_escape(&e.text),
                            md_escape(&e.outlet),
                            e.article,
                            e.sentence
                        );
                    }
                }
            }
            OutputFormat::Text => {
                for c in &r.claims {
                    println!("[{}] {}", verdict_label(c.verdict), c.text);
                    println!(
                        "    {} (score {:.2}, bytes {}..{})",
                        c.reason, c.score, c.start, c.end
                    );
                    for e in &c.evidence {
                        println!(
                            "    | {}  [{} {}#{}]",
                            e.text, e.outlet, e.article, e.sentence
                        );
                    }
                }
                println!(
                    "\n{} claims: {} supported, {} unsupported, {} contradicted",
                    r.summary.claims,
                    r.summary.supported,
                    r.summary.unsupported,
                    r.summary.contradicted
                );
            }
        }
    }
}

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
