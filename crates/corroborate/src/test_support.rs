//! Helpers the library's unit tests share: invented articles and the corpus they make.

use crate::model::{Analysis, Article, Origin};
use crate::synth::{Corpus, Doc};

/// An inline article from `outlet`.
pub(crate) fn article(id: &str, outlet: &str, text: &str) -> Article {
    Article {
        source: Some(outlet.into()),
        ..Article::new(id, text, Origin::inline("t"))
    }
}

/// Analyse the articles, build their corpus and hand it to `f`.
pub(crate) fn with_corpus<R>(arts: &[Article], f: impl FnOnce(&Corpus) -> R) -> R {
    let an: Vec<Analysis> = arts.iter().map(crate::analyze::analyze).collect();
    let corpus = Corpus::new(
        arts.iter()
            .zip(&an)
            .map(|(article, analysis)| Doc { article, analysis })
            .collect(),
    );
    f(&corpus)
}
