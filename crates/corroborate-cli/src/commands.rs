//! One function per subcommand. Each returns Ok(true) when everything went well, Ok(false) for findings or
//! partial failure, and Err for fatal errors.

use crate::output::Out;
use crate::{Cli, Command, InputFormat};
use anyhow::{bail, Context, Result};
use corroborate::analyze::quotes::learned::SpanTagger;
use corroborate::cluster::{cluster_all, ClusterConfig};
use corroborate::entities::{collect_entities, collect_quotes};
use corroborate::ingest::{self, IngestOptions, Item, Problem};
use corroborate::model::{Analysis, Article, Format};
use corroborate::pipeline::{default_data_dir, Engine};
use corroborate::store::ArticleStore;
use corroborate::synth::answer::{answer, Answer};
use corroborate::synth::briefing::{brief, BriefOptions};
use corroborate::synth::{Budget, Corpus, Doc, SummaryOptions};
use corroborate::verify::{verify, VerifyOptions};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub fn run(cli: &Cli) -> Result<bool> {
    let out = Out::new(cli.format);
    match &cli.command {
        Command::Ingest {
            paths,
            as_format,
            max_bytes,
            no_stories,
        } => ingest(cli, paths, *as_format, *max_bytes, !*no_stories),
        Command::Search { query, limit } => {
            let engine = open(cli)?;
            let hits = engine.search(&query.join(" "), *limit)?;
            out.search(&hits);
            Ok(!hits.is_empty())
        }
        Command::Show { id } => {
            let engine = open(cli)?;
            let Some(a) = engine.store.get(id)? else {
                bail!("no article with id {id:?} in {}", engine.dir.display())
            };
            out.article(&a);
            Ok(true)
        }
        Command::Stats => {
            let engine = open(cli)?;
            out.stats(&engine.store.stats()?, &engine.dir);
            Ok(true)
        }
        Command::Entities { paths, kind, limit } => {
            let (docs, clean) = load_docs(cli, paths)?;
            let refs: Vec<(&Article, &Analysis)> = docs.iter().map(|(a, b)| (a, b)).collect();
            let mut ents = collect_entities(&refs);
            if let Some(k) = kind {
                ents.retain(|e| e.kind.as_str().starts_with(&k.to_lowercase()));
            }
            if let Some(l) = limit {
                ents.truncate(*l);
            }
            out.entities(&ents);
            Ok(clean)
        }
        Command::Quotes { paths, speaker } => {
            let (docs, clean) = load_docs(cli, paths)?;
            let refs: Vec<(&Article, &Analysis)> = docs.iter().map(|(a, b)| (a, b)).collect();
            let mut quotes = collect_quotes(&refs);
            if let Some(s) = speaker {
                let s = s.to_lowercase();
                quotes.retain(|q| {
                    q.speaker
                        .as_deref()
                        .is_some_and(|n| n.to_lowercase().contains(&s))
                });
            }
            out.quotes(&quotes);
            Ok(clean)
        }
        Command::Extract { out: dir, paths } => extract(cli, dir, paths),
        #[cfg(feature = "serve")]
        Command::Serve { addr } => crate::serve::serve(cli, addr),
        Command::Stories { limit } => {
            let mut list = open(cli)?.stories()?;
            if let Some(l) = limit {
                list.truncate(*l);
            }
            out.stories(&list);
            Ok(!list.is_empty())
        }
        Command::Story { id } => {
            let Some((story, members)) = open(cli)?.story(*id)? else {
                bail!("no story {id} in {}", data_dir(cli).display());
            };
            let members: Vec<&Article> = members.iter().map(|a| &a.article).collect();
            out.story(&story, &members);
            Ok(true)
        }
        Command::Brief {
            story,
            sources,
            max_words,
            query,
        } => {
            let (docs, clean) = match story {
                _ if !sources.is_empty() => load_docs(cli, sources)?,
                Some(id) => (stored_story(cli, *id)?, true),
                None => bail!("give a STORY_ID or --sources"),
            };
            if !sources.is_empty() && !cli.quiet {
                warn_if_several_stories(&docs);
            }
            let corpus = corpus_of(&docs);
            let opts = BriefOptions {
                summary_words: *max_words,
                query: query.clone(),
                ..BriefOptions::default()
            };
            out.briefing(&brief(&corpus, &opts));
            Ok(clean)
        }
        Command::Ask { sources, question } => {
            let mut sources = sources.clone();
            let mut question = question.join(" ");
            if question.trim().is_empty() {
                match sources.pop() {
                    Some(q) if !q.exists() => question = q.to_string_lossy().into_owned(),
                    _ => bail!("no question given"),
                }
            }
            let (a, clean) = if sources.is_empty() {
                (answer_from_store(&open(cli)?, &question)?, true)
            } else {
                let (docs, clean) = load_docs(cli, &sources)?;
                (answer(&corpus_of(&docs), &question), clean)
            };
            out.answer(&a);
            Ok(clean && a.supported)
        }
        Command::Verify {
            file,
            sources,
            story,
        } => {
            let mut sources = sources.clone();
            let file = match file {
                Some(f) => f.clone(),
                None if sources.len() >= 2 => sources.pop().expect("two or more"),
                None => bail!("give the text to verify (a FILE, or - for stdin)"),
            };
            let text = read_text(&file)?;
            let (docs, clean) = match story {
                Some(id) => (stored_story(cli, *id)?, true),
                None if !sources.is_empty() => load_docs(cli, &sources)?,
                None => bail!("no sources: give --sources PATH... or --story ID"),
            };
            let corpus = corpus_of(&docs);
            let report = verify(&corpus, &text, &VerifyOptions::default());
            out.verification(&report);
            Ok(clean && report.all_supported())
        }
        Command::Summarize {
            paths,
            max_words,
            max_bytes,
            query,
            overflow,
        } => {
            let (docs, clean) =
                load_docs_with(cli, paths, &corroborate::analyze::analyze_sentences)?;
            let budget = match (max_words, max_bytes) {
                (_, Some(b)) => Budget::Bytes(*b),
                (Some(w), None) => Budget::Words(*w),
                (None, None) => Budget::Words(150),
            };
            let corpus = corpus_of(&docs);
            let opts = SummaryOptions {
                budget,
                query: query.clone(),
                overflow: *overflow,
                ..SummaryOptions::default()
            };
            let picked = corroborate::synth::summarize(&corpus, &opts);
            out.summary(&corpus, &picked);
            // The process ends here: freeing thousands of small allocations one by one would only
            // cost time (a few percent of a one-shot summary) before the OS takes the memory back.
            std::mem::forget(corpus);
            std::mem::forget(docs);
            Ok(clean)
        }
        Command::Cluster { paths } => {
            let (docs, clean) = load_docs(cli, paths)?;
            let refs: Vec<(&Article, Option<&Analysis>)> =
                docs.iter().map(|(a, b)| (a, Some(b))).collect();
            let stories = corroborate::cluster::cluster_all(
                &refs,
                corroborate::cluster::ClusterConfig::default(),
            );
            out.clusters(&refs, &stories);
            Ok(clean)
        }
    }
}

/// Given files about more than one event make one briefing that mixes them: say so, and how to
/// brief each event alone.
fn warn_if_several_stories(docs: &Docs) {
    let refs: Vec<(&Article, Option<&Analysis>)> = docs.iter().map(|(a, b)| (a, Some(b))).collect();
    let assignment = cluster_all(&refs, ClusterConfig::default());
    let mut firsts: Vec<(u32, usize)> = Vec::new();
    for (i, &s) in assignment.iter().enumerate() {
        if !firsts.iter().any(|&(t, _)| t == s) {
            firsts.push((s, i));
        }
    }
    if firsts.len() < 2 {
        return;
    }
    eprintln!(
        "warning: these {} articles are about {} different stories; the briefing covers them together \
         (`corroborate cluster` groups them; brief one story's files, or `ingest` them and `brief STORY_ID`):",
        docs.len(),
        firsts.len()
    );
    for (s, first) in firsts {
        let n = assignment.iter().filter(|&&t| t == s).count();
        let a = &docs[first].0;
        let title = a.title.as_deref().unwrap_or(&a.id);
        eprintln!("  {n} article(s), e.g. {title}");
    }
}

/// Analysed articles held in memory.
pub(crate) type Docs = Vec<(Article, Analysis)>;

pub(crate) fn corpus_of(docs: &[(Article, Analysis)]) -> Corpus<'_> {
    Corpus::new(
        docs.iter()
            .map(|(article, analysis)| Doc { article, analysis })
            .collect(),
    )
}

/// The members of one story of the store.
fn stored_story(cli: &Cli, id: u32) -> Result<Docs> {
    let engine = open(cli)?;
    match story_docs(&engine, id)? {
        Some(docs) => Ok(docs),
        None => bail!("no story {id} in {}", engine.dir.display()),
    }
}

/// The members of one story of an open store, analysed; `None` when there is no such story.
pub(crate) fn story_docs(engine: &Engine, id: u32) -> Result<Option<Docs>> {
    Ok(engine.story(id)?.map(|(_, members)| {
        members
            .into_iter()
            .map(|a| (a.article, a.analysis))
            .collect()
    }))
}

/// A question answered from the whole store: the story it is about is the one that answers it best,
/// among the stories of the best search hits.
pub(crate) fn answer_from_store(engine: &Engine, question: &str) -> Result<Answer> {
    let answers = stories_for_question(engine, question)?
        .iter()
        .map(|docs| answer(&corpus_of(docs), question))
        .collect::<Vec<_>>();
    Ok(answers
        .into_iter()
        .reduce(|best, a| {
            if (a.supported, a.coverage) > (best.supported, best.coverage) {
                a
            } else {
                best
            }
        })
        .unwrap_or_else(|| answer(&corpus_of(&[]), question)))
}

/// The stories a question may be about: the groups of the best search hits, in the order of their
/// best hit, at most `QUESTION_STORIES`. None when no stored article matches.
fn stories_for_question(engine: &Engine, question: &str) -> Result<Vec<Docs>> {
    // Only articles that match the question are read and clustered, so the cost does not grow with
    // the store.
    let hits = engine.search(
        &corroborate::synth::answer::search_terms(question),
        QUESTION_HITS,
    )?;
    let mut docs: Docs = Vec::new();
    for h in &hits {
        if let Some(a) = engine.store.get(&h.id)? {
            docs.push((a.article, a.analysis));
        }
    }
    let refs: Vec<(&Article, Option<&Analysis>)> = docs.iter().map(|(a, b)| (a, Some(b))).collect();
    let assignment = cluster_all(&refs, ClusterConfig::default());
    let mut order: Vec<u32> = Vec::new();
    for &s in &assignment {
        if !order.contains(&s) && order.len() < QUESTION_STORIES {
            order.push(s);
        }
    }
    let mut stories: Vec<Docs> = vec![Vec::new(); order.len()];
    for (d, s) in docs.into_iter().zip(assignment) {
        if let Some(i) = order.iter().position(|&o| o == s) {
            stories[i].push(d);
        }
    }
    Ok(stories)
}

/// Search hits read when answering from the whole store.
const QUESTION_HITS: usize = 100;
/// Stories among those hits that get to answer.
const QUESTION_STORIES: usize = 3;

/// The text to verify, from a file or stdin (`-`).
fn read_text(path: &Path) -> Result<String> {
    let text = if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).context("reading stdin")?;
        s
    } else {
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?
    };
    Ok(text)
}

fn data_dir(cli: &Cli) -> PathBuf {
    cli.data.clone().unwrap_or_else(default_data_dir)
}

pub(crate) fn open(cli: &Cli) -> Result<Engine> {
    let dir = data_dir(cli);
    Engine::open(&dir).with_context(|| format!("opening the data directory {}", dir.display()))
}

fn to_format(f: InputFormat) -> Format {
    match f {
        InputFormat::Text => Format::Text,
        InputFormat::Html => Format::Html,
        InputFormat::Feed => Format::Feed,
        InputFormat::Jsonl => Format::Jsonl,
    }
}

fn report_problem(p: &Problem) {
    eprintln!("{p}");
}

fn ingest(
    cli: &Cli,
    paths: &[PathBuf],
    as_format: Option<InputFormat>,
    max_bytes: u64,
    stories: bool,
) -> Result<bool> {
    // A tagger that cannot load stops the ingest before the store is touched.
    let tagger = quote_tagger(cli)?;
    let mut engine = open(cli)?;
    engine.quote_tagger = tagger;
    let opts = IngestOptions {
        max_bytes,
        format: as_format.map(to_format),
    };
    let bar = if cli.quiet {
        ProgressBar::hidden()
    } else {
        ProgressBar::new_spinner()
    };
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{elapsed_precise}, {per_sec}]")
            .expect("valid template"),
    );
    let items = ingest::read_inputs(paths, &opts);
    let mut report = engine.ingest(
        items,
        &mut |p| bar.suspend(|| report_problem(p)),
        &|progress| {
            bar.set_position(progress.added);
            bar.set_message(format!("{} articles stored", progress.added));
        },
    )?;
    if stories {
        bar.set_message("grouping new articles into stories");
        // Stored stories follow the store: what was just added joins its stories now.
        report.clustered = engine.catch_up_stories()?;
    }
    bar.finish_and_clear();
    if !cli.quiet {
        eprintln!(
            "read {} articles: {} added ({} near-duplicates of stored articles), {} unchanged, {} id conflicts; {} records skipped, {} warnings; {} articles joined stories",
            report.read, report.added, report.duplicates, report.unchanged, report.conflicts, report.skipped, report.warnings, report.clustered
        );
    }
    if cli.format == crate::OutputFormat::Json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    Ok(!report.partial())
}

/// Analysed articles: from the given paths (one-shot, no store) or, with no paths, from the store.
fn load_docs(cli: &Cli, paths: &[PathBuf]) -> Result<(Vec<(Article, Analysis)>, bool)> {
    let tagger = if paths.is_empty() {
        None // stored articles keep the analysis they were stored with
    } else {
        quote_tagger(cli)?
    };
    load_docs_with(cli, paths, &|a: &Article| {
        corroborate::analyze::analyze_with(a, tagger.as_deref())
    })
}

/// The learned quote tagger `--quote-model` names, loaded once per command.
fn quote_tagger(cli: &Cli) -> Result<Option<Arc<dyn SpanTagger>>> {
    corroborate::analyze::quotes::learned::load_tagger(cli.quote_model.as_deref())
        .context("--quote-model")
}

/// Input size from which one-shot commands analyse articles in parallel.
const PARALLEL_ANALYSIS_BYTES: usize = 256 * 1024;

/// `load_docs` with a chosen analyser (summaries need only sentences).
fn load_docs_with(
    cli: &Cli,
    paths: &[PathBuf],
    analyse: &(dyn Fn(&Article) -> Analysis + Sync),
) -> Result<(Vec<(Article, Analysis)>, bool)> {
    if paths.is_empty() {
        let engine = open(cli)?;
        let mut docs = Vec::new();
        engine.store.scan(0, &mut |a| {
            docs.push((a.article, a.analysis));
            true
        })?;
        return Ok((docs, true));
    }
    let mut articles = Vec::new();
    let mut clean = true;
    for item in ingest::read_inputs(paths, &IngestOptions::default()) {
        match item {
            Item::Article(a) => articles.push(*a),
            Item::Problem(p) => {
                clean &= p.severity == ingest::Severity::Warning;
                report_problem(&p);
            }
        }
    }
    if articles.is_empty() {
        bail!(
            "no articles could be read from {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let with_analysis = |a: Article| {
        let an = analyse(&a);
        (a, an)
    };
    // A handful of articles is analysed in a few milliseconds: starting the thread pool would cost
    // more CPU than it saves time.
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let docs = if bytes < PARALLEL_ANALYSIS_BYTES {
        articles.into_iter().map(with_analysis).collect()
    } else {
        articles.into_par_iter().map(with_analysis).collect()
    };
    Ok((docs, clean))
}

fn extract(cli: &Cli, out_dir: &Path, paths: &[PathBuf]) -> Result<bool> {
    std::fs::create_dir_all(out_dir).with_context(|| format!("creating {}", out_dir.display()))?;
    let mut files = Vec::new();
    for p in paths {
        collect_html(p, &mut files).with_context(|| format!("reading {}", p.display()))?;
    }
    if files.is_empty() {
        bail!(
            "no .html or .htm files under {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let failures: Vec<String> = files
        .par_iter()
        .filter_map(|f| {
            let result = std::fs::read(f)
                .map_err(|e| e.to_string())
                .and_then(|bytes| {
                    let html =
                        ingest::charset::decode(&bytes, corroborate::model::Format::Html).text;
                    ingest::extract_html(&html, None)
                });
            let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or("page");
            let target = out_dir.join(format!("{stem}.txt"));
            match result {
                Ok(page) => replace_file(&target, page.paragraphs.join("\n") + "\n")
                    .err()
                    .map(|e| format!("{}: {e}", target.display())),
                Err(e) => Some(format!("{}: {e}", f.display())),
            }
        })
        .collect();
    for f in &failures {
        eprintln!("{f}");
    }
    if !cli.quiet {
        eprintln!(
            "extracted {} of {} pages into {}",
            files.len() - failures.len(),
            files.len(),
            out_dir.display()
        );
    }
    Ok(failures.is_empty())
}

/// Write `contents` to `path` as a new file. An existing file is removed first rather than truncated:
/// ext4 flushes a truncated-and-rewritten file's data when it is closed (its guard against
/// zero-length files after a crash), which made re-running `extract` into the same folder wait on
/// the disk for every page.
fn replace_file(path: &Path, contents: String) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    std::fs::write(path, contents)
}

fn collect_html(p: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            collect_html(&e, out)?;
        }
    } else if p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "html" | "htm" | "xhtml"))
    {
        out.push(p.to_path_buf());
    }
    Ok(())
}
