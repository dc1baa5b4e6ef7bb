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
pub mod salience;
pub mod select;
mod statements;
pub(crate) mod variants;

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
    // A prior this light cannot outweigh a concept: skip the features.
    let learned = if salience_weight(corpus, &opts.select) >= 1e-3 {
        salience::salience(corpus, &opts.select)
    } else {
        Vec::new()
    };
    summarize_with(corpus, opts, &learned)
}

/// [`summarize`] with the salience of each unit given (empty: none), e.g. from a model being trained.
pub fn summarize_with(corpus: &Corpus, opts: &SummaryOptions, salience: &[f32]) -> Vec<usize> {
    if corpus.units.is_empty() {
        return Vec::new();
    }
    let relevance = opts
        .query
        .as_deref()
        .and_then(|q| query::relevance(corpus, q, 10));
    let weights = select::concept_weights(corpus, &opts.select, relevance.as_deref());
    let prior = sentence_prior(
        corpus,
        &weights,
        &opts.select,
        salience,
        relevance.as_deref(),
    );
    if !opts.overflow {
        let mut picked = select::select(corpus, &weights, Some(&prior), opts.budget, &opts.select);
        select::order(corpus, &mut picked);
        return picked;
    }
    let (mut picked, extra) =
        select::select_with_overflow(corpus, &weights, Some(&prior), opts.budget, &opts.select);
    select::order(corpus, &mut picked);
    picked.extend(extra);
    picked
}

/// What a sentence is worth besides the concepts it covers: a small lead prior, plus its learned
/// salience per word; both in units of the mean concept worth. Under a query the salience counts in
/// proportion to the sentence's relevance, as its concepts do: a salient sentence off the question
/// is no answer.
fn sentence_prior(
    corpus: &Corpus,
    weights: &select::ConceptWeights,
    cfg: &SelectConfig,
    learned: &[f32],
    relevance: Option<&[f32]>,
) -> Vec<f32> {
    let scale = (weights.values().sum::<f32>() / weights.len().max(1) as f32).max(0.1);
    let alpha = salience_weight(corpus, cfg);
    corpus
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let lead = cfg.position_prior / (1.0 + u.position as f32);
            let focus = relevance.map_or(1.0, |r| cfg.query_floor + r[i]);
            let salient = learned
                .get(i)
                .map_or(0.0, |s| alpha * focus * s.max(0.0) * u.words as f32);
            scale * (lead + salient)
        })
        .collect()
}

/// The weight of the learned salience per word, in units of the mean concept worth. With two or
/// three sources nearly every shared concept is shared by all of them, so counting sources barely
/// separates sentences and the learned prior leads; with many sources the counts carry the signal.
pub(crate) fn salience_weight(corpus: &Corpus, cfg: &SelectConfig) -> f32 {
    let others = corpus.sources.saturating_sub(1).max(1) as f32;
    cfg.salience / others.powf(cfg.salience_decay)
}

#[cfg(test)]
mod tests;
