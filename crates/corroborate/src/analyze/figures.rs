//! Figures: numbers, money, percentages, dates and durations, normalised for comparison across outlets
//! ("$324bn" = 324e9 USD; "four hours" = 4 hours; "February 2022" = 2022-02).

use super::tokens::{is_stopword, normalize, Token, TokenKind};
use crate::model::{Figure, FigureKind, Sentence, Span};

const NUMBER_WORDS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
    ("half", 0.5),
];
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("m", 1e6),
    ("mn", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("b", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
    ("hundred", 100.0),
];
pub(crate) const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const TIME_UNITS: &[(&str, &str)] = &[
    ("second", "seconds"),
    ("seconds", "seconds"),
    ("minute", "minutes"),
    ("minutes", "minutes"),
    ("hour", "hours"),
    ("hours", "hours"),
    ("day", "days"),
    ("days", "days"),
    ("week", "weeks"),
    ("weeks", "weeks"),
    ("month", "months"),
    ("months", "months"),
    ("year", "years"),
    ("years", "years"),
    ("decade", "decades"),
    ("decades", "decades"),
];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("yuan", "CNY"),
    ("yen", "JPY"),
    ("hryvnia", "UAH"),
    ("hryvnias", "UAH"),
    ("riyal", "SAR"),
    ("riyals", "SAR"),
];

/// A number written as several words from `i`: "two hundred and twelve" (212), "three thousand five
/// hundred" (3,500), "forty-two million" (42e6). Returns its value and the token after it, only when
/// it spans more than one word.
fn number_phrase(t: &[Token], i: usize) -> Option<(f64, usize)> {
    let (mut total, mut current, mut k, mut words) = (0.0, 0.0, i, 0);
    while let Some(tok) = t.get(k) {
        let w = lower(tok);
        let scale = SCALES
            .iter()
            .find(|(n, _)| *n == w && n.len() > 2)
            .map(|(_, v)| *v);
        if w == "hundred" && words > 0 {
            current *= 100.0;
        } else if let Some(s) = scale.filter(|_| words > 0) {
            total += current * s;
            current = 0.0;
        } else if w == "and"
            && words > 0
            && t.get(k + 1)
                .is_some_and(|n| plain_number_word(&lower(n)).is_some())
        {
            k += 1;
            continue;
        } else if let Some(v) = plain_number_word(&w).filter(|v| *v < 100.0 || words == 0) {
            current += v;
        } else {
            break;
        }
        words += 1;
        k += 1;
    }
    (words > 1).then_some((total + current, k))
}

/// The value of a cardinal number word ("seven", "forty", "twenty-one"); not "dozen" or "half".
fn plain_number_word(w: &str) -> Option<f64> {
    if matches!(w, "dozen" | "dozens" | "half" | "hundred") {
        return None;
    }
    if let Some((a, b)) = w.split_once('-') {
        let (x, y) = (word_number(a)?, word_number(b)?);
        return (x >= 20.0 && y < 10.0).then_some(x + y);
    }
    word_number(w)
}

/// The other spelling of a whole number written as a word or in digits ("six" <-> "6", "twenty" <->
/// "20"): outlets write small numbers either way.
pub fn other_spelling(w: &str) -> Option<String> {
    if let Ok(n) = w.parse::<u32>() {
        return NUMBER_WORDS
            .iter()
            .find(|(word, v)| {
                *v == f64::from(n) && !matches!(*word, "dozen" | "dozens" | "hundred")
            })
            .map(|(word, _)| word.to_string());
    }
    word_number(w)
        .filter(|v| v.fract() == 0.0 && !matches!(w, "dozen" | "dozens" | "hundred"))
        .map(|v| format!("{v:.0}"))
}

fn word_number(w: &str) -> Option<f64> {
    NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|(_, v)| *v)
}

/// The numeric value of a token: "21,692", "2.1", "324bn" (with its scale), or a number word.
fn token_number(t: &Token) -> Option<(f64, Option<f64>)> {
    let lower = t.text.to_ascii_lowercase();
    if t.kind == TokenKind::Number {
        let digits_end = lower
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(lower.len());
        let value: f64 = lower[..digits_end].replace(',', "").parse().ok()?;
        let suffix = &lower[digits_end..];
        if suffix.is_empty() {
            return Some((value, None));
        }
        let scale = SCALES.iter().find(|(s, _)| *s == suffix).map(|(_, v)| *v);
        return scale.map(|s| (value, Some(s))).or(
            if matches!(suffix, "st" | "nd" | "rd" | "th" | "s") {
                Some((value, None))
            } else {
                None
            },
        );
    }
    if t.kind == TokenKind::Word {
        // "twenty-one"
        if let Some((a, b)) = lower.split_once('-') {
            if let (Some(x), Some(y)) = (word_number(a), word_number(b)) {
                if x >= 20.0 && y < 10.0 {
                    return Some((x + y, None));
                }
            }
        }
        return word_number(&lower).map(|v| (v, None));
    }
    None
}

pub fn extract_figures(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut si = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        while si + 1 < sentences.len() && tokens[i].start >= sentences[si].span.end as usize {
            si += 1;
        }
        if !may_start_figure(&tokens[i]) {
            i += 1;
            continue;
        }
        let consumed = date_at(tokens, i).or_else(|| number_at(tokens, i));
        match consumed {
            Some((end, kind, value, unit)) => {
                let span = Span::new(tokens[i].start, tokens[end - 1].end);
                let context =
                    context_words(text, tokens, i, end, sentences.get(si).map(|s| s.span));
                out.push(Figure {
                    span,
                    sentence: si as u32,
                    kind,
                    value,
                    unit,
                    context,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// Whether a figure can begin at this token: a number, a currency sign, or a word that is a number,
/// a month or weekday, a hyphenated duration or a currency prefix. Most tokens are none of these, and
/// the full readers lower-case every token they look at.
fn may_start_figure(t: &Token) -> bool {
    match t.kind {
        TokenKind::Number => true,
        TokenKind::Punct => matches!(t.text, "$" | "€" | "£" | "¥"),
        TokenKind::Word => {
            // "Feb." reads as "feb", as `normalize` would have it.
            let w = t.text.trim_end_matches('.');
            if w.contains('-') || matches!(w, "US" | "USD") {
                return true;
            }
            // Every starting word is ASCII and at most nine letters: lower-case it on the stack.
            let mut buf = [0u8; 9];
            if w.len() > buf.len() || !w.is_ascii() {
                return false;
            }
            for (b, c) in buf.iter_mut().zip(w.bytes()) {
                *b = c.to_ascii_lowercase();
            }
            std::str::from_utf8(&buf[..w.len()]).is_ok_and(|l| starting_words().contains(l))
        }
    }
}

/// The words a figure can start with, lower-case.
fn starting_words() -> &'static rustc_hash::FxHashSet<&'static str> {
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let words = NUMBER_WORDS.iter().map(|(w, _)| *w);
        let dates = MONTHS.iter().chain(MONTH_ABBR).chain(WEEKDAYS).copied();
        words.chain(dates).chain(["sept"]).collect()
    })
}

fn lower(t: &Token) -> String {
    normalize(t.text)
}

fn month_index(w: &str) -> Option<usize> {
    MONTHS.iter().position(|m| *m == w).or_else(|| {
        MONTH_ABBR
            .iter()
            .position(|m| *m == w || (w.len() == 4 && w == "sept" && *m == "sep"))
    })
}

/// A date: "February 18, 2025", "18 February 2025", "Feb. 2022", "February 2022", a weekday, or a year.
fn date_at(t: &[Token], i: usize) -> Option<(usize, FigureKind, f64, Option<String>)> {
    let w = lower(&t[i]);
    if let Some(d) = WEEKDAYS.iter().position(|x| *x == w) {
        if t[i].is_capitalized() {
            return Some((
                i + 1,
                FigureKind::Date,
                (d + 1) as f64,
                Some("weekday".into()),
            ));
        }
    }
    let year_of = |k: usize| -> Option<u32> {
        let tk = t.get(k)?;
        (tk.kind == TokenKind::Number && tk.text.len() == 4)
            .then(|| tk.text.parse().ok())
            .flatten()
            .filter(|y| (1800..=2100).contains(y))
    };
    let day_of = |k: usize| -> Option<u32> {
        let tk = t.get(k)?;
        if tk.kind != TokenKind::Number {
            return None;
        }
        let d: u32 = tk
            .text
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse()
            .ok()?;
        (1..=31).contains(&d).then_some(d)
    };
    if let Some(m) = month_index(&w).filter(|_| {
        t[i].is_capitalized() && (w != "may" || day_of(i + 1).is_some() || year_of(i + 1).is_some())
    }) {
        let mut k = i + 1;
        if t.get(k).is_some_and(|x| x.text == ".") {
            k += 1;
        }
        let mut day = 0;
        if let Some(d) = day_of(k).filter(|_| year_of(k).is_none()) {
            day = d;
            k += 1;
            if t.get(k).is_some_and(|x| x.text == ",") && year_of(k + 1).is_some() {
                k += 1;
            }
        }
        let year = year_of(k);
        if year.is_some() {
            k += 1;
        }
        if day == 0 && year.is_none() {
            return Some((
                k,
                FigureKind::Date,
                ((m + 1) * 100) as f64,
                Some("month".into()),
            ));
        }
        let v = year.unwrap_or(0) as f64 * 10000.0 + (m + 1) as f64 * 100.0 + day as f64;
        return Some((
            k,
            FigureKind::Date,
            v,
            Some(if day > 0 { "day" } else { "month" }.into()),
        ));
    }
    if let Some(d) = day_of(i) {
        if let Some(m) = t
            .get(i + 1)
            .and_then(|x| month_index(&lower(x)).filter(|_| x.is_capitalized()))
        {
            let mut k = i + 2;
            let year = year_of(k);
            if year.is_some() {
                k += 1;
            }
            let v = year.unwrap_or(0) as f64 * 10000.0 + (m + 1) as f64 * 100.0 + d as f64;
            return Some((k, FigureKind::Date, v, Some("day".into())));
        }
    }
    if let Some(y) = year_of(i) {
        let next = t.get(i + 1).map(lower).unwrap_or_default();
        let is_count = !next.is_empty()
            && (TIME_UNITS.iter().any(|(u, _)| *u == next) || next == "percent" || next == "%");
        if !is_count && !t[i].text.contains(',') {
            return Some((
                i + 1,
                FigureKind::Date,
                y as f64 * 10000.0,
                Some("year".into()),
            ));
        }
    }
    None
}

/// A duration written as one hyphenated modifier: "six-hour", "9-day", "twenty-one-year".
fn hyphenated_duration(t: &Token) -> Option<(f64, &'static str)> {
    let lower = t.text.to_ascii_lowercase();
    let (head, tail) = lower.rsplit_once('-')?;
    let unit = TIME_UNITS.iter().find(|(w, _)| *w == tail)?.1;
    let value = if head.chars().all(|c| c.is_ascii_digit()) {
        head.parse().ok()?
    } else if let Some((a, b)) = head.split_once('-') {
        let (x, y) = (word_number(a)?, word_number(b)?);
        (x >= 20.0 && y < 10.0).then_some(x + y)?
    } else {
        word_number(head)?
    };
    Some((value, unit))
}

/// A quantity: optional currency sign, a number (digits or words) with optional scale, and a unit.
fn number_at(t: &[Token], i: usize) -> Option<(usize, FigureKind, f64, Option<String>)> {
    if let Some((value, unit)) = hyphenated_duration(&t[i]) {
        return Some((i + 1, FigureKind::Duration, value, Some(unit.into())));
    }
    let mut k = i;
    let mut currency: Option<&str> = None;
    match t[k].text {
        "$" => currency = Some("USD"),
        "€" => currency = Some("EUR"),
        "£" => currency = Some("GBP"),
        "¥" => currency = Some("JPY"),
        _ => {}
    }
    if currency.is_some() {
        k += 1;
    } else if matches!(t[k].text, "US" | "USD") && t.get(k + 1).is_some_and(|x| x.text == "$") {
        currency = Some("USD");
        k += 2;
    }
    let (mut value, scale) = token_number(t.get(k)?)?;
    // "a", "one" and "half" alone are too common to be figures unless a unit follows.
    let wordy = t[k].kind == TokenKind::Word;
    let phrase = if wordy { number_phrase(t, k) } else { None };
    k += 1;
    if let Some((v, end)) = phrase {
        // "two hundred and twelve", "three thousand five hundred": scales already applied.
        value = v;
        k = end;
    } else if let Some(s) = scale {
        value *= s;
    } else if let Some(s) = t
        .get(k)
        .and_then(|x| SCALES.iter().find(|(n, _)| *n == lower(x)).map(|(_, v)| *v))
    {
        if !(wordy && s == 100.0 && value == 0.5) {
            value *= s;
            k += 1;
        }
    }
    let next = t.get(k).map(lower).unwrap_or_default();
    if next == "%"
        || next == "percent"
        || (next == "per" && t.get(k + 1).is_some_and(|x| lower(x) == "cent"))
    {
        let end = if next == "per" { k + 2 } else { k + 1 };
        let end = if t.get(end).is_some_and(|x| lower(x) == "points") {
            end + 1
        } else {
            end
        };
        return Some((end, FigureKind::Percent, value, Some("percent".into())));
    }
    if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == next) {
        return Some((k + 1, FigureKind::Money, value, Some((*code).into())));
    }
    if let Some(c) = currency {
        return Some((k, FigureKind::Money, value, Some(c.into())));
    }
    if let Some((_, unit)) = TIME_UNITS.iter().find(|(w, _)| *w == next) {
        return Some((k + 1, FigureKind::Duration, value, Some((*unit).into())));
    }
    if wordy && (value <= 1.0 || (value < 10.0 && next.is_empty())) {
        return None;
    }
    // A counted noun: "21,692 sanctions", "23 of the 32 members".
    let unit = t
        .get(k)
        .filter(|x| x.kind == TokenKind::Word && !is_stopword(&lower(x)))
        .map(lower);
    if wordy && unit.is_none() {
        return None;
    }
    Some((k, FigureKind::Number, value, unit))
}

fn context_words(
    _text: &str,
    t: &[Token],
    a: usize,
    b: usize,
    sentence: Option<Span>,
) -> Vec<String> {
    let (lo, hi) = match sentence {
        Some(s) => (s.start as usize, s.end as usize),
        None => (0, usize::MAX),
    };
    let mut words = Vec::new();
    let mut k = a;
    while k > 0 && words.len() < 3 {
        k -= 1;
        if t[k].start < lo {
            break;
        }
        let w = lower(&t[k]);
        if t[k].kind == TokenKind::Word && !is_stopword(&w) {
            words.insert(0, w);
        }
    }
    let mut after = 0;
    let mut k = b;
    while k < t.len() && after < 3 && t[k].end <= hi {
        let w = lower(&t[k]);
        if t[k].kind == TokenKind::Word && !is_stopword(&w) {
            words.push(w);
            after += 1;
        }
        k += 1;
    }
    words
}

#[cfg(test)]
mod tests {
    use crate::analyze::analyze_text;
    use crate::model::FigureKind;

    /// The quick filter never skips a token the full readers would start a figure at.
    fn assert_filter_is_sound(text: &str) {
        let toks = crate::analyze::tokens::tokenize(text);
        for i in 0..toks.len() {
            if !super::may_start_figure(&toks[i]) {
                let full = super::date_at(&toks, i).or_else(|| super::number_at(&toks, i));
                assert!(
                    full.is_none(),
                    "skipped {:?} in {text:?}: {full:?}",
                    toks[i].text
                );
            }
        }
    }

    #[test]
    fn the_quick_filter_skips_no_figure() {
        for text in [
            "On Feb. 18, 2025, Sept. 3 and 18 February 2025 the talks on Tuesday lasted six-hour sessions.",
            "Twenty-one people, a dozen guards, two hundred and twelve ships, half a million euros, US$ 5bn.",
            "The U.S. paid $324bn, €3 million and £2.1 billion; 23 of the 32 members; 4 percent, 2.1 per cent.",
            "MAY 2024, may, March, Mon., THURSDAY, one, One, ONE, forty-two-year, 9-day, 1990s, 3rd, 21,692.",
        ] {
            assert_filter_is_sound(text);
        }
        for f in [
            "examples/corpus/meridian-wire-dam-talks.txt",
            "examples/corpus/northern-courier-dam-talks.txt",
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(f);
            assert_filter_is_sound(&std::fs::read_to_string(path).unwrap());
        }
        if let Ok(dir) = std::env::var("FIGURES_FILTER_CORPUS") {
            // A larger check on demand: every .txt file of a folder.
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    assert_filter_is_sound(&t);
                }
            }
        }
    }

    fn figs(text: &str) -> Vec<(String, FigureKind, f64, Option<String>)> {
        let (_, a) = analyze_text(text, None);
        a.figures
            .iter()
            .map(|f| {
                (
                    text[f.span.start as usize..f.span.end as usize].to_string(),
                    f.kind,
                    f.value,
                    f.unit.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn amounts_and_percentages() {
        let f = figs("Companies lost $324bn. GDP dropped by about 2.1 percent; 21,692 sanctions; a 5% target.");
        assert!(
            f.contains(&(
                "$324bn".into(),
                FigureKind::Money,
                324e9,
                Some("USD".into())
            )),
            "{f:?}"
        );
        assert!(f.contains(&(
            "2.1 percent".into(),
            FigureKind::Percent,
            2.1,
            Some("percent".into())
        )));
        assert!(f.contains(&(
            "21,692".into(),
            FigureKind::Number,
            21692.0,
            Some("sanctions".into())
        )));
        assert!(f.contains(&(
            "5%".into(),
            FigureKind::Percent,
            5.0,
            Some("percent".into())
        )));
    }

    #[test]
    fn hyphenated_durations() {
        let a = figs("The six-hour meeting followed a 9-day strike and a twenty-one-year feud.");
        let got: Vec<(f64, Option<String>)> = a.iter().map(|f| (f.2, f.3.clone())).collect();
        assert_eq!(
            got,
            [
                (6.0, Some("hours".into())),
                (9.0, Some("days".into())),
                (21.0, Some("years".into()))
            ]
        );
        assert!(a.iter().all(|f| f.1 == FigureKind::Duration));
        assert!(figs("a well-known long-term plan").is_empty());
    }

    #[test]
    fn words_and_digits_agree() {
        let a = figs("The talks lasted four hours.");
        let b = figs("The talks lasted 4 hours.");
        assert_eq!(a[0].1, FigureKind::Duration);
        assert_eq!((a[0].2, &a[0].3), (b[0].2, &b[0].3));
    }

    #[test]
    fn numbers_written_in_several_words() {
        let value = |t: &str| figs(t).first().map(|f| f.2);
        assert_eq!(
            value("The ferry carried two hundred and twelve passengers."),
            Some(212.0)
        );
        assert_eq!(
            value("About three thousand five hundred people marched."),
            Some(3500.0)
        );
        assert_eq!(value("It cost forty-two million dollars."), Some(42e6));
        assert_eq!(value("They waited one million years."), Some(1e6));
        // "and" joins only number words.
        assert_eq!(value("Some 300 and a few more came."), Some(300.0));
    }

    #[test]
    fn dates() {
        let f = figs("On Tuesday, February 18, 2025, after the invasion in February 2022 and the 2014 annexation.");
        assert_eq!(
            f[0],
            (
                "Tuesday".into(),
                FigureKind::Date,
                2.0,
                Some("weekday".into())
            )
        );
        assert_eq!(f[1].2, 20250218.0);
        assert_eq!(f[2].2, 20220200.0);
        assert_eq!(f[3].2, 20140000.0);
    }

    #[test]
    fn plain_words_are_not_figures() {
        assert!(figs("One of the main issues was one thing.").is_empty());
    }
}
