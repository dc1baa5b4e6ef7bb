//! Tests of the salience features and model on small invented stories.

use super::*;
use crate::model::Article;
use crate::test_support::{article as art, with_corpus};

/// A fictional harbour strike in three outlets: the walkout and its size are in all three, the
/// union's bake sale only in the first, a photo credit only in the third.
fn strike() -> Vec<Article> {
    vec![
        art(
            "a",
            "Bay Times",
            "Dock workers in Port Selm walked out on Monday over a new shift system. \
             The union said 1,400 members joined the strike at the container terminal. \
             The union also held a bake sale for members' children last spring.",
        ),
        art(
            "b",
            "Harbour Gazette",
            "About 1,400 dock workers walked out in Port Selm on Monday. \
             The strike at the container terminal is over a new shift system, the union said.",
        ),
        art(
            "c",
            "North Star",
            "Dock workers in Port Selm walked out on Monday over a new shift system. \
             Ships queued outside the container terminal as 1,400 members joined the strike. \
             Photo: Getty Images.",
        ),
    ]
}

/// Salience of each sentence, keyed by its text.
fn by_text(corpus: &Corpus) -> Vec<(String, f32)> {
    corpus
        .units
        .iter()
        .zip(salience(corpus, &SelectConfig::default()))
        .map(|(u, s)| (corpus.text(u).to_string(), s))
        .collect()
}

/// Salience of each sentence, keyed by article id and sentence index.
fn by_place(corpus: &Corpus) -> Vec<((String, u32), f32)> {
    corpus
        .units
        .iter()
        .zip(salience(corpus, &SelectConfig::default()))
        .map(|(u, s)| ((corpus.article(u).id.clone(), u.sentence), s))
        .collect()
}

#[test]
fn features_are_finite_and_shares_stay_in_range() {
    with_corpus(&strike(), |c| {
        let shares = [
            "relative_position",
            "shared_words",
            "shared_pairs",
            "pair_spread",
            "word_source_share",
            "word_sentence_share",
            "content_ratio",
            "quoted_share",
            "lead_overlap",
            "shared_all_pairs",
            "article_furniture_share",
        ];
        for x in features(c, &SelectConfig::default()).into_iter().flatten() {
            for (v, name) in x.iter().zip(FEATURE_NAMES) {
                assert!(v.is_finite(), "{name} = {v}");
                if shares.contains(&name) {
                    assert!((0.0..=1.0001).contains(v), "{name} = {v}");
                }
            }
        }
    });
}

#[test]
fn an_empty_corpus_and_a_one_sentence_one_have_well_defined_features() {
    with_corpus(&[], |c| {
        assert!(features(c, &SelectConfig::default()).is_empty())
    });
    with_corpus(
        &[art(
            "x",
            "Only",
            "One sentence stands alone here, as the only one.",
        )],
        |c| {
            let f = features(c, &SelectConfig::default());
            assert_eq!(f.len(), 1);
            assert!(f[0].expect("selectable").iter().all(|v| v.is_finite()));
        },
    );
}

#[test]
fn what_every_outlet_reports_outranks_what_one_mentions_in_passing() {
    with_corpus(&strike(), |c| {
        let s = by_text(c);
        let of = |start: &str| s.iter().find(|(t, _)| t.starts_with(start)).unwrap().1;
        let walkout = of("Dock workers in Port Selm walked out");
        let bake_sale = of("The union also held a bake sale");
        assert!(walkout > bake_sale, "{walkout} vs {bake_sale}");
    });
}

#[test]
fn salience_does_not_depend_on_the_order_of_the_articles() {
    let arts = strike();
    let reordered = vec![arts[2].clone(), arts[0].clone(), arts[1].clone()];
    let mut a = with_corpus(&arts, by_place);
    let mut b = with_corpus(&reordered, by_place);
    a.sort_by(|x, y| x.0.cmp(&y.0));
    b.sort_by(|x, y| x.0.cmp(&y.0));
    assert_eq!(a.len(), b.len());
    for ((ta, sa), (tb, sb)) in a.iter().zip(&b) {
        assert_eq!(ta, tb);
        assert!((sa - sb).abs() < 1e-5, "{ta:?}: {sa} vs {sb}");
    }
}

#[test]
fn marks_read_from_bytes_match_a_character_reading() {
    // The reading `Marks::of` replaced: character by character.
    fn by_chars(text: &str) -> (u32, u32, u32, bool, bool, bool, bool) {
        let (mut marks, mut quoted, mut chars, mut inside) = (0, 0, 0, false);
        let (mut digit, mut exclaims, mut colon, mut social) = (false, false, false, false);
        for c in text.chars() {
            chars += 1;
            match c {
                '"' | '\u{201c}' | '\u{201d}' => {
                    marks += 1;
                    inside = match c {
                        '\u{201c}' => true,
                        '\u{201d}' => false,
                        _ => !inside,
                    };
                    continue;
                }
                '0'..='9' => digit = true,
                '!' => exclaims = true,
                ':' | '(' => colon = true,
                '@' | '#' => social = true,
                _ => {}
            }
            quoted += u32::from(inside);
        }
        (marks, quoted, chars, digit, exclaims, colon, social)
    }
    for text in [
        "",
        "The ferry ran aground near Port Selm.",
        "\u{201c}We will rebuild,\u{201d} the mayor said \u{2014} \u{2018}soon\u{2019}.",
        "\"Half \"open: 3 @crew #selm (ok)!",
        "caf\u{e9} na\u{ef}ve \u{2026} \u{201d}\u{201c}x",
    ] {
        let m = Marks::of(text);
        assert_eq!(
            (
                m.quote_marks,
                m.quoted,
                m.chars,
                m.digit,
                m.exclaims,
                m.colon_or_paren,
                m.social
            ),
            by_chars(text),
            "{text:?}"
        );
    }
}
