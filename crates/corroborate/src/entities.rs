//! Who and what a set of articles names, and who said what, with keys merged across the articles
//! (a bare "Lavrov" in one outlet joins "Sergey Lavrov" in another).

use crate::analyze::names::resolve_collection;
use crate::model::{Analysis, Article, EntityKind};
use std::collections::{BTreeMap, HashMap};

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Entity {
    /// The name to show: the most used full form.
    pub name: String,
    pub kind: EntityKind,
    pub key: String,
    /// Every spelling seen, most used first.
    pub variants: Vec<String>,
    /// Ids of the articles that name it.
    pub articles: Vec<String>,
    pub mentions: usize,
    /// Titles written with the name ("Foreign Minister").
    pub titles: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct QuoteRecord {
    pub article: String,
    pub outlet: String,
    /// The speaker's display name (the entity name when resolved), or the phrase used ("a source").
    pub speaker: Option<String>,
    pub speaker_key: Option<String>,
    pub text: String,
    pub direct: bool,
    /// Speech rather than a stance ([`crate::model::Quote::is_speech`]).
    pub speech: bool,
    /// The sentence holding the quote.
    pub sentence: String,
    pub cue: Option<String>,
}

/// Merge the mentions of several articles into entities.
pub fn collect_entities(docs: &[(&Article, &Analysis)]) -> Vec<Entity> {
    entities_with(docs, &aliases_of(docs))
}

/// Alias key -> canonical key across the articles.
fn aliases_of(docs: &[(&Article, &Analysis)]) -> HashMap<String, String> {
    resolve_collection(
        docs.iter()
            .flat_map(|(_, a)| a.mentions.iter().map(|m| m.key.as_str())),
    )
}

fn entities_with(docs: &[(&Article, &Analysis)], aliases: &HashMap<String, String>) -> Vec<Entity> {
    let canon = |k: &str| aliases.get(k).cloned().unwrap_or_else(|| k.to_string());
    struct Acc {
        kind: EntityKind,
        variants: HashMap<String, usize>,
        articles: Vec<String>,
        mentions: usize,
        titles: BTreeMap<String, usize>,
    }
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    for (article, analysis) in docs {
        for m in &analysis.mentions {
            let key = canon(&m.key);
            let kind = if key.starts_with("p:") {
                EntityKind::Person
            } else {
                m.kind
            };
            let e = acc.entry(key).or_insert_with(|| Acc {
                kind,
                variants: HashMap::new(),
                articles: Vec::new(),
                mentions: 0,
                titles: BTreeMap::new(),
            });
            if kind == EntityKind::Person {
                e.kind = kind;
            }
            *e.variants
                .entry(article.slice(m.span).to_string())
                .or_default() += 1;
            if e.articles.last() != Some(&article.id) && !e.articles.contains(&article.id) {
                e.articles.push(article.id.clone());
            }
            e.mentions += 1;
            if let Some(t) = &m.title {
                *e.titles.entry(t.clone()).or_default() += 1;
            }
        }
    }
    let mut out: Vec<Entity> = acc
        .into_iter()
        .map(|(key, a)| {
            let mut variants: Vec<(String, usize)> = a.variants.into_iter().collect();
            variants.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
            let name = variants
                .iter()
                .filter(|(v, _)| v.split_whitespace().count() >= 2 || a.kind != EntityKind::Person)
                .max_by_key(|(v, n)| (*n, v.len()))
                .or_else(|| variants.first())
                .map(|(v, _)| v.clone())
                .unwrap_or_default();
            let mut titles: Vec<(String, usize)> = a.titles.into_iter().collect();
            titles.sort_by_key(|t| std::cmp::Reverse(t.1));
            Entity {
                name,
                kind: a.kind,
                key,
                variants: variants.into_iter().map(|(v, _)| v).collect(),
                articles: a.articles,
                mentions: a.mentions,
                titles: titles.into_iter().map(|(t, _)| t).collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    out
}

/// Every quote of the articles, speakers named by their merged entity.
pub fn collect_quotes(docs: &[(&Article, &Analysis)]) -> Vec<QuoteRecord> {
    let aliases = aliases_of(docs);
    let entities = entities_with(docs, &aliases);
    let mut display: HashMap<&str, &str> = HashMap::new();
    for e in &entities {
        display.insert(e.key.as_str(), e.name.as_str());
    }
    let mut out = Vec::new();
    for (article, analysis) in docs {
        for q in &analysis.quotes {
            let key = q
                .speaker
                .as_ref()
                .and_then(|s| s.key.clone())
                .map(|k| aliases.get(&k).cloned().unwrap_or(k));
            let speaker = match (&key, &q.speaker) {
                (Some(k), _) if display.contains_key(k.as_str()) => {
                    Some(display[k.as_str()].to_string())
                }
                (_, Some(s)) => Some(s.name.clone()),
                _ => None,
            };
            let sentence = analysis
                .sentences
                .get(q.sentence as usize)
                .map(|s| article.slice(s.span).to_string())
                .unwrap_or_default();
            out.push(QuoteRecord {
                article: article.id.clone(),
                outlet: article.outlet(),
                speaker,
                speaker_key: key,
                text: {
                    let words = article.slice(q.span).trim_end_matches([',', ' ']);
                    if q.direct {
                        crate::analyze::quotes::spoken_words(words)
                    } else {
                        words.to_string()
                    }
                },
                direct: q.direct,
                speech: q.is_speech(),
                sentence,
                cue: q.cue.clone(),
            });
        }
    }
    out
}
