//! The ingest pipeline: read -> analyze (in parallel) -> dedupe + store (one transaction per batch) -> index.
//!
//! Input is consumed in fixed-size batches and at most two batches are in flight, so memory does not grow
//! with the input. The store commits before the index; [`Engine::open`] re-indexes anything the index
//! missed, which makes a crash at any point recoverable by simply running again. Stories follow the same
//! rule: [`Engine::catch_up_stories`] clusters whatever was stored after its last saved step.

mod stories;

use crate::analyze::analyze_with;
use crate::analyze::quotes::learned::SpanTagger;
use crate::dedupe::CopyHashes;
use crate::index::{SearchIndex, TantivyIndex};
use crate::ingest::{Item, Problem, Severity};
use crate::model::StoredArticle;
use crate::store::{Analyzed, ArticleStore, PutOutcome, RedbStore};
use crate::{Error, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub const BATCH: usize = 256;
/// Commit the search index after this many new articles (and at the end).
const INDEX_COMMIT_EVERY: usize = 32_768;
/// Make the store durable after this many batches, so a crash loses little work.
const SYNC_EVERY_BATCHES: usize = 4;
/// Stored articles whose clustering features are computed together (in parallel).
const CLUSTER_CHUNK: usize = 1024;
/// Story records written per transaction ahead of a clustering step's final save.
const RECORDS_CHUNK: usize = 4096;

/// The default data directory: `$XDG_DATA_HOME/corroborate` (or the platform equivalent).
pub fn default_data_dir() -> PathBuf {
    directories::ProjectDirs::from("", "", "corroborate")
        .map(|p| p.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from(".corroborate"))
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct IngestReport {
    pub read: u64,
    pub added: u64,
    pub duplicates: u64,
    pub unchanged: u64,
    pub conflicts: u64,
    pub skipped: u64,
    pub warnings: u64,
    /// Stored articles grouped into stories after the ingest ([`Engine::catch_up_stories`]).
    pub clustered: usize,
}

impl IngestReport {
    /// True when some input was not stored (a record skipped or an id conflict).
    pub fn partial(&self) -> bool {
        self.skipped > 0 || self.conflicts > 0
    }
}

/// Progress after each stored batch.
pub struct Progress {
    /// Articles stored so far in this ingest.
    pub added: u64,
}

/// Analyse one article. A bug in an analyser must not abort a whole ingest: a panic becomes a skipped record
/// naming the article, and the rest of the batch goes on.
fn analyze_one(
    article: crate::model::Article,
    tagger: Option<&dyn SpanTagger>,
) -> std::result::Result<Analyzed, Problem> {
    let run = std::panic::AssertUnwindSafe(|| {
        (
            analyze_with(&article, tagger),
            CopyHashes::of(&article.text),
        )
    });
    match std::panic::catch_unwind(run) {
        Ok((analysis, hashes)) => Ok(Analyzed {
            article,
            analysis,
            hashes,
        }),
        Err(_) => Err(Problem {
            path: article.origin.path.clone(),
            line: article.origin.line,
            severity: Severity::Skipped,
            message: format!(
                "internal error while analysing article {:?}; please report it",
                article.id
            ),
        }),
    }
}

/// The store and the search index of one data directory.
pub struct Engine {
    pub store: RedbStore,
    pub index: TantivyIndex,
    pub dir: PathBuf,
    /// A learned quote tagger joining the rules on articles ingested from now on (feature
    /// `quote-model`); articles already stored keep the analysis they were stored with.
    pub quote_tagger: Option<std::sync::Arc<dyn SpanTagger>>,
}

impl Engine {
    /// Open (creating if needed) the data directory and bring the index up to date with the store.
    pub fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let store = RedbStore::open(&dir.join("articles.redb"))?;
        let index = TantivyIndex::open(&dir.join("index"))?;
        let mut engine = Engine {
            store,
            index,
            dir: dir.to_path_buf(),
            quote_tagger: None,
        };
        engine.catch_up_index()?;
        Ok(engine)
    }

    /// Full-text search: ids ranked by the index, details and snippets from the store.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<crate::index::Hit>> {
        let mut hits = Vec::new();
        for r in self.index.search(query, limit)? {
            let Some(stored) = self.store.get(&r.id)? else {
                continue;
            };
            let (snippet, highlights) = self.index.snippet(query, &stored.article.text)?;
            let a = stored.article;
            hits.push(crate::index::Hit {
                title: a.title.clone(),
                source: Some(a.outlet()),
                published: a.published.map(|d| d.to_rfc3339()),
                id: a.id,
                score: r.score,
                snippet,
                highlights,
            });
        }
        Ok(hits)
    }

    /// Re-index what the store holds beyond the index's last commit.
    pub fn catch_up_index(&mut self) -> Result<u64> {
        let mut from = self.index.indexed_seq()?;
        let last = self.store.last_seq()?;
        if from > last {
            // The index holds articles the store does not (it cannot happen through `ingest`, which syncs
            // the store before each index commit, but a restored backup could do it): rebuild.
            self.index.clear()?;
            from = 0;
        }
        if last <= from {
            return Ok(0);
        }
        let mut n = 0;
        let mut err = None;
        let index = &mut self.index;
        self.store.scan(from + 1, &mut |a| {
            if let Err(e) = index.add(&a) {
                err = Some(e);
                return false;
            }
            n += 1;
            true
        })?;
        if let Some(e) = err {
            return Err(e);
        }
        self.index.commit(last)?;
        Ok(n)
    }

    /// Ingest items (articles and reader problems) into the store and index.
    pub fn ingest(
        &mut self,
        items: impl Iterator<Item = Item> + Send,
        on_problem: &mut dyn FnMut(&Problem),
        on_progress: &(dyn Fn(&Progress) + Sync),
    ) -> Result<IngestReport> {
        let mut report = IngestReport::default();
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Analyzed>>(1);
        let store = &self.store;
        let index = &mut self.index;
        let tagger = self.quote_tagger.as_deref();
        let report = std::thread::scope(|scope| -> Result<IngestReport> {
            let writer = scope.spawn(move || -> Result<(u64, u64, u64, u64, Vec<Problem>)> {
                let (mut added, mut dups, mut unchanged, mut conflicts) = (0u64, 0u64, 0u64, 0u64);
                let mut problems = Vec::new();
                let mut since_commit = 0usize;
                let mut last_seq = store.last_seq()?;
                let (mut t_store, mut t_index) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
                let mut batches = 0usize;
                for batch in rx {
                    let t0 = std::time::Instant::now();
                    let outcomes = store.put_batch(&batch)?;
                    t_store += t0.elapsed();
                    let t1 = std::time::Instant::now();
                    for (item, outcome) in batch.into_iter().zip(outcomes) {
                        match outcome {
                            PutOutcome::Added { seq, duplicate_of } => {
                                added += 1;
                                if duplicate_of.is_some() {
                                    dups += 1;
                                }
                                last_seq = seq;
                                index.add(&StoredArticle { article: item.article, analysis: item.analysis, seq, duplicate_of })?;
                                since_commit += 1;
                            }
                            PutOutcome::Unchanged => unchanged += 1,
                            PutOutcome::Conflict { existing } => {
                                conflicts += 1;
                                problems.push(Problem {
                                    path: item.article.origin.path.clone(),
                                    line: item.article.origin.line,
                                    severity: Severity::Skipped,
                                    message: format!("id {:?} is already stored with different text (from {existing}); kept the stored one", item.article.id),
                                });
                            }
                        }
                    }
                    on_progress(&Progress { added });
                    batches += 1;
                    if since_commit >= INDEX_COMMIT_EVERY {
                        store.sync()?;
                        index.commit(last_seq)?;
                        since_commit = 0;
                    } else if batches.is_multiple_of(SYNC_EVERY_BATCHES) {
                        store.sync()?;
                    }
                    t_index += t1.elapsed();
                }
                let t1 = std::time::Instant::now();
                store.sync()?;
                if since_commit > 0 {
                    index.commit(last_seq)?;
                }
                t_index += t1.elapsed();
                tracing::info!(store_s = t_store.as_secs_f64(), index_s = t_index.as_secs_f64(), "writer thread time");
                Ok((added, dups, unchanged, conflicts, problems))
            });
            let mut batch = Vec::with_capacity(BATCH);
            let mut failed: Vec<Problem> = Vec::new();
            let mut send = |batch: Vec<crate::model::Article>| -> bool {
                let results: Vec<std::result::Result<Analyzed, Problem>> = batch
                    .into_par_iter()
                    .map(|a| analyze_one(a, tagger))
                    .collect();
                let mut analyzed = Vec::with_capacity(results.len());
                for r in results {
                    match r {
                        Ok(a) => analyzed.push(a),
                        Err(p) => failed.push(p),
                    }
                }
                tx.send(analyzed).is_ok()
            };
            let mut ok = true;
            for item in items {
                match item {
                    Item::Article(a) => {
                        report.read += 1;
                        batch.push(*a);
                        if batch.len() == BATCH {
                            ok = send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                            if !ok {
                                break;
                            }
                        }
                    }
                    Item::Problem(p) => {
                        match p.severity {
                            Severity::Warning => report.warnings += 1,
                            Severity::Skipped => report.skipped += 1,
                        }
                        on_problem(&p);
                    }
                }
            }
            if ok && !batch.is_empty() {
                send(batch);
            }
            drop(tx);
            for p in &failed {
                report.skipped += 1;
                on_problem(p);
            }
            let (added, dups, unchanged, conflicts, problems) = writer
                .join()
                .map_err(|_| Error::Invalid("the store writer thread panicked".into()))??;
            for p in &problems {
                on_problem(p);
            }
            report.added = added;
            report.duplicates = dups;
            report.unchanged = unchanged;
            report.conflicts = conflicts;
            Ok(report)
        })?;
        Ok(report)
    }
}
