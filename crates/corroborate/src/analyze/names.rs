//! Name mentions: people, places and organisations, with a canonical key shared by the spelling and
//! transliteration variants outlets use, and titles ("Foreign Minister") set apart from the name.
//!
//! Keys are built from normalised name tokens (see [`token_key`]): "Zelensky", "Zelenskyy" and "Zelenskiy"
//! all give `zelenski`, "Sergei"/"Sergey" give `sergei`. A person's key is first and last name
//! (`p:sergei lavrov`); a bare surname is resolved to the full name used elsewhere in the article
//! ([`extract_mentions`]) or the story ([`resolve_collection`]).

use super::lexicon::{
    DEMONYMS, GIVEN_NAMES, NICKNAMES, NOT_NAMES, ORGS, ORG_SUFFIXES, PLACES, PLACE_SUFFIXES,
    ROLE_WORDS, SPEECH_VERBS, TITLE_MODIFIERS,
};
use super::tokens::{is_stopword, Token, TokenKind};
use crate::model::{EntityKind, Mention, Sentence, Span};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Word lists keyed for lookup; Fx hashing, as every candidate name is looked up in several.
struct Lexicon {
    places: FxHashMap<String, String>,
    orgs: FxHashMap<String, String>,
    roles: FxHashSet<&'static str>,
    modifiers: FxHashSet<&'static str>,
    given: FxHashSet<String>,
    nicknames: FxHashMap<&'static str, &'static str>,
    speech: FxHashSet<&'static str>,
    not_names: FxHashSet<&'static str>,
    demonyms: FxHashSet<&'static str>,
    org_suffixes: FxHashSet<&'static str>,
    place_suffixes: FxHashSet<&'static str>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let table = |groups: &[&[&str]]| {
            let mut m = FxHashMap::default();
            for g in groups {
                for v in *g {
                    m.insert(plain(v), plain(g[0]));
                }
            }
            m
        };
        Lexicon {
            places: table(PLACES),
            orgs: table(ORGS),
            roles: ROLE_WORDS.iter().copied().collect(),
            modifiers: TITLE_MODIFIERS.iter().copied().collect(),
            given: GIVEN_NAMES.iter().map(|g| token_key(g)).collect(),
            nicknames: NICKNAMES.iter().copied().collect(),
            speech: SPEECH_VERBS.iter().copied().collect(),
            not_names: NOT_NAMES.iter().copied().collect(),
            demonyms: DEMONYMS.iter().copied().collect(),
            org_suffixes: ORG_SUFFIXES.iter().copied().collect(),
            place_suffixes: PLACE_SUFFIXES.iter().copied().collect(),
        }
    })
}

/// Lower-case ASCII form with dots and possessives dropped, spaces collapsed: the lookup form of a phrase.
fn plain(s: &str) -> String {
    // Fast path for the common case: plain ASCII words need only lower-casing.
    if s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return s.to_ascii_lowercase();
    }
    let folded = deunicode::deunicode(s)
        .to_lowercase()
        .replace(['.', '\u{2019}'], "")
        .replace('\'', "");
    let folded = folded
        .strip_suffix("s'")
        .map(|x| format!("{x}s"))
        .unwrap_or(folded);
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The normalised form of one name token: ASCII, lower case, doubled letters collapsed, common
/// transliteration differences folded (w/v, ph/f, x/ks, final -y/-i/-iy/-yy/-ij all as -i).
pub fn token_key(word: &str) -> String {
    // One buffer, filled and then folded in place: every name token of every article comes here.
    let folded;
    let lower = if word.is_ascii() {
        word
    } else {
        folded = deunicode::deunicode(word).to_lowercase();
        folded.as_str()
    };
    let base = match lower.len().checked_sub(2).map(|i| &lower.as_bytes()[i..]) {
        Some([b'\'', b's' | b'S']) => &lower[..lower.len() - 2],
        _ => lower,
    };
    let mut s: String = base
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|b| char::from(b.to_ascii_lowercase()))
        .collect();
    for (from, to) in [
        ("ph", "f"),
        ("ck", "k"),
        ("x", "ks"),
        ("w", "v"),
        ("ou", "u"),
        ("dzh", "j"),
        ("tch", "ch"),
    ] {
        // A byte scan: `str::contains` sets up a substring searcher per call, which cost more
        // than the rest of the key (every distinct word of a summarized story comes here).
        let p = from.as_bytes();
        if s.as_bytes()
            .windows(p.len())
            .any(|w| w.iter().zip(p).all(|(a, b)| a == b))
        {
            s = s.replace(from, to);
        }
    }
    let mut out = s.into_bytes();
    out.dedup_by(|c, prev| c == prev && c.is_ascii_alphabetic());
    let mut n = out.len();
    while n > 0 && matches!(out[n - 1], b'i' | b'y') {
        n -= 1;
    }
    if out[..n].ends_with(b"ij") {
        n -= 2;
    }
    if n != out.len() && n >= 2 {
        out.truncate(n);
        out.push(b'i');
    }
    String::from_utf8(out).unwrap_or_default()
}

fn first_name_key(word: &str) -> String {
    let lower = plain(word);
    let formal = lexicon()
        .nicknames
        .get(lower.as_str())
        .copied()
        .unwrap_or(lower.as_str());
    token_key(formal)
}

/// Canonical key of a person's name (title already removed).
pub fn person_key(tokens: &[&str]) -> String {
    let toks: Vec<&str> = tokens
        .iter()
        .copied()
        .filter(|t| t.chars().any(|c| c.is_alphanumeric()))
        .collect();
    match toks.as_slice() {
        [] => "p:".into(),
        [one] => format!("p:{}", token_key(one)),
        [first, .., last] => format!("p:{} {}", first_name_key(first), token_key(last)),
    }
}

/// Canonical key of a place, using the variant table ("Kiev" and "Kyiv" give one key).
pub fn place_key(name: &str) -> String {
    let p = plain(name);
    let p = p.strip_prefix("the ").unwrap_or(&p).to_string();
    match lexicon().places.get(&p) {
        Some(c) => format!("l:{c}"),
        None => format!(
            "l:{}",
            p.split(' ').map(token_key).collect::<Vec<_>>().join(" ")
        ),
    }
}

/// The key of a place the lexicon knows by this phrase ("US", "the United States" and "America" all
/// give "l:united states"); `None` for any other phrase.
pub fn known_place_key(phrase: &str) -> Option<String> {
    let p = plain(phrase);
    let p = p.strip_prefix("the ").unwrap_or(&p);
    lexicon().places.get(p).map(|c| format!("l:{c}"))
}

pub fn org_key(name: &str) -> String {
    let p = plain(name);
    let p = p.strip_prefix("the ").unwrap_or(&p).to_string();
    match lexicon().orgs.get(&p) {
        Some(c) => format!("o:{c}"),
        None => format!("o:{p}"),
    }
}

/// A candidate name found in a sentence, before article-level resolution.
struct Candidate {
    span: Span,
    sentence: u32,
    kind: Option<EntityKind>,
    tokens: Vec<String>,
    title: Option<String>,
    /// Sentence-initial single word: a name only if it resolves to one seen elsewhere.
    weak: bool,
    speech_adjacent: bool,
}

/// Find the name mentions of an article. `tokens` are the article's tokens; sentences give the boundaries.
pub fn extract_mentions(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Mention> {
    let lex = lexicon();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut ordinary: Option<FxHashSet<String>> = None;
    let mut ti = 0;
    for (si, s) in sentences.iter().enumerate() {
        while ti < tokens.len() && tokens[ti].start < s.span.start as usize {
            ti += 1;
        }
        let a = ti;
        let mut b = a;
        while b < tokens.len() && tokens[b].end <= s.span.end as usize {
            b += 1;
        }
        let title_case = text
            .get(s.span.start as usize..s.span.end as usize)
            .is_some_and(super::tokens::is_title_case);
        let ordinary = title_case.then(|| &*ordinary.get_or_insert_with(|| ordinary_words(tokens)));
        scan_sentence(text, &tokens[a..b], si as u32, lex, ordinary, &mut cands);
        ti = b;
    }
    resolve_article(cands)
}

/// Crude roots of the words an article writes in lower case ("pushed" -> "push"): in a Title Case
/// headline or subhead every word is capitalised, and a word the article also writes in lower case
/// is no name ("Ukraine Pushes Back" names Ukraine only). Built only for articles with such a line.
fn ordinary_words(tokens: &[Token]) -> FxHashSet<String> {
    tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.text.starts_with(|c: char| c.is_lowercase()))
        .map(|t| crude_root(&t.text.to_lowercase()).to_string())
        .collect()
}

/// A word without one inflection ending, enough to match "Pushes" with "pushed".
fn crude_root(w: &str) -> &str {
    for suffix in ["ing", "es", "ed", "s", "d"] {
        if let Some(root) = w.strip_suffix(suffix) {
            if root.len() >= 3 {
                return root;
            }
        }
    }
    w
}

/// A capitalised word in a Title Case line that the article writes in lower case elsewhere and the
/// lexicon does not know as part of a name.
fn ordinary_in_title(t: &Token, lex: &Lexicon, ordinary: Option<&FxHashSet<String>>) -> bool {
    let Some(ordinary) = ordinary else {
        return false;
    };
    let p = plain(t.text);
    !lex.places.contains_key(&p)
        && !lex.orgs.contains_key(&p)
        && !lex.given.contains(&p)
        && !lex.roles.contains(p.as_str())
        && !lex.demonyms.contains(p.as_str())
        && ordinary.contains(crude_root(&t.text.to_lowercase()))
}

fn is_name_word(t: &Token, lex: &Lexicon) -> bool {
    if t.kind != TokenKind::Word || !t.is_capitalized() {
        return false;
    }
    let p = plain(t.text);
    !lex.not_names.contains(p.as_str())
}

fn is_connector(t: &Token) -> bool {
    matches!(
        t.text,
        "of" | "de"
            | "bin"
            | "al"
            | "van"
            | "von"
            | "der"
            | "la"
            | "le"
            | "du"
            | "da"
            | "del"
            | "di"
            | "ibn"
            | "el"
            | "bint"
            | "dos"
            | "das"
    )
}

fn scan_sentence(
    text: &str,
    toks: &[Token],
    si: u32,
    lex: &Lexicon,
    ordinary: Option<&FxHashSet<String>>,
    out: &mut Vec<Candidate>,
) {
    let is_name_word =
        |t: &Token, lex: &Lexicon| is_name_word(t, lex) && !ordinary_in_title(t, lex, ordinary);
    let mut i = 0;
    while i < toks.len() {
        if !is_name_word(&toks[i], lex) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() {
            let t = &toks[j];
            if is_name_word(t, lex) {
                if possessive_ends_name(toks, i, j, lex) {
                    break;
                }
                j += 1;
                continue;
            }
            // An initial: "J." inside a run.
            if t.text == "."
                && toks[j - 1].text.chars().count() == 1
                && j + 1 < toks.len()
                && is_name_word(&toks[j + 1], lex)
                && toks[j].start == toks[j - 1].end
            {
                j += 1;
                continue;
            }
            if is_connector(t) && j + 1 < toks.len() && is_name_word(&toks[j + 1], lex) {
                let prev = plain(toks[j - 1].text);
                let joins = t.text != "of"
                    || lex.roles.contains(prev.as_str())
                    || lex.org_suffixes.contains(prev.as_str())
                    || matches!(
                        prev.as_str(),
                        "united states"
                            | "states"
                            | "republic"
                            | "kingdom"
                            | "gulf"
                            | "bank"
                            | "university"
                            | "ministry"
                            | "department"
                            | "minister"
                            | "secretary"
                    );
                if joins {
                    j += 2;
                    continue;
                }
            }
            break;
        }
        if let Some(end) = state_body_end(toks, i, j, lex) {
            let words: Vec<String> = toks[i..end].iter().map(|t| t.text.to_string()).collect();
            out.push(Candidate {
                span: Span::new(toks[i].start, toks[end - 1].end),
                sentence: si,
                kind: Some(EntityKind::Organization),
                tokens: words,
                title: None,
                weak: false,
                speech_adjacent: toks.get(end).is_some_and(|t| lex.speech.contains(t.text)),
            });
            i = end;
            continue;
        }
        let initial = i == 0
            || matches!(
                toks[i - 1].text,
                "\"" | "\u{201c}" | "(" | ":" | "-" | "\u{2014}" | "\u{2013}" | "'" | "\u{2018}"
            );
        process_run(text, toks, i, j, initial, si, lex, out);
        i = j;
    }
}

/// Lower-case words that may stand between a demonym and the body of its state it names ("the Swiss
/// foreign ministry", "the Ukrainian defence ministry").
const STATE_BODY_MODIFIERS: &[&str] = &[
    "foreign",
    "defence",
    "defense",
    "interior",
    "justice",
    "finance",
    "economy",
    "health",
    "education",
    "energy",
    "trade",
    "agriculture",
    "environment",
    "transport",
    "culture",
    "emergencies",
    "emergency",
];
/// Lower-case names of the bodies of a state.
const STATE_BODIES: &[&str] = &[
    "ministry",
    "government",
    "army",
    "navy",
    "military",
    "embassy",
];

/// Where "Swiss foreign ministry" ends when the name run `toks[i..j]` is one demonym followed by the
/// lower-case name of a body of its state: outlets write ministries in lower case, and without this
/// the demonym alone is no name and the ministry goes unnamed.
fn state_body_end(toks: &[Token], i: usize, j: usize, lex: &Lexicon) -> Option<usize> {
    if j != i + 1 {
        return None;
    }
    let w = plain(toks[i].text);
    if !(lex.demonyms.contains(w.as_str()) || looks_demonym(&w, lex)) {
        return None;
    }
    let mut k = j;
    while k < toks.len() && k < j + 2 && STATE_BODY_MODIFIERS.contains(&toks[k].text) {
        k += 1;
    }
    (k < toks.len() && STATE_BODIES.contains(&toks[k].text)).then_some(k + 1)
}

#[allow(clippy::too_many_arguments)]
fn process_run(
    text: &str,
    toks: &[Token],
    i: usize,
    j: usize,
    initial: bool,
    si: u32,
    lex: &Lexicon,
    out: &mut Vec<Candidate>,
) {
    let mut start = i;
    let mut initial = initial;
    // Drop sentence-initial function words ("The", "But", "Both").
    while start < j
        && !toks[start].is_all_caps()
        && (is_stopword(&plain(toks[start].text))
            || lex.not_names.contains(plain(toks[start].text).as_str()))
    {
        start += 1;
        initial = false;
    }
    if start >= j {
        return;
    }
    let words: Vec<String> = toks[start..j].iter().map(|t| plain(t.text)).collect();
    // A title inside the run: "US Secretary of State Marco Rubio". After an honorific a role word is
    // a surname: "Mr. King", "Ms. Bishop".
    let role_at = (0..words.len())
        .rev()
        .find(|&k| lex.roles.contains(words[k].as_str()) && !follows_honorific(toks, start + k));
    let mut title: Option<String> = None;
    let mut name_from = start;
    let mut pre_end = start;
    if let Some(r) = role_at {
        let mut r_end = start + r + 1;
        if r_end + 1 < j && toks[r_end].text == "of" {
            // "Director of Government Affairs Phil Smith": the office may run to several words; a
            // known given name starts the person.
            r_end = (r_end + 2..j)
                .find(|&g| lex.given.contains(&token_key(toks[g].text)))
                .unwrap_or(r_end + 2);
        }
        let mut t_start = start + r;
        while t_start > start {
            let w = plain(toks[t_start - 1].text);
            if lex.modifiers.contains(w.as_str()) || lex.roles.contains(w.as_str()) || w == "of" {
                t_start -= 1;
            } else {
                break;
            }
        }
        if r_end < j {
            title = Some(text[toks[t_start].start..toks[r_end - 1].end].to_string());
            name_from = r_end;
            pre_end = t_start;
        } else {
            // Only a title ("the Foreign Minister"): no name here, but what precedes may be one.
            pre_end = t_start;
            name_from = j;
        }
    }
    if pre_end > start {
        process_plain(
            text, toks, start, pre_end, initial, false, None, si, lex, out,
        );
    }
    if name_from < j {
        let lower_role = if title.is_none() && name_from > 0 {
            let prev = plain(toks[name_from - 1].text);
            (toks[name_from - 1].kind == TokenKind::Word
                && !toks[name_from - 1].is_capitalized()
                && lex.roles.contains(prev.as_str()))
            .then(|| toks[name_from - 1].text.to_string())
        } else {
            None
        };
        let has_title = title.is_some() || lower_role.is_some();
        process_plain(
            text,
            toks,
            name_from,
            j,
            initial && name_from == start,
            has_title,
            title.or(lower_role),
            si,
            lex,
            out,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn process_plain(
    _text: &str,
    toks: &[Token],
    a: usize,
    b: usize,
    initial: bool,
    titled: bool,
    title: Option<String>,
    si: u32,
    lex: &Lexicon,
    out: &mut Vec<Candidate>,
) {
    let words: Vec<String> = toks[a..b]
        .iter()
        .map(|t| plain(strip_possessive(t.text)))
        .collect();
    if !follows_honorific(toks, a)
        && words.iter().all(|w| {
            lex.demonyms.contains(w.as_str())
                || lex.modifiers.contains(w.as_str())
                || lex.roles.contains(w.as_str())
                || looks_demonym(w, lex)
        })
    {
        return;
    }
    if words.len() == 1
        && words[0].contains('-')
        && words[0]
            .split('-')
            .all(|p| lex.demonyms.contains(p) || lex.places.contains_key(p))
    {
        return;
    }
    // Leading demonyms belong to an org name ("Russian Direct Investment Fund") but not to a person.
    let full = words.join(" ");
    let last = words.last().map(String::as_str).unwrap_or("");
    let start = toks[a].start;
    let mut end = toks[b - 1].end;
    let raw_last = toks[b - 1].text;
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if raw_last.ends_with(suffix) && raw_last.len() > suffix.len() + 1 {
            end -= suffix.len();
            break;
        }
    }
    let next_speech = toks.get(b).is_some_and(|t| lex.speech.contains(t.text))
        || (toks.get(b).is_some_and(|t| t.text == ",")
            && toks.get(b + 1).is_some_and(|t| lex.speech.contains(t.text)));
    let prev_speech = a > 0 && lex.speech.contains(toks[a - 1].text);
    let after_preposition = a > 0
        && matches!(
            toks[a - 1].text,
            "in" | "at"
                | "from"
                | "near"
                | "across"
                | "into"
                | "outside"
                | "inside"
                | "to"
                | "toward"
                | "towards"
        );
    let speech_adjacent = (next_speech || prev_speech) && !after_preposition;
    let bare = strip_possessive(toks[a].text);
    let is_acronym = words.len() == 1
        && bare
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
        && (2..=6).contains(&bare.chars().filter(|c| c.is_alphabetic()).count());
    let kind = if titled {
        Some(EntityKind::Person)
    } else if lex.places.contains_key(&full)
        || lex.places.contains_key(full.trim_start_matches("the "))
    {
        Some(EntityKind::Place)
    } else if lex.orgs.contains_key(&full) || (words.len() >= 2 && lex.org_suffixes.contains(last))
    {
        Some(EntityKind::Organization)
    } else if words.len() >= 2 && lex.place_suffixes.contains(last) {
        Some(EntityKind::Place)
    } else if words.len() >= 2 && lex.given.contains(&token_key(&words[0])) {
        Some(EntityKind::Person)
    } else if is_acronym {
        Some(EntityKind::Organization)
    } else if (words.len() == 1
        && (looks_like_place(&words[0], lex) || (after_preposition && !initial)))
        || (words.len() >= 2 && PLACE_PREFIXES.contains(&words[0].as_str()))
    {
        Some(EntityKind::Place)
    } else if (2..=4).contains(&words.len()) && speech_adjacent {
        Some(EntityKind::Person)
    } else if words.len() == 1 {
        None
    } else if lex.demonyms.contains(words[0].as_str()) {
        // "Russian officials", "Ukrainian President": the rest was handled as a title or is not a name.
        if words.len() == 2 {
            return;
        }
        Some(EntityKind::Other)
    } else {
        Some(EntityKind::Other)
    };
    if words.len() == 1 && lex.demonyms.contains(words[0].as_str()) {
        return;
    }
    let name_tokens: Vec<String> = toks[a..b]
        .iter()
        .map(|t| strip_possessive(t.text).to_string())
        .collect();
    out.push(Candidate {
        span: Span::new(start, end),
        sentence: si,
        kind,
        tokens: name_tokens,
        title,
        weak: kind.is_none() && initial,
        speech_adjacent,
    });
}

/// First words of place names ("Port Elmsby", "Lake Geneva").
const PLACE_PREFIXES: &[&str] = &[
    "port", "mount", "mt", "lake", "fort", "cape", "san", "santa", "saint", "st", "new", "north",
    "south", "east", "west", "upper", "lower", "greater",
];

/// Country-like endings on an unknown single word ("Marovia", "Kazakhstan", "Lapland").
fn looks_like_place(w: &str, lex: &Lexicon) -> bool {
    w.len() >= 5
        && !lex.given.contains(&token_key(w))
        && (w.ends_with("ia") || w.ends_with("stan") || w.ends_with("land"))
}

/// Nationality adjectives we do not list ("Marovian", "Belkanian", "Vietnamese").
fn looks_demonym(w: &str, lex: &Lexicon) -> bool {
    w.len() >= 6
        && !lex.given.contains(&token_key(w))
        && (w.ends_with("ian") || w.ends_with("ese") || w.ends_with("ean"))
}

/// Whether the run `toks[i..j]`, ending in a possessive, is a name of its own before the name that
/// starts at `j`: "Russia's Sergey Lavrov", "Apple's Tim Cook", "Britain's Prime Minister". The
/// possessive stays inside a name when what follows is no person or title and the part before is no
/// place ("McDonald's Corp", "Women's March").
fn possessive_ends_name(toks: &[Token], i: usize, j: usize, lex: &Lexicon) -> bool {
    let prev = toks[j - 1].text;
    if !(prev.ends_with("'s") || prev.ends_with("\u{2019}s")) {
        return false;
    }
    let next = plain(toks[j].text);
    if lex.given.contains(&token_key(toks[j].text)) || lex.roles.contains(next.as_str()) {
        return true;
    }
    let before: Vec<String> = toks[i..j]
        .iter()
        .map(|t| plain(strip_possessive(t.text)))
        .collect();
    let after_ends_org = toks[j..]
        .iter()
        .take_while(|t| is_name_word(t, lex))
        .last()
        .is_some_and(|t| {
            let w = plain(t.text);
            lex.org_suffixes.contains(w.as_str()) || lex.place_suffixes.contains(w.as_str())
        });
    lex.places.contains_key(&before.join(" ")) && !after_ends_org
}

fn strip_possessive(w: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if let Some(x) = w.strip_suffix(suffix) {
            if x.chars().count() >= 2 {
                return x;
            }
        }
    }
    w
}

fn key_for(kind: EntityKind, tokens: &[String]) -> String {
    let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
    match kind {
        EntityKind::Person => person_key(&refs),
        EntityKind::Place => place_key(&refs.join(" ")),
        EntityKind::Organization => org_key(&refs.join(" ")),
        EntityKind::Other => format!(
            "x:{}",
            refs.iter()
                .map(|t| token_key(t))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    }
}

/// Give every candidate its final kind and key: bare surnames take the full name used in the article.
fn resolve_article(cands: Vec<Candidate>) -> Vec<Mention> {
    // Full person names by surname key, in order of appearance.
    let mut by_surname: HashMap<String, Vec<(usize, String)>> = HashMap::new();
    let mut by_first: HashMap<String, Vec<String>> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        if c.kind == Some(EntityKind::Person) && c.tokens.len() >= 2 {
            let key = key_for(EntityKind::Person, &c.tokens);
            by_surname
                .entry(token_key(c.tokens.last().unwrap()))
                .or_default()
                .push((i, key.clone()));
            by_first
                .entry(first_name_key(&c.tokens[0]))
                .or_default()
                .push(key);
        }
    }
    let mut out = Vec::with_capacity(cands.len());
    for (i, c) in cands.iter().enumerate() {
        let single = c.tokens.len() == 1;
        let surname_match = |tok: &str| -> Option<String> {
            let list = by_surname.get(&token_key(tok))?;
            // The most recent full name before this mention, else the first one after it.
            list.iter()
                .rev()
                .find(|(j, _)| *j < i)
                .or_else(|| list.first())
                .map(|(_, k)| k.clone())
        };
        let (kind, key) = match c.kind {
            Some(EntityKind::Person) if single => match surname_match(&c.tokens[0]) {
                Some(k) => (EntityKind::Person, k),
                None => (EntityKind::Person, key_for(EntityKind::Person, &c.tokens)),
            },
            Some(k) => (k, key_for(k, &c.tokens)),
            None => {
                if let Some(k) = surname_match(&c.tokens[0]) {
                    (EntityKind::Person, k)
                } else if let Some(list) = by_first
                    .get(&first_name_key(&c.tokens[0]))
                    .filter(|l| l.iter().all(|k| k == &l[0]))
                {
                    (EntityKind::Person, list[0].clone())
                } else if c.speech_adjacent {
                    (EntityKind::Person, key_for(EntityKind::Person, &c.tokens))
                } else if c.weak {
                    continue;
                } else {
                    (EntityKind::Other, key_for(EntityKind::Other, &c.tokens))
                }
            }
        };
        out.push(Mention {
            span: c.span,
            sentence: c.sentence,
            kind,
            key,
            title: c.title.clone(),
        });
    }
    out
}

/// Merge keys across the articles of a story: a bare surname (`p:lavrov`) or an unclassified single word
/// (`x:lavrov`) joins the one full name with that surname; full names with the same surname and the same
/// first initial join the most frequent of them. Returns alias key -> canonical key for keys that change.
pub fn resolve_collection<'a>(keys: impl IntoIterator<Item = &'a str>) -> HashMap<String, String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for k in keys {
        *counts.entry(k).or_default() += 1;
    }
    let mut full_by_surname: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    for (&k, &n) in &counts {
        if let Some(name) = k.strip_prefix("p:") {
            if let Some((_, last)) = name.rsplit_once(' ') {
                full_by_surname.entry(last).or_default().push((k, n));
            }
        }
    }
    let mut map = HashMap::new();
    for list in full_by_surname.values_mut() {
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let head = list[0].0;
        let initial = |k: &str| k.as_bytes().get(2).copied();
        for &(k, _) in &list[1..] {
            if initial(k) == initial(head) {
                map.insert(k.to_string(), head.to_string());
            }
        }
    }
    for &k in counts.keys() {
        let bare = k.strip_prefix("p:").or_else(|| k.strip_prefix("x:"));
        let Some(bare) = bare.filter(|b| !b.contains(' ')) else {
            continue;
        };
        if let Some(list) = full_by_surname.get(bare) {
            let heads: HashSet<&str> = list
                .iter()
                .map(|(k, _)| map.get(*k).map(String::as_str).unwrap_or(k))
                .collect();
            if heads.len() == 1 {
                map.insert(k.to_string(), heads.into_iter().next().unwrap().to_string());
            }
        }
    }
    map
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::analyze::segment::segment;
    use crate::analyze::tokens::tokenize;

    fn mentions(text: &str) -> Vec<(String, EntityKind, String, Option<String>)> {
        let seg = segment(text, "en");
        let toks = tokenize(text);
        extract_mentions(text, &toks, &seg.sentences)
            .into_iter()
            .map(|m| {
                (
                    text[m.span.start as usize..m.span.end as usize].to_string(),
                    m.kind,
                    m.key,
                    m.title,
                )
            })
            .collect()
    }

    #[test]
    fn a_title_case_line_names_only_what_the_article_does_not_write_in_lower_case() {
        let text = "Kyiv pushed back on the plan on Monday.\n\n\
                    Ukraine Pushes Back: \"No Deal About Us Without Us\"\n\n\
                    Minister Olga Stefanyshyna said the plan was a deal about Ukraine without Ukraine.";
        let m = mentions(text);
        assert!(!m.iter().any(|x| x.0.contains("Pushes")), "{m:?}");
        assert!(m.iter().any(|x| x.0 == "Ukraine"), "{m:?}");
        // Outside a Title Case line, capitals still make a name.
        let m = mentions("The Back Pushes group said the plan failed, and Kyiv pushed back.");
        assert!(m.iter().any(|x| x.0.contains("Back Pushes")), "{m:?}");
    }

    #[test]
    fn after_an_honorific_a_role_word_is_a_surname() {
        for (text, name) in [
            ("\"They pay us well,\" Mr. King said.", "King"),
            ("\"They pay us well,\" Ms Bishop said.", "Bishop"),
        ] {
            let m = mentions(text);
            assert!(
                m.iter().any(|x| x.0 == name && x.1 == EntityKind::Person),
                "{text}: {m:?}"
            );
        }
        // A role word with no honorific before it is still a title.
        let m = mentions("The King said the harbour would reopen.");
        assert!(!m.iter().any(|x| x.0 == "King"), "{m:?}");
    }

    #[test]
    fn an_office_of_several_words_ends_at_the_given_name() {
        let m = mentions("UMWA Director of Government Affairs Phil Smith told The Hill.");
        let smith = m
            .iter()
            .find(|x| x.0.ends_with("Smith"))
            .expect("a mention");
        assert_eq!(smith.0, "Phil Smith", "{m:?}");
        assert_eq!(
            smith.3.as_deref(),
            Some("Director of Government Affairs"),
            "{m:?}"
        );
        let m = mentions("US Secretary of State Marco Rubio spoke.");
        assert!(m.iter().any(|x| x.0 == "Marco Rubio"), "{m:?}");
    }

    #[test]
    fn a_place_possessive_ends_before_the_name_it_qualifies() {
        let m = mentions(
            "Russia's Sergey Lavrov met Apple's Tim Cook and Washington\u{2019}s NATO allies.",
        );
        let names: Vec<&str> = m.iter().map(|x| x.0.as_str()).collect();
        assert!(names.contains(&"Sergey Lavrov"), "{names:?}");
        assert!(names.contains(&"Tim Cook"), "{names:?}");
        assert!(names.contains(&"NATO"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Russia's S")), "{names:?}");
        let m = mentions("Sales at McDonald's Corp rose.");
        assert!(m.iter().any(|x| x.0 == "McDonald's Corp"), "{m:?}");
    }

    #[test]
    fn a_demonym_and_a_lower_case_ministry_are_one_organisation() {
        let m = mentions("The talks were hosted by the Swiss foreign ministry near Geneva.");
        let org = m
            .iter()
            .find(|x| x.1 == EntityKind::Organization)
            .expect("an organisation");
        assert_eq!(org.0, "Swiss foreign ministry", "{m:?}");
        // Written in capitals it is the same organisation.
        let m = mentions("The Swiss Foreign Ministry said the talks would resume.");
        assert!(m.iter().any(|x| x.2 == org.2), "{m:?}");
        // A demonym before other words names nothing.
        let m = mentions("Swiss officials said the talks would resume.");
        assert!(m.is_empty(), "{m:?}");
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        assert_eq!(token_key("Zelensky"), token_key("Zelenskyy"));
        assert_eq!(token_key("Zelenskiy"), token_key("Zelensky"));
        assert_eq!(token_key("Sergei"), token_key("Sergey"));
        assert_eq!(token_key("Yuri"), token_key("Yury"));
        assert_eq!(token_key("Dmitry"), token_key("Dmitri"));
        assert_eq!(place_key("Kiev"), place_key("Kyiv"));
        assert_eq!(
            person_key(&["Mike", "Waltz"]),
            person_key(&["Michael", "Waltz"])
        );
        assert_ne!(token_key("Putin"), token_key("Rubio"));
        for (word, key) in [
            ("Zelenskyy", "zelenski"),
            ("O'Brien's", "obrien"),
            ("Tchaikovsky", "chaikovski"),
            ("Möller", "moler"),
            ("Hayyij", "hayi"),
            ("yi", "yi"),
            ("1990s", "1990s"),
            ("PHILIPPE", "filipe"),
        ] {
            assert_eq!(token_key(word), key, "{word}");
        }
    }

    #[test]
    fn titles_are_split_from_names() {
        let m = mentions("US Secretary of State Marco Rubio met Russian Foreign Minister Sergei Lavrov in Riyadh.");
        let people: Vec<_> = m.iter().filter(|x| x.1 == EntityKind::Person).collect();
        assert_eq!(people.len(), 2, "{m:?}");
        assert_eq!(people[0].0, "Marco Rubio");
        assert_eq!(people[0].3.as_deref(), Some("Secretary of State"));
        assert_eq!(people[1].0, "Sergei Lavrov");
        assert_eq!(people[1].3.as_deref(), Some("Russian Foreign Minister"));
        assert!(m
            .iter()
            .any(|x| x.0 == "Riyadh" && x.1 == EntityKind::Place));
        assert!(m.iter().any(|x| x.0 == "US" && x.2 == "l:united states"));
    }

    #[test]
    fn surnames_resolve_to_full_names() {
        let m = mentions(
            "Kremlin spokesman Dmitry Peskov spoke first. Later, Peskov said more. Lavrov left.",
        );
        let peskov: Vec<_> = m.iter().filter(|x| x.0.contains("Peskov")).collect();
        assert_eq!(peskov.len(), 2, "{m:?}");
        assert!(peskov.iter().all(|x| x.2 == "p:dmitri peskov"));
        assert_eq!(peskov[0].3.as_deref(), Some("spokesman"));
        // A sentence-initial unknown word is not a name unless it resolves.
        assert!(!m.iter().any(|x| x.0 == "Lavrov"));
        assert!(!m.iter().any(|x| x.0 == "Later"));
    }

    #[test]
    fn organisations_and_demonyms() {
        let m = mentions("Kirill Dmitriev, head of the Russian Direct Investment Fund, cited the IMF and NATO's plans.");
        assert!(m
            .iter()
            .any(|x| x.0 == "Kirill Dmitriev" && x.1 == EntityKind::Person));
        assert!(m.iter().any(|x| x.0 == "Russian Direct Investment Fund" && x.1 == EntityKind::Organization), "{m:?}");
        assert!(m.iter().any(|x| x.0 == "IMF" && x.2 == "o:imf"));
        assert!(m.iter().any(|x| x.0 == "NATO" && x.2 == "o:nato"));
    }

    #[test]
    fn collection_resolution_joins_bare_surnames() {
        let map = resolve_collection([
            "p:sergei lavrov",
            "p:lavrov",
            "x:lavrov",
            "p:sergei lavrov",
            "p:s lavrov",
        ]);
        assert_eq!(
            map.get("p:lavrov").map(String::as_str),
            Some("p:sergei lavrov")
        );
        assert_eq!(
            map.get("x:lavrov").map(String::as_str),
            Some("p:sergei lavrov")
        );
        assert_eq!(
            map.get("p:s lavrov").map(String::as_str),
            Some("p:sergei lavrov")
        );
    }
}

/// Titles that only a surname follows: the word after one is a name even when it is also a role word.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "messrs"];

/// Whether token `k` comes right after an honorific ("Mr. King", "Ms Bishop"): it is a surname then.
fn follows_honorific(toks: &[Token], k: usize) -> bool {
    let before = |n: usize| k.checked_sub(n).map(|i| toks[i].text.to_ascii_lowercase());
    let honorific = |w: Option<String>| w.is_some_and(|w| HONORIFICS.contains(&w.as_str()));
    honorific(before(1)) || (before(1).as_deref() == Some(".") && honorific(before(2)))
}

/// Words that carry no identity in a name comparison: legal forms, honorifics, particles.
const NAME_NOISE: &[&str] = &[
    "llc",
    "ltd",
    "inc",
    "corp",
    "co",
    "company",
    "gmbh",
    "ag",
    "sa",
    "oao",
    "ooo",
    "zao",
    "pao",
    "pjsc",
    "jsc",
    "ojsc",
    "plc",
    "limited",
    "corporation",
    "the",
    "of",
    "and",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sheikh",
    "al",
    "el",
    "bin",
    "ibn",
    "van",
    "von",
    "der",
    "de",
    "da",
    "di",
    "du",
    "la",
    "le",
    "llp",
    "lp",
    "bv",
    "nv",
    "srl",
    "spa",
    "kg",
    "ab",
    "as",
];

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn name_tokens(name: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in name
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | ',' | '.' | '(' | ')' | '/' | '&'))
    {
        let k = first_name_key(raw);
        if k.is_empty() || NAME_NOISE.contains(&plain(raw).as_str()) {
            continue;
        }
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out
}

fn tokens_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.len() == 1 || b.len() == 1 {
        return a.chars().next() == b.chars().next();
    }
    let d = edit_distance(a, b);
    let shorter = a.len().min(b.len());
    (shorter >= 4 && d <= 1) || (shorter >= 8 && d <= 2)
}

/// Whether two written names can denote the same entity: every token of the shorter name agrees with a
/// distinct token of the longer one (equal after normalisation, one edit apart, an initial, or a nickname),
/// in any order; a single token only matches a single token.
pub fn names_match(a: &str, b: &str) -> bool {
    let ta = name_tokens(a);
    let tb = name_tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return false;
    }
    if ta.concat() == tb.concat() {
        return true;
    }
    let (short, long) = if ta.len() <= tb.len() {
        (&ta, &tb)
    } else {
        (&tb, &ta)
    };
    if short.len() == 1 && long.len() > 1 {
        return false;
    }
    let mut used = vec![false; long.len()];
    for s in short {
        let pick = (0..long.len())
            .filter(|&j| !used[j])
            .find(|&j| long[j] == *s)
            .or_else(|| (0..long.len()).find(|&j| !used[j] && tokens_agree(s, &long[j])));
        match pick {
            Some(j) => used[j] = true,
            None => return false,
        }
    }
    // Two initials alone are too weak.
    short.iter().filter(|t| t.len() > 1).count() >= 1
}

#[cfg(test)]
mod match_tests {
    use super::names_match;

    #[test]
    fn name_pairs() {
        assert!(names_match("Sergey Shoigu", "Shoigu Shoigu Sergey"));
        assert!(names_match("Giorgia Meleni", "Giorgia Meloni"));
        assert!(names_match("Volodymyr Zelenskyy", "Volodymyr Zelensky"));
        assert!(names_match("Mike Waltz", "Michael Waltz"));
        assert!(!names_match("Kim Jong Man", "Kim Jong Sik"));
        assert!(!names_match("Boris Vekselberg", "Viktor Vekselberg"));
        assert!(!names_match("Octavian Scholz", "Olaf Scholz"));
        assert!(names_match("Gazprom OOO", "Gazprom"));
    }
}
