//! Files shared by several test binaries.
#![allow(dead_code, clippy::unwrap_used, reason = "test helpers")]

/// A small territory in files, as a département would export it: 2×2 square blocks in
/// Lambert-93 (declared), a collège table in CSV with latin-1 text and decimal commas.
pub fn small_open_data(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    let square = |x: f64, y: f64| {
        format!(
            "[[[{x},{y}],[{},{y}],[{},{}],[{x},{}],[{x},{y}]]]",
            x + 500.0,
            x + 500.0,
            y + 500.0,
            y + 500.0
        )
    };
    let mut features = Vec::new();
    for (k, (x, y)) in [(0.0, 0.0), (500.0, 0.0), (0.0, 500.0), (500.0, 500.0)]
        .iter()
        .enumerate()
    {
        features.push(format!(
            r#"{{"type":"Feature","properties":{{"CODE_IRIS":"59000000{k}","NOM_IRIS":"Îlot {k}","NB_COLLEGIENS":{},"college":"{}","ecole":"{}"}},"geometry":{{"type":"Polygon","coordinates":{}}}}}"#,
            20 + k * 5,
            if k < 2 { "0590001A" } else { "0590002B" },
            // the first two blocks are one école's catchment, the last has none
            ["École des Lilas", "École des Lilas", "École Pasteur", ""][k],
            square(704_000.0 + x, 7_059_000.0 + y)
        ));
    }
    std::fs::write(
        dir.join("iris.geojson"),
        format!(
            r#"{{"type":"FeatureCollection","crs":{{"type":"name","properties":{{"name":"urn:ogc:def:crs:EPSG::2154"}}}},"features":[{}]}}"#,
            features.join(",")
        ),
    )
    .unwrap();
    let mut csv = b"UAI;Nom;Secteur;IPS;longitude;latitude\n".to_vec();
    csv.extend_from_slice(b"0590001A;Coll\xe8ge Nord;public;98,5;3,06;50,64\n");
    csv.extend_from_slice(b"0590002B;Coll\xe8ge Sud;public;112,0;3,07;50,65\n");
    std::fs::write(dir.join("colleges.csv"), csv).unwrap();
}

/// `carte-mixite indicators TERRITORY --format json [--scenario S]`: the collèges and the
/// territory indices, after checking the command succeeded.
pub fn indicators_json(
    territory: &std::ffi::OsStr,
    scenario: Option<&std::path::Path>,
) -> (serde_json::Value, serde_json::Value) {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_carte-mixite"));
    c.arg("indicators")
        .arg(territory)
        .args(["--format", "json"]);
    if let Some(s) = scenario {
        c.arg("--scenario").arg(s);
    }
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    (v["colleges"].clone(), v["indices"].clone())
}
