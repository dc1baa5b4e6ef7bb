//! Words, stems and stop words. Tokens carry byte offsets so every later match points at source text.

use std::sync::OnceLock;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token<'_> {
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub fn is_all_caps(&self) -> bool {
        let mut letters = self.text.chars().filter(|c| c.is_alphabetic()).peekable();
        letters.peek().is_some() && letters.all(|c| c.is_uppercase())
    }
}

/// Split text into words (letters with inner apostrophes, hyphens and abbreviation dots: "don't",
/// "Al-Assad", "U.S."), numbers ("21,692", "2.1", "324bn") and single punctuation characters.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    each_token(text, |t| out.push(t));
    out
}

/// `tokenize`, handing each token to `f` instead of collecting them (hot loops that read each
/// token once need no vector).
pub fn each_token<'t>(text: &'t str, mut f: impl FnMut(Token<'t>)) {
    let bytes = text.as_bytes();
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let numeric = c.is_ascii_digit();
            let mut end = i + c.len_utf8();
            let mut has_alpha = !numeric;
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    has_alpha |= d.is_alphabetic();
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // Joiners stay inside a token only between two alphanumerics.
                let joiner = matches!(d, '\'' | '\u{2019}' | '-' | '.' | ',' | '&');
                if joiner {
                    let next = text[j + d.len_utf8()..].chars().next();
                    let ok = match d {
                        ',' => {
                            numeric
                                && !has_alpha
                                && next.is_some_and(|n| n.is_ascii_digit())
                                && digits_after(bytes, j + 1) == 3
                        }
                        '.' => {
                            next.is_some_and(|n| n.is_alphanumeric())
                                && (numeric || is_abbrev_dot(text, i, j))
                        }
                        '&' => {
                            next.is_some_and(|n| n.is_uppercase())
                                && text[i..j].chars().all(|x| x.is_uppercase())
                        }
                        _ => next.is_some_and(|n| n.is_alphanumeric()),
                    };
                    if ok {
                        end = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                    // "U.S." keeps its final dot.
                    if d == '.' && is_abbrev_dot(text, i, j) && text[i..j].contains('.') {
                        end = j + 1;
                        it.next();
                    }
                }
                break;
            }
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            f(Token {
                text: &text[i..end],
                start: i,
                end,
                kind,
            });
        } else {
            f(Token {
                text: &text[i..i + c.len_utf8()],
                start: i,
                end: i + c.len_utf8(),
                kind: TokenKind::Punct,
            });
        }
    }
}

fn digits_after(bytes: &[u8], from: usize) -> usize {
    bytes[from.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// A dot inside single letters: "U.S", "U.N".
fn is_abbrev_dot(text: &str, start: usize, dot: usize) -> bool {
    let seg = &text[start..dot];
    let last = seg.rsplit('.').next().unwrap_or(seg);
    last.chars().count() == 1 && last.chars().all(|c| c.is_alphabetic())
}

/// `s.split_whitespace().count()`, without decoding characters when the text is ASCII (a whole
/// article's words are counted on every summary).
pub fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    // A word starts at each non-space byte after a space (or at the start): one branch-free pass.
    let mut after_space = true;
    let mut words = 0usize;
    for &b in s.as_bytes() {
        let space = is_ascii_space(b);
        words += usize::from(after_space & !space);
        after_space = space;
    }
    words
}

/// Unicode's White_Space in ASCII: tab, line feed, vertical tab, form feed, carriage return, space.
static ASCII_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = b'\t';
    while b <= b'\r' {
        t[b as usize] = true;
        b += 1;
    }
    t[b' ' as usize] = true;
    t
};

/// Whether a byte is one of Unicode's White_Space characters (all of them that are ASCII).
pub fn is_ascii_space(b: u8) -> bool {
    ASCII_SPACE[b as usize]
}

/// The words of ASCII text between white space: what `split_whitespace` gives, read as bytes.
pub fn ascii_words(s: &str) -> impl Iterator<Item = &str> {
    let start = s.as_ptr() as usize;
    s.as_bytes()
        .split(|&b| is_ascii_space(b))
        .filter(|w| !w.is_empty())
        // Each piece lies between ASCII bytes, so its offsets are char boundaries of `s`.
        .map(move |w| {
            let at = w.as_ptr() as usize - start;
            &s[at..at + w.len()]
        })
}

/// The largest char boundary of `s` at or below `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    let mut i = i;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Lower-case, fold typographic apostrophes, drop abbreviation dots: the form used for matching.
pub fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_into(word, &mut s);
    s
}

/// `normalize` into a reused buffer (hot loops normalise every token).
pub fn normalize_into(word: &str, s: &mut String) {
    s.clear();
    if word
        .bytes()
        .all(|b| b.is_ascii() && b != b'.' && !b.is_ascii_uppercase())
    {
        s.push_str(word);
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => s.push('\''),
            '.' => {}
            c => s.extend(c.to_lowercase()),
        }
    }
}

pub fn stem(word: &str) -> String {
    stem_normalized(&normalize(word))
}

/// `stem` of a word already `normalize`d. ASCII words take our own Snowball English stemmer
/// (`english_stem`: the same stems, faster); others take frostem's.
pub fn stem_normalized(word: &str) -> String {
    static STEMMER: OnceLock<frostem::Stemmer> = OnceLock::new();
    let word = word.strip_suffix("'s").unwrap_or(word);
    super::english_stem::stem_ascii(word).unwrap_or_else(|| {
        STEMMER
            .get_or_init(|| frostem::Stemmer::new(frostem::Algorithm::English))
            .stem(word)
            .into_owned()
    })
}

pub fn is_stopword(lower: &str) -> bool {
    // A hash lookup: a binary search compares up to eight strings, and every word of every text is checked.
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(lower)
}

/// Content words of a text: normalised, stop words and punctuation dropped.
pub fn content_words(text: &str) -> impl Iterator<Item = String> + '_ {
    tokenize(text)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| normalize(t.text))
        .filter(|w| !is_stopword(w))
}

/// English stop words, sorted for binary search.
pub const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "aren't",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "couldn't",
    "did",
    "didn't",
    "do",
    "does",
    "doesn't",
    "doing",
    "don't",
    "down",
    "during",
    "each",
    "even",
    "ever",
    "few",
    "for",
    "from",
    "further",
    "had",
    "hadn't",
    "has",
    "hasn't",
    "have",
    "haven't",
    "having",
    "he",
    "he'd",
    "he'll",
    "he's",
    "her",
    "here",
    "here's",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "how's",
    "however",
    "i",
    "i'd",
    "i'll",
    "i'm",
    "i've",
    "if",
    "in",
    "into",
    "is",
    "isn't",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "let's",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "mustn't",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "shan't",
    "she",
    "she'd",
    "she'll",
    "she's",
    "should",
    "shouldn't",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "that's",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "there's",
    "these",
    "they",
    "they'd",
    "they'll",
    "they're",
    "they've",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "wasn't",
    "we",
    "we'd",
    "we'll",
    "we're",
    "we've",
    "were",
    "weren't",
    "what",
    "what's",
    "when",
    "when's",
    "where",
    "where's",
    "whether",
    "which",
    "while",
    "who",
    "who's",
    "whom",
    "whose",
    "why",
    "why's",
    "will",
    "with",
    "within",
    "without",
    "won't",
    "would",
    "wouldn't",
    "yet",
    "you",
    "you'd",
    "you'll",
    "you're",
    "you've",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

/// A headline or subhead in Title Case ("Ukraine Pushes Back: \"No Deal Without Us\""): three in four
/// words of four letters or more capitalised. Reporting sentences have lower-case verbs and nouns.
pub fn is_title_case(s: &str) -> bool {
    // It runs on every sentence of every summarized article: ASCII text is read byte by byte in one
    // pass, the rest word by word.
    let (long, caps) = if s.is_ascii() {
        title_counts_ascii(s.as_bytes(), true)
    } else {
        title_counts(s)
    };
    long >= 3 && caps * 4 >= long * 3
}

/// (words of four letters or more, how many of them capitalised), each word trimmed of what is not
/// a letter or digit and counted only when nothing but letters is left.
fn title_counts(s: &str) -> (usize, usize) {
    let (mut long, mut caps) = (0usize, 0usize);
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.chars().nth(3).is_some() && w.chars().all(char::is_alphabetic) {
            long += 1;
            caps += usize::from(w.chars().next().is_some_and(char::is_uppercase));
        }
    }
    (long, caps)
}

/// `title_counts` of ASCII text in one pass over its bytes. With `give_up`, the pass stops once
/// the text cannot be title case whatever follows (each long word still to come needs five
/// bytes), and the counts so far, which say so, are returned.
fn title_counts_ascii(s: &[u8], give_up: bool) -> (usize, usize) {
    let (mut long, mut caps) = (0usize, 0usize);
    // The current word: letters so far, whether its first letter is upper case, whether it holds a
    // digit or punctuation between letters, and punctuation seen since its last letter.
    let (mut letters, mut upper, mut bad, mut gap) = (0usize, false, false, false);
    for (i, &b) in s.iter().chain(std::iter::once(&b' ')).enumerate() {
        if b.is_ascii_whitespace() {
            if letters >= 4 && !bad {
                long += 1;
                caps += usize::from(upper);
                let most_to_come = (s.len() - i) / 5 + 1;
                if give_up && 3 * (long - caps) > caps + most_to_come {
                    return (long, caps);
                }
            }
            (letters, upper, bad, gap) = (0, false, false, false);
        } else if b.is_ascii_alphabetic() {
            if letters == 0 && !bad {
                upper = b.is_ascii_uppercase();
            }
            bad |= gap && letters > 0;
            gap = false;
            letters += 1;
        } else if b.is_ascii_digit() {
            bad = true;
        } else if letters > 0 {
            gap = true;
        }
    }
    (long, caps)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_count_counts_as_split_whitespace_does() {
        for s in [
            "",
            "   ",
            "one",
            " The talks,  which lasted\tfour hours,\nended. ",
            "a\x0bb\x0cc\rd",
            "a\x1fb",
            "caf\u{e9} au\u{a0}lait \u{2003}x",
        ] {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
            if s.is_ascii() {
                let words: Vec<&str> = ascii_words(s).collect();
                assert_eq!(words, s.split_whitespace().collect::<Vec<_>>(), "{s:?}");
            }
        }
    }

    #[test]
    fn title_counts_read_ascii_bytes_as_words() {
        for s in [
            "Ukraine Pushes Back: \"No Agreement About Us Without Us\"",
            "The talks, which lasted four hours, ended in Riyadh on Tuesday.",
            "ALSO READ: Zelensky Holds Talks with Erdogan Amid US Shift on Ukraine",
            "“Finally.” (Someone) 2024-era co-op U.S. officials' don't x1y2 --dash-- end.",
            "",
            "   ",
            "a b c d",
        ] {
            if s.is_ascii() {
                assert_eq!(
                    title_counts_ascii(s.as_bytes(), false),
                    title_counts(s),
                    "{s}"
                );
            }
        }
        assert!(is_title_case(
            "Ukraine Pushes Back: \"No Agreement About Us Without Us\""
        ));
        // Giving up early never changes the answer.
        let words = [
            "Talks", "ended", "in", "Riyadh", "after", "four", "Hours", "said", "Tass",
        ];
        for n in 0..4000u32 {
            let s: Vec<&str> = (0..(n % 13))
                .map(|k| words[((n / 13 + k * 7 + k * k) % words.len() as u32) as usize])
                .collect();
            let s = s.join(" ");
            let (long, caps) = title_counts(&s);
            let want = long >= 3 && caps * 4 >= long * 3;
            assert_eq!(is_title_case(&s), want, "{s}");
        }
        assert!(!is_title_case(
            "The talks ended in Riyadh on Tuesday after four hours."
        ));
    }

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn news_tokens() {
        assert_eq!(
            words("The U.S. imposed 21,692 sanctions."),
            ["The", "U.S.", "imposed", "21,692", "sanctions", "."]
        );
        assert_eq!(
            words("Al-Assad's $324bn, 2.1 percent"),
            ["Al-Assad's", "$", "324bn", ",", "2.1", "percent"]
        );
        assert_eq!(
            words("“very useful,” he said"),
            ["“", "very", "useful", ",", "”", "he", "said"]
        );
        assert_eq!(words("AT&T and 1,2"), ["AT&T", "and", "1", ",", "2"]);
    }

    #[test]
    fn stopwords_sorted() {
        let mut s = STOPWORDS.to_vec();
        s.sort_unstable();
        assert_eq!(s, STOPWORDS);
        assert!(is_stopword("the") && !is_stopword("talks"));
    }

    #[test]
    fn stems() {
        assert_eq!(stem("negotiations"), stem("negotiation"));
        assert_eq!(stem("Russia’s"), "russia");
    }
}
