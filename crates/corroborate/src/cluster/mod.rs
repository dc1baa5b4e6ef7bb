//! Stories: incremental clustering of articles into events.
//!
//! Each article becomes an [`EventVector`]: TF-IDF weights of stemmed content words, with title words
//! counted three times and lead words twice (the event is in the title and lead), plus the canonical keys
//! of the names it mentions. A story keeps a bounded centroid (its strongest features) and its date span.
//! A new article looks up candidate stories through an inverted index over the stories' strongest features
//! (never a scan of all stories), restricted to stories still warm at the article's date; it joins the most
//! similar one above a threshold or starts a new story. A story that has gone cold can still be revived,
//! within a year, by an article that matches it more closely than joining a warm story needs:
//! long-running stories (a trial, an extradition fight) come back in bursts months apart. Near-duplicates
//! join their original's story outright. Processing is sequential and every tie is broken by story id, so the result is deterministic
//! for a given input order.

use crate::dedupe::MemoryDedupe;
use crate::model::{Analysis, Article};
use chrono::{DateTime, Utc};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod features;
mod vector;

pub use features::{event_features, event_features_with, EventFeatures};
pub use vector::EventVector;
use vector::{add_weights, heavier_first, sorted_by_feature};

/// Newest stories read from one posting list: a very common feature cannot make the cost per article grow.
const MAX_CANDIDATES_PER_FEATURE: usize = 24;

/// Tunables of the clusterer. The defaults were chosen on the pooled dev stream (see corroborate-eval).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ClusterConfig {
    /// Minimum cosine similarity between an article and a story centroid to join it.
    pub threshold: f32,
    /// Features kept in a story centroid.
    pub centroid_features: usize,
    /// Features of a story posted in the inverted index.
    pub indexed_features: usize,
    /// Features of an article used to look up candidates.
    pub query_features: usize,
    /// A story goes cold this many days after its latest article.
    pub window_days: i64,
    /// Until this many days after its latest article, a cold story can still be revived by an article
    /// that matches it at least `revive_threshold`: a trial months after the crime, a verdict a year
    /// after the charges. Loosely related articles start new stories once the story is cold.
    pub revive_days: i64,
    /// Minimum cosine similarity to join a cold story within `revive_days`.
    pub revive_threshold: f32,
    /// Body words read after the lead.
    pub body_words: usize,
    /// Minimum cosine between two story centroids to merge them (checked when a story doubles in size).
    pub merge_threshold: f32,
    /// Arrivals after which an article's copy-detection data is dropped and a story it was the last
    /// member of may be evicted (once it is also cold by date): memory stays bounded on a long stream.
    pub evict_after: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            threshold: 0.2,
            centroid_features: 60,
            indexed_features: 12,
            query_features: 12,
            window_days: 30,
            revive_days: 365,
            revive_threshold: 0.22,
            body_words: 150,
            merge_threshold: 0.3,
            evict_after: 20_000,
        }
    }
}

/// A story as the clusterer keeps it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct StoryState {
    pub id: u32,
    /// Summed feature weights, sorted by feature id: scoring an arrival against a candidate story is a
    /// merge of two short sorted lists (a hash-map lookup per feature missed the cache on every story).
    #[serde(deserialize_with = "sorted_by_feature")]
    centroid: Vec<(u32, f32)>,
    /// L2 norm of `centroid`, kept current by `reindex`.
    norm: f32,
    pub members: Vec<usize>,
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
    /// Ingest position of the latest member, the clock for undated articles.
    pub last_position: usize,
    indexed: Vec<u32>,
}

/// The incremental clusterer. Feed articles in arrival order with [`Clusterer::add`]. Its whole state
/// serialises, so the store can keep it and carry on where the last ingest stopped.
#[derive(Serialize, Deserialize)]
pub struct Clusterer {
    cfg: ClusterConfig,
    vocab: HashMap<String, u32>,
    df: Vec<u32>,
    docs: u32,
    stories: Vec<StoryState>,
    /// story id of each added article
    assignment: Vec<u32>,
    postings: HashMap<u32, Vec<u32>>,
    dedupe: MemoryDedupe,
    /// story ids that were merged into another: id -> surviving id
    merged: BTreeMap<u32, u32>,
    /// Joins of the last `evict_after` arrivals, oldest first: (position to check at, story, the
    /// story's latest member when queued).
    recent: std::collections::VecDeque<(usize, u32, usize)>,
    /// Latest publication date seen: the clock that makes dated stories cold.
    newest: Option<DateTime<Utc>>,
    /// Stories evicted from the index (cold): they keep their members but take no more articles.
    evicted: usize,
}

impl Clusterer {
    pub fn config(&self) -> &ClusterConfig {
        &self.cfg
    }

    pub fn new(cfg: ClusterConfig) -> Self {
        Clusterer {
            cfg,
            vocab: HashMap::default(),
            df: Vec::new(),
            docs: 0,
            stories: Vec::new(),
            assignment: Vec::new(),
            postings: HashMap::default(),
            dedupe: MemoryDedupe::default(),
            merged: BTreeMap::new(),
            recent: Default::default(),
            newest: None,
            evicted: 0,
        }
    }

    fn feature(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.vocab.get(name) {
            return id;
        }
        let id = self.df.len() as u32;
        self.vocab.insert(name.to_string(), id);
        self.df.push(0);
        id
    }

    fn counts(&mut self, f: &EventFeatures) -> HashMap<u32, f32> {
        let mut out = HashMap::with_capacity_and_hasher(f.terms.len(), Default::default());
        for (t, c) in &f.terms {
            let id = self.feature(t);
            out.insert(id, *c);
        }
        out
    }

    /// TF-IDF weights with the document frequencies seen so far (this article included).
    fn vectorize(&mut self, counts: HashMap<u32, f32>) -> EventVector {
        self.docs += 1;
        for f in counts.keys() {
            self.df[*f as usize] += 1;
        }
        let df = &self.df;
        EventVector::tf_idf(counts, |f| df[f as usize], self.docs)
    }

    /// The `k` heaviest features, heaviest first (ties by id, so the order is total and deterministic).
    fn top(features: &[(u32, f32)], k: usize) -> Vec<u32> {
        let mut v: Vec<(u32, f32)> = features.to_vec();
        Self::keep_heaviest(&mut v, k);
        v.sort_unstable_by(heavier_first);
        v.into_iter().map(|(f, _)| f).collect()
    }

    /// Keep the `k` heaviest of `v`, in no particular order. Selection, not a full sort: this runs for
    /// every arrival on centroids of hundreds of features.
    fn keep_heaviest(v: &mut Vec<(u32, f32)>, k: usize) {
        if v.len() > k {
            if k > 0 {
                v.select_nth_unstable_by(k - 1, heavier_first);
            }
            v.truncate(k);
        }
    }

    fn cosine(vec: &EventVector, story: &StoryState) -> f32 {
        let c = &story.centroid;
        let mut j = 0;
        let mut dot = 0.0f32;
        for &(f, w) in &vec.features {
            while j < c.len() && c[j].0 < f {
                j += 1;
            }
            if j < c.len() && c[j].0 == f {
                dot += w * c[j].1;
            }
        }
        dot / story.norm
    }

    fn warm(&self, story: &StoryState, date: Option<DateTime<Utc>>, position: usize) -> bool {
        self.within(story, date, position, self.cfg.window_days)
    }

    /// Whether an article dated `date` falls within `days` of the story's date span.
    fn within(
        &self,
        story: &StoryState,
        date: Option<DateTime<Utc>>,
        position: usize,
        days: i64,
    ) -> bool {
        match (date, story.last, story.first) {
            (Some(d), Some(last), Some(first)) => {
                let w = chrono::Duration::days(days);
                d <= last + w && d >= first - w
            }
            // Undated: stories stay warm for a number of arrivals instead of days.
            _ => position.saturating_sub(story.last_position) < 200_000,
        }
    }

    /// Days after its latest article that a story stays in the index: as long as it can take articles.
    fn index_days(&self) -> i64 {
        (2 * self.cfg.window_days).max(self.cfg.revive_days)
    }

    /// Add one article; returns its story id.
    pub fn add(&mut self, article: &Article, analysis: Option<&Analysis>) -> u32 {
        let f = event_features(article, analysis, &self.cfg);
        self.add_features(&f)
    }

    /// Add one article by its precomputed features; returns its story id.
    pub fn add_features(&mut self, f: &EventFeatures) -> u32 {
        let position = self.assignment.len();
        let original = if f.furniture_only {
            self.dedupe.add_unmatchable(f.content_hash);
            None
        } else {
            self.dedupe.add_hashed(f.content_hash, f.signature.clone())
        };
        let counts = self.counts(f);
        let vec = self.vectorize(counts);
        let date = f.published;
        // A furniture-only page (a sign-up wall, an archive notice) stands alone: nothing in it names an
        // event, and the few words it keeps ("Learn more") matched one pile of such pages from every story.
        // Unindexed, its story gathers nothing either.
        let story = match original {
            Some(o) => self.resolve(self.assignment[o]),
            None if f.furniture_only => None,
            None => self.best_story(&vec, date, position),
        };
        let seeds = !f.furniture_only;
        let id = match story {
            Some(s) => s,
            None => {
                let id = self.stories.len() as u32;
                self.stories.push(StoryState {
                    id,
                    centroid: Vec::new(),
                    norm: 1.0,
                    members: Vec::new(),
                    first: date,
                    last: date,
                    last_position: position,
                    indexed: Vec::new(),
                });
                id
            }
        };
        self.join(id, position, &vec, date, seeds);
        self.assignment.push(id);
        if let Some(d) = date {
            self.newest = Some(self.newest.map_or(d, |n| n.max(d)));
        }
        self.recent
            .push_back((position.saturating_add(self.cfg.evict_after), id, position));
        self.evict_cold(position);
        let size = self.stories[id as usize].members.len();
        if size >= 2 && size.is_power_of_two() {
            return self.maybe_merge(id);
        }
        id
    }

    /// Drop what the clusterer no longer needs for arrivals older than `evict_after`: their
    /// copy-detection data, and the centroid and index entries of stories that have taken no article
    /// since and are past revival (last article more than two windows, and more than `revive_days`,
    /// before the newest date seen; undated stories after 200,000 arrivals). An article that arrives much later with an old date
    /// starts a new story instead of joining an evicted one.
    fn evict_cold(&mut self, position: usize) {
        while let Some(&(at, id, last)) = self.recent.front() {
            if at > position {
                break;
            }
            self.recent.pop_front();
            if at == last.saturating_add(self.cfg.evict_after) {
                self.dedupe.forget(last);
            }
            let Some(id) = self.resolve(id) else { continue };
            let s = &self.stories[id as usize];
            // A later join queued its own entry.
            if s.last_position != last || s.centroid.is_empty() {
                continue;
            }
            let cold = match s.last {
                Some(l) => self
                    .newest
                    .is_some_and(|n| l + chrono::Duration::days(self.index_days()) < n),
                None => position - last >= 200_000,
            };
            if cold {
                self.evict(id);
            } else {
                self.recent
                    .push_back((position.saturating_add(self.cfg.evict_after), id, last));
            }
        }
    }

    fn evict(&mut self, id: u32) {
        let s = &mut self.stories[id as usize];
        for f in std::mem::take(&mut s.indexed) {
            if let Some(list) = self.postings.get_mut(&f) {
                list.retain(|x| *x != id);
                if list.is_empty() {
                    self.postings.remove(&f);
                }
            }
        }
        s.centroid = Vec::new();
        s.members.shrink_to_fit();
        self.evicted += 1;
    }

    /// Stories evicted from the index so far.
    pub fn evicted(&self) -> usize {
        self.evicted
    }

    /// Merge the story into (or with) the most similar story above the merge threshold that is warm or
    /// within revival of it, if any.
    /// Returns the surviving id.
    fn maybe_merge(&mut self, id: u32) -> u32 {
        let s = &self.stories[id as usize];
        let mut candidates: Vec<u32> = Vec::new();
        for f in &s.indexed {
            if let Some(list) = self.postings.get(f) {
                candidates.extend(
                    list.iter()
                        .rev()
                        .take(MAX_CANDIDATES_PER_FEATURE)
                        .copied()
                        .filter(|c| *c != id),
                );
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let v = EventVector {
            features: s.centroid.clone(),
        };
        let norm = v
            .features
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt()
            .max(1e-6);
        let mut best: Option<(f32, u32)> = None;
        for c in candidates {
            if self.merged.contains_key(&c) {
                continue;
            }
            let other = &self.stories[c as usize];
            // Two stories that could take each other's articles can merge: warm, or within revival.
            if !self.warm(other, s.last, s.last_position)
                && !self.within(other, s.last, s.last_position, self.cfg.revive_days)
            {
                continue;
            }
            let score = Self::cosine(&v, other) / norm;
            if score >= self.cfg.merge_threshold
                && best.is_none_or(|(b, bid)| score > b || (score == b && c < bid))
            {
                best = Some((score, c));
            }
        }
        let Some((_, other)) = best else { return id };
        // The older story survives, so ids stay stable for what readers have already seen.
        let (keep, gone) = if other < id { (other, id) } else { (id, other) };
        let g = std::mem::replace(
            &mut self.stories[gone as usize],
            StoryState {
                id: gone,
                centroid: Vec::new(),
                norm: 1.0,
                members: Vec::new(),
                first: None,
                last: None,
                last_position: 0,
                indexed: Vec::new(),
            },
        );
        for f in &g.indexed {
            if let Some(list) = self.postings.get_mut(f) {
                list.retain(|x| *x != gone);
            }
        }
        let kept = &mut self.stories[keep as usize];
        kept.members.extend(g.members);
        kept.first = match (kept.first, g.first) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        kept.last = match (kept.last, g.last) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        kept.last_position = kept.last_position.max(g.last_position);
        add_weights(&mut kept.centroid, &g.centroid);
        self.merged.insert(gone, keep);
        self.reindex(keep);
        keep
    }

    fn resolve(&self, mut id: u32) -> Option<u32> {
        while let Some(&to) = self.merged.get(&id) {
            id = to;
        }
        Some(id)
    }

    fn best_story(
        &self,
        vec: &EventVector,
        date: Option<DateTime<Utc>>,
        position: usize,
    ) -> Option<u32> {
        let mut candidates: Vec<u32> = Vec::new();
        // Words no earlier article used cannot retrieve anything, however high their IDF.
        let seen: Vec<(u32, f32)> = vec
            .features
            .iter()
            .copied()
            .filter(|(f, _)| self.df[*f as usize] >= 2)
            .collect();
        for f in Self::top(&seen, self.cfg.query_features) {
            if let Some(list) = self.postings.get(&f) {
                // The newest stories first; a very common feature is capped so cost stays flat.
                candidates.extend(list.iter().rev().take(MAX_CANDIDATES_PER_FEATURE).copied());
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(f32, u32)> = None;
        for c in candidates {
            if self.merged.contains_key(&c) {
                continue;
            }
            let s = &self.stories[c as usize];
            let warm = self.warm(s, date, position);
            if !warm && !self.within(s, date, position, self.cfg.revive_days) {
                continue;
            }
            let score = Self::cosine(vec, s);
            let threshold = if warm {
                self.cfg.threshold
            } else {
                self.cfg.revive_threshold
            };
            if score >= threshold && best.is_none_or(|(b, id)| score > b || (score == b && c < id))
            {
                best = Some((score, c));
            }
        }
        best.map(|(_, c)| c)
    }

    fn join(
        &mut self,
        id: u32,
        position: usize,
        vec: &EventVector,
        date: Option<DateTime<Utc>>,
        index: bool,
    ) {
        let s = &mut self.stories[id as usize];
        s.members.push(position);
        s.last_position = position;
        if let Some(d) = date {
            s.first = Some(s.first.map_or(d, |f| f.min(d)));
            s.last = Some(s.last.map_or(d, |l| l.max(d)));
        }
        add_weights(&mut s.centroid, &vec.features);
        if index {
            self.reindex(id);
        }
    }

    /// Bound the centroid and re-post the story under its current strongest features.
    fn reindex(&mut self, id: u32) {
        let k = self.cfg.centroid_features;
        let indexed = self.cfg.indexed_features;
        let s = &mut self.stories[id as usize];
        if s.centroid.len() > 2 * k {
            Self::keep_heaviest(&mut s.centroid, k);
            s.centroid.sort_unstable_by_key(|x| x.0);
        }
        s.norm = s
            .centroid
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt()
            .max(1e-6);
        let top = Self::top(&s.centroid, indexed);
        let old = std::mem::take(&mut s.indexed);
        for f in &top {
            if !old.contains(f) {
                self.postings.entry(*f).or_default().push(id);
            }
        }
        for f in old {
            if !top.contains(&f) {
                if let Some(list) = self.postings.get_mut(&f) {
                    list.retain(|x| *x != id);
                }
            }
        }
        self.stories[id as usize].indexed = top;
    }

    /// Story id of every article added so far, in order (merged stories resolved).
    pub fn assignments(&self) -> Vec<u32> {
        self.assignment
            .iter()
            .map(|&s| self.resolve(s).unwrap_or(s))
            .collect()
    }

    /// The story an article (by its position in arrival order) belongs to now, merges resolved.
    pub fn story_of(&self, position: usize) -> Option<u32> {
        let s = *self.assignment.get(position)?;
        Some(self.resolve(s).unwrap_or(s))
    }

    /// The story a story id now lives in: itself, or the story it was merged into.
    pub fn current_id(&self, id: u32) -> u32 {
        self.resolve(id).unwrap_or(id)
    }

    /// Positions (arrival order) of a story's members; a merge moves members to the survivor.
    pub fn members(&self, id: u32) -> Vec<usize> {
        let mut out = self
            .stories
            .get(self.current_id(id) as usize)
            .map(|s| s.members.clone())
            .unwrap_or_default();
        out.sort_unstable();
        out
    }

    /// Articles added so far.
    pub fn len(&self) -> usize {
        self.assignment.len()
    }

    pub fn is_empty(&self) -> bool {
        self.assignment.is_empty()
    }

    /// Ids of stories merged into another.
    pub fn merged_ids(&self) -> impl Iterator<Item = u32> + '_ {
        self.merged.keys().copied()
    }

    pub fn stories(&self) -> impl Iterator<Item = &StoryState> {
        self.stories
            .iter()
            .filter(|s| !self.merged.contains_key(&s.id))
    }
}

/// Tag of the saved clusterer state's layout; change it whenever `Clusterer` or `ClusterConfig` changes.
/// (postcard is positional, so `#[serde(default)]` cannot bridge an added field: the tag is what keeps
/// an older state from being misread.)
const SNAPSHOT_FORMAT: &[u8] = b"corroborate-stories-2\n";

/// The clusterer's state as the store keeps it between ingests, with the store sequence number of
/// each article it has seen (in arrival order).
#[derive(Serialize, Deserialize)]
pub struct ClusterSnapshot {
    pub clusterer: Clusterer,
    pub seqs: Vec<u64>,
}

impl ClusterSnapshot {
    pub fn new(cfg: ClusterConfig) -> Self {
        ClusterSnapshot {
            clusterer: Clusterer::new(cfg),
            seqs: Vec::new(),
        }
    }

    pub fn to_bytes(&self) -> crate::Result<Vec<u8>> {
        postcard::to_extend(self, SNAPSHOT_FORMAT.to_vec())
            .map_err(|e| crate::Error::Invalid(format!("encoding the clusterer state: {e}")))
    }

    /// Read a saved state. One saved by a build with another layout is refused, not misread: postcard
    /// is positional, so a field added to the state would shift every later one.
    pub fn from_bytes(bytes: &[u8]) -> crate::Result<Self> {
        let body = bytes.strip_prefix(SNAPSHOT_FORMAT).ok_or_else(|| {
            crate::Error::Invalid("stored clusterer state is from another version".into())
        })?;
        postcard::from_bytes(body).map_err(|e| {
            crate::Error::Invalid(format!("stored clusterer state is unreadable: {e}"))
        })
    }
}

/// A short label for a story: the title of its earliest member with one, else its first sentence.
pub fn label(members: &[(&Article, Option<&Analysis>)]) -> String {
    let mut sorted: Vec<&(&Article, Option<&Analysis>)> = members.iter().collect();
    sorted.sort_by_key(|(a, _)| (a.published, a.id.clone()));
    if let Some((a, _)) = sorted.iter().find(|(a, _)| a.title.is_some()) {
        return a.title.clone().unwrap_or_default();
    }
    let Some((a, an)) = sorted.first() else {
        return String::new();
    };
    let first = an
        .and_then(|an| an.sentences.first())
        .map(|s| a.slice(s.span).to_string())
        .unwrap_or_else(|| a.text.lines().next().unwrap_or("").to_string());
    let words: Vec<&str> = first.split_whitespace().take(14).collect();
    words.join(" ")
}

/// What a reader sees of a story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub id: u32,
    pub label: String,
    /// Most named people and organisations, most mentioned first (display names).
    pub top_names: Vec<String>,
    pub top_places: Vec<String>,
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
    pub articles: usize,
    /// Distinct outlets; a wire copy's outlet counts only when it is not a copy.
    pub outlets: Vec<String>,
    /// Independent sources (copies of one article count once).
    pub sources: usize,
    /// Member article ids, earliest first.
    pub members: Vec<String>,
}

/// Story records from articles and their story ids, newest story (by its latest article) first.
/// `copy_of[i]` is the index of the article `i` copies, if any.
pub fn stories(
    docs: &[(&Article, Option<&Analysis>)],
    assignment: &[u32],
    copy_of: &[Option<usize>],
) -> Vec<Story> {
    let mut groups: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, &s) in assignment.iter().enumerate().take(docs.len()) {
        groups.entry(s).or_default().push(i);
    }
    let mut out: Vec<Story> = groups
        .into_iter()
        .map(|(id, mut idx)| {
            idx.sort_by_key(|&i| (docs[i].0.published, i));
            let members: Vec<(&Article, Option<&Analysis>)> =
                idx.iter().map(|&i| docs[i]).collect();
            let analysed: Vec<(&Article, &Analysis)> = members
                .iter()
                .filter_map(|(a, an)| an.map(|an| (*a, an)))
                .collect();
            let entities = crate::entities::collect_entities(&analysed);
            let top = |place: bool| -> Vec<String> {
                entities
                    .iter()
                    .filter(|e| (e.kind == crate::model::EntityKind::Place) == place)
                    .take(5)
                    .map(|e| e.name.clone())
                    .collect()
            };
            let mut outlets: Vec<String> = Vec::new();
            for &i in &idx {
                let name = docs[i].0.outlet();
                if copy_of[i].is_none() && !outlets.contains(&name) {
                    outlets.push(name);
                }
            }
            let dates = idx.iter().filter_map(|&i| docs[i].0.published);
            Story {
                id,
                label: label(&members),
                top_names: top(false),
                top_places: top(true),
                first: dates.clone().min(),
                last: dates.max(),
                articles: idx.len(),
                sources: idx.iter().filter(|&&i| copy_of[i].is_none()).count(),
                outlets,
                members: idx.iter().map(|&i| docs[i].0.id.clone()).collect(),
            }
        })
        .collect();
    newest_first(&mut out);
    out
}

/// Order stories for a reader: latest article first, then bigger, then by id.
pub fn newest_first(list: &mut [Story]) {
    list.sort_by(|a, b| {
        b.last
            .cmp(&a.last)
            .then(b.articles.cmp(&a.articles))
            .then(a.id.cmp(&b.id))
    });
}

/// Cluster a whole collection at once, in the given order; returns the story id of each article.
pub fn cluster_all(docs: &[(&Article, Option<&Analysis>)], cfg: ClusterConfig) -> Vec<u32> {
    let mut c = Clusterer::new(cfg);
    for (a, an) in docs {
        c.add(a, *an);
    }
    c.assignments()
}

#[cfg(test)]
mod tests;
