//! Tests of the incremental clusterer.

use super::*;
use crate::model::Origin;

fn art(id: &str, title: &str, text: &str, date: Option<&str>) -> Article {
    Article {
        title: (!title.is_empty()).then(|| title.to_string()),
        published: date.and_then(crate::ingest::parse_date),
        ..Article::new(id, text, Origin::inline("t"))
    }
}

fn run(arts: &[Article]) -> Vec<u32> {
    let analyses: Vec<Analysis> = arts.iter().map(crate::analyze::analyze).collect();
    let docs: Vec<(&Article, Option<&Analysis>)> = arts
        .iter()
        .zip(analyses.iter())
        .map(|(a, b)| (a, Some(b)))
        .collect();
    cluster_all(&docs, ClusterConfig::default())
}

#[test]
fn separates_two_events_and_groups_each() {
    let arts = vec![
        art("a1", "Dock strike ends in Port Elmsby", "Dock workers in Port Elmsby returned to work after a nine-day strike over pay and night shifts.", Some("2025-06-11")),
        art("b1", "Dam talks open in Geneva", "Marovia and Belkania held their first talks on the Dunavar dam in Geneva on Tuesday.", Some("2025-06-10")),
        art("a2", "Elmsby dockers back at work", "The strike by Port Elmsby dock workers is over; the union accepted a pay rise and limits on night shifts.", Some("2025-06-11")),
        art("b2", "Geneva talks on Dunavar dam end with commission", "Talks between Marovia and Belkania on the Dunavar dam ended in Geneva with a technical commission.", Some("2025-06-10")),
    ];
    let s = run(&arts);
    assert_eq!(s[0], s[2]);
    assert_eq!(s[1], s[3]);
    assert_ne!(s[0], s[1]);
}

#[test]
fn edge_cases() {
    assert!(run(&[]).is_empty());
    assert_eq!(run(&[art("x", "", "Only one short article.", None)]), [0]);
    let same = "The council approved the harbour budget for next year after a long debate about ferry fares and repairs.";
    let s = run(&[
        art("a", "", same, None),
        art("b", "", same, None),
        art(
            "c",
            "",
            "Völlig andere Nachricht über das Wetter in den Alpen und Schnee im Juni.",
            None,
        ),
    ]);
    assert_eq!(s[0], s[1], "identical articles share a story");
    assert_ne!(s[0], s[2]);
    let big = "word ".repeat(2_000_000);
    assert_eq!(run(&[art("big", "Big", &big, None)]).len(), 1);
}

#[test]
fn deterministic_for_an_order() {
    let arts: Vec<Article> = (0..30)
        .map(|i| {
            art(
                &format!("{i}"),
                &format!("Harbour {} news", i % 3),
                &format!(
                    "Story number {} about the harbour topic {} and ferries.",
                    i,
                    i % 3
                ),
                None,
            )
        })
        .collect();
    assert_eq!(run(&arts), run(&arts));
}

#[test]
fn cold_stories_are_evicted_without_changing_an_in_order_stream() {
    // Ten events a day for sixty days, each covered by three outlets on its day. Each event has
    // its own words, so no article is a near-copy of another day's.
    let words = [
        "harbour",
        "ferry",
        "bridge",
        "school",
        "hospital",
        "market",
        "railway",
        "airport",
        "museum",
        "stadium",
        "library",
        "factory",
        "orchard",
        "vineyard",
        "quarry",
        "reservoir",
        "lighthouse",
        "cathedral",
        "tramway",
        "canal",
        "granary",
        "brewery",
        "foundry",
        "dockyard",
        "observatory",
        "monastery",
        "sawmill",
        "tannery",
        "creamery",
        "bakery",
    ];
    let mut arts = Vec::new();
    for day in 0..60usize {
        let date = format!("2024-{:02}-{:02}", 1 + day / 28, 1 + day % 28);
        for k in 0..10usize {
            // Day-specific spellings keep different days' texts apart.
            let suffix: String = [b'a' + (day / 26) as u8, b'a' + (day % 26) as u8]
                .iter()
                .map(|&b| b as char)
                .collect();
            let pick = |j: usize| format!("{}{suffix}", words[(k * 3 + j) % words.len()]);
            let body: Vec<String> = (0..8).map(pick).collect();
            let body = format!("{}.", body.join(" "));
            for outlet in 0..3 {
                arts.push(art(
                    &format!("{day}-{k}-{outlet}"),
                    &format!("{} {}", pick(0), pick(1)),
                    &body,
                    Some(&date),
                ));
            }
        }
    }
    let cluster = |evict_after: usize| {
        let mut c = Clusterer::new(ClusterConfig {
            window_days: 3,
            revive_days: 0,
            evict_after,
            ..ClusterConfig::default()
        });
        for a in &arts {
            c.add(a, None);
        }
        c
    };
    let kept = cluster(usize::MAX);
    let evicting = cluster(50);
    assert_eq!(kept.assignments(), evicting.assignments());
    assert_eq!(kept.evicted(), 0);
    assert!(
        evicting.evicted() > 0,
        "{} stories",
        evicting.stories().count()
    );
    // Only stories of the last days are still indexed.
    let indexed: std::collections::BTreeSet<u32> =
        evicting.postings.values().flatten().copied().collect();
    assert!(
        indexed.len()
            < kept
                .postings
                .values()
                .flatten()
                .copied()
                .collect::<std::collections::BTreeSet<u32>>()
                .len()
    );
    assert!(evicting
        .stories
        .iter()
        .all(|s| !s.members.is_empty() || evicting.merged.contains_key(&s.id)));
}

#[test]
fn a_close_match_revives_a_cold_story_within_a_year() {
    let strike = |id: &str, date: &str| {
        art(
            id,
            "Port Elmsby dock strike",
            "Dock workers in Port Elmsby struck over pay and night shifts; the Elmsby dockers' union \
             and the harbour board met again without a deal on the Elmsby night-shift rota.",
            Some(date),
        )
    };
    let arts = |later: &str| {
        vec![
        strike("jan1", "2024-01-10"),
        strike("jan2", "2024-01-11"),
        // Cold after 30 days, yet plainly the same story five months later.
        art(
            "jun",
            "Port Elmsby dock strike ends",
            "The Port Elmsby dock strike over pay and night shifts ended when the Elmsby dockers' \
             union accepted the harbour board's night-shift rota.",
            Some("2024-06-20"),
        ),
        // Worded anew, so not a copy of January's; two years on, past revival, it is a story of its own.
        art(
            "later",
            "New Port Elmsby dock strike",
            "Elmsby dockers struck again over pay and night shifts; the union and the harbour board \
             blamed each other for the collapse of the Port Elmsby night-shift rota.",
            Some(later),
        ),
    ]
    };
    let cluster_with = |cfg: ClusterConfig, later: &str| {
        let mut c = Clusterer::new(cfg);
        for a in &arts(later) {
            c.add(a, None);
        }
        c.assignments()
    };
    let cluster = |cfg: ClusterConfig| cluster_with(cfg, "2026-03-01");
    let s = cluster(ClusterConfig::default());
    assert_eq!(s[0], s[1]);
    assert_eq!(s[2], s[0], "a close match revives the cold story");
    assert_ne!(s[3], s[0], "past the revival horizon a story stays cold");
    let s = cluster_with(ClusterConfig::default(), "2025-03-01");
    assert_eq!(s[3], s[0], "the same article within the year revives it");
    let s = cluster(ClusterConfig {
        revive_threshold: 0.99,
        ..ClusterConfig::default()
    });
    assert_ne!(
        s[2], s[0],
        "a cold story takes only matches above the revival threshold"
    );
    let s = cluster(ClusterConfig {
        revive_days: 0,
        ..ClusterConfig::default()
    });
    assert_ne!(s[2], s[0]);
}

#[test]
fn pages_of_nothing_but_furniture_do_not_join_unrelated_events() {
    // Scraped pages that are only a social widget or an archive notice are word for word the same
    // whatever event they were saved for; they must not become one story, nor pull real reports in.
    let widget = "Tweet with a location. You can add location information to your Tweets, such as your city \
        or precise location, from the web and via third-party applications. You always have the option to \
        delete your Tweet location history. Learn more.";
    let arts = vec![
        art("a1", "", "Dock workers in Port Elmsby returned to work after a nine-day strike over pay and night shifts, the union said on Wednesday.", None),
        art("w1", "", widget, None),
        art("b1", "", "Marovia and Belkania held their first talks on the Dunavar dam in Geneva on Tuesday, with a technical commission to follow.", None),
        art("w2", "", widget, None),
        art("w3", "", widget, None),
    ];
    let s = run(&arts);
    assert_ne!(s[0], s[2]);
    assert_ne!(
        s[1], s[3],
        "identical furniture pages are not copies of each other"
    );
    assert_ne!(s[3], s[4]);
    for w in [1, 3, 4] {
        assert!(
            s[w] != s[0] && s[w] != s[2],
            "a widget page joined a report: {s:?}"
        );
    }
    // A real page that carries the same widget below its reporting is still a report.
    let with_report = format!(
        "Dock workers in Port Elmsby returned to work on Wednesday after a nine-day strike over pay and night shifts. \
         The union accepted a pay rise and new limits on night shifts at the port. {widget}"
    );
    let s = run(&[arts[0].clone(), art("a2", "", &with_report, None)]);
    assert_eq!(s[0], s[1]);
}

#[test]
fn an_archive_notice_with_one_plain_sentence_is_still_furniture() {
    // Our own notice in the manner of a web archive's: two furniture sentences and one plain sentence
    // of some thirty words. Saved for three unrelated events, the copies must not make one story.
    let notice = "These crawls keep a copy of every page a news site links to, as it was on the day. \
        Later, when a page that was linked to is moved or changed or taken down, a reader who follows the \
        old link still finds the version that the writer of the article saw at the time. \
        The Wayback Machine holds them for anyone to browse and to check, for free, for as long as it can.";
    let report = "Dock workers in Port Elmsby returned to work on Wednesday after a nine-day strike over pay \
        and night shifts. The union accepted a pay rise and limits on night work. Sign up for our newsletter.";
    let arts = vec![
        art("n1", "", notice, None),
        art("n2", "", notice, None),
        art("a1", "", report, None),
        art("n3", "", notice, None),
        art("a2", "", report, None),
    ];
    let s = run(&arts);
    assert_ne!(s[0], s[1], "archive notices became one story: {s:?}");
    assert_ne!(s[1], s[3], "archive notices became one story: {s:?}");
    assert!(
        s[0] != s[2] && s[3] != s[2],
        "a notice joined a report: {s:?}"
    );
    // A short report whose furniture is a line at its foot is a report: its copy joins it.
    assert_eq!(s[2], s[4]);
}

#[test]
fn centroids_saved_as_hash_maps_load_sorted() {
    // States saved before centroids became sorted lists hold the same pairs, as a map in any order.
    #[derive(serde::Serialize)]
    struct Saved {
        centroid: std::collections::HashMap<u32, f32>,
    }
    #[derive(serde::Deserialize)]
    struct Loaded {
        #[serde(deserialize_with = "sorted_by_feature")]
        centroid: Vec<(u32, f32)>,
    }
    let pairs = [(40, 0.5), (3, 0.25), (17, 1.0), (9, 0.125)];
    let saved = Saved {
        centroid: pairs.into_iter().collect(),
    };
    let bytes = postcard::to_allocvec(&saved).unwrap();
    let loaded: Loaded = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(
        loaded.centroid,
        vec![(3, 0.25), (9, 0.125), (17, 1.0), (40, 0.5)]
    );
}

#[test]
fn adding_weights_keeps_features_sorted_and_sums_shared_ones() {
    let mut c = vec![(2, 1.0), (5, 0.5), (9, 0.25)];
    add_weights(&mut c, &[(1, 0.5), (5, 0.25), (12, 1.0)]);
    assert_eq!(c, vec![(1, 0.5), (2, 1.0), (5, 0.75), (9, 0.25), (12, 1.0)]);
    add_weights(&mut c, &[]);
    assert_eq!(c.len(), 5);
    let mut empty = Vec::new();
    add_weights(&mut empty, &[(3, 1.0)]);
    assert_eq!(empty, vec![(3, 1.0)]);
}

#[test]
fn a_saved_state_round_trips_and_another_layout_is_refused() {
    let mut snap = ClusterSnapshot::new(ClusterConfig::default());
    snap.clusterer.add(
        &art(
            "a",
            "Dam talks",
            "Talks on the Dunavar dam opened in Geneva.",
            Some("2025-06-10"),
        ),
        None,
    );
    snap.seqs.push(7);
    let bytes = snap.to_bytes().unwrap();
    let back = ClusterSnapshot::from_bytes(&bytes).unwrap();
    assert_eq!(back.seqs, [7]);
    assert_eq!(back.clusterer.assignments(), snap.clusterer.assignments());
    // The bare postcard body, as a build before the layout tag saved it: refused, not misread.
    let untagged = &bytes[SNAPSHOT_FORMAT.len()..];
    let err = ClusterSnapshot::from_bytes(untagged).err().unwrap();
    assert!(err.to_string().contains("another version"), "{err}");
}

#[test]
fn a_url_slug_gives_its_words_and_nothing_else() {
    use super::features::url_slug;
    assert_eq!(
        url_slug("https://news.example/2025/06/11/marlow-ferries-files-for-bankruptcy/").as_deref(),
        Some("marlow ferries files for bankruptcy ")
    );
    // An extension, a query and a numeric id are not words of the slug; section names are not slugs.
    assert_eq!(
        url_slug("http://x.example/business/article-2577479/Dock_strike_ends.html?ref=6&a=b#top")
            .as_deref(),
        Some("Dock strike ends ")
    );
    for none in [
        "",
        "not a url",
        "https://x.example",
        "https://x.example/",
        "https://x.example/news/12345.html",
        "https://x.example/a-b",
    ] {
        assert_eq!(url_slug(none), None, "{none:?}");
    }
    assert_eq!(url_slug("x.example/a-b-c").as_deref(), Some("a b c "));
}

#[test]
fn a_headline_cut_short_joins_its_story_by_the_slug_of_its_link() {
    let whole = art(
        "a",
        "Marlow Ferries files for bankruptcy for the second time",
        "Marlow Ferries files for bankruptcy for the second time",
        Some("2025-06-11"),
    );
    let cut = "Harbour operator in trouble again after a hard winter  ...";
    let mut linked = art("b", cut, cut, Some("2025-06-11"));
    linked.url = Some(
        "https://news.example/2025/06/11/marlow-ferries-files-for-bankruptcy-second-time/".into(),
    );
    let s = run(&[whole.clone(), linked.clone()]);
    assert_eq!(s[0], s[1]);
    linked.url = None;
    let s = run(&[whole, linked]);
    assert_ne!(
        s[0], s[1],
        "without its link the cut headline shares nothing with the story"
    );
}
