//! `corroborate`: the command-line tool.
//!
//! Exit codes: 0 ok; 1 findings or partial failure (some input skipped, nothing found); 2 usage or fatal error.

mod commands;
mod output;
#[cfg(feature = "serve")]
mod serve;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "corroborate",
    version,
    about = "Grounded, source-attributed briefings from many news outlets"
)]
pub struct Cli {
    /// Data directory holding the store and index [default: the XDG data dir, e.g. ~/.local/share/corroborate]
    #[arg(long, global = true, env = "CORROBORATE_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Output format of read commands.
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// A learned quote tagger (the folder scripts/quote-tagger/train.py writes) to join the rules when
    /// articles are analysed: by `ingest` and by the one-shot commands. Needs a build with the
    /// `quote-model` feature.
    #[arg(
        long,
        global = true,
        env = "CORROBORATE_QUOTE_MODEL",
        value_name = "DIR"
    )]
    pub quote_model: Option<PathBuf>,
    /// Print problems only, no progress or summaries.
    #[arg(long, short, global = true)]
    pub quiet: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Html,
    Feed,
    Jsonl,
}

#[derive(Subcommand)]
pub enum Command {
    /// Read articles (files, directories, `-` for stdin) into the store.
    Ingest {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Read every input as this format instead of detecting it.
        #[arg(long = "as", value_enum)]
        as_format: Option<InputFormat>,
        /// Largest file (or JSONL record) to read, in bytes.
        #[arg(long, default_value_t = corroborate::ingest::DEFAULT_MAX_BYTES)]
        max_bytes: u64,
        /// Skip grouping the new articles into stories now (faster bulk loads); the next command
        /// that reads stories does it.
        #[arg(long)]
        no_stories: bool,
    },
    /// Full-text search (BM25) over stored articles.
    Search {
        #[arg(required = true, value_name = "QUERY")]
        query: Vec<String>,
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// One stored article with its sentences, mentions, quotes and figures.
    Show { id: String },
    /// What the store holds.
    Stats,
    /// People, places and organisations named, merged across spellings. Reads PATHs without a store when given.
    Entities {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Only this kind: person, place, organization, other.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        limit: Option<usize>,
    },
    /// Who said what. Reads PATHs without a store when given.
    Quotes {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Only quotes whose speaker name contains this text.
        #[arg(long)]
        speaker: Option<String>,
    },
    /// Group the given articles into stories (one-shot, no store). With --format json prints
    /// `[{"id": article id, "story": story id}]` for every input article.
    Cluster {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Summarise the given articles (one-shot, no store): whole source sentences, the best corroborated
    /// first chosen, in reading order. Text output is one sentence per line; markdown and json add citations.
    Summarize {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Word budget (whole sentences only) [default: 150].
        #[arg(long, conflicts_with = "max_bytes")]
        max_words: Option<usize>,
        /// Byte budget instead of words (one byte per sentence break counted).
        #[arg(long)]
        max_bytes: Option<usize>,
        /// Focus the summary on this question or topic.
        #[arg(long)]
        query: Option<String>,
        /// Print one more sentence after the summary, past the budget, for a scorer that cuts every
        /// summary at exactly the budget (ROUGE `-l`/`-b`, as DUC did): the budget is then filled
        /// to the word instead of left short by a sentence that did not fit.
        #[arg(long)]
        overflow: bool,
    },
    /// Stories in the store, newest first: label, outlets, date span. (Stories are computed from the
    /// stored articles when the command runs.)
    Stories {
        #[arg(long)]
        limit: Option<usize>,
    },
    /// One story of the store: its members and their outlets.
    Story { id: u32 },
    /// A briefing of a story or of the given articles: what happened with citations and corroboration,
    /// one-outlet claims, disagreements, who said what, key figures, timeline.
    Brief {
        /// A story id from `corroborate cluster` over the store (omit with --sources).
        #[arg(value_name = "STORY_ID", required_unless_present = "sources")]
        story: Option<u32>,
        /// Brief these articles instead of a stored story (one-shot, no store).
        #[arg(long, num_args = 1.., value_name = "PATH")]
        sources: Vec<PathBuf>,
        /// Words in the "what happened" summary.
        #[arg(long, default_value_t = 200)]
        max_words: usize,
        /// Focus the summary on this question or topic.
        #[arg(long)]
        query: Option<String>,
    },
    /// Answer a question from the sources only, with citations; says so when the sources do not answer.
    /// Without --sources, finds the story in the store that the question is about.
    Ask {
        /// Answer from these articles (one-shot, no store). A last value that is not a path is taken as
        /// the question, so `ask --sources a.txt b.txt "Who ...?"` works.
        #[arg(long, num_args = 1.., value_name = "PATH")]
        sources: Vec<PathBuf>,
        #[arg(value_name = "QUESTION")]
        question: Vec<String>,
    },
    /// Check a text against the sources claim by claim: supported, unsupported or contradicted, with
    /// evidence. Exit code 0 when every claim is supported, 1 when any is not, 2 on error.
    Verify {
        /// The text to check (`-` for stdin). When omitted, the last --sources path is the text.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        /// Check against these articles (one-shot, no store).
        #[arg(long, num_args = 1.., value_name = "PATH", conflicts_with = "story")]
        sources: Vec<PathBuf>,
        /// Check against a story of the store (ids as `corroborate cluster` prints them).
        #[arg(long, value_name = "ID")]
        story: Option<u32>,
    },
    /// Serve the HTTP API and the web page over the store (built with `--features serve`).
    #[cfg(feature = "serve")]
    Serve {
        /// Address to listen on; port 0 picks a free port (the address is printed).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: String,
    },
    /// Extract the main text of HTML pages: one `.txt` per page in OUT, one paragraph per line.
    Extract {
        #[arg(long, value_name = "OUT")]
        out: PathBuf,
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
}

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = Cli::parse();
    init_logging();
    match commands::run(&cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Logging is off unless `CORROBORATE_LOG` names a level or targets (`info`, `corroborate=debug`).
/// `Targets` rather than `EnvFilter`: the latter pulls in regex DFA building, which made every regex
/// the sentence splitter compiles at start-up several times slower (a one-shot `summarize` paid ~2 ms).
fn init_logging() {
    use tracing_subscriber::{filter::Targets, layer::SubscriberExt, util::SubscriberInitExt};
    // Without a filter nothing would be logged: no subscriber at all spares every one-shot command
    // setting one up.
    let Ok(spec) = std::env::var("CORROBORATE_LOG") else {
        return;
    };
    let filter = spec.parse::<Targets>().unwrap_or_else(|e| {
        eprintln!("warning: CORROBORATE_LOG={spec:?} is not a log filter ({e}); logging stays off");
        Targets::new()
    });
    tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .with(filter)
        .init();
}

/// Die quietly when stdout is closed early (`corroborate brief ... | head`), like other Unix tools,
/// instead of panicking on the failed write: Rust ignores SIGPIPE by default.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid disposition.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
