//! Stored stories kept in step with the store. A clustering step ([`Engine::catch_up_stories`]) loads
//! the saved clusterer, adds the articles stored after its last step in ingest order, and saves its
//! state together with the records of every story it touched, in one transaction. A crash loses
//! nothing: the next step starts from the saved state.
//!
//! Clustering inside the ingest (features computed with the analysis, the clusterer on a thread beside
//! the store writer) was tried: on two cores it was no faster than this step after the ingest, and its
//! peak memory was higher (the clusterer and the index writer's heap alive at once).

use super::{Engine, CLUSTER_CHUNK, RECORDS_CHUNK};
use crate::cluster::{
    event_features_with, newest_first, stories, ClusterConfig, ClusterSnapshot, EventFeatures,
    Story,
};
use crate::dedupe::CopyHashes;
use crate::model::StoredArticle;
use crate::store::{ArticleStore, RedbStore, StoryStore, StoryUpdate};
use crate::{Error, Result};
use rayon::prelude::*;
use std::collections::BTreeSet;

/// A clustering step in progress: the clusterer, the last seq it had clustered when the step began,
/// and the stories the step changed.
struct ClusterStep {
    snap: ClusterSnapshot,
    from: u64,
    touched: BTreeSet<u32>,
    started: std::time::Instant,
}

impl ClusterStep {
    /// Add one stored article (in seq order) by its features.
    fn add(&mut self, seq: u64, features: &EventFeatures) {
        self.touched
            .insert(self.snap.clusterer.add_features(features));
        self.snap.seqs.push(seq);
    }

    fn config(&self) -> ClusterConfig {
        self.snap.clusterer.config().clone()
    }

    /// Articles this step added.
    fn clustered(&self) -> usize {
        self.snap.seqs.len() - self.snap.seqs.partition_point(|&s| s <= self.from)
    }
}

impl Engine {
    /// Start a clustering step from the saved state: nothing saved yet, a state ahead of the store (a
    /// restored backup) or an unreadable one (an older build's format) start over from the first
    /// article. Stories are derived data, so none of these is an error.
    fn begin_cluster_step(&self) -> Result<ClusterStep> {
        let last = self.store.last_seq()?;
        let from = self.store.clustered_seq()?;
        let saved = match self.store.story_snapshot()? {
            Some(bytes) if from <= last => match ClusterSnapshot::from_bytes(&bytes) {
                Ok(snap) => Some((snap, from)),
                Err(e) => {
                    tracing::warn!("{e}; clustering the store again");
                    None
                }
            },
            _ => None,
        };
        let (snap, from) =
            saved.unwrap_or_else(|| (ClusterSnapshot::new(ClusterConfig::default()), 0));
        Ok(ClusterStep {
            snap,
            from,
            touched: BTreeSet::new(),
            started: std::time::Instant::now(),
        })
    }

    /// Cluster the articles stored since the last clustering step into stories and save the step
    /// (the clusterer's state and the records of every story it touched) in one transaction.
    /// Returns how many articles were clustered.
    pub fn catch_up_stories(&self) -> Result<usize> {
        let mut step = self.begin_cluster_step()?;
        self.cluster_stored(&mut step)?;
        self.end_cluster_step(step)
    }

    /// Add to the step everything stored after it. Reading and feature extraction (pure, parallel)
    /// run on one thread while stories are joined (sequential) on this one: joining was idle while a
    /// chunk was read, and reading while it joined.
    fn cluster_stored(&self, step: &mut ClusterStep) -> Result<()> {
        let from = step.from;
        if self.store.last_seq()? <= from {
            return Ok(());
        }
        let cfg = step.config();
        std::thread::scope(|scope| -> Result<()> {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<(u64, EventFeatures)>>(2);
            let reader = scope.spawn(move || -> Result<()> {
                let mut chunk: Vec<(StoredArticle, CopyHashes)> = Vec::with_capacity(CLUSTER_CHUNK);
                let send = |chunk: &mut Vec<(StoredArticle, CopyHashes)>| {
                    let features: Vec<_> = chunk
                        .par_drain(..)
                        .map(|(a, hashes)| {
                            let f =
                                event_features_with(&a.article, Some(&a.analysis), &cfg, hashes);
                            (a.seq, f)
                        })
                        .collect();
                    // A closed channel means the joining side stopped: stop reading too.
                    tx.send(features).is_ok()
                };
                self.store.scan_with_hashes(from + 1, &mut |a, hashes| {
                    chunk.push((a, hashes));
                    chunk.len() < CLUSTER_CHUNK || send(&mut chunk)
                })?;
                send(&mut chunk);
                Ok(())
            });
            for features in rx {
                for (seq, f) in features {
                    step.add(seq, &f);
                }
            }
            reader
                .join()
                .map_err(|_| Error::Invalid("the story reader thread panicked".into()))?
        })
    }

    /// Save a step: the records of the stories it touched (written ahead in chunks, so a large step
    /// never holds them all), then the clusterer's state with the last records in one transaction.
    /// Returns how many articles the step clustered.
    fn end_cluster_step(&self, step: ClusterStep) -> Result<usize> {
        let clustered = step.clustered();
        if clustered == 0 {
            return Ok(0);
        }
        let t1 = std::time::Instant::now();
        let snap = &step.snap;
        let live: Vec<u32> = step
            .touched
            .iter()
            .map(|&id| snap.clusterer.current_id(id))
            .collect::<BTreeSet<u32>>()
            .into_iter()
            .collect();
        let mut records: Vec<(u32, Option<Story>)> = Vec::new();
        let mut chunks = live.chunks(RECORDS_CHUNK).peekable();
        while let Some(chunk) = chunks.next() {
            // A record reads its story's articles back: stories are independent, so in parallel
            // (a catch-up over a whole store rebuilds every record).
            let built = chunk
                .par_iter()
                .map(|&id| Ok((id, story_record(&self.store, snap, id)?)))
                .collect::<Result<Vec<_>>>()?;
            if chunks.peek().is_some() {
                self.store.put_story_records(&built)?;
            } else {
                records = built;
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
            cluster_s = (t1 - step.started).as_secs_f64(),
            records_s = (t2 - t1).as_secs_f64(),
            save_s = t2.elapsed().as_secs_f64(),
            "clustering step saved"
        );
        Ok(clustered)
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
}

/// The record of one story, from its member articles.
fn story_record(store: &RedbStore, snap: &ClusterSnapshot, id: u32) -> Result<Option<Story>> {
    let mut docs = Vec::new();
    for p in snap.clusterer.members(id) {
        if let Some(a) = store.get_seq(snap.seqs[p])? {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cluster::cluster_all;
    use crate::ingest::Item;
    use crate::model::{Article, Origin};
    use crate::pipeline::IngestReport;

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

    fn items(arts: &[Article]) -> impl Iterator<Item = Item> + Send {
        arts.iter()
            .map(|a| Item::Article(Box::new(a.clone())))
            .collect::<Vec<_>>()
            .into_iter()
    }

    /// Ingest without stories, then cluster what was stored.
    fn ingest(engine: &mut Engine, arts: &[Article]) -> IngestReport {
        let mut report = engine
            .ingest(items(arts), &mut |_| {}, &|_| {})
            .expect("ingest");
        report.clustered = engine.catch_up_stories().expect("stories");
        report
    }

    /// A tagger that marks fixed phrases wherever they occur, standing in for the network.
    struct PhraseTagger;

    impl crate::analyze::quotes::learned::SpanTagger for PhraseTagger {
        fn tag(&self, text: &str) -> crate::Result<crate::analyze::quotes::learned::Tagged> {
            let find = |p: &str| {
                text.find(p)
                    .map(|at| crate::model::Span::new(at, at + p.len()))
            };
            Ok(crate::analyze::quotes::learned::Tagged {
                contents: find("limits on night shifts were a fair price for peace")
                    .map(|span| crate::analyze::quotes::learned::TaggedContent {
                        span,
                        confidence: 1.0,
                    })
                    .into_iter()
                    .collect(),
                sources: find("the union").into_iter().collect(),
            })
        }
    }

    #[test]
    fn an_ingest_with_a_quote_tagger_stores_the_quotes_it_adds() {
        let text = "Port Elmsby dock workers are back at work; the union has long held that limits on night shifts were a fair price for peace.";
        let tagged_quotes =
            |tagger: Option<std::sync::Arc<dyn crate::analyze::quotes::learned::SpanTagger>>| {
                let dir = tempfile::tempdir().unwrap();
                let mut engine = Engine::open(dir.path()).unwrap();
                engine.quote_tagger = tagger;
                ingest(
                    &mut engine,
                    &[article("q1", "Dockers back", text, "2025-06-12")],
                );
                let stored = engine.store.get("q1").unwrap().expect("stored");
                stored
                    .analysis
                    .quotes
                    .iter()
                    .map(|q| stored.article.slice(q.span).to_string())
                    .collect::<Vec<_>>()
            };
        let phrase = "limits on night shifts were a fair price for peace";
        assert!(
            !tagged_quotes(None).iter().any(|q| q == phrase),
            "the rules alone do not read this cue"
        );
        assert!(tagged_quotes(Some(std::sync::Arc::new(PhraseTagger)))
            .iter()
            .any(|q| q == phrase));
    }

    #[test]
    fn stored_copy_hashes_are_those_of_the_whole_text() {
        let dir = tempfile::tempdir().unwrap();
        let mut arts = articles();
        // Longer than the clusterer's one-shot prefix: the stored hashes cover all of it.
        let long = "Port Elmsby harbour pilots logged another night of delays. ".repeat(80);
        arts.push(article("long", "Harbour delays", &long, "2025-06-13"));
        let mut engine = Engine::open(dir.path()).unwrap();
        ingest(&mut engine, &arts);
        let mut seen = 0;
        engine
            .store
            .scan_with_hashes(1, &mut |a, hashes| {
                assert_eq!(hashes, CopyHashes::of(&a.article.text), "{}", a.article.id);
                seen += 1;
                true
            })
            .unwrap();
        assert_eq!(seen, arts.len());
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
