//! The Snowball English stemmer (Porter2, as Snowball 3.1 defines it), for ASCII words.
//!
//! A one-shot summary stems every distinct word of its articles once, and frostem's generated
//! code (a general Snowball machine: binary searches over suffix tables, a new string for every
//! edit) was the largest single cost of that command. This module runs the same algorithm on a
//! byte buffer with the suffix tests written out. It must agree with frostem exactly, because
//! stems made here meet stems made by the index and by `tokens::stem` for other words: the tests
//! compare the two on every suffix rule and on a quarter of a million generated words, and words
//! that are not plain ASCII go to frostem.

/// The stem of a lower-case word, or `None` when the word holds anything but ASCII (the caller
/// uses frostem then).
pub fn stem_ascii(word: &str) -> Option<String> {
    let w = word.as_bytes();
    if !w.is_ascii() || w.iter().any(u8::is_ascii_uppercase) {
        return None;
    }
    if let Some(s) = exception(w) {
        return Some(s.to_string());
    }
    if w.len() < 3 {
        return Some(word.to_string());
    }
    let mut b = Word::prelude(w);
    b.step_1a();
    b.step_1b();
    b.step_1c();
    b.step_2();
    b.step_3();
    b.step_4();
    b.step_5();
    Some(b.finish())
}

/// Whole words with a fixed stem.
fn exception(w: &[u8]) -> Option<&'static str> {
    if !(3..=6).contains(&w.len()) || !b"abcdeghinosu".contains(&w[0]) {
        return None;
    }
    Some(match w {
        b"skis" => "ski",
        b"skies" => "sky",
        b"idly" => "idl",
        b"gently" => "gentl",
        b"ugly" => "ugli",
        b"early" => "earli",
        b"only" => "onli",
        b"singly" => "singl",
        b"andes" => "andes",
        b"atlas" => "atlas",
        b"bias" => "bias",
        b"cosmos" => "cosmos",
        b"howe" => "howe",
        b"news" => "news",
        b"sky" => "sky",
        _ => return None,
    })
}

/// Byte-wise equality of two short slices. Slice `==` calls `memcmp`, and a call per suffix tested
/// cost more than the stemming itself.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// a e i o u y (a marked `Y` is a consonant).
fn vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The word being stemmed, with its regions: R1 starts at `p1`, R2 at `p2`.
struct Word {
    b: Vec<u8>,
    p1: usize,
    p2: usize,
    /// Some `y` was marked `Y` (a consonant) and must be turned back at the end.
    marked: bool,
}

impl Word {
    /// Drop a leading apostrophe, mark consonant `y`s, find R1 and R2.
    fn prelude(w: &[u8]) -> Word {
        let mut b = w.strip_prefix(b"'").unwrap_or(w).to_vec();
        let mut marked = false;
        if b.first() == Some(&b'y') {
            b[0] = b'Y';
            marked = true;
        }
        for i in 1..b.len() {
            if b[i] == b'y' && vowel(b[i - 1]) {
                b[i] = b'Y';
                marked = true;
            }
        }
        const R1_PREFIXES: [&[u8]; 9] = [
            b"arsen", b"commun", b"emerg", b"gener", b"inter", b"later", b"organ", b"past",
            b"univers",
        ];
        let p1 = match R1_PREFIXES
            .iter()
            .find(|p| b.len() >= p.len() && same(&b[..p.len()], p))
        {
            Some(p) => p.len(),
            None => region_after(&b, 0),
        };
        let p2 = region_after(&b, p1);
        Word { b, p1, p2, marked }
    }

    fn ends(&self, suffix: &[u8]) -> bool {
        let n = self.b.len();
        n >= suffix.len() && same(&self.b[n - suffix.len()..], suffix)
    }

    /// Where `suffix` starts, if the word ends with it.
    fn start_of(&self, suffix: &[u8]) -> Option<usize> {
        self.ends(suffix).then(|| self.b.len() - suffix.len())
    }

    /// Replace the last `n` bytes with `with`.
    fn replace_end(&mut self, n: usize, with: &[u8]) {
        self.b.truncate(self.b.len() - n);
        self.b.extend_from_slice(with);
    }

    /// The longest of `suffixes` the word ends with, and where it starts. Of two suffixes that
    /// both end the word one ends the other, so the first match in a list sorted longest first
    /// is the longest; the last byte is compared first because it rules out nearly all.
    fn longest<'s>(&self, suffixes: &[&'s [u8]]) -> Option<(&'s [u8], usize)> {
        let last = *self.b.last()?;
        suffixes
            .iter()
            .find(|s| s.last() == Some(&last) && self.ends(s))
            .map(|s| (*s, self.b.len() - s.len()))
    }

    /// `longest`, when it starts in R1 (steps 2 and 3 test the longest suffix only, and only there).
    fn longest_in_r1<'s>(&self, suffixes: &[&'s [u8]]) -> Option<(&'s [u8], usize)> {
        self.longest(suffixes).filter(|&(_, at)| at >= self.p1)
    }

    fn step_1a(&mut self) {
        if let Some((s, _)) = self.longest(&[b"'s'", b"'s", b"'"]) {
            self.replace_end(s.len(), b"");
        }
        let Some((s, at)) = self.longest(&[b"sses", b"ied", b"ies", b"ss", b"us", b"s"]) else {
            return;
        };
        match s {
            b"sses" => self.replace_end(4, b"ss"),
            b"ied" | b"ies" => {
                let with: &[u8] = if at >= 2 { b"i" } else { b"ie" };
                self.replace_end(3, with);
            }
            // Deleted when a vowel comes before the letter that precedes it ("gaps", not "gas").
            b"s" if at >= 1 && self.b[..at - 1].iter().any(|&c| vowel(c)) => {
                self.replace_end(1, b"");
            }
            _ => {} // "ss", "us", or an "s" that stays
        }
    }

    fn step_1b(&mut self) {
        let Some((s, at)) = self.longest(&[b"eedly", b"ingly", b"edly", b"eed", b"ing", b"ed"])
        else {
            return;
        };
        match s {
            b"eed" | b"eedly" => {
                let stem = &self.b[..at];
                if at >= self.p1 && !matches!(stem, b"succ" | b"proc" | b"exc") {
                    self.replace_end(s.len(), b"ee");
                }
                return;
            }
            b"ing" => {
                let stem = &self.b[..at];
                if let [c, b'y'] = stem {
                    if !vowel(*c) {
                        self.replace_end(4, b"ie");
                        return;
                    }
                }
                if matches!(
                    stem,
                    b"even" | b"cann" | b"inn" | b"earr" | b"herr" | b"out"
                ) {
                    return;
                }
            }
            _ => {} // "ed", "edly", "ingly"
        }
        if !self.b[..at].iter().any(|&c| vowel(c)) {
            return;
        }
        self.b.truncate(at);
        if self.ends(b"at") || self.ends(b"bl") || self.ends(b"iz") {
            self.b.push(b'e');
        } else if let Some(at) = [
            &b"bb"[..],
            b"dd",
            b"ff",
            b"gg",
            b"mm",
            b"nn",
            b"pp",
            b"rr",
            b"tt",
        ]
        .iter()
        .find_map(|d| self.start_of(d))
        {
            // A double after a lone first a, e or o stays ("add", "egg", "odd").
            if !(at == 1 && matches!(self.b[0], b'a' | b'e' | b'o')) {
                self.b.pop();
            }
        } else if self.b.len() == self.p1 && self.short_syllable_before(self.b.len()) {
            self.b.push(b'e');
        }
    }

    /// Whether the word up to `end` ends with a short syllable: a non-vowel other than w, x or Y
    /// after a vowel after a non-vowel; a vowel then a non-vowel at the start; or "past".
    fn short_syllable_before(&self, end: usize) -> bool {
        let b = &self.b[..end];
        match b {
            [.., x, v, c]
                if !vowel(*x) && vowel(*v) && !vowel(*c) && !matches!(c, b'w' | b'x' | b'Y') =>
            {
                true
            }
            [v, c] if vowel(*v) && !vowel(*c) => true,
            _ => b.ends_with(b"past"),
        }
    }

    fn step_1c(&mut self) {
        let n = self.b.len();
        if n >= 3 && matches!(self.b[n - 1], b'y' | b'Y') && !vowel(self.b[n - 2]) {
            self.b[n - 1] = b'i';
        }
    }

    fn step_2(&mut self) {
        // Longest first (see `longest`).
        const SUFFIXES: [&[u8]; 25] = [
            b"ational", b"ization", b"iveness", b"fulness", b"ousness", b"lessli", b"biliti",
            b"tional", b"fulli", b"ousli", b"entli", b"aliti", b"iviti", b"alism", b"ation",
            b"ogist", b"anci", b"enci", b"abli", b"alli", b"izer", b"ator", b"ogi", b"bli", b"li",
        ];
        let Some((s, at)) = self.longest_in_r1(&SUFFIXES) else {
            return;
        };
        let with: &[u8] = match s {
            b"tional" => b"tion",
            b"enci" => b"ence",
            b"anci" => b"ance",
            b"abli" => b"able",
            b"entli" => b"ent",
            b"izer" | b"ization" => b"ize",
            b"ational" | b"ation" | b"ator" => b"ate",
            b"alli" | b"aliti" | b"alism" => b"al",
            b"fulli" | b"fulness" => b"ful",
            b"ousli" | b"ousness" => b"ous",
            b"iviti" | b"iveness" => b"ive",
            b"bli" | b"biliti" => b"ble",
            b"ogist" => b"og",
            b"ogi" if at >= 1 && self.b[at - 1] == b'l' => b"og",
            b"lessli" => b"less",
            b"li" if at >= 1 && b"cdeghkmnrt".contains(&self.b[at - 1]) => b"",
            _ => return,
        };
        self.replace_end(s.len(), with);
    }

    fn step_3(&mut self) {
        const SUFFIXES: [&[u8]; 9] = [
            b"ational", b"tional", b"icate", b"ative", b"alize", b"iciti", b"ical", b"ness", b"ful",
        ];
        let Some((s, at)) = self.longest_in_r1(&SUFFIXES) else {
            return;
        };
        let with: &[u8] = match s {
            b"tional" => b"tion",
            b"ational" => b"ate",
            b"alize" => b"al",
            b"icate" | b"iciti" | b"ical" => b"ic",
            b"ful" | b"ness" => b"",
            b"ative" if at >= self.p2 => b"",
            _ => return,
        };
        self.replace_end(s.len(), with);
    }

    fn step_4(&mut self) {
        const SUFFIXES: [&[u8]; 18] = [
            b"ement", b"ance", b"ence", b"able", b"ible", b"ment", b"ate", b"ive", b"ize", b"iti",
            b"ism", b"ion", b"ous", b"ant", b"ent", b"ic", b"al", b"er",
        ];
        let Some((s, at)) = self.longest(&SUFFIXES) else {
            return;
        };
        if at < self.p2 {
            return;
        }
        if s == b"ion" && !(at >= 1 && matches!(self.b[at - 1], b's' | b't')) {
            return;
        }
        self.b.truncate(at);
    }

    fn step_5(&mut self) {
        let n = self.b.len();
        match self.b.last() {
            Some(b'e') => {
                let at = n - 1;
                if at >= self.p2 || (at >= self.p1 && !self.short_syllable_before(at)) {
                    self.b.pop();
                }
            }
            Some(b'l') if n > self.p2 && n >= 2 && self.b[n - 2] == b'l' => {
                self.b.pop();
            }
            _ => {}
        }
    }

    fn finish(mut self) -> String {
        if self.marked {
            for c in &mut self.b {
                if *c == b'Y' {
                    *c = b'y';
                }
            }
        }
        // Only ASCII went in and only ASCII was written.
        String::from_utf8(self.b).unwrap_or_default()
    }
}

/// The end of the first vowel-then-non-vowel pair at or after `from` (R1 from 0, R2 from R1), or
/// the word's length.
fn region_after(b: &[u8], from: usize) -> usize {
    let n = b.len();
    let Some(v) = (from..n).find(|&i| vowel(b[i])) else {
        return n;
    };
    match (v + 1..n).find(|&i| !vowel(b[i])) {
        Some(c) => c + 1,
        None => n,
    }
}

#[cfg(test)]
mod tests {
    use super::stem_ascii;

    fn frostem(w: &str) -> String {
        frostem::Stemmer::new(frostem::Algorithm::English)
            .stem(w)
            .into_owned()
    }

    fn check(w: &str) {
        assert_eq!(stem_ascii(w).as_deref(), Some(frostem(w).as_str()), "{w:?}");
    }

    #[test]
    fn every_rule_agrees_with_snowball() {
        let words = [
            // exceptions, short words, prelude
            "skis",
            "skies",
            "idly",
            "gently",
            "ugly",
            "early",
            "only",
            "singly",
            "news",
            "sky",
            "atlas",
            "a",
            "at",
            "by",
            "'tis",
            "'s",
            "youth",
            "yes",
            "sayyid",
            "boy",
            "buy",
            "yyy",
            "'''",
            "''s'",
            "y'all",
            // R1 prefixes
            "generous",
            "generate",
            "communism",
            "communication",
            "arsenal",
            "emergency",
            "international",
            "lateral",
            "organization",
            "pasta",
            "universal",
            "universe",
            // step 1a
            "caresses",
            "ties",
            "cries",
            "tied",
            "gas",
            "this",
            "gaps",
            "kiwis",
            "bus",
            "cactus",
            "class",
            "boss's",
            "dogs'",
            "o's",
            // step 1b
            "agreed",
            "feed",
            "succeed",
            "proceeded",
            "exceedingly",
            "reportedly",
            "luxuriated",
            "hoped",
            "hoping",
            "hopped",
            "hopping",
            "added",
            "egged",
            "odder",
            "fizzed",
            "bled",
            "dying",
            "lying",
            "tying",
            "eying",
            "inning",
            "outing",
            "evening",
            "canning",
            "herring",
            "earring",
            "sing",
            "bring",
            "spied",
            "pasted",
            "pasting",
            "hated",
            "ringing",
            "traded",
            "sized",
            "filled",
            "falling",
            "failing",
            "riding",
            "wading",
            "crowed",
            "boxed",
            "shaming",
            // step 1c
            "cry",
            "say",
            "enjoy",
            "happy",
            "fly",
            // step 2
            "conditional",
            "relational",
            "valenci",
            "hesitanci",
            "digitizer",
            "conformabli",
            "radicalli",
            "differentli",
            "vileli",
            "analogousli",
            "vietnamization",
            "predication",
            "operator",
            "feudalism",
            "decisiveness",
            "hopefulness",
            "callousness",
            "formaliti",
            "sensitiviti",
            "sensibiliti",
            "geologist",
            "geology",
            "biology",
            "analogy",
            "fruitlessly",
            "lovely",
            "softly",
            "quickly",
            "mostly",
            "rhyming",
            // step 3
            "triplicate",
            "formative",
            "formalize",
            "electriciti",
            "electrical",
            "hopeful",
            "goodness",
            "demonstrative",
            "national",
            "rational",
            // step 4
            "revival",
            "allowance",
            "inference",
            "airliner",
            "gyroscopic",
            "adjustable",
            "defensible",
            "irritant",
            "replacement",
            "adjustment",
            "dependent",
            "adoption",
            "activate",
            "angulariti",
            "homologous",
            "effective",
            "bowdlerize",
            "agreement",
            "ement",
            "cement",
            "vision",
            "motion",
            "onion",
            // step 5
            "probate",
            "rate",
            "cease",
            "controll",
            "roll",
            "hope",
            "ripe",
            "paste",
            "centre",
            // other bytes
            "don't",
            "o'neill",
            "u-turn",
            "covid-19",
            "1990s",
            "3rd",
            "at&t",
            "x-rays",
            "e-mail",
        ];
        for w in words {
            check(w);
        }
    }

    #[test]
    fn generated_words_agree_with_snowball() {
        // Roots times every suffix the rules know, and random strings over letters weighted to
        // make the suffixes and vowel patterns the rules test.
        let roots = [
            "", "a", "b", "ab", "ba", "y", "ey", "by", "hop", "hope", "tap", "past", "gener",
            "univers", "inter", "succ", "exc", "even", "out", "dy", "fizz", "add", "bl", "cr",
            "sk", "eas", "sens", "organ", "ration", "condit", "form", "elect", "re", "de", "ou",
            "odd", "ebb", "eff", "ogg", "abb", "err", "o", "e", "i", "u", "w", "x", "aw", "ax",
            "l", "cl", "ll",
        ];
        let suffixes = [
            "", "s", "es", "ies", "ied", "sses", "ss", "us", "'s", "'", "'s'", "ed", "eed", "ing",
            "edly", "eedly", "ingly", "y", "ly", "li", "anci", "enci", "ogi", "bli", "abli",
            "alli", "fulli", "lessli", "ousli", "entli", "aliti", "biliti", "iviti", "tional",
            "ational", "alism", "ation", "ization", "izer", "ator", "iveness", "fulness",
            "ousness", "ogist", "icate", "ative", "alize", "iciti", "ical", "ful", "ness", "ic",
            "ance", "ence", "able", "ible", "ate", "ive", "ize", "iti", "al", "ism", "ion", "sion",
            "tion", "er", "ous", "ant", "ent", "ment", "ement", "e", "l", "ll", "at", "iz", "bb",
            "tt", "ying",
        ];
        for r in roots {
            for s in suffixes {
                for t in ["", "s", "ed", "ing", "ly", "ness", "e"] {
                    check(&format!("{r}{s}{t}"));
                }
            }
        }
        // Random words of one to four pieces: letters, and the fragments the rules look for.
        const PIECES: [&str; 48] = [
            "a", "e", "i", "o", "u", "y", "b", "c", "d", "g", "l", "m", "n", "p", "r", "s", "t",
            "v", "w", "x", "z", "'", "-", "1", "ed", "ing", "ly", "ies", "ss", "us", "at", "bl",
            "iz", "tt", "dd", "li", "al", "ic", "ion", "ent", "ate", "ive", "ous", "ful", "ness",
            "ment", "er", "ance",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..250_000 {
            let r = next();
            let pieces = 1 + (r % 4) as usize;
            let w: String = (0..pieces)
                .map(|i| PIECES[((r >> (8 + 12 * i)) % PIECES.len() as u64) as usize])
                .collect();
            check(&w);
        }
    }

    #[test]
    fn other_text_is_left_to_frostem() {
        assert_eq!(stem_ascii("café"), None);
        assert_eq!(stem_ascii("Running"), None);
        assert_eq!(stem_ascii(""), Some(String::new()));
    }
}
