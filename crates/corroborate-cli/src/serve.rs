//! `corroborate serve`: the HTTP API and the web page over one store.
//!
//! Every endpoint calls the same library functions as the matching command and returns the same JSON
//! as its `--format json`, so the API and the CLI cannot drift apart. The store is opened once; each
//! request runs on tokio's blocking pool, since analysis, search and synthesis are CPU work.
//!
//! | method and path | answers with |
//! |---|---|
//! | `GET /` | the web page |
//! | `GET /api/stats` | `stats` |
//! | `GET /api/search?q=TEXT&limit=N` | `search` |
//! | `GET /api/articles/{id}` | `show` |
//! | `GET /api/stories?limit=N` | `stories` |
//! | `GET /api/stories/{id}` | `story`, with its members |
//! | `GET /api/stories/{id}/brief?words=N&query=TEXT` | `brief STORY_ID` |
//! | `GET /api/ask?q=QUESTION&story=ID` | `ask` (store-wide without `story`) |
//! | `POST /api/verify` `{"text": ..., "story": ID}` | `verify --story ID` |
//! | `POST /api/ingest?format=F&name=N` with a document as the body | `ingest -` |
//!
//! Reads share the store; an ingest holds it alone while it writes (redb and tantivy have one writer),
//! then groups the new articles into stories as `ingest` does.
//! Errors are JSON too: `{"error": "..."}` with 400 (bad request), 404 (no such article or story) or
//! 500.

use crate::commands::{answer_from_store, corpus_of, open, story_docs, Docs};
use crate::Cli;
use anyhow::{Context, Result};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, State};
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use corroborate::ingest::IngestOptions;
use corroborate::model::Format;
use corroborate::pipeline::Engine;
use corroborate::store::ArticleStore;
use corroborate::synth::answer::answer;
use corroborate::synth::briefing::{brief, BriefOptions};
use corroborate::verify::{verify, VerifyOptions};
use serde::Deserialize;
use serde_json::{json, Value};
use std::io::Write;
use std::sync::{Arc, RwLock};

/// The store, shared by the requests.
type Shared = Arc<RwLock<Engine>>;

/// The web page: one file, no build step, calling the API above.
const PAGE: &str = include_str!("serve/page.html");

/// Most search hits or stories one request may ask for.
const MAX_LIMIT: usize = 1000;
/// Largest summary budget of a briefing request, in words.
const MAX_BRIEF_WORDS: usize = 2000;
/// Largest document an ingest request may send: the size limit `ingest` applies to a file.
const MAX_INGEST_BYTES: u64 = corroborate::ingest::DEFAULT_MAX_BYTES;

/// Serve until interrupted. Prints the address it listens on first (port 0 picks a free one).
pub fn serve(cli: &Cli, addr: &str) -> Result<bool> {
    let engine: Shared = Arc::new(RwLock::new(open(cli)?));
    let dir = engine
        .read()
        .map_or_else(|p| p.into_inner().dir.clone(), |e| e.dir.clone());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the HTTP runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("listening on {addr}"))?;
        let local = listener.local_addr()?;
        println!(
            "serving {} on http://{local}/ (Ctrl-C stops)",
            dir.display()
        );
        std::io::stdout().flush()?;
        axum::serve(listener, router(engine))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serving HTTP")?;
        Ok(true)
    })
}

fn router(engine: Shared) -> Router {
    Router::new()
        .route("/", get(|| async { Html(PAGE) }))
        .route("/api/stats", get(stats))
        .route("/api/search", get(search))
        .route("/api/articles/{id}", get(article))
        .route("/api/stories", get(stories))
        .route("/api/stories/{id}", get(story))
        .route("/api/stories/{id}/brief", get(story_brief))
        .route("/api/ask", get(ask))
        .route("/api/verify", post(verify_text))
        .route(
            "/api/ingest",
            post(ingest).layer(DefaultBodyLimit::max(MAX_INGEST_BYTES as usize)),
        )
        .fallback(|| async { ApiError::not_found("no such endpoint: the API is /api/stats, /api/search, /api/articles, /api/stories, /api/ask and /api/verify".into()) })
        .with_state(engine)
}

/// An error as the API reports it.
struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    fn bad_request(message: String) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message,
        }
    }

    fn not_found(message: String) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message,
        }
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("{e:#}"),
        }
    }
}

impl From<corroborate::Error> for ApiError {
    fn from(e: corroborate::Error) -> Self {
        let status = match e {
            corroborate::Error::Invalid(_) => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError {
            status,
            message: e.to_string(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(json!({ "error": self.message }))).into_response()
    }
}

type Reply = Result<Json<Value>, ApiError>;

/// A path parameter whose rejection ("abc" for a story id) is a JSON error like every other.
struct ApiPath<T>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned + Send> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(v)| ApiPath(v))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// Query parameters whose rejection (`limit=abc`) is a JSON error like every other.
struct ApiQuery<T>(T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<T>::from_request_parts(parts, state)
            .await
            .map(|Query(v)| ApiQuery(v))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// Run CPU-bound reading work off the async threads, sharing the store with other readers.
async fn blocking<F>(engine: Shared, work: F) -> Reply
where
    F: FnOnce(&Engine) -> Result<Value, ApiError> + Send + 'static,
{
    tokio::task::spawn_blocking(move || {
        // A request that panicked cannot have left the store half-written: writes are transactions.
        let e = engine.read().unwrap_or_else(|p| p.into_inner());
        work(&e)
    })
    .await
    .map_err(|e| ApiError::from(anyhow::anyhow!("request failed: {e}")))?
    .map(Json)
}

fn to_json(v: &impl serde::Serialize) -> Result<Value, ApiError> {
    serde_json::to_value(v).map_err(|e| ApiError::from(anyhow::Error::from(e)))
}

fn limit(given: Option<usize>, default: usize) -> usize {
    given.unwrap_or(default).clamp(1, MAX_LIMIT)
}

async fn stats(State(engine): State<Shared>) -> Reply {
    blocking(engine, |e| {
        Ok(json!({ "data_dir": e.dir, "stats": e.store.stats()? }))
    })
    .await
}

#[derive(Deserialize)]
struct SearchParams {
    q: Option<String>,
    limit: Option<usize>,
}

async fn search(State(engine): State<Shared>, ApiQuery(p): ApiQuery<SearchParams>) -> Reply {
    let q = required(p.q, "q", "the search query")?;
    blocking(engine, move |e| to_json(&e.search(&q, limit(p.limit, 10))?)).await
}

async fn article(State(engine): State<Shared>, ApiPath(id): ApiPath<String>) -> Reply {
    blocking(engine, move |e| match e.store.get(&id)? {
        Some(a) => Ok(crate::output::article_json(&a)),
        None => Err(ApiError::not_found(format!("no article with id {id:?}"))),
    })
    .await
}

#[derive(Deserialize)]
struct ListParams {
    limit: Option<usize>,
}

async fn stories(State(engine): State<Shared>, ApiQuery(p): ApiQuery<ListParams>) -> Reply {
    blocking(engine, move |e| {
        let mut list = e.stories()?;
        list.truncate(limit(p.limit, MAX_LIMIT));
        to_json(&list)
    })
    .await
}

async fn story(State(engine): State<Shared>, ApiPath(id): ApiPath<u32>) -> Reply {
    blocking(engine, move |e| {
        let Some((story, members)) = e.story(id)? else {
            return Err(ApiError::not_found(format!("no story {id}")));
        };
        let members: Vec<Value> = members
            .iter()
            .map(|a| {
                let art = &a.article;
                json!({
                    "id": art.id,
                    "outlet": art.outlet(),
                    "title": art.title,
                    "published": art.published,
                    "duplicate_of": a.duplicate_of,
                })
            })
            .collect();
        Ok(json!({ "story": to_json(&story)?, "members": members }))
    })
    .await
}

#[derive(Deserialize)]
struct BriefParams {
    words: Option<usize>,
    query: Option<String>,
}

async fn story_brief(
    State(engine): State<Shared>,
    ApiPath(id): ApiPath<u32>,
    ApiQuery(p): ApiQuery<BriefParams>,
) -> Reply {
    blocking(engine, move |e| {
        let docs = story_members(e, id)?;
        let opts = BriefOptions {
            summary_words: p
                .words
                .unwrap_or(BriefOptions::default().summary_words)
                .clamp(1, MAX_BRIEF_WORDS),
            query: p.query.filter(|q| !q.trim().is_empty()),
            ..BriefOptions::default()
        };
        to_json(&brief(&corpus_of(&docs), &opts))
    })
    .await
}

#[derive(Deserialize)]
struct AskParams {
    q: Option<String>,
    story: Option<u32>,
}

async fn ask(State(engine): State<Shared>, ApiQuery(p): ApiQuery<AskParams>) -> Reply {
    let q = required(p.q, "q", "the question")?;
    blocking(engine, move |e| match p.story {
        Some(id) => to_json(&answer(&corpus_of(&story_members(e, id)?), &q)),
        None => to_json(&answer_from_store(e, &q)?),
    })
    .await
}

#[derive(Deserialize)]
struct VerifyRequest {
    text: String,
    story: u32,
}

async fn verify_text(
    State(engine): State<Shared>,
    body: Result<Json<VerifyRequest>, axum::extract::rejection::JsonRejection>,
) -> Reply {
    let Json(req) = body.map_err(|e| {
        ApiError::bad_request(format!(
            "expected a JSON body {{\"text\": \"...\", \"story\": ID}}: {}",
            e.body_text()
        ))
    })?;
    blocking(engine, move |e| {
        let docs = story_members(e, req.story)?;
        to_json(&verify(
            &corpus_of(&docs),
            &req.text,
            &VerifyOptions::default(),
        ))
    })
    .await
}

#[derive(Deserialize)]
struct IngestParams {
    /// text, html, feed or jsonl; otherwise the body's first bytes decide.
    format: Option<String>,
    /// How problems name the document (and the prefix of ids made for articles without one).
    name: Option<String>,
}

async fn ingest(
    State(engine): State<Shared>,
    ApiQuery(p): ApiQuery<IngestParams>,
    body: Bytes,
) -> Reply {
    let format = match p.format.as_deref() {
        None | Some("") => None,
        Some("text") => Some(Format::Text),
        Some("html") => Some(Format::Html),
        Some("feed") => Some(Format::Feed),
        Some("jsonl") => Some(Format::Jsonl),
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "format {other:?}: use text, html, feed or jsonl"
            )))
        }
    };
    let name = p.name.unwrap_or_else(|| "request".into());
    tokio::task::spawn_blocking(move || -> Result<Value, ApiError> {
        let opts = IngestOptions {
            max_bytes: MAX_INGEST_BYTES,
            format,
        };
        let items = corroborate::ingest::read_document(body.to_vec(), &name, "http", &opts);
        let mut e = engine.write().unwrap_or_else(|p| p.into_inner());
        let mut problems: Vec<Value> = Vec::new();
        let mut report = e.ingest(
            items.into_iter(),
            &mut |p| problems.push(json!({ "problem": p.to_string() })),
            &|_| {},
        )?;
        report.clustered = e.catch_up_stories()?;
        Ok(json!({ "report": to_json(&report)?, "problems": problems }))
    })
    .await
    .map_err(|e| ApiError::from(anyhow::anyhow!("request failed: {e}")))?
    .map(Json)
}

/// The members of a story of the store, or a 404.
fn story_members(e: &Engine, id: u32) -> Result<Docs, ApiError> {
    story_docs(e, id)?.ok_or_else(|| ApiError::not_found(format!("no story {id}")))
}

/// A query parameter that must be present and not blank.
fn required(value: Option<String>, name: &str, what: &str) -> Result<String, ApiError> {
    value
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| ApiError::bad_request(format!("give {what} as ?{name}=...")))
}
