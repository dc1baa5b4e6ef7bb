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
    "email notifications",
    "enable cookies",
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
    "notification has been saved",
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
    "we use cookies",
    "web crawl",
    "webcrawl",
    "with a location",
    "you must log in",
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
    // four-byte openings that some phrase has reach the phrases themselves. Every sentence of every
    // summarized article comes through here, and a one-shot summary cannot repay building an
    // automaton (that was a tenth of its CPU time); a two-letter filter let "th" and "to" through.
    bytes.windows(4).enumerate().any(|(i, w)| {
        let key = folded_key([w[0], w[1], w[2], w[3]]);
        opens_a_phrase(key) && {
            let rest = &bytes[i..];
            let from = FURNITURE.partition_point(|p| phrase_key(p.as_bytes()) < key);
            FURNITURE[from..]
                .iter()
                .map(|p| p.as_bytes())
                .take_while(|p| phrase_key(p) == key)
                .any(|p| rest.len() >= p.len() && rest[..p.len()].eq_ignore_ascii_case(p))
        }
    })
}

/// Four bytes as one number, with the bit that tells ASCII upper from lower case set. Every byte of
/// a phrase (lower-case letters, space, digits, comma, hyphen) already has that bit, so text that
/// matches a phrase in any case has the phrase's key; other bytes may collide, which the full
/// comparison settles. Big-endian, so keys sort as the phrases do.
const fn folded_key(b: [u8; 4]) -> u32 {
    u32::from_be_bytes(b) | 0x2020_2020
}

fn phrase_key(p: &[u8]) -> u32 {
    folded_key([p[0], p[1], p[2], p[3]])
}

/// Whether some phrase may open with this key (a few false positives, never a false negative).
fn opens_a_phrase(key: u32) -> bool {
    let k = key_bit(key);
    OPENINGS[k / 64] & (1 << (k % 64)) != 0
}

/// A 12-bit hash of a key.
const fn key_bit(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 20) as usize
}

/// A bit per hashed four-byte opening: set when a phrase opens with it.
static OPENINGS: [u64; 64] = {
    let mut bits = [0u64; 64];
    let mut i = 0;
    while i < FURNITURE.len() {
        let p = FURNITURE[i].as_bytes();
        let k = key_bit(folded_key([p[0], p[1], p[2], p[3]]));
        bits[k / 64] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

#[cfg(test)]
mod tests {
    use super::is_page_furniture;

    #[test]
    fn phrases_are_sorted_lower_case_and_keyed_by_their_first_four_bytes() {
        for w in super::FURNITURE.windows(2) {
            assert!(w[0] < w[1], "{} before {}", w[0], w[1]);
        }
        for p in super::FURNITURE {
            assert!(p.len() >= 4, "{p}: the filter reads four bytes");
            assert_eq!(*p, p.to_lowercase());
            // The key folds case by setting 0x20; a phrase byte without it could never match.
            assert!(p.bytes().all(|b| b & 0x20 != 0), "{p}");
            assert!(p.as_bytes()[0].is_ascii_lowercase(), "{p}");
        }
    }

    #[test]
    fn every_phrase_is_found_at_any_offset_in_any_case() {
        for p in super::FURNITURE {
            for text in [
                p.to_string(),
                format!("Ab {} cd.", p.to_uppercase()),
                format!("x{p}"),
            ] {
                assert!(is_page_furniture(&text), "{text:?}");
            }
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
