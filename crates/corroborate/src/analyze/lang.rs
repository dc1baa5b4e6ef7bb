//! Language detection (whatlang), reported as ISO 639-1 codes.

pub fn detect(text: &str) -> Option<String> {
    // Most input is English news; its stop-word density identifies it at a fraction of whatlang's cost.
    if looks_english(text) {
        return Some("en".to_string());
    }
    // whatlang's cost grows with the sample; 600 characters of prose identify a language reliably.
    let sample = &text[..super::tokens::floor_boundary(text, 600)];
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && sample.split_whitespace().count() > 20 && info.confidence() < 0.3 {
        return None;
    }
    Some(iso639_1(info.lang()).to_string())
}

fn iso639_1(l: whatlang::Lang) -> &'static str {
    use whatlang::Lang::*;
    match l {
        Eng => "en",
        Rus => "ru",
        Ukr => "uk",
        Deu => "de",
        Fra => "fr",
        Spa => "es",
        Ita => "it",
        Por => "pt",
        Nld => "nl",
        Pol => "pl",
        Tur => "tr",
        Ara => "ar",
        Cmn => "zh",
        Jpn => "ja",
        Kor => "ko",
        Hin => "hi",
        Ell => "el",
        Bul => "bg",
        Ces => "cs",
        Slk => "sk",
        Swe => "sv",
        Dan => "da",
        Fin => "fi",
        Nob => "no",
        Hun => "hu",
        Ron => "ro",
        Heb => "he",
        Pes => "fa",
        Cat => "ca",
        Hye => "hy",
        Kat => "ka",
        Ben => "bn",
        Tam => "ta",
        Tel => "te",
        Mar => "mr",
        Guj => "gu",
        Kan => "kn",
        Mal => "ml",
        Pan => "pa",
        Amh => "am",
        Mya => "my",
        Srp => "sr",
        Hrv => "hr",
        Slv => "sl",
        Lit => "lt",
        Lav => "lv",
        Est => "et",
        Vie => "vi",
        Tha => "th",
        Ind => "id",
        Bel => "be",
        Aze => "az",
        Urd => "ur",
        Afr => "af",
        Epo => "eo",
        Lat => "la",
        _ => l.code(),
    }
}

fn looks_english(text: &str) -> bool {
    let mut words = 0;
    let mut stop = 0;
    for w in text.split_whitespace().take(120) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            continue;
        }
        words += 1;
        if w.is_ascii() && super::tokens::is_stopword(&w.to_ascii_lowercase()) {
            stop += 1;
        }
    }
    words >= 8 && stop * 100 >= words * 28
}
