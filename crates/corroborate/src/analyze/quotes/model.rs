//! The learned quote tagger (feature `quote-model`): all-MiniLM-L6-v2 fine-tuned on PolNeAR train by
//! `scripts/quote-tagger/train.py`, run on the CPU with candle. Every word piece gets two BIO tags, one
//! for attributed content and one for its source; [`super::learned::combine`] turns them into quotes.
//!
//! The weights are derived from a research-use corpus, so they are never bundled: the caller names the
//! folder the training script wrote.

use super::learned::{Tagged, TaggedContent};
use crate::error::{Error, Result};
use crate::model::Span;
use candle_core::{DType, Device, Tensor};
use candle_nn::{Linear, Module, VarBuilder};
use candle_transformers::models::bert::{BertModel, Config};
use std::path::Path;
use tokenizers::Tokenizer;

/// How a tagger reads a text, as the training script read it (its `tagger.json`; a folder without one
/// was trained on the script's first windows, 256 pieces every 192).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Windows {
    /// Word pieces per window, [CLS] and [SEP] included.
    window: usize,
    /// Windows start this many pieces apart, so each piece is read where it is furthest from an edge.
    stride: usize,
}

impl Default for Windows {
    fn default() -> Self {
        Windows {
            window: 256,
            stride: 192,
        }
    }
}

impl Windows {
    /// The folder's `tagger.json`, checked against what the network can read.
    fn load(dir: &Path, max_positions: usize) -> Result<Self> {
        let path = dir.join("tagger.json");
        let windows = match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text)
                .map_err(|e| model_error(dir, format!("tagger.json: {e}")))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Windows::default(),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let Windows { window, stride } = windows;
        if window < 3 || window > max_positions || stride == 0 || stride > window - 2 {
            return Err(model_error(
                dir,
                format!(
                    "tagger.json: window {window} and stride {stride} do not fit (a window of 3 to \
                     {max_positions} pieces, a stride of 1 to the window less 2)"
                ),
            ));
        }
        Ok(windows)
    }

    /// Where the windows over `n` pieces start: every `stride` pieces, plus one flush with the end.
    fn starts(self, n: usize) -> Vec<usize> {
        let body = self.window - 2;
        let mut starts: Vec<usize> = (0..=n.saturating_sub(body)).step_by(self.stride).collect();
        if let Some(&last) = starts.last() {
            if last + body < n {
                starts.push(n - body);
            }
        }
        starts
    }
}

/// Windows run through the network at once: large enough for the matrix products to run at full
/// speed, small enough that a long article's activations stay a few tens of MB.
const BATCH: usize = 8;

/// A content span stands only when its pieces are, on average, at least this likely inside one. Viterbi
/// keeps whole a clause whose pieces are each only half likely; such a reading is a guess. On PolNeAR
/// dev (4-epoch tagger, lr 1.5e-4) joined F1 went from 0.765 without a minimum to 0.773 at 0.7
/// (precision 0.773 -> 0.813); replaying the join on the dumped spans put 0.6 and 0.8 at 0.766 and
/// 0.771. Sources need no minimum: they only name a speaker.
const MIN_CONTENT_CONFIDENCE: f32 = 0.7;

/// Probabilities of the tags O, B and I for each word piece.
type TagProbs = Vec<[f32; 3]>;

/// A loaded tagger. Loading reads about 90 MB; tagging is pure and deterministic.
pub struct QuoteTagger {
    bert: BertModel,
    content: Linear,
    source: Linear,
    tokenizer: Tokenizer,
    windows: Windows,
    cls: u32,
    sep: u32,
}

/// The longest window a BERT `config.json` allows (its position embeddings; 512 when it does not say).
/// Read from the JSON, since candle's `Config` keeps that field private.
fn max_positions(config: &serde_json::Value) -> usize {
    config
        .get("max_position_embeddings")
        .and_then(serde_json::Value::as_u64)
        .map_or(512, |n| n as usize)
}

fn model_error(dir: &Path, what: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("quote model {}: {what}", dir.display()))
}

impl QuoteTagger {
    /// Load the folder `train.py` wrote: `config.json`, `tokenizer.json`, `model.safetensors` and
    /// `tagger.json`.
    pub fn load(dir: &Path) -> Result<Self> {
        let config_path = dir.join("config.json");
        let config_text =
            std::fs::read_to_string(&config_path).map_err(|e| Error::io(&config_path, e))?;
        let config_error = |e: serde_json::Error| model_error(dir, format!("config.json: {e}"));
        let config_json: serde_json::Value =
            serde_json::from_str(&config_text).map_err(config_error)?;
        let windows = Windows::load(dir, max_positions(&config_json))?;
        let config: Config = serde_json::from_value(config_json).map_err(config_error)?;
        let mut tokenizer = Tokenizer::from_file(dir.join("tokenizer.json"))
            .map_err(|e| model_error(dir, format!("tokenizer.json: {e}")))?;
        tokenizer
            .with_truncation(None)
            .map_err(|e| model_error(dir, e))?;
        tokenizer.with_padding(None);
        let piece = |t: &str| {
            tokenizer
                .token_to_id(t)
                .ok_or_else(|| model_error(dir, format!("tokenizer.json has no {t}")))
        };
        let (cls, sep) = (piece("[CLS]")?, piece("[SEP]")?);
        let weights = dir.join("model.safetensors");
        // SAFETY: the file is memory-mapped read-only; like every mmap it must not be truncated while
        // loaded, which the folder's owner controls.
        let vb =
            unsafe { VarBuilder::from_mmaped_safetensors(&[&weights], DType::F32, &Device::Cpu) }
                .map_err(|e| model_error(dir, e))?;
        let bert = BertModel::load(vb.clone(), &config).map_err(|e| model_error(dir, e))?;
        let head = |name: &str| {
            candle_nn::linear(config.hidden_size, 3, vb.pp(name)).map_err(|e| model_error(dir, e))
        };
        Ok(QuoteTagger {
            bert,
            content: head("quote_content")?,
            source: head("quote_source")?,
            tokenizer,
            windows,
            cls,
            sep,
        })
    }

    /// Content and source spans (bytes of `text`) the network marks.
    pub fn tag_text(&self, text: &str) -> Result<Tagged> {
        let enc = self
            .tokenizer
            .encode(text, false)
            .map_err(|e| Error::Invalid(format!("quote model tokenizer: {e}")))?;
        let (ids, offsets) = (enc.get_ids(), enc.get_offsets());
        if ids.is_empty() {
            return Ok(Tagged::default());
        }
        // Per piece: (distance from its window's nearer edge, content and source tag probabilities).
        let mut best = vec![(-1isize, [1.0f32, 0.0, 0.0], [1.0f32, 0.0, 0.0]); ids.len()];
        let starts = self.windows.starts(ids.len());
        // Every window but a short text's only one is full, so windows go through the network together:
        // one batch multiplies larger matrices than several single windows, at a fraction of the cost.
        for batch in starts.chunks(BATCH) {
            let pieces: Vec<&[u32]> = batch
                .iter()
                .map(|&start| &ids[start..(start + self.windows.window - 2).min(ids.len())])
                .collect();
            let tagged = self
                .tag_windows(&pieces)
                .map_err(|e| Error::Invalid(format!("quote model at piece {}: {e}", batch[0])))?;
            for ((&start, piece), (content, source)) in batch.iter().zip(&pieces).zip(tagged) {
                for (j, (c, s)) in content.into_iter().zip(source).enumerate() {
                    let centre = j.min(piece.len() - 1 - j) as isize;
                    if centre > best[start + j].0 {
                        best[start + j] = (centre, c, s);
                    }
                }
            }
        }
        let content: TagProbs = best.iter().map(|b| b.1).collect();
        let source: TagProbs = best.iter().map(|b| b.2).collect();
        let contents = whole_words(text, spans(&content, offsets, MIN_CONTENT_CONFIDENCE));
        let sources = whole_words(text, spans(&source, offsets, 0.0));
        Ok(Tagged {
            contents: contents
                .into_iter()
                .map(|(span, confidence)| TaggedContent { span, confidence })
                .collect(),
            sources: sources.into_iter().map(|(span, _)| span).collect(),
        })
    }

    /// Tag probabilities (O, B, I) of each piece of some windows of equal length, for both heads.
    fn tag_windows(&self, windows: &[&[u32]]) -> candle_core::Result<Vec<(TagProbs, TagProbs)>> {
        let len = windows.first().map_or(0, |w| w.len());
        let mut input = Vec::with_capacity(windows.len() * (len + 2));
        for piece in windows {
            input.push(self.cls);
            input.extend_from_slice(piece);
            input.push(self.sep);
        }
        let ids = Tensor::from_vec(input, (windows.len(), len + 2), &Device::Cpu)?;
        let types = ids.zeros_like()?;
        let hidden = self.bert.forward(&ids, &types, None)?;
        let hidden = hidden.narrow(1, 1, len)?;
        let probs = |head: &Linear| -> candle_core::Result<Vec<TagProbs>> {
            let p = candle_nn::ops::softmax_last_dim(&head.forward(&hidden)?)?;
            Ok(p.to_vec3::<f32>()?
                .into_iter()
                .map(|w| w.into_iter().map(|r| [r[0], r[1], r[2]]).collect())
                .collect())
        };
        Ok(probs(&self.content)?
            .into_iter()
            .zip(probs(&self.source)?)
            .collect())
    }
}

/// Tag ids: the order of each head's three outputs, as `scripts/quote-tagger/train.py` trains them.
const O: usize = 0;
const B: usize = 1;
const I: usize = 2;

/// Tag probabilities to byte spans, read from the likeliest tag sequence ([`likeliest_tags`]): a B
/// opens a span, an I extends it. Each span comes with its confidence, how likely its pieces are on
/// average to be inside one; a span less sure than `min_confidence` is left out.
fn spans(probs: &[[f32; 3]], offsets: &[(usize, usize)], min_confidence: f32) -> Vec<(Span, f32)> {
    // Runs of pieces as (first piece, last piece).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, t) in likeliest_tags(probs).into_iter().enumerate() {
        match (t, runs.last_mut()) {
            (I, Some(run)) if run.1 + 1 == i => run.1 = i,
            (B, _) | (I, _) => runs.push((i, i)),
            _ => {}
        }
    }
    runs.into_iter()
        .filter_map(|(first, last)| {
            let inside: f32 = probs[first..=last].iter().map(|p| 1.0 - p[O]).sum();
            let confidence = inside / (last - first + 1) as f32;
            let span = Span::new(offsets.get(first)?.0, offsets.get(last)?.1);
            (confidence >= min_confidence).then_some((span, confidence))
        })
        .collect()
}

/// The most likely tag sequence in which every span opens with a B (Viterbi over the pieces'
/// log-probabilities, O -> I forbidden). Deciding each piece alone left a clause in fragments
/// wherever one piece's reading dipped; the best whole sequence keeps a clause whole unless the dip is
/// deep, and a sure B inside a run still starts the next span (two contents side by side). On PolNeAR
/// dev this raised the tagger's own F1 (contents of three words or more) from 0.758 to 0.764.
/// Ties go to the lower tag id, so the result is deterministic.
fn likeliest_tags(probs: &[[f32; 3]]) -> Vec<usize> {
    let log = |p: f32| p.max(1e-9).ln();
    let Some(first) = probs.first() else {
        return Vec::new();
    };
    let best_of = |score: &[f32; 3], from: &[usize]| {
        from.iter()
            .copied()
            .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
            .unwrap_or(O)
    };
    // score[t]: the best sequence so far ending in tag t; back[i][t]: the tag before it at piece i.
    let mut score = [log(first[O]), log(first[B]), f32::NEG_INFINITY];
    let mut back = vec![[O; 3]; probs.len()];
    for (i, p) in probs.iter().enumerate().skip(1) {
        let any = best_of(&score, &[O, B, I]);
        let prev = [any, any, best_of(&score, &[B, I])];
        back[i] = prev;
        score = [
            score[prev[O]] + log(p[O]),
            score[prev[B]] + log(p[B]),
            score[prev[I]] + log(p[I]),
        ];
    }
    let mut tags = vec![O; probs.len()];
    let mut tag = best_of(&score, &[O, B, I]);
    for i in (0..probs.len()).rev() {
        tags[i] = tag;
        tag = back[i][tag];
    }
    tags
}

/// Spans widened to whole words: a word piece can end mid-word ("donors" read as "donor" + "##s").
/// Two spans that then share a word (one began on a "##" piece) become one, as sure as the surer.
fn whole_words(text: &str, spans: Vec<(Span, f32)>) -> Vec<(Span, f32)> {
    let word = |c: char| c.is_alphanumeric() || c == '\'' || c == '\u{2019}';
    let mut out: Vec<(Span, f32)> = Vec::with_capacity(spans.len());
    for (s, confidence) in spans {
        let (mut start, mut end) = (s.start as usize, s.end as usize);
        while let Some(c) = text[..start]
            .chars()
            .next_back()
            .filter(|&c| c.is_alphanumeric())
        {
            start -= c.len_utf8();
        }
        while let Some(c) = text[end..].chars().next().filter(|&c| word(c)) {
            end += c.len_utf8();
        }
        match out.last_mut() {
            Some((prev, sure)) if prev.end as usize > start => {
                prev.end = prev.end.max(end as u32);
                *sure = sure.max(confidence);
            }
            _ => out.push((Span::new(start, end), confidence)),
        }
    }
    out
}

impl super::learned::SpanTagger for QuoteTagger {
    fn tag(&self, text: &str) -> Result<Tagged> {
        self.tag_text(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tagger folder holding a two-layer BERT with random weights and a tiny word-piece vocabulary:
    /// what it tags is noise, but every step from text to byte spans runs as with the real model.
    fn tiny_tagger(dir: &Path) -> QuoteTagger {
        let words = [
            "the", "mayor", "said", "bridge", "will", "close", "##s", "port", ".", ",", "\"",
        ];
        let mut vocab = serde_json::Map::new();
        for (i, w) in ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
            .iter()
            .chain(&words)
            .enumerate()
        {
            vocab.insert(w.to_string(), serde_json::json!(i));
        }
        let vocab_size = vocab.len();
        let tokenizer = serde_json::json!({
            "version": "1.0", "truncation": null, "padding": null, "added_tokens": [],
            "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                           "strip_accents": null, "lowercase": true},
            "pre_tokenizer": {"type": "BertPreTokenizer"}, "post_processor": null, "decoder": null,
            "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                      "max_input_chars_per_word": 100, "vocab": vocab}
        });
        std::fs::write(dir.join("tokenizer.json"), tokenizer.to_string()).unwrap();
        let config = serde_json::json!({
            "vocab_size": vocab_size, "hidden_size": 8, "num_hidden_layers": 2, "num_attention_heads": 2,
            "intermediate_size": 16, "hidden_act": "gelu", "hidden_dropout_prob": 0.1,
            "max_position_embeddings": 512, "type_vocab_size": 2, "initializer_range": 0.02,
            "layer_norm_eps": 1e-12, "pad_token_id": 0, "model_type": "bert"
        });
        std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
        let config: Config = serde_json::from_value(config).unwrap();
        let vars = candle_nn::VarMap::new();
        let vb = VarBuilder::from_varmap(&vars, DType::F32, &Device::Cpu);
        BertModel::load(vb.clone(), &config).unwrap();
        candle_nn::linear(8, 3, vb.pp("quote_content")).unwrap();
        candle_nn::linear(8, 3, vb.pp("quote_source")).unwrap();
        vars.save(dir.join("model.safetensors")).unwrap();
        QuoteTagger::load(dir).unwrap()
    }

    #[test]
    fn a_tagger_folder_loads_and_tags_text_of_any_length() {
        let dir = tempfile::tempdir().unwrap();
        let tagger = tiny_tagger(dir.path());
        assert_eq!(tagger.tag_text("").unwrap(), Tagged::default());
        // Long enough for several windows, with characters outside the vocabulary and multi-byte ones.
        let text = "The mayor said the bridge will close, the port closes. Ça “ferme”. ".repeat(60);
        let tagged = tagger.tag_text(&text).unwrap();
        let contents: Vec<Span> = tagged.contents.iter().map(|c| c.span).collect();
        for span in contents.iter().chain(&tagged.sources) {
            assert!(
                span.start < span.end && span.end as usize <= text.len(),
                "{span:?}"
            );
            assert!(
                text.is_char_boundary(span.start as usize)
                    && text.is_char_boundary(span.end as usize)
            );
        }
        assert!(
            contents.windows(2).all(|w| w[0].end <= w[1].start),
            "spans in order, apart"
        );
        assert_eq!(tagger.tag_text(&text).unwrap(), tagged, "deterministic");
    }

    #[test]
    fn windows_tagged_together_read_as_windows_tagged_alone() {
        let dir = tempfile::tempdir().unwrap();
        let tagger = tiny_tagger(dir.path());
        let enc = tagger
            .tokenizer
            .encode(
                "the mayor said the bridge will close, the port closes.",
                false,
            )
            .unwrap();
        let ids = enc.get_ids();
        let (first, second) = (&ids[..6], &ids[3..9]);
        let together = tagger.tag_windows(&[first, second]).unwrap();
        let alone = [first, second].map(|w| tagger.tag_windows(&[w]).unwrap().remove(0));
        assert_eq!(together.len(), 2);
        for (t, a) in together.iter().zip(&alone) {
            for (x, y) in t.0.iter().chain(&t.1).zip(a.0.iter().chain(&a.1)) {
                assert!(
                    x.iter().zip(y).all(|(p, q)| (p - q).abs() < 1e-5),
                    "{x:?} {y:?}"
                );
            }
        }
        // Windows of unequal length cannot share a batch: an error, not a panic.
        assert!(tagger.tag_windows(&[first, &ids[..4]]).is_err());
    }

    #[test]
    fn a_missing_or_broken_tagger_folder_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = QuoteTagger::load(dir.path())
            .err()
            .expect("an empty folder is refused");
        assert!(err.to_string().contains("config.json"), "{err}");
        // Not JSON, and JSON that is no BERT config: both read first as JSON, then as candle's `Config`.
        for config in ["not json", "{}"] {
            std::fs::write(dir.path().join("config.json"), config).unwrap();
            let err = QuoteTagger::load(dir.path())
                .err()
                .expect("a broken config.json is refused");
            assert!(err.to_string().contains("config.json"), "{config}: {err}");
        }
        tiny_tagger(dir.path());
        std::fs::write(dir.path().join("model.safetensors"), b"not weights").unwrap();
        let err = QuoteTagger::load(dir.path())
            .err()
            .expect("bad weights are refused");
        assert!(
            err.to_string().contains(&dir.path().display().to_string()),
            "{err}"
        );
    }

    #[test]
    fn windows_cover_every_piece_and_end_flush() {
        let w = Windows::default();
        assert_eq!(w.starts(0), vec![0]);
        assert_eq!(w.starts(10), vec![0]);
        assert_eq!(w.starts(254), vec![0]);
        assert_eq!(w.starts(255), vec![0, 1]);
        for w in [
            w,
            Windows {
                window: 512,
                stride: 384,
            },
        ] {
            let starts = w.starts(1000);
            assert_eq!(starts.first(), Some(&0));
            assert_eq!(starts.last().map(|s| s + w.window - 2), Some(1000));
            assert!(starts.windows(2).all(|p| p[1] - p[0] <= w.stride));
        }
    }

    #[test]
    fn a_tagger_reads_the_windows_it_was_trained_on() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(tiny_tagger(dir.path()).windows, Windows::default());
        let tagger_json = dir.path().join("tagger.json");
        std::fs::write(&tagger_json, r#"{"window": 8, "stride": 4}"#).unwrap();
        let tagger = QuoteTagger::load(dir.path()).unwrap();
        assert_eq!(
            tagger.windows,
            Windows {
                window: 8,
                stride: 4
            }
        );
        // Short windows still tag a long text whole, with every span inside it.
        let text = "The mayor said the bridge will close, the port closes. ".repeat(5);
        let tagged = tagger.tag_text(&text).unwrap();
        assert!(tagged
            .contents
            .iter()
            .all(|c| c.span.end as usize <= text.len()));
        // Windows the network cannot read, or a file that is not the tagger's, are refused by name.
        for bad in [
            r#"{"window": 1024, "stride": 384}"#,
            r#"{"window": 8, "stride": 7}"#,
            r#"{"window": 8, "stride": 0}"#,
            r#"{"window": 8}"#,
            "not json",
        ] {
            std::fs::write(&tagger_json, bad).unwrap();
            let err = QuoteTagger::load(dir.path())
                .err()
                .unwrap_or_else(|| panic!("{bad} is refused"));
            assert!(err.to_string().contains("tagger.json"), "{bad}: {err}");
        }
    }

    #[test]
    fn tag_probabilities_become_byte_spans() {
        let offsets = [
            (0, 2),
            (3, 7),
            (8, 12),
            (13, 15),
            (16, 20),
            (21, 25),
            (26, 30),
        ];
        let (o, b, i) = ([0.9, 0.05, 0.05], [0.1, 0.8, 0.1], [0.1, 0.1, 0.8]);
        // A span of pieces 1-2; a sure B right after a run starts a second span beside it (pieces 5-6).
        let got = spans_of(&[o, b, i, o, o, b, i], &offsets);
        assert_eq!(got, vec![Span::new(3, 12), Span::new(21, 30)]);
        let got = spans_of(&[b, i, b, i, o, o, o], &offsets);
        assert_eq!(got, vec![Span::new(0, 7), Span::new(8, 15)]);
        // One doubtful piece between sure inside ones does not split the span...
        let got = spans_of(&[b, i, [0.6, 0.1, 0.3], i, o, o, o], &offsets);
        assert_eq!(got, vec![Span::new(0, 15)]);
        // ...but a run of outside pieces does. An I cannot follow an O: after one, a piece opens a span
        // only where reading it as a B makes the likeliest sequence.
        let got = spans_of(&[b, i, o, o, i, o, o], &offsets);
        assert_eq!(got, vec![Span::new(0, 7)]);
        let doubtful_start = [0.3, 0.3, 0.4];
        let got = spans_of(&[o, doubtful_start, i, o, o, o, o], &offsets);
        assert_eq!(got, vec![Span::new(3, 12)]);
        assert!(spans_of(&[o, o], &offsets[..2]).is_empty());
        // A whole clause read only half surely is left out when a minimum confidence asks for more.
        let (unsure_b, unsure_i) = ([0.3, 0.6, 0.1], [0.35, 0.05, 0.6]);
        let guess = [o, unsure_b, unsure_i, o, b, i, o];
        assert_eq!(
            spans_of(&guess, &offsets),
            vec![Span::new(3, 12), Span::new(16, 25)]
        );
        let sure = spans(&guess, &offsets, MIN_CONTENT_CONFIDENCE);
        assert_eq!(sure.len(), 1);
        assert_eq!(sure[0].0, Span::new(16, 25));
        // Its confidence is the mean of its pieces' chances of being inside: (0.9 + 0.9) / 2.
        assert!((sure[0].1 - 0.9).abs() < 1e-6, "{sure:?}");
    }

    fn spans_of(probs: &[[f32; 3]], offsets: &[(usize, usize)]) -> Vec<Span> {
        spans(probs, offsets, 0.0)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    #[test]
    fn spans_widen_to_whole_words() {
        let text = "the donors said, don't go";
        let got = whole_words(text, vec![(Span::new(6, 9), 0.9), (Span::new(19, 20), 0.8)]);
        assert_eq!(
            &text[got[0].0.start as usize..got[0].0.end as usize],
            "donors"
        );
        assert_eq!(
            &text[got[1].0.start as usize..got[1].0.end as usize],
            "don't"
        );
        assert_eq!((got[0].1, got[1].1), (0.9, 0.8));
        // "do" + "##nors" split at a B: one word, one span, as sure as the surer part.
        assert_eq!(
            whole_words(text, vec![(Span::new(4, 6), 0.7), (Span::new(6, 10), 0.95)]),
            vec![(Span::new(4, 10), 0.95)]
        );
    }
}
