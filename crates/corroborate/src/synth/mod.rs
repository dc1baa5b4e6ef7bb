//! Synthesize: summaries, briefings and answers built only from source sentences.
//!
//! - `corpus`: the sentences of a set of articles, stemmed, with copy groups and outlets.
//! - `select`: budgeted concept-coverage selection and reading order.
//! - `query`: BM25 relevance of sentences to a question, with feedback expansion.
//! - `facts`: which independent sources carry the same information as a sentence (word overlap; a
//!   ranking signal for selection).
//! - `corroboration`: which other sources state a sentence, judged by the verifier; the counts and
//!   citations a briefing or answer prints come from here.
//! - `briefing`: the editor's view of a story (summary with citations, one-outlet claims,
//!   disagreements, quotes by speaker, figures, timeline).
//! - `answer`: a question answered from the sources, or an honest "the sources do not say".
//!
//! Nothing here writes text of its own beyond labels: every statement is a source sentence.

pub mod answer;
pub mod briefing;
pub mod corpus;
pub mod corroboration;
pub mod facts;
pub mod query;
pub mod select;

pub use corpus::{Corpus, Doc, Unit};
pub use select::{Budget, SelectConfig};

/// Options of `summarize`.
#[derive(Clone, Debug)]
pub struct SummaryOptions {
    pub budget: Budget,
    /// Focus the summary on this question or topic.
    pub query: Option<String>,
    pub select: SelectConfig,
    /// After the summary, one more sentence past the budget, for scorers that cut at exactly the
    /// budget (see [`select::overflow`]). Off for readers: a summary stays within its budget.
    pub overflow: bool,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            budget: Budget::Words(250),
            query: None,
            select: SelectConfig::default(),
            overflow: false,
        }
    }
}

/// Chosen sentences (unit indices into the corpus) in reading order, then the overflow sentence when
/// asked for.
pub fn summarize(corpus: &Corpus, opts: &SummaryOptions) -> Vec<usize> {
    if corpus.units.is_empty() {
        return Vec::new();
    }
    let relevance = opts
        .query
        .as_deref()
        .and_then(|q| query::relevance(corpus, q, 10));
    let weights = select::concept_weights(corpus, &opts.select, relevance.as_deref());
    // A small lead prior breaks ties and fills what is left of the budget once the shared concepts are
    // covered.
    let scale = (weights.values().sum::<f32>() / weights.len().max(1) as f32).max(0.1);
    let prior: Vec<f32> = corpus
        .units
        .iter()
        .map(|u| POSITION_PRIOR * scale / (1.0 + u.position as f32))
        .collect();
    let mut picked = select::select(corpus, &weights, Some(&prior), opts.budget, &opts.select);
    select::order(corpus, &mut picked);
    if opts.overflow {
        let extra = select::overflow(corpus, &weights, Some(&prior), &picked, &opts.select);
        picked.extend(extra);
    }
    picked
}

/// Worth of an article's first sentence, in units of the mean concept worth (decays as 1/(1+position)).
const POSITION_PRIOR: f32 = 0.5;

#[cfg(test)]
mod tests;
