//! The `en_stem` analyzer with a memo in front of the stemmer. Stemming every token of every body
//! was a fifth of all ingest work and ran on the single store-and-index thread, while news text
//! repeats the same few thousand words: each analyzer instance (one per segment writer) remembers
//! what it stemmed. The output is tantivy's own `en_stem` token for token, so indexes built with
//! either read the same, and queries (which go through the same name) match both.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// Words remembered per analyzer before the memo starts over (a few MB at most).
const MEMO_LIMIT: usize = 200_000;

/// The analyzer registered as `en_stem`: tantivy's chain with [`MemoStemmer`] as the stemmer.
pub(super) fn en_stem() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(MemoStemmer)
        .build()
}

/// English Snowball stemming (frostem, as tantivy's `Stemmer`), remembered per word.
#[derive(Clone, Copy, Default)]
pub(super) struct MemoStemmer;

impl TokenFilter for MemoStemmer {
    type Tokenizer<T: Tokenizer> = MemoStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> MemoStemmerFilter<T> {
        MemoStemmerFilter {
            inner: tokenizer,
            memo: HashMap::default(),
        }
    }
}

#[derive(Clone)]
pub(super) struct MemoStemmerFilter<T> {
    inner: T,
    memo: HashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for MemoStemmerFilter<T> {
    type TokenStream<'a> = MemoStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.memo.len() > MEMO_LIMIT {
            self.memo.clear();
        }
        MemoStemmerStream {
            tail: self.inner.token_stream(text),
            memo: &mut self.memo,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

pub(super) struct MemoStemmerStream<'a, T> {
    tail: T,
    memo: &'a mut HashMap<String, String>,
    stemmer: frostem::Stemmer,
}

impl<T: TokenStream> TokenStream for MemoStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.memo.get(&token.text) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = match self.stemmer.stem(&token.text) {
            Cow::Owned(s) => s,
            Cow::Borrowed(s) => s.to_string(),
        };
        let word = std::mem::replace(&mut token.text, stem.clone());
        self.memo.insert(word, stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenizerManager;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize, usize, usize)> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            let t = stream.token();
            out.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        out
    }

    #[test]
    fn memo_stemmer_gives_tantivys_en_stem_tokens() {
        let mut ours = en_stem();
        let mut theirs = TokenizerManager::default()
            .get("en_stem")
            .expect("tantivy registers en_stem");
        let texts = [
            "The negotiators were negotiating; negotiations continued in Riyadh's palaces.",
            // The same words again: now served from the memo.
            "Negotiations continued. The negotiators were negotiating in Riyadh's palaces!",
            "Zelenskyy, Zelensky and Zelenskiy: a supercalifragilisticexpialidociousnesswordthatistoolong one.",
            "Ünïcödé façades, naïve cafés — 21,692 troops; U.S. officials' running runs ran.",
            "",
        ];
        for text in texts {
            assert_eq!(tokens(&mut ours, text), tokens(&mut theirs, text), "{text}");
        }
    }

    #[test]
    fn the_memo_starts_over_when_full_and_still_stems() {
        let mut filter = MemoStemmer.transform(SimpleTokenizer::default());
        for i in 0..=MEMO_LIMIT + 1 {
            filter.memo.insert(format!("w{i}"), format!("w{i}"));
        }
        {
            let mut stream = filter.token_stream("running");
            assert!(stream.advance());
            assert_eq!(stream.token().text, "run");
        }
        assert_eq!(filter.memo.len(), 1);
    }
}
