//! The command line, run as a user would.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]

use std::process::Command;

mod common;
use common::small_open_data;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_carte-mixite"));
    // caches go to a scratch folder, not the user's
    c.env(
        "CARTE_MIXITE_DATA_DIR",
        std::env::temp_dir().join(format!("cm-cli-data-{}", std::process::id())),
    );
    c
}

/// `carte-mixite import` of the small open-data files in `dir` (see `small_open_data`), the
/// baseline taken from the units' collège column, written to `out` (a folder or a project).
fn import_small(dir: &std::path::Path, out: &std::path::Path) -> std::process::Output {
    bin()
        .args(["import", "--name", "Petit test", "--baseline", "column"])
        .arg("--units")
        .arg(dir.join("iris.geojson"))
        .arg("--colleges")
        .arg(dir.join("colleges.csv"))
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

/// `carte-mixite import-departement FOLDER [OPTIONS...] --out OUT`.
fn import_departement(
    folder: &std::path::Path,
    options: &[&str],
    out: &std::path::Path,
) -> std::process::Output {
    bin()
        .arg("import-departement")
        .arg(folder)
        .args(options)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

/// A square street grid in lon/lat as GeoJSON lines, `n` lines each way from (lon, lat).
fn street_grid(path: &std::path::Path, lon: f64, lat: f64, n: usize, step: f64) {
    // streets meet where they share a vertex: every crossing is one
    let mut lines = Vec::new();
    for i in 0..n {
        let a = i as f64 * step;
        let along = |f: &dyn Fn(f64) -> (f64, f64)| {
            let points: Vec<String> = (0..n)
                .map(|j| {
                    let (x, y) = f(j as f64 * step);
                    format!("[{x},{y}]")
                })
                .collect();
            format!("[{}]", points.join(","))
        };
        lines.push(along(&|b| (lon + a, lat + b)));
        lines.push(along(&|b| (lon + b, lat + a)));
    }
    let features: Vec<String> = lines
        .iter()
        .map(|c| {
            format!(
                r#"{{"type":"Feature","properties":{{"highway":"residential"}},"geometry":{{"type":"LineString","coordinates":{c}}}}}"#
            )
        })
        .collect();
    std::fs::write(
        path,
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        ),
    )
    .unwrap();
}

#[test]
fn indicators_of_the_demo_map_as_json_cover_every_college() {
    let out = bin()
        .args(["indicators", "maps/demo", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let colleges = v["colleges"].as_array().unwrap();
    assert_eq!(colleges.len(), 12);
    assert_eq!(v["territory"]["fictional"], true);
    for c in colleges {
        let ips = c["indicators"]["ips_mean"].as_f64().unwrap();
        assert!((60.0..160.0).contains(&ips), "{ips}");
    }
    let h = v["indices"]["entropy"]["h"].as_f64().unwrap();
    assert!(h > 0.0 && h < 1.0);
}

#[test]
fn indicators_table_is_french_by_default_and_english_on_request() {
    let fr = bin().args(["indicators", "demo"]).output().unwrap();
    let fr = String::from_utf8(fr.stdout).unwrap();
    assert!(fr.contains("Territoire fictif"));
    let en = bin()
        .args(["--lang", "en", "indicators", "demo"])
        .output()
        .unwrap();
    let en = String::from_utf8(en.stdout).unwrap();
    assert!(en.contains("Fictional territory"));
}

#[test]
fn a_missing_territory_is_a_clear_message_not_a_panic() {
    let out = bin()
        .args(["indicators", "no/such/folder"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no/such/folder/territory.json"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn the_committed_demo_map_is_what_the_generator_makes() {
    let dir = std::env::temp_dir().join(format!("cm-demo-{}", std::process::id()));
    let out = bin()
        .args(["generate-demo", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    for name in [
        "territory.json",
        "units.geojson",
        "colleges.geojson",
        "landmarks.geojson",
        "streets.geojson",
        "street-names.geojson",
        "baseline.scenario.json",
        "manifest.json",
    ] {
        let made = std::fs::read(dir.join(name)).unwrap();
        let committed = std::fs::read(format!("maps/demo/{name}")).unwrap();
        assert!(
            made == committed,
            "maps/demo/{name} differs from the generator's output: run `cargo run -- generate-demo`"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_scenario_file_changes_the_figures() {
    let dir = std::env::temp_dir().join(format!("cm-scen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = std::fs::read_to_string("maps/demo/baseline.scenario.json").unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&base).unwrap();
    // send every unit of Louise-Michel (0990104D) to Jean-Jaurès (0990101A)
    for (_, a) in v["assignments"].as_object_mut().unwrap() {
        if a == "0990104D" {
            *a = serde_json::json!("0990101A");
        }
    }
    let p = dir.join("s.json");
    std::fs::write(&p, serde_json::to_string(&v).unwrap()).unwrap();
    let out = bin()
        .args(["indicators", "maps/demo", "--format", "json", "--scenario"])
        .arg(&p)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lm = &v["colleges"][3];
    assert_eq!(lm["uai"], "0990104D");
    assert_eq!(lm["indicators"]["pupils"].as_f64().unwrap(), 0.0);
    assert!(
        lm["indicators"]["ips_mean"].is_null(),
        "an empty collège has an unknown IPS"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn import_builds_a_territory_that_the_indicators_read_back() {
    let dir = std::env::temp_dir().join(format!("cm-cli-import-{}", std::process::id()));
    small_open_data(&dir);
    let out_dir = dir.join("territory");
    let out = import_small(&dir, &out_dir);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("4 îlots, 2 collèges"), "{text}");
    assert!(text.contains("4 îlots rattachés"), "{text}");
    // the units' école column is found and kept (an empty one means none)
    let units = std::fs::read_to_string(out_dir.join("units.geojson")).unwrap();
    assert_eq!(
        units.matches(r#""ecole":"École des Lilas""#).count(),
        2,
        "{units}"
    );
    assert_eq!(units.matches(r#""ecole":"#).count(), 3, "{units}");
    let out = bin()
        .args(["indicators", "--format", "json"])
        .arg(&out_dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let colleges = v["colleges"].as_array().unwrap();
    assert_eq!(colleges.len(), 2);
    assert_eq!(colleges[0]["name"], "Collège Nord", "latin-1 read right");
    // Nord has blocks 0 and 1: 20 + 25 pupils
    assert_eq!(colleges[0]["indicators"]["pupils"].as_f64(), Some(45.0));
    // the same import as one project file to send gives the same figures
    let project = dir.join("petit.cartemixite");
    let out = import_small(&dir, &project);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin()
        .args(["indicators", "--format", "json"])
        .arg(&project)
        .output()
        .unwrap();
    let w: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(w["colleges"], v["colleges"]);
}

#[test]
fn check_names_the_file_and_what_is_wrong() {
    let dir = std::env::temp_dir().join(format!("cm-cli-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("projete.geojson");
    std::fs::write(
        &bad,
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[704000,7059000]}}]}"#,
    )
    .unwrap();
    let out = bin().arg("check").arg(&bad).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("projete.geojson"), "{err}");
    assert!(err.contains("ne dit pas sa projection"), "{err}");
}

#[test]
fn check_fails_when_no_outline_of_a_file_would_be_kept() {
    let dir = std::env::temp_dir().join(format!("cm-cli-check-kept-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let one = |ring: &str| {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"nom":"a"}},"geometry":{{"type":"Polygon","coordinates":[{ring}]}}}}]}}"#
        )
    };
    // a square of about a kilometre, then the same outline shrunk to a point
    let good = dir.join("carre.geojson");
    std::fs::write(
        &good,
        one("[[2.35,48.85],[2.36,48.85],[2.36,48.86],[2.35,48.86],[2.35,48.85]]"),
    )
    .unwrap();
    let out = bin().arg("check").arg(&good).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    // French wants the singular for one
    assert!(text.contains("1 élément,"), "{text}");
    let dust = dir.join("point.geojson");
    std::fs::write(
        &dust,
        one("[[2.35,48.85],[2.35,48.85],[2.35,48.85],[2.35,48.85]]"),
    )
    .unwrap();
    let out = bin().arg("check").arg(&dust).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("point.geojson"), "{err}");
}

#[test]
fn the_demo_exports_read_back() {
    let dir = std::env::temp_dir().join(format!("cm-cli-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = bin()
        .args(["export", "demo"])
        .arg("--assignments")
        .arg(dir.join("a.csv"))
        .arg("--geojson")
        .arg(dir.join("s.geojson"))
        .arg("--shapefile")
        .arg(dir.join("s.shp"))
        .arg("--indicators")
        .arg(dir.join("i.csv"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // the sector files, read by the app's own importer, hold one sector per public collège
    for f in ["s.geojson", "s.shp"] {
        let (layer, report) = carte_mixite::io::layer::read_layer(&dir.join(f));
        assert!(report.problems.is_empty(), "{f}: {report:?}");
        let layer = layer.unwrap();
        assert_eq!(layer.features.len(), 9, "{f}");
        assert!(layer.features.iter().all(|x| x.geometry.is_some()));
    }
    // the assignments give back the baseline's figures
    let demo = std::ffi::OsStr::new("demo");
    assert_eq!(
        common::indicators_json(demo, None),
        common::indicators_json(demo, Some(&dir.join("a.csv")))
    );
    let table = std::fs::read_to_string(dir.join("i.csv")).unwrap();
    assert!(table.lines().count() >= 13, "{table}");
}

#[test]
fn a_shape_that_makes_the_geometry_library_panic_is_reported_not_a_crash() {
    // found by fuzzing the Shapefile importer: geo's validity check panics on the first shape,
    // and the union that repairs the second overflows inside i_float (in a build with overflow
    // checks, such as this test's)
    let files: [&[u8]; 2] = [
        include_bytes!("fixtures/fuzz-geo-relate-panic.shp"),
        include_bytes!("fixtures/fuzz-union-overflow.shp"),
    ];
    for bytes in files {
        let (layer, report) = carte_mixite::io::layer::read_layer_bytes("fuzz.shp", bytes);
        if let Some(layer) = layer {
            let areas = carte_mixite::io::import::validate_areas(&layer);
            assert!(
                areas.problems.iter().all(|p| !p.file.is_empty()),
                "every problem names its file"
            );
        } else {
            assert!(report.has_fatal());
        }
    }
}

#[test]
fn indicators_walk_along_a_street_file_and_refuse_one_of_another_place() {
    let dir = std::env::temp_dir().join(format!("cm-cli-streets-{}", std::process::id()));
    small_open_data(&dir);
    let territory = dir.join("territory");
    let out = import_small(&dir, &territory);
    assert!(out.status.success());
    let json = |extra: &[&std::ffi::OsStr]| {
        let out = bin()
            .args(["indicators", "--format", "json"])
            .arg(&territory)
            .args(extra)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let straight = json(&[]);
    assert_eq!(straight["walking"]["along"], "straight_line");
    // a grid of streets 0.002° apart over the blocks and both collèges
    let grid = dir.join("rues.geojson");
    street_grid(&grid, 3.03, 50.61, 31, 0.002);
    let streets = json(&["--streets".as_ref(), grid.as_os_str()]);
    assert_eq!(streets["walking"]["along"], "streets");
    for (a, b) in straight["colleges"]
        .as_array()
        .unwrap()
        .iter()
        .zip(streets["colleges"].as_array().unwrap())
    {
        let (a, b) = (
            a["indicators"]["walk_mean_m"].as_f64().unwrap(),
            b["indicators"]["walk_mean_m"].as_f64().unwrap(),
        );
        // along a grid the walk is longer than the straight line, at most √2 times (plus the
        // way to the nearest street, under 0.002° here)
        assert!(b >= a && b <= a * 1.4143 + 300.0, "{a} {b}");
    }
    let table = bin()
        .arg("indicators")
        .arg(&territory)
        .arg("--streets")
        .arg(&grid)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains("par les rues"));
    // the same grid ten degrees east covers nothing of the territory
    let elsewhere = dir.join("ailleurs.geojson");
    street_grid(&elsewhere, 13.03, 50.61, 5, 0.01);
    let out = bin()
        .arg("indicators")
        .arg(&territory)
        .arg("--streets")
        .arg(&elsewhere)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ne couvrent pas le territoire"), "{err}");
    assert!(err.contains("0 quartiers sur 4"), "{err}");
}

#[test]
fn publish_writes_the_handout_map_chart_and_table_of_a_proposal() {
    let dir = std::env::temp_dir().join(format!("cm-cli-publish-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // a proposal: the first three blocks of the baseline move to the next block's collège
    let out = bin()
        .args(["export", "demo", "--assignments"])
        .arg(dir.join("base.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let base = std::fs::read_to_string(dir.join("base.csv")).unwrap();
    let mut rows: Vec<Vec<String>> = base
        .lines()
        .map(|l| l.split(',').map(String::from).collect())
        .collect();
    let other = rows[1][1].clone();
    let moved = (2..rows.len())
        .filter(|&i| rows[i][1] != other)
        .take(3)
        .collect::<Vec<_>>();
    for &i in &moved {
        rows[i][1] = other.clone();
    }
    let text: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
    std::fs::write(dir.join("prop.csv"), text.join("\n")).unwrap();
    let out = bin()
        .args([
            "publish",
            "demo",
            "--author",
            "Parents du Nord",
            "--scenario",
        ])
        .arg(dir.join("prop.csv"))
        .arg("--pdf")
        .arg(dir.join("fiche.pdf"))
        .arg("--map")
        .arg(dir.join("carte.png"))
        .arg("--chart")
        .arg(dir.join("mixite.svg"))
        .arg("--table")
        .arg(dir.join("tableau.csv"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read(dir.join("fiche.pdf"))
            .unwrap()
            .starts_with(b"%PDF")
    );
    let png = std::fs::read(dir.join("carte.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let svg = std::fs::read_to_string(dir.join("mixite.svg")).unwrap();
    assert!(svg.contains("Sur 100 élèves de chaque collège"), "{svg}");
    let table = std::fs::read_to_string(dir.join("tableau.csv")).unwrap();
    // one row per collège; those whose sector changed say so
    assert_eq!(table.lines().count(), 13, "{table}");
    // a French spreadsheet's table: `;` between fields, decimal commas
    assert!(table.lines().filter(|l| l.ends_with(";oui")).count() >= 2);
    // nothing asked: a clear message
    let out = bin().args(["publish", "demo"]).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--pdf"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_departement_builds_from_the_ministrys_files_as_published() {
    let dir = std::env::temp_dir().join(format!("cm-cli-dep-{}", std::process::id()));
    common::small_departement(&dir);
    let out = dir.join("territoire");
    let o = import_departement(&dir, &[], &out);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // the summary first, each file's role, the estimates said so
    assert!(
        text.contains("1 commune placée dans le secteur d'un seul collège, 1 partagée entre plusieurs collèges, 1 divisée par rues"),
        "{text}"
    );
    assert!(
        text.contains("ajoutez le fichier des adresses (BAN)"),
        "{text}"
    );
    assert!(
        text.contains(
            "carte scolaire des collèges publics ← fr-en-carte-scolaire-colleges-publics.csv"
        ),
        "{text}"
    );
    assert!(text.contains("1 hors contrat écartés"), "{text}");
    assert!(
        text.contains("Dispersion de l'IPS entre les 2 collèges publics (estimé)"),
        "{text}"
    );
    // the territory reads back: the département's three communes, the other one left out
    let (colleges, indices) = common::indicators_json(out.as_os_str(), None);
    assert_eq!(colleges.as_array().unwrap().len(), 3, "{colleges}");
    // the IPS spread is there; H is unknown without social groups
    assert!(
        indices["ips_spread"]["spread"].as_f64().unwrap() > 0.0,
        "{indices}"
    );
    assert!(indices["entropy"].is_null(), "{indices}");

    // without école headcounts, each public collège's headcount is spread over its sector by
    // area, and said so
    let no_ecoles = dir.join("sans-ecoles");
    std::fs::create_dir_all(&no_ecoles).unwrap();
    for f in std::fs::read_dir(&dir).unwrap() {
        let p = f.unwrap().path();
        if p.is_file() && !p.to_string_lossy().contains("ecoles-effectifs") {
            std::fs::copy(&p, no_ecoles.join(p.file_name().unwrap())).unwrap();
        }
    }
    let o = import_departement(&no_ecoles, &[], &dir.join("t-surface"));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{text}");
    assert!(
        text.contains(
            "l'effectif publié de chaque collège public réparti sur son secteur selon la surface"
        ),
        "{text}"
    );
    let (colleges, _) = common::indicators_json(dir.join("t-surface").as_os_str(), None);
    // the two public collèges' published 400 and 300 pupils, spread and gathered back
    let public: f64 = colleges
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["sector"] == "public")
        .map(|c| c["indicators"]["pupils"].as_f64().unwrap())
        .sum();
    assert!((public - 700.0).abs() < 1e-6, "{public}");
    std::fs::remove_dir_all(&no_ecoles).ok();

    // with INSEE's census table per IRIS, the communes get social groups: H is known
    common::small_census(&dir.join("base-ic-evol-struct-pop-2019.csv"));
    let o = import_departement(&dir, &[], &dir.join("t-census"));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{text}");
    assert!(
        text.contains("recensement de l'INSEE ← base-ic-evol-struct-pop-2019.csv"),
        "{text}"
    );
    let (_, indices) = common::indicators_json(dir.join("t-census").as_os_str(), None);
    let h = indices["entropy"]["h"].as_f64().unwrap();
    assert!(h > 0.0 && h < 1.0, "{indices}");
    std::fs::remove_file(dir.join("base-ic-evol-struct-pop-2019.csv")).unwrap();

    // with the BAN's addresses the commune divided by streets is split by them
    common::small_ban(&dir.join("adresses-99.csv"));
    let carte_path = dir.join("carte.csv");
    let o = import_departement(
        &dir,
        &["--code", "99", "--carte-out", carte_path.to_str().unwrap()],
        &out,
    );
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{text}");
    assert!(text.contains("(1 répartie selon ses adresses)"), "{text}");
    assert!(text.contains("Impasse des Lilas (1)"), "{text}");
    let carte = std::fs::read_to_string(dir.join("carte.csv")).unwrap();
    assert!(carte.starts_with("code_departement;code_insee;"), "{carte}");
    // the shared commune lists both collèges; the commune divided by streets keeps its rows
    assert_eq!(carte.matches(";99002;").count(), 2, "{carte}");
    assert!(
        carte.contains("099;99003;Bourg;RUE ST MELAINE;1;9999;I;0990001A;N\n"),
        "{carte}"
    );
    // the rows travel with the territory: `export` writes the same annex from the folder
    let o = bin()
        .arg("export")
        .arg(&out)
        .arg("--carte-scolaire")
        .arg(dir.join("carte2.csv"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.join("carte2.csv")).unwrap(),
        carte
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn an_unusable_departement_is_an_error_in_one_sentence() {
    let dir = std::env::temp_dir().join(format!("cm-cli-dep-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("notes.txt"), "rien à voir\n").unwrap();
    std::fs::write(dir.join("IRIS.dbf"), "x").unwrap();
    let o = import_departement(&dir, &[], &dir.join("t"));
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("aucun contour de commune ni d'IRIS"), "{err}");
    assert!(err.contains("ouvrez le .shp"), "{err}");
    assert!(err.contains("ce n'est pas un tableau"), "{err}");
    // an option that names a column no file has is an error too
    common::small_departement(&dir);
    let o = import_departement(
        &dir,
        &["--college-uai", "Numero_UAI_inexistant"],
        &dir.join("t"),
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("Numero_UAI_inexistant"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn output_cut_short_by_a_closed_pipe_is_no_crash() {
    use std::io::Read;
    // a table of 20,000 columns: `check` lists them, far more than a pipe holds
    let dir = std::env::temp_dir().join(format!("cm-cli-pipe-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let header: Vec<String> = (0..20_000).map(|i| format!("colonne_{i}")).collect();
    let row: Vec<&str> = (0..20_000).map(|_| "1").collect();
    std::fs::write(
        dir.join("large.csv"),
        format!("{}\n{}\n", header.join(";"), row.join(";")),
    )
    .unwrap();
    let mut child = bin()
        .arg("check")
        .arg(dir.join("large.csv"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 8];
    child
        .stdout
        .as_mut()
        .unwrap()
        .read_exact(&mut first)
        .unwrap();
    // the reader goes away, as `| head -c 8` does
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(0),
        "a closed pipe made it fail: {status}"
    );
}

#[test]
fn a_sector_file_keyed_by_college_name_joins_and_lists_the_likely_matches() {
    let dir = std::env::temp_dir().join(format!("cm-cli-names-{}", std::process::id()));
    small_open_data(&dir);
    // the sectors name their collège in capitals, one with a typo, as a city's file does
    let rect = |y0: f64, y1: f64| {
        format!("[[[704000,{y0}],[705000,{y0}],[705000,{y1}],[704000,{y1}],[704000,{y0}]]]")
    };
    let sectors = [
        ("COLLEGE NORD", rect(7_059_000.0, 7_059_500.0)),
        ("COLLEGE SSUD", rect(7_059_500.0, 7_060_000.0)),
    ]
    .iter()
    .map(|(name, ring)| {
        format!(
            r#"{{"type":"Feature","properties":{{"NOM_COLLEGE":"{name}"}},"geometry":{{"type":"Polygon","coordinates":{ring}}}}}"#
        )
    })
    .collect::<Vec<_>>()
    .join(",");
    std::fs::write(
        dir.join("secteurs.geojson"),
        format!(
            r#"{{"type":"FeatureCollection","crs":{{"type":"name","properties":{{"name":"urn:ogc:def:crs:EPSG::2154"}}}},"features":[{sectors}]}}"#
        ),
    )
    .unwrap();
    let run = |extra: &[&std::ffi::OsStr]| {
        bin()
            .args(["import", "--name", "Noms"])
            .arg("--units")
            .arg(dir.join("iris.geojson"))
            .arg("--colleges")
            .arg(dir.join("colleges.csv"))
            .arg("--sectors")
            .arg(dir.join("secteurs.geojson"))
            .args(["--sector-uai", "NOM_COLLEGE", "--out"])
            .arg(dir.join("t"))
            .args(extra)
            .output()
            .unwrap()
    };
    let matches = dir.join("correspondances.csv");
    let o = run(&["--name-matches-out".as_ref(), matches.as_os_str()]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // the exact name joined silently, the typo joined and said, for the user to confirm
    assert!(
        text.contains("« COLLEGE SSUD » → Collège Sud (0590002B)"),
        "{text}"
    );
    assert!(!text.contains("« COLLEGE NORD »"), "{text}");
    let (colleges, _) = common::indicators_json(dir.join("t").as_os_str(), None);
    assert_eq!(
        colleges[1]["indicators"]["pupils"].as_f64(),
        Some(30.0 + 35.0)
    );
    // the user overrules a match in the CSV and gives it back: Ssud is Nord after all
    let written = std::fs::read_to_string(&matches).unwrap();
    assert!(
        written.starts_with("nom;uai;college;ressemblance"),
        "{written}"
    );
    std::fs::write(&matches, written.replace(";0590002B;", ";0590001A;")).unwrap();
    let o = run(&["--name-matches".as_ref(), matches.as_os_str()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let (colleges, _) = common::indicators_json(dir.join("t").as_os_str(), None);
    assert_eq!(
        colleges[0]["indicators"]["pupils"].as_f64(),
        Some(20.0 + 25.0 + 30.0 + 35.0)
    );
    // a column named by the user that does not exist is an error
    let o = bin()
        .args([
            "import",
            "--name",
            "X",
            "--unit-pupils",
            "ELEVES_INEXISTANTS",
        ])
        .arg("--units")
        .arg(dir.join("iris.geojson"))
        .arg("--colleges")
        .arg(dir.join("colleges.csv"))
        .arg("--out")
        .arg(dir.join("t2"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("ELEVES_INEXISTANTS"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_portals_newer_exports_place_colleges_from_lambert_93() {
    // the directory without coordinates, and the newer geolocation export: lower-case columns,
    // `numero_uai`, `nature_uai_libe`, positions only as Lambert-93 X/Y with their EPSG
    let dir = std::env::temp_dir().join(format!("cm-cli-dep-new-{}", std::process::id()));
    common::small_departement(&dir);
    let annuaire = std::fs::read_to_string(dir.join("fr-en-annuaire-education.csv")).unwrap();
    let without_coordinates: String = annuaire
        .lines()
        .map(|l| l.rsplitn(4, ';').last().unwrap_or(l).to_string() + ";OUVERT\n")
        .collect::<String>()
        .replacen(";OUVERT\n", ";etat\n", 1);
    std::fs::write(
        dir.join("fr-en-annuaire-education.csv"),
        without_coordinates,
    )
    .unwrap();
    std::fs::write(
        dir.join("fr-en-adresse-et-geolocalisation-etablissements-premier-et-second-degre.csv"),
        "numero_uai;appellation_officielle;secteur_public_prive_libe;coordonnee_x;coordonnee_y;epsg;nature_uai_libe;etat_etablissement_libe;code_commune\n\
         0990001A;Collège Jean Moulin;Public;351961.7;6790275.8;EPSG:2154;COLLEGE;OUVERT;99001\n\
         0990002B;Collège Louise Michel;Public;359390.0;6789839.7;EPSG:2154;COLLEGE;OUVERT;99003\n\
         0990003C;Collège Saint-Joseph;Privé;355675.8;6790056.6;EPSG:2154;COLLEGE;OUVERT;99002\n",
    )
    .unwrap();
    let out = dir.join("territoire");
    let o = import_departement(&dir, &[], &out);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        text.contains("géolocalisation des établissements ←"),
        "{text}"
    );
    let colleges = std::fs::read_to_string(out.join("colleges.geojson")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&colleges).unwrap();
    let jean_moulin = v["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["uai"] == "0990001A")
        .unwrap();
    let xy = &jean_moulin["geometry"]["coordinates"];
    let (lon, lat) = (xy[0].as_f64().unwrap(), xy[1].as_f64().unwrap());
    // (351961.7, 6790275.8) in Lambert-93 is (-1.68, 48.12)
    assert!(
        (lon + 1.68).abs() < 1e-5 && (lat - 48.12).abs() < 1e-5,
        "{lon} {lat}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_program_says_its_version_and_writes_the_demo_as_a_project_to_send() {
    let out = bin().arg("--version").output().unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("carte-mixite {}", env!("CARGO_PKG_VERSION"))
    );
    let dir = std::env::temp_dir().join(format!("cm-demo-project-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("reunion.cartemixite");
    let out = bin()
        .args(["generate-demo", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin()
        .args(["indicators", file.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_project_given_alone_is_what_the_window_opens_and_commands_stay_commands() {
    use carte_mixite::cli::{Lang, file_to_open};
    let args = |a: &[&str]| -> Vec<String> {
        std::iter::once("carte-mixite")
            .chain(a.iter().copied())
            .map(String::from)
            .collect()
    };
    assert_eq!(
        file_to_open(&args(&["maps/demo"])),
        Some(("maps/demo".to_string(), Lang::Fr))
    );
    assert_eq!(
        file_to_open(&args(&["--lang", "en", "maps/demo"])),
        Some(("maps/demo".to_string(), Lang::En))
    );
    assert_eq!(file_to_open(&args(&["indicators", "demo"])), None);
    assert_eq!(file_to_open(&args(&["open"])), None);
    assert_eq!(file_to_open(&args(&["no-such-file.cartemixite"])), None);
    assert_eq!(file_to_open(&args(&["--help"])), None);
    assert_eq!(file_to_open(&args(&[])), None);
}

#[test]
fn the_frontier_gives_one_line_per_cap_and_never_rises() {
    let out = bin()
        .args([
            "--lang",
            "en",
            "assist",
            "demo",
            "--index",
            "boursiers",
            "--frontier",
            "300,100,200",
            "--seconds",
            "0.2",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<Vec<f64>> = text
        .lines()
        .filter_map(|l| {
            let v: Vec<f64> = l
                .split_whitespace()
                .map(|w| w.replace(',', "").parse::<f64>())
                .collect::<Result<_, _>>()
                .ok()?;
            (v.len() == 3).then_some(v)
        })
        .collect();
    assert_eq!(rows.len(), 3, "{text}");
    assert_eq!(
        rows.iter().map(|r| r[0]).collect::<Vec<_>>(),
        vec![100.0, 200.0, 300.0]
    );
    for w in rows.windows(2) {
        assert!(w[1][2] <= w[0][2], "{text}");
    }
    for r in &rows {
        assert!(r[1] <= r[0], "{text}");
    }
}
