//! Analyze: per-article language, paragraphs, sentences, name mentions, quotes and figures.

pub mod english_stem;
pub mod figures;
pub mod furniture;
pub mod lang;
pub mod lexicon;
pub mod names;
pub mod quotes;
pub mod segment;
pub mod tokens;

use crate::model::{Analysis, Article};

/// Analyse one article. Pure and deterministic: the same article always gives the same analysis.
pub fn analyze(article: &Article) -> Analysis {
    analyze_text(&article.text, article.lang.as_deref()).1
}

/// [`analyze`], with a learned quote tagger joining the rules when one is given.
pub fn analyze_with(
    article: &Article,
    tagger: Option<&dyn quotes::learned::SpanTagger>,
) -> Analysis {
    analyze_text_with(&article.text, article.lang.as_deref(), tagger).1
}

/// Analyse raw body text (one paragraph per line). Returns the language used for segmentation.
pub fn analyze_text(text: &str, declared_lang: Option<&str>) -> (String, Analysis) {
    analyze_text_with(text, declared_lang, None)
}

/// [`analyze_text`], with a learned quote tagger joining the rules on English text
/// ([`quotes::learned::combine`]). A tagger error leaves the rules' quotes alone: the tagger adds
/// recall, it is never needed for a correct analysis.
pub fn analyze_text_with(
    text: &str,
    declared_lang: Option<&str>,
    tagger: Option<&dyn quotes::learned::SpanTagger>,
) -> (String, Analysis) {
    let original = text;
    let text = &*ascii_quote_marks(text);
    let detected = lang::detect(text);
    let lang = declared_lang
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        .or_else(|| detected.clone())
        .unwrap_or_else(|| "en".to_string());
    let seg = segment::segment(text, &lang);
    let toks = tokens::tokenize(text);
    let word_count = toks
        .iter()
        .filter(|t| t.kind != tokens::TokenKind::Punct)
        .count() as u32;
    let mentions = names::extract_mentions(text, &toks, &seg.sentences);
    let quotes = quotes::extract_quotes(&quotes::QuoteInput {
        text,
        tokens: &toks,
        sentences: &seg.sentences,
        paragraphs: &seg.paragraphs,
        mentions: &mentions,
    });
    let quotes = match tagger.filter(|_| lang == "en") {
        Some(tagger) => match tagger.tag(text) {
            Ok(tagged) => {
                let input = quotes::QuoteInput {
                    text,
                    tokens: &toks,
                    sentences: &seg.sentences,
                    paragraphs: &seg.paragraphs,
                    mentions: &mentions,
                };
                quotes::learned::combine(&input, quotes, &tagged)
            }
            Err(e) => {
                tracing::warn!("quote tagger: {e}; keeping the rules' quotes");
                quotes
            }
        },
        None => quotes,
    };
    let quotes = whole_newswire_marks(original, text, quotes);
    let figures = figures::extract_figures(text, &toks, &seg.sentences);
    let analysis = Analysis {
        lang: detected.or(Some(lang.clone())),
        dateline: seg.dateline,
        paragraphs: seg.paragraphs,
        sentences: seg.sentences,
        mentions,
        quotes,
        figures,
        word_count,
    };
    (lang, analysis)
}

/// A quote span that takes in one byte of a two-character newswire mark (the `"` it was rewritten
/// to) takes in both, so the original text shows `''smart,''`, not `''smart,'`.
fn whole_newswire_marks(
    original: &str,
    rewritten: &str,
    mut quotes: Vec<crate::model::Quote>,
) -> Vec<crate::model::Quote> {
    if std::ptr::eq(original, rewritten) {
        return quotes;
    }
    let (o, r) = (original.as_bytes(), rewritten.as_bytes());
    let pair_at = |i: usize| matches!(o.get(i..i + 2), Some(b"''" | b"``"));
    for q in &mut quotes {
        let (mut start, mut end) = (q.span.start as usize, q.span.end as usize);
        if end >= 1 && r.get(end - 1) == Some(&b'"') && pair_at(end - 1) {
            end += 1;
        }
        if start >= 1 && r.get(start) == Some(&b'"') && pair_at(start - 1) {
            start -= 1;
        }
        q.span = crate::model::Span::new(start, end);
    }
    quotes
}

/// Newswire archives (and text converted from them) write quote marks as two ASCII characters: ``` `` ```
/// or `''` to open, `''` to close. Rewrite each pair as a straight double quote plus a space, in the
/// position that keeps it an opening or closing mark, so every byte offset stays valid for the original.
pub fn ascii_quote_marks(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("''") && !text.contains("``") {
        return std::borrow::Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    // Copy the runs between candidate marks whole: only ` and ' can start a pair.
    while let Some(k) = memchr::memchr2(b'`', b'\'', &bytes[i..]) {
        let at = i + k;
        out.push_str(&text[i..at]);
        let pair = &bytes[at..(at + 2).min(bytes.len())];
        if pair == b"``" || pair == b"''" {
            let before = text[..at].chars().next_back();
            let after = text[at + 2..].chars().next();
            let opens = pair == b"``"
                || (before.is_none_or(|c| c.is_whitespace() || "([{-\u{2014}".contains(c))
                    && after.is_some_and(|c| !c.is_whitespace()));
            out.push_str(if opens { " \"" } else { "\" " });
            i = at + 2;
        } else {
            out.push(char::from(bytes[at]));
            i = at + 1;
        }
    }
    out.push_str(&text[i..]);
    std::borrow::Cow::Owned(out)
}

/// Only what extractive summarisation needs: language, paragraphs and sentences (no names, quotes or
/// figures). Several times cheaper than `analyze`. English is split by our own splitter, which
/// agrees with `analyze`'s sentencex on about 95% of sentences (see `segment::Splitter`).
pub fn analyze_sentences(article: &Article) -> Analysis {
    // The same quote-mark reading as `analyze`, so that both see the same quotations.
    let text = &*ascii_quote_marks(&article.text);
    let detected = lang::detect(text);
    let lang = article
        .lang
        .as_deref()
        .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
        .or_else(|| detected.clone())
        .unwrap_or_else(|| "en".to_string());
    let seg = segment::segment_with(text, &lang, segment::Splitter::Fast);
    Analysis {
        lang: detected.or(Some(lang)),
        dateline: seg.dateline,
        paragraphs: seg.paragraphs,
        sentences: seg.sentences,
        word_count: tokens::word_count(&article.text) as u32,
        ..Analysis::default()
    }
}

#[cfg(test)]
mod quote_marks {
    use super::ascii_quote_marks;

    #[test]
    fn newswire_pairs_become_straight_quotes_at_the_same_offsets() {
        let cases = [
            (
                "``We will go,'' Smith said.",
                " \"We will go,\"  Smith said.",
            ),
            ("He said ''no'' twice.", "He said  \"no\"  twice."),
            (
                "It's Jo's `car' -- ''fine''",
                "It's Jo's `car' --  \"fine\" ",
            ),
            ("naïve ``é''", "naïve  \"é\" "),
            ("trailing '", "trailing '"),
        ];
        for (input, want) in cases {
            let got = ascii_quote_marks(input);
            assert_eq!(got, want, "{input:?}");
            assert_eq!(got.len(), input.len(), "{input:?}");
        }
    }
}

#[cfg(test)]
mod robustness {
    use super::analyze_text;

    /// Analysis must not panic on any text: cut a multilingual, punctuation-heavy text at every char
    /// boundary and analyse both halves.
    #[test]
    fn never_panics_on_odd_text() {
        let text = "KYÏV, Україна — «Це була серйозна розмова», — сказав Ушаков.\nJonBenét said: “¿Qué?” He said \"\" and ' — '\n$\u{00a0}5,, 3.. bn % Feb. 31, 20251 “unclosed\n\n» « ‘x’ 名前は Dr. 'Al-Ṣadr's \u{200b} 1,2,3 U.S.A. RIYADH -- é\u{301}\n- • * ";
        let cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &c in &cuts {
            let _ = analyze_text(&text[..c], None);
            let _ = analyze_text(&text[c..], Some("en"));
        }
        for junk in [
            "",
            " ",
            "\n\n",
            "\"",
            "“",
            "....",
            "A",
            "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ -- x",
            // Newswire quote marks, balanced and not: read as double quotes, same offsets.
            "``We will go,'' Smith said. ``And",
            "''",
            "``",
            "'' `` '' ``",
            "He said ``it's done'' and ''then `` left.",
        ] {
            let (_, a) = analyze_text(junk, None);
            for s in &a.sentences {
                assert!(
                    junk.get(s.span.start as usize..s.span.end as usize)
                        .is_some(),
                    "{junk:?}"
                );
            }
            for q in &a.quotes {
                assert!(
                    junk.get(q.span.start as usize..q.span.end as usize)
                        .is_some(),
                    "{junk:?}"
                );
            }
        }
    }
}
