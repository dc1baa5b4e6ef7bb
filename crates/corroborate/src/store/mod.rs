//! The article store: articles with their analyses, ingest order, and the dedupe tables.
//!
//! [`ArticleStore`] is the surface the pipeline and the read commands use; [`RedbStore`] is the embedded
//! default. A shared PostgreSQL store for multi-machine deployments implements the same trait later.

mod redb_store;

pub use redb_store::RedbStore;

use crate::cluster::Story;
use crate::dedupe::CopyHashes;
use crate::model::{Analysis, Article, StoredArticle};
use crate::Result;

/// An analysed article ready to store, with what dedupe needs.
#[derive(Clone, Debug)]
pub struct Analyzed {
    pub article: Article,
    pub analysis: Analysis,
    pub hashes: CopyHashes,
}

/// What happened to one article of a batch.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PutOutcome {
    Added {
        seq: u64,
        duplicate_of: Option<String>,
    },
    /// The same id with the same text is already stored: nothing to do.
    Unchanged,
    /// The id is taken by a different text; the stored article is kept.
    Conflict { existing: String },
}

#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct StoreStats {
    pub articles: u64,
    pub duplicates: u64,
    pub outlets: u64,
    pub sentences: u64,
    pub mentions: u64,
    pub quotes: u64,
    pub figures: u64,
    pub languages: Vec<(String, u64)>,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    pub last_seq: u64,
}

pub trait ArticleStore: Send + Sync {
    /// Store a batch atomically: either every article of it is stored or none is. After a crash the store
    /// holds a prefix of the batches, at least up to the last [`ArticleStore::sync`].
    fn put_batch(&self, batch: &[Analyzed]) -> Result<Vec<PutOutcome>>;
    /// Make every batch stored so far durable (batches themselves may commit without waiting for the disk).
    fn sync(&self) -> Result<()>;
    fn get(&self, id: &str) -> Result<Option<StoredArticle>>;
    /// The article stored under an ingest sequence number.
    fn get_seq(&self, seq: u64) -> Result<Option<StoredArticle>>;
    /// Visit articles in ingest order from `from_seq` (inclusive); stop when `visit` returns false.
    fn scan(&self, from_seq: u64, visit: &mut dyn FnMut(StoredArticle) -> bool) -> Result<()>;
    /// [`ArticleStore::scan`] with each article's copy-detection hashes as ingest computed them (of the
    /// whole text), for stages that match copies themselves.
    fn scan_with_hashes(
        &self,
        from_seq: u64,
        visit: &mut dyn FnMut(StoredArticle, CopyHashes) -> bool,
    ) -> Result<()>;
    fn last_seq(&self) -> Result<u64>;
    fn stats(&self) -> Result<StoreStats>;
}

/// One clustering step, saved atomically: the clusterer's state after it, and the story records it
/// changed.
#[derive(Clone, Debug)]
pub struct StoryUpdate {
    /// The last article sequence number the clusterer has seen.
    pub clustered_seq: u64,
    /// The clusterer's serialised state ([`crate::cluster::ClusterSnapshot`]).
    pub snapshot: Vec<u8>,
    /// Records to write (`Some`) or drop (`None`, a story merged into another).
    pub records: Vec<(u32, Option<Story>)>,
}

/// What the store keeps of stories. The pipeline clusters new articles after each ingest and saves
/// the result with [`StoryStore::put_stories`]; a crash before that leaves the previous step, and
/// the next catch-up clusters the articles again. A large step writes most of its records ahead, in
/// chunks ([`StoryStore::put_story_records`]), so that they are never all in memory: records are
/// derived, and clustering is deterministic, so a catch-up after a crash writes the same records again.
pub trait StoryStore: Send + Sync {
    /// The last article sequence number clustered (0 when none).
    fn clustered_seq(&self) -> Result<u64>;
    /// The clusterer's state as last saved.
    fn story_snapshot(&self) -> Result<Option<Vec<u8>>>;
    fn put_stories(&self, update: &StoryUpdate) -> Result<()>;
    /// Write (`Some`) or drop (`None`) story records without touching the clustering state.
    fn put_story_records(&self, records: &[(u32, Option<Story>)]) -> Result<()>;
    /// Every story record, in id order.
    fn stories(&self) -> Result<Vec<Story>>;
    fn story(&self, id: u32) -> Result<Option<Story>>;
}

const FORMAT_VERSION: u8 = 1;

pub(crate) fn encode_story(s: &Story) -> Result<Vec<u8>> {
    let mut out = vec![FORMAT_VERSION];
    out.extend(
        postcard::to_stdvec(s)
            .map_err(|e| crate::Error::Invalid(format!("encoding story {}: {e}", s.id)))?,
    );
    Ok(out)
}

pub(crate) fn decode_story(bytes: &[u8]) -> Result<Story> {
    match bytes.split_first() {
        Some((&FORMAT_VERSION, rest)) => postcard::from_bytes(rest)
            .map_err(|e| crate::Error::Invalid(format!("stored story is unreadable: {e}"))),
        _ => Err(crate::Error::Invalid(
            "stored story has an unknown format version".into(),
        )),
    }
}

pub(crate) fn encode(a: &StoredArticle) -> Result<Vec<u8>> {
    let mut out = vec![FORMAT_VERSION];
    out.extend(
        postcard::to_stdvec(a).map_err(|e| {
            crate::Error::Invalid(format!("encoding article {}: {e}", a.article.id))
        })?,
    );
    Ok(out)
}

pub(crate) fn decode(bytes: &[u8]) -> Result<StoredArticle> {
    match bytes.split_first() {
        Some((&FORMAT_VERSION, rest)) => postcard::from_bytes(rest)
            .map_err(|e| crate::Error::Invalid(format!("stored article is unreadable: {e}"))),
        Some((v, _)) => Err(crate::Error::Invalid(format!(
            "stored article has format version {v}; this build reads {FORMAT_VERSION}"
        ))),
        None => Err(crate::Error::Invalid("stored article is empty".into())),
    }
}
