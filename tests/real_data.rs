//! The real-data suite: reads `../shared/data` (French open data). Run with
//! `cargo test --features real-data --test real_data`; CI runs it too.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]
#![cfg(feature = "real-data")]

use std::path::PathBuf;

fn data(path: &str) -> PathBuf {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(path);
    assert!(
        p.exists(),
        "{} is missing: the real-data suite needs ../shared/data",
        p.display()
    );
    p
}

/// (UAI, IPS, pupils) of every collège in the national file (`;`, UTF-8 with BOM).
fn national_colleges() -> Vec<(String, f64, f64)> {
    let text =
        std::fs::read_to_string(data("ips-national-2022/fr-en-ips-colleges-ap2022.csv")).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (i_uai, i_ips, i_eff) = (col("UAI"), col("IPS"), col("Effectifs"));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            let num = |i: usize| r[i].replace(',', ".").parse::<f64>().unwrap();
            (r[i_uai].to_string(), num(i_ips), num(i_eff))
        })
        .collect()
}

/// The national IPS file: every collège, pupil-weighted mean IPS 105.3 (published as 105),
/// unweighted 104.1, min 59.0, max 163.3 (DOMAIN.md).
#[test]
fn the_national_ips_file_gives_the_published_mean() {
    let rows = national_colleges();
    let n = rows.len();
    let sum_w: f64 = rows.iter().map(|r| r.2).sum();
    let sum: f64 = rows.iter().map(|r| r.2 * r.1).sum();
    let plain: f64 = rows.iter().map(|r| r.1).sum();
    let lo = rows.iter().map(|r| r.1).fold(f64::MAX, f64::min);
    let hi = rows.iter().map(|r| r.1).fold(f64::MIN, f64::max);
    assert_eq!(n, 6973);
    assert!(((sum / sum_w) - 105.3).abs() < 0.05, "{}", sum / sum_w);
    assert!(((plain / n as f64) - 104.1).abs() < 0.05);
    assert!(
        (lo - 59.0).abs() < 0.05 && (hi - 163.3).abs() < 0.05,
        "{lo} {hi}"
    );
}

/// The same figure through the indicator engine: each collège as a private-intake "collège" of
/// one territory; the whole-territory reference IPS is the pupil-weighted mean.
#[test]
fn the_engine_reproduces_the_national_weighted_mean() {
    use carte_mixite::metrics::{Metrics, MetricsConfig};
    use carte_mixite::model::{
        College, GroupScheme, Population, Rep, Scenario, ScenarioMeta, Sector, Territory,
        TerritoryInfo,
    };
    let colleges: Vec<College> = national_colleges()
        .into_iter()
        .map(|(uai, ips, eff)| College {
            uai: uai.clone(),
            name: uai.clone(),
            short_name: uai,
            location: geo::Point::new(2.0, 46.0),
            sector: Sector::Private,
            capacity_pupils: None,
            capacity_6e_classes: None,
            rep: Rep::None,
            observed_ips: Some(ips),
            observed_pupils: Some(eff),
            own_intake: Some(Population {
                pupils: Some(eff),
                ips_mean: Some(ips),
                ..Default::default()
            }),
        })
        .collect();
    let t = Territory::new(
        TerritoryInfo::default(),
        GroupScheme::depp4(),
        vec![],
        colleges,
    )
    .unwrap();
    let s = Scenario::unassigned(ScenarioMeta::new("national"), &t);
    let m = Metrics::new(&t, &s, MetricsConfig::default());
    let mean = m.rule_reference().unwrap();
    assert!((mean - 105.3).abs() < 0.05, "{mean}");
}
