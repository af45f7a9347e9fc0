//! The inputs the fuzzers kept (`fuzz/regressions/<target>.zip`, written by `fuzz/run-all`: the
//! corpus each grew, minimized, and every crash once fixed), read again by the same readers as
//! the fuzz targets: each is read or refused, never a panic.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]

use std::path::Path;

/// The inputs kept for a target, each with its name in the archive.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(format!("{target}.zip"));
    let Ok(file) = std::fs::File::open(&path) else {
        return Vec::new();
    };
    let mut archive = zip::ZipArchive::new(file).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut entry = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
            let name = entry.name().map(|n| n.into_owned()).unwrap_or_default();
            (format!("{}/{name}", path.display()), bytes)
        })
        .collect()
}

fn each(target: &str, read: impl Fn(&[u8])) -> usize {
    let files = inputs(target);
    for (name, bytes) in &files {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(bytes)));
        assert!(outcome.is_ok(), "{name} panics");
    }
    files.len()
}

#[test]
fn every_input_the_fuzzers_kept_is_read_or_refused_without_a_panic() {
    use carte_mixite::io::layer::read_layer_bytes;
    let mut counts = Vec::new();
    for (target, name) in [
        ("geojson", "fuzz.geojson"),
        ("csv", "fuzz.csv"),
        ("shapefile", "fuzz.shp"),
        ("zip", "fuzz.zip"),
    ] {
        let n = each(target, |b| {
            let (layer, report) = read_layer_bytes(name, b);
            match layer {
                Some(l) => {
                    let _ = carte_mixite::io::import::validate_areas(&l);
                }
                None => assert!(report.has_fatal(), "refused without a reason"),
            }
        });
        counts.push((target, n));
    }
    let n = each("prj", |b| {
        if let Some(c) = carte_mixite::io::layer::converter_of(&String::from_utf8_lossy(b)) {
            let _ = c.convert(650_000.0, 6_860_000.0);
        }
    });
    counts.push(("prj", n));
    for (target, name) in [("osm_xml", "fuzz.osm"), ("osm_pbf", "fuzz.osm.pbf")] {
        let n = each(target, |b| {
            let _ = carte_mixite::routing::StreetNetwork::read_bytes(name, b);
            let _ = carte_mixite::routing::StreetNetwork::read_bytes("fuzz.osm.gz", b);
        });
        counts.push((target, n));
    }
    let n = each("project", |b| {
        let text = String::from_utf8_lossy(b);
        if let Err(e) =
            carte_mixite::io::project::parse_project(&text, Path::new("fuzz.cartemixite"))
        {
            let _ = carte_mixite::i18n::load::load_error(carte_mixite::i18n::Lang::Fr, &e);
        }
    });
    counts.push(("project", n));
    let demo = carte_mixite::io::territory_files::embedded_demo()
        .unwrap()
        .0;
    let n = each("scenario", |b| {
        let _ = carte_mixite::io::territory_files::parse_scenario(
            &String::from_utf8_lossy(b),
            Path::new("fuzz.json"),
            &demo,
        );
    });
    counts.push(("scenario", n));
    let scratch = std::env::temp_dir().join(format!("cm-fuzz-{}.mbtiles", std::process::id()));
    let n = each("mbtiles", |b| {
        std::fs::write(&scratch, b).unwrap();
        let _ = carte_mixite::ui::basemap::mbtiles_info(&scratch);
    });
    let _ = std::fs::remove_file(&scratch);
    counts.push(("mbtiles", n));
    eprintln!("{counts:?}");
}
