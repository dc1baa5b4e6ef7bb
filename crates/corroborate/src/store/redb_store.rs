use super::{
    decode, decode_story, encode, encode_story, Analyzed, ArticleStore, PutOutcome, StoreStats,
    StoryStore, StoryUpdate,
};
use crate::cluster::Story;
use crate::dedupe::{
    band_keys, content_hash, sig_from_bytes, sig_to_bytes, similarity, CopyHashes,
    DUPLICATE_THRESHOLD,
};
use crate::model::StoredArticle;
use crate::{Error, Result};
use redb::{
    Database, Durability, MultimapTableDefinition, ReadableDatabase, ReadableMultimapTable,
    ReadableTable, TableDefinition,
};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

// Large records are keyed by ingest sequence number, so a batch appends to the end of the B-tree instead of
// rewriting pages all over it; the random-key tables hold small fixed-size values only.
const ARTICLES: TableDefinition<u64, &[u8]> = TableDefinition::new("articles_by_seq");
const SIGS: TableDefinition<u64, &[u8]> = TableDefinition::new("signatures_by_seq");
/// id -> (seq, content hash)
const IDS: TableDefinition<&str, (u64, u64)> = TableDefinition::new("ids");
/// content hash -> seq of the first article with that text
const HASHES: TableDefinition<u64, u64> = TableDefinition::new("content_hashes");
/// LSH band key -> seq of the first article with that band: enough to reach its copy group.
const LSH: TableDefinition<u64, u64> = TableDefinition::new("lsh_bands");
/// seq -> seq of the group's original
const DUP_OF: TableDefinition<u64, u64> = TableDefinition::new("duplicate_of");
const DUP_MEMBERS: MultimapTableDefinition<u64, u64> =
    MultimapTableDefinition::new("duplicate_members");
/// story id -> encoded story record
const STORIES: TableDefinition<u32, &[u8]> = TableDefinition::new("stories");
/// "seq" -> last clustered article seq (as 8 little-endian bytes); "snapshot" -> clusterer state
const CLUSTERING: TableDefinition<&str, &[u8]> = TableDefinition::new("clustering");

/// The embedded store: one redb file. Each batch is one write transaction, so a crash leaves either the
/// whole batch or none of it. Batches commit without fsync; [`ArticleStore::sync`] makes everything so far
/// durable, and the pipeline calls it before every search-index commit, so the index never runs ahead of
/// what the store durably holds.
pub struct RedbStore {
    db: Database,
    path: PathBuf,
}

impl RedbStore {
    fn write_records(
        &self,
        tx: &redb::WriteTransaction,
        records: &[(u32, Option<Story>)],
    ) -> Result<()> {
        let mut stories = tx.open_table(STORIES).map_err(|e| self.err(e))?;
        for (id, record) in records {
            match record {
                Some(story) => {
                    stories
                        .insert(*id, encode_story(story)?.as_slice())
                        .map_err(|e| self.err(e))?;
                }
                None => {
                    stories.remove(*id).map_err(|e| self.err(e))?;
                }
            }
        }
        Ok(())
    }
    pub fn open(path: &Path) -> Result<Self> {
        let err = |m: String| Error::Store {
            path: path.to_path_buf(),
            message: m,
        };
        let db = Database::builder()
            .set_cache_size(128 * 1024 * 1024)
            .create(path)
            .map_err(|e| match e {
                // One process at a time holds the store: a running `serve`, or another ingest.
                redb::DatabaseError::DatabaseAlreadyOpen => err(
                    "cannot open: another corroborate process (a running `serve` or ingest) is \
                     using it; stop that one first"
                        .into(),
                ),
                e => err(format!("cannot open: {e}")),
            })?;
        let store = RedbStore {
            db,
            path: path.to_path_buf(),
        };
        // Create the tables up front so read transactions never meet a missing table.
        let tx = store.db.begin_write().map_err(|e| err(e.to_string()))?;
        {
            tx.open_table(ARTICLES).map_err(|e| err(e.to_string()))?;
            tx.open_table(SIGS).map_err(|e| err(e.to_string()))?;
            tx.open_table(IDS).map_err(|e| err(e.to_string()))?;
            tx.open_table(HASHES).map_err(|e| err(e.to_string()))?;
            tx.open_table(LSH).map_err(|e| err(e.to_string()))?;
            tx.open_table(DUP_OF).map_err(|e| err(e.to_string()))?;
            tx.open_multimap_table(DUP_MEMBERS)
                .map_err(|e| err(e.to_string()))?;
            tx.open_table(STORIES).map_err(|e| err(e.to_string()))?;
            tx.open_table(CLUSTERING).map_err(|e| err(e.to_string()))?;
        }
        tx.commit().map_err(|e| err(e.to_string()))?;
        Ok(store)
    }

    fn err(&self, e: impl std::fmt::Display) -> Error {
        Error::Store {
            path: self.path.clone(),
            message: e.to_string(),
        }
    }
}

/// The tables of one write transaction.
struct Tables<'t> {
    articles: redb::Table<'t, u64, &'static [u8]>,
    sigs: redb::Table<'t, u64, &'static [u8]>,
    ids: redb::Table<'t, &'static str, (u64, u64)>,
    hashes: redb::Table<'t, u64, u64>,
    lsh: redb::Table<'t, u64, u64>,
    dup_of: redb::Table<'t, u64, u64>,
    members: redb::MultimapTable<'t, u64, u64>,
}

impl RedbStore {
    fn find_original(&self, t: &Tables, item: &Analyzed, keys: &[u64]) -> Result<Option<u64>> {
        if let Some(seq) = t
            .hashes
            .get(item.hashes.content_hash)
            .map_err(|e| self.err(e))?
        {
            return Ok(Some(seq.value()));
        }
        let Some(sig) = &item.hashes.signature else {
            return Ok(None);
        };
        let mut seen = HashSet::new();
        let mut best: Option<(f64, u64)> = None;
        for key in keys {
            let Some(cand) = t.lsh.get(*key).map_err(|e| self.err(e))?.map(|v| v.value()) else {
                continue;
            };
            if !seen.insert(cand) {
                continue;
            }
            if let Some(other) = t.sigs.get(cand).map_err(|e| self.err(e))? {
                let s = similarity(sig, &sig_from_bytes(other.value()));
                if s >= DUPLICATE_THRESHOLD && best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, cand));
                }
            }
        }
        Ok(best.map(|(_, c)| c))
    }

    fn load(&self, t: &Tables, seq: u64) -> Result<Option<StoredArticle>> {
        match t.articles.get(seq).map_err(|e| self.err(e))? {
            Some(v) => Ok(Some(decode(v.value())?)),
            None => Ok(None),
        }
    }

    /// Make `new_root` the original of the group rooted at `old_root` (it was published earlier).
    fn reroot(&self, t: &mut Tables, old_root: u64, new_root: u64, new_id: &str) -> Result<()> {
        let mut group = vec![old_root];
        for m in t.members.get(old_root).map_err(|e| self.err(e))? {
            group.push(m.map_err(|e| self.err(e))?.value());
        }
        t.members.remove_all(old_root).map_err(|e| self.err(e))?;
        for m in group {
            if let Some(mut stored) = self.load(t, m)? {
                stored.duplicate_of = Some(new_id.to_string());
                t.articles
                    .insert(m, encode(&stored)?.as_slice())
                    .map_err(|e| self.err(e))?;
            }
            t.dup_of.insert(m, new_root).map_err(|e| self.err(e))?;
            t.members.insert(new_root, m).map_err(|e| self.err(e))?;
        }
        Ok(())
    }
}

impl ArticleStore for RedbStore {
    fn put_batch(&self, batch: &[Analyzed]) -> Result<Vec<PutOutcome>> {
        let mut tx = self.db.begin_write().map_err(|e| self.err(e))?;
        tx.set_durability(Durability::None)
            .map_err(|e| self.err(e))?;
        let mut outcomes = Vec::with_capacity(batch.len());
        {
            let mut t = Tables {
                articles: tx.open_table(ARTICLES).map_err(|e| self.err(e))?,
                sigs: tx.open_table(SIGS).map_err(|e| self.err(e))?,
                ids: tx.open_table(IDS).map_err(|e| self.err(e))?,
                hashes: tx.open_table(HASHES).map_err(|e| self.err(e))?,
                lsh: tx.open_table(LSH).map_err(|e| self.err(e))?,
                dup_of: tx.open_table(DUP_OF).map_err(|e| self.err(e))?,
                members: tx
                    .open_multimap_table(DUP_MEMBERS)
                    .map_err(|e| self.err(e))?,
            };
            let mut seq = t
                .articles
                .last()
                .map_err(|e| self.err(e))?
                .map(|(k, _)| k.value())
                .unwrap_or(0);
            for item in batch {
                let id = item.article.id.as_str();
                let existing = t.ids.get(id).map_err(|e| self.err(e))?.map(|v| v.value());
                if let Some((old_seq, hash)) = existing {
                    if hash == item.hashes.content_hash {
                        outcomes.push(PutOutcome::Unchanged);
                    } else {
                        let origin = self
                            .load(&t, old_seq)?
                            .map(|a| a.article.origin.to_string())
                            .unwrap_or_default();
                        outcomes.push(PutOutcome::Conflict { existing: origin });
                    }
                    continue;
                }
                seq += 1;
                let keys = item
                    .hashes
                    .signature
                    .as_deref()
                    .map(band_keys)
                    .unwrap_or_default();
                let mut root = match self.find_original(&t, item, &keys)? {
                    Some(o) => Some(
                        t.dup_of
                            .get(o)
                            .map_err(|e| self.err(e))?
                            .map(|v| v.value())
                            .unwrap_or(o),
                    ),
                    None => None,
                };
                let mut duplicate_of = None;
                if let Some(r) = root {
                    let original = self.load(&t, r)?;
                    let earlier = matches!((item.article.published, original.as_ref().and_then(|a| a.article.published)), (Some(mine), Some(theirs)) if mine < theirs);
                    if earlier {
                        // The original of a copy group is its earliest-published article.
                        self.reroot(&mut t, r, seq, id)?;
                        root = None;
                    } else {
                        duplicate_of = original.map(|a| a.article.id);
                    }
                }
                let stored = StoredArticle {
                    article: item.article.clone(),
                    analysis: item.analysis.clone(),
                    seq,
                    duplicate_of: duplicate_of.clone(),
                };
                t.articles
                    .insert(seq, encode(&stored)?.as_slice())
                    .map_err(|e| self.err(e))?;
                t.ids
                    .insert(id, (seq, item.hashes.content_hash))
                    .map_err(|e| self.err(e))?;
                if t.hashes
                    .get(item.hashes.content_hash)
                    .map_err(|e| self.err(e))?
                    .is_none()
                {
                    t.hashes
                        .insert(item.hashes.content_hash, seq)
                        .map_err(|e| self.err(e))?;
                }
                if let Some(sig) = &item.hashes.signature {
                    t.sigs
                        .insert(seq, sig_to_bytes(sig).as_slice())
                        .map_err(|e| self.err(e))?;
                    for key in keys {
                        if t.lsh.get(key).map_err(|e| self.err(e))?.is_none() {
                            t.lsh.insert(key, seq).map_err(|e| self.err(e))?;
                        }
                    }
                }
                if let Some(r) = root {
                    t.dup_of.insert(seq, r).map_err(|e| self.err(e))?;
                    t.members.insert(r, seq).map_err(|e| self.err(e))?;
                }
                outcomes.push(PutOutcome::Added { seq, duplicate_of });
            }
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(outcomes)
    }

    fn sync(&self) -> Result<()> {
        let tx = self.db.begin_write().map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))
    }

    fn get(&self, id: &str) -> Result<Option<StoredArticle>> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let ids = tx.open_table(IDS).map_err(|e| self.err(e))?;
        let Some(seq) = ids.get(id).map_err(|e| self.err(e))?.map(|v| v.value().0) else {
            return Ok(None);
        };
        let articles = tx.open_table(ARTICLES).map_err(|e| self.err(e))?;
        let found = articles.get(seq).map_err(|e| self.err(e))?;
        match found {
            Some(v) => Ok(Some(decode(v.value())?)),
            None => Ok(None),
        }
    }

    fn get_seq(&self, seq: u64) -> Result<Option<StoredArticle>> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let articles = tx.open_table(ARTICLES).map_err(|e| self.err(e))?;
        let found = articles.get(seq).map_err(|e| self.err(e))?;
        match found {
            Some(v) => Ok(Some(decode(v.value())?)),
            None => Ok(None),
        }
    }

    fn scan(&self, from_seq: u64, visit: &mut dyn FnMut(StoredArticle) -> bool) -> Result<()> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let articles = tx.open_table(ARTICLES).map_err(|e| self.err(e))?;
        for row in articles.range(from_seq..).map_err(|e| self.err(e))? {
            let (_, v) = row.map_err(|e| self.err(e))?;
            if !visit(decode(v.value())?) {
                break;
            }
        }
        Ok(())
    }

    fn scan_with_hashes(
        &self,
        from_seq: u64,
        visit: &mut dyn FnMut(StoredArticle, CopyHashes) -> bool,
    ) -> Result<()> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let articles = tx.open_table(ARTICLES).map_err(|e| self.err(e))?;
        let sigs = tx.open_table(SIGS).map_err(|e| self.err(e))?;
        let ids = tx.open_table(IDS).map_err(|e| self.err(e))?;
        for row in articles.range(from_seq..).map_err(|e| self.err(e))? {
            let (seq, v) = row.map_err(|e| self.err(e))?;
            let stored: StoredArticle = decode(v.value())?;
            let content_hash = match ids
                .get(stored.article.id.as_str())
                .map_err(|e| self.err(e))?
            {
                Some(entry) => entry.value().1,
                // Every stored article has its id entry; hashing again keeps a damaged one usable.
                None => content_hash(&stored.article.text),
            };
            let signature = sigs
                .get(seq.value())
                .map_err(|e| self.err(e))?
                .map(|s| sig_from_bytes(s.value()));
            let hashes = CopyHashes {
                content_hash,
                signature,
            };
            if !visit(stored, hashes) {
                break;
            }
        }
        Ok(())
    }

    fn last_seq(&self) -> Result<u64> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(ARTICLES).map_err(|e| self.err(e))?;
        let last = t
            .last()
            .map_err(|e| self.err(e))?
            .map(|(k, _)| k.value())
            .unwrap_or(0);
        Ok(last)
    }

    fn stats(&self) -> Result<StoreStats> {
        let mut s = StoreStats::default();
        let mut outlets = HashSet::new();
        let mut langs: BTreeMap<String, u64> = BTreeMap::new();
        let mut earliest: Option<chrono::DateTime<chrono::Utc>> = None;
        let mut latest: Option<chrono::DateTime<chrono::Utc>> = None;
        self.scan(0, &mut |a| {
            s.articles += 1;
            s.last_seq = a.seq;
            if a.duplicate_of.is_some() {
                s.duplicates += 1;
            }
            outlets.insert(a.article.outlet());
            s.sentences += a.analysis.sentences.len() as u64;
            s.mentions += a.analysis.mentions.len() as u64;
            s.quotes += a.analysis.quotes.len() as u64;
            s.figures += a.analysis.figures.len() as u64;
            *langs
                .entry(a.analysis.lang.clone().unwrap_or_else(|| "?".into()))
                .or_default() += 1;
            if let Some(p) = a.article.published {
                earliest = Some(earliest.map_or(p, |e| e.min(p)));
                latest = Some(latest.map_or(p, |l| l.max(p)));
            }
            true
        })?;
        s.outlets = outlets.len() as u64;
        let mut langs: Vec<(String, u64)> = langs.into_iter().collect();
        langs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        s.languages = langs;
        s.earliest = earliest.map(|d| d.to_rfc3339());
        s.latest = latest.map(|d| d.to_rfc3339());
        Ok(s)
    }
}

impl StoryStore for RedbStore {
    fn clustered_seq(&self) -> Result<u64> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(CLUSTERING).map_err(|e| self.err(e))?;
        let seq = t.get("seq").map_err(|e| self.err(e))?.and_then(|v| {
            let b: [u8; 8] = v.value().try_into().ok()?;
            Some(u64::from_le_bytes(b))
        });
        Ok(seq.unwrap_or(0))
    }

    fn story_snapshot(&self) -> Result<Option<Vec<u8>>> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(CLUSTERING).map_err(|e| self.err(e))?;
        let snapshot = t.get("snapshot").map_err(|e| self.err(e))?;
        Ok(snapshot.map(|v| v.value().to_vec()))
    }

    fn put_stories(&self, update: &StoryUpdate) -> Result<()> {
        // One transaction: the snapshot, its position and the records always agree.
        let tx = self.db.begin_write().map_err(|e| self.err(e))?;
        {
            let mut state = tx.open_table(CLUSTERING).map_err(|e| self.err(e))?;
            state
                .insert("snapshot", update.snapshot.as_slice())
                .map_err(|e| self.err(e))?;
            state
                .insert("seq", update.clustered_seq.to_le_bytes().as_slice())
                .map_err(|e| self.err(e))?;
            self.write_records(&tx, &update.records)?;
        }
        tx.commit().map_err(|e| self.err(e))
    }

    fn put_story_records(&self, records: &[(u32, Option<Story>)]) -> Result<()> {
        let tx = self.db.begin_write().map_err(|e| self.err(e))?;
        self.write_records(&tx, records)?;
        tx.commit().map_err(|e| self.err(e))
    }

    fn stories(&self) -> Result<Vec<Story>> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(STORIES).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in t.iter().map_err(|e| self.err(e))? {
            let (_, v) = row.map_err(|e| self.err(e))?;
            out.push(decode_story(v.value())?);
        }
        Ok(out)
    }

    fn story(&self, id: u32) -> Result<Option<Story>> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(STORIES).map_err(|e| self.err(e))?;
        let found = t.get(id).map_err(|e| self.err(e))?;
        found.map(|v| decode_story(v.value())).transpose()
    }
}
