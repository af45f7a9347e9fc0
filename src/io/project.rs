//! The project file: a territory and all its scenarios in one file a parent can email
//! (`.cartemixite`, JSON inside). It carries a format version; fields this version does not know
//! (written by a newer one) are kept and written back unchanged.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::territory_files::{
    FORMAT_VERSION, Invalid, LoadError, ScenarioWarning, TerritoryTexts, parse_scenario,
    parse_territory_reporting, scenario_to_json, territory_texts,
};
use crate::metrics::MetricsConfig;
use crate::model::{Scenario, Territory};

/// The extension of project files.
pub const PROJECT_EXTENSION: &str = "cartemixite";

/// The `format` field of project files.
pub const PROJECT_FORMAT: &str = "carte-mixite-project";

#[derive(Serialize, Deserialize)]
struct ProjectFile {
    format: String,
    version: u32,
    /// The territory folder's files, each as the JSON it holds.
    territory: Map<String, Value>,
    /// Scenarios after the baseline.
    #[serde(default)]
    scenarios: Vec<Value>,
    /// Index of the scenario shown when saved (0: the baseline).
    #[serde(default)]
    active: usize,
    /// The indicators' settings (walking speed and threshold, detour factor, mixing rule).
    #[serde(default)]
    settings: Option<MetricsConfig>,
    /// Anything a newer version wrote.
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// A project as read.
#[derive(Debug)]
pub struct Project {
    /// The territory.
    pub territory: Territory,
    /// Its baseline.
    pub baseline: Scenario,
    /// The other scenarios.
    pub scenarios: Vec<Scenario>,
    /// The scenario shown when saved (0: the baseline, 1: the first of `scenarios`...).
    pub active: usize,
    /// The indicators' settings saved with it (older projects have none: the defaults).
    pub settings: Option<MetricsConfig>,
    /// Fields this version does not know, kept for the next save.
    pub extra: Map<String, Value>,
    /// What the scenarios named that the territory lacks (skipped), by scenario name.
    pub warnings: Vec<(String, ScenarioWarning)>,
}

/// True when a path names a project file.
pub fn is_project_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(PROJECT_EXTENSION))
}

/// The text of a project file.
pub fn project_text(
    territory: &Territory,
    baseline: &Scenario,
    scenarios: &[&Scenario],
    active: usize,
    settings: &MetricsConfig,
    extra: &Map<String, Value>,
) -> String {
    let files = territory_texts(territory, baseline)
        .into_iter()
        .map(|(name, text)| {
            let value = serde_json::from_str(&text).unwrap_or(Value::Null);
            (name.to_string(), value)
        })
        .collect();
    let file = ProjectFile {
        format: PROJECT_FORMAT.into(),
        version: FORMAT_VERSION,
        territory: files,
        scenarios: scenarios
            .iter()
            .map(|s| serde_json::from_str(&scenario_to_json(s, territory)).unwrap_or(Value::Null))
            .collect(),
        active,
        settings: Some(settings.clone()),
        extra: extra.clone(),
    };
    let mut value = serde_json::to_value(&file).unwrap_or(Value::Null);
    let sum = checksum(&value);
    if let Value::Object(m) = &mut value {
        m.insert(CHECKSUM_FIELD.into(), Value::String(sum));
    }
    serde_json::to_string(&value).unwrap_or_default() + "\n"
}

/// The field holding the project's checksum.
const CHECKSUM_FIELD: &str = "checksum";

/// The blake3 hash of a project's JSON without its checksum, written in a canonical form
/// (keys sorted, numbers in their shortest form), so that a flipped bit anywhere is noticed.
fn checksum(value: &Value) -> String {
    let text = serde_json::to_string(value).unwrap_or_default();
    format!("blake3:{}", blake3::hash(text.as_bytes()).to_hex())
}

/// Reads a project file's text.
pub fn parse_project(text: &str, path: &Path) -> Result<Project, LoadError> {
    let syntax = |reason: String| LoadError::Syntax {
        path: path.to_path_buf(),
        expected: "Carte Mixité project",
        reason,
    };
    let mut value: Value = serde_json::from_str(text).map_err(|e| syntax(e.to_string()))?;
    // a newer version may compute its checksum otherwise: its version is told first
    if let Some(found) = value.get("version").and_then(Value::as_u64)
        && found > u64::from(FORMAT_VERSION)
    {
        return Err(LoadError::NewerVersion {
            path: path.to_path_buf(),
            found: u32::try_from(found).unwrap_or(u32::MAX),
        });
    }
    // projects written before the checksum have none, and are read as they are
    if let Some(Value::String(recorded)) =
        value.as_object_mut().and_then(|m| m.remove(CHECKSUM_FIELD))
        && recorded != checksum(&value)
    {
        return Err(LoadError::Checksum {
            path: path.to_path_buf(),
        });
    }
    let file: ProjectFile = serde_json::from_value(value).map_err(|e| syntax(e.to_string()))?;
    if file.format != PROJECT_FORMAT {
        return Err(syntax(format!(
            "\"format\" is {:?}, not {PROJECT_FORMAT:?}",
            file.format
        )));
    }
    if file.version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_path_buf(),
            found: file.version,
        });
    }
    let text_of = |name: &str| file.territory.get(name).map(|v| v.to_string());
    let (Some(header), Some(units), Some(colleges)) = (
        text_of("territory.json"),
        text_of("units.geojson"),
        text_of("colleges.geojson"),
    ) else {
        return Err(syntax(
            "the territory needs territory.json, units.geojson and colleges.geojson".into(),
        ));
    };
    let (landmarks, streets, street_ranges, street_names, baseline) = (
        text_of("landmarks.geojson"),
        text_of("streets.geojson"),
        text_of(super::territory_files::STREET_RANGES_FILE),
        text_of(super::territory_files::STREET_NAMES_FILE),
        text_of("baseline.scenario.json"),
    );
    let (territory, baseline, baseline_warnings) = parse_territory_reporting(&TerritoryTexts {
        origin: path.to_path_buf(),
        header: &header,
        units: &units,
        colleges: &colleges,
        landmarks: landmarks.as_deref(),
        streets: streets.as_deref(),
        street_ranges: street_ranges.as_deref(),
        street_names: street_names.as_deref(),
        baseline: baseline.as_deref(),
    })?;
    if let Some(settings) = &file.settings {
        check_settings(settings).map_err(|problem| LoadError::Invalid {
            path: path.to_path_buf(),
            problem,
        })?;
    }
    let mut warnings: Vec<(String, ScenarioWarning)> = baseline_warnings
        .into_iter()
        .map(|w| (baseline.meta.name.clone(), w))
        .collect();
    let mut scenarios = Vec::with_capacity(file.scenarios.len());
    for v in &file.scenarios {
        let (s, w) = parse_scenario(&v.to_string(), path, &territory)?;
        warnings.extend(w.into_iter().map(|w| (s.meta.name.clone(), w)));
        scenarios.push(s);
    }
    Ok(Project {
        warnings,
        active: file.active.min(scenarios.len()),
        settings: file.settings,
        territory,
        baseline,
        scenarios,
        extra: file.extra,
    })
}

/// Refuses settings no one could have meant: a walking speed of 0 would make every walk last
/// forever, a negative threshold or a detour factor under 1 would shorten walks.
pub fn check_settings(c: &MetricsConfig) -> Result<(), Invalid> {
    let bad = |setting, value: f64, expected| {
        Err(Invalid::Setting {
            setting,
            value,
            expected,
        })
    };
    if !(c.walk_speed_kmh.is_finite() && c.walk_speed_kmh > 0.5 && c.walk_speed_kmh <= 30.0) {
        return bad(
            "walk_speed_kmh",
            c.walk_speed_kmh,
            "a walking speed between 0.5 and 30 km/h",
        );
    }
    if !(c.walk_threshold_m.is_finite() && c.walk_threshold_m > 0.0) {
        return bad(
            "walk_threshold_m",
            c.walk_threshold_m,
            "a distance in metres above 0",
        );
    }
    let crate::metrics::DistanceModel::StraightLine { detour_factor } = c.distance;
    if !(detour_factor.is_finite() && (1.0..=5.0).contains(&detour_factor)) {
        return bad("detour_factor", detour_factor, "a factor between 1 and 5");
    }
    if c.class_size_6e == 0 || c.class_size_6e > 60 {
        return bad(
            "class_size_6e",
            f64::from(c.class_size_6e),
            "between 1 and 60 pupils per class",
        );
    }
    Ok(())
}

/// Reads a project file.
pub fn read_project(path: &Path) -> Result<Project, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|e| LoadError::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    parse_project(&text, path)
}

/// Writes a project file atomically.
pub fn write_project(
    path: &Path,
    territory: &Territory,
    baseline: &Scenario,
    scenarios: &[&Scenario],
    active: usize,
    settings: &MetricsConfig,
    extra: &Map<String, Value>,
) -> std::io::Result<()> {
    super::atomic_write(
        path,
        project_text(territory, baseline, scenarios, active, settings, extra).as_bytes(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::territory_files::embedded_demo;
    use crate::model::{Assignment, CollegeId, UnitId};

    #[test]
    fn a_project_round_trips_with_its_scenarios_and_unknown_fields() {
        let (t, baseline) = embedded_demo().unwrap();
        let mut s = baseline.derive("Proposition des parents");
        s.replace_assignment(UnitId(3), Assignment::College(CollegeId(4)));
        let settings = MetricsConfig {
            walk_speed_kmh: 4.0,
            distance: crate::metrics::DistanceModel::StraightLine { detour_factor: 1.3 },
            ..MetricsConfig::default()
        };
        let mut extra = Map::new();
        extra.insert(
            "from_a_newer_version".into(),
            serde_json::json!({"x": [1, 2]}),
        );
        let text = project_text(&t, &baseline, &[&s], 1, &settings, &extra);
        let p = parse_project(&text, Path::new("test.cartemixite")).unwrap();
        assert_eq!(p.territory.units().len(), t.units().len());
        assert_eq!(p.scenarios.len(), 1);
        assert_eq!(p.active, 1);
        assert_eq!(p.scenarios[0].meta.name, "Proposition des parents");
        assert_eq!(
            p.scenarios[0].assignment(UnitId(3)).main_college(),
            Some(CollegeId(4))
        );
        assert_eq!(p.baseline.changed_units(&baseline).count(), 0);
        assert_eq!(p.extra, extra, "unknown fields survive");
        assert_eq!(p.settings, Some(settings.clone()), "settings survive");
        // and the next save writes them back
        let again = project_text(
            &p.territory,
            &p.baseline,
            &[&p.scenarios[0]],
            1,
            &settings,
            &p.extra,
        );
        assert!(again.contains("from_a_newer_version"));
    }

    #[test]
    fn a_newer_project_is_refused_with_its_version() {
        let (t, baseline) = embedded_demo().unwrap();
        let text = project_text(
            &t,
            &baseline,
            &[],
            0,
            &MetricsConfig::default(),
            &Map::new(),
        );
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v["version"] = serde_json::json!(99);
        let text = v.to_string();
        assert!(matches!(
            parse_project(&text, Path::new("x.cartemixite")),
            Err(LoadError::NewerVersion { found: 99, .. })
        ));
    }

    #[test]
    fn a_flipped_bit_is_refused_and_an_impossible_setting_named() {
        let (t, baseline) = embedded_demo().unwrap();
        let text = project_text(
            &t,
            &baseline,
            &[],
            0,
            &MetricsConfig::default(),
            &Map::new(),
        );
        assert!(parse_project(&text, Path::new("x.cartemixite")).is_ok());
        // a digit of a population changed: still valid JSON, other figures
        let at = text.find("\"pupils\":").unwrap() + 9;
        let mut bytes = text.clone().into_bytes();
        bytes[at] = if bytes[at] == b'7' { b'8' } else { b'7' };
        let flipped = String::from_utf8(bytes).unwrap();
        assert!(matches!(
            parse_project(&flipped, Path::new("x.cartemixite")),
            Err(LoadError::Checksum { .. })
        ));
        // a walking speed of 0, written by hand without a checksum
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v.as_object_mut().unwrap().remove("checksum");
        v["settings"]["walk_speed_kmh"] = serde_json::json!(0.0);
        let e = parse_project(&v.to_string(), Path::new("x.cartemixite")).unwrap_err();
        assert!(
            matches!(
                &e,
                LoadError::Invalid {
                    problem: Invalid::Setting {
                        setting: "walk_speed_kmh",
                        ..
                    },
                    ..
                }
            ),
            "{e}"
        );
        let words = crate::i18n::load::load_error(crate::i18n::Lang::Fr, &e);
        assert!(words.contains("vitesse de marche"), "{words}");
    }

    #[test]
    fn unknown_units_and_collèges_of_a_scenario_are_named() {
        let (t, baseline) = embedded_demo().unwrap();
        let s = baseline.derive("Proposition");
        let text = project_text(
            &t,
            &baseline,
            &[&s],
            1,
            &MetricsConfig::default(),
            &Map::new(),
        );
        let mut v: Value = serde_json::from_str(&text).unwrap();
        v.as_object_mut().unwrap().remove("checksum");
        let first = t.units()[0].key.clone();
        let a = v["scenarios"][0]["assignments"].as_object_mut().unwrap();
        let uai = a[&first].clone();
        a.insert("NOPE".into(), uai);
        a.insert(first, serde_json::json!("0999999Z"));
        let p = parse_project(&v.to_string(), Path::new("x.cartemixite")).unwrap();
        assert_eq!(p.warnings.len(), 2, "{:?}", p.warnings);
        let words =
            crate::i18n::load::scenario_warnings(crate::i18n::Lang::Fr, &p.warnings).unwrap();
        assert!(
            words.contains("0999999Z") && words.contains("NOPE"),
            "{words}"
        );
    }

    #[test]
    fn thirty_flipped_bits_are_each_refused_or_change_nothing() {
        let (t, baseline) = embedded_demo().unwrap();
        let text = project_text(
            &t,
            &baseline,
            &[],
            0,
            &MetricsConfig::default(),
            &Map::new(),
        );
        let original = parse_project(&text, Path::new("x.cartemixite")).unwrap();
        let mut seed: u64 = 7;
        let mut refused = 0;
        for _ in 0..30 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let at = (seed >> 33) as usize % text.len();
            let mut bytes = text.clone().into_bytes();
            bytes[at] ^= 1 << ((seed >> 20) % 7);
            let Ok(flipped) = String::from_utf8(bytes) else {
                refused += 1;
                continue;
            };
            match parse_project(&flipped, Path::new("x.cartemixite")) {
                Err(_) => refused += 1,
                Ok(p) => {
                    // only a flip the JSON does not see (a space) may load, and then alike
                    let again = |p: &Project| {
                        project_text(
                            &p.territory,
                            &p.baseline,
                            &[],
                            0,
                            &MetricsConfig::default(),
                            &Map::new(),
                        )
                    };
                    assert_eq!(again(&p), again(&original), "flip at byte {at}");
                }
            }
        }
        assert!(refused >= 25, "{refused} of 30 refused");
    }
}
