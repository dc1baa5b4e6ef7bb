//! Other forms of a question's words that the sources may write instead: the past forms of irregular
//! verbs ("lose" asked, "lost" written), which no stemmer joins, and a place with its demonym
//! ("Russia" asked, "the Russian market" written).
//!
//! Only questions use these: the summaries, corroboration and verify keep the plain stems they were
//! measured with.

use super::corpus::Corpus;
use crate::analyze::tokens::stem;

/// Irregular verbs common in news copy: the base form, then its past and participle forms.
const IRREGULAR_VERBS: &[&[&str]] = &[
    &["begin", "began", "begun"],
    &["break", "broke", "broken"],
    &["bring", "brought"],
    &["build", "built"],
    &["buy", "bought"],
    &["catch", "caught"],
    &["choose", "chose", "chosen"],
    &["come", "came"],
    &["drive", "drove", "driven"],
    &["fall", "fell", "fallen"],
    &["feel", "felt"],
    &["fight", "fought"],
    &["find", "found"],
    &["flee", "fled"],
    &["fly", "flew", "flown"],
    &["freeze", "froze", "frozen"],
    &["get", "got", "gotten"],
    &["give", "gave", "given"],
    &["go", "went", "gone"],
    &["grow", "grew", "grown"],
    &["hear", "heard"],
    &["hide", "hid", "hidden"],
    &["hold", "held"],
    &["keep", "kept"],
    &["know", "knew", "known"],
    &["lead", "led"],
    &["leave", "left"],
    &["lose", "lost"],
    &["make", "made"],
    &["meet", "met"],
    &["pay", "paid"],
    &["rise", "rose", "risen"],
    &["run", "ran"],
    &["say", "said"],
    &["see", "saw", "seen"],
    &["seek", "sought"],
    &["sell", "sold"],
    &["send", "sent"],
    &["sink", "sank", "sunk"],
    &["speak", "spoke", "spoken"],
    &["spend", "spent"],
    &["stand", "stood"],
    &["steal", "stole", "stolen"],
    &["strike", "struck"],
    &["swear", "swore", "sworn"],
    &["take", "took", "taken"],
    &["teach", "taught"],
    &["tell", "told"],
    &["think", "thought"],
    &["throw", "threw", "thrown"],
    &["understand", "understood"],
    &["win", "won"],
    &["withdraw", "withdrew", "withdrawn"],
    &["write", "wrote", "written"],
];

/// Endings that make a demonym of a place's stem ("russia" + "n", "ukrain" + "ian", "europ" + "ean").
const DEMONYM_ENDINGS: &[&str] = &["n", "an", "ian", "ean", "es", "ese", "i"];

/// Stems of the other forms of a word, by its stem (the word's own stem not included). `proper`: the
/// word was capitalised in the question, so it may be a place whose demonym the sources use.
pub fn other_forms(corpus: &Corpus, word_stem: &str, proper: bool) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    for forms in IRREGULAR_VERBS {
        if forms.iter().any(|f| stem(f) == word_stem) {
            out.extend(
                forms
                    .iter()
                    .map(|f| stem(f))
                    .filter(|s| s != word_stem)
                    .filter_map(|s| corpus.stem_id(&s)),
            );
        }
    }
    if proper && word_stem.len() >= 4 {
        out.extend(
            corpus
                .vocab
                .iter()
                .enumerate()
                .filter(|(_, v)| is_demonym_pair(word_stem, v))
                .map(|(id, _)| id as u32),
        );
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The key of the place a demonym belongs to ("American" gives the United States, whose variants
/// include "America"), by the demonym's stem.
pub fn place_of_demonym(word_stem: &str) -> Option<String> {
    crate::analyze::lexicon::PLACES.iter().find_map(|group| {
        variant_stems(group)
            .any(|v| is_demonym_pair(word_stem, &v))
            .then(|| format!("l:{}", group[0]))
    })
}

/// Stems of a place's one-word variants long enough to take a demonym ending ("russia", not "us").
fn variant_stems<'a>(group: &'a [&'a str]) -> impl Iterator<Item = String> + 'a {
    group
        .iter()
        .filter(|v| !v.contains(' ') && v.len() >= 4)
        .map(|v| stem(v))
}

/// Whether the lexicon knows the place with this key, and if so whether it is a country
/// ([`has_demonym`]): `None` for a place only capitals made a name.
pub fn known_place_is_country(place_key: &str) -> Option<bool> {
    let name = place_key.strip_prefix("l:")?;
    crate::analyze::lexicon::PLACES
        .iter()
        .any(|g| g[0] == name)
        .then(|| has_demonym(place_key))
}

/// Whether the place with this key ("l:saudi arabia") has a demonym in the lexicon ("Saudi"): a
/// country, not a city ("l:riyadh"), for questions that ask which city.
pub fn has_demonym(place_key: &str) -> bool {
    static DEMONYM_STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let demonyms = DEMONYM_STEMS.get_or_init(|| {
        crate::analyze::lexicon::DEMONYMS
            .iter()
            .map(|d| stem(d))
            .collect()
    });
    let Some(name) = place_key.strip_prefix("l:") else {
        return false;
    };
    let Some(group) = crate::analyze::lexicon::PLACES
        .iter()
        .find(|g| g[0] == name)
    else {
        return false;
    };
    IRREGULAR_COUNTRIES.contains(&name)
        || variant_stems(group).any(|v| demonyms.iter().any(|d| *d == v || is_demonym_pair(d, &v)))
}

/// Countries whose demonym does not extend their name ("Swiss", "French", "Dutch").
const IRREGULAR_COUNTRIES: &[&str] = &[
    "switzerland",
    "france",
    "netherlands",
    "britain",
    "united kingdom",
    "spain",
    "ireland",
    "denmark",
    "sweden",
    "finland",
    "poland",
    "turkey",
    "greece",
    "portugal",
    "wales",
    "scotland",
    "iceland",
    "thailand",
    "new zealand",
    "philippines",
];

/// Whether one stem is a place and the other its demonym, in either order.
fn is_demonym_pair(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short == long {
        return false;
    }
    let bases = [short, short.trim_end_matches(['e', 'a'])];
    bases.iter().any(|base| {
        long.strip_prefix(base)
            .is_some_and(|rest| DEMONYM_ENDINGS.contains(&rest))
    })
}

#[cfg(test)]
mod tests {
    use super::is_demonym_pair;
    use crate::analyze::tokens::stem;

    #[test]
    fn places_and_their_demonyms_pair_and_other_words_do_not() {
        let pair = |a: &str, b: &str| is_demonym_pair(&stem(a), &stem(b));
        assert!(pair("russia", "russian"));
        assert!(pair("ukrainian", "ukraine"));
        assert!(pair("europe", "european"));
        assert!(pair("america", "american"));
        assert!(pair("china", "chinese"));
        assert!(!pair("russia", "russia"));
        assert!(!pair("port", "portion"));
        assert!(!pair("lose", "loser"));
    }

    #[test]
    fn countries_have_demonyms_and_cities_do_not() {
        use super::has_demonym;
        for country in [
            "l:saudi arabia",
            "l:russia",
            "l:ukraine",
            "l:united states",
            "l:switzerland",
            "l:france",
        ] {
            assert!(has_demonym(country), "{country}");
        }
        for city in ["l:riyadh", "l:geneva", "l:kyiv", "not a key"] {
            assert!(!has_demonym(city), "{city}");
        }
    }

    #[test]
    fn a_demonym_names_its_place() {
        let place = |w: &str| super::place_of_demonym(&stem(w));
        assert_eq!(place("American").as_deref(), Some("l:united states"));
        assert_eq!(place("Russian").as_deref(), Some("l:russia"));
        assert_eq!(place("delegation"), None);
    }
}
