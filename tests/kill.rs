//! Saves killed at random moments: a child process writes a project file, a territory folder
//! and a shapefile export over and over, alternating two versions, and is killed with SIGKILL
//! at a random moment; after what the next start does (finishing or removing what the save
//! left), every destination must be one version or the other, complete, never a mix.
//!
//! The child is this test binary itself, started again with `CM_KILL_CHILD` set. The number of
//! kills is 40, or `CARTE_MIXITE_KILLS`. The moments are spread over twice the time a first
//! child takes to write both versions, measured first, so that a loaded machine (a slower
//! child) still sees kills during every write.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use carte_mixite::io::export::write_sectors_shapefile;
use carte_mixite::io::project::{read_project, write_project};
use carte_mixite::io::territory_files::{embedded_demo, read_territory_dir, write_territory_dir};
use carte_mixite::metrics::MetricsConfig;
use carte_mixite::model::{Assignment, CollegeId, Document, Edit, Scenario, Territory, UnitId};

/// The two versions: the demo's baseline, and a scenario moving a tenth of its blocks.
fn versions() -> (Territory, [Scenario; 2]) {
    let (t, baseline) = embedded_demo().unwrap();
    let moves = (0..t.units().len())
        .step_by(10)
        .map(|u| {
            let c = CollegeId((u % t.colleges().len()) as u32);
            (UnitId(u as u32), Assignment::College(c))
        })
        .collect();
    let t = std::sync::Arc::new(t);
    let mut doc = Document::new(t.clone(), baseline.clone(), MetricsConfig::default());
    let added = doc.add_scenario(baseline.derive("Version B"));
    let _ = doc.switch_to(added);
    doc.apply(Edit::Assign(moves)).unwrap();
    let mut other = doc.active().scenario.clone();
    other.meta.name = "Version B".into();
    let mut a = baseline;
    a.meta.name = "Version A".into();
    (std::sync::Arc::unwrap_or_clone(t), [a, other])
}

fn write_version(t: &Territory, s: &Scenario, dir: &Path) {
    let config = MetricsConfig::default();
    write_project(
        &dir.join("projet.cartemixite"),
        t,
        s,
        &[],
        0,
        &config,
        &Default::default(),
    )
    .unwrap();
    write_territory_dir(&dir.join("territoire"), t, s).unwrap();
    write_sectors_shapefile(&dir.join("export").join("secteurs.shp"), t, s, config).unwrap();
}

const SHAPEFILE_PARTS: [&str; 5] = ["shp", "shx", "dbf", "prj", "cpg"];

fn shapefile_bytes(dir: &Path) -> Vec<Option<Vec<u8>>> {
    SHAPEFILE_PARTS
        .iter()
        .map(|e| std::fs::read(dir.join("export").join(format!("secteurs.{e}"))).ok())
        .collect()
}

/// The child: writes the two versions in turn until it is killed (started by the test below,
/// never on its own).
#[test]
#[ignore = "the kill test's child process, started by it"]
fn kill_child_writes_forever() {
    let dir = std::env::var_os("CM_KILL_CHILD").expect("started by the kill test");
    let dir = PathBuf::from(dir);
    let (t, versions) = versions();
    for k in 0.. {
        write_version(&t, &versions[k % 2], &dir);
    }
}

#[test]
fn a_save_killed_at_any_moment_leaves_the_old_files_or_the_new_ones() {
    let kills: usize = std::env::var("CARTE_MIXITE_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let root = std::env::temp_dir().join(format!("cm-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (t, versions) = versions();
    // the two versions as written whole, to compare with
    let reference: Vec<Vec<Option<Vec<u8>>>> = versions
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let d = root.join(format!("reference-{k}"));
            std::fs::create_dir_all(d.join("export")).unwrap();
            write_version(&t, s, &d);
            shapefile_bytes(&d)
        })
        .collect();
    let dir = root.join("work");
    std::fs::create_dir_all(dir.join("export")).unwrap();
    write_version(&t, &versions[0], &dir);
    let exe = std::env::current_exe().unwrap();
    let spawn_child = || {
        Command::new(&exe)
            .args([
                "kill_child_writes_forever",
                "--exact",
                "--ignored",
                "--nocapture",
            ])
            .env("CM_KILL_CHILD", &dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    // how long the child takes, on this machine and its load, to start and to write version A
    // then version B whole: the kills are spread over twice that
    let started = std::time::Instant::now();
    let mut child = spawn_child();
    while shapefile_bytes(&dir) != reference[1] {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the child wrote no version B in two minutes"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let cycle = started.elapsed();
    child.kill().unwrap();
    child.wait().unwrap();
    carte_mixite::io::remove_leftover_temporaries(&dir);
    carte_mixite::io::remove_leftover_temporaries(&dir.join("export"));
    write_version(&t, &versions[0], &dir);
    // a simple generator of delays, the same every run
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut damaged = Vec::new();
    let mut seen = [[0usize; 2]; 3];
    for kill in 0..kills {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let delay = cycle.mul_f64(0.05 + 2.0 * ((seed >> 33) % 1000) as f64 / 1000.0);
        let mut child = spawn_child();
        std::thread::sleep(delay);
        child.kill().unwrap();
        child.wait().unwrap();

        // what the next start does
        carte_mixite::io::remove_leftover_temporaries(&dir);
        carte_mixite::io::remove_leftover_temporaries(&dir.join("export"));

        let name_of = |s: &Scenario| {
            versions
                .iter()
                .position(|v| v.meta.name == s.meta.name && v.changed_units(s).count() == 0)
        };
        match read_project(&dir.join("projet.cartemixite")) {
            Ok(p) => match name_of(&p.baseline) {
                Some(v) => seen[0][v] += 1,
                None => damaged.push(format!("kill {kill}: the project holds neither version")),
            },
            Err(e) => damaged.push(format!("kill {kill}: project unreadable: {e}")),
        }
        match read_territory_dir(&dir.join("territoire")) {
            Ok((_, b)) => match name_of(&b) {
                Some(v) => seen[1][v] += 1,
                None => damaged.push(format!("kill {kill}: the folder holds neither version")),
            },
            Err(e) => damaged.push(format!("kill {kill}: folder refused: {e}")),
        }
        let shp = shapefile_bytes(&dir);
        match reference.iter().position(|r| *r == shp) {
            Some(v) => seen[2][v] += 1,
            None => damaged.push(format!("kill {kill}: the shapefile mixes versions")),
        }
    }
    eprintln!(
        "{kills} kills over 0.05-2.05 times a cycle of {cycle:?}; versions found (A, B): \
         project {:?}, folder {:?}, shapefile {:?}",
        seen[0], seen[1], seen[2]
    );
    let _ = std::fs::remove_dir_all(&root);
    assert!(damaged.is_empty(), "{}", damaged.join("\n"));
    // the kills landed while each destination was being rewritten, not only before
    for (what, s) in ["project", "folder", "shapefile"].iter().zip(seen) {
        assert!(
            s[1] > 0,
            "{what}: the child never got to write version B: {s:?}"
        );
    }
}
