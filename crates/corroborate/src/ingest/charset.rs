//! Character encodings. Much news still arrives in a legacy encoding: ISO-8859 and windows-125x pages
//! and feeds, Shift_JIS, GB18030, KOI8-R. Read as UTF-8 with replacement characters, every accented
//! letter of such a page is lost ("t\u{fffd}cnicas"), and with it names, which then match nothing.
//!
//! An input is decoded, in this order of evidence: by its byte-order mark; as UTF-8 when it is valid
//! UTF-8; by the charset it declares (an XML declaration, or an HTML `<meta charset>` or
//! `http-equiv` content type near its start); else by the encoding chardetng (Firefox's detector)
//! finds most likely. Labels follow the WHATWG Encoding Standard, as browsers do: "ISO-8859-1"
//! decodes as windows-1252, and a page declaring "UTF-16" without a byte-order mark is ASCII-based.

use super::Format;
use encoding_rs::{Encoding, UTF_8};
use std::borrow::Cow;

/// How far into a document a declaration is looked for. The HTML standard's prescan reads 1,024
/// bytes; pages in the wild put their `<meta charset>` after long comment banners and inline styles.
const DECLARATION_REACH: usize = 4096;

/// What told us the encoding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EncodingSource {
    /// Valid UTF-8 (the common case, decoded without a copy).
    Utf8,
    /// A byte-order mark.
    Bom,
    /// The document's own XML declaration or HTML meta tag.
    Declared,
    /// Not UTF-8 and no usable declaration: chardetng's guess.
    Detected,
}

/// A document decoded to UTF-8.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
    pub source: EncodingSource,
    /// Some bytes were invalid in `encoding` and became U+FFFD.
    pub replaced: bool,
}

impl Decoded<'_> {
    /// What a reader should be told about the decoding, if anything: a guessed encoding, or bytes
    /// that could not be decoded.
    pub fn warning(&self) -> Option<String> {
        let name = self.encoding.name();
        match (self.source, self.replaced) {
            (EncodingSource::Detected, _) => Some(format!(
                "not UTF-8 and no charset declared; decoded as {name} (detected){}",
                if self.replaced {
                    ", invalid bytes replaced"
                } else {
                    ""
                }
            )),
            (_, true) => Some(format!(
                "invalid {name}; decoded with replacement characters"
            )),
            _ => None,
        }
    }
}

/// Whether `bytes` open with a UTF-16 byte-order mark.
pub fn is_utf16_bom(bytes: &[u8]) -> bool {
    Encoding::for_bom(bytes).is_some_and(|(e, _)| e != UTF_8)
}

/// Decode `bytes`, a document of `format`, to UTF-8 (see the module comment for the order of evidence).
pub fn decode(bytes: &[u8], format: Format) -> Decoded<'_> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let (text, replaced) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return Decoded {
            text,
            encoding,
            source: EncodingSource::Bom,
            replaced,
        };
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            encoding: UTF_8,
            source: EncodingSource::Utf8,
            replaced: false,
        };
    }
    if mostly_utf8(bytes) {
        return Decoded {
            text: String::from_utf8_lossy(bytes),
            encoding: UTF_8,
            source: EncodingSource::Utf8,
            replaced: true,
        };
    }
    if let Some(encoding) = declared_encoding(bytes, format) {
        let (text, replaced) = encoding.decode_without_bom_handling(bytes);
        return Decoded {
            text,
            encoding,
            source: EncodingSource::Declared,
            replaced,
        };
    }
    // ISO-2022-JP is 7-bit, so it never gets here; it stays denied as the browsers deny it.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, replaced) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text,
        encoding,
        source: EncodingSource::Detected,
        replaced,
    }
}

/// UTF-8 with a few damaged bytes (a truncated character, one stray byte) rather than a legacy
/// encoding: its valid multi-byte characters outnumber its invalid sequences. In a legacy encoding a
/// valid UTF-8 multi-byte sequence is a rare accident ("Ã©").
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    valid > invalid
}

/// The encoding a document declares near its start, if the label is one the Encoding Standard knows.
/// Plain text and JSONL declare nothing.
pub fn declared_encoding(bytes: &[u8], format: Format) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(DECLARATION_REACH)];
    let label = match format {
        Format::Feed => xml_declared_label(head),
        Format::Html => meta_charset_label(head).or_else(|| xml_declared_label(head)),
        Format::Text | Format::Jsonl => None,
    }?;
    // A label such as "utf-16" in an ASCII-based document means UTF-8 (its output encoding).
    Encoding::for_label(label).map(Encoding::output_encoding)
}

/// The `encoding="..."` of a leading `<?xml ...?>` declaration.
fn xml_declared_label(head: &[u8]) -> Option<&[u8]> {
    let (start, end) = xml_declaration(head)?;
    let decl = &head[start..end];
    let at = find(decl, b"encoding")?;
    let rest = &decl[at + b"encoding".len()..];
    let rest = trim_start(rest).strip_prefix(b"=")?;
    quoted_or_bare(trim_start(rest))
}

/// The byte range of the XML declaration (`<?xml` to `?>`) opening the document, if any.
pub fn xml_declaration(head: &[u8]) -> Option<(usize, usize)> {
    let start = head.len() - trim_start(head).len();
    if !head[start..].starts_with(b"<?xml") {
        return None;
    }
    let end = find(&head[start..], b"?>")?;
    Some((start, start + end + 2))
}

/// The charset of the first `<meta>` tag that declares one: `<meta charset="x">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
fn meta_charset_label(head: &[u8]) -> Option<&[u8]> {
    let mut pos = 0;
    while let Some(at) = find_ignore_case(&head[pos..], b"<meta") {
        let tag_start = pos + at + b"<meta".len();
        let tag_end = head[tag_start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| tag_start + e);
        let tag = &head[tag_start..tag_end];
        if let Some(c) = find_ignore_case(tag, b"charset") {
            let rest = trim_start(&tag[c + b"charset".len()..]);
            if let Some(value) = rest.strip_prefix(b"=") {
                if let Some(label) = quoted_or_bare(trim_start(value)) {
                    return Some(label);
                }
            }
        }
        pos = tag_end;
    }
    None
}

/// A value in single or double quotes, or bare up to a space, `;`, `>` or `/`.
fn quoted_or_bare(s: &[u8]) -> Option<&[u8]> {
    let (body, stop): (&[u8], &[u8]) = match s.first() {
        Some(b'"') => (&s[1..], b"\""),
        Some(b'\'') => (&s[1..], b"'"),
        Some(_) => (s, b" \t\r\n;>/\"'"),
        None => return None,
    };
    let end = body
        .iter()
        .position(|b| stop.contains(b))
        .unwrap_or(body.len());
    let label = &body[..end];
    (!label.is_empty()).then_some(label)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// A feed's text with its XML declaration removed once the text is UTF-8: the feed parser honours
/// the declaration and would decode the already decoded text a second time.
pub fn without_xml_declaration(text: &str) -> &str {
    match xml_declaration(text.as_bytes()) {
        Some((_, end)) => &text[end..],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed_and_unreported() {
        let d = decode("café".as_bytes(), Format::Text);
        assert_eq!(d.text, "café");
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.source, EncodingSource::Utf8);
        assert_eq!(d.warning(), None);
    }

    #[test]
    fn xml_declaration_names_the_feed_encoding() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><title>Dicas t\xe9cnicas</title></rss>";
        let d = decode(bytes, Format::Feed);
        assert_eq!(d.source, EncodingSource::Declared);
        assert_eq!(d.encoding.name(), "windows-1252");
        assert!(d.text.contains("Dicas técnicas"));
        assert_eq!(d.warning(), None);
        assert!(without_xml_declaration(&d.text)
            .trim_start()
            .starts_with("<rss>"));
    }

    #[test]
    fn meta_charset_and_http_equiv_name_the_page_encoding() {
        // "Москва" in windows-1251.
        let moscow = b"\xcc\xee\xf1\xea\xe2\xe0";
        let mut page = b"<html><head><meta charset=\"windows-1251\"></head><body><p>".to_vec();
        page.extend_from_slice(moscow);
        page.extend_from_slice(b"</p></body></html>");
        let d = decode(&page, Format::Html);
        assert_eq!(d.encoding.name(), "windows-1251");
        assert!(d.text.contains("Москва"), "{}", d.text);

        let mut page = b"<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=koi8-r\"></HEAD><BODY>".to_vec();
        page.extend_from_slice(b"\xed\xcf\xd3\xcb\xd7\xc1");
        let d = decode(&page, Format::Html);
        assert_eq!(d.encoding.name(), "KOI8-R");
        assert!(d.text.contains("Москва"), "{}", d.text);
    }

    #[test]
    fn undeclared_legacy_text_is_detected_and_reported() {
        let bytes =
            "Le président a déclaré que la réunion était très utile. Les élèves étaient là."
                .chars()
                .map(|c| c as u32 as u8)
                .collect::<Vec<u8>>();
        let d = decode(&bytes, Format::Text);
        assert_eq!(d.source, EncodingSource::Detected);
        assert!(d.text.contains("président a déclaré"), "{}", d.text);
        let w = d.warning().expect("a guess is reported");
        assert!(w.contains("detected"), "{w}");
    }

    #[test]
    fn byte_order_marks_decide() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Kyiv talks".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&bytes, Format::Text);
        assert_eq!(d.source, EncodingSource::Bom);
        assert_eq!(d.text, "Kyiv talks");
        let d = decode(b"\xef\xbb\xbfplain", Format::Text);
        assert_eq!(d.text, "plain");
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut bytes = "Zelenskyy’s “talks” in Kyiv — résumé ".as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice("end".as_bytes());
        let d = decode(&bytes, Format::Text);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.starts_with("Zelenskyy’s “talks”"), "{}", d.text);
        assert!(d.warning().unwrap().contains("invalid UTF-8"));
    }

    #[test]
    fn invalid_bytes_under_a_declared_utf8_are_replaced_and_reported() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss>bad \xff byte</rss>";
        let d = decode(bytes, Format::Feed);
        assert!(d.replaced);
        assert!(d.text.contains("bad \u{fffd} byte"));
        assert!(d.warning().unwrap().contains("replacement"));
    }

    #[test]
    fn unknown_or_malformed_declarations_fall_back_to_detection() {
        for head in [
            &b"<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?>"[..],
            b"<?xml version=\"1.0\" encoding=?>",
            b"<?xml version=\"1.0\" encoding=\"",
            b"<meta charset=>",
            b"<meta charset",
        ] {
            let mut bytes = head.to_vec();
            bytes.extend_from_slice(b"<p>Caf\xe9 cr\xe8me</p>");
            let format = if head.starts_with(b"<?xml") {
                Format::Feed
            } else {
                Format::Html
            };
            let d = decode(&bytes, format);
            assert_eq!(d.source, EncodingSource::Detected, "{head:?}");
            assert!(d.text.contains("Café crème"), "{head:?}: {}", d.text);
        }
    }

    #[test]
    fn a_utf16_label_in_an_ascii_page_means_utf8() {
        assert_eq!(
            declared_encoding(b"<meta charset=\"utf-16\">", Format::Html),
            Some(UTF_8)
        );
        assert_eq!(
            declared_encoding(b"<meta charset=\"utf-16\">", Format::Text),
            None
        );
    }

    fn read(bytes: &[u8], format: Format) -> (Vec<crate::model::Article>, Vec<String>) {
        let mut articles = Vec::new();
        let mut problems = Vec::new();
        for item in super::super::read_bytes(bytes, "in", "in".into(), format) {
            match item {
                super::super::Item::Article(a) => articles.push(*a),
                super::super::Item::Problem(p) => problems.push(p.message),
            }
        }
        (articles, problems)
    }

    #[test]
    fn a_latin1_feed_reads_whole_and_quietly() {
        let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Di\xe1rio</title><item><guid>a</guid><title>Reuni\xe3o em Genebra</title><description>O ministro disse que a reuni\xe3o foi \xfatil.</description></item></channel></rss>";
        let (articles, problems) = read(feed, Format::Feed);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(articles[0].title.as_deref(), Some("Reunião em Genebra"));
        assert_eq!(articles[0].source.as_deref(), Some("Diário"));
        assert!(articles[0].text.contains("foi útil"));
    }

    #[test]
    fn a_feed_declared_latin1_but_written_in_utf8_is_read_as_utf8() {
        let feed = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>T</title><item><guid>a</guid><description>Die Gespräche in Genf waren nützlich.</description></item></channel></rss>";
        let (articles, _) = read(feed.as_bytes(), Format::Feed);
        assert!(
            articles[0]
                .text
                .contains("Gespräche in Genf waren nützlich"),
            "{}",
            articles[0].text
        );
    }

    #[test]
    fn a_broken_latin1_feed_is_salvaged_in_its_encoding() {
        let feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>T</title>\n<item><guid>a</guid><description>Caf\xe9 reopens.</description></item>\n<item><guid>b</guid><title>Broken <b>entry</title><description>x\n</item>\n</channel></rss>";
        let (articles, problems) = read(feed, Format::Feed);
        assert_eq!(articles.len(), 1, "{problems:?}");
        assert!(
            articles[0].text.contains("Café reopens"),
            "{}",
            articles[0].text
        );
    }

    #[test]
    fn a_windows_1251_page_keeps_its_cyrillic() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><title>".to_vec();
        // "Переговоры в Женеве" / "Министр сказал, что встреча была полезной."
        let title = "Переговоры в Женеве";
        let body = "Министр иностранных дел сказал, что встреча в Женеве была полезной и долгой.";
        let (t, _, _) = encoding_rs::WINDOWS_1251.encode(title);
        let (b, _, _) = encoding_rs::WINDOWS_1251.encode(body);
        page.extend_from_slice(&t);
        page.extend_from_slice(b"</title></head><body><article><p>");
        page.extend_from_slice(&b);
        page.extend_from_slice(b"</p></article></body></html>");
        let (articles, problems) = read(&page, Format::Html);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(articles[0].title.as_deref(), Some(title));
        assert!(articles[0].text.contains(body), "{}", articles[0].text);
    }
}
