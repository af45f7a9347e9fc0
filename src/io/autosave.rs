//! Autosave: the session's scenarios, with their undo history, are written about a second
//! after a change (by a background thread, atomically), so that a crash or a closed laptop
//! never loses a meeting's work. At the next start on the same territory the app offers to
//! bring them back. While that offer is unanswered, the new session's work is autosaved apart
//! ([`side_path`]), so that a second crash loses neither.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::territory_files::{parse_scenario, scenario_to_json};
use crate::model::{History, Scenario, Territory};

/// Format name of autosave files.
pub const AUTOSAVE_FORMAT: &str = "carte-mixite/autosave";

#[derive(Serialize, Deserialize)]
struct AutosaveFile {
    format: String,
    version: u32,
    territory: String,
    unit_count: usize,
    saved_at: DateTime<Utc>,
    active: usize,
    scenarios: Vec<Value>,
    /// Collèges added during the session (new, rebuilt, merged): not in the territory's files.
    #[serde(default)]
    planned_colleges: Vec<PlannedCollege>,
    /// The room's remarks and frozen figures, as the project file keeps them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    meeting_record: Option<Value>,
    /// Each scenario's undo history, in the order of `scenarios` (units and collèges by
    /// position: the file is only read back on the same territory).
    #[serde(default)]
    histories: Vec<Value>,
}

/// A collège added during a session, as autosaved.
#[derive(Serialize, Deserialize)]
struct PlannedCollege {
    uai: String,
    name: String,
    short_name: String,
    lon: f64,
    lat: f64,
    capacity_pupils: Option<f64>,
    capacity_6e_classes: Option<u32>,
    rep: crate::model::Rep,
}

/// Scenarios found in an autosave.
#[derive(Debug, Clone)]
pub struct Recovered {
    /// When they were saved.
    pub saved_at: DateTime<Utc>,
    /// The scenarios (the baseline is not saved: it comes with the territory).
    pub scenarios: Vec<Scenario>,
    /// Their undo histories, in the same order (empty where none was saved).
    pub histories: Vec<History>,
    /// The autosave files it was read from (removed once the user has answered).
    pub sources: Vec<PathBuf>,
    /// Which of them was shown (1 = the first saved scenario; 0 = the baseline).
    pub active: usize,
    /// Collèges added during that session, to add to the territory (in this order) before
    /// the scenarios.
    pub planned: Vec<crate::model::College>,
    /// The room's remarks and frozen figures of that session (as the project file keeps them).
    pub record: Option<Value>,
}

/// Where autosaves live: `$CARTE_MIXITE_DATA_DIR`, or the user's data folder.
pub fn autosave_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("CARTE_MIXITE_DATA_DIR") {
        return PathBuf::from(d).join("autosave");
    }
    // the system's folder for an application's data: ~/.local/share/carte-mixite on Linux
    // (XDG), the roaming AppData on Windows, Application Support on macOS
    directories::ProjectDirs::from("", "", "carte-mixite")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("carte-mixite"))
        .join("autosave")
}

/// The autosave file of a territory (named after it, so that each territory has its own).
pub fn autosave_path(dir: &Path, territory: &Territory) -> PathBuf {
    let name: String = territory
        .info
        .name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    dir.join(format!("{name}-{}.json", territory.units().len()))
}

/// The autosave text of the scenarios after the baseline, with the collèges `planned` during
/// the session (those not in the territory's files) and the meeting `record` (as the project
/// file keeps it).
pub fn autosave_text(
    territory: &Territory,
    scenarios: &[&Scenario],
    histories: &[&History],
    active: usize,
    planned: &[crate::model::CollegeId],
    record: Option<Value>,
) -> String {
    let file = AutosaveFile {
        histories: histories
            .iter()
            .map(|h| serde_json::to_value(h.closed()).unwrap_or(Value::Null))
            .collect(),
        meeting_record: record,
        planned_colleges: planned
            .iter()
            .map(|&c| {
                let k = territory.college(c);
                PlannedCollege {
                    uai: k.uai.clone(),
                    name: k.name.clone(),
                    short_name: k.short_name.clone(),
                    lon: k.location.x(),
                    lat: k.location.y(),
                    capacity_pupils: k.capacity_pupils,
                    capacity_6e_classes: k.capacity_6e_classes,
                    rep: k.rep,
                }
            })
            .collect(),
        format: AUTOSAVE_FORMAT.into(),
        version: 1,
        territory: territory.info.name.clone(),
        unit_count: territory.units().len(),
        saved_at: Utc::now(),
        active,
        scenarios: scenarios
            .iter()
            .filter_map(|s| serde_json::from_str(&scenario_to_json(s, territory)).ok())
            .collect(),
    };
    serde_json::to_string(&file).unwrap_or_default()
}

/// Reads an autosave for this territory. A missing file is no recovery; a file for another
/// territory or a damaged one is ignored too (the app starts clean rather than failing).
pub fn read_autosave(path: &Path, territory: &Territory) -> Option<Recovered> {
    let text = std::fs::read_to_string(path).ok()?;
    let file: AutosaveFile = serde_json::from_str(&text).ok()?;
    if file.format != AUTOSAVE_FORMAT
        || file.territory != territory.info.name
        || file.unit_count != territory.units().len()
    {
        return None;
    }
    let mut extended = territory.clone();
    let mut planned = Vec::new();
    for p in file.planned_colleges {
        let c = crate::model::College {
            uai: p.uai,
            name: p.name,
            short_name: p.short_name,
            location: geo::Point::new(p.lon, p.lat),
            sector: crate::model::Sector::Public,
            capacity_pupils: p.capacity_pupils,
            capacity_6e_classes: p.capacity_6e_classes,
            rep: p.rep,
            observed_ips: None,
            observed_pupils: None,
            own_intake: None,
        };
        if let Ok(t) = extended.with_added_college(c.clone()) {
            extended = t;
            planned.push(c);
        }
    }
    let (mut scenarios, mut histories) = (Vec::new(), Vec::new());
    for (k, v) in file.scenarios.iter().enumerate() {
        let Ok((s, _)) = parse_scenario(&v.to_string(), path, &extended) else {
            continue;
        };
        let history = file
            .histories
            .get(k)
            .and_then(|h| serde_json::from_value::<History>(h.clone()).ok())
            .filter(|h| h.fits(extended.units().len(), extended.colleges().len()))
            .unwrap_or_default();
        scenarios.push(s);
        histories.push(history);
    }
    // remarks alone are work too
    if scenarios.is_empty() && file.meeting_record.is_none() {
        return None;
    }
    Some(Recovered {
        saved_at: file.saved_at,
        active: file.active.min(scenarios.len()),
        scenarios,
        histories,
        sources: vec![path.to_path_buf()],
        planned,
        record: file.meeting_record,
    })
}

/// Where a session autosaves while the offer of the autosave at `main` is unanswered: the
/// first of `NAME.meanwhile-1.json`, `NAME.meanwhile-2.json`… that does not exist yet, so that
/// the work being offered and the work done meanwhile are never written over each other.
pub fn side_path(main: &Path) -> PathBuf {
    let stem = main
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (1..)
        .map(|n| main.with_file_name(format!("{stem}.meanwhile-{n}.json")))
        .find(|p| !p.exists())
        .unwrap_or_else(|| main.with_file_name(format!("{stem}.meanwhile.json")))
}

/// The autosaves of earlier sessions made while a recovery was pending, oldest first.
fn side_paths(main: &Path) -> Vec<PathBuf> {
    let stem = main
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut found: Vec<(u64, PathBuf)> = main
        .parent()
        .and_then(|d| std::fs::read_dir(d).ok())
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let n = name
                .strip_prefix(&format!("{stem}.meanwhile-"))?
                .strip_suffix(".json")?
                .parse()
                .ok()?;
            Some((n, e.path()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// Everything autosaved for this territory: the main autosave and those made while its offer
/// was pending, in one offer (a scenario saved twice alike is offered once).
pub fn read_autosaves(main: &Path, territory: &Territory) -> Option<Recovered> {
    let mut all: Option<Recovered> = None;
    for path in std::iter::once(main.to_path_buf()).chain(side_paths(main)) {
        let Some(r) = read_autosave(&path, territory) else {
            if path != main {
                // unreadable or empty: nothing in it to keep
                let _ = std::fs::remove_file(&path);
            }
            continue;
        };
        let Some(a) = &mut all else {
            all = Some(r);
            continue;
        };
        a.sources.extend(r.sources);
        a.saved_at = a.saved_at.max(r.saved_at);
        for c in r.planned {
            if !a.planned.iter().any(|p| p.uai == c.uai) {
                a.planned.push(c);
            }
        }
        let mut active = a.active;
        for (k, (s, h)) in r.scenarios.into_iter().zip(r.histories).enumerate() {
            let at = match a.scenarios.iter().position(|x| *x == s) {
                Some(i) => i,
                None => {
                    a.scenarios.push(s);
                    a.histories.push(h);
                    a.scenarios.len() - 1
                }
            };
            if k + 1 == r.active {
                active = at + 1;
            }
        }
        // the later session's choice wins, the baseline included
        a.active = if r.active == 0 { 0 } else { active };
        if r.record.is_some() {
            a.record = r.record;
        }
    }
    all
}

/// What the autosave holds, taken on the UI thread (clones, no serialization) and written on
/// the writer's thread.
pub struct Snapshot {
    /// The territory, with the collèges planned during the session.
    pub territory: std::sync::Arc<Territory>,
    /// The scenarios after the baseline.
    pub scenarios: Vec<Scenario>,
    /// Their undo histories.
    pub histories: Vec<History>,
    /// The scenario shown (0: the baseline).
    pub active: usize,
    /// Collèges planned during the session.
    pub planned: Vec<crate::model::CollegeId>,
    /// The meeting record, as the project file keeps it.
    pub record: Option<Value>,
}

impl Snapshot {
    /// The autosave's text.
    pub fn text(&self) -> String {
        let scenarios: Vec<&Scenario> = self.scenarios.iter().collect();
        let histories: Vec<&History> = self.histories.iter().collect();
        autosave_text(
            &self.territory,
            &scenarios,
            &histories,
            self.active,
            &self.planned,
            self.record.clone(),
        )
    }

    /// Writes it now (on closing: the writer's thread would not outlive the program).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        super::atomic_write(path, self.text().as_bytes())
    }
}

enum Job {
    Save(PathBuf, Box<Snapshot>),
    /// Files to remove once every save queued before is written.
    Remove(Vec<PathBuf>),
    /// Answered once every job queued before is done.
    Flush(std::sync::mpsc::Sender<()>),
}

/// A background writer: the UI thread hands it snapshots, it serializes and writes them
/// atomically, latest wins.
pub struct AutosaveWriter {
    tx: std::sync::mpsc::Sender<Job>,
}

impl AutosaveWriter {
    /// Starts the writer thread.
    pub fn start() -> Self {
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        std::thread::spawn(move || {
            while let Ok(first) = rx.recv() {
                // only the latest save matters; removals wait until it is written
                let mut save = None;
                let mut removals = Vec::new();
                let mut flushes = Vec::new();
                for job in std::iter::once(first).chain(rx.try_iter()) {
                    match job {
                        Job::Save(p, s) => save = Some((p, s)),
                        Job::Remove(v) => removals.extend(v),
                        Job::Flush(done) => flushes.push(done),
                    }
                }
                if let Some((path, snapshot)) = save {
                    let _ = snapshot.write(&path);
                }
                for p in removals {
                    let _ = std::fs::remove_file(p);
                }
                for done in flushes {
                    let _ = done.send(());
                }
            }
        });
        AutosaveWriter { tx }
    }

    /// Queues a save; never blocks.
    pub fn save(&self, path: PathBuf, snapshot: Snapshot) {
        let _ = self.tx.send(Job::Save(path, Box::new(snapshot)));
    }

    /// Queues a save and waits, at most `limit`, until it is written: on closing, so that a
    /// save still being written in the background cannot land after the last one. True when
    /// written in time.
    pub fn save_and_wait(&self, path: PathBuf, snapshot: Snapshot, limit: Duration) -> bool {
        let (done, written) = std::sync::mpsc::channel();
        self.save(path, snapshot);
        let _ = self.tx.send(Job::Flush(done));
        written.recv_timeout(limit).is_ok()
    }

    /// Queues the removal of files, after the saves queued before.
    pub fn remove(&self, paths: Vec<PathBuf>) {
        let _ = self.tx.send(Job::Remove(paths));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::demo_town;
    use crate::model::{Assignment, CollegeId, UnitId};

    #[test]
    fn scenarios_come_back_after_a_crash() {
        let town = demo_town(2026);
        let t = &town.territory;
        let mut s = town.baseline.derive("Essai");
        s.replace_assignment(UnitId(3), Assignment::College(CollegeId(3)));
        let dir = std::env::temp_dir().join(format!("cm-autosave-{}", std::process::id()));
        let path = autosave_path(&dir, t);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(&path, autosave_text(t, &[&s], &[], 1, &[], None)).unwrap();
        let r = read_autosave(&path, t).unwrap();
        assert_eq!(r.scenarios.len(), 1);
        assert_eq!(r.scenarios[0].meta.name, "Essai");
        assert_eq!(r.scenarios[0].assignments(), s.assignments());
        assert_eq!(r.active, 1);
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_college_opened_during_the_session_comes_back_with_its_blocks() {
        use crate::metrics::MetricsConfig;
        use crate::model::Document;
        let town = demo_town(2026);
        let t0 = std::sync::Arc::new(town.territory.clone());
        let mut d = Document::new(t0.clone(), town.baseline.clone(), MetricsConfig::default());
        d.new_scenario_from_active("Avec un collège neuf");
        let at = t0.unit(UnitId(9)).anchor;
        let n = crate::model::levers::open_new_college(&mut d, "Collège Neuf", at, Some(500.0))
            .unwrap();
        d.apply(crate::model::Edit::Assign(vec![(
            UnitId(9),
            Assignment::College(n),
        )]))
        .unwrap();
        let dir = std::env::temp_dir().join(format!("cm-autosave3-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.json");
        let text = autosave_text(
            d.territory(),
            &[&d.active().scenario],
            &[&d.active().history],
            1,
            &[n],
            None,
        );
        std::fs::write(&path, text).unwrap();
        // the next start reads the territory's files: twelve collèges
        let r = read_autosave(&path, &town.territory).unwrap();
        assert_eq!(r.planned.len(), 1);
        assert_eq!(r.planned[0].name, "Collège Neuf");
        assert_eq!(r.planned[0].location, at);
        assert_eq!(
            r.scenarios[0].assignment(UnitId(9)),
            &Assignment::College(n)
        );
        assert!(r.scenarios[0].is_college_open(n));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_damaged_or_foreign_autosave_is_ignored() {
        let town = demo_town(2026);
        let dir = std::env::temp_dir().join(format!("cm-autosave2-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.json");
        std::fs::write(&path, "{not json").unwrap();
        assert!(read_autosave(&path, &town.territory).is_none());
        assert!(read_autosave(&dir.join("missing.json"), &town.territory).is_none());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_save_waited_for_is_written_after_every_save_queued_before() {
        let town = demo_town(2026);
        let territory = std::sync::Arc::new(town.territory.clone());
        let snapshot = |name: &str| {
            let mut s = town.baseline.derive(name);
            s.replace_assignment(UnitId(3), Assignment::College(CollegeId(3)));
            Snapshot {
                territory: territory.clone(),
                scenarios: vec![s],
                histories: vec![History::default()],
                active: 1,
                planned: vec![],
                record: None,
            }
        };
        let dir = std::env::temp_dir().join(format!("cm-autosave-wait-{}", std::process::id()));
        let path = autosave_path(&dir, &town.territory);
        let writer = AutosaveWriter::start();
        for i in 0..20 {
            writer.save(path.clone(), snapshot(&format!("En cours {i}")));
        }
        assert!(writer.save_and_wait(path.clone(), snapshot("Dernier"), Duration::from_secs(30)));
        let r = read_autosave(&path, &town.territory).unwrap();
        assert_eq!(r.scenarios[0].meta.name, "Dernier");
        std::fs::remove_dir_all(&dir).ok();
    }
}
