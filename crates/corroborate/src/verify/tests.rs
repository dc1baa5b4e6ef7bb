//! Tests of claim verification.

use super::*;
use crate::test_support::{article as art, with_corpus};

fn sources() -> Vec<Article> {
    vec![
        art(
            "a",
            "Bay Times",
            "The ferry Alvina ran aground near Port Selm on Monday with 212 passengers on board. \
             Coast guard chief Lena Varga said all passengers were brought ashore within 4 hours. \
             \"Nobody was seriously hurt, and that is what matters,\" Varga said.",
        ),
        art(
            "b",
            "Harbour Gazette",
            "Divers will inspect the hull of the Alvina on Wednesday. \
             The operator said the ferry will not sail again this season.",
        ),
    ]
}

fn check(text: &str) -> Report {
    check_with(&sources(), text)
}

fn check_with(sources: &[Article], text: &str) -> Report {
    with_corpus(sources, |corpus| {
        verify(corpus, text, &VerifyOptions::default())
    })
}

/// `text` is one claim with this verdict, and its reason says `why`.
fn expect_one(text: &str, verdict: Verdict, why: &str) {
    let r = check(text);
    assert_eq!(verdicts(&r), vec![verdict], "{:?}", r.claims);
    assert!(r.claims[0].reason.contains(why), "{}", r.claims[0].reason);
}

fn verdicts(r: &Report) -> Vec<Verdict> {
    r.claims.iter().map(|c| c.verdict).collect()
}

#[test]
fn empty_text_has_no_claims() {
    let r = check("");
    assert!(r.claims.is_empty());
    assert!(r.all_supported());
    assert!(check("  \n ... ").claims.is_empty());
}

#[test]
fn text_without_a_sentence_boundary_is_one_claim() {
    let r =
        check("the ferry Alvina ran aground near Port Selm on Monday with 212 passengers on board");
    assert_eq!(verdicts(&r), vec![Verdict::Supported], "{:?}", r.claims);
    assert_eq!(r.claims[0].start, 0);
}

#[test]
fn claims_keep_offsets_and_evidence() {
    let text = "Divers will inspect the hull of the Alvina on Wednesday. The ferry sank in a storm near Oslo.";
    let r = check(text);
    assert_eq!(r.claims.len(), 2);
    for c in &r.claims {
        assert_eq!(&text[c.start..c.end], c.text);
    }
    assert_eq!(r.claims[0].verdict, Verdict::Supported);
    assert_eq!(r.claims[0].evidence[0].article, "b");
    assert_eq!(r.claims[1].verdict, Verdict::Unsupported);
    assert_eq!(r.summary.supported, 1);
    assert_eq!(r.summary.unsupported, 1);
}

#[test]
fn numbers_in_words_match_digits_and_differ_when_they_differ() {
    let r = check(
        "Coast guard chief Lena Varga said all passengers were brought ashore within four hours.",
    );
    assert_eq!(verdicts(&r), vec![Verdict::Supported], "{:?}", r.claims);
    let r = check(
        "Coast guard chief Lena Varga said all passengers were brought ashore within nine hours.",
    );
    assert_eq!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
    assert!(
        r.claims[0].reason.contains("4 hours"),
        "{}",
        r.claims[0].reason
    );
    let r = check(
        "The ferry Alvina ran aground near Port Selm on Monday with 300 passengers on board.",
    );
    assert_eq!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
}

#[test]
fn a_number_in_digits_is_held_by_a_source_that_spells_it_out() {
    let sources = vec![
        art(
            "a",
            "Bay Times",
            "The talks lasted six hours. Both sides left without a deal on the ferry route.",
        ),
        art(
            "b",
            "Harbour Gazette",
            "The operator said 6 of its crew had left the company since March.",
        ),
    ];
    // "6" is a word the sources use elsewhere; "six" is how they give this figure.
    let r = check_with(&sources, "The talks lasted 6 hours.");
    assert_eq!(verdicts(&r), vec![Verdict::Supported], "{:?}", r.claims);
    let r = check_with(&sources, "The talks lasted 7 hours.");
    assert_eq!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
    assert_eq!(
        crate::analyze::figures::other_spelling("six").as_deref(),
        Some("6")
    );
    assert_eq!(
        crate::analyze::figures::other_spelling("20").as_deref(),
        Some("twenty")
    );
    assert_eq!(crate::analyze::figures::other_spelling("dozen"), None);
}

#[test]
fn another_place_for_the_same_event_is_a_contradiction() {
    let sources = vec![
        art(
            "a",
            "Bay Times",
            "Envoys of the two governments met in Geneva on Tuesday to discuss the ferry route.",
        ),
        art(
            "b",
            "Harbour Gazette",
            "The ferry operator moved its head office from Paris to Lyon last year.",
        ),
    ];
    let run = |claim: &str| check_with(&sources, claim);
    let r = run("Envoys of the two governments met in Vienna on Tuesday.");
    assert_eq!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
    assert!(
        r.claims[0].reason.contains("Geneva") && r.claims[0].reason.contains("Vienna"),
        "{}",
        r.claims[0].reason
    );
    // A city is not contradicted by its country: the claim is only unsupported.
    let r = run("Envoys of the two governments met in Switzerland on Tuesday.");
    assert_eq!(verdicts(&r), vec![Verdict::Unsupported], "{:?}", r.claims);
    // The right place stays supported.
    let r = run("Envoys of the two governments met in Geneva on Tuesday.");
    assert_eq!(verdicts(&r), vec![Verdict::Supported], "{:?}", r.claims);
}

#[test]
fn a_verb_negated_in_its_base_form_contradicts_its_past() {
    let sources = vec![art(
        "a",
        "Bay Times",
        "Mayor Tomas Brel praised the rescue crews of Port Selm on Monday.",
    )];
    let r = check_with(
        &sources,
        "Mayor Tomas Brel did not praise the rescue crews of Port Selm on Monday.",
    );
    assert_eq!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
    // "did not say" denies no statement: a source's "said" is attribution.
    let r = check("Varga did not say all passengers were brought ashore within 4 hours.");
    assert_ne!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
}

#[test]
fn other_words_put_in_a_speakers_mouth_are_a_contradiction() {
    // The source: "\"Nobody was seriously hurt, and that is what matters,\" Varga said." and
    // "Coast guard chief Lena Varga said all passengers were brought ashore within 4 hours."
    let r = check(
        "Coast guard chief Lena Varga said all passengers were \"lucky to be alive after the crash.\"",
    );
    assert_eq!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
    assert!(
        r.claims[0].reason.contains("quote Lena Varga otherwise")
            || r.claims[0].reason.contains("quote Varga otherwise"),
        "{}",
        r.claims[0].reason
    );
    // Words quoted from somebody the sources do not quote at all are only unsupported.
    let r = check("The harbour master said the ferry was \"a disaster waiting to happen.\"");
    assert_eq!(verdicts(&r), vec![Verdict::Unsupported], "{:?}", r.claims);
}

#[test]
fn quotes_are_checked_exactly_with_either_quote_marks() {
    for q in [
        "\"Nobody was seriously hurt, and that is what matters,\" Varga said.",
        "\u{201c}Nobody was seriously hurt, and that is what matters,\u{201d} Varga said.",
    ] {
        assert_eq!(verdicts(&check(q)), vec![Verdict::Supported], "{q}");
    }
    // Tokenised text splits contractions; the words are the same.
    assert_eq!(
        crate::synth::briefing::quote_words("we 're sure it does n't matter"),
        crate::synth::briefing::quote_words("We\u{2019}re sure it doesn't matter")
    );
    // A single quote mark opening a quotation is no contraction.
    assert_eq!(
        crate::synth::briefing::quote_words("said 'nobody was hurt'"),
        ["said", "nobody", "was", "hurt"]
    );
    let r = check("\u{201c}Nobody was hurt at all, and that is what matters,\u{201d} Varga said.");
    assert_eq!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
    assert!(r.claims[0].reason.contains("quote differs"));
}

#[test]
fn quoted_words_without_a_verb_of_saying_are_checked_too() {
    // "called ... a “...”" names no speech, but the words are still given as a quotation.
    expect_one(
        "Lena Varga called the rescue of the Alvina's 212 passengers \u{201c}a flawless textbook operation\u{201d} on Monday.",
        Verdict::Unsupported,
        "quoted words",
    );
    expect_one(
        "Nobody was seriously hurt, and Varga said that \"is what matters\".",
        Verdict::Supported,
        "content",
    );
}

#[test]
fn a_quote_given_to_the_wrong_speaker_is_a_contradiction() {
    expect_one(
        "\"Nobody was seriously hurt, and that is what matters,\" the operator's chief Tom Brandt said.",
        Verdict::Contradicted,
        "attributed to",
    );
    // A quote that ends reported speech, and each claim's own speaker in a text of several.
    let r = check(
        "Tom Brandt called the crash \"nobody was seriously hurt, and that is what matters.\" \
         Varga called it \"nobody was seriously hurt, and that is what matters.\"",
    );
    assert_eq!(r.claims.len(), 2, "{:?}", r.claims);
    assert_eq!(r.claims[0].verdict, Verdict::Contradicted, "{:?}", r.claims);
    assert!(
        r.claims[0].reason.contains("not Tom Brandt"),
        "{}",
        r.claims[0].reason
    );
    // Varga's own claim is not given Brandt's attribution.
    assert_ne!(r.claims[1].verdict, Verdict::Contradicted, "{:?}", r.claims);
}

#[test]
fn reported_speech_given_to_another_person_is_a_contradiction() {
    // The source: "Coast guard chief Lena Varga said all passengers were brought ashore within 4 hours."
    expect_one(
        "Tom Brandt said all passengers were brought ashore within 4 hours.",
        Verdict::Contradicted,
        "from Lena Varga, not Tom Brandt",
    );
    expect_one(
        "Lena Varga said all passengers were brought ashore within 4 hours.",
        Verdict::Supported,
        "content",
    );
    // A role or nationality is nobody in particular.
    let r = check("The Dutchman said all passengers were brought ashore within 4 hours.");
    assert_ne!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
}

#[test]
fn a_negation_the_source_lacks_is_a_contradiction() {
    let r = check("The operator said the ferry will sail again this season.");
    assert_eq!(verdicts(&r), vec![Verdict::Contradicted], "{:?}", r.claims);
}

#[test]
fn a_long_word_no_source_uses_makes_a_claim_unsupported() {
    // Every other word is in the sources and the score alone would pass it.
    expect_one(
        "The ferry Alvina ran aground near Port Selm on Monday with 212 passengers and archbishops on board.",
        Verdict::Unsupported,
        "\"archbishops\"",
    );
    // A figure written in words is checked by value, not as words the sources lack.
    let r = check("The ferry Alvina ran aground near Port Selm on Monday with two hundred and twelve passengers on board.");
    assert_eq!(verdicts(&r), vec![Verdict::Supported], "{:?}", r.claims);
}

#[test]
fn a_question_is_not_a_claim_but_a_reported_question_is() {
    let text =
        "What happened near Port Selm? The ferry Alvina ran aground near Port Selm on Monday. \
                Varga asked: \"Who checked the radar?\"";
    let r = check(text);
    let claims: Vec<&str> = r.claims.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(claims.len(), 2, "{claims:?}");
    assert!(claims[0].starts_with("The ferry Alvina"));
    assert!(claims[1].starts_with("Varga asked"));
    assert_eq!(r.claims[0].verdict, Verdict::Supported);
    assert_eq!(r.summary.claims, 2);
}

#[test]
fn joined_statements_are_separate_claims() {
    let text = "The ferry Alvina ran aground near Port Selm on Monday, adding that divers will inspect the hull of the Alvina on Wednesday.";
    let r = check(text);
    let parts: Vec<&str> = r.claims.iter().map(|c| &text[c.start..c.end]).collect();
    assert_eq!(
        parts,
        [
            "The ferry Alvina ran aground near Port Selm on Monday",
            "divers will inspect the hull of the Alvina on Wednesday."
        ]
    );
    assert_eq!(verdicts(&r), vec![Verdict::Supported, Verdict::Supported]);
    // Not inside a quotation, and not when a side is too short to be a statement.
    for whole in [
        "Varga said: \"Nobody was seriously hurt, but that is what matters most to us.\"",
        "It sank, while empty.",
    ] {
        assert_eq!(check(whole).claims.len(), 1, "{whole}");
    }
}

#[test]
fn semicolons_split_claims() {
    let text = "Divers will inspect the hull of the Alvina on Wednesday; the captain was arrested.";
    let (_, an) = analyze_text(text, None);
    assert_eq!(claims(text, &an).len(), 2);
}

#[test]
fn no_sources_means_nothing_is_supported() {
    let corpus = Corpus::new(Vec::new());
    let r = verify(&corpus, "The ferry ran aground.", &VerifyOptions::default());
    assert_eq!(verdicts(&r), vec![Verdict::Unsupported]);
}

/// Corroboration's options: words only, the strict threshold, and other wording pinned by figures
/// and names.
fn check_anchored(text: &str, anchored: Option<f32>) -> Report {
    with_corpus(&sources(), |corpus| {
        let opts = VerifyOptions {
            threshold: 0.80,
            bigram_weight: 0.0,
            anchored_share: anchored,
        };
        verify(corpus, text, &opts)
    })
}

#[test]
fn other_wording_pinned_by_the_same_figures_and_names_is_supported_when_asked() {
    let reworded = "On Monday the Alvina struck rocks close to Port Selm, carrying 212 passengers.";
    let strict = check_anchored(reworded, None);
    assert_eq!(
        verdicts(&strict),
        vec![Verdict::Unsupported],
        "{:?}",
        strict.claims
    );
    let score = strict.claims[0].score;
    assert!((0.5..0.8).contains(&score), "{score}");
    let r = check_anchored(reworded, Some(0.5));
    assert_eq!(verdicts(&r), vec![Verdict::Supported], "{:?}", r.claims);
    assert!(
        r.claims[0].reason.contains("every figure and name"),
        "{}",
        r.claims[0].reason
    );
    // Another figure, or a name the evidence lacks, is still not supported.
    let r = check_anchored(
        "On Monday the Alvina struck rocks close to Port Selm, carrying 312 passengers.",
        Some(0.5),
    );
    assert_ne!(verdicts(&r), vec![Verdict::Supported], "{:?}", r.claims);
    let r = check_anchored(
        "On Monday the Alvina struck rocks close to Port Selm and Dravik, carrying 212 passengers.",
        Some(0.5),
    );
    assert_eq!(verdicts(&r), vec![Verdict::Unsupported], "{:?}", r.claims);
    // With no figure there is nothing to pin other wording to.
    let r = check_anchored("The Alvina struck rocks close to Port Selm.", Some(0.5));
    assert_eq!(verdicts(&r), vec![Verdict::Unsupported], "{:?}", r.claims);
}
