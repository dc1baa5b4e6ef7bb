//! Page furniture: the sign-up prompts, social widgets, browser notices, reprint notes and archive-crawl
//! notes that scraped pages carry around (or instead of) their reporting. Summaries never pick these
//! sentences, and the clusterer does not let them make two pages one story.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::sync::OnceLock;

/// Phrases that only occur in the furniture around an article (sign-up and subscription prompts,
/// social widgets, browser notices, reprint notes, photo credits and archive-crawl notes), never in
/// its reporting. Matched on the lower-cased sentence.
const FURNITURE: &[&str] = &[
    "all rights reserved",
    "archive pages",
    "broken links on the web",
    "click here",
    "click on the link",
    "cookie policy",
    "crawl data",
    "crawl of ",
    "crawls of",
    "delivered weekday",
    "detected that javascript",
    "digital access",
    "digital subscription",
    "download our app",
    "enable javascript",
    "enter the characters",
    "from every domain on the web",
    "file photo",
    "follow us on",
    "get breaking news",
    "get push notifications",
    "internet archive",
    "javascript is disabled",
    "legacy twitter",
    "location history",
    "log in to your",
    "newsletter",
    "no more 404",
    "not available right now",
    "order reprints",
    "pages that are referenced",
    "personal, non-commercial use",
    "please try again later",
    "privacy policy",
    "rating is available",
    "sign up for",
    "sign up to",
    "subscriber account",
    "terms of service",
    "terms of use",
    "thank you for reading",
    "the wayback machine",
    "these crawls",
    "this crawl",
    "this tweet",
    "this will appear next to",
    "this will not appear anywhere",
    "to continue reading",
    "verification email",
    "web crawl",
    "webcrawl",
    "with a location",
    "your browser",
    "your inbox",
    "your tweet",
];

/// Whether a sentence is page furniture rather than reporting.
pub fn is_page_furniture(sentence: &str) -> bool {
    // One automaton pass per sentence: every sentence of every summarized article is checked.
    static MATCHER: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let matcher = MATCHER.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // Built once per process; a DFA would cost more to build than one-shot commands search.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(FURNITURE)
            .ok()
    });
    let head = sentence.trim_start().as_bytes();
    let opens_with =
        |p: &str| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    matcher.as_ref().is_some_and(|m| m.is_match(sentence))
        || [
            "( associated press )",
            "(associated press)",
            "advertisement",
        ]
        .into_iter()
        .any(opens_with)
}

#[cfg(test)]
mod tests {
    use super::is_page_furniture;

    #[test]
    fn page_furniture_is_found_in_any_case_and_reporting_is_not() {
        assert!(is_page_furniture("Click HERE to read the full report."));
        assert!(is_page_furniture(
            "  ADVERTISEMENT Continue reading the main story"
        ));
        assert!(is_page_furniture(
            "(Associated Press) The ferry ran aground."
        ));
        assert!(is_page_furniture("Sign up for our Newsletter."));
        assert!(!is_page_furniture(
            "The ferry ran aground near Port Selm, the coast guard said."
        ));
        assert!(!is_page_furniture(
            "Officials said an advertisement campaign would follow."
        ));
        assert!(!is_page_furniture(""));
        // Phrases match inside words: none may be a piece of an ordinary word or title.
        assert!(!is_page_furniture(
            "He lost 30 pounds for the 2014 thriller Nightcrawler."
        ));
        assert!(is_page_furniture(
            "Crawls of supported \"no more 404\" sites."
        ));
        // Every sentence of an archive notice, now that glued sentences ("preserved.then") are split.
        for s in [
            "That way, as the pages that are referenced are changed or taken from the web, a link to the version that was live will be preserved.",
            "the goal is to fix all broken links on the web.",
            "The seed for the crawl was: slash pages from every domain on the web.",
        ] {
            assert!(is_page_furniture(s), "{s}");
        }
    }
}
