//! A département's territory from the national files alone: communes (or IRIS) as units,
//! collèges from the directory placed by the geolocation file, their published IPS and
//! headcounts attached, the baseline from the carte scolaire (communes divided by streets split
//! by the BAN's addresses when given), and, where no file gives figures per unit, estimates
//! from the écoles of each unit, each marked as an estimate.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use geo::Area;

use super::ban::{StreetMatch, match_addresses};
use super::carte::{
    CarteCounts, CommuneRule, departement_of_commune, normalise_departement, read_carte,
};
pub use super::names::{NameMatch, match_name};
use super::names::{header_key, school_key};
use super::{Recognised, Role, expand, recognise};
use crate::io::crs::ToWgs84;
use crate::io::layer::{Feature, Layer, read_layer};
use crate::io::report::Report;
use crate::model::scenario::ScenarioMeta;
use crate::model::territory::unit_anchor;
use crate::model::{
    Assignment, College, GroupScheme, MethodNote, Population, Rep, Scenario, Sector, Territory,
    TerritoryInfo, Unit, UnitShape,
};

/// What the user gives.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DepartementSpec {
    /// Files and folders of downloaded files.
    pub inputs: Vec<PathBuf>,
    /// The département code (`35`, `2A`, `971`); read from the files when absent.
    pub code: Option<String>,
    /// The territory's name; "Département NN" when absent.
    pub name: Option<String>,
    /// A column holding the UAI, for tables whose UAI column has a name of its own. An error
    /// when no table has it.
    pub uai_column: Option<String>,
    /// The UAI column chosen for one table (by file name), over the one above. An error when
    /// that table does not have it.
    pub uai_columns: BTreeMap<String, String>,
}

/// Where each figure came from.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PupilsSource {
    /// CP to CM2 pupils of the unit's écoles, scaled to four collège years (estimate).
    Ecoles {
        /// Écoles counted.
        ecoles: usize,
        /// Their rentrée.
        year: String,
        /// Units with no école (their children are counted where they go to école).
        units_without: usize,
    },
    /// Each public collège's published headcount spread over its sector by the units'
    /// population (estimate).
    SpreadByPopulation,
    /// Each public collège's published headcount spread over its sector by area (estimate).
    SpreadByArea,
    /// No figure at all.
    #[default]
    None,
}

/// One public collège's published headcount against the pupils its sector holds.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Capture {
    /// UAI.
    pub uai: String,
    /// Name.
    pub name: String,
    /// Its published headcount.
    pub published: f64,
    /// The pupils its sector holds (estimated).
    pub sector: f64,
}

impl Capture {
    /// Published / sector: below 1, families of the sector go elsewhere (évitement, or
    /// another sector's collège); above 1, it takes pupils from outside.
    pub fn rate(&self) -> Option<f64> {
        (self.sector > 0.0).then(|| self.published / self.sector)
    }
}

/// What the build did, in figures the report puts into words.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct DepartementReport {
    /// Every file and its role.
    #[serde(skip)]
    pub files: Vec<Recognised>,
    /// The roles no file plays.
    pub missing: Vec<Role>,
    /// The département code.
    pub code: String,
    /// Units (communes or IRIS).
    pub units: usize,
    /// True when the units are IRIS.
    pub iris: bool,
    /// The carte scolaire's communes by kind.
    pub carte: CarteCounts,
    /// Units placed in one collège's sector.
    pub placed_single: usize,
    /// Units shared between several collèges.
    pub placed_shared: usize,
    /// Units divided by streets, split by their addresses.
    pub streets_by_addresses: usize,
    /// Units divided by streets given to their nearest listed collège (no address file).
    pub streets_estimated: Vec<String>,
    /// Units the carte scolaire does not list, given to the nearest public collège.
    pub not_in_carte: Vec<String>,
    /// Collèges named by the carte scolaire that no table knows.
    pub unknown_carte_colleges: Vec<String>,
    /// Public and private (sous contrat) collèges.
    pub public_colleges: usize,
    /// Private collèges under contract.
    pub private_colleges: usize,
    /// Private collèges outside contract, left out.
    pub hors_contrat: usize,
    /// Collèges left out for want of a location.
    pub unplaced: Vec<String>,
    /// Collèges with a published IPS.
    pub with_ips: usize,
    /// Collèges with a published headcount, and the file it came from.
    pub with_headcount: usize,
    /// Where unit pupils came from.
    pub pupils: PupilsSource,
    /// Écoles whose IPS went into their unit's IPS, and units with an IPS.
    pub ips_ecoles: usize,
    /// Units that got an IPS.
    pub units_with_ips: usize,
    /// Units with census social groups.
    pub units_with_groups: usize,
    /// Public collèges' published headcounts against their sectors.
    pub capture: Vec<Capture>,
    /// The address match, when an address file was given.
    pub streets: Option<StreetMatch>,
    /// Names joined without a UAI.
    pub name_matches: Vec<NameMatch>,
}

/// The result.
#[derive(Debug)]
pub struct DepartementBuild {
    /// The territory.
    pub territory: Territory,
    /// The carte scolaire as a scenario.
    pub baseline: Scenario,
    /// What was done.
    pub report: DepartementReport,
    /// Every problem of the files read.
    pub problems: Report,
}

/// Why no territory could be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DepartementError {
    /// No file gives the units' contours.
    #[error("no commune or IRIS contours")]
    NoContours(Box<DepartementReport>),
    /// No file gives the collèges (directory, geolocation or IPS).
    #[error("no collège table")]
    NoColleges(Box<DepartementReport>),
    /// The files give no collège with a location in this département.
    #[error("no collège placed")]
    NoCollegePlaced(Box<DepartementReport>),
    /// No unit of this département in the contours.
    #[error("no unit in the département")]
    NoUnits(Box<DepartementReport>),
    /// No unit could be attached to a collège.
    #[error("no unit attached")]
    NothingAttached(Box<DepartementReport>),
    /// A column named by the user is in no table.
    #[error("no column {0}")]
    MissingColumn(String, Box<DepartementReport>),
    /// A file the build needs cannot be read.
    #[error("{0}")]
    Unreadable(String, Box<DepartementReport>),
    /// The territory is inconsistent.
    #[error("{0}")]
    Territory(String),
}

/// The steps, for the progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Recognising the files.
    Recognising,
    /// Reading the contours.
    Contours,
    /// Reading the collèges.
    Colleges,
    /// Reading the écoles.
    Ecoles,
    /// Reading the addresses (bytes read, of the file's size).
    Addresses(u64, u64),
    /// Building the territory.
    Building,
}

fn col(layer: &Layer, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| layer.fields.iter().find(|f| header_key(f) == *k).cloned())
}

fn col_prefix(layer: &Layer, prefix: &str) -> Option<String> {
    layer
        .fields
        .iter()
        .find(|f| header_key(f).starts_with(prefix))
        .cloned()
}

fn text(f: &Feature, c: &Option<String>) -> Option<String> {
    c.as_ref()
        .and_then(|c| f.props.get(c))
        .and_then(|v| v.text())
}

fn num(f: &Feature, c: &Option<String>) -> Option<f64> {
    c.as_ref()
        .and_then(|c| f.props.get(c))
        .and_then(|v| v.number().ok().flatten())
}

/// The rows of the latest year a table holds (its `Rentrée scolaire`, `rentree_scolaire` or
/// `Annee_scolaire` column), and that year.
fn latest_rows(layer: &Layer) -> (Vec<&Feature>, String) {
    let Some(year_col) = col(
        layer,
        &["rentreescolaire", "anneescolaire", "rentree", "annee"],
    ) else {
        return (layer.features.iter().collect(), String::new());
    };
    let year_of = |f: &Feature| text(f, &Some(year_col.clone())).unwrap_or_default();
    let latest = layer.features.iter().map(year_of).max().unwrap_or_default();
    (
        layer
            .features
            .iter()
            .filter(|f| year_of(f) == latest)
            .collect(),
        latest,
    )
}

/// A collège being assembled from the tables.
#[derive(Debug, Clone, Default)]
struct Draft {
    name: Option<String>,
    location: Option<geo::Point<f64>>,
    private: Option<bool>,
    rep: Rep,
    ips: Option<f64>,
    pupils: Option<f64>,
    /// The headcount of the IPS file: the same rentrée as the published IPS, preferred.
    pupils_ips: Option<f64>,
}

/// The column a national table holds the UAI in, by the ministry's spellings
/// (`Identifiant_de_l_etablissement`, `Code établissement`, `Numéro du collège`, `UAI`...).
pub fn uai_column_of(fields: &[String]) -> Option<String> {
    [
        "identifiantdeletablissement",
        "codeetablissement",
        "numeroducollege",
        "numerodelecole",
        "numerodetablissement",
        "numerouai",
        "uai",
        "codeuai",
        "coderne",
    ]
    .iter()
    .find_map(|k| fields.iter().find(|f| header_key(f) == *k).cloned())
}

/// The columns a national table's rows are read through, found once per table.
struct Rows {
    uai: Option<String>,
    departement: Option<String>,
    commune: Option<String>,
    lat: Option<String>,
    lon: Option<String>,
    x: Option<String>,
    y: Option<String>,
    epsg: Option<String>,
}

impl Rows {
    /// The columns of `layer`, the user's UAI column first when the table has it.
    fn of(layer: &Layer, user_uai: Option<String>) -> Rows {
        Rows {
            uai: user_uai
                .filter(|u| layer.fields.contains(u))
                .or_else(|| uai_column_of(&layer.fields)),
            departement: col(layer, &["codedepartement", "codedudepartement"]),
            commune: col(
                layer,
                &[
                    "codecommune",
                    "codeinseedelacommune",
                    "codeinsee",
                    "inseecom",
                ],
            ),
            lat: col(layer, &["latitude", "lat"]),
            lon: col(layer, &["longitude", "lon"]),
            x: col(layer, &["coordonneex"]),
            y: col(layer, &["coordonneey"]),
            epsg: col(layer, &["epsg"]),
        }
    }

    /// The row's UAI, when it is one.
    fn uai(&self, f: &Feature) -> Option<String> {
        let u = text(f, &self.uai)?.to_ascii_uppercase();
        crate::io::import::is_uai(&u).then_some(u)
    }

    /// True when the row is in the département (by its département or commune code), or
    /// when nothing says where it is.
    fn in_departement(&self, f: &Feature, code: &str) -> bool {
        if let Some(d) = text(f, &self.departement) {
            return normalise_departement(&d) == code;
        }
        match text(f, &self.commune) {
            Some(c) => departement_of_commune(&c) == code,
            None => true,
        }
    }

    /// A location from the row: its latitude/longitude, or `Coordonnee X/Y` in the projection
    /// its `EPSG` column names (Lambert-93 when it names none).
    fn location(
        &self,
        f: &Feature,
        cache: &mut HashMap<u16, Option<ToWgs84>>,
    ) -> Option<geo::Point<f64>> {
        if let Some(geo::Geometry::Point(p)) = f.geometry.as_deref() {
            return Some(*p);
        }
        if let (Some(lat), Some(lon)) = (num(f, &self.lat), num(f, &self.lon))
            && lat.abs() <= 90.0
            && lon.abs() <= 180.0
        {
            return Some(geo::Point::new(lon, lat));
        }
        let x = num(f, &self.x)?;
        let y = num(f, &self.y)?;
        let epsg = text(f, &self.epsg)
            .and_then(|e| {
                e.rsplit(':')
                    .next()
                    .and_then(|c| c.trim().parse::<u16>().ok())
            })
            .unwrap_or(2154);
        let conv = cache
            .entry(epsg)
            .or_insert_with(|| ToWgs84::from_epsg(epsg).ok())
            .as_ref()?;
        let (lon, lat) = conv.convert(x, y).ok()?;
        Some(geo::Point::new(lon, lat))
    }
}

/// Builds the territory. `progress` hears each step.
pub fn build_departement(
    spec: &DepartementSpec,
    progress: &mut dyn FnMut(Step),
) -> Result<DepartementBuild, DepartementError> {
    progress(Step::Recognising);
    let files: Vec<Recognised> = expand(&spec.inputs).iter().map(|p| recognise(p)).collect();
    let mut report = DepartementReport::of_files(&files);
    let mut problems = Report::default();
    let inputs = Inputs { files: &files };
    let path_of = |role: Role| inputs.path_of(role);
    let read = |role: Role, report: &DepartementReport, problems: &mut Report| {
        inputs.read(role, report, problems)
    };
    check_uai_columns(spec, &files, &report)?;
    // the user's UAI column: the one named for this file, else the one named for every table
    let uai_for = |layer: &Layer| {
        spec.uai_columns
            .get(&layer.file)
            .cloned()
            .or_else(|| spec.uai_column.clone())
    };

    // The carte scolaire first: it names the département
    let carte = read(Role::CarteScolaire, &report, &mut problems)?
        .map(|l| read_carte(&l))
        .transpose()
        .map_err(|c| DepartementError::MissingColumn(c, Box::new(report.clone())))?;
    let directory = read(Role::Directory, &report, &mut problems)?;
    let code = departement_code(spec, carte.as_ref(), directory.as_ref());
    report.code = code.clone();

    // Units
    progress(Step::Contours);
    let Some(units_layer) = contours(&inputs, &mut report, &mut problems)? else {
        return Err(DepartementError::NoContours(Box::new(report)));
    };
    let (mut units, unit_commune, unit_population) =
        units_of(&units_layer, report.iris, &code, &mut problems);
    report.units = units.len();
    if units.is_empty() {
        return Err(DepartementError::NoUnits(Box::new(report)));
    }
    let unit_of_commune = units_by_commune(&unit_commune);

    // Collèges
    progress(Step::Colleges);
    let geoloc = read(Role::Geolocation, &report, &mut problems)?;
    let college_ips = read(Role::CollegeIps, &report, &mut problems)?;
    let headcounts = read(Role::CollegeHeadcounts, &report, &mut problems)?;
    let second = read(Role::SecondDegreeHeadcounts, &report, &mut problems)?;
    let mut cache = HashMap::new();
    let sources = CollegeSources {
        directory: directory.as_ref(),
        geoloc: geoloc.as_ref(),
        ips: college_ips.as_ref(),
        headcounts: [second.as_ref(), headcounts.as_ref()],
    };
    let colleges = colleges_from(&sources, &uai_for, &code, &mut cache, &mut report)?;

    // Écoles: headcounts and IPS per unit
    progress(Step::Ecoles);
    let ecole_heads = read(Role::EcoleHeadcounts, &report, &mut problems)?;
    let ecole_ips = read(Role::EcoleIps, &report, &mut problems)?;
    let census = read(Role::Census, &report, &mut problems)?;
    let ecoles = Ecoles {
        directory: directory.as_ref(),
        heads: ecole_heads.as_ref(),
        ips: ecole_ips.as_ref(),
    };
    ecole_estimates(
        &ecoles,
        &uai_for,
        &mut cache,
        &mut units,
        (&unit_commune, &unit_of_commune),
        &mut report,
    );
    if let Some(c) = &census {
        attach_census(c, &mut units, report.iris, &mut report);
    }

    // The territory, then the baseline from the carte scolaire
    progress(Step::Building);
    let info = |method: Vec<MethodNote>| territory_info(spec, &code, &files, method);
    let build = |units: Vec<Unit>, method: Vec<MethodNote>| {
        Territory::new(info(method), GroupScheme::depp4(), units, colleges.clone())
            .map_err(|e| DepartementError::Territory(e.to_string()))
    };
    let territory = build(units.clone(), Vec::new())?;
    let addresses = path_of(Role::Addresses);
    let street_match = match (&carte, &addresses) {
        (Some(carte), Some(path)) => Some(street_match_of(
            path,
            carte,
            &territory,
            &unit_of_commune,
            progress,
            &report,
        )?),
        _ => None,
    };
    let (baseline, unknown) = baseline_from_carte(
        &territory,
        carte.as_ref(),
        &unit_commune,
        street_match.as_ref(),
        &mut report,
    );
    let mut unknown: Vec<String> = unknown.into_iter().collect();
    unknown.sort();
    report.unknown_carte_colleges = unknown;
    report.streets = street_match;
    if let Some(c) = &carte {
        report.carte = c.counts();
    }
    let attached = territory
        .unit_ids()
        .filter(|&u| baseline.assignment(u).main_college().is_some())
        .count();
    if attached == 0 {
        return Err(DepartementError::NothingAttached(Box::new(report)));
    }

    // Last resort for pupils: each public collège's headcount spread over its sector by the
    // units' population when the contours give it, else by area
    if ecole_heads.is_none() {
        spread_headcounts(
            &territory,
            &baseline,
            &unit_population,
            &mut units,
            &mut report,
        );
    }
    let mut territory = build(units, method_notes(&report))?;
    // the street rows of the communes divided by streets, kept for the carte scolaire export
    if let Some(c) = &carte {
        territory.street_ranges = street_ranges_of(c, &unit_commune);
    }

    report.capture = captures(&territory, &baseline);
    Ok(DepartementBuild {
        territory,
        baseline,
        report,
        problems,
    })
}

/// The département's collèges from their tables; refused when no table names any, or none is
/// placed.
fn colleges_from(
    sources: &CollegeSources,
    uai_for: &dyn Fn(&Layer) -> Option<String>,
    code: &str,
    cache: &mut HashMap<u16, Option<ToWgs84>>,
    report: &mut DepartementReport,
) -> Result<Vec<College>, DepartementError> {
    if sources.directory.is_none() && sources.geoloc.is_none() && sources.ips.is_none() {
        return Err(DepartementError::NoColleges(Box::new(report.clone())));
    }
    let drafts = college_drafts(sources, uai_for, code, cache, report);
    let colleges = colleges_of(&drafts, report);
    if colleges.is_empty() {
        return Err(DepartementError::NoCollegePlaced(Box::new(report.clone())));
    }
    Ok(colleges)
}

impl DepartementReport {
    /// A report on these files, before anything is read: which roles are missing.
    fn of_files(files: &[Recognised]) -> Self {
        DepartementReport {
            missing: Role::ALL
                .iter()
                .copied()
                .filter(|r| !files.iter().any(|f| f.role == Some(*r)))
                .collect(),
            files: files.to_vec(),
            ..DepartementReport::default()
        }
    }
}

/// The contours the units come from: IRIS when given, else communes.
fn contours(
    inputs: &Inputs,
    report: &mut DepartementReport,
    problems: &mut Report,
) -> Result<Option<Layer>, DepartementError> {
    let iris = inputs.read(Role::Iris, report, problems)?;
    report.iris = iris.is_some();
    match iris {
        Some(l) => Ok(Some(l)),
        None => inputs.read(Role::Communes, report, problems),
    }
}

/// The territory's name, sources and method.
fn territory_info(
    spec: &DepartementSpec,
    code: &str,
    files: &[Recognised],
    method: Vec<MethodNote>,
) -> TerritoryInfo {
    TerritoryInfo {
        name: spec
            .name
            .clone()
            .unwrap_or_else(|| format!("Département {code}")),
        fictional: false,
        sources: files
            .iter()
            .filter(|f| f.role.is_some())
            .filter_map(|f| f.path.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect(),
        notes: String::new(),
        method,
    }
}

/// The units of each commune (one for a commune, several for its IRIS).
fn units_by_commune(unit_commune: &[String]) -> HashMap<String, Vec<usize>> {
    let mut m: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in unit_commune.iter().enumerate() {
        m.entry(c.clone()).or_default().push(i);
    }
    m
}

/// The files of a département import, by role.
struct Inputs<'a> {
    files: &'a [Recognised],
}

impl Inputs<'_> {
    /// The file recognised in this role, if any.
    fn path_of(&self, role: Role) -> Option<PathBuf> {
        self.files
            .iter()
            .find(|f| f.role == Some(role))
            .map(|f| f.path.clone())
    }

    /// The file of this role, read (None: no such file); a file that cannot be read stops the
    /// import, with the report so far.
    fn read(
        &self,
        role: Role,
        report: &DepartementReport,
        problems: &mut Report,
    ) -> Result<Option<Layer>, DepartementError> {
        let Some(p) = self.path_of(role) else {
            return Ok(None);
        };
        let (layer, r) = read_layer(&p);
        let fatal = r.has_fatal();
        problems.extend(r);
        match layer {
            Some(l) if !fatal => Ok(Some(l)),
            _ => Err(DepartementError::Unreadable(
                p.display().to_string(),
                Box::new(report.clone()),
            )),
        }
    }
}

/// The address file matched to the carte scolaire's street rows, with its progress in bytes.
fn street_match_of(
    path: &std::path::Path,
    carte: &super::carte::Carte,
    territory: &Territory,
    unit_of_commune: &HashMap<String, Vec<usize>>,
    progress: &mut dyn FnMut(Step),
    report: &DepartementReport,
) -> Result<super::ban::StreetMatch, DepartementError> {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let locate = |commune: &str, lon: f64, lat: f64| -> Option<usize> {
        let candidates = unit_of_commune.get(commune)?;
        if candidates.len() == 1 {
            return Some(candidates[0]);
        }
        territory
            .unit_at(geo::Point::new(lon, lat), 0.0)
            .map(|u| u.index())
    };
    match_addresses(path, carte, &locate, &mut |b| {
        progress(Step::Addresses(b, size))
    })
    .map_err(|e| {
        DepartementError::Unreadable(format!("{}: {e}", path.display()), Box::new(report.clone()))
    })
}

/// The tables a département's collèges come from.
struct CollegeSources<'a> {
    directory: Option<&'a Layer>,
    geoloc: Option<&'a Layer>,
    ips: Option<&'a Layer>,
    /// The second degré's headcounts, then the collèges' by level.
    headcounts: [Option<&'a Layer>; 2],
}

/// Every collège of the département the tables name, with what each table tells of it.
fn college_drafts(
    sources: &CollegeSources,
    uai_for: &dyn Fn(&Layer) -> Option<String>,
    code: &str,
    cache: &mut HashMap<u16, Option<ToWgs84>>,
    report: &mut DepartementReport,
) -> BTreeMap<String, Draft> {
    let mut drafts: BTreeMap<String, Draft> = BTreeMap::new();
    if let Some(d) = sources.directory {
        let rows = Rows::of(d, uai_for(d));
        drafts_from_directory(d, &rows, code, cache, report, &mut drafts);
    }
    if let Some(g) = sources.geoloc {
        let rows = Rows::of(g, uai_for(g));
        let take_new = sources.directory.is_none();
        drafts_from_geolocation(g, &rows, code, take_new, cache, report, &mut drafts);
    }
    if let Some(l) = sources.ips {
        let rows = Rows::of(l, uai_for(l));
        let take_new = sources.directory.is_none() && sources.geoloc.is_none();
        drafts_from_ips(l, &rows, code, take_new, &mut drafts);
    }
    // headcounts: the IPS file's (the same rentrée as the IPS), else the latest by level, else
    // the second degré's, else the directory's
    for (layer, total_prefix) in sources
        .headcounts
        .into_iter()
        .zip(["nombredeleves", "nombredelevestotal"])
    {
        if let Some(l) = layer {
            let rows = Rows::of(l, uai_for(l));
            headcounts_into(l, &rows, total_prefix, &mut drafts);
        }
    }
    for d in drafts.values_mut() {
        d.pupils = d.pupils_ips.or(d.pupils);
    }
    drafts
}

/// The current map from the carte scolaire: each unit under its commune's rule; a commune the
/// carte does not name, or whose collèges are unknown, goes to the nearest public collège (said
/// so). Returns the map and the UAIs of the carte that no collège has.
fn baseline_from_carte(
    territory: &Territory,
    carte: Option<&super::carte::Carte>,
    unit_commune: &[String],
    street_match: Option<&super::ban::StreetMatch>,
    report: &mut DepartementReport,
) -> (Scenario, HashSet<String>) {
    let mut baseline = Scenario::unassigned(ScenarioMeta::new("Carte actuelle"), territory);
    let nearest = |u: usize, among: &[crate::model::CollegeId]| {
        among.iter().copied().min_by(|&a, &b| {
            territory
                .straight_line_m(crate::model::UnitId(u as u32), a)
                .total_cmp(&territory.straight_line_m(crate::model::UnitId(u as u32), b))
        })
    };
    let publics: Vec<crate::model::CollegeId> = territory
        .college_ids()
        .filter(|&c| territory.college(c).sector == Sector::Public)
        .collect();
    let mut unknown: HashSet<String> = HashSet::new();
    for (i, commune) in unit_commune.iter().enumerate() {
        let uid = crate::model::UnitId(i as u32);
        let rule = carte.and_then(|c| c.communes.get(commune));
        let assignment = assignment_under_rule(
            territory,
            i,
            rule,
            street_match,
            &nearest,
            &mut unknown,
            report,
        );
        let assignment = assignment.or_else(|| {
            if rule.is_none() || carte.is_none() {
                report.not_in_carte.push(territory.unit(uid).name.clone());
            }
            nearest(i, &publics).map(Assignment::College)
        });
        if let Some(a) = assignment {
            baseline.replace_assignment(uid, a);
        }
    }
    (baseline, unknown)
}

/// The école files a département's estimates come from.
struct Ecoles<'a> {
    directory: Option<&'a Layer>,
    heads: Option<&'a Layer>,
    ips: Option<&'a Layer>,
}

/// Each unit's pupils (its écoles' CP to CM2, scaled to four collège years) and IPS (its
/// écoles' published IPS weighted by their pupils), marked estimated.
fn ecole_estimates(
    ecoles: &Ecoles,
    uai_for: &dyn Fn(&Layer) -> Option<String>,
    cache: &mut HashMap<u16, Option<ToWgs84>>,
    units: &mut [Unit],
    (unit_commune, unit_of_commune): (&[String], &HashMap<String, Vec<usize>>),
    report: &mut DepartementReport,
) {
    let (mut ecole_commune, ecole_point) = match ecoles.directory {
        Some(d) => ecoles_of_directory(d, &Rows::of(d, uai_for(d)), cache),
        None => Default::default(),
    };
    let ips_of = match ecoles.ips {
        Some(l) => ecole_ips_of(l, &Rows::of(l, uai_for(l)), &mut ecole_commune),
        None => HashMap::new(),
    };
    // commune names, for école rows that only name their commune
    let commune_by_name: HashMap<String, String> = units
        .iter()
        .zip(unit_commune)
        .filter(|_| !report.iris)
        .map(|(u, c)| (school_key(&u.name), c.clone()))
        .collect();
    let unit_of_ecole = |uai: &str, commune_name: Option<&str>| -> Option<usize> {
        if report.iris {
            let p = ecole_point.get(uai)?;
            return units.iter().position(|u| match &u.shape {
                UnitShape::Area(mp) => geo::Contains::contains(mp, p),
                UnitShape::Point(_) => false,
            });
        }
        let c = ecole_commune
            .get(uai)
            .cloned()
            .or_else(|| commune_by_name.get(&school_key(commune_name?)).cloned())?;
        unit_of_commune.get(&c).and_then(|v| v.first().copied())
    };
    // (elementary pupils, CM2, Σ pupils × IPS, pupils with IPS) per unit
    let mut per_unit: PerUnit = vec![(0.0, 0.0, 0.0, 0.0); units.len()];
    let (ecoles_counted, heads_year, ecole_pupils) = match ecoles.heads {
        Some(l) => ecole_heads_per_unit(l, &Rows::of(l, uai_for(l)), &unit_of_ecole, &mut per_unit),
        None => (0, String::new(), HashMap::new()),
    };
    for (uai, ips) in &ips_of {
        let Some(u) = unit_of_ecole(uai, None) else {
            continue;
        };
        // weighted by the école's elementary pupils when known, else counted once
        let w = ecole_pupils
            .get(uai)
            .copied()
            .filter(|&w| w > 0.0)
            .unwrap_or(1.0);
        per_unit[u].2 += w * ips;
        per_unit[u].3 += w;
        report.ips_ecoles += 1;
    }
    if ecoles.heads.is_some() {
        report.pupils = PupilsSource::Ecoles {
            ecoles: ecoles_counted,
            year: heads_year,
            units_without: per_unit.iter().filter(|p| p.0 == 0.0).count(),
        };
    }
    for (u, p) in units.iter_mut().zip(&per_unit) {
        if ecoles.heads.is_some() {
            // five école years (CP..CM2) stand for four collège years; CM2 is next year's 6e
            u.population.pupils = Some(p.0 * 4.0 / 5.0);
            u.population.cohort_6e = Some(p.1);
            u.population.pupils_estimated = true;
        }
        if p.3 > 0.0 {
            u.population.ips_mean = Some(p.2 / p.3);
            u.population.ips_estimated = true;
            report.units_with_ips += 1;
        }
    }
}

/// A UAI column the user named must exist in some file (or in the file named with it).
fn check_uai_columns(
    spec: &DepartementSpec,
    files: &[Recognised],
    report: &DepartementReport,
) -> Result<(), DepartementError> {
    if let Some(c) = &spec.uai_column {
        let known = files.iter().any(|f| f.columns.contains(c));
        if !known {
            return Err(DepartementError::MissingColumn(
                c.clone(),
                Box::new(report.clone()),
            ));
        }
    }
    for (file, c) in &spec.uai_columns {
        let known = files.iter().any(|f| {
            f.path
                .file_name()
                .is_some_and(|n| n.to_string_lossy() == *file)
                && f.columns.contains(c)
        });
        if !known {
            return Err(DepartementError::MissingColumn(
                format!("{c} ({file})"),
                Box::new(report.clone()),
            ));
        }
    }
    Ok(())
}

/// The département: the one given, else the carte scolaire's, else the directory's most
/// frequent.
fn departement_code(
    spec: &DepartementSpec,
    carte: Option<&super::carte::Carte>,
    directory: Option<&Layer>,
) -> String {
    spec.code
        .as_deref()
        .map(normalise_departement)
        .or_else(|| carte.and_then(|c| c.departement.clone()))
        .or_else(|| {
            let d = directory?;
            let c = col(d, &["codedepartement"])?;
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for f in &d.features {
                if let Some(v) = text(f, &Some(c.clone())) {
                    *counts.entry(normalise_departement(&v)).or_default() += 1;
                }
            }
            counts.into_iter().max_by_key(|(_, n)| *n).map(|(d, _)| d)
        })
        .unwrap_or_default()
}

/// The street rows of the communes of the territory that the carte scolaire divides by streets.
fn street_ranges_of(
    c: &super::carte::Carte,
    unit_commune: &[String],
) -> Vec<crate::model::StreetRange> {
    let mut ranges = Vec::new();
    let communes: HashSet<&String> = unit_commune.iter().collect();
    for (code, rule) in &c.communes {
        if let (true, CommuneRule::Streets(rows)) = (communes.contains(code), rule) {
            ranges.extend(rows.iter().map(|r| crate::model::StreetRange {
                commune: code.clone(),
                street: r.street.clone(),
                from: r.from,
                to: r.to,
                parity: r.parity.code().to_string(),
                uai: r.uai.clone(),
            }));
        }
    }
    ranges
}

/// Each public collège's published headcount against its sector's pupils at the current map.
fn captures(territory: &Territory, baseline: &Scenario) -> Vec<Capture> {
    let mut capture = Vec::new();
    let metrics = crate::metrics::Metrics::new(
        territory,
        baseline,
        crate::metrics::MetricsConfig::default(),
    );
    for c in territory.college_ids() {
        let college = territory.college(c);
        if college.sector != Sector::Public {
            continue;
        }
        if let Some(published) = college.observed_pupils {
            capture.push(Capture {
                uai: college.uai.clone(),
                name: college.name.clone(),
                published,
                sector: metrics.college(c, territory).pupils,
            });
        }
    }
    capture
}

/// Where a unit goes under its commune's rule in the carte scolaire: its collège, the collèges
/// it is shared between (equal parts), or, divided by streets, the shares of its addresses (else
/// the nearest of the collèges its streets name, estimated). UAIs the territory lacks are
/// collected in `unknown`; the report counts each case.
fn assignment_under_rule(
    territory: &Territory,
    i: usize,
    rule: Option<&CommuneRule>,
    street_match: Option<&super::ban::StreetMatch>,
    nearest: &dyn Fn(usize, &[crate::model::CollegeId]) -> Option<crate::model::CollegeId>,
    unknown: &mut HashSet<String>,
    report: &mut DepartementReport,
) -> Option<Assignment> {
    let uid = crate::model::UnitId(i as u32);
    let known = |uais: Vec<String>, unknown: &mut HashSet<String>| {
        uais.into_iter()
            .filter_map(|u| {
                let c = territory.college_by_uai(&u);
                if c.is_none() {
                    unknown.insert(u);
                }
                c
            })
            .collect::<Vec<_>>()
    };
    match rule {
        Some(CommuneRule::Single(u)) => {
            let ids = known(vec![u.clone()], unknown);
            ids.first().map(|&c| {
                report.placed_single += 1;
                Assignment::College(c)
            })
        }
        Some(CommuneRule::Shared(v)) => {
            let ids = known(v.clone(), unknown);
            match ids.len() {
                0 => None,
                1 => {
                    report.placed_single += 1;
                    Some(Assignment::College(ids[0]))
                }
                n => {
                    report.placed_shared += 1;
                    Some(Assignment::Shares(
                        ids.iter().map(|&c| (c, 1.0 / n as f64)).collect(),
                    ))
                }
            }
        }
        Some(rule @ CommuneRule::Streets(_)) => {
            let ids = known(rule.colleges(), unknown);
            let by_addresses = street_match
                .and_then(|m| m.per_unit.get(&i))
                .map(|counts| {
                    let total: u64 = counts
                        .iter()
                        .filter(|(u, _)| territory.college_by_uai(u).is_some())
                        .map(|(_, n)| n)
                        .sum();
                    counts
                        .iter()
                        .filter_map(|(u, &n)| {
                            Some((territory.college_by_uai(u)?, n as f64 / total as f64))
                        })
                        .collect::<Vec<_>>()
                })
                .filter(|v| !v.is_empty());
            match by_addresses {
                Some(v) if v.len() == 1 => {
                    report.streets_by_addresses += 1;
                    Some(Assignment::College(v[0].0))
                }
                Some(v) => {
                    report.streets_by_addresses += 1;
                    Some(Assignment::Shares(v))
                }
                None => {
                    report
                        .streets_estimated
                        .push(territory.unit(uid).name.clone());
                    nearest(i, &ids).map(Assignment::College)
                }
            }
        }
        None => None,
    }
}

/// The last resort for pupils: each public collège's published headcount spread over its
/// sector by the units' population when the contours give it, else by area.
fn spread_headcounts(
    territory: &Territory,
    baseline: &Scenario,
    unit_population: &[Option<f64>],
    units: &mut [Unit],
    report: &mut DepartementReport,
) {
    let by_population = unit_population.iter().all(Option::is_some);
    let weight = |i: usize| match (&territory.units()[i].shape, by_population) {
        (_, true) => unit_population[i].unwrap_or(0.0),
        (UnitShape::Area(mp), false) => mp.unsigned_area(),
        (UnitShape::Point(_), false) => 0.0,
    };
    let mut sector_area: HashMap<crate::model::CollegeId, f64> = HashMap::new();
    for u in territory.unit_ids() {
        for (c, s) in baseline.assignment(u).shares() {
            *sector_area.entry(c).or_default() += s * weight(u.index());
        }
    }
    let mut any = false;
    for (i, u) in units.iter_mut().enumerate() {
        let uid = crate::model::UnitId(i as u32);
        let mut pupils = 0.0;
        let mut known = false;
        for (c, s) in baseline.assignment(uid).shares() {
            let college = territory.college(c);
            if let (Some(p), Some(a)) = (college.observed_pupils, sector_area.get(&c))
                && *a > 0.0
            {
                pupils += p * s * weight(i) / a;
                known = true;
            }
        }
        if known {
            u.population.pupils = Some(pupils);
            u.population.pupils_estimated = true;
            any = true;
        }
    }
    if any {
        report.pupils = if by_population {
            PupilsSource::SpreadByPopulation
        } else {
            PupilsSource::SpreadByArea
        };
    }
}

/// The territory's notes on its method: how pupils and IPS were estimated, what was shared or
/// placed by estimate.
fn method_notes(report: &DepartementReport) -> Vec<MethodNote> {
    let mut notes = Vec::new();
    match &report.pupils {
        PupilsSource::Ecoles { year, .. } => {
            notes.push(MethodNote::PupilsFromEcoles { year: year.clone() })
        }
        PupilsSource::SpreadByArea => notes.push(MethodNote::PupilsSpreadByArea),
        PupilsSource::SpreadByPopulation => notes.push(MethodNote::PupilsSpreadByPopulation),
        PupilsSource::None => {}
    }
    if report.units_with_ips > 0 {
        notes.push(MethodNote::IpsFromEcoles {
            ecoles: report.ips_ecoles,
        });
    }
    if report.placed_shared > 0 {
        notes.push(MethodNote::SharedEqually {
            communes: report.placed_shared,
        });
    }
    if !report.streets_estimated.is_empty() {
        notes.push(MethodNote::StreetsToNearest {
            communes: report.streets_estimated.clone(),
        });
    }
    if !report.not_in_carte.is_empty() {
        notes.push(MethodNote::NotInCarte {
            communes: report.not_in_carte.clone(),
        });
    }
    notes
}

/// Each école's commune and position, from the directory.
fn ecoles_of_directory(
    d: &Layer,
    rows: &Rows,
    cache: &mut HashMap<u16, Option<ToWgs84>>,
) -> (HashMap<String, String>, HashMap<String, geo::Point<f64>>) {
    let mut ecole_commune: HashMap<String, String> = HashMap::new();
    let mut ecole_point: HashMap<String, geo::Point<f64>> = HashMap::new();
    let commune_col = col(d, &["codecommune"]);
    for f in &d.features {
        if let Some(uai) = rows.uai(f) {
            if let Some(c) = text(f, &commune_col) {
                ecole_commune.insert(uai.clone(), c);
            }
            if let Some(p) = rows.location(f, cache) {
                ecole_point.insert(uai, p);
            }
        }
    }
    (ecole_commune, ecole_point)
}

/// Each école's published IPS (and its commune, when the directory did not give it).
fn ecole_ips_of(
    l: &Layer,
    rows_l: &Rows,
    ecole_commune: &mut HashMap<String, String>,
) -> HashMap<String, f64> {
    let mut ips_of: HashMap<String, f64> = HashMap::new();
    let (rows, _) = latest_rows(l);
    let commune_col = col(l, &["codeinseedelacommune", "codecommune", "codeinsee"]);
    let ips_col = col(l, &["ips"]);
    for f in rows {
        let Some(uai) = rows_l.uai(f) else {
            continue;
        };
        if let Some(c) = text(f, &commune_col) {
            ecole_commune.entry(uai.clone()).or_insert(c);
        }
        if let Some(x) = num(f, &ips_col).filter(|x| (40.0..=200.0).contains(x)) {
            ips_of.insert(uai, x);
        }
    }
    ips_of
}

/// (elementary pupils, CM2, Σ pupils × IPS, pupils with IPS) per unit.
type PerUnit = Vec<(f64, f64, f64, f64)>;

/// Adds each école's elementary pupils and CM2 to its unit; returns how many écoles were
/// counted, the rentrée, and each école's elementary pupils.
fn ecole_heads_per_unit(
    l: &Layer,
    rows_l: &Rows,
    unit_of_ecole: &dyn Fn(&str, Option<&str>) -> Option<usize>,
    per_unit: &mut PerUnit,
) -> (usize, String, HashMap<String, f64>) {
    let mut ecoles_counted = 0;
    let mut ecole_pupils: HashMap<String, f64> = HashMap::new();
    let (rows, year) = latest_rows(l);
    let level = |lv: &str| col_prefix(l, &format!("nombredelevesen{lv}"));
    let levels: Vec<Option<String>> = ["cp", "ce1", "ce2", "cm1", "cm2"]
        .iter()
        .map(|lv| level(lv))
        .collect();
    let commune_name_col = col(l, &["commune", "nomcommune"]);
    for f in rows {
        let Some(uai) = rows_l.uai(f) else {
            continue;
        };
        let elementary: f64 = levels.iter().map(|c| num(f, c).unwrap_or(0.0)).sum();
        let cm2 = num(f, &levels[4]).unwrap_or(0.0);
        let Some(u) = unit_of_ecole(&uai, text(f, &commune_name_col).as_deref()) else {
            continue;
        };
        ecoles_counted += 1;
        per_unit[u].0 += elementary;
        per_unit[u].1 += cm2;
        ecole_pupils.insert(uai, elementary);
    }
    (ecoles_counted, year, ecole_pupils)
}

/// The units of the contours (IRIS, else communes) in the département, with each one's commune
/// and population when the contours give it.
fn units_of(
    units_layer: &Layer,
    iris: bool,
    code: &str,
    problems: &mut Report,
) -> (Vec<Unit>, Vec<String>, Vec<Option<f64>>) {
    let key_col = if iris {
        col(units_layer, &["codeiris", "dcomiris", "iris"])
    } else {
        col(
            units_layer,
            &[
                "code",
                "inseecom",
                "codeinsee",
                "codgeo",
                "insee",
                "codecommune",
            ],
        )
    };
    let name_col = col(
        units_layer,
        &["nomiris", "libiris", "nom", "nomcom", "libelle", "name"],
    );
    let commune_col = col(units_layer, &["inseecom", "depcom", "codecommune"]);
    // IGN's contours carry each commune's population: the better weight when pupils must be
    // spread over a sector
    let population_col = col(
        units_layer,
        &["population", "pmun", "ptot", "p21pop", "p20pop", "p19pop"],
    );
    let mut unit_population: Vec<Option<f64>> = Vec::new();
    let mut units: Vec<Unit> = Vec::new();
    let mut unit_commune: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for f in &units_layer.features {
        let Some(key) = text(f, &key_col) else {
            continue;
        };
        let commune = if iris {
            text(f, &commune_col).unwrap_or_else(|| key.chars().take(5).collect())
        } else {
            key.clone()
        };
        if !code.is_empty() && departement_of_commune(&commune) != code {
            continue;
        }
        if !seen.insert(key.clone()) {
            continue;
        }
        // validated as every imported polygon is: repaired when it crosses itself, said so
        let Some(mp) = crate::io::import::area_of(f, &units_layer.file, problems) else {
            continue;
        };
        let shape = UnitShape::Area(mp);
        units.push(Unit {
            name: text(f, &name_col).unwrap_or_else(|| key.clone()),
            key,
            anchor: unit_anchor(&shape),
            shape,
            population: Population::default(),
            school: None,
        });
        unit_commune.push(commune);
        unit_population.push(num(f, &population_col).filter(|p| *p >= 0.0));
    }
    (units, unit_commune, unit_population)
}

/// Whether an establishment type names a collège.
fn college_word(s: &str) -> bool {
    header_key(s).contains("college")
}

/// The open collèges of the directory, public or private under contract (those outside
/// contract are counted and left out).
fn drafts_from_directory(
    d: &Layer,
    rows: &Rows,
    code: &str,
    cache: &mut HashMap<u16, Option<ToWgs84>>,
    report: &mut DepartementReport,
    drafts: &mut BTreeMap<String, Draft>,
) {
    let type_col = col(d, &["typeetablissement"]);
    let status_col = col(d, &["statutpublicprive"]);
    let contract_col = col(d, &["typecontratprive"]);
    let state_col = col(d, &["etat", "etatetablissement"]);
    let name_col = col(d, &["nometablissement", "appellationofficielle"]);
    let rep_col = col(d, &["appartenanceeducationprioritaire"]);
    let pupils_col = col(d, &["nombredeleves"]);
    for f in &d.features {
        if !text(f, &type_col).is_some_and(|t| college_word(&t)) || !rows.in_departement(f, code) {
            continue;
        }
        if text(f, &state_col).is_some_and(|s| !header_key(&s).starts_with("ouvert")) {
            continue;
        }
        let Some(uai) = rows.uai(f) else {
            continue;
        };
        let private = text(f, &status_col).map(|s| header_key(&s).starts_with("priv"));
        if text(f, &contract_col).is_some_and(|c| header_key(&c).contains("horscontrat")) {
            report.hors_contrat += 1;
            continue;
        }
        let rep = match text(f, &rep_col).map(|r| r.to_ascii_uppercase()) {
            Some(r) if r.contains("REP+") => Rep::RepPlus,
            Some(r) if r.contains("REP") => Rep::Rep,
            _ => Rep::None,
        };
        drafts.insert(
            uai,
            Draft {
                name: text(f, &name_col),
                location: rows.location(f, cache),
                private,
                rep,
                pupils: num(f, &pupils_col),
                ..Draft::default()
            },
        );
    }
}

/// Places the directory's collèges; without a directory, its open collèges are the list.
fn drafts_from_geolocation(
    g: &Layer,
    rows: &Rows,
    code: &str,
    take_new: bool,
    cache: &mut HashMap<u16, Option<ToWgs84>>,
    report: &mut DepartementReport,
    drafts: &mut BTreeMap<String, Draft>,
) {
    let nature_col = col(g, &["nature", "natureuailibe", "libellenature"]);
    let sector_col = col(g, &["secteurpublicprive", "secteurpublicprivelibe"]);
    let contract_col = col(
        g,
        &["secteurprivelibelletypecontrat", "contratetablissementlibe"],
    );
    let state_col = col(g, &["etatetablissement", "etatetablissementlibe"]);
    let name_col = col(g, &["appellationofficielle"]);
    for f in &g.features {
        let Some(uai) = rows.uai(f) else {
            continue;
        };
        let location = rows.location(f, cache);
        if let Some(d) = drafts.get_mut(&uai) {
            // the geolocation file places the collèges the directory lists
            d.location = location.or(d.location);
            continue;
        }
        if !take_new
            || !text(f, &nature_col).is_some_and(|t| college_word(&t))
            || !rows.in_departement(f, code)
            || text(f, &state_col).is_some_and(|s| !header_key(&s).starts_with("ouvert"))
        {
            continue;
        }
        if text(f, &contract_col).is_some_and(|c| header_key(&c).contains("horscontrat")) {
            report.hors_contrat += 1;
            continue;
        }
        drafts.insert(
            uai,
            Draft {
                name: text(f, &name_col),
                location,
                private: text(f, &sector_col).map(|s| header_key(&s).starts_with("priv")),
                ..Draft::default()
            },
        );
    }
}

/// The published IPS (and its rentrée's headcount) of each collège; without a directory nor a
/// geolocation file, its collèges are the list.
fn drafts_from_ips(
    l: &Layer,
    rows_l: &Rows,
    code: &str,
    take_new: bool,
    drafts: &mut BTreeMap<String, Draft>,
) {
    let (rows, _) = latest_rows(l);
    let ips_col = col(l, &["ips"]);
    let pupils_col = col(l, &["effectifs", "effectif"]);
    let name_col = col_prefix(l, "nomdeletabl");
    let sector_col = col(l, &["secteur"]);
    for f in rows {
        let Some(uai) = rows_l.uai(f) else {
            continue;
        };
        if !drafts.contains_key(&uai) {
            if !take_new || !rows_l.in_departement(f, code) {
                continue;
            }
            drafts.insert(
                uai.clone(),
                Draft {
                    name: text(f, &name_col),
                    private: text(f, &sector_col).map(|s| header_key(&s).starts_with("priv")),
                    ..Draft::default()
                },
            );
        }
        if let Some(d) = drafts.get_mut(&uai) {
            d.ips = num(f, &ips_col).filter(|x| (40.0..=200.0).contains(x));
            d.pupils_ips = num(f, &pupils_col);
        }
    }
}

/// Headcounts and REP networks from a headcount table.
fn headcounts_into(
    l: &Layer,
    rows_l: &Rows,
    total_prefix: &str,
    drafts: &mut BTreeMap<String, Draft>,
) {
    let (rows, _) = latest_rows(l);
    let total = col_prefix(l, total_prefix);
    // "REP" and "REP +" give the same key: told apart by their written names
    let rep_plus_col = l
        .fields
        .iter()
        .find(|f| f.replace(' ', "").eq_ignore_ascii_case("REP+") || header_key(f) == "repplus")
        .cloned();
    let rep_col = l
        .fields
        .iter()
        .find(|f| f.trim().eq_ignore_ascii_case("REP"))
        .cloned();
    for f in rows {
        let Some(uai) = rows_l.uai(f) else {
            continue;
        };
        if let Some(d) = drafts.get_mut(&uai) {
            d.pupils = num(f, &total).or(d.pupils);
            if num(f, &rep_plus_col).is_some_and(|x| x > 0.0) {
                d.rep = Rep::RepPlus;
            } else if num(f, &rep_col).is_some_and(|x| x > 0.0) && d.rep == Rep::None {
                d.rep = Rep::Rep;
            }
        }
    }
}

/// The collèges with a position (the others are listed in the report), counted in the report.
fn colleges_of(drafts: &BTreeMap<String, Draft>, report: &mut DepartementReport) -> Vec<College> {
    let mut colleges = Vec::new();
    for (uai, d) in drafts {
        let Some(location) = d.location else {
            report.unplaced.push(uai.clone());
            continue;
        };
        let name = d
            .name
            .as_deref()
            .map(crate::io::import::tidy_name)
            .unwrap_or_else(|| format!("Collège {uai}"));
        let private = d.private.unwrap_or(false);
        if private {
            report.private_colleges += 1;
        } else {
            report.public_colleges += 1;
        }
        report.with_ips += usize::from(d.ips.is_some());
        report.with_headcount += usize::from(d.pupils.is_some());
        colleges.push(College {
            short_name: crate::io::import::short_name(&name),
            capacity_pupils: None,
            rep: d.rep,
            ..College::public(uai.clone(), location)
                .named(name)
                .published(d.ips, d.pupils, private)
        });
    }
    colleges
}

/// Attaches census social groups (CS1..CS8 per IRIS or commune) to the units, scaled to their
/// pupils.
fn attach_census(layer: &Layer, units: &mut [Unit], iris: bool, report: &mut DepartementReport) {
    let cols = crate::io::import::suggest_unit_columns(&layer.fields);
    let Some(cs) = cols.census_cs else {
        return;
    };
    // the table's rows keyed as the units are: IRIS by IRIS; communes by commune, an IRIS
    // table's rows added up per commune
    let key = if iris {
        col(layer, &["iris", "codeiris"])
    } else {
        col(layer, &["codgeo", "com", "codecommune", "depcom"])
    };
    let mut totals: HashMap<String, Vec<f64>> = HashMap::new();
    for f in &layer.features {
        let Some(k) = text(f, &key) else { continue };
        let counts: Option<Vec<f64>> = cs.iter().map(|c| num(f, &Some(c.clone()))).collect();
        if let Some(counts) = counts {
            let t = totals.entry(k).or_insert_with(|| vec![0.0; counts.len()]);
            for (a, b) in t.iter_mut().zip(&counts) {
                *a += b;
            }
        }
    }
    for u in units {
        if let (Some(counts), Some(p)) = (totals.get(&u.key), u.population.pupils) {
            u.population.groups = crate::io::import::census_groups(counts, p);
            report.units_with_groups += usize::from(u.population.groups.is_some());
        }
    }
}

/// The carte scolaire of a scenario, in the ministry's columns: one `O` row per commune and
/// collège (several for a commune shared between collèges), and, for a commune divided by
/// streets that the scenario leaves as the baseline has it, its street rows as imported. Units
/// are communes keyed by their INSEE code; IRIS units are grouped by commune.
pub fn carte_scolaire_csv(
    territory: &Territory,
    scenario: &Scenario,
    baseline: &Scenario,
    departement: &str,
) -> String {
    // per commune: its name, the collèges the scenario sends it to, and whether it is as the
    // baseline has it
    let mut rows: BTreeMap<String, (String, Vec<String>, bool)> = BTreeMap::new();
    for u in territory.unit_ids() {
        let unit = territory.unit(u);
        let commune: String = unit.key.chars().take(5).collect();
        let entry = rows
            .entry(commune)
            .or_insert_with(|| (unit.name.clone(), Vec::new(), true));
        entry.2 &= scenario.assignment(u) == baseline.assignment(u);
        for (c, _) in scenario.assignment(u).shares() {
            let uai = territory.college(c).uai.clone();
            if !entry.1.contains(&uai) {
                entry.1.push(uai);
            }
        }
    }
    let mut out = String::from(
        "code_departement;code_insee;libelle_commune;Type_et_Libelle;No_de_voie_debut;No_de_voie_fin;Parite;Code_RNE;Secteur_unique\n",
    );
    let dep = if departement.len() == 2 {
        format!("0{departement}")
    } else {
        departement.to_string()
    };
    for (commune, (name, uais, unchanged)) in rows {
        let name = name.replace(';', ",");
        let streets: Vec<&crate::model::StreetRange> = territory
            .street_ranges
            .iter()
            .filter(|r| r.commune == commune)
            .collect();
        if unchanged && !streets.is_empty() {
            for r in streets {
                out.push_str(&format!(
                    "{dep};{commune};{name};{};{};{};{};{};N\n",
                    r.street.replace(';', ","),
                    r.from,
                    r.to,
                    r.parity,
                    r.uai
                ));
            }
            continue;
        }
        for uai in uais {
            out.push_str(&format!("{dep};{commune};{name};;;;;{uai};O\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_carte_scolaire_export_keeps_street_rows_only_where_the_scenario_keeps_the_commune() {
        use crate::model::{Assignment, CollegeId, StreetRange, UnitId};
        let college = |uai: &str, x: f64| College::public(uai, geo::Point::new(x, 48.0));
        let mut t = Territory::new(
            TerritoryInfo::default(),
            GroupScheme::depp4(),
            vec![
                crate::model::Unit::square("99001", 0.0, 48.0, 0.01, Population::default()),
                crate::model::Unit::square("99003", 0.01, 48.0, 0.01, Population::default()),
            ],
            vec![college("0990001A", 0.005), college("0990002B", 0.015)],
        )
        .unwrap();
        let row = |parity: &str, uai: &str| StreetRange {
            commune: "99003".into(),
            street: "RUE ST MELAINE".into(),
            from: 1,
            to: 9999,
            parity: parity.into(),
            uai: uai.into(),
        };
        t.street_ranges = vec![row("I", "0990001A"), row("P", "0990002B")];
        let mut base = Scenario::unassigned(ScenarioMeta::new("base"), &t);
        base.replace_assignment(UnitId(0), Assignment::College(CollegeId(0)));
        base.replace_assignment(
            UnitId(1),
            Assignment::Shares(vec![(CollegeId(0), 0.5), (CollegeId(1), 0.5)]),
        );
        let csv = carte_scolaire_csv(&t, &base, &base, "99");
        assert!(csv.contains("099;99001;99001;;;;;0990001A;O\n"), "{csv}");
        assert!(
            csv.contains(";99003;99003;RUE ST MELAINE;1;9999;I;0990001A;N\n"),
            "{csv}"
        );
        assert!(
            csv.contains(";99003;99003;RUE ST MELAINE;1;9999;P;0990002B;N\n"),
            "{csv}"
        );
        // the whole commune given to the second collège: its street rows no longer hold
        let mut moved = base.clone();
        moved.replace_assignment(UnitId(1), Assignment::College(CollegeId(1)));
        let csv = carte_scolaire_csv(&t, &moved, &base, "99");
        assert!(!csv.contains("RUE ST MELAINE"), "{csv}");
        assert!(csv.contains("099;99003;99003;;;;;0990002B;O\n"), "{csv}");
    }

    #[test]
    fn names_without_uai_join_exactly_by_likeness_or_not_at_all() {
        let colleges = vec![
            ("0350001A".to_string(), "Collège Auguste-Rodin".to_string()),
            ("0350002B".to_string(), "Collège Jean Moulin".to_string()),
            ("0350003C".to_string(), "Collège Paul Éluard".to_string()),
        ];
        let m = match_name("COLLEGE AUGUSTE RODIN", &colleges);
        assert_eq!((m.uai.as_deref(), m.score), (Some("0350001A"), 1.0));
        // a typo: joined, but below 1 so the user is asked to confirm
        let m = match_name("COLLEGE JEAN MOULLIN", &colleges);
        assert_eq!(m.uai.as_deref(), Some("0350002B"));
        assert!(m.score < 1.0 && m.score >= 0.85);
        // nothing alike: no join, the closest said
        let m = match_name("COLLEGE VICTOR HUGO", &colleges);
        assert_eq!(m.uai, None);
        assert!(m.college.is_some());
    }
}
