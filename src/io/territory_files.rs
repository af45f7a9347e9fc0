//! The project's own territory folder and scenario files.
//!
//! A territory folder holds `territory.json` (name, sources, social groups), `units.geojson`,
//! `colleges.geojson`, `landmarks.geojson`, `streets.geojson` and `baseline.scenario.json`.
//! GeoJSON was chosen because every GIS (QGIS, ogr) opens it as it is, and a person can read it.
//! Scenario files name units by their key and collèges by their UAI, never by position, so a
//! scenario survives a re-import of the territory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use geo::{LineString, MultiPolygon, Point};
use geojson::{Feature, FeatureCollection, Geometry, GeometryValue};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::manifest::{Disagreement, MANIFEST_FILE, MANIFEST_FORMAT, MANIFEST_VERSION, Manifest};
use crate::model::scenario::{Assignment, Scenario, ScenarioMeta};
use crate::model::territory::{
    College, CollegeId, GroupScheme, Landmark, LandmarkKind, Population, Rep, Sector, Territory,
    TerritoryError, TerritoryInfo, Unit, UnitId, UnitShape, unit_anchor,
};

/// Format name written in `territory.json`.
pub const TERRITORY_FORMAT: &str = "carte-mixite/territory";
/// Format name written in scenario files.
pub const SCENARIO_FORMAT: &str = "carte-mixite/scenario";
/// Version of both formats.
pub const FORMAT_VERSION: u32 = 1;

/// Why a territory or scenario could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        source: std::io::Error,
    },
    /// The file is not valid JSON or GeoJSON.
    #[error("{path} is not a valid {expected} file: {reason}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// What it should have been.
        expected: &'static str,
        /// The parser's reason.
        reason: String,
    },
    /// A feature lacks something it needs.
    #[error("{path}, feature {feature}: {problem}")]
    Feature {
        /// The file.
        path: PathBuf,
        /// Position of the feature (from 1).
        feature: usize,
        /// What is wrong and what would be right.
        problem: String,
    },
    /// The file is of a newer format version.
    #[error(
        "{path} was written by a newer version of Carte Mixité (format {found}, this one reads up to {FORMAT_VERSION}): please update"
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// Its version.
        found: u32,
    },
    /// A file of a territory folder does not belong with the others (a save was mixed with
    /// another, or a file was changed since): the folder's manifest says so.
    #[error(
        "{path}: {file} does not belong with the folder's other files ({why:?} against manifest.json): the folder mixes two saves or was changed by hand; save it again from Carte Mixité, or delete manifest.json to read the files as they are"
    )]
    Mismatch {
        /// The folder.
        path: PathBuf,
        /// The file.
        file: String,
        /// How it disagrees.
        why: Disagreement,
    },
    /// A project file's checksum does not match its content: it was damaged (a flipped bit,
    /// a bad copy) or changed by hand since it was saved.
    #[error(
        "{path} was damaged or changed since Carte Mixité saved it (its checksum does not match its content): open an earlier copy, or ask for the file again"
    )]
    Checksum {
        /// The file.
        path: PathBuf,
    },
    /// The content cannot be used as it is (no unit, impossible settings).
    #[error("{path}: {problem}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        problem: Invalid,
    },
    /// The territory itself is inconsistent.
    #[error("{path}: {source}")]
    Territory {
        /// The folder.
        path: PathBuf,
        /// What is wrong.
        source: TerritoryError,
    },
}

/// Content that parses but cannot be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Invalid {
    /// The territory has no unit.
    #[error(
        "the territory has no unit (block, IRIS or commune): there is nothing to put on the map"
    )]
    NoUnits,
    /// A setting outside what makes sense.
    #[error("the setting {setting} is {value}, which is impossible (expected {expected})")]
    Setting {
        /// Which setting.
        setting: &'static str,
        /// Its value.
        value: f64,
        /// What would be right.
        expected: &'static str,
    },
}

#[derive(Serialize, Deserialize)]
struct TerritoryHeader {
    format: String,
    version: u32,
    info: TerritoryInfo,
    groups: GroupScheme,
}

/// The texts of a territory folder, read from disk or embedded in the binary.
pub struct TerritoryTexts<'a> {
    /// Where they come from, for messages.
    pub origin: PathBuf,
    /// `territory.json`.
    pub header: &'a str,
    /// `units.geojson`.
    pub units: &'a str,
    /// `colleges.geojson`.
    pub colleges: &'a str,
    /// `landmarks.geojson`, if any.
    pub landmarks: Option<&'a str>,
    /// `streets.geojson`, if any.
    pub streets: Option<&'a str>,
    /// `carte-streets.json` (the carte scolaire's street rows), if any.
    pub street_ranges: Option<&'a str>,
    /// `street-names.geojson` (streets with their names), if any.
    pub street_names: Option<&'a str>,
    /// `baseline.scenario.json`, if any.
    pub baseline: Option<&'a str>,
}

fn read_optional(path: &Path) -> Result<Option<String>, LoadError> {
    match std::fs::read_to_string(path) {
        Ok(s) => Ok(Some(s)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(LoadError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// The files a territory folder needs.
const REQUIRED_FILES: [&str; 3] = ["territory.json", "units.geojson", "colleges.geojson"];

/// Reads a territory folder; the baseline is its `baseline.scenario.json`, or every unit
/// unassigned when there is none. A save killed while swapping the folder in is finished
/// first; a folder with a manifest must match it file by file (one without, written by hand
/// or by an older version, is read as it is).
pub fn read_territory_dir(dir: &Path) -> Result<(Territory, Scenario), LoadError> {
    super::atomic::recover_folder(dir, MANIFEST_FILE);
    let manifest = match read_optional(&dir.join(MANIFEST_FILE))? {
        None => None,
        Some(text) => Some(parse_manifest(&text, &dir.join(MANIFEST_FILE))?),
    };
    let mut texts = BTreeMap::new();
    for name in REQUIRED_FILES.iter().chain(&OPTIONAL_FILES) {
        let path = dir.join(name);
        let text = match &manifest {
            // files the manifest does not list are not part of this save: an older one left them
            Some(m) if !m.lists(name) && !REQUIRED_FILES.contains(name) => None,
            _ => read_optional(&path)?,
        };
        if let Some(m) = &manifest {
            m.check(name, text.as_deref().map(str::as_bytes))
                .map_err(|why| LoadError::Mismatch {
                    path: dir.to_path_buf(),
                    file: name.to_string(),
                    why,
                })?;
        }
        if text.is_none() && REQUIRED_FILES.contains(name) {
            return Err(LoadError::Io {
                path,
                source: std::io::ErrorKind::NotFound.into(),
            });
        }
        if let Some(t) = text {
            texts.insert(*name, t);
        }
    }
    let get = |n: &str| texts.get(n).map(String::as_str);
    parse_territory(&TerritoryTexts {
        origin: dir.to_path_buf(),
        header: get("territory.json").unwrap_or_default(),
        units: get("units.geojson").unwrap_or_default(),
        colleges: get("colleges.geojson").unwrap_or_default(),
        landmarks: get("landmarks.geojson"),
        streets: get("streets.geojson"),
        street_ranges: get(STREET_RANGES_FILE),
        street_names: get(STREET_NAMES_FILE),
        baseline: get("baseline.scenario.json"),
    })
}

/// The files a territory folder may have.
const OPTIONAL_FILES: [&str; 5] = [
    "landmarks.geojson",
    "streets.geojson",
    STREET_RANGES_FILE,
    STREET_NAMES_FILE,
    "baseline.scenario.json",
];

fn parse_manifest(text: &str, path: &Path) -> Result<Manifest, LoadError> {
    let m: Manifest = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        path: path.to_path_buf(),
        expected: "manifest",
        reason: e.to_string(),
    })?;
    if m.format != MANIFEST_FORMAT {
        return Err(LoadError::Syntax {
            path: path.to_path_buf(),
            expected: "manifest",
            reason: format!("\"format\" is {:?}, not {MANIFEST_FORMAT:?}", m.format),
        });
    }
    if m.version > MANIFEST_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_path_buf(),
            found: m.version,
        });
    }
    Ok(m)
}

/// A FeatureCollection whose every position has two finite numbers, so that converting its
/// geometries cannot panic (the GeoJSON crate indexes a position's second number unchecked).
fn collection(text: &str, path: PathBuf) -> Result<FeatureCollection, LoadError> {
    let fc = text
        .parse::<FeatureCollection>()
        .map_err(|e| LoadError::Syntax {
            path: path.clone(),
            expected: "GeoJSON FeatureCollection",
            reason: e.to_string(),
        })?;
    for (i, f) in fc.features.iter().enumerate() {
        if let Some(g) = &f.geometry
            && let Err(reason) = super::layer::check_positions(&g.value, false)
        {
            let problem = match reason {
                super::report::Reason::BadPosition(n) => {
                    format!("a position has {n} coordinates instead of 2 numbers")
                }
                _ => "a position is not two numbers".to_string(),
            };
            return Err(LoadError::Feature {
                path,
                feature: i + 1,
                problem,
            });
        }
    }
    Ok(fc)
}

fn num(props: &Map<String, Value>, key: &str) -> Option<f64> {
    props.get(key).and_then(Value::as_f64)
}

fn text(props: &Map<String, Value>, key: &str) -> Option<String> {
    props.get(key).and_then(|v| match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    })
}

fn population_from(props: &Map<String, Value>) -> Population {
    Population {
        pupils: num(props, "pupils"),
        cohort_6e: num(props, "cohort_6e"),
        boursiers: num(props, "boursiers"),
        ips_mean: num(props, "ips"),
        ips_sd: num(props, "ips_sd"),
        ips_estimated: props
            .get("ips_estimated")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        pupils_estimated: props
            .get("pupils_estimated")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        groups: props
            .get("groups")
            .and_then(Value::as_array)
            .map(|a| a.iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect()),
        avoidance_rate: num(props, "avoidance_rate"),
    }
}

fn population_props(p: &Population, props: &mut Map<String, Value>) {
    let mut put = |k: &str, v: Option<f64>| {
        if let Some(v) = v {
            props.insert(k.into(), json!(v));
        }
    };
    put("pupils", p.pupils);
    put("cohort_6e", p.cohort_6e);
    put("boursiers", p.boursiers);
    put("ips", p.ips_mean);
    put("ips_sd", p.ips_sd);
    put("avoidance_rate", p.avoidance_rate);
    if p.ips_estimated {
        props.insert("ips_estimated".into(), json!(true));
    }
    if p.pupils_estimated {
        props.insert("pupils_estimated".into(), json!(true));
    }
    if let Some(g) = &p.groups {
        props.insert("groups".into(), json!(g));
    }
}

/// Parses the texts of a territory folder.
pub fn parse_territory(texts: &TerritoryTexts<'_>) -> Result<(Territory, Scenario), LoadError> {
    parse_territory_reporting(texts).map(|(t, b, _)| (t, b))
}

/// [`parse_territory`], with what its baseline names that the territory lacks.
pub fn parse_territory_reporting(
    texts: &TerritoryTexts<'_>,
) -> Result<(Territory, Scenario, Vec<ScenarioWarning>), LoadError> {
    let dir = &texts.origin;
    let header_path = dir.join("territory.json");
    let header: TerritoryHeader =
        serde_json::from_str(texts.header).map_err(|e| LoadError::Syntax {
            path: header_path.clone(),
            expected: "territory description",
            reason: e.to_string(),
        })?;
    if header.version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: header_path,
            found: header.version,
        });
    }
    let units_path = dir.join("units.geojson");
    let mut units = Vec::new();
    for (i, f) in collection(texts.units, units_path.clone())?
        .features
        .into_iter()
        .enumerate()
    {
        let bad = |problem: String| LoadError::Feature {
            path: units_path.clone(),
            feature: i + 1,
            problem,
        };
        let props = f.properties.unwrap_or_default();
        let key = text(&props, "key")
            .ok_or_else(|| bad("no « key » property (the unit's identifier)".into()))?;
        let shape = match f.geometry.map(|g| g.value) {
            Some(GeometryValue::Point { coordinates }) if coordinates.len() >= 2 => {
                UnitShape::Point(Point::new(coordinates[0], coordinates[1]))
            }
            Some(g @ (GeometryValue::Polygon { .. } | GeometryValue::MultiPolygon { .. })) => {
                let mp = match &g {
                    GeometryValue::Polygon { .. } => {
                        geo::Polygon::try_from(&g).map(|p| MultiPolygon(vec![p]))
                    }
                    _ => MultiPolygon::try_from(&g),
                };
                UnitShape::Area(mp.map_err(|e| bad(format!("unreadable polygon: {e}")))?)
            }
            Some(other) => {
                return Err(bad(format!(
                    "geometry of type {} where a Polygon, MultiPolygon or Point was expected",
                    other.type_name()
                )));
            }
            None => return Err(bad("no geometry".into())),
        };
        let anchor = match (num(&props, "anchor_lon"), num(&props, "anchor_lat")) {
            (Some(x), Some(y)) => Point::new(x, y),
            _ => unit_anchor(&shape),
        };
        units.push(Unit {
            name: text(&props, "name").unwrap_or_else(|| key.clone()),
            key,
            shape,
            anchor,
            population: population_from(&props),
            school: text(&props, "ecole").filter(|s| !s.trim().is_empty()),
        });
    }
    let colleges_path = dir.join("colleges.geojson");
    let mut colleges = Vec::new();
    for (i, f) in collection(texts.colleges, colleges_path.clone())?
        .features
        .into_iter()
        .enumerate()
    {
        colleges.push(college_from(f, &colleges_path, i)?);
    }
    if units.is_empty() {
        return Err(LoadError::Invalid {
            path: units_path,
            problem: Invalid::NoUnits,
        });
    }
    let mut territory =
        Territory::new(header.info, header.groups, units, colleges).map_err(|source| {
            LoadError::Territory {
                path: dir.clone(),
                source,
            }
        })?;
    if let Some(t) = texts.landmarks {
        let path = dir.join("landmarks.geojson");
        for (i, f) in collection(t, path.clone())?
            .features
            .into_iter()
            .enumerate()
        {
            let props = f.properties.clone().unwrap_or_default();
            let kind = match props.get("kind").and_then(Value::as_str) {
                Some("river") => LandmarkKind::River,
                Some("railway") => LandmarkKind::Railway,
                _ => LandmarkKind::Road,
            };
            let line = f
                .geometry
                .as_ref()
                .and_then(|g| LineString::try_from(&g.value).ok())
                .ok_or_else(|| LoadError::Feature {
                    path: path.clone(),
                    feature: i + 1,
                    problem: "a LineString geometry is expected".into(),
                })?;
            territory.landmarks.push(Landmark {
                kind,
                name: text(&props, "name").unwrap_or_default(),
                line,
            });
        }
    }
    if let Some(t) = texts.street_ranges {
        territory.street_ranges = serde_json::from_str(t).map_err(|e| LoadError::Syntax {
            path: dir.join(STREET_RANGES_FILE),
            expected: "carte scolaire street rows",
            reason: e.to_string(),
        })?;
    }
    if let Some(t) = texts.street_names {
        for f in collection(t, dir.join(STREET_NAMES_FILE))?.features {
            let name = f.properties.as_ref().and_then(|p| text(p, "name"));
            let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
                continue;
            };
            let Some(g) = f
                .geometry
                .and_then(|g| geo::Geometry::<f64>::try_from(&g.value).ok())
            else {
                continue;
            };
            let lines = match g {
                geo::Geometry::LineString(l) => vec![l],
                geo::Geometry::MultiLineString(m) => m.0,
                _ => Vec::new(),
            };
            for line in lines {
                territory
                    .street_names
                    .push(crate::model::places::NamedStreet {
                        name: name.clone(),
                        line,
                    });
            }
        }
    }
    if let Some(t) = texts.streets {
        let path = dir.join("streets.geojson");
        for f in collection(t, path)?.features {
            if let Some(line) = f.geometry.and_then(|g| LineString::try_from(&g.value).ok()) {
                territory.streets.push(line);
            }
        }
    }
    let (baseline, warnings) = match texts.baseline {
        Some(b) => parse_scenario(b, &dir.join("baseline.scenario.json"), &territory)?,
        None => (
            Scenario::unassigned(ScenarioMeta::new("Carte actuelle"), &territory),
            Vec::new(),
        ),
    };
    Ok((territory, baseline, warnings))
}

/// A collège of `colleges.geojson` (feature `i`, counted from 0): its UAI and point are
/// required, its sector must be public or private.
fn college_from(
    f: geojson::Feature,
    colleges_path: &std::path::Path,
    i: usize,
) -> Result<College, LoadError> {
    let bad = |problem: String| LoadError::Feature {
        path: colleges_path.to_path_buf(),
        feature: i + 1,
        problem,
    };
    let props = f.properties.unwrap_or_default();
    let uai = text(&props, "uai").ok_or_else(|| bad("no « uai » property".into()))?;
    let location = match f.geometry.map(|g| g.value) {
        Some(GeometryValue::Point { coordinates }) if coordinates.len() >= 2 => {
            Point::new(coordinates[0], coordinates[1])
        }
        _ => return Err(bad(format!("collège {uai}: a Point geometry is expected"))),
    };
    let sector = match props.get("sector").and_then(Value::as_str) {
        Some("private") => Sector::Private,
        Some("public") | None => Sector::Public,
        Some(other) => {
            return Err(bad(format!(
                "collège {uai}: sector « {other} », expected « public » or « private »"
            )));
        }
    };
    let rep = match props.get("rep").and_then(Value::as_str) {
        Some("REP") => Rep::Rep,
        Some("REP+") => Rep::RepPlus,
        _ => Rep::None,
    };
    let name = text(&props, "name").unwrap_or_else(|| uai.clone());
    Ok(College {
        short_name: text(&props, "short_name").unwrap_or_else(|| name.clone()),
        name,
        uai,
        location,
        sector,
        capacity_pupils: num(&props, "capacity_pupils"),
        capacity_6e_classes: num(&props, "capacity_6e_classes").map(|v| v.max(0.0) as u32),
        rep,
        observed_ips: num(&props, "observed_ips"),
        observed_pupils: num(&props, "observed_pupils"),
        own_intake: props
            .get("own_intake")
            .and_then(Value::as_object)
            .map(population_from),
    })
}

/// One assignment in a scenario file: a UAI, or `[[UAI, share], ...]`.
#[derive(Serialize, Deserialize)]
#[serde(untagged)]
enum AssignmentRecord {
    One(String),
    Shares(Vec<(String, f64)>),
}

#[derive(Serialize, Deserialize)]
struct ScenarioFile {
    format: String,
    version: u32,
    meta: ScenarioMeta,
    assignments: BTreeMap<String, AssignmentRecord>,
    #[serde(default)]
    locked_units: Vec<String>,
    #[serde(default)]
    locked_colleges: Vec<String>,
    /// Collèges closed in this scenario.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    closed_colleges: Vec<String>,
    /// Collèges whose sector may be in pieces without a warning.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    discontinuous_ok: Vec<String>,
    /// Shared sectors, units by key and collèges by UAI.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    shared_sectors: Vec<SharedRecord>,
    /// Fields written by newer versions: kept, never dropped.
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// A shared sector as written in a scenario file.
#[derive(Serialize, Deserialize)]
struct SharedRecord {
    name: String,
    units: Vec<String>,
    colleges: Vec<String>,
    rule: crate::model::shared::Rule,
}

/// Something in a scenario file that was skipped.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScenarioWarning {
    /// A collège not in the territory: its units are left unassigned.
    #[error("the collège {uai} is not in this territory: its units are left unassigned")]
    UnknownCollege {
        /// Its UAI.
        uai: String,
    },
    /// A unit not in the territory: skipped.
    #[error("the unit « {key} » is not in this territory: skipped")]
    UnknownUnit {
        /// Its key.
        key: String,
    },
    /// A unit's shares cannot be used: the unit is left unassigned.
    #[error("unit « {key} »: {reason}: left unassigned")]
    BadShares {
        /// The unit's key.
        key: String,
        /// Why.
        reason: String,
    },
    /// A shared sector names an unknown collège: its rule is dropped.
    #[error(
        "the shared sector « {name} » names a collège not in this territory: its rule is dropped, its units keep their shares"
    )]
    SharedSectorDropped {
        /// The shared sector's name.
        name: String,
    },
}

/// Parses a scenario file against a territory. Unknown units or collèges are skipped and
/// reported; units the file does not mention stay unassigned.
pub fn parse_scenario(
    text: &str,
    path: &Path,
    territory: &Territory,
) -> Result<(Scenario, Vec<ScenarioWarning>), LoadError> {
    let file: ScenarioFile = serde_json::from_str(text).map_err(|e| LoadError::Syntax {
        path: path.to_path_buf(),
        expected: "Carte Mixité scenario",
        reason: e.to_string(),
    })?;
    if file.version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            path: path.to_path_buf(),
            found: file.version,
        });
    }
    let mut warnings = Vec::new();
    let mut scenario = Scenario::unassigned(file.meta, territory);
    let college = |uai: &str, warnings: &mut Vec<ScenarioWarning>| {
        let c = territory.college_by_uai(uai);
        if c.is_none() {
            warnings.push(ScenarioWarning::UnknownCollege { uai: uai.into() });
        }
        c
    };
    for (key, record) in &file.assignments {
        let Some(u) = territory.unit_by_key(key) else {
            warnings.push(ScenarioWarning::UnknownUnit { key: key.clone() });
            continue;
        };
        let a = match record {
            AssignmentRecord::One(uai) => match college(uai, &mut warnings) {
                Some(c) => Assignment::College(c),
                None => continue,
            },
            AssignmentRecord::Shares(v) => {
                let mut shares = Vec::new();
                for (uai, s) in v {
                    match college(uai, &mut warnings) {
                        Some(c) => shares.push((c, *s)),
                        None => continue,
                    }
                }
                match Assignment::Shares(shares).normalized(territory.colleges().len()) {
                    Ok(a) => a,
                    Err(e) => {
                        warnings.push(ScenarioWarning::BadShares {
                            key: key.clone(),
                            reason: e.to_string(),
                        });
                        continue;
                    }
                }
            }
        };
        scenario.replace_assignment(u, a);
    }
    for key in &file.locked_units {
        if let Some(u) = territory.unit_by_key(key) {
            scenario.set_unit_lock(u, true);
        }
    }
    for uai in &file.locked_colleges {
        if let Some(c) = territory.college_by_uai(uai) {
            scenario.set_college_lock(c, true);
        }
    }
    for uai in &file.closed_colleges {
        if let Some(c) = college(uai, &mut warnings) {
            scenario.set_college_open(c, false);
        }
    }
    for uai in &file.discontinuous_ok {
        if let Some(c) = territory.college_by_uai(uai) {
            scenario.set_discontinuous_ok(c, true);
        }
    }
    let mut shared = Vec::new();
    for r in file.shared_sectors {
        let colleges: Option<Vec<CollegeId>> = r
            .colleges
            .iter()
            .map(|u| territory.college_by_uai(u))
            .collect();
        let Some(colleges) = colleges else {
            warnings.push(ScenarioWarning::SharedSectorDropped {
                name: r.name.clone(),
            });
            continue;
        };
        let units = r
            .units
            .iter()
            .filter_map(|k| territory.unit_by_key(k))
            .collect();
        shared.push(crate::model::shared::SharedSector {
            name: r.name,
            units,
            colleges,
            rule: r.rule,
        });
    }
    scenario.set_shared_sectors(shared);
    Ok((scenario, warnings))
}

/// Writes a scenario file (pretty JSON, units sorted by key).
pub fn scenario_to_json(scenario: &Scenario, territory: &Territory) -> String {
    let uai = |c: CollegeId| territory.college(c).uai.clone();
    let assignments = territory
        .unit_ids()
        .filter_map(|u| {
            let key = territory.unit(u).key.clone();
            match scenario.assignment(u) {
                Assignment::Unassigned => None,
                Assignment::College(c) => Some((key, AssignmentRecord::One(uai(*c)))),
                Assignment::Shares(v) => Some((
                    key,
                    AssignmentRecord::Shares(v.iter().map(|&(c, s)| (uai(c), s)).collect()),
                )),
            }
        })
        .collect();
    let file = ScenarioFile {
        format: SCENARIO_FORMAT.into(),
        version: FORMAT_VERSION,
        meta: scenario.meta.clone(),
        assignments,
        locked_units: territory
            .unit_ids()
            .filter(|&u| scenario.is_unit_locked(u))
            .map(|u| territory.unit(u).key.clone())
            .collect(),
        locked_colleges: territory
            .college_ids()
            .filter(|&c| scenario.is_college_locked(c))
            .map(uai)
            .collect(),
        closed_colleges: territory
            .college_ids()
            .filter(|&c| !scenario.is_college_open(c))
            .map(uai)
            .collect(),
        discontinuous_ok: territory
            .college_ids()
            .filter(|&c| scenario.allows_discontinuous(c))
            .map(uai)
            .collect(),
        shared_sectors: scenario
            .shared_sectors()
            .iter()
            .map(|s| SharedRecord {
                name: s.name.clone(),
                units: s
                    .units
                    .iter()
                    .map(|&u| territory.unit(u).key.clone())
                    .collect(),
                colleges: s.colleges.iter().map(|&c| uai(c)).collect(),
                rule: s.rule.clone(),
            })
            .collect(),
        extra: Map::new(),
    };
    serde_json::to_string_pretty(&file).unwrap_or_default() + "\n"
}

fn feature(geometry: GeometryValue, props: Map<String, Value>) -> Feature {
    Feature {
        geometry: Some(Geometry::new(geometry)),
        properties: Some(props),
        ..Feature::default()
    }
}

fn collection_text(features: Vec<Feature>) -> String {
    let fc = FeatureCollection::new(features);
    // one feature per line: readable, and diffs stay small
    let mut out = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for (i, f) in fc.features.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&serde_json::to_string(f).unwrap_or_default());
    }
    out.push_str("\n]}\n");
    out
}

/// The texts of a territory folder, ready to be written.
pub fn territory_texts(territory: &Territory, baseline: &Scenario) -> Vec<(&'static str, String)> {
    let header = TerritoryHeader {
        format: TERRITORY_FORMAT.into(),
        version: FORMAT_VERSION,
        info: territory.info.clone(),
        groups: territory.groups.clone(),
    };
    let units = territory
        .units()
        .iter()
        .map(|u| {
            let mut props = Map::new();
            props.insert("key".into(), json!(u.key));
            props.insert("name".into(), json!(u.name));
            if let Some(s) = &u.school {
                props.insert("ecole".into(), json!(s));
            }
            population_props(&u.population, &mut props);
            props.insert("anchor_lon".into(), json!(u.anchor.x()));
            props.insert("anchor_lat".into(), json!(u.anchor.y()));
            let g = match &u.shape {
                UnitShape::Area(mp) if mp.0.len() == 1 => GeometryValue::from(&mp.0[0]),
                UnitShape::Area(mp) => GeometryValue::from(mp),
                UnitShape::Point(p) => GeometryValue::from(p),
            };
            feature(g, props)
        })
        .collect();
    let colleges = territory
        .colleges()
        .iter()
        .map(|c| {
            let mut props = Map::new();
            props.insert("uai".into(), json!(c.uai));
            props.insert("name".into(), json!(c.name));
            props.insert("short_name".into(), json!(c.short_name));
            props.insert("sector".into(), json!(c.sector));
            props.insert("rep".into(), json!(c.rep));
            let mut put = |k: &str, v: Option<f64>| {
                if let Some(v) = v {
                    props.insert(k.into(), json!(v));
                }
            };
            put("capacity_pupils", c.capacity_pupils);
            put("capacity_6e_classes", c.capacity_6e_classes.map(f64::from));
            put("observed_ips", c.observed_ips);
            put("observed_pupils", c.observed_pupils);
            if let Some(intake) = &c.own_intake {
                let mut m = Map::new();
                population_props(intake, &mut m);
                props.insert("own_intake".into(), Value::Object(m));
            }
            feature(GeometryValue::from(&c.location), props)
        })
        .collect();
    let landmarks = territory
        .landmarks
        .iter()
        .map(|l| {
            let mut props = Map::new();
            props.insert("kind".into(), json!(l.kind));
            props.insert("name".into(), json!(l.name));
            feature(GeometryValue::from(&l.line), props)
        })
        .collect();
    let streets = territory
        .streets
        .iter()
        .map(|s| feature(GeometryValue::from(s), Map::new()))
        .collect();
    let mut files = vec![
        (
            "territory.json",
            serde_json::to_string_pretty(&header).unwrap_or_default() + "\n",
        ),
        ("units.geojson", collection_text(units)),
        ("colleges.geojson", collection_text(colleges)),
        ("landmarks.geojson", collection_text(landmarks)),
        ("streets.geojson", collection_text(streets)),
        (
            "baseline.scenario.json",
            scenario_to_json(baseline, territory),
        ),
    ];
    if !territory.street_names.is_empty() {
        let named = territory
            .street_names
            .iter()
            .map(|s| {
                let mut props = Map::new();
                props.insert("name".into(), json!(s.name));
                feature(GeometryValue::from(&s.line), props)
            })
            .collect();
        files.push((STREET_NAMES_FILE, collection_text(named)));
    }
    // only territories imported from a carte scolaire with street rows have them
    if !territory.street_ranges.is_empty() {
        files.push((
            STREET_RANGES_FILE,
            serde_json::to_string(&territory.street_ranges).unwrap_or_default() + "\n",
        ));
    }
    files
}

/// The file of the streets' names in a territory folder or project.
pub const STREET_NAMES_FILE: &str = "street-names.geojson";

/// The file of the carte scolaire's street rows in a territory folder or project.
pub const STREET_RANGES_FILE: &str = "carte-streets.json";

/// Writes a territory folder with its manifest, as a whole: the new folder is written beside
/// the old one and swapped in, so that a crash leaves one or the other, never a mix. An
/// existing folder holding anything else than a territory's files is left alone and the write
/// refused, so that pointing an import at a full folder never deletes what it holds.
pub fn write_territory_dir(
    dir: &Path,
    territory: &Territory,
    baseline: &Scenario,
) -> std::io::Result<()> {
    if let Ok(entries) = std::fs::read_dir(dir) {
        let ours = |n: &str| {
            REQUIRED_FILES.contains(&n) || OPTIONAL_FILES.contains(&n) || n == MANIFEST_FILE
        };
        let foreign: Vec<String> = entries
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !ours(n) && !n.ends_with(".tmp"))
            .collect();
        if let Some(first) = foreign.first() {
            return Err(std::io::Error::other(format!(
                "{} already holds other files than a territory's ({first}{}): choose a new or empty folder",
                dir.display(),
                if foreign.len() > 1 { ", …" } else { "" }
            )));
        }
    }
    let texts = territory_texts(territory, baseline);
    let mut files: Vec<(&str, &[u8])> = texts.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    let manifest = Manifest::of(&files).text();
    files.push((MANIFEST_FILE, manifest.as_bytes()));
    super::atomic::replace_folder(dir, &files)
}

/// The demo town embedded in the binary (from `maps/demo/`), so the app opens with no files.
pub fn embedded_demo() -> Result<(Territory, Scenario), LoadError> {
    parse_territory(&TerritoryTexts {
        origin: PathBuf::from("maps/demo"),
        header: include_str!("../../maps/demo/territory.json"),
        units: include_str!("../../maps/demo/units.geojson"),
        colleges: include_str!("../../maps/demo/colleges.geojson"),
        landmarks: Some(include_str!("../../maps/demo/landmarks.geojson")),
        streets: Some(include_str!("../../maps/demo/streets.geojson")),
        street_ranges: None,
        street_names: Some(include_str!("../../maps/demo/street-names.geojson")),
        baseline: Some(include_str!("../../maps/demo/baseline.scenario.json")),
    })
}

/// Units of a territory by key, for error messages and tests.
pub fn unit_key(territory: &Territory, u: UnitId) -> &str {
    &territory.unit(u).key
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::demo_town;

    #[test]
    fn a_territory_folder_round_trips() {
        let town = demo_town(2026);
        let dir = std::env::temp_dir().join(format!("cm-rt-{}", std::process::id()));
        write_territory_dir(&dir, &town.territory, &town.baseline).unwrap();
        let (t, s) = read_territory_dir(&dir).unwrap();
        assert_eq!(t.units().len(), town.territory.units().len());
        assert_eq!(s.assignments(), town.baseline.assignments());
        assert_eq!(
            t.unit(UnitId(7)).population,
            town.territory.unit(UnitId(7)).population
        );
        // the écoles come back
        assert!(t.unit(UnitId(7)).school.is_some());
        assert_eq!(t.schools(), town.territory.schools());
        assert_eq!(
            t.adjacency().pair_count(),
            town.territory.adjacency().pair_count()
        );
        // and the texts written again are identical
        assert_eq!(
            territory_texts(&t, &s),
            territory_texts(&town.territory, &town.baseline)
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_scenario_naming_unknown_units_loads_the_rest_and_says_so() {
        let town = demo_town(2026);
        let mut text = scenario_to_json(&town.baseline, &town.territory);
        text = text.replacen("\"B001\"", "\"NOPE\"", 1);
        let (s, warnings) = parse_scenario(&text, Path::new("x"), &town.territory).unwrap();
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].to_string().contains("NOPE"));
        assert_eq!(s.assignment(UnitId(0)), &Assignment::Unassigned);
        assert_eq!(s.assignment(UnitId(1)), town.baseline.assignment(UnitId(1)));
    }

    #[test]
    fn a_scenario_from_a_newer_version_is_refused_with_a_reason() {
        let town = demo_town(2026);
        let text = scenario_to_json(&town.baseline, &town.territory)
            .replace("\"version\": 1", "\"version\": 9");
        let err = parse_scenario(&text, Path::new("x.json"), &town.territory).unwrap_err();
        assert!(err.to_string().contains("newer version"));
    }
}

#[cfg(test)]
mod anchor_tests {
    use super::*;

    #[test]
    fn every_demo_anchor_lies_in_its_own_unit() {
        let (t, _) = embedded_demo().unwrap();
        let wrong: Vec<(UnitId, Option<UnitId>)> = t
            .unit_ids()
            .map(|u| (u, t.unit_at(t.unit(u).anchor, 0.0)))
            .filter(|(u, hit)| *hit != Some(*u))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn a_folder_mixing_two_saves_is_refused_and_without_a_manifest_read_as_it_is() {
        let town = crate::generate::demo_town(2026);
        let dir = std::env::temp_dir().join(format!("cm-mix-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        write_territory_dir(&dir, &town.territory, &town.baseline).unwrap();
        assert!(read_territory_dir(&dir).is_ok());
        // the units of another save beside this save's manifest
        let other = crate::generate::demo_town(7);
        let (_, units) = territory_texts(&other.territory, &other.baseline)
            .into_iter()
            .find(|(n, _)| *n == "units.geojson")
            .unwrap();
        std::fs::write(dir.join("units.geojson"), &units).unwrap();
        let e = read_territory_dir(&dir).unwrap_err();
        assert!(
            matches!(&e, LoadError::Mismatch { file, why: Disagreement::Changed, .. } if file == "units.geojson"),
            "{e}"
        );
        let words = crate::i18n::load::load_error(crate::i18n::Lang::Fr, &e);
        assert!(
            words.contains("units.geojson") && words.contains("manifest.json"),
            "{words}"
        );
        // a folder written by hand, without a manifest, is read as it is
        std::fs::remove_file(dir.join(MANIFEST_FILE)).unwrap();
        assert!(read_territory_dir(&dir).is_ok());
        // and a full folder is never written over
        std::fs::write(dir.join("notes.txt"), "mes notes").unwrap();
        assert!(write_territory_dir(&dir, &town.territory, &town.baseline).is_err());
        assert!(dir.join("notes.txt").exists());
        std::fs::remove_dir_all(&dir).ok();
    }
}
