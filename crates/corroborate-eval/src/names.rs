//! Name variants: pair accuracy of `names_match` on the rigour name-comparison cases, and whether each
//! person in the seed articles gets one canonical key across outlets.

use corroborate::analyze::{analyze, names::names_match};
use corroborate::entities::collect_entities;
use corroborate::ingest::{read_inputs, IngestOptions, Item};
use corroborate::model::{Analysis, Article, EntityKind};
use std::collections::BTreeMap;
use std::path::Path;

pub fn run(shared: &Path, show: usize) -> anyhow::Result<()> {
    if let Some(csv_path) =
        crate::require(&shared.join("data/names/rigour/name_comparison_cases.csv"))
    {
        let mut rdr = csv::Reader::from_path(&csv_path)?;
        let mut by_schema: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let (mut ok, mut n, mut tp, mut fp, mut fneg) = (0, 0, 0, 0, 0);
        let mut shown = 0;
        for row in rdr.records() {
            let row = row?;
            let (schema, a, b, gold) = (&row[1], &row[2], &row[3], &row[4] == "true");
            let pred = names_match(a, b);
            n += 1;
            let e = by_schema.entry(schema.to_string()).or_default();
            e.1 += 1;
            if pred == gold {
                ok += 1;
                e.0 += 1;
            } else if shown < show {
                println!("{} gold={gold} | {a} | {b}", schema);
                shown += 1;
            }
            match (pred, gold) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fneg += 1,
                _ => {}
            }
        }
        let p = tp as f64 / (tp + fp).max(1) as f64;
        let r = tp as f64 / (tp + fneg).max(1) as f64;
        println!(
            "rigour name pairs: {n} pairs, accuracy {:.3} (precision {p:.3}, recall {r:.3})",
            ok as f64 / n as f64
        );
        for (s, (k, m)) in by_schema {
            println!("  {s:<13} {:.3} ({k}/{m})", k as f64 / m as f64);
        }
    }
    if let Some(seeds) = crate::require(&shared.join("seeds")) {
        let mut docs: Vec<(Article, Analysis)> = Vec::new();
        for item in read_inputs(&[seeds], &IngestOptions::default()) {
            if let Item::Article(a) = item {
                let an = analyze(&a);
                docs.push((*a, an));
            }
        }
        let refs: Vec<(&Article, &Analysis)> = docs.iter().map(|(a, b)| (a, b)).collect();
        let ents = collect_entities(&refs);
        println!("seeds: {} articles, {} entities", docs.len(), ents.len());
        let mut all_ok = true;
        for (label, needles) in [
            (
                "Zelensky/Zelenskyy",
                &["Zelensky", "Zelenskyy", "Zelenskiy"][..],
            ),
            ("Sergei/Sergey Lavrov", &["Lavrov"][..]),
            ("Yuri/Yury Ushakov", &["Ushakov"][..]),
        ] {
            let keys: Vec<&str> = ents
                .iter()
                .filter(|e| {
                    e.kind == EntityKind::Person
                        && e.variants
                            .iter()
                            .any(|v| needles.iter().any(|n| v.contains(n)))
                })
                .map(|e| e.key.as_str())
                .collect();
            let variants: Vec<&String> = ents
                .iter()
                .filter(|e| keys.contains(&e.key.as_str()))
                .flat_map(|e| &e.variants)
                .collect();
            let ok = keys.len() == 1;
            all_ok &= ok;
            println!(
                "  {label:<22} {} key(s) {:?}  variants {:?}",
                keys.len(),
                keys,
                variants
            );
        }
        println!(
            "seed name keys: {}",
            if all_ok {
                "PASS (one key per person)"
            } else {
                "FAIL"
            }
        );
        for e in ents
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .take(20)
        {
            println!(
                "    {:<26} {:<28} {} articles  {:?}",
                e.name,
                e.key,
                e.articles.len(),
                e.variants
            );
        }
    }
    Ok(())
}
