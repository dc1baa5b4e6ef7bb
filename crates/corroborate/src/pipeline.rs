//! The ingest pipeline: read -> analyze (in parallel) -> dedupe + store (one transaction per batch) -> index.
//!
//! Input is consumed in fixed-size batches and at most two batches are in flight, so memory does not grow
//! with the input. The store commits before the index; [`Engine::open`] re-indexes anything the index
//! missed, which makes a crash at any point recoverable by simply running again. Stories follow the same
//! rule: [`Engine::catch_up_stories`] clusters whatever was stored after its last saved step.

use crate::analyze::analyze;
use crate::cluster::{
    event_features, newest_first, stories, ClusterConfig, ClusterSnapshot, Story,
};
use crate::dedupe::{content_hash, signature};
use crate::index::{SearchIndex, TantivyIndex};
use crate::ingest::{Item, Problem, Severity};
use crate::model::StoredArticle;
use crate::store::{Analyzed, ArticleStore, PutOutcome, RedbStore, StoryStore, StoryUpdate};
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
fn analyze_one(article: crate::model::Article) -> std::result::Result<Analyzed, Problem> {
    let run = std::panic::AssertUnwindSafe(|| {
        (
            analyze(&article),
            signature(&article.text),
            content_hash(&article.text),
        )
    });
    match std::panic::catch_unwind(run) {
        Ok((analysis, signature, content_hash)) => Ok(Analyzed {
            article,
            analysis,
            signature,
            content_hash,
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

    /// Cluster the articles stored since the last clustering step into stories and save the step
    /// (the clusterer's state and the records of every story it touched) in one transaction.
    /// Returns how many articles were clustered.
    pub fn catch_up_stories(&self) -> Result<usize> {
        let last = self.store.last_seq()?;
        let mut from = self.store.clustered_seq()?;
        let saved = match self.store.story_snapshot()? {
            Some(bytes) if from <= last => match ClusterSnapshot::from_bytes(&bytes) {
                Ok(snap) => Some(snap),
                Err(e) => {
                    // Stories are derived data: an unreadable state (an older build's format) is
                    // rebuilt from the articles, never an error.
                    tracing::warn!("{e}; clustering the store again");
                    None
                }
            },
            _ => None,
        };
        // Nothing saved yet, a state ahead of the store (a restored backup) or an unreadable one:
        // start over.
        let mut snap = saved.unwrap_or_else(|| {
            from = 0;
            ClusterSnapshot::new(ClusterConfig::default())
        });
        if last <= from {
            return Ok(0);
        }
        let t0 = std::time::Instant::now();
        let mut touched = std::collections::BTreeSet::new();
        let mut chunk: Vec<StoredArticle> = Vec::with_capacity(CLUSTER_CHUNK);
        let mut add = |chunk: &mut Vec<StoredArticle>, snap: &mut ClusterSnapshot| {
            // Features are pure, so they are computed in parallel; joining stories is sequential.
            let cfg = snap.clusterer.config().clone();
            let features: Vec<_> = chunk
                .par_iter()
                .map(|a| event_features(&a.article, Some(&a.analysis), &cfg))
                .collect();
            for (a, f) in chunk.drain(..).zip(features) {
                touched.insert(snap.clusterer.add_features(&f));
                snap.seqs.push(a.seq);
            }
        };
        self.store.scan(from + 1, &mut |a| {
            chunk.push(a);
            if chunk.len() == CLUSTER_CHUNK {
                add(&mut chunk, &mut snap);
            }
            true
        })?;
        add(&mut chunk, &mut snap);
        let clustered = snap.seqs.len() - snap.seqs.partition_point(|&s| s <= from);
        let t1 = std::time::Instant::now();
        let live: std::collections::BTreeSet<u32> = touched
            .into_iter()
            .map(|id| snap.clusterer.current_id(id))
            .collect();
        // Records are written ahead in chunks, so a large step never holds them all.
        let mut records: Vec<(u32, Option<Story>)> = Vec::new();
        for id in live {
            records.push((id, self.story_record(&snap, id)?));
            if records.len() == RECORDS_CHUNK {
                self.store.put_story_records(&records)?;
                records.clear();
            }
        }
        records.extend(snap.clusterer.merged_ids().map(|id| (id, None)));
        let t2 = std::time::Instant::now();
        self.store.put_stories(&StoryUpdate {
            clustered_seq: snap.seqs.last().copied().unwrap_or(0),
            snapshot: snap.to_bytes()?,
            records,
        })?;
        tracing::info!(
            clustered,
            cluster_s = (t1 - t0).as_secs_f64(),
            records_s = (t2 - t1).as_secs_f64(),
            save_s = t2.elapsed().as_secs_f64(),
            "stories caught up"
        );
        Ok(clustered)
    }

    /// The record of one story, from its member articles.
    fn story_record(&self, snap: &ClusterSnapshot, id: u32) -> Result<Option<Story>> {
        let mut docs = Vec::new();
        for p in snap.clusterer.members(id) {
            if let Some(a) = self.store.get_seq(snap.seqs[p])? {
                docs.push(a);
            }
        }
        let index: std::collections::HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, a)| (a.article.id.as_str(), i))
            .collect();
        let copy_of: Vec<Option<usize>> = docs
            .iter()
            .map(|a| {
                a.duplicate_of
                    .as_deref()
                    .and_then(|o| index.get(o).copied())
            })
            .collect();
        let refs: Vec<_> = docs
            .iter()
            .map(|a| (&a.article, Some(&a.analysis)))
            .collect();
        Ok(stories(&refs, &vec![id; refs.len()], &copy_of).pop())
    }

    /// Every story, newest (by its latest article) first, after clustering what is new.
    pub fn stories(&self) -> Result<Vec<Story>> {
        self.catch_up_stories()?;
        let mut list = self.store.stories()?;
        newest_first(&mut list);
        Ok(list)
    }

    /// One story and its member articles, earliest first.
    pub fn story(&self, id: u32) -> Result<Option<(Story, Vec<StoredArticle>)>> {
        self.catch_up_stories()?;
        let Some(story) = self.store.story(id)? else {
            return Ok(None);
        };
        let mut members = Vec::with_capacity(story.members.len());
        for m in &story.members {
            if let Some(a) = self.store.get(m)? {
                members.push(a);
            }
        }
        Ok(Some((story, members)))
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
                let results: Vec<std::result::Result<Analyzed, Problem>> =
                    batch.into_par_iter().map(analyze_one).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::cluster_all;
    use crate::model::{Article, Origin};

    fn article(id: &str, title: &str, text: &str, date: &str) -> Article {
        Article {
            title: Some(title.into()),
            source: Some(format!("Outlet {id}")),
            published: crate::ingest::parse_date(date),
            ..Article::new(id, text, Origin::inline(id))
        }
    }

    fn articles() -> Vec<Article> {
        let dock = "Dock workers in Port Elmsby returned to work after a nine-day strike over pay and night shifts, the union said.";
        let dam = "Marovia and Belkania held their first talks on the Dunavar dam in Geneva on Tuesday, officials said.";
        vec![
            article("a1", "Dock strike ends in Port Elmsby", dock, "2025-06-11"),
            article("b1", "Dam talks open in Geneva", dam, "2025-06-10"),
            article("a2", "Elmsby dockers back at work", "The strike by Port Elmsby dock workers is over; the union accepted a pay rise and limits on night shifts.", "2025-06-12"),
            article("b2", "Geneva talks on Dunavar dam end", "Talks between Marovia and Belkania on the Dunavar dam ended in Geneva with a technical commission.", "2025-06-11"),
            // A wire copy of a1: same story, one source.
            article("a3", "Dock strike ends in Port Elmsby", dock, "2025-06-12"),
        ]
    }

    fn ingest(engine: &mut Engine, arts: &[Article]) -> IngestReport {
        let items: Vec<Item> = arts
            .iter()
            .map(|a| Item::Article(Box::new(a.clone())))
            .collect();
        let mut report = engine
            .ingest(items.into_iter(), &mut |_| {}, &|_| {})
            .expect("ingest");
        report.clustered = engine.catch_up_stories().expect("stories");
        report
    }

    #[test]
    fn stories_are_stored_and_follow_each_ingest() {
        let dir = tempfile::tempdir().unwrap();
        let arts = articles();
        {
            let mut engine = Engine::open(dir.path()).unwrap();
            assert!(
                engine.stories().unwrap().is_empty(),
                "an empty store has no stories"
            );
            let first = ingest(&mut engine, &arts[..2]);
            assert_eq!(first.clustered, 2);
            assert_eq!(engine.store.stories().unwrap().len(), 2);
        }
        // Reopened: the saved clusterer carries on where it stopped.
        let mut engine = Engine::open(dir.path()).unwrap();
        let second = ingest(&mut engine, &arts[2..]);
        assert_eq!(second.clustered, 3);
        let stored = engine.stories().unwrap();
        assert_eq!(stored.len(), 2, "{stored:?}");
        let dock = stored
            .iter()
            .find(|s| s.members.contains(&"a1".to_string()))
            .unwrap();
        assert_eq!(dock.articles, 3);
        assert_eq!(dock.sources, 2, "the wire copy counts once");
        assert!(
            dock.members.contains(&"a2".to_string()) && dock.members.contains(&"a3".to_string())
        );
        // The same stories as clustering everything at once, in the same order.
        let analyses: Vec<_> = arts.iter().map(crate::analyze::analyze).collect();
        let docs: Vec<_> = arts
            .iter()
            .zip(&analyses)
            .map(|(a, b)| (a, Some(b)))
            .collect();
        let copy_of = vec![None, None, None, None, Some(0)];
        let all_at_once = stories(
            &docs,
            &cluster_all(&docs, ClusterConfig::default()),
            &copy_of,
        );
        assert_eq!(stored, all_at_once);
        // Nothing new: nothing to cluster, records unchanged.
        assert_eq!(engine.catch_up_stories().unwrap(), 0);
        let (story, members) = engine.story(dock.id).unwrap().unwrap();
        assert_eq!(&story, dock);
        assert_eq!(members.len(), 3);
        assert!(engine.story(999).unwrap().is_none());
    }

    #[test]
    fn an_unreadable_clustering_state_is_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let arts = articles();
        let mut engine = Engine::open(dir.path()).unwrap();
        ingest(&mut engine, &arts);
        let expected = engine.stories().unwrap();
        engine
            .store
            .put_stories(&StoryUpdate {
                clustered_seq: 3,
                snapshot: b"not a snapshot".to_vec(),
                records: Vec::new(),
            })
            .unwrap();
        assert_eq!(engine.catch_up_stories().unwrap(), arts.len());
        assert_eq!(engine.stories().unwrap(), expected);
    }

    #[test]
    fn a_lost_clustering_step_is_redone() {
        let dir = tempfile::tempdir().unwrap();
        let arts = articles();
        let mut engine = Engine::open(dir.path()).unwrap();
        ingest(&mut engine, &arts[..2]);
        let before = engine.store.story_snapshot().unwrap();
        ingest(&mut engine, &arts[2..]);
        let expected = engine.stories().unwrap();
        // As if the process died after storing articles but before saving the clustering step.
        engine
            .store
            .put_stories(&StoryUpdate {
                clustered_seq: 2,
                snapshot: before.unwrap(),
                records: Vec::new(),
            })
            .unwrap();
        assert_eq!(engine.catch_up_stories().unwrap(), 3);
        assert_eq!(engine.stories().unwrap(), expected);
    }
}
