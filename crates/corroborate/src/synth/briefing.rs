//! The editor's view of a story: what happened (cited, with how many independent outlets report each
//! point), what only one outlet claims, where outlets disagree, who said what, the key figures and a
//! timeline. Every text in a `Briefing` is a source sentence, a quote or a figure as written, with the
//! article and sentence it comes from.

use super::corpus::{Corpus, Unit};
use super::corroboration::{Corroborator, SourceCorpora};
use super::facts::{outlets_of, FactIndex, Match};
use super::{summarize, Budget, SummaryOptions};
use crate::analyze::tokens::{normalize, stem, tokenize, TokenKind};
use crate::entities::{collect_quotes, QuoteRecord};
use crate::model::{Analysis, Article, Figure, FigureKind};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Where a statement comes from: an article, its outlet, and the sentence index in its analysis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Citation {
    pub article: String,
    pub outlet: String,
    pub sentence: u32,
    /// The cited sentence as written.
    pub text: String,
}

/// A source sentence with the outlets that report the same information.
#[derive(Clone, Debug, Serialize)]
pub struct Point {
    pub text: String,
    /// The sentence itself first, then the best supporting sentence of each other source.
    pub citations: Vec<Citation>,
    /// Distinct outlet names among the citations.
    pub outlets: Vec<String>,
    /// Independent sources (wire copies count once) that report it.
    pub sources: u32,
    /// Independent sources in the whole set, for "3 of 5".
    pub of: u32,
    /// Sentences of further sources that share much of its wording but are not judged to state it
    /// (the same people in a different fact, or a paraphrase the check cannot confirm).
    pub related: Vec<Citation>,
}

/// One version in a disagreement.
#[derive(Clone, Debug, Serialize)]
pub struct Version {
    /// The figure or quote as written.
    pub text: String,
    /// Who it is attributed to (quotes).
    pub speaker: Option<String>,
    /// The sentence it appears in.
    pub sentence: String,
    pub citations: Vec<Citation>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DisagreementKind {
    /// Different figures for the same quantity.
    Figure,
    /// Different wording of the same speaker's quote.
    QuoteWording,
    /// The same words attributed to different speakers.
    Attribution,
}

#[derive(Clone, Debug, Serialize)]
pub struct Disagreement {
    pub kind: DisagreementKind,
    /// What the versions are about (the counted thing, or the speaker).
    pub about: String,
    pub versions: Vec<Version>,
}

/// One quote (merged across outlets that carry the same words).
#[derive(Clone, Debug, Serialize)]
pub struct QuoteItem {
    pub text: String,
    pub direct: bool,
    /// The verb or phrase that reports it ("said", "accused").
    pub cue: Option<String>,
    /// The quote as a briefing prints it: direct words in quote marks; reported speech led by its cue
    /// when the words are what the cue acts on ("accused the US of ...", not "the US of ...").
    pub display: String,
    pub citations: Vec<Citation>,
}

impl QuoteItem {
    /// `sentence` is the one the quote was found in: a cue it follows with "that" is printed so.
    fn new(
        text: String,
        direct: bool,
        cue: Option<String>,
        sentence: &str,
        citation: Citation,
    ) -> Self {
        let display = if direct {
            format!("\"{text}\"")
        } else {
            crate::analyze::quotes::reported_speech(&text, cue.as_deref(), sentence)
        };
        QuoteItem {
            text,
            direct,
            cue,
            display,
            citations: vec![citation],
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct SpeakerQuotes {
    pub speaker: String,
    pub key: Option<String>,
    pub quotes: Vec<QuoteItem>,
}

/// A figure reported by one or more sources.
#[derive(Clone, Debug, Serialize)]
pub struct KeyFigure {
    pub text: String,
    /// The figure with what it counts, as a list prints it: "21,692 sanctions" where the source
    /// writes "21,692 sanctions", "23 (members, upheld, pledge)" where the noun is further off.
    pub label: String,
    pub kind: FigureKind,
    pub value: f64,
    pub unit: Option<String>,
    /// The sentence of its first report.
    pub sentence: String,
    pub citations: Vec<Citation>,
    pub sources: u32,
}

#[derive(Clone, Debug, Serialize)]
pub struct TimelineEntry {
    /// `YYYY-MM-DD` (or `YYYY-MM` when only the month is known).
    pub date: String,
    pub text: String,
    pub citations: Vec<Citation>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ArticleInfo {
    pub id: String,
    pub outlet: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    /// The article this one copies (a wire copy), when any.
    pub copy_of: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Briefing {
    pub title: String,
    pub articles: Vec<ArticleInfo>,
    pub outlets: Vec<String>,
    /// Independent sources (copies of one article count once).
    pub sources: u32,
    pub summary: Vec<Point>,
    /// Sentences no other independent source supports, by outlet order.
    pub single_source: Vec<Point>,
    pub disagreements: Vec<Disagreement>,
    pub quotes: Vec<SpeakerQuotes>,
    pub figures: Vec<KeyFigure>,
    pub timeline: Vec<TimelineEntry>,
}

/// Options of `brief`.
#[derive(Clone, Debug)]
pub struct BriefOptions {
    pub summary_words: usize,
    pub query: Option<String>,
    /// Most key figures listed.
    pub max_figures: usize,
}

impl Default for BriefOptions {
    fn default() -> Self {
        BriefOptions {
            summary_words: 200,
            query: None,
            max_figures: 12,
        }
    }
}

/// Shortest sentence (in words) listed as a one-outlet claim: shorter ones are rarely claims.
const MIN_CLAIM_WORDS: u32 = 6;

pub fn brief(corpus: &Corpus, opts: &BriefOptions) -> Briefing {
    let facts = FactIndex::new(corpus);
    let sources = SourceCorpora::new(corpus);
    let corroborator = sources.corroborator();
    let picked = summarize(
        corpus,
        &SummaryOptions {
            budget: Budget::Words(opts.summary_words),
            query: opts.query.clone(),
            ..SummaryOptions::default()
        },
    );
    let summary = picked
        .iter()
        .map(|&i| corroborator.point(corpus, &facts.support(corpus, i), i))
        .collect();
    let docs: Vec<(&Article, &Analysis)> = corpus
        .docs
        .iter()
        .map(|d| (d.article, d.analysis))
        .collect();
    let members: Vec<(&Article, Option<&Analysis>)> =
        docs.iter().map(|(a, b)| (*a, Some(*b))).collect();
    // Speaker resolution across the articles runs once for both quote sections.
    let quotes = collect_quotes(&docs);
    Briefing {
        title: crate::cluster::label(&members),
        articles: article_infos(corpus),
        outlets: corpus.outlets.clone(),
        sources: corpus.sources,
        summary,
        single_source: single_source(corpus, &facts, &corroborator),
        disagreements: {
            let mut d = figure_disagreements(corpus);
            d.extend(quote_disagreements(corpus, &docs, &quotes));
            d
        },
        quotes: quotes_by_speaker(corpus, &docs, &quotes),
        figures: key_figures(corpus, opts.max_figures),
        timeline: timeline(corpus, &facts, &corroborator),
    }
}

pub fn citation(corpus: &Corpus, u: &Unit) -> Citation {
    let a = corpus.article(u);
    Citation {
        article: a.id.clone(),
        outlet: corpus.outlets[corpus.outlet[u.doc as usize] as usize].clone(),
        sentence: u.sentence,
        text: clean(corpus.text(u)),
    }
}

/// A cited point from a unit and its support.
pub fn point(corpus: &Corpus, i: usize, support: &[Match]) -> Point {
    let u = &corpus.units[i];
    let mut citations = vec![citation(corpus, u)];
    citations.extend(
        support
            .iter()
            .map(|m| citation(corpus, &corpus.units[m.unit])),
    );
    Point {
        text: clean(corpus.text(u)),
        outlets: outlets_of(corpus, u, support),
        sources: 1 + support.len() as u32,
        of: corpus.sources,
        citations,
        related: Vec::new(),
    }
}

/// Collapse the whitespace of a source sentence for display.
pub fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn article_infos(corpus: &Corpus) -> Vec<ArticleInfo> {
    corpus
        .docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let root = corpus.root[i] as usize;
            ArticleInfo {
                id: d.article.id.clone(),
                outlet: d.article.outlet(),
                title: d.article.title.clone(),
                published: d.article.published.map(|p| p.to_rfc3339()),
                url: d.article.url.clone(),
                copy_of: (root != i).then(|| corpus.docs[root].article.id.clone()),
            }
        })
        .collect()
}

/// A sentence is a one-outlet claim when no other source states even this share of its content:
/// one that others mostly report, in other words or with a detail more, is not news only one
/// outlet carries.
const MAX_SHARED_FOR_SINGLE: f32 = 0.5;

/// Sentences that no other independent source supports, the least reported first within each
/// outlet. Copies repeat their original's sentences, so only copy roots are listed.
fn single_source(corpus: &Corpus, facts: &FactIndex, corroborator: &Corroborator) -> Vec<Point> {
    if corpus.sources < 2 {
        return Vec::new();
    }
    let mut seen: HashSet<&str> = HashSet::new();
    let mut found: Vec<(u32, f32, usize)> = Vec::new();
    for (i, u) in corpus.units.iter().enumerate() {
        if u.furniture
            || u.fragment
            || u.words < MIN_CLAIM_WORDS
            || corpus.root[u.doc as usize] != u.doc
        {
            continue;
        }
        let text = corpus.text(u);
        if text.trim_end().ends_with('?') || !seen.insert(text) {
            continue;
        }
        if !facts.support(corpus, i).is_empty() {
            continue;
        }
        let shared = corroborator.best_other_share(corpus, i, MAX_SHARED_FOR_SINGLE);
        if shared < MAX_SHARED_FOR_SINGLE {
            found.push((corpus.outlet[u.doc as usize], shared, i));
        }
    }
    // Outlets in corpus order; within one, the least reported claims first, then reading order.
    found.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    found
        .into_iter()
        .map(|(_, _, i)| point(corpus, i, &[]))
        .collect()
}

/// Stems of a figure's context words.
fn context_stems(f: &Figure) -> Vec<String> {
    f.context.iter().map(|w| stem(w)).collect()
}

fn is_quantity(f: &Figure) -> bool {
    matches!(
        f.kind,
        FigureKind::Number | FigureKind::Money | FigureKind::Percent | FigureKind::Duration
    )
}

/// A quantity worth listing or comparing: not a spelled-out count that points back at things already
/// named ("the two sides", "the three countries"), which says who, not how many.
fn is_key_quantity(text: &str, f: &Figure) -> bool {
    if !is_quantity(f) {
        return false;
    }
    let own = text
        .get(f.span.start as usize..f.span.end as usize)
        .unwrap_or("");
    let spelled = f.kind == FigureKind::Number && own.chars().all(char::is_alphabetic);
    if !spelled {
        return true;
    }
    let before = text.get(..f.span.start as usize).unwrap_or("");
    let previous = before
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .to_lowercase();
    !["the", "these", "those", "both", "all"].contains(&previous.as_str())
}

/// Figures of different sources that count the same thing (same kind and unit, sharing at least two
/// context words, or the first word after the figure) with different values.
fn figure_disagreements(corpus: &Corpus) -> Vec<Disagreement> {
    struct F<'a> {
        doc: usize,
        fig: &'a Figure,
        stems: Vec<String>,
    }
    let mut figs: Vec<F> = Vec::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        if corpus.root[d] as usize != d {
            continue;
        }
        for f in doc
            .analysis
            .figures
            .iter()
            .filter(|f| is_key_quantity(&doc.article.text, f))
        {
            figs.push(F {
                doc: d,
                fig: f,
                stems: context_stems(f),
            });
        }
    }
    let same_thing = |a: &F, b: &F| {
        if a.fig.kind != b.fig.kind || a.fig.unit != b.fig.unit {
            return false;
        }
        let shared = a.stems.iter().filter(|s| b.stems.contains(s)).count();
        let head = |x: &F| after_word(corpus, x.doc, x.fig);
        shared >= 2 || (head(a).is_some() && head(a) == head(b))
    };
    let mut out: Vec<Disagreement> = Vec::new();
    let mut used: HashSet<(usize, u32)> = HashSet::new();
    for (i, a) in figs.iter().enumerate() {
        if used.contains(&(a.doc, a.fig.span.start)) {
            continue;
        }
        let mut versions: Vec<&F> = vec![a];
        for b in &figs[i + 1..] {
            if b.doc == a.doc || !same_thing(a, b) || used.contains(&(b.doc, b.fig.span.start)) {
                continue;
            }
            versions.push(b);
        }
        let values: HashSet<u64> = versions.iter().map(|v| v.fig.value.to_bits()).collect();
        if values.len() < 2 {
            continue;
        }
        // A source that itself gives both values (a range, a change) is not in conflict.
        let per_doc_values = |d: usize| -> HashSet<u64> {
            versions
                .iter()
                .filter(|v| v.doc == d)
                .map(|v| v.fig.value.to_bits())
                .collect()
        };
        if versions.iter().any(|v| per_doc_values(v.doc).len() > 1) {
            continue;
        }
        for v in &versions {
            used.insert((v.doc, v.fig.span.start));
        }
        let mut grouped: BTreeMap<u64, Version> = BTreeMap::new();
        for v in &versions {
            let doc = corpus.docs[v.doc];
            let cit = fig_citation(corpus, v.doc, v.fig);
            grouped
                .entry(v.fig.value.to_bits())
                .and_modify(|e| e.citations.push(cit.clone()))
                .or_insert_with(|| Version {
                    text: doc.article.slice(v.fig.span).to_string(),
                    speaker: None,
                    sentence: sentence_text(corpus, v.doc, v.fig.sentence),
                    citations: vec![cit],
                });
        }
        out.push(Disagreement {
            kind: DisagreementKind::Figure,
            about: disagreement_subject(&corpus.docs[a.doc].article.text, a.fig),
            versions: grouped.into_values().collect(),
        });
    }
    out
}

/// The first content word after a figure in its sentence, stemmed (the counted thing).
fn after_word(corpus: &Corpus, d: usize, f: &Figure) -> Option<String> {
    let doc = corpus.docs[d];
    let text = doc.article.text.as_str();
    let s = doc.analysis.sentences.get(f.sentence as usize)?;
    let rest = text.get(f.span.end as usize..s.span.end as usize)?;
    tokenize(rest)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| normalize(t.text))
        .find(|w| !crate::analyze::tokens::is_stopword(w))
        .map(|w| stem(&w))
}

/// A number as written with the words that follow it and say what it counts ("400 cubic metres per
/// second", "1,200 farm workers"), else with a few words around it that say what it measures.
/// Other figures carry their unit already ("4 percent", "six hours").
fn figure_label(text: &str, f: &Figure) -> String {
    let written = text
        .get(f.span.start as usize..f.span.end as usize)
        .unwrap_or("");
    if f.kind != FigureKind::Number {
        return written.to_string();
    }
    if let Some(counted) = counted_thing(text, f) {
        format!("{written} {counted}")
    } else if !f.context.is_empty() {
        format!("{written} ({})", context_words(f))
    } else {
        written.to_string()
    }
}

/// What a figure disagreement is about: the thing counted ("farm workers"), else a few words of
/// the figure's context.
fn disagreement_subject(text: &str, f: &Figure) -> String {
    counted_thing(text, f).unwrap_or_else(|| context_words(f))
}

/// A few words of what a figure measures, from its context.
fn context_words(f: &Figure) -> String {
    let words: Vec<&str> = f.context.iter().take(3).map(String::as_str).collect();
    words.join(", ")
}

/// The words right after a number that say what it counts ("farm workers", "cubic metres per
/// second"), if any.
fn counted_thing(text: &str, f: &Figure) -> Option<String> {
    if f.kind != FigureKind::Number {
        return None;
    }
    let after = text.get(f.span.end as usize..).unwrap_or("");
    let mut counted: Vec<&str> = Vec::new();
    for w in after.split_whitespace() {
        let word = w.trim_end_matches([',', '.', ';', ':', ')']);
        let plain = !word.is_empty() && word.chars().all(|c| c.is_lowercase() || c == '-');
        // A verb ends the noun phrase: "two officials briefed on the talks".
        let verb = !counted.is_empty() && word.ends_with("ed");
        let after_per = counted.last() == Some(&"per");
        let stop = crate::analyze::tokens::is_stopword(word) && word != "per" && !after_per;
        if !plain || verb || stop {
            break;
        }
        counted.push(word);
        if counted.len() == 5 || word.len() != w.len() {
            break;
        }
    }
    (!counted.is_empty()).then(|| counted.join(" "))
}

fn fig_citation(corpus: &Corpus, d: usize, f: &Figure) -> Citation {
    Citation {
        article: corpus.docs[d].article.id.clone(),
        outlet: corpus.outlets[corpus.outlet[d] as usize].clone(),
        sentence: f.sentence,
        text: sentence_text(corpus, d, f.sentence),
    }
}

fn sentence_text(corpus: &Corpus, d: usize, s: u32) -> String {
    let doc = corpus.docs[d];
    doc.analysis
        .sentences
        .get(s as usize)
        .map(|x| clean(doc.article.slice(x.span)))
        .unwrap_or_default()
}

/// Words of a quote for comparing wordings: lower-cased, punctuation dropped.
pub fn quote_words(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in tokenize(s)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
    {
        let w: String = normalize(t.text)
            .chars()
            .filter(|c| !matches!(c, '\'' | '\u{2019}'))
            .collect();
        // Tokenised copies split contractions ("we 're", "do n't"): a piece that opens with an
        // apostrophe belongs to the word before it, so both spellings give the same words.
        let after_apostrophe =
            t.text.starts_with(['\'', '\u{2019}']) || s[..t.start].ends_with(['\'', '\u{2019}']);
        let suffix = (after_apostrophe
            && matches!(w.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m"))
            || t.text.eq_ignore_ascii_case("n't")
            || t.text.eq_ignore_ascii_case("n\u{2019}t");
        match out.last_mut() {
            Some(prev) if suffix => prev.push_str(&w),
            _ if w.is_empty() => {}
            _ => out.push(w),
        }
    }
    out
}

fn jaccard(a: &[String], b: &[String]) -> f32 {
    let sa: HashSet<&String> = a.iter().collect();
    let sb: HashSet<&String> = b.iter().collect();
    let inter = sa.intersection(&sb).count();
    let union = sa.union(&sb).count();
    if union == 0 {
        0.0
    } else {
        inter as f32 / union as f32
    }
}

fn doc_index(corpus: &Corpus, article_id: &str) -> Option<usize> {
    corpus.docs.iter().position(|d| d.article.id == article_id)
}

fn record_citation(
    corpus: &Corpus,
    q: &crate::entities::QuoteRecord,
    docs: &[(&Article, &Analysis)],
) -> Citation {
    let sentence = doc_index(corpus, &q.article)
        .and_then(|d| {
            let (a, an) = docs[d];
            an.sentences
                .iter()
                .position(|s| a.slice(s.span) == q.sentence)
        })
        .unwrap_or(0) as u32;
    Citation {
        article: q.article.clone(),
        outlet: q.outlet.clone(),
        sentence,
        text: clean(&q.sentence),
    }
}

/// Direct quotes of the same speaker worded differently by different sources, and the same words
/// given to different speakers.
fn quote_disagreements(
    corpus: &Corpus,
    docs: &[(&Article, &Analysis)],
    quotes: &[QuoteRecord],
) -> Vec<Disagreement> {
    let quotes: Vec<&QuoteRecord> = quotes
        .iter()
        .filter(|q| q.direct)
        .filter(|q| doc_index(corpus, &q.article).is_some_and(|d| corpus.root[d] as usize == d))
        .collect();
    let words: Vec<Vec<String>> = quotes.iter().map(|q| quote_words(&q.text)).collect();
    let mut out = Vec::new();
    let mut used = vec![false; quotes.len()];
    for i in 0..quotes.len() {
        if used[i] || words[i].len() < 3 {
            continue;
        }
        for j in i + 1..quotes.len() {
            if used[j] || quotes[j].article == quotes[i].article || words[j].len() < 3 {
                continue;
            }
            let sim = jaccard(&words[i], &words[j]);
            let same_speaker =
                quotes[i].speaker_key.is_some() && quotes[i].speaker_key == quotes[j].speaker_key;
            let both_known = quotes[i].speaker_key.is_some() && quotes[j].speaker_key.is_some();
            // A shorter excerpt of the same words is a partial quotation, not other wording.
            let excerpt = contains_run(&words[i], &words[j]) || contains_run(&words[j], &words[i]);
            let kind = if same_speaker && sim >= 0.5 && words[i] != words[j] && !excerpt {
                DisagreementKind::QuoteWording
            } else if both_known && !same_speaker && sim >= 0.8 {
                DisagreementKind::Attribution
            } else {
                continue;
            };
            used[i] = true;
            used[j] = true;
            let version = |k: usize| Version {
                text: quotes[k].text.clone(),
                speaker: quotes[k].speaker.clone(),
                sentence: clean(&quotes[k].sentence),
                citations: vec![record_citation(corpus, quotes[k], docs)],
            };
            out.push(Disagreement {
                kind,
                about: quotes[i].speaker.clone().unwrap_or_default(),
                versions: vec![version(i), version(j)],
            });
            break;
        }
    }
    out
}

/// Whether `part` occurs in `whole` as a run of consecutive words.
fn contains_run(whole: &[String], part: &[String]) -> bool {
    !part.is_empty() && part.len() <= whole.len() && whole.windows(part.len()).any(|w| w == part)
}

/// Quotes grouped by canonical speaker, the same words from several outlets merged; speakers with the
/// most quotes first.
fn quotes_by_speaker(
    corpus: &Corpus,
    docs: &[(&Article, &Analysis)],
    quotes: &[QuoteRecord],
) -> Vec<SpeakerQuotes> {
    let mut groups: BTreeMap<String, SpeakerQuotes> = BTreeMap::new();
    // (speaker group, direct, words) -> index of the merged quote in its group
    let mut merged: HashMap<(String, bool, Vec<String>), usize> = HashMap::new();
    for q in quotes.iter().filter(|q| q.speech) {
        let Some(name) = q.speaker.clone() else {
            continue;
        };
        let group_key = q.speaker_key.clone().unwrap_or_else(|| name.to_lowercase());
        let cit = record_citation(corpus, q, docs);
        let g = groups
            .entry(group_key.clone())
            .or_insert_with(|| SpeakerQuotes {
                speaker: name,
                key: q.speaker_key.clone(),
                quotes: Vec::new(),
            });
        let slot = (group_key, q.direct, quote_words(&q.text));
        match merged.get(&slot) {
            Some(&k) => {
                let x = &mut g.quotes[k];
                if !x.citations.iter().any(|c| c.article == cit.article) {
                    x.citations.push(cit);
                }
            }
            None => {
                merged.insert(slot, g.quotes.len());
                g.quotes.push(QuoteItem::new(
                    clean(&q.text),
                    q.direct,
                    q.cue.clone(),
                    &q.sentence,
                    cit,
                ));
            }
        }
    }
    let mut out: Vec<SpeakerQuotes> = groups.into_values().collect();
    out.sort_by(|a, b| {
        b.quotes
            .len()
            .cmp(&a.quotes.len())
            .then(a.speaker.cmp(&b.speaker))
    });
    out
}

/// Quantities reported, merged across sources by value and unit; the most widely reported first.
fn key_figures(corpus: &Corpus, max: usize) -> Vec<KeyFigure> {
    let mut by_value: Vec<(KeyFigure, HashSet<u32>, usize)> = Vec::new();
    let mut order = 0usize;
    for (d, doc) in corpus.docs.iter().enumerate() {
        for f in doc
            .analysis
            .figures
            .iter()
            .filter(|f| is_key_quantity(&doc.article.text, f))
        {
            order += 1;
            let cit = fig_citation(corpus, d, f);
            let src = corpus.root[d];
            match by_value
                .iter_mut()
                .find(|(k, _, _)| k.kind == f.kind && k.value == f.value && k.unit == f.unit)
            {
                Some((k, srcs, _)) => {
                    if !k.citations.iter().any(|c| c.article == cit.article) {
                        k.citations.push(cit);
                    }
                    srcs.insert(src);
                }
                None => by_value.push((
                    KeyFigure {
                        text: doc.article.slice(f.span).to_string(),
                        label: figure_label(&doc.article.text, f),
                        kind: f.kind,
                        value: f.value,
                        unit: f.unit.clone(),
                        sentence: sentence_text(corpus, d, f.sentence),
                        citations: vec![cit],
                        sources: 0,
                    },
                    HashSet::from([src]),
                    order,
                )),
            }
        }
    }
    by_value.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.2.cmp(&b.2)));
    by_value
        .into_iter()
        .take(max)
        .map(|(mut k, srcs, _)| {
            k.sources = srcs.len() as u32;
            k
        })
        .collect()
}

/// Resolve a date figure to a calendar date using the article's publication date for what the text
/// leaves out (the year, or which Tuesday).
fn resolve_date(f: &Figure, published: Option<NaiveDate>) -> Option<(NaiveDate, bool)> {
    let v = f.value as i64;
    match f.unit.as_deref() {
        Some("weekday") => {
            let p = published?;
            let want = (v - 1) as u32; // 0 = Monday
            let have = p.weekday().num_days_from_monday();
            let back = (have + 7 - want) % 7;
            Some((p - chrono::Duration::days(back as i64), true))
        }
        Some("day") | Some("month") => {
            let (y, m, d) = (v / 10000, (v / 100) % 100, v % 100);
            let y = if y == 0 { published?.year() as i64 } else { y };
            let day = f.unit.as_deref() == Some("day");
            NaiveDate::from_ymd_opt(y as i32, m as u32, if day { d as u32 } else { 1 })
                .map(|x| (x, day))
        }
        _ => None,
    }
}

/// Dated events: each sentence that dates something, merged with other sources' sentences that state
/// the same fact, in date order.
fn timeline(corpus: &Corpus, facts: &FactIndex, corroborator: &Corroborator) -> Vec<TimelineEntry> {
    let mut unit_of: HashMap<(u32, u32), usize> = HashMap::new();
    for (i, u) in corpus.units.iter().enumerate() {
        unit_of.insert((u.doc, u.sentence), i);
    }
    let mut entries: Vec<(NaiveDate, bool, usize)> = Vec::new();
    for (d, doc) in corpus.docs.iter().enumerate() {
        if corpus.root[d] as usize != d {
            continue;
        }
        let published = doc.article.published.map(|p| p.date_naive());
        for f in doc
            .analysis
            .figures
            .iter()
            .filter(|f| f.kind == FigureKind::Date)
        {
            let Some((date, day)) = resolve_date(f, published) else {
                continue;
            };
            let Some(&i) = unit_of.get(&(d as u32, f.sentence)) else {
                continue;
            };
            if corpus.units[i].furniture
                || corpus.units[i].fragment
                || entries.iter().any(|e| e.2 == i)
            {
                continue;
            }
            entries.push((date, day, i));
        }
    }
    entries.sort_by_key(|e| (e.0, corpus.units[e.2].doc, corpus.units[e.2].position));
    let mut out: Vec<TimelineEntry> = Vec::new();
    let mut covered: HashSet<usize> = HashSet::new();
    for (date, day, i) in entries {
        if covered.contains(&i) {
            continue;
        }
        // Sentences that loosely match this one are not listed again; the citations are the sources
        // that state it.
        let loose = facts.support(corpus, i);
        covered.extend(loose.iter().map(|m| m.unit));
        let p = corroborator.point(corpus, &loose, i);
        out.push(TimelineEntry {
            date: if day {
                date.format("%Y-%m-%d").to_string()
            } else {
                date.format("%Y-%m").to_string()
            },
            text: p.text,
            citations: p.citations,
        });
    }
    out
}
