//! The project file: a territory and all its scenarios in one file a parent can email
//! (`.cartemixite`, JSON inside). It carries a format version; fields this version does not know
//! (written by a newer one) are kept and written back unchanged.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::territory_files::{
    FORMAT_VERSION, LoadError, TerritoryTexts, parse_scenario, parse_territory, scenario_to_json,
    territory_texts,
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
    serde_json::to_string(&file).unwrap_or_default() + "\n"
}

/// Reads a project file's text.
pub fn parse_project(text: &str, path: &Path) -> Result<Project, LoadError> {
    let syntax = |reason: String| LoadError::Syntax {
        path: path.to_path_buf(),
        expected: "Carte Mixité project",
        reason,
    };
    let file: ProjectFile = serde_json::from_str(text).map_err(|e| syntax(e.to_string()))?;
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
    let (territory, baseline) = parse_territory(&TerritoryTexts {
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
    let scenarios = file
        .scenarios
        .iter()
        .map(|v| parse_scenario(&v.to_string(), path, &territory).map(|(s, _)| s))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Project {
        active: file.active.min(scenarios.len()),
        settings: file.settings,
        territory,
        baseline,
        scenarios,
        extra: file.extra,
    })
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
        )
        .replacen(
            &format!("\"version\":{FORMAT_VERSION}"),
            "\"version\":99",
            1,
        );
        assert!(matches!(
            parse_project(&text, Path::new("x.cartemixite")),
            Err(LoadError::NewerVersion { found: 99, .. })
        ));
    }
}
