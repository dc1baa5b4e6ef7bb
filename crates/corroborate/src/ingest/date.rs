//! Dates as news inputs write them: RFC 3339, RFC 2822, ISO dates, "February 18, 2025", "18 Feb 2025",
//! "2025/02/18" and compact "20250218".

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

pub fn parse_date(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.with_timezone(&Utc));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.with_timezone(&Utc));
    }
    // Month-first before day-first: "10/17/1998" reads only one way, and "03/04/2025" is read as
    // March 4, the common form in English-language news data.
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y/%m/%d %H:%M:%S",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(Utc.from_utc_datetime(&d));
        }
    }
    let cleaned: String = s.replace([',', '.'], " ");
    let cleaned = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    for f in [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%Y%m%d",
        "%m/%d/%Y",
        "%d/%m/%Y",
        "%B %d %Y",
        "%b %d %Y",
        "%d %B %Y",
        "%d %b %Y",
        "%A %B %d %Y",
        "%a %b %d %Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(&cleaned, f) {
            return d.and_hms_opt(0, 0, 0).map(|t| Utc.from_utc_datetime(&t));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse_date;

    #[test]
    fn common_forms() {
        let want = "2025-02-18";
        for s in [
            "2025-02-18",
            "2025-02-18T00:00:00Z",
            "February 18, 2025",
            "Feb. 18, 2025",
            "18 February 2025",
            "2025/02/18",
            "20250218",
            "Tue, 18 Feb 2025 00:00:00 +0000",
        ] {
            let d = parse_date(s).unwrap_or_else(|| panic!("{s} did not parse"));
            assert_eq!(d.format("%Y-%m-%d").to_string(), want, "{s}");
        }
        assert_eq!(
            parse_date("10/17/1998 05:50:00")
                .unwrap()
                .format("%Y-%m-%d")
                .to_string(),
            "1998-10-17"
        );
        assert_eq!(
            parse_date("17/10/1998")
                .unwrap()
                .format("%Y-%m-%d")
                .to_string(),
            "1998-10-17"
        );
        assert!(parse_date("next Tuesday").is_none());
        assert!(parse_date("").is_none());
    }
}
