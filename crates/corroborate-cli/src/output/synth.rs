//! Rendering of summaries, briefings, answers and verifications.

use super::{md_escape, Out};
use crate::OutputFormat;
use corroborate::synth::answer::{Answer, NOT_ANSWERED};
use corroborate::synth::briefing::{
    clean, Briefing, Citation, Disagreement, DisagreementKind, Point,
};
use corroborate::synth::corroboration::SourceCorpora;
use corroborate::synth::facts::FactIndex;
use corroborate::synth::Corpus;
use corroborate::verify::{Report, Verdict};
use serde_json::json;

/// "3 of 5 sources" style corroboration: the sources that state the sentence.
fn corroboration(p: &Point) -> String {
    let noun = if p.of == 1 { "source" } else { "sources" };
    format!("{} of {} {noun}", p.sources, p.of)
}

/// Outlets with similar wording that were not judged to state the sentence, each once.
fn similar_outlets(p: &Point) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for c in &p.related {
        if !out.contains(&c.outlet.as_str()) && !p.outlets.contains(&c.outlet) {
            out.push(&c.outlet);
        }
    }
    out
}

/// The markdown note after a point: who states it, and who only has similar wording.
fn md_note(p: &Point) -> String {
    let similar = similar_outlets(p);
    let mut note = format!("{}: {}", corroboration(p), cite_list(&p.citations));
    if !similar.is_empty() {
        note.push_str(&format!("; similar wording in {}", similar.join(", ")));
    }
    note
}

/// The text lines under a point: its citations, then any similar wording of other sources.
fn text_note(p: &Point, indent: &str) {
    println!(
        "{indent}[{}] {}",
        corroboration(p),
        cite_detail(&p.citations)
    );
    if !p.related.is_empty() {
        println!("{indent}similar wording: {}", cite_detail(&p.related));
    }
}

/// An article's outlet followed by `gap`, or nothing when the article stands for its own outlet (it
/// names none), so that its id is not printed twice.
fn own_outlet(id: &str, outlet: &str, gap: &str) -> String {
    if id == outlet {
        String::new()
    } else {
        format!("{outlet}{gap}")
    }
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

/// "Outlet article#sentence"; an article without a known outlet stands for its own outlet, and is not
/// named twice.
fn cite_detail(cits: &[Citation]) -> String {
    cits.iter()
        .map(|c| {
            format!(
                "{}{}#{}",
                own_outlet(&c.article, &c.outlet, " "),
                c.article,
                c.sentence
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Out {
    /// A summary: text is one sentence per line, nothing else (the form scorers read); markdown and
    /// JSON add each sentence's citations.
    pub fn summary(&self, corpus: &Corpus, picked: &[usize]) {
        if self.format == OutputFormat::Text {
            // The plain summary carries no citations, so it skips the cost of corroborating them.
            for &i in picked {
                println!("{}", clean(corpus.text(&corpus.units[i])));
            }
            return;
        }
        let facts = FactIndex::new(corpus);
        let sources = SourceCorpora::new(corpus);
        let corroborator = sources.corroborator();
        let points = picked
            .iter()
            .map(|&i| corroborator.point(corpus, &facts.support(corpus, i), i));
        if self.format == OutputFormat::Markdown {
            for p in points {
                println!("- {} *({})*", md_escape(&p.text), md_note(&p));
            }
        } else {
            let v: Vec<Point> = points.collect();
            self.json(&json!({ "sentences": v }));
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
                    println!("- {} *({})*", md_escape(&p.text), md_note(p));
                }
            }
            OutputFormat::Text => {
                if !a.supported {
                    println!("{}", NOT_ANSWERED);
                    return;
                }
                for p in &a.sentences {
                    println!("{}", p.text);
                    text_note(p, "    ");
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
        println!("- {} *({})*", md_escape(&p.text), md_note(p));
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
                let text = if q.direct || q.display != q.text {
                    q.display.clone()
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
                md_escape(&f.label),
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
            "- `{}` {}— {}{}{}",
            a.id,
            md_escape(&own_outlet(&a.id, &a.outlet, " ")),
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
        text_note(p, "      ");
    }
    if !b.single_source.is_empty() {
        println!("\nREPORTED BY ONE OUTLET ONLY");
        for (outlet, points, more) in single_source_by_outlet(b) {
            for p in points {
                println!("  * {outlet}: {}  [{}]", p.text, cite_detail(&p.citations));
            }
            if more > 0 {
                println!("  * {outlet}: ... and {more} more (--format json lists all)");
            }
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
                println!("    - {}  [{}]", q.display, cite_list(&q.citations));
            }
        }
    }
    if !b.figures.is_empty() {
        println!("\nKEY FIGURES");
        for f in &b.figures {
            let noun = if f.sources == 1 { "source" } else { "sources" };
            println!(
                "  * {} ({}, {} {noun}: {})",
                f.label,
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
            "  {}  {}{}{}",
            a.id,
            own_outlet(&a.id, &a.outlet, "  "),
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
    pub fn verification(&self, r: &Report) {
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
