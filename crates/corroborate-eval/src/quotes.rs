//! PolNeAR quote evaluation. A predicted quote matches a gold Content span when their character overlap is
//! at least half of the longer of the two (symmetric, the strict reading of "50% overlap"); the looser
//! reading (half of the gold span) is reported too. Matching is one-to-one, best overlap first. Speaker accuracy: of the matched quotes whose gold attribution has a
//! Source span, the share whose predicted speaker phrase overlaps it.

use corroborate::analyze::analyze_text_with;
use corroborate::analyze::quotes::learned::{SpanTagger, Tagged, TaggedContent};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// A character range `(start, end)`.
type Range = (usize, usize);

struct Gold {
    content: (usize, usize),
    source: Option<(usize, usize)>,
    cue: String,
}

fn parse_ann(ann: &str) -> Vec<Gold> {
    let mut spans: BTreeMap<String, (String, usize, usize)> = BTreeMap::new();
    let mut links = Vec::new();
    for line in ann.lines() {
        let mut parts = line.splitn(3, '\t');
        let id = parts.next().unwrap_or("");
        let body = parts.next().unwrap_or("");
        if id.starts_with('T') {
            let mut w = body.split_whitespace();
            let label = w.next().unwrap_or("").to_string();
            let rest: String = w.collect::<Vec<_>>().join(" ");
            let nums: Vec<usize> = rest
                .split([' ', ';'])
                .filter_map(|x| x.parse().ok())
                .collect();
            if let (Some(&s), Some(&e)) = (nums.iter().min(), nums.iter().max()) {
                spans.insert(id.to_string(), (label, s, e));
            }
        } else if id.starts_with('E') {
            let mut content = None;
            let mut source = None;
            let mut cue = None;
            for arg in body.split_whitespace() {
                if let Some((role, t)) = arg.split_once(':') {
                    match role {
                        "Content" => content = Some(t.to_string()),
                        "Source" => source = Some(t.to_string()),
                        "Cue" => cue = Some(t.to_string()),
                        _ => {}
                    }
                }
            }
            links.push((content, source, cue));
        }
    }
    links
        .into_iter()
        .filter_map(|(c, s, q)| {
            let c = spans.get(&c?)?;
            let s = s.and_then(|s| spans.get(&s)).map(|x| (x.1, x.2));
            let cue = q
                .and_then(|q| spans.get(&q))
                .map(|x| format!("{}..{}", x.1, x.2))
                .unwrap_or_default();
            Some(Gold {
                content: (c.1, c.2),
                source: s,
                cue,
            })
        })
        .collect()
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// How much overlap makes a match: of the longer span (symmetric, the default), or of the gold span.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Criterion {
    Longer,
    Gold,
}

/// Precision, recall and F1 of `matched` out of `predicted` and `gold`.
fn prf(matched: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let p = matched as f64 / predicted.max(1) as f64;
    let r = matched as f64 / gold.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

/// One-to-one matches (prediction, gold) under a criterion, largest overlap first.
fn matches(preds: &[Range], gold: &[Range], criterion: Criterion) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for (pi, p) in preds.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            let o = overlap(*p, *g);
            let base = match criterion {
                Criterion::Longer => (p.1 - p.0).max(g.1 - g.0),
                Criterion::Gold => g.1 - g.0,
            };
            if o * 2 >= base && o > 0 {
                pairs.push((o, pi, gi));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let mut used_p = vec![false; preds.len()];
    let mut used_g = vec![false; gold.len()];
    let mut out = Vec::new();
    for (_, pi, gi) in pairs {
        if !used_p[pi] && !used_g[gi] {
            used_p[pi] = true;
            used_g[gi] = true;
            out.push((pi, gi));
        }
    }
    out
}

/// How far PolNeAR's annotators agree with each other: on every article two annotators marked, the
/// second one's Content spans scored against the first one's, with the measure our extractor gets.
/// It bounds what any extractor can be expected to reach against one annotator.
pub fn agreement(shared: &Path, split: &str) -> anyhow::Result<()> {
    let Some(dir) = crate::require(&shared.join("data/quotes/polnear").join(split)) else {
        return Ok(());
    };
    let mut by_article: BTreeMap<String, Vec<std::path::PathBuf>> = BTreeMap::new();
    for e in std::fs::read_dir(dir.join("attributions"))? {
        let path = e?.path();
        let stem = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let article = stem
            .rsplit_once('_')
            .map_or(stem.clone(), |x| x.0.to_string());
        by_article.entry(article).or_default().push(path);
    }
    for criterion in [Criterion::Longer, Criterion::Gold] {
        let (mut tp, mut n_first, mut n_second, mut articles) = (0, 0, 0, 0);
        let (mut speaker_ok, mut speaker_n) = (0, 0);
        for files in by_article.values_mut().filter(|f| f.len() >= 2) {
            files.sort();
            let first = parse_ann(&std::fs::read_to_string(&files[0])?);
            let second = parse_ann(&std::fs::read_to_string(&files[1])?);
            let a: Vec<Range> = first.iter().map(|g| g.content).collect();
            let b: Vec<Range> = second.iter().map(|g| g.content).collect();
            for (bi, ai) in matches(&b, &a, criterion) {
                tp += 1;
                if let (Some(sa), Some(sb)) = (first[ai].source, second[bi].source) {
                    speaker_n += 1;
                    speaker_ok += usize::from(overlap(sa, sb) > 0);
                }
            }
            n_first += a.len();
            n_second += b.len();
            articles += 1;
        }
        let (p, r, f1) = prf(tp, n_second, n_first);
        println!(
            "PolNeAR {split} annotator agreement ({}): {articles} articles marked twice, second vs first: \
             precision {p:.3}  recall {r:.3}  F1 {f1:.3}  speaker agreement {:.3} ({speaker_ok}/{speaker_n})",
            match criterion {
                Criterion::Longer => "overlap >= 50% of the longer span",
                Criterion::Gold => "overlap >= 50% of the first annotator's span",
            },
            speaker_ok as f64 / speaker_n.max(1) as f64
        );
    }
    Ok(())
}

pub fn run(shared: &Path, split: &str, show: usize, model: Option<&Path>) -> anyhow::Result<()> {
    let tagger = corroborate::analyze::quotes::learned::load_tagger(model)?;
    // QUOTE_TAGS=FILE keeps the tagger's spans per text, so that joining rules can be compared
    // without running the network again.
    // Without a model, a complete cache replays a tagger's spans on its own.
    let cache = match std::env::var_os("QUOTE_TAGS") {
        Some(file) => Some(Arc::new(CachedTags::open(tagger.clone(), file.into())?)),
        None => None,
    };
    let tagger: Option<Arc<dyn SpanTagger>> = match &cache {
        Some(c) => Some(c.clone()),
        None => tagger,
    };
    for c in [Criterion::Longer, Criterion::Gold] {
        run_with(
            shared,
            split,
            if c == Criterion::Longer { show } else { 0 },
            c,
            tagger.as_deref(),
        )?;
    }
    // The analysis keeps the rules' quotes where tagging fails: figures from a partial cache
    // would be rules and tags mixed, and look like neither.
    let missing = cache.map_or(0, |c| c.missing.load(std::sync::atomic::Ordering::Relaxed));
    if missing > 0 {
        anyhow::bail!("{missing} texts had no cached tags: the figures above are not the tagger's; give --model to tag them");
    }
    Ok(())
}

fn run_with(
    shared: &Path,
    split: &str,
    show: usize,
    criterion: Criterion,
    tagger: Option<&dyn SpanTagger>,
) -> anyhow::Result<()> {
    let Some(dir) = crate::require(&shared.join("data/quotes/polnear").join(split)) else {
        return Ok(());
    };
    let mut anns: Vec<_> = std::fs::read_dir(dir.join("attributions"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    anns.sort();
    let mut seen = std::collections::HashSet::new();
    let (mut tp, mut n_pred, mut n_gold, mut spk_ok, mut spk_n) =
        (0usize, 0usize, 0usize, 0usize, 0usize);
    let mut shown = 0;
    let mut articles = 0;
    let mut missed_by_cue: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // Our cue (or "(direct)") -> (predictions matching no gold quote, predictions).
    let mut spurious_by_cue: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // SHOW_CUE=said shows only the misses of that cue and our predictions with it; SHOW_CUE=(direct)
    // our quotes in quote marks; SHOW_CUE=(split) the misses whose content its own cue interrupts.
    let only_cue = std::env::var("SHOW_CUE").ok();
    let shows = |cue: &str| {
        only_cue
            .as_deref()
            .is_none_or(|c| cue.eq_ignore_ascii_case(c))
    };
    // QUOTES_DUMP=FILE writes each article's predicted spans (characters) as JSON lines, for error analysis.
    let mut dump = match std::env::var_os("QUOTES_DUMP") {
        Some(path) if criterion == Criterion::Longer => Some(std::fs::File::create(path)?),
        _ => None,
    };
    for ann in anns {
        let stem = ann.file_stem().unwrap().to_string_lossy().to_string();
        let article = stem
            .rsplit_once('_')
            .map(|x| x.0.to_string())
            .unwrap_or(stem.clone());
        if !seen.insert(article.clone()) {
            continue; // first annotator only
        }
        let text = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))?;
        let gold = parse_ann(&std::fs::read_to_string(&ann)?);
        articles += 1;
        let (_, analysis) = analyze_text_with(&text, Some("en"), tagger);
        // Our spans are bytes; brat's are characters.
        let char_at = |b: u32| text[..b as usize].chars().count();
        let preds: Vec<(Range, Option<Range>)> = analysis
            .quotes
            .iter()
            .map(|q| {
                (
                    (char_at(q.span.start), char_at(q.span.end)),
                    q.speaker
                        .as_ref()
                        .map(|s| (char_at(s.span.start), char_at(s.span.end))),
                )
            })
            .collect();
        if let Some(dump) = dump.as_mut() {
            use std::io::Write;
            let spans: Vec<Range> = preds.iter().map(|p| p.0).collect();
            let cues: Vec<String> = analysis
                .quotes
                .iter()
                .map(|q| match (&q.cue, q.direct) {
                    (_, true) => "(direct)".to_string(),
                    (Some(c), false) => c.clone(),
                    (None, false) => String::new(),
                })
                .collect();
            // The tagger's own spans too, to see which of its readings the join keeps or drops.
            let tagged = match tagger.map(|t| t.tag(&text)).transpose()? {
                Some(t) => {
                    let chars = |v: &[corroborate::model::Span]| {
                        v.iter()
                            .map(|s| (char_at(s.start), char_at(s.end)))
                            .collect::<Vec<Range>>()
                    };
                    let contents: Vec<_> = t.contents.iter().map(|c| c.span).collect();
                    let confidence: Vec<f32> = t.contents.iter().map(|c| c.confidence).collect();
                    serde_json::json!({"contents": chars(&contents), "confidence": confidence,
                                       "sources": chars(&t.sources)})
                }
                None => serde_json::Value::Null,
            };
            let speakers: Vec<Option<Range>> = preds.iter().map(|p| p.1).collect();
            writeln!(
                dump,
                "{}",
                serde_json::json!({"article": article, "quotes": spans, "speakers": speakers,
                                   "cues": cues, "tagged": tagged})
            )?;
        }
        n_pred += preds.len();
        n_gold += gold.len();
        let pred_spans: Vec<Range> = preds.iter().map(|p| p.0).collect();
        let gold_spans: Vec<Range> = gold.iter().map(|g| g.content).collect();
        let mut used_p = vec![false; preds.len()];
        let mut used_g = vec![false; gold.len()];
        for (pi, gi) in matches(&pred_spans, &gold_spans, criterion) {
            used_p[pi] = true;
            used_g[gi] = true;
            tp += 1;
            if let Some(gs) = gold[gi].source {
                spk_n += 1;
                if preds[pi].1.is_some_and(|ps| overlap(ps, gs) > 0) {
                    spk_ok += 1;
                } else if shown < show && only_cue.is_none() {
                    let chars: Vec<char> = text.chars().collect();
                    let s = |r: (usize, usize)| {
                        chars[r.0..r.1.min(chars.len())].iter().collect::<String>()
                    };
                    println!(
                        "WRONG SPEAKER <{}> gold={:?} pred={:?} :: {}",
                        analysis.quotes[pi].cue.as_deref().unwrap_or(""),
                        s(gs),
                        preds[pi].1.map(s),
                        s(gold[gi].content)
                    );
                    shown += 1;
                }
            }
        }
        for (pi, q) in analysis.quotes.iter().enumerate() {
            let mut cue = if q.direct {
                "(direct)".to_string()
            } else {
                q.cue.as_deref().unwrap_or("(none)").to_lowercase()
            };
            if q.speaker.is_none() {
                cue.push_str(" no speaker");
            }
            let e = spurious_by_cue.entry(cue).or_default();
            e.1 += 1;
            if !used_p[pi] {
                e.0 += 1;
            }
        }
        {
            let chars: Vec<char> = text.chars().collect();
            for (gi, g) in gold.iter().enumerate() {
                let cue = g
                    .cue
                    .split_once("..")
                    .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)))
                    .map(|(a, b)| {
                        chars[a.min(chars.len())..b.min(chars.len())]
                            .iter()
                            .collect::<String>()
                            .to_lowercase()
                    })
                    .unwrap_or_else(|| "(none)".into());
                let e = missed_by_cue.entry(cue).or_default();
                e.1 += 1;
                if !used_g[gi] {
                    e.0 += 1;
                }
                // Content split by its own attribution (`"A," X said. "B"`): annotated as one span.
                let cue_at = g
                    .cue
                    .split_once("..")
                    .and_then(|(a, _)| a.parse::<usize>().ok());
                if cue_at.is_some_and(|c| g.content.0 < c && c < g.content.1) {
                    let e = missed_by_cue
                        .entry("(split by its cue)".into())
                        .or_default();
                    e.1 += 1;
                    if !used_g[gi] {
                        e.0 += 1;
                    }
                }
            }
        }
        if show > 0 {
            let chars: Vec<char> = text.chars().collect();
            let s = |r: (usize, usize)| chars[r.0..r.1.min(chars.len())].iter().collect::<String>();
            for (gi, g) in gold.iter().enumerate() {
                if !used_g[gi] && shown < show {
                    let cue = g
                        .cue
                        .split_once("..")
                        .and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
                        .map(s)
                        .unwrap_or_default();
                    let split = g
                        .cue
                        .split_once("..")
                        .and_then(|(a, _)| a.parse::<usize>().ok())
                        .is_some_and(|c| g.content.0 < c && c < g.content.1);
                    let wanted = match only_cue.as_deref() {
                        Some("(split)") => split,
                        _ => shows(&cue),
                    };
                    if !wanted {
                        continue;
                    }
                    let partial = preds.iter().find(|p| overlap(p.0, g.content) > 0);
                    println!(
                        "{} <{cue}> [{}] {}{}",
                        if partial.is_some() {
                            "PARTIAL"
                        } else {
                            "MISSED"
                        },
                        g.source.map(s).unwrap_or_default(),
                        s(g.content),
                        partial
                            .map(|p| format!("\n    OURS: {}", s(p.0)))
                            .unwrap_or_default()
                    );
                    shown += 1;
                }
            }
            for (pi, p) in preds.iter().enumerate() {
                if !used_p[pi] && shown < show {
                    let q = &analysis.quotes[pi];
                    let cue = if q.direct {
                        "(direct)"
                    } else {
                        q.cue.as_deref().unwrap_or("")
                    };
                    if !shows(cue) {
                        continue;
                    }
                    println!("SPURIOUS <{cue}> {}", s(p.0));
                    shown += 1;
                }
            }
        }
    }
    let (p, r, f1) = prf(tp, n_pred, n_gold);
    if show > 0 {
        let mut by: Vec<(&String, &(usize, usize))> = missed_by_cue.iter().collect();
        by.sort_by_key(|(_, (m, _))| std::cmp::Reverse(*m));
        for (cue, (m, n)) in by.iter().take(30) {
            println!("cue {cue:<16} missed {m:>4} of {n:>4}");
        }
        let mut by: Vec<(&String, &(usize, usize))> = spurious_by_cue.iter().collect();
        by.sort_by_key(|(_, (m, _))| std::cmp::Reverse(*m));
        for (cue, (m, n)) in by.iter().take(30) {
            println!("our cue {cue:<16} spurious {m:>4} of {n:>4}");
        }
    }
    let rule = match criterion {
        Criterion::Longer => "overlap >= 50% of the longer span",
        Criterion::Gold => "overlap >= 50% of the gold span",
    };
    println!("PolNeAR {split} ({rule}): {articles} articles, {n_gold} gold quotes, {n_pred} predicted, {tp} matched");
    println!(
        "precision {p:.3}  recall {r:.3}  F1 {f1:.3}  speaker accuracy {:.3} ({spk_ok}/{spk_n})",
        spk_ok as f64 / spk_n.max(1) as f64
    );
    Ok(())
}

/// Content spans (start, end, confidence) and source spans (start, end) in bytes, as the cache file
/// keeps them.
type CachedSpans = (Vec<(u32, u32, f32)>, Vec<(u32, u32)>);

/// A tagger whose spans are kept in a file, keyed by the text's hash.
struct CachedTags {
    inner: Option<Arc<dyn SpanTagger>>,
    file: std::path::PathBuf,
    tags: std::sync::Mutex<std::collections::HashMap<u64, CachedSpans>>,
    /// Texts asked for that the cache lacked, with no model to tag them.
    missing: std::sync::atomic::AtomicUsize,
}

impl CachedTags {
    fn open(inner: Option<Arc<dyn SpanTagger>>, file: std::path::PathBuf) -> anyhow::Result<Self> {
        let tags = match std::fs::read_to_string(&file) {
            Ok(s) => serde_json::from_str(&s)
                .map_err(|e| anyhow::anyhow!("{}: not a tag cache: {e}", file.display()))?,
            Err(_) if inner.is_some() => Default::default(),
            Err(e) => anyhow::bail!(
                "{}: {e} (QUOTE_TAGS without --model replays a cache)",
                file.display()
            ),
        };
        Ok(CachedTags {
            inner,
            file,
            tags: std::sync::Mutex::new(tags),
            missing: Default::default(),
        })
    }
}

impl SpanTagger for CachedTags {
    fn tag(&self, text: &str) -> corroborate::Result<Tagged> {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        let key = h.finish();
        let pairs =
            |v: &[corroborate::model::Span]| v.iter().map(|s| (s.start, s.end)).collect::<Vec<_>>();
        let spans = |v: &[(u32, u32)]| {
            v.iter()
                .map(|&(a, b)| corroborate::model::Span::new(a as usize, b as usize))
                .collect()
        };
        if let Some((c, s)) = self.tags.lock().unwrap().get(&key) {
            return Ok(Tagged {
                contents: c
                    .iter()
                    .map(|&(a, b, confidence)| TaggedContent {
                        span: corroborate::model::Span::new(a as usize, b as usize),
                        confidence,
                    })
                    .collect(),
                sources: spans(s),
            });
        }
        let Some(inner) = &self.inner else {
            self.missing
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            return Err(corroborate::Error::Invalid(format!(
                "{}: no cached tags for a text; give --model to tag it",
                self.file.display()
            )));
        };
        let t = inner.tag(text)?;
        let mut tags = self.tags.lock().unwrap();
        let contents = t
            .contents
            .iter()
            .map(|c| (c.span.start, c.span.end, c.confidence))
            .collect();
        tags.insert(key, (contents, pairs(&t.sources)));
        let _ = std::fs::write(
            &self.file,
            serde_json::to_string(&*tags).unwrap_or_default(),
        );
        Ok(t)
    }
}
