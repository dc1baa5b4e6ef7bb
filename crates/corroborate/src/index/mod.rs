//! Full-text search: BM25 over titles and bodies with highlighted snippets.
//!
//! [`SearchIndex`] is the surface; [`TantivyIndex`] the embedded default. The store is the source of truth:
//! each index commit records the last ingest sequence number it holds (as the commit payload), and opening
//! the engine re-indexes anything stored after that, so a crash between the two never loses an article.

mod stem;

use crate::model::StoredArticle;
use crate::{Error, Result};
use std::ops::Range;
use std::path::Path;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED, STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{doc, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Hit {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub score: f32,
    /// A passage of the body around the best matches.
    pub snippet: String,
    /// Byte ranges of matched terms inside `snippet`.
    pub highlights: Vec<(usize, usize)>,
}

/// A ranked article id.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked {
    pub id: String,
    pub score: f32,
}

pub trait SearchIndex: Send {
    /// Add (or replace) an article.
    fn add(&mut self, a: &StoredArticle) -> Result<()>;
    /// Make added articles searchable and durable, recording the last stored sequence number they cover.
    fn commit(&mut self, last_seq: u64) -> Result<()>;
    /// The sequence number recorded by the last commit.
    fn indexed_seq(&self) -> Result<u64>;
    /// Remove everything (before a rebuild from the store).
    fn clear(&mut self) -> Result<()>;
    /// Article ids ranked by BM25 (title matches count double).
    fn search(&self, query: &str, limit: usize) -> Result<Vec<Ranked>>;
    /// The passage of `text` around the best matches of `query`, with the byte ranges of matched terms.
    fn snippet(&self, query: &str, text: &str) -> Result<(String, Vec<(usize, usize)>)>;
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    body: Field,
}

pub struct TantivyIndex {
    index: Index,
    writer: Option<IndexWriter>,
    reader: IndexReader,
    f: Fields,
}

fn ierr(e: impl std::fmt::Display) -> Error {
    Error::Index(e.to_string())
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    // Only the id is stored: the text lives in the article store, and a second copy here would be
    // rewritten by every segment merge.
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("en_stem")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let f = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", text.clone()),
        body: b.add_text_field("body", text),
    };
    (b.build(), f)
}

impl TantivyIndex {
    fn parse(&self, query: &str) -> Box<dyn tantivy::query::Query> {
        let mut parser = QueryParser::for_index(&self.index, vec![self.f.title, self.f.body]);
        parser.set_field_boost(self.f.title, 2.0);
        // Lenient: a stray quote or colon in a user's query should not be an error.
        parser.parse_query_lenient(query).0
    }

    pub fn open(dir: &Path) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let (schema, f) = schema();
        let mmap = tantivy::directory::MmapDirectory::open(dir).map_err(ierr)?;
        let index = Index::open_or_create(mmap, schema).map_err(ierr)?;
        // Same tokens as tantivy's own `en_stem`, with stems remembered (see `stem.rs`).
        index.tokenizers().register("en_stem", stem::en_stem());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(ierr)?;
        Ok(TantivyIndex {
            index,
            writer: None,
            reader,
            f,
        })
    }

    fn writer(&mut self) -> Result<&mut IndexWriter> {
        if self.writer.is_none() {
            // One indexing thread and a fixed heap: memory stays flat however much is ingested.
            self.writer = Some(
                self.index
                    .writer_with_num_threads(1, 64 * 1024 * 1024)
                    .map_err(ierr)?,
            );
        }
        Ok(self.writer.as_mut().expect("writer was just created"))
    }
}

impl SearchIndex for TantivyIndex {
    fn add(&mut self, a: &StoredArticle) -> Result<()> {
        let f = self.f;
        let art = &a.article;
        let w = self.writer()?;
        w.delete_term(Term::from_field_text(f.id, &art.id));
        w.add_document(doc!(
            f.id => art.id.as_str(),
            f.title => art.title.clone().unwrap_or_default(),
            f.body => art.text.as_str(),
        ))
        .map_err(ierr)?;
        Ok(())
    }

    fn commit(&mut self, last_seq: u64) -> Result<()> {
        let w = self.writer()?;
        let mut prepared = w.prepare_commit().map_err(ierr)?;
        prepared.set_payload(&last_seq.to_string());
        prepared.commit().map_err(ierr)?;
        self.reader.reload().map_err(ierr)?;
        Ok(())
    }

    fn clear(&mut self) -> Result<()> {
        self.writer()?.delete_all_documents().map_err(ierr)?;
        self.commit(0)
    }

    fn indexed_seq(&self) -> Result<u64> {
        let metas = self.index.load_metas().map_err(ierr)?;
        Ok(metas.payload.and_then(|p| p.parse().ok()).unwrap_or(0))
    }

    fn search(&self, query: &str, limit: usize) -> Result<Vec<Ranked>> {
        let searcher = self.reader.searcher();
        let q = self.parse(query);
        let top = searcher
            .search(&q, &TopDocs::with_limit(limit.max(1)).order_by_score())
            .map_err(ierr)?;
        let mut out = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let d: TantivyDocument = searcher.doc(addr).map_err(ierr)?;
            if let Some(id) = d.get_first(self.f.id).and_then(|v| v.as_str()) {
                out.push(Ranked {
                    id: id.to_string(),
                    score,
                });
            }
        }
        Ok(out)
    }

    fn snippet(&self, query: &str, text: &str) -> Result<(String, Vec<(usize, usize)>)> {
        let searcher = self.reader.searcher();
        let q = self.parse(query);
        let mut generator = SnippetGenerator::create(&searcher, &*q, self.f.body).map_err(ierr)?;
        generator.set_max_num_chars(240);
        let snip = generator.snippet(text);
        let highlights = snip
            .highlighted()
            .iter()
            .map(|r: &Range<usize>| (r.start, r.end))
            .collect();
        Ok((snip.fragment().to_string(), highlights))
    }
}
