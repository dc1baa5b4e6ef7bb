//! Page furniture: the sign-up prompts, social widgets, browser notices, reprint notes and archive-crawl
//! notes that scraped pages carry around (or instead of) their reporting. Summaries never pick these
//! sentences, and the clusterer does not let them make two pages one story.

/// Phrases that only occur in the furniture around an article (sign-up and subscription prompts,
/// social widgets, browser notices, reprint notes, photo credits and archive-crawl notes), never in
/// its reporting. Matched anywhere, in any case. Sorted, so that the phrases with a given first
/// letter are found by binary search.
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
    "file photo",
    "follow us on",
    "from every domain on the web",
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
    let bytes = sentence.as_bytes();
    let head = sentence.trim_start().as_bytes();
    let opens_with =
        |p: &str| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if [
        "( associated press )",
        "(associated press)",
        "advertisement",
    ]
    .into_iter()
    .any(opens_with)
    {
        return true;
    }
    // A phrase can start anywhere ("sellernewsletter"), so every byte is tried, but only the
    // pairs of letters that open a phrase reach the phrases themselves. Every sentence of every
    // summarized article comes through here, and a one-shot summary cannot repay building an
    // automaton (that was a tenth of its CPU time).
    (0..bytes.len().saturating_sub(1)).any(|i| {
        opens_a_phrase(bytes[i], bytes[i + 1]) && {
            let rest = &bytes[i..];
            let first = rest[0].to_ascii_lowercase();
            let from = FURNITURE.partition_point(|p| p.as_bytes()[0] < first);
            FURNITURE[from..]
                .iter()
                .map(|p| p.as_bytes())
                .take_while(|p| p[0] == first)
                .any(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p))
        }
    })
}

/// Whether some phrase opens with these two bytes (in any case).
fn opens_a_phrase(a: u8, b: u8) -> bool {
    let k = pair_key(a.to_ascii_lowercase(), b.to_ascii_lowercase());
    PAIRS[k / 64] & (1 << (k % 64)) != 0
}

const fn pair_key(a: u8, b: u8) -> usize {
    (a as usize) << 8 | b as usize
}

/// A bit per pair of bytes: set when a phrase opens with that pair.
static PAIRS: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let mut i = 0;
    while i < FURNITURE.len() {
        let p = FURNITURE[i].as_bytes();
        let k = pair_key(p[0], p[1]);
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

#[cfg(test)]
mod tests {
    use super::is_page_furniture;

    #[test]
    fn phrases_are_sorted_lower_case_and_open_with_a_letter() {
        for w in super::FURNITURE.windows(2) {
            assert!(w[0] < w[1], "{} before {}", w[0], w[1]);
        }
        for p in super::FURNITURE {
            assert!(p.len() >= 2);
            assert_eq!(*p, p.to_lowercase());
            assert!(p.as_bytes()[0].is_ascii_lowercase(), "{p}");
        }
    }

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
        // Form furniture glues words together: a phrase is found inside a word too.
        assert!(is_page_furniture("yes, send me the sellernewsletter"));
        assert!(is_page_furniture("Get the e-Newsletter"));
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
