//! Dev-set evaluations and benchmarks for corroborate. Reads `../shared` (never copied into the repo);
//! every command says so and exits 0 when the data is absent.

mod clustering;
mod factcheck;
mod ingest_bench;
mod names;
mod quotes;
mod rouge;
mod segmentation;
mod stems;
mod summaries;
mod summary_train;

use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(
    name = "corroborate-eval",
    about = "Dev-set evaluations and benchmarks"
)]
struct Cli {
    /// The shared folder beside the project.
    #[arg(long, default_value = "../shared", global = true)]
    shared: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Quote extraction on PolNeAR: precision, recall, F1 (50% character overlap) and speaker accuracy.
    Quotes {
        #[arg(long, default_value = "dev")]
        split: String,
        /// Print this many missed and spurious quotes.
        #[arg(long, default_value_t = 0)]
        show: usize,
        /// Instead: how far the annotators agree with each other (articles marked twice).
        #[arg(long)]
        agreement: bool,
        /// Join the learned quote tagger in this folder (scripts/quote-tagger/train.py) with the rules;
        /// needs the `quote-model` feature.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Name variants: pair accuracy on rigour, and one key per person across the seed articles.
    Names {
        #[arg(long, default_value_t = 0)]
        show: usize,
    },
    /// Story clustering on the pooled dev stream: BCubed and pairwise scores.
    Cluster {
        /// Thresholds to try (default: the configured one).
        #[arg(long, value_delimiter = ',')]
        thresholds: Vec<f32>,
    },
    /// Scale benchmark: cluster this many recombined dev-set articles incrementally.
    ClusterBench {
        #[arg(long, default_value_t = 1_000_000)]
        articles: usize,
    },
    /// Per-stage analysis cost on one thread.
    Profile {
        #[arg(long, default_value_t = 3000)]
        articles: usize,
    },
    /// Agreement of our English sentence splitter with sentencex on the English dev-set texts.
    Segment {
        /// How many Multi-News validation clusters to read.
        #[arg(long, default_value_t = 2000)]
        multinews: usize,
        /// Print the differing sentences of this many texts.
        #[arg(long, default_value_t = 0)]
        show: usize,
        /// Split this text with both splitters instead.
        #[arg(long)]
        text: Option<String>,
    },
    /// Agreement and speed of our English stemmer against frostem on the dev-set vocabulary.
    Stems {
        /// How many Multi-News validation clusters to read.
        #[arg(long, default_value_t = 2000)]
        multinews: usize,
    },
    /// Summarize cost per cluster, stage by stage, on one thread (no process start-up).
    SummaryProfile {
        /// A file of ../shared/data/summarization, without `.jsonl`.
        #[arg(long, default_value = "duc2003_task2")]
        set: String,
        #[arg(long, default_value_t = 1000)]
        clusters: usize,
        #[arg(long, default_value_t = 100)]
        words: usize,
    },
    /// Learn the sentence-salience model (synth/salience.rs) on Multi-News validation clusters.
    SummaryTrain {
        /// First cluster (row) used for fitting; the rows before it are for testing and settings.
        #[arg(long, default_value_t = 2000)]
        from: usize,
        /// Ridge penalty on standardised features.
        #[arg(long, default_value_t = 1.0)]
        lambda: f64,
        #[command(flatten)]
        select: SelectOverrides,
    },
    /// Summaries of dev-set rows in process, with approximate ROUGE (for choosing settings).
    SummaryDev {
        /// A file of ../shared/data/summarization, without `.jsonl`.
        #[arg(long, default_value = "multinews_val")]
        set: String,
        #[arg(long, default_value_t = 1000)]
        from: usize,
        #[arg(long, default_value_t = 2000)]
        to: usize,
        #[arg(long, default_value_t = 260)]
        words: usize,
        /// A model printed by summary-train, instead of the library's.
        #[arg(long)]
        weights: Option<PathBuf>,
        #[command(flatten)]
        select: SelectOverrides,
    },
    /// Verify on the factual-consistency dev sets: balanced accuracy, CLIFF error types.
    Verify {
        /// Try thresholds 0.50..0.95 instead of the configured one.
        #[arg(long)]
        sweep: bool,
    },
    /// Verdict reasons on one factcheck file (debugging aid).
    VerifyReasons {
        #[arg(default_value = "aggrefact_cnndm_val.jsonl")]
        file: String,
        #[arg(long, default_value_t = 0)]
        show: usize,
    },
    /// Verify speed: claims per second against a 10-article source set.
    VerifyBench {
        #[arg(long, default_value_t = 2000)]
        claims: usize,
    },
    /// End-to-end ingest throughput and peak memory at growing corpus sizes (built from dev-set texts).
    IngestBench {
        /// Corpus sizes to ingest, each into a fresh store.
        #[arg(long, value_delimiter = ',', default_value = "25000,50000,100000")]
        sizes: Vec<usize>,
        /// The corroborate binary to run.
        #[arg(long, default_value = "target/release/corroborate")]
        bin: PathBuf,
        #[arg(long, default_value = "/tmp/corroborate-ingest-bench")]
        work: PathBuf,
    },
}

fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Quotes {
            split,
            show,
            agreement,
            model,
        } => {
            if agreement {
                quotes::agreement(&cli.shared, &split)
            } else {
                quotes::run(&cli.shared, &split, show, model.as_deref())
            }
        }
        Command::Names { show } => names::run(&cli.shared, show),
        Command::Verify { sweep } => factcheck::run(&cli.shared, sweep),
        Command::VerifyReasons { file, show } => factcheck::reasons(&cli.shared, &file, show),
        Command::VerifyBench { claims } => factcheck::bench(&cli.shared, claims),
        Command::Cluster { thresholds } => clustering::run(&cli.shared, &thresholds),
        Command::ClusterBench { articles } => clustering::bench(&cli.shared, articles),
        Command::Segment {
            multinews,
            show,
            text,
        } => match text {
            Some(t) => {
                segmentation::compare(&t);
                Ok(())
            }
            None => segmentation::run(&cli.shared, multinews, show),
        },
        Command::Stems { multinews } => stems::run(&cli.shared, multinews),
        Command::SummaryProfile {
            set,
            clusters,
            words,
        } => summaries::profile(&cli.shared, &set, clusters, words),
        Command::SummaryTrain {
            from,
            lambda,
            select,
        } => summary_train::train(&cli.shared, from, lambda, select.config()),
        Command::SummaryDev {
            set,
            from,
            to,
            words,
            weights,
            select,
        } => summary_train::dev(
            &cli.shared,
            &set,
            (from, to),
            words,
            select.config(),
            weights.as_deref(),
        ),
        Command::Profile { articles } => ingest_bench::profile(&cli.shared, articles),
        Command::IngestBench { sizes, bin, work } => {
            ingest_bench::run(&cli.shared, &sizes, &bin, &work)
        }
    }
}

/// Settings of summary selection to try instead of the defaults (`SelectConfig`).
#[derive(clap::Args)]
struct SelectOverrides {
    #[arg(long)]
    salience: Option<f32>,
    #[arg(long)]
    salience_decay: Option<f32>,
    #[arg(long)]
    position_prior: Option<f32>,
    #[arg(long)]
    max_pair_repeat: Option<f32>,
    #[arg(long)]
    max_repeat: Option<f32>,
    #[arg(long)]
    min_words: Option<u32>,
    #[arg(long)]
    max_words: Option<u32>,
}

impl SelectOverrides {
    fn config(&self) -> corroborate::synth::SelectConfig {
        let mut c = corroborate::synth::SelectConfig::default();
        c.salience = self.salience.unwrap_or(c.salience);
        c.position_prior = self.position_prior.unwrap_or(c.position_prior);
        c.salience_decay = self.salience_decay.unwrap_or(c.salience_decay);
        c.max_pair_repeat = self.max_pair_repeat.unwrap_or(c.max_pair_repeat);
        c.max_repeat = self.max_repeat.unwrap_or(c.max_repeat);
        c.min_words = self.min_words.unwrap_or(c.min_words);
        c.max_words = self.max_words.unwrap_or(c.max_words);
        c
    }
}

/// The data folder, or None (with a message) when `../shared` is not here.
pub fn require(path: &Path) -> Option<PathBuf> {
    if path.exists() {
        Some(path.to_path_buf())
    } else {
        println!(
            "skipped: {} is absent (the dev sets live in ../shared beside the project)",
            path.display()
        );
        None
    }
}
