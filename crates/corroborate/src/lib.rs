//! corroborate: turn the coverage of many news outlets into grounded, source-attributed briefings.
//!
//! The pipeline, one module per stage (see ARCHITECTURE.md):
//! [`ingest`] -> [`analyze`] -> [`dedupe`] -> [`store`] / [`index`] -> [`cluster`] -> [`synth`] / [`verify`]
//! (-> render in the CLI).
//! [`pipeline`] runs ingest end to end into a store.

pub mod analyze;
pub mod cluster;
pub mod dedupe;
pub mod entities;
pub mod error;
pub mod index;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod store;
pub mod synth;
pub mod verify;

#[cfg(test)]
mod test_support;

pub use error::{Error, Result};
pub use model::*;
