//! Library code must not panic on any input. These texts are built at random (with a fixed seed, so a
//! failure reproduces) from the pieces that have broken text handling before: multi-byte spaces and
//! quote marks next to full stops, abbreviations, glued sentences, URLs, figures, scripts other than
//! Latin, unbalanced brackets and quotes. Every stage a command runs on a text gets them.

use corroborate::analyze::analyze;
use corroborate::cluster::{cluster_all, ClusterConfig};
use corroborate::model::{Analysis, Article, Origin};
use corroborate::synth::answer::answer;
use corroborate::synth::briefing::{brief, BriefOptions};
use corroborate::synth::{summarize, Corpus, Doc, SummaryOptions};
use corroborate::verify::{verify, VerifyOptions};

const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\u{a0}",
    "\u{2009}",
    "\u{3000}",
    ".",
    ".",
    "?",
    "!",
    ",",
    ";",
    ":",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "\u{2019}",
    "\u{2018}",
    "(",
    ")",
    "[",
    "—",
    "--",
    "_",
    "said",
    "says",
    "told",
    "according to",
    "Lavrov",
    "Sergei Lavrov",
    "the minister",
    "he",
    "She",
    "Mr.",
    "U.S.",
    "US",
    "the United States",
    "Americans",
    "Zelenskyy\u{2019}s",
    "'s",
    "St.",
    "www.",
    "example.com",
    "@",
    "/",
    "3.5",
    "212",
    "four hours",
    "$1.2 million",
    "21,692",
    "percent",
    "%",
    "Tuesday",
    "2013.",
    "in",
    "On",
    "with.",
    "not",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "Zelenskyy",
    "Kyiv",
    "中文",
    "рус",
    "العربية",
    "🙂",
    "\u{200d}",
    "\u{fe0f}",
    "the",
    "talks",
    "RIYADH --",
    "(AP)",
    "ADVERTISEMENT",
    "Click here",
    "a",
    "was",
    "by",
];

/// A small xorshift generator: reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_text(rng: &mut Rng) -> String {
    let n = 1 + rng.below(80);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(PIECES[rng.below(PIECES.len())]);
        if rng.below(3) > 0 {
            s.push(' ');
        }
    }
    s
}

#[test]
fn random_texts_go_through_every_stage_without_panicking() {
    // NO_PANIC_ROUNDS and NO_PANIC_SEED search further than the suite's default.
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<u64>().ok());
    let rounds = env("NO_PANIC_ROUNDS").unwrap_or(300);
    let mut rng = Rng(env("NO_PANIC_SEED").unwrap_or(0x9e37_79b9_7f4a_7c15) | 1);
    for round in 0..rounds {
        let articles: Vec<Article> = (0..1 + rng.below(4))
            .map(|i| {
                Article::new(
                    format!("r{round}-{i}"),
                    random_text(&mut rng),
                    Origin::inline("random"),
                )
            })
            .collect();
        let analyses: Vec<Analysis> = articles.iter().map(analyze).collect();
        for (a, an) in articles.iter().zip(&analyses) {
            for s in &an.sentences {
                assert!(
                    a.text
                        .get(s.span.start as usize..s.span.end as usize)
                        .is_some(),
                    "sentence span off a char boundary in {:?}",
                    a.text
                );
            }
        }
        let corpus = Corpus::new(
            articles
                .iter()
                .zip(&analyses)
                .map(|(article, analysis)| Doc { article, analysis })
                .collect(),
        );
        summarize(&corpus, &SummaryOptions::default());
        brief(&corpus, &BriefOptions::default());
        answer(&corpus, &random_text(&mut rng));
        let claim = random_text(&mut rng);
        let report = verify(&corpus, &claim, &VerifyOptions::default());
        for c in &report.claims {
            assert!(
                claim.get(c.start..c.end).is_some(),
                "claim span off {claim:?}"
            );
        }
        let refs: Vec<(&Article, Option<&Analysis>)> = articles
            .iter()
            .zip(&analyses)
            .map(|(a, b)| (a, Some(b)))
            .collect();
        cluster_all(&refs, ClusterConfig::default());
    }
}
