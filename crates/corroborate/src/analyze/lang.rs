//! Language detection (whatlang), reported as ISO 639-1 codes.

pub fn detect(text: &str) -> Option<String> {
    let sample = &text[..floor_char_boundary(text, 2000)];
    let info = whatlang::detect(sample)?;
    if !info.is_reliable() && sample.split_whitespace().count() > 20 && info.confidence() < 0.3 {
        return None;
    }
    Some(iso639_1(info.lang()).to_string())
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
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
