//! The real-data suite: reads `../shared/data` (French open data). Run with
//! `cargo test --features real-data --test real_data`; CI runs it too.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]
#![cfg(feature = "real-data")]

use std::path::PathBuf;

mod common;

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
    use carte_mixite::model::{College, Population, Scenario, ScenarioMeta, Territory};
    let colleges: Vec<College> = national_colleges()
        .into_iter()
        .map(|(uai, ips, eff)| College {
            observed_ips: Some(ips),
            observed_pupils: Some(eff),
            own_intake: Some(Population {
                pupils: Some(eff),
                ips_mean: Some(ips),
                ..Default::default()
            }),
            ..College::public(uai, geo::Point::new(2.0, 46.0)).private()
        })
        .collect();
    let t = Territory::of(vec![], colleges).unwrap();
    let s = Scenario::unassigned(ScenarioMeta::new("national"), &t);
    let m = Metrics::new(&t, &s, MetricsConfig::default());
    let mean = m.rule_reference().unwrap();
    assert!((mean - 105.3).abs() < 0.05, "{mean}");
}

fn lille_spec(estimate_ips: bool) -> carte_mixite::io::import::ImportSpec {
    use carte_mixite::io::import::{BaselineSource, ImportSpec};
    ImportSpec {
        name: "Métropole Européenne de Lille".into(),
        units: data("lille-mel/IRIS_MEL_PROFILS_SOCIAUX_2019.geojson"),
        unit_columns: Default::default(),
        colleges: data("lille-mel/IPS_COLLEGES_MEL.csv"),
        college_columns: Default::default(),
        join: Some(data("ips-national-2022/fr-en-ips-colleges-ap2022.csv")),
        baseline: BaselineSource::Sectors {
            path: data("lille-mel/SECTEURS_COLLEGES_mel.geojson"),
            uai: None,
        },
        estimate_ips,
        name_matches: None,
        name_choices: Vec::new(),
    }
}

#[test]
fn lille_imports_end_to_end_with_its_real_sectors() {
    use carte_mixite::io::report::{ProblemKind, Severity};
    let imported = carte_mixite::io::import::import(&lille_spec(true)).unwrap();
    let t = &imported.territory;
    // 526 rows, 9 IRIS listed twice (once per sector they straddle) merged
    assert_eq!(t.units().len(), 517);
    let merged = imported
        .report
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::MergedDuplicate { .. }))
        .count();
    assert_eq!(merged, 9);
    // columns found by their usual names
    assert_eq!(imported.unit_columns.key.as_deref(), Some("CODE_IRIS"));
    assert_eq!(
        imported.unit_columns.pupils.as_deref(),
        Some("NB_COLLEGIENS")
    );
    assert_eq!(imported.college_columns.uai.as_deref(), Some("codeuai"));
    // every sector's collège is known: 73 public ones from the MEL table, 3 more from the
    // national file (placed inside their sector, and said so)
    let sectors: std::collections::HashSet<_> = t
        .unit_ids()
        .filter_map(|u| imported.baseline.assignment(u).main_college())
        .collect();
    assert_eq!(sectors.len(), 75);
    assert!(
        t.unit_ids()
            .all(|u| imported.baseline.assignment(u).main_college().is_some())
    );
    let placed = imported
        .report
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::PlacedInSector { .. }))
        .count();
    assert_eq!(placed, 3);
    // the self-intersecting sector is repaired and reported
    assert!(imported.report.problems.iter().any(|p| matches!(
        p.kind,
        ProblemKind::RepairedGeometry { .. }
    ) && p.file
        == "SECTEURS_COLLEGES_mel.geojson"));
    assert!(!imported.report.has_fatal());
    assert!(
        imported
            .report
            .problems
            .iter()
            .all(|p| p.severity != Severity::Fatal)
    );
    // IRIS straddling sectors (more than 5 % of their area elsewhere) are listed
    assert!(
        (60..=164).contains(&imported.split_units.len()),
        "{}",
        imported.split_units.len()
    );
    // the IPS calibration against the current sectors' collèges, with its error
    let cal = imported.calibration.as_ref().unwrap();
    assert_eq!(cal.colleges, 75);
    assert!(cal.rmse < 10.0, "RMS error {}", cal.rmse);
    assert!(t.units().iter().all(|u| {
        u.population
            .ips_mean
            .is_none_or(|x| (cal.range.0..=cal.range.1).contains(&x))
    }));
    assert!(t.units().iter().any(|u| u.population.ips_estimated));
    // what was imported saves and reads back the same
    let dir = std::env::temp_dir().join(format!("cm-lille-{}", std::process::id()));
    carte_mixite::io::territory_files::write_territory_dir(&dir, t, &imported.baseline).unwrap();
    let (back, baseline) = carte_mixite::io::territory_files::read_territory_dir(&dir).unwrap();
    assert_eq!(back.units().len(), t.units().len());
    assert_eq!(back.colleges().len(), t.colleges().len());
    for u in t.unit_ids() {
        assert_eq!(
            baseline
                .assignment(u)
                .main_college()
                .map(|c| back.college(c).uai.clone()),
            imported
                .baseline
                .assignment(u)
                .main_college()
                .map(|c| t.college(c).uai.clone())
        );
    }
}

#[test]
fn every_geojson_edge_case_loads_or_is_refused_in_words() {
    let root = data("edge-cases/geojson-validator");
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "geojson" || x == "json") {
                files.push(p);
            }
        }
    }
    assert!(files.len() >= 70, "{}", files.len());
    for f in files {
        let (layer, report) = carte_mixite::io::layer::read_layer(&f);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        match layer {
            Some(l) => {
                // what is read can be validated as areas without a panic
                let _ = carte_mixite::io::import::validate_areas(&l);
            }
            None => assert!(report.has_fatal(), "{name}: refused without a reason"),
        }
        for p in &report.problems {
            let text = carte_mixite::i18n::problem_text(carte_mixite::i18n::Lang::Fr, p);
            assert!(text.contains(&name), "{text}");
            // French, apart from a library's own words given as a technical detail
            let plain = text.split("(détail technique").next().unwrap_or_default();
            for english in [" the ", " is ", " not ", " expected", "feature ", " row "] {
                assert!(
                    !plain.contains(english),
                    "English in a French message: {text}"
                );
            }
        }
        // files named invalid_* (structure) must not load silently as if nothing were wrong
        if name.starts_with("invalid_featurecollection_type")
            || name.starts_with("invalid_geometry_coordinates_missing")
        {
            assert!(
                !report.problems.is_empty(),
                "{name}: a broken file read without a word"
            );
        }
    }
}

#[test]
fn shapefiles_load_with_their_projection_and_encoding_or_are_refused_in_words() {
    use carte_mixite::io::layer::{Value, read_layer};
    use carte_mixite::io::report::{ProblemKind, Severity};
    // a latin-1 .dbf without .cpg nor .shx
    let (l, r) = read_layer(&data("edge-cases/pyshp/latin1.shp"));
    let l = l.unwrap();
    assert!(r.problems.is_empty(), "{r:?}");
    let name = l.features[0].props.get("Name").unwrap().text().unwrap();
    assert!(!name.contains('\u{fffd}'), "{name}");
    assert!(!name.is_ascii(), "an accented name: {name}");
    // a Swiss projected .prj (CH1903+ LV95, oblique Mercator) is read and applied: the
    // fixture's coordinates are tiny test values, so they land near the projection's origin
    // (false easting 2,600,000 m), south-west of Bern's meridian by some 20 degrees
    let (l, r) = read_layer(&data("edge-cases/shapefile-rs/examples/polygons.shp"));
    assert!(r.problems.is_empty(), "{r:?}");
    use geo::CoordsIter;
    for f in &l.unwrap().features {
        let c = f.geometry.as_ref().unwrap().coords_iter().next().unwrap();
        assert!(
            c.x.abs() <= 180.0 && c.y.abs() <= 90.0 && c.x < -10.0,
            "{c:?}"
        );
    }
    // zipped shapefiles, and an empty archive refused
    let (l, _) = read_layer(&data("edge-cases/pyshp/blockgroups.zip"));
    assert_eq!(l.unwrap().features.len(), 663);
    let (l, r) = read_layer(&data("edge-cases/pyshp/empty_zipfile.zip"));
    assert!(l.is_none() && r.has_fatal());
    // a multipatch is not an area
    let (_, r) = read_layer(&data("edge-cases/shapefile-rs/multipatch.shp"));
    assert!(matches!(r.problems[0].kind, ProblemKind::NotAnArea { .. }));
    // a .cpg naming code page 936 is honoured
    let (l, _) = read_layer(&data("edge-cases/shapefile-rs/file_cp936.shp"));
    let text = l.unwrap().features[0]
        .props
        .values()
        .iter()
        .find_map(Value::text)
        .unwrap_or_default();
    assert!(!text.contains('\u{fffd}'), "{text}");
    // every shapefile and zip loads or is refused with a reason, never a panic
    for dir in [
        "edge-cases/pyshp",
        "edge-cases/shapefile-rs",
        "edge-cases/shapefile-rs/examples",
    ] {
        for e in std::fs::read_dir(data(dir)).unwrap() {
            let p = e.unwrap().path();
            if !p.extension().is_some_and(|x| x == "shp" || x == "zip") {
                continue;
            }
            let (layer, report) = read_layer(&p);
            if layer.is_none() {
                assert!(
                    report
                        .problems
                        .iter()
                        .any(|x| x.severity == Severity::Fatal),
                    "{}: refused without a reason",
                    p.display()
                );
            }
        }
    }
}

#[test]
fn lille_exports_open_in_gdal_and_the_assignments_read_back_to_the_same_numbers() {
    let imported = carte_mixite::io::import::import(&lille_spec(false)).unwrap();
    let dir = std::env::temp_dir().join(format!("cm-lille-export-{}", std::process::id()));
    carte_mixite::io::territory_files::write_territory_dir(
        &dir,
        &imported.territory,
        &imported.baseline,
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_carte-mixite");
    let out = std::process::Command::new(bin)
        .arg("export")
        .arg(&dir)
        .arg("--assignments")
        .arg(dir.join("a.csv"))
        .arg("--geojson")
        .arg(dir.join("s.geojson"))
        .arg("--shapefile")
        .arg(dir.join("s.shp"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // GDAL (what QGIS uses) opens both sector files, in WGS84, and they agree
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/check_exports.py");
    let py = std::process::Command::new("python3")
        .arg(script)
        .arg(&dir)
        .output()
        .expect("python3 with pyogrio (pip install pyogrio) checks the exports");
    assert!(
        py.status.success(),
        "{}{}",
        String::from_utf8_lossy(&py.stdout),
        String::from_utf8_lossy(&py.stderr)
    );
    // the assignment CSV, read back, gives the same indicators as the baseline
    assert_eq!(
        common::indicators_json(dir.as_os_str(), None),
        common::indicators_json(dir.as_os_str(), Some(&dir.join("a.csv")))
    );
}

#[test]
fn saint_barthelemy_streets_read_the_same_from_pbf_and_xml_and_match_scipy() {
    use carte_mixite::routing::StreetNetwork;
    use carte_mixite::routing::matrix::{Snap, distances_from};
    let pbf = StreetNetwork::read(&data("osm-saint-barthelemy/saint_barthelemy.osm.pbf")).unwrap();
    let xml = StreetNetwork::read(&data("osm-saint-barthelemy/saint_barthelemy.osm.gz")).unwrap();
    // the same graph: same counts, same edges between the same places
    assert_eq!(pbf.report, xml.report);
    assert_eq!((pbf.nodes.len(), pbf.edges.len()), (3780, 3831));
    assert_eq!(pbf.report.components, 7);
    assert_eq!(pbf.report.dropped_nodes, 45);
    // the named streets, the same from both files (the map's labels, the address search)
    let names = |n: &StreetNetwork| {
        let mut v: Vec<String> = n.names.iter().map(|(name, _)| name.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(names(&pbf), names(&xml));
    assert!(names(&pbf).len() >= 14, "{:?}", names(&pbf));
    assert!(names(&pbf).contains(&"Rue du General de Gaulle".to_string()));
    eprintln!(
        "Saint-Barthélemy: {} named ways, e.g. {:?}",
        pbf.names.len(),
        &names(&pbf)[..5]
    );
    let edge_set = |n: &StreetNetwork| {
        let key = |p: [f64; 2]| ((p[0] * 1e7).round() as i64, (p[1] * 1e7).round() as i64);
        let mut v: Vec<_> = n
            .edges
            .iter()
            .map(|&(a, b, w)| {
                let (ka, kb) = (key(n.nodes[a as usize]), key(n.nodes[b as usize]));
                (ka.min(kb), ka.max(kb), (w * 100.0).round() as i64)
            })
            .collect();
        v.sort_unstable();
        v
    };
    assert_eq!(edge_set(&pbf), edge_set(&xml));

    // distances from a few nodes, against scipy's Dijkstra on the same graph
    let dir = std::env::temp_dir().join(format!("cm-walk-scipy-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut edges = String::new();
    for (a, b, w) in &pbf.edges {
        edges.push_str(&format!("{a},{b},{w}\n"));
    }
    std::fs::write(dir.join("edges.csv"), edges).unwrap();
    let n = pbf.nodes.len() as u32;
    let sources: Vec<u32> = (0..5).map(|i| i * (n / 5) + 7).collect();
    let targets: Vec<u32> = (0..40).map(|i| (i * 97 + 13) % n).collect();
    let list = |v: &[u32]| v.iter().map(|x| format!("{x}\n")).collect::<String>();
    std::fs::write(dir.join("sources.txt"), list(&sources)).unwrap();
    std::fs::write(dir.join("targets.txt"), list(&targets)).unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/check_walk.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&dir)
        .output()
        .expect("python3 with scipy (pip install scipy) checks the walking distances");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    println!("{}", String::from_utf8_lossy(&out.stdout).trim());
    let never = std::sync::atomic::AtomicBool::new(false);
    let mut compared = 0;
    let text = std::fs::read_to_string(dir.join("scipy.csv")).unwrap();
    let mut ours: std::collections::HashMap<u32, Vec<f32>> = Default::default();
    for line in text.lines() {
        let f: Vec<&str> = line.split(',').collect();
        let (s, t): (u32, u32) = (f[0].parse().unwrap(), f[1].parse().unwrap());
        let expected: f64 = f[2].parse().unwrap();
        let dist = ours.entry(s).or_insert_with(|| {
            let at = Snap {
                a: s,
                b: s,
                to_a: 0.0,
                to_b: 0.0,
                off: 0.0,
            };
            distances_from(&pbf, &at, &never).unwrap()
        });
        let got = f64::from(dist[t as usize]);
        assert!(
            expected.is_finite(),
            "the kept network is connected: {s} → {t}"
        );
        assert!(
            (got - expected).abs() < 0.05 + expected * 1e-6,
            "{s} → {t}: {got} against scipy's {expected}"
        );
        compared += 1;
    }
    assert_eq!(compared, 200);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_territory_on_saint_barthelemy_walks_along_its_openstreetmap_streets() {
    // blocks of 0.006° over the island's west, two collèges, built with the importer
    let dir = std::env::temp_dir().join(format!("cm-stbarth-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut features = Vec::new();
    let mut k = 0;
    for i in 0..12 {
        for j in 0..7 {
            let (x, y) = (-62.87 + f64::from(i) * 0.006, 17.88 + f64::from(j) * 0.006);
            let (x1, y1) = (x + 0.006, y + 0.006);
            features.push(format!(
                r#"{{"type":"Feature","properties":{{"CODE_IRIS":"97701{k:04}","NOM_IRIS":"Îlot {k}","NB_COLLEGIENS":10,"college":"{}"}},"geometry":{{"type":"Polygon","coordinates":[[[{x},{y}],[{x1},{y}],[{x1},{y1}],[{x},{y1}],[{x},{y}]]]}}}}"#,
                if i < 6 { "9770001A" } else { "9770002B" }
            ));
            k += 1;
        }
    }
    std::fs::write(
        dir.join("ilots.geojson"),
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("colleges.csv"),
        "UAI;Nom;Secteur;IPS;longitude;latitude\n9770001A;Collège Ouest;public;100;-62.851;17.897\n9770002B;Collège Est;public;100;-62.830;17.902\n",
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_carte-mixite");
    let territory = dir.join("territoire");
    let run = |args: &[&std::ffi::OsStr]| {
        std::process::Command::new(bin)
            .env("CARTE_MIXITE_DATA_DIR", dir.join("data"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "import".as_ref(),
        "--name".as_ref(),
        "Saint-Barthélemy".as_ref(),
        "--baseline".as_ref(),
        "column".as_ref(),
        "--units".as_ref(),
        dir.join("ilots.geojson").as_os_str(),
        "--colleges".as_ref(),
        dir.join("colleges.csv").as_os_str(),
        "--out".as_ref(),
        territory.as_os_str(),
    ]);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let json = |streets: bool| {
        let pbf = data("osm-saint-barthelemy/saint_barthelemy.osm.pbf");
        let mut args: Vec<&std::ffi::OsStr> = vec![
            "indicators".as_ref(),
            territory.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ];
        if streets {
            args.push("--streets".as_ref());
            args.push(pbf.as_os_str());
        }
        let out = run(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let (straight, streets) = (json(false), json(true));
    assert_eq!(streets["walking"]["along"], "streets");
    for (a, b) in straight["colleges"]
        .as_array()
        .unwrap()
        .iter()
        .zip(streets["colleges"].as_array().unwrap())
    {
        let name = b["name"].as_str().unwrap_or("").to_string();
        let (a, b) = (
            a["indicators"]["walk_mean_m"].as_f64().unwrap(),
            b["indicators"]["walk_mean_m"].as_f64().unwrap(),
        );
        println!("{name}: straight line {a:.0} m, along the streets {b:.0} m");
        // an island of winding roads: the walk is longer than the straight line
        assert!(b > a && b < a * 3.0, "{a} {b}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_assistant_on_lille_gives_a_first_proposal_fast_and_beats_the_hill_climb() {
    use carte_mixite::assistant::{Budget, Constraints, Request, Target, hill_climb, propose};
    use carte_mixite::metrics::{Metrics, MetricsConfig, Minority};
    let imported = carte_mixite::io::import::import(&lille_spec(true)).unwrap();
    let (t, base) = (&imported.territory, &imported.baseline);
    let m = Metrics::new(t, base, MetricsConfig::default());
    // what a CDEN could defend: at most a tenth of the pupils change collège
    let pupils: f64 = t.units().iter().filter_map(|u| u.population.pupils).sum();
    let c = Constraints {
        max_moved_pupils: Some(0.1 * pupils),
        ..Constraints::default()
    };
    let budget = Budget {
        time: std::time::Duration::from_secs(15),
        steps: u64::MAX,
        seed: 1,
    };
    let mut targets = vec![Target::Entropy];
    if let Some(g) = t.groups.disadvantaged {
        targets.push(Target::Dissimilarity(Minority::Group(g)));
    }
    for target in targets {
        let mut first_seen = None;
        let began = std::time::Instant::now();
        let p = propose(
            &Request::from_baseline(t, base, &m, target, &c),
            budget,
            &mut |pr| {
                if first_seen.is_none() {
                    first_seen = Some((began.elapsed(), pr.best_value));
                }
                true
            },
        )
        .unwrap();
        let after = p.scenario(base);
        let ma = Metrics::new(t, &after, MetricsConfig::default());
        println!(
            "Lille {target:?}: mean walk (straight line) {:.0} m → {:.0} m",
            m.mean_walk_m().unwrap(),
            ma.mean_walk_m().unwrap()
        );
        let (climbed, _) = hill_climb(&Request::from_baseline(t, base, &m, target, &c)).unwrap();
        let (first_at, first_value) = first_seen.unwrap();
        println!(
            "Lille {target:?}: {:.4} → first {first_value:.4} after {:.2} s → {:.4} after {:.1} s \
             ({} steps); hill climb {climbed:.4}; {} units, {:.0} of {pupils:.0} pupils moved",
            p.start_value,
            first_at.as_secs_f64(),
            p.value,
            p.elapsed.as_secs_f64(),
            p.steps,
            p.moves.len(),
            p.moved_pupils()
        );
        assert!(first_at.as_secs_f64() < 10.0);
        assert!(first_value < p.start_value);
        assert!(p.value <= climbed + 1e-12, "{} > {climbed}", p.value);
        assert!(p.elapsed.as_secs_f64() < 60.0);
        assert!(p.moved_pupils() <= 0.1 * pupils + 1e-6);
        // a local optimum: no simple hill climb from the result improves it
        let (again, moves) = hill_climb(&Request {
            territory: t,
            start: &after,
            baseline: base,
            metrics: &ma,
            target,
            constraints: &c,
        })
        .unwrap();
        assert!(
            moves.is_empty() && (again - p.value).abs() < 1e-7,
            "a hill climb from the result reached {again} (from {}) with {moves:?}",
            p.value
        );
    }
}

/// Ille-et-Vilaine from the ministry's files as published, with the collège and école IPS of
/// the national files: one call, no hand-made file.
fn ille_et_vilaine(extra: &[PathBuf]) -> carte_mixite::io::national::departement::DepartementBuild {
    use carte_mixite::io::national::departement::{DepartementSpec, build_departement};
    let mut inputs = vec![data("ille-et-vilaine"), data("ips-national-2022")];
    inputs.extend_from_slice(extra);
    let began = std::time::Instant::now();
    let b = build_departement(
        &DepartementSpec {
            inputs,
            code: Some("35".into()),
            ..DepartementSpec::default()
        },
        &mut |_| {},
    )
    .unwrap();
    println!(
        "Ille-et-Vilaine built in {:.2} s",
        began.elapsed().as_secs_f64()
    );
    b
}

#[test]
fn ille_et_vilaine_builds_from_the_ministrys_files_alone() {
    use carte_mixite::io::national::Role;
    use carte_mixite::metrics::{Metrics, MetricsConfig};
    use carte_mixite::model::{Assignment, Sector};
    let b = ille_et_vilaine(&[]);
    let (t, base, r) = (&b.territory, &b.baseline, &b.report);
    for line in carte_mixite::i18n::departement::report_lines(carte_mixite::i18n::Lang::Fr, r) {
        println!("{line}");
    }
    // every file found its role, whatever its name
    for role in [
        Role::Communes,
        Role::Directory,
        Role::Geolocation,
        Role::CarteScolaire,
        Role::CollegeIps,
        Role::EcoleIps,
        Role::CollegeHeadcounts,
        Role::EcoleHeadcounts,
        Role::SecondDegreeHeadcounts,
    ] {
        assert!(!r.missing.contains(&role), "{role:?} not recognised");
    }
    // 345 communes: 321 in one sector, 13 shared, 6 divided by streets, 5 merged since
    assert_eq!(t.units().len(), 345);
    assert_eq!(
        (
            r.placed_single,
            r.placed_shared,
            r.streets_estimated.len(),
            r.not_in_carte.len()
        ),
        (321, 13, 6, 5)
    );
    assert!(r.streets_estimated.contains(&"Rennes".to_string()));
    // the 13 multi-collège communes are shared between their collèges, never the first row
    let shared = t
        .unit_ids()
        .filter(|&u| matches!(base.assignment(u), Assignment::Shares(v) if v.len() >= 2))
        .count();
    assert_eq!(shared, 13);
    // collèges: 62 public, the private ones under contract (the 7 outside contract and the one
    // not yet open are left out), every one placed and with its published IPS
    assert_eq!(r.public_colleges, 62);
    assert_eq!(r.hors_contrat, 7);
    assert!(r.unplaced.is_empty(), "{:?}", r.unplaced);
    assert!(
        r.unknown_carte_colleges.is_empty(),
        "{:?}",
        r.unknown_carte_colleges
    );
    let publics: Vec<_> = t
        .college_ids()
        .filter(|&c| t.college(c).sector == Sector::Public)
        .collect();
    assert!(publics.iter().all(|&c| t.college(c).observed_ips.is_some()));
    assert!(
        publics
            .iter()
            .all(|&c| t.college(c).observed_pupils.is_some())
    );
    // every unit's pupils and IPS are estimates, and say so
    assert!(t.units().iter().all(|u| u.population.pupils_estimated));
    let m = Metrics::new(t, base, MetricsConfig::default());
    let idx = m.territory();
    assert!(idx.pupils_estimated && idx.entropy.is_none());
    // estimated pupils against the published headcounts of the public collèges
    let (mut est, mut publ, mut abs_err) = (0.0, 0.0, 0.0);
    for &c in &publics {
        let e = m.college(c, t).pupils;
        let p = t.college(c).observed_pupils.unwrap();
        est += e;
        publ += p;
        abs_err += (e - p).abs();
    }
    println!(
        "public sectors: {est:.0} pupils estimated from the écoles, {publ:.0} published; \
         mean absolute error per collège {:.0} pupils ({:.0} %)",
        abs_err / publics.len() as f64,
        abs_err / publ * 100.0
    );
    // the écoles' children include those who go private: the public sectors hold more than the
    // public collèges enrol; all collèges together enrol about as many as the écoles hold
    assert!(est > publ, "{est} vs {publ}");
    let all_published: f64 = t.colleges().iter().filter_map(|c| c.observed_pupils).sum();
    let all_estimated: f64 = t.units().iter().filter_map(|u| u.population.pupils).sum();
    println!(
        "all collèges: {all_published:.0} pupils published, {all_estimated:.0} estimated from the \
         écoles ({:+.1} %)",
        (all_estimated / all_published - 1.0) * 100.0
    );
    assert!((all_estimated / all_published - 1.0).abs() < 0.15);
    let s = idx.ips_spread.unwrap();
    println!(
        "IPS spread of the public sectors: {:.2} points around {:.1}, gap {:.1} ({} – {})",
        s.spread,
        s.mean,
        s.gap,
        t.college(s.highest).name,
        t.college(s.lowest).name
    );
    // the six public collèges left with an empty sector (Rennes given whole) have no IPS here
    assert_eq!(s.colleges, 56);
    assert!(s.estimated && s.spread > 1.0 && s.spread < 20.0 && s.gap > s.spread);
    // every public collège's published headcount against its sector; without the BAN, Rennes
    // goes whole to its nearest collège and six others keep an empty sector, said so
    assert_eq!(r.capture.len(), 62);
    let empty = r.capture.iter().filter(|c| c.rate().is_none()).count();
    assert_eq!(empty, 6);
}

#[test]
fn rennes_streets_are_split_by_the_addresses_of_a_ban_file() {
    use carte_mixite::io::national::names::street_key;
    use carte_mixite::model::Assignment;
    // a BAN-format file written from the real Rennes rows of the carte scolaire, each street
    // spelt as the BAN spells it ("RUE ST MELAINE" → "Rue Saint-Melaine")
    let text = std::fs::read_to_string(data(
        "ille-et-vilaine/fr-en-carte-scolaire-colleges-publics.csv",
    ))
    .unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |n: &str| headers.iter().position(|h| h == n).unwrap();
    let (c_insee, c_street, c_from, c_to, c_par) = (
        col("code_insee"),
        col("Type_et_Libelle"),
        col("No_de_voie_debut"),
        col("No_de_voie_fin"),
        col("Parite"),
    );
    let ban_spelling = |s: &str| {
        let mut out: Vec<String> = Vec::new();
        let mut elide = false;
        for w in s.split_whitespace() {
            let word = match w {
                "ST" => "Saint".to_string(),
                "STE" => "Sainte".to_string(),
                "AV" => "Avenue".to_string(),
                "BD" => "Boulevard".to_string(),
                "PL" => "Place".to_string(),
                "R" => "Rue".to_string(),
                "D" | "L" => {
                    out.push(format!("{}'", w.to_lowercase()));
                    elide = true;
                    continue;
                }
                "DE" | "DU" | "DES" | "LA" | "LE" | "LES" => w.to_lowercase(),
                _ => {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_string() + &c.as_str().to_lowercase())
                        .unwrap_or_default()
                }
            };
            if elide {
                let last = out.pop().unwrap_or_default();
                out.push(last + &word);
                elide = false;
            } else {
                out.push(word);
            }
        }
        out.join(" ").replace("Saint ", "Saint-")
    };
    let mut ban = String::from(
        "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles\n",
    );
    let mut written = 0;
    let mut spelt_differently = 0;
    for r in reader.records() {
        let r = r.unwrap();
        if &r[c_insee] != "35238" {
            continue;
        }
        let street = ban_spelling(&r[c_street]);
        spelt_differently += usize::from(street.to_uppercase() != r[c_street]);
        assert_eq!(street_key(&street), street_key(&r[c_street]), "{street}");
        let from: u32 = r[c_from].parse().unwrap_or(1).max(1);
        let to: u32 = r[c_to].parse().unwrap_or(9999);
        let first = match &r[c_par] {
            "P" if from % 2 == 1 => from + 1,
            "I" if from.is_multiple_of(2) => from + 1,
            _ => from,
        };
        for n in [first, first + 2].into_iter().filter(|&n| n <= to) {
            ban.push_str(&format!(
                "35238_x_{n};35238_x;{n};;{street};35000;35238;Rennes;;;;;-1.68;48.11;entrée;;;RENNES;;commune;commune;1;\n"
            ));
            written += 1;
        }
    }
    println!(
        "{written} Rennes addresses written, {spelt_differently} rows whose street the BAN \
         spells with other words (ST → Saint, D → d'...)"
    );
    assert!(written > 2000 && spelt_differently > 200);
    let dir = std::env::temp_dir().join(format!("cm-ban-rennes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("adresses-35.csv");
    std::fs::write(&path, ban).unwrap();
    let b = ille_et_vilaine(std::slice::from_ref(&path));
    let m = b.report.streets.as_ref().unwrap();
    println!(
        "{} read, {} in the communes divided by streets, {} matched, {} outside the ranges, \
         {} unmatched",
        m.rows_read, m.in_communes, m.matched, m.number_outside, m.unmatched_addresses
    );
    assert_eq!(m.in_communes, written as u64);
    assert!(m.matched as f64 >= 0.99 * written as f64);
    assert_eq!(b.report.streets_by_addresses, 1);
    let rennes = b.territory.unit_by_key("35238").unwrap();
    match b.baseline.assignment(rennes) {
        Assignment::Shares(v) => {
            assert!(v.len() >= 5, "{v:?}");
            assert!((v.iter().map(|x| x.1).sum::<f64>() - 1.0).abs() < 1e-9);
        }
        other => panic!("Rennes is not split: {other:?}"),
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_assistant_lowers_the_ips_spread_of_ille_et_vilaine() {
    use carte_mixite::assistant::{Budget, Constraints, Request, Target, propose};
    use carte_mixite::metrics::{Metrics, MetricsConfig};
    let b = ille_et_vilaine(&[]);
    let (t, base) = (&b.territory, &b.baseline);
    let m = Metrics::new(t, base, MetricsConfig::default());
    let pupils: f64 = t.units().iter().filter_map(|u| u.population.pupils).sum();
    let c = Constraints {
        max_moved_pupils: Some(0.05 * pupils),
        capacity: None,
        ..Constraints::default()
    };
    let p = propose(
        &Request::from_baseline(t, base, &m, Target::IpsSpread, &c),
        Budget {
            time: std::time::Duration::from_secs(5),
            steps: u64::MAX,
            seed: 1,
        },
        &mut |_| true,
    )
    .unwrap();
    let after = Metrics::new(t, &p.scenario(base), MetricsConfig::default());
    let (before, now) = (
        m.territory().ips_spread.unwrap().spread,
        after.territory().ips_spread.unwrap().spread,
    );
    println!(
        "Ille-et-Vilaine IPS spread {before:.2} → {now:.2} points, {} moves, {:.0} pupils",
        p.moves.len(),
        p.moved_pupils()
    );
    // the search's own value is the variance; the engine recomputes the same figure
    assert!((Target::IpsSpread.display(p.value) - now).abs() < 1e-6);
    assert!(now < before);
    assert!(p.moved_pupils() <= 0.05 * pupils + 1e-6);
}

/// The hostile corpus (tests/hostile/make_corpus.py: deep nesting, decompression bombs, huge
/// polygons, a lying index, huge fields, many rows), each file read by the command line in its
/// own process: every one is read or refused in words, in bounded time and memory, never a
/// panic or a kill.
#[test]
fn hostile_files_are_read_or_refused_within_bounded_time_and_memory() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let corpus = std::env::temp_dir().join(format!("cm-hostile-{}", std::process::id()));
    let made = std::process::Command::new("python3")
        .arg(root.join("make_corpus.py"))
        .arg(&corpus)
        .output()
        .expect("python3 writes the hostile corpus");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let out = std::process::Command::new("python3")
        .arg(root.join("run.py"))
        .arg(env!("CARGO_BIN_EXE_carte-mixite"))
        .arg(&corpus)
        .arg("300")
        .output()
        .expect("python3 runs the corpus");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let mut seen = 0;
    for line in text.lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = r["file"].as_str().unwrap();
        let mib = r["bytes"].as_f64().unwrap() / (1 << 20) as f64;
        let peak = r["peak_mib"].as_f64().unwrap();
        eprintln!(
            "{file}: {mib:.1} MiB, exit {}, {} s, peak {peak} MiB",
            r["code"], r["seconds"]
        );
        assert_eq!(r["killed"], false, "{file}: still running after 300 s");
        assert_eq!(r["panicked"], false, "{file}: panicked");
        let code = r["code"].as_i64().unwrap();
        assert!(
            code == 0 || code == 1,
            "{file}: exit {code} ({})",
            r["last"]
        );
        // about 4 times the file, beyond what the command takes to start and load its words
        // (29 MiB for a table of 50 rows, in a test build)
        let bound = 4.0 * mib + 64.0;
        assert!(
            peak <= bound,
            "{file}: peak {peak} MiB, over {bound:.0} MiB"
        );
        let refused = [
            "bomb.zip",
            "bomb.osm.gz",
            "deep-json.geojson",
            "deep-properties.geojson",
            "deep-prj.shp",
        ];
        if refused.contains(&file) {
            assert_eq!(code, 1, "{file} is refused");
            let last = r["last"].as_str().unwrap();
            assert!(
                last.chars().count() < 400,
                "{file}: a message cut short: {last}"
            );
        }
        seen += 1;
    }
    assert!(seen >= 12, "{text}");
    let _ = std::fs::remove_dir_all(&corpus);
}

/// What the assistant reached against a mixed-integer solver on the same problem.
struct AgainstOptimum {
    start: f64,
    reached: f64,
    /// The solver's best map within its time (`None`: it found none).
    best: Option<f64>,
    /// The solver's proven lower bound.
    bound: Option<f64>,
}

impl AgainstOptimum {
    /// Prints the share of the solver's reduction the search reached and asserts the floor.
    fn assert_share_of_solver(&self, label: &str, floor: f64) {
        let Some(best) = self.best else {
            panic!("{label}: HiGHS found no map in its time");
        };
        let share = (self.start - self.reached) / (self.start - best);
        println!("{label}: {:.1} % of the solver's reduction", 100.0 * share);
        assert!(
            share >= floor,
            "{label}: {:.1} % of the solver's reduction ({} against {best})",
            100.0 * share,
            self.reached
        );
    }
}

/// Solves the request's dissimilarity problem with HiGHS through scipy
/// (tests/check_optimum.py) for `solver_seconds`, then runs the assistant for `steps` steps
/// (42 million is what 60 s give on a 2-core laptop, counted in steps so that the result is the
/// same on a loaded CI machine), and checks the proposal against the indicator engine and the
/// cap on pupils moved.
fn against_optimum(
    t: &carte_mixite::model::Territory,
    base: &carte_mixite::model::Scenario,
    c: &carte_mixite::assistant::Constraints,
    minority: carte_mixite::metrics::Minority,
    solver_seconds: u32,
    (steps, seconds): (u64, u64),
    label: &str,
) -> AgainstOptimum {
    use carte_mixite::assistant::exact::exact_problem;
    use carte_mixite::assistant::{Budget, Request, Target, propose};
    use carte_mixite::metrics::{Metrics, MetricsConfig};
    let m = Metrics::new(t, base, MetricsConfig::default());
    let r = Request::from_baseline(t, base, &m, Target::Dissimilarity(minority), c);
    let problem = exact_problem(&r).unwrap().unwrap();
    let dir = std::env::temp_dir().join(format!("cm-optimum-{}-{label}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("problem.json");
    std::fs::write(&file, serde_json::to_vec(&problem).unwrap()).unwrap();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/check_optimum.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&file)
        .arg(solver_seconds.to_string())
        .output()
        .expect("python3 with scipy (pip install scipy) solves the problem");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    // the answer is the last line (HiGHS may print lines of its own before it)
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    let answer: serde_json::Value = serde_json::from_str(last).unwrap_or_else(|e| {
        panic!(
            "{label}: the solver's answer is not JSON ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    println!("{label}, HiGHS: {answer}");
    let p = propose(
        &r,
        Budget {
            time: std::time::Duration::from_secs(seconds),
            steps: std::env::var("CM_STEPS").map_or(steps, |v| v.parse().unwrap()),
            seed: 1,
        },
        &mut |_| true,
    )
    .unwrap();
    // the proposal as the indicator engine computes it, within the same rules
    let after = p.scenario(base);
    let ma = Metrics::new(t, &after, MetricsConfig::default());
    let reached = ma
        .territory()
        .minority(minority)
        .unwrap()
        .dissimilarity
        .unwrap();
    assert!((reached - p.value).abs() < 1e-9);
    if let Some(max) = c.max_moved_pupils {
        assert!(p.moved_pupils() <= max + 1e-6);
    }
    let best = answer["value"].as_f64();
    println!(
        "{label}: start {:.4}, assistant {reached:.4} ({} steps, {:.1} s), HiGHS {} in {solver_seconds} s (bound {})",
        p.start_value,
        p.steps,
        p.elapsed.as_secs_f64(),
        best.map_or("none".into(), |v| format!("{v:.4}")),
        answer["bound"]
            .as_f64()
            .map_or("none".into(), |v| format!("{v:.4}")),
    );
    AgainstOptimum {
        start: p.start_value,
        reached,
        best,
        bound: answer["bound"].as_f64(),
    }
}

/// The demo's problem from the issue that asked for it: the dissimilarity of boursiers,
/// blocks moved one by one, at most 550 pupils moved, capacity use within 70-105 %.
fn demo_rules(
    keep_contiguous: bool,
    max_walk_increase_m: Option<f64>,
) -> carte_mixite::assistant::Constraints {
    carte_mixite::assistant::Constraints {
        capacity: Some((0.7, 1.05)),
        max_walk_m: None,
        max_walk_increase_m,
        max_moved_pupils: Some(550.0),
        keep_contiguous,
        keep_schools: false,
    }
}

/// The demo's problem with sectors allowed in pieces and no walking limit, solved exactly by
/// HiGHS: a 60 s run of the assistant must reach at least 95 % of the reduction the optimum
/// achieves (it reached 98 % when this test was written, 0.2044 against 0.2025, and now reaches
/// the optimum, 0.20252, with every seed tried).
#[test]
fn the_assistant_against_the_exact_optimum_of_the_demo_with_sectors_in_pieces() {
    use carte_mixite::metrics::Minority;
    let (t, base) = carte_mixite::io::territory_files::embedded_demo().unwrap();
    let o = against_optimum(
        &t,
        &base,
        &demo_rules(false, None),
        Minority::Boursiers,
        300,
        (42_000_000, 600),
        "demo, pieces allowed",
    );
    let optimum = o
        .best
        .expect("HiGHS solves the demo with sectors in pieces");
    let share = (o.start - o.reached) / (o.start - optimum);
    println!(
        "the search reaches {:.0} % of the optimum's reduction",
        100.0 * share
    );
    // the optimum is one: the search can never beat it (the same model, the same numbers)
    let bound = o.bound.unwrap_or(optimum);
    assert!(o.reached >= bound - 1e-6, "{} < bound {bound}", o.reached);
    assert!(
        share >= 0.95,
        "{:.1} % of the optimum's reduction",
        100.0 * share
    );
}

/// Lille (the dissimilarity of défavorisés, at most a tenth of the pupils moved, walks at most
/// 1 km longer, sectors in one piece or in pieces), against the best map HiGHS finds in 120 s,
/// reported. The search runs 42 million steps here (about 60 s in this unoptimised test build,
/// a quarter of what a release build does in 60 s): when this test was written it reached 91 %
/// of the solver's reduction with sectors in one piece, and a release build's 60 s went beyond
/// the solver's best (`assist --index defavorises`); the test keeps a floor at 80 %.
#[test]
fn the_assistant_against_the_solver_on_lille() {
    use carte_mixite::assistant::Constraints;
    use carte_mixite::metrics::Minority;
    let imported = carte_mixite::io::import::import(&lille_spec(true)).unwrap();
    let (t, base) = (&imported.territory, &imported.baseline);
    let pupils: f64 = t.units().iter().filter_map(|u| u.population.pupils).sum();
    let defavorises = t.groups.disadvantaged.unwrap();
    for keep_contiguous in [false, true] {
        let c = Constraints {
            max_moved_pupils: Some(0.1 * pupils),
            keep_contiguous,
            ..Constraints::default()
        };
        let label = if keep_contiguous {
            "Lille, one piece"
        } else {
            "Lille, pieces allowed"
        };
        let o = against_optimum(
            t,
            base,
            &c,
            Minority::Group(defavorises),
            120,
            (42_000_000, 600),
            label,
        );
        o.assert_share_of_solver(label, 0.8);
    }
}

/// The same problem with sectors kept in one piece and walks at most 1 km longer, against the
/// best map HiGHS finds in 300 s (each sector kept connected by flows from a root unit that
/// stays in it, a restriction the search does not have, so the solver's bound is no bound for
/// the search). The search must reach the solver's best. Measured here (42 million steps, about
/// 60 s): 0.2628 for each of eight seeds (0.26276-0.26279), where HiGHS finds 0.2633 to 0.2659
/// in 300 s (bound 0.2587) and CP-SAT 0.2628 in 600 s; it stopped at 0.2647-0.2649 for two
/// seeds in three when the annealing started cooler.
#[test]
fn the_assistant_against_the_solver_on_the_demo_with_sectors_in_one_piece() {
    use carte_mixite::metrics::Minority;
    let (t, base) = carte_mixite::io::territory_files::embedded_demo().unwrap();
    let o = against_optimum(
        &t,
        &base,
        &demo_rules(true, Some(1000.0)),
        Minority::Boursiers,
        300,
        (42_000_000, 600),
        "demo, one piece",
    );
    // all of the solver's reduction, to rounding (1e-4 of it is about 3e-6 of the index)
    o.assert_share_of_solver("demo, one piece", 1.0 - 1e-4);
}
