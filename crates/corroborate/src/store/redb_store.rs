use super::{decode, encode, Analyzed, ArticleStore, PutOutcome, StoreStats};
use crate::dedupe::{band_keys, sig_from_bytes, sig_to_bytes, similarity, DUPLICATE_THRESHOLD};
use crate::{Error, Result};
use redb::{
    Database, MultimapTableDefinition, ReadableDatabase, ReadableMultimapTable, ReadableTable,
    TableDefinition,
};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

const ARTICLES: TableDefinition<&str, &[u8]> = TableDefinition::new("articles");
const BY_SEQ: TableDefinition<u64, &str> = TableDefinition::new("by_seq");
const ID_HASH: TableDefinition<&str, u64> = TableDefinition::new("id_hash");
const HASHES: TableDefinition<u64, &str> = TableDefinition::new("content_hashes");
const SIGS: TableDefinition<&str, &[u8]> = TableDefinition::new("signatures");
const LSH: MultimapTableDefinition<u64, &str> = MultimapTableDefinition::new("lsh_bands");
const DUP_OF: TableDefinition<&str, &str> = TableDefinition::new("duplicate_of");
const DUP_MEMBERS: MultimapTableDefinition<&str, &str> =
    MultimapTableDefinition::new("duplicate_members");

/// The embedded store: one redb file. Each batch is one write transaction, so a crash leaves either the
/// whole batch or none of it.
pub struct RedbStore {
    db: Database,
    path: PathBuf,
}

impl RedbStore {
    pub fn open(path: &Path) -> Result<Self> {
        let err = |m: String| Error::Store {
            path: path.to_path_buf(),
            message: m,
        };
        let db = Database::builder()
            .set_cache_size(128 * 1024 * 1024)
            .create(path)
            .map_err(|e| err(format!("cannot open: {e}")))?;
        let store = RedbStore {
            db,
            path: path.to_path_buf(),
        };
        // Create the tables up front so read transactions never meet a missing table.
        let tx = store.db.begin_write().map_err(|e| err(e.to_string()))?;
        {
            tx.open_table(ARTICLES).map_err(|e| err(e.to_string()))?;
            tx.open_table(BY_SEQ).map_err(|e| err(e.to_string()))?;
            tx.open_table(ID_HASH).map_err(|e| err(e.to_string()))?;
            tx.open_table(HASHES).map_err(|e| err(e.to_string()))?;
            tx.open_table(SIGS).map_err(|e| err(e.to_string()))?;
            tx.open_multimap_table(LSH)
                .map_err(|e| err(e.to_string()))?;
            tx.open_table(DUP_OF).map_err(|e| err(e.to_string()))?;
            tx.open_multimap_table(DUP_MEMBERS)
                .map_err(|e| err(e.to_string()))?;
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

impl ArticleStore for RedbStore {
    fn put_batch(&self, batch: &[Analyzed]) -> Result<Vec<PutOutcome>> {
        let tx = self.db.begin_write().map_err(|e| self.err(e))?;
        let mut outcomes = Vec::with_capacity(batch.len());
        {
            let mut articles = tx.open_table(ARTICLES).map_err(|e| self.err(e))?;
            let mut by_seq = tx.open_table(BY_SEQ).map_err(|e| self.err(e))?;
            let mut id_hash = tx.open_table(ID_HASH).map_err(|e| self.err(e))?;
            let mut hashes = tx.open_table(HASHES).map_err(|e| self.err(e))?;
            let mut sigs = tx.open_table(SIGS).map_err(|e| self.err(e))?;
            let mut lsh = tx.open_multimap_table(LSH).map_err(|e| self.err(e))?;
            let mut dup_of = tx.open_table(DUP_OF).map_err(|e| self.err(e))?;
            let mut members = tx
                .open_multimap_table(DUP_MEMBERS)
                .map_err(|e| self.err(e))?;
            let mut seq = by_seq
                .last()
                .map_err(|e| self.err(e))?
                .map(|(k, _)| k.value())
                .unwrap_or(0);
            for item in batch {
                let id = item.article.id.as_str();
                if let Some(h) = id_hash.get(id).map_err(|e| self.err(e))? {
                    if h.value() == item.content_hash {
                        outcomes.push(PutOutcome::Unchanged);
                    } else {
                        let existing = articles
                            .get(id)
                            .map_err(|e| self.err(e))?
                            .and_then(|v| decode(v.value()).ok())
                            .map(|a| a.article.origin.to_string())
                            .unwrap_or_default();
                        outcomes.push(PutOutcome::Conflict { existing });
                    }
                    continue;
                }
                let root =
                    |candidate: String, dup_of: &redb::Table<&str, &str>| -> Result<String> {
                        Ok(dup_of
                            .get(candidate.as_str())
                            .map_err(|e| self.err(e))?
                            .map(|v| v.value().to_string())
                            .unwrap_or(candidate))
                    };
                let mut original: Option<String> = hashes
                    .get(item.content_hash)
                    .map_err(|e| self.err(e))?
                    .map(|v| v.value().to_string());
                let keys = item.signature.as_deref().map(band_keys).unwrap_or_default();
                if original.is_none() {
                    if let Some(sig) = &item.signature {
                        let mut seen = HashSet::new();
                        let mut best: Option<(f64, String)> = None;
                        for key in &keys {
                            for cand in lsh.get(*key).map_err(|e| self.err(e))? {
                                let cand = cand.map_err(|e| self.err(e))?.value().to_string();
                                if !seen.insert(cand.clone()) {
                                    continue;
                                }
                                if let Some(other) =
                                    sigs.get(cand.as_str()).map_err(|e| self.err(e))?
                                {
                                    let s = similarity(sig, &sig_from_bytes(other.value()));
                                    if s >= DUPLICATE_THRESHOLD
                                        && best.as_ref().is_none_or(|(b, _)| s > *b)
                                    {
                                        best = Some((s, cand));
                                    }
                                }
                            }
                        }
                        original = best.map(|(_, c)| c);
                    }
                }
                let mut duplicate_of = match original {
                    Some(o) => Some(root(o, &dup_of)?),
                    None => None,
                };
                // The original of a copy group is its earliest-published article: when a copy arrives
                // before its original, the original takes over as root once it is stored.
                if let Some(r) = duplicate_of.clone() {
                    let root_published = articles
                        .get(r.as_str())
                        .map_err(|e| self.err(e))?
                        .and_then(|v| decode(v.value()).ok())
                        .and_then(|a| a.article.published);
                    if let (Some(mine), Some(theirs)) = (item.article.published, root_published) {
                        if mine < theirs {
                            let mut group: Vec<String> = vec![r.clone()];
                            for m in members.get(r.as_str()).map_err(|e| self.err(e))? {
                                group.push(m.map_err(|e| self.err(e))?.value().to_string());
                            }
                            members.remove_all(r.as_str()).map_err(|e| self.err(e))?;
                            for m in &group {
                                let bytes = articles
                                    .get(m.as_str())
                                    .map_err(|e| self.err(e))?
                                    .map(|v| v.value().to_vec());
                                if let Some(bytes) = bytes {
                                    let mut stored = decode(&bytes)?;
                                    stored.duplicate_of = Some(id.to_string());
                                    articles
                                        .insert(m.as_str(), encode(&stored)?.as_slice())
                                        .map_err(|e| self.err(e))?;
                                }
                                dup_of.insert(m.as_str(), id).map_err(|e| self.err(e))?;
                                members.insert(id, m.as_str()).map_err(|e| self.err(e))?;
                            }
                            duplicate_of = None;
                        }
                    }
                }
                seq += 1;
                let stored = crate::model::StoredArticle {
                    article: item.article.clone(),
                    analysis: item.analysis.clone(),
                    seq,
                    duplicate_of: duplicate_of.clone(),
                };
                articles
                    .insert(id, encode(&stored)?.as_slice())
                    .map_err(|e| self.err(e))?;
                by_seq.insert(seq, id).map_err(|e| self.err(e))?;
                id_hash
                    .insert(id, item.content_hash)
                    .map_err(|e| self.err(e))?;
                if hashes
                    .get(item.content_hash)
                    .map_err(|e| self.err(e))?
                    .is_none()
                {
                    hashes
                        .insert(item.content_hash, id)
                        .map_err(|e| self.err(e))?;
                }
                if let Some(sig) = &item.signature {
                    sigs.insert(id, sig_to_bytes(sig).as_slice())
                        .map_err(|e| self.err(e))?;
                    for key in keys {
                        lsh.insert(key, id).map_err(|e| self.err(e))?;
                    }
                }
                if let Some(d) = &duplicate_of {
                    dup_of.insert(id, d.as_str()).map_err(|e| self.err(e))?;
                    members.insert(d.as_str(), id).map_err(|e| self.err(e))?;
                }
                outcomes.push(PutOutcome::Added { seq, duplicate_of });
            }
        }
        tx.commit().map_err(|e| self.err(e))?;
        Ok(outcomes)
    }

    fn get(&self, id: &str) -> Result<Option<crate::model::StoredArticle>> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(ARTICLES).map_err(|e| self.err(e))?;
        match t.get(id).map_err(|e| self.err(e))? {
            Some(v) => Ok(Some(decode(v.value())?)),
            None => Ok(None),
        }
    }

    fn scan(
        &self,
        from_seq: u64,
        visit: &mut dyn FnMut(crate::model::StoredArticle) -> bool,
    ) -> Result<()> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let by_seq = tx.open_table(BY_SEQ).map_err(|e| self.err(e))?;
        let articles = tx.open_table(ARTICLES).map_err(|e| self.err(e))?;
        for row in by_seq.range(from_seq..).map_err(|e| self.err(e))? {
            let (_, id) = row.map_err(|e| self.err(e))?;
            let Some(v) = articles.get(id.value()).map_err(|e| self.err(e))? else {
                continue;
            };
            if !visit(decode(v.value())?) {
                break;
            }
        }
        Ok(())
    }

    fn last_seq(&self) -> Result<u64> {
        let tx = self.db.begin_read().map_err(|e| self.err(e))?;
        let t = tx.open_table(BY_SEQ).map_err(|e| self.err(e))?;
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
