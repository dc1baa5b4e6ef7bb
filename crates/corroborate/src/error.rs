use std::path::PathBuf;

/// Errors from the library. Bad records inside an input are not errors: ingest reports them as
/// [`crate::ingest::Problem`]s and carries on with the rest.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("store {path}: {message}")]
    Store { path: PathBuf, message: String },
    #[error("search index: {0}")]
    Index(String),
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
