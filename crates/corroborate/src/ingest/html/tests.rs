use super::*;

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Harbour strike ends | The Coastal Ledger</title>
<meta property="og:site_name" content="The Coastal Ledger">
<meta property="article:published_time" content="2025-03-04T10:00:00Z">
<link rel="canonical" href="https://ledger.example/harbour-strike-ends"></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="cookie-banner"><p>We use cookies to improve this site for you and your friends.</p></div>
<article><h1>Harbour strike ends</h1><div class="entry-meta">By Ana Ruiz</div>
<div class="entry-content">
<p>Dock workers at the port of Velmora returned to work on Tuesday after a nine-day strike over pay and safety rules.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>The union said its members had accepted a 6 percent raise, spread over two years, and new night-shift limits.</p>
<p class="promo"><a href="/other">READ MORE: Shipping rates climb as ports reopen along the coast</a></p>
<p>Port director Helena Varga said cargo backlogs would take about two weeks to clear.</p>
<div class="share-bar"><p>Share this story on Facebook, WhatsApp or by email</p></div>
</div></article>
<section class="related-posts"><h3>Related</h3><ul><li><a href="/a">Another story about something else entirely</a></li></ul></section>
<div id="comments"><p>This strike was a disgrace and everyone involved should be ashamed of themselves.</p></div>
<footer><p>Copyright 2025 The Coastal Ledger. All rights reserved.</p></footer></body></html>"#;

#[test]
fn extracts_main_text_without_boilerplate() {
    let page = extract_html(PAGE, None).unwrap();
    assert_eq!(page.paragraphs.len(), 3, "{:#?}", page.paragraphs);
    assert!(page.paragraphs[0].starts_with("Dock workers"));
    assert!(page.paragraphs[2].starts_with("Port director"));
    assert_eq!(page.site_name.as_deref(), Some("The Coastal Ledger"));
    assert_eq!(
        page.url.as_deref(),
        Some("https://ledger.example/harbour-strike-ends")
    );
    assert_eq!(page.lang.as_deref(), Some("en"));
    assert!(page.published.as_deref().unwrap().starts_with("2025-03-04"));
}

#[test]
fn malformed_html_still_yields_text() {
    let html = "<html><body><div><p>Unclosed paragraph with enough words to count as the main text of a page about the harbour strike in Velmora.<p>Another one <b>bold <i>nested</div></body>";
    let page = extract_html(html, None).unwrap();
    assert!(page.paragraphs[0].starts_with("Unclosed paragraph"));
}

#[test]
fn page_without_text_is_an_error() {
    assert!(extract_html(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>",
        None
    )
    .is_err());
}

#[test]
fn script_and_style_bodies_are_dropped_before_parsing() {
    let html = "<html><head><STYLE>p{x:1}</style><script type=\"application/ld+json\">{\"a\":1}</script></head><body><script>if (a<b) { document.write('</p>') }</script><p>Text</p><script src=x></script></body></html>";
    let out = strip_raw_text(html);
    assert!(!out.contains("x:1") && !out.contains("document.write"));
    assert!(out.contains("{\"a\":1}") && out.contains("<p>Text</p>"));
    assert_eq!(strip_raw_text("<p>no scripts</p>"), "<p>no scripts</p>");
    assert_eq!(
        strip_raw_text("<script>never closed"),
        "<script>never closed"
    );
}

#[test]
fn fragments_become_paragraphs() {
    assert_eq!(
        html_fragment_paragraphs("<p>One &amp; two.</p><p>Three<br>Four</p>"),
        "One & two.\nThree\nFour"
    );
    assert_eq!(html_fragment_paragraphs("plain  text"), "plain text");
}

/// `<p>Paragraph 1 {rest}</p><p>Paragraph 2 {rest}</p>...`
fn numbered_paragraphs(n: usize, rest: &str) -> String {
    (1..=n)
        .map(|i| format!("<p>Paragraph {i} {rest}</p>"))
        .collect()
}

#[test]
fn a_long_list_does_not_take_the_article_from_its_paragraphs() {
    let items: String = (1..=10)
        .map(|i| {
            format!(
                "<li>Finding number {i} of the harbour survey, with its numbers and notes.</li>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><div class=\"story\"><p>The harbour survey, published on Monday, lists what divers found along the old pier.</p>\
         <p>Some of the more interesting findings include:</p><ul>{items}</ul>\
         <p>The council will discuss the survey next week.</p></div></body></html>"
    );
    let page = extract_html(&html, None).unwrap();
    assert_eq!(page.paragraphs.len(), 13, "{:#?}", page.paragraphs);
    assert!(page.paragraphs[0].starts_with("The harbour survey"));
    assert!(page.paragraphs[12].starts_with("The council"));
}

#[test]
fn linked_names_do_not_make_unspaced_text_a_link_list() {
    // Japanese has no spaces between words: counted in words, this paragraph is four "words",
    // three of them links.
    let p1 = "港湾局は<a href=\"/s?q=Velmora\">ヴェルモラ（Velmora）</a>港で十六日夜、桟橋の一部が崩れたと発表した。けが人はいなかった。";
    let p2 = "調査は<a href=\"/s?q=Selm\">セルム（Selm）</a>の潜水士が担当し、来週には結果をまとめる予定だという。";
    let html = format!(
        "<html><body><div class=\"article-body\"><p>{p1}</p><p>{p2}</p><p>港湾局によると、桟橋の修理には少なくとも三か月かかる見通しで、その間は別の桟橋を使う。</p></div></body></html>"
    );
    let page = extract_html(&html, None).unwrap();
    assert_eq!(page.paragraphs.len(), 3, "{:#?}", page.paragraphs);
    assert!(page.paragraphs[0].starts_with("港湾局は"));
}

#[test]
fn a_standfirst_set_apart_from_the_body_is_kept() {
    let body = numbered_paragraphs(
        4,
        "of the body tells how the pier gave way, and what the divers saw below it.",
    );
    let html = format!(
        "<html><head><title>Pier collapse | Velmora Gazette</title></head><body><article><div class=\"share\"><a href=\"/fb\">Share</a></div>\
         <h1>Divers find the old pier of Velmora gave way on Sunday night after decades of neglect and storms, the harbour office says</h1>\
         <div class=\"article-lead\">A section of the old pier at Velmora collapsed on Sunday night. Nobody was on it, the harbour office said.</div>\
         <div class=\"article-body\">{body}</div></article></body></html>"
    );
    let page = extract_html(&html, None).unwrap();
    assert_eq!(page.paragraphs.len(), 5, "{:#?}", page.paragraphs);
    assert!(page.paragraphs[0].starts_with("A section of the old pier"));
    assert!(page.paragraphs[1].starts_with("Paragraph 1"));
}

#[test]
fn hidden_elements_and_galleries_are_not_text() {
    let body = numbered_paragraphs(
        3,
        "of the report says the storm closed the coast road, and crews are clearing it.",
    );
    let html = format!(
        "<html><body><div class=\"story\">{body}\
         <div><cite style=\"display: None\">Crews clear a fallen tree from the coast road near Velmora on Monday morning.</cite>\
         <p hidden>A second hidden caption about the storm damage near the harbour, shown only by a script.</p>\
         <span style=\"visibility:hidden\">Yet another caption that waits for the slide show to reach it, never seen.</span></div>\
         <div class=\"photo-gallery\"><p>Storm pictures: waves over the sea wall at dawn, seen from the old lighthouse.</p></div>\
         </div></body></html>"
    );
    let page = extract_html(&html, None).unwrap();
    assert_eq!(page.paragraphs.len(), 3, "{:#?}", page.paragraphs);
    assert!(page.paragraphs.iter().all(|p| p.starts_with("Paragraph")));
}

/// Paragraphs of fiction about the Velmora harbour, long enough to count as a body.
fn harbour_paragraphs(from: usize, to: usize) -> String {
    (from..to)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of the report: dock workers at the port of Velmora spoke about pay, \
                 night shifts and the safety rules that the union and the port had argued over for weeks.</p>"
            )
        })
        .collect()
}

#[test]
fn page_and_layout_classes_do_not_hide_the_article() {
    // The body's classes name the page's layout ("with-rail", "nav-variation"), and a BEM element
    // of a layout with a rail (`layout-with-rail__main`) is its main column, not the rail.
    let html = format!(
        "<html><body class=\"layout layout-with-rail site-nav-variation\">\
         <section class=\"layout__main layout-with-rail__main\"><div class=\"sub-content\">\
         <h2 class=\"subheader\">The union's demands</h2>{}</div></section>\
         <div class=\"layout-with-rail__rail\"><p>Most read: a rail of other stories, links and teasers for the reader.</p></div>\
         </body></html>",
        harbour_paragraphs(0, 4)
    );
    let page = extract_html(&html, None).unwrap();
    assert_eq!(page.paragraphs.len(), 5, "{:#?}", page.paragraphs);
    assert_eq!(page.paragraphs[0], "The union's demands");
    assert!(!page.paragraphs.iter().any(|p| p.contains("Most read")));
}

#[test]
fn paragraphs_marked_paywall_are_text_and_a_paywall_box_is_not() {
    let html = format!(
        "<html><body><div class=\"article-body\">{}<p class=\"paywall\">Paragraph 9 of the report: the port director \
         said cargo backlogs would take about two weeks to clear after the strike.</p>\
         <div class=\"paywall-prompt\"><p>Subscribe today to keep reading every story from the harbour and beyond.</p></div>\
         </div></body></html>",
        harbour_paragraphs(0, 3)
    );
    let page = extract_html(&html, None).unwrap();
    assert!(
        page.paragraphs.iter().any(|p| p.starts_with("Paragraph 9")),
        "{:#?}",
        page.paragraphs
    );
    assert!(
        !page.paragraphs.iter().any(|p| p.starts_with("Subscribe")),
        "{:#?}",
        page.paragraphs
    );
}

#[test]
fn an_article_cut_into_chunks_between_ads_is_read_whole_and_in_order() {
    let html = format!(
        "<html><body><main>\
         <div class=\"chunk\"><div class=\"body__inner\">{}</div></div>\
         <div class=\"ad-slot\"><p>Advertisement</p></div>\
         <div class=\"chunk\"><div class=\"body__inner\">{}</div></div>\
         <aside class=\"teasers\"><div class=\"teaser\"><p>Another story: a short teaser about the weather on the coast this week.</p></div></aside>\
         <div class=\"chunk\"><div class=\"body__inner\">{}</div></div>\
         </main></body></html>",
        harbour_paragraphs(0, 4),
        harbour_paragraphs(4, 6),
        harbour_paragraphs(6, 8)
    );
    let page = extract_html(&html, None).unwrap();
    let numbers: Vec<&str> = page
        .paragraphs
        .iter()
        .filter_map(|p| p.split_whitespace().nth(1))
        .collect();
    assert_eq!(
        numbers,
        ["0", "1", "2", "3", "4", "5", "6", "7"],
        "{:#?}",
        page.paragraphs
    );
}
