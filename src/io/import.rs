//! Building a territory from open-data files: a unit layer (IRIS, blocks), a collège table, an
//! optional table joined on UAI (the national IPS file), and a baseline taken from a column, from
//! sector polygons (each unit goes to the sector it overlaps most) or from the nearest collège.
//! Units with census social groups but no IPS get an IPS estimated by calibrating one value per
//! group against the published IPS of the current sectors' collèges (least squares); estimates
//! are marked as such. Every problem goes to the [`Report`]; what is valid loads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use geo::{Area, BooleanOps, BoundingRect, InteriorPoint, MapCoords, Validation};
use serde::{Deserialize, Serialize};

use super::layer::{Layer, read_layer};
use super::report::{ProblemKind, Reason, Report, Severity};
use crate::model::scenario::ScenarioMeta;
use crate::model::territory::unit_anchor;
use crate::model::{
    Assignment, College, CollegeId, GroupScheme, Population, Rep, Scenario, Sector, Territory,
    TerritoryInfo, Unit, UnitId, UnitShape,
};

/// Which columns of the unit layer hold what.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UnitColumns {
    /// Unique key (`CODE_IRIS`...).
    pub key: Option<String>,
    /// Name shown to users (`NOM_IRIS`...).
    pub name: Option<String>,
    /// Collège pupils (`NB_COLLEGIENS`...).
    pub pupils: Option<String>,
    /// Boursiers.
    pub boursiers: Option<String>,
    /// Mean IPS.
    pub ips: Option<String>,
    /// Census counts of people aged 15+ by socio-professional category, CS1 to CS8, turned into
    /// the four DEPP groups (the eight column names, in order).
    pub census_cs: Option<Vec<String>>,
    /// A column giving each unit's collège (UAI), for a baseline from a column.
    pub college: Option<String>,
    /// A column naming each unit's école catchment (UAI or name), so that the assistant can keep
    /// écoles whole.
    #[serde(default)]
    pub school: Option<String>,
}

/// Which columns of a collège table hold what.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CollegeColumns {
    /// UAI (`UAI`, `codeuai`, `Code_RNE`...).
    pub uai: Option<String>,
    /// Name.
    pub name: Option<String>,
    /// Published IPS.
    pub ips: Option<String>,
    /// Published headcount (`Effectifs`, `effectif`...).
    pub pupils: Option<String>,
    /// Public or private (`Secteur`, `statut_public_prive`...): text containing "priv" is private.
    pub status: Option<String>,
    /// Capacity in pupils.
    pub capacity: Option<String>,
}

/// Where the baseline comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum BaselineSource {
    /// The unit layer's collège column.
    Column,
    /// Sector polygons with a UAI column.
    Sectors {
        /// The sector layer.
        path: PathBuf,
        /// Its UAI column (suggested when absent).
        uai: Option<String>,
    },
    /// Each unit to the nearest public collège (straight line).
    Nearest,
}

/// Everything the import needs: the assistant's answers, or the command line's options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportSpec {
    /// The territory's name.
    pub name: String,
    /// The unit layer.
    pub units: PathBuf,
    /// Its columns (suggested where absent).
    pub unit_columns: UnitColumns,
    /// The collège table (CSV with longitude/latitude, or GeoJSON points).
    pub colleges: PathBuf,
    /// Its columns (suggested where absent).
    pub college_columns: CollegeColumns,
    /// Another collège table joined on UAI, filling what the first lacks (e.g. the national IPS
    /// file); only collèges already known are taken from it.
    pub join: Option<PathBuf>,
    /// Where the baseline comes from.
    pub baseline: BaselineSource,
    /// Estimate units' IPS from census groups when they have none.
    pub estimate_ips: bool,
    /// The user's own matches of collège names to UAIs (a CSV `nom;uai`, as the import writes
    /// them), for a sector file keyed by name.
    #[serde(default)]
    pub name_matches: Option<PathBuf>,
    /// Matches the user chose in the window: (name as the file writes it, UAI).
    #[serde(default)]
    pub name_choices: Vec<(String, String)>,
}

/// The calibration of one IPS per social group against the current sectors' collèges.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calibration {
    /// The IPS of each DEPP group (très favorisée, favorisée, moyenne, défavorisée).
    pub group_ips: Vec<f64>,
    /// Collèges the fit used.
    pub colleges: usize,
    /// Root mean square error between the sectors' estimated IPS and the published ones.
    pub rmse: f64,
    /// The largest error, and the collège (UAI) where it occurs.
    pub max_error: (f64, String),
    /// The published IPS range of those collèges: unit estimates are kept inside it (a linear
    /// fit on census shares extrapolates wildly for units unlike any sector).
    pub range: (f64, f64),
    /// Units whose estimate fell outside that range and was brought back to its edge.
    pub bounded_units: usize,
}

/// What an import produced.
#[derive(Debug)]
pub struct Imported {
    /// The territory.
    pub territory: Territory,
    /// Its baseline.
    pub baseline: Scenario,
    /// Every problem met.
    pub report: Report,
    /// Units that straddle sectors (key, UAI given, share of area in it).
    pub split_units: Vec<(String, String, f64)>,
    /// The IPS calibration, when IPS was estimated.
    pub calibration: Option<Calibration>,
    /// The columns used, after suggestions.
    pub unit_columns: UnitColumns,
    /// The columns used, after suggestions.
    pub college_columns: CollegeColumns,
    /// Sector names joined to collèges without a UAI, for the user to confirm or fix.
    pub name_matches: Vec<super::national::names::NameMatch>,
}

/// Why an import could not produce a territory at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// A file is unusable; the report says why.
    #[error("a file cannot be used")]
    Unusable(Report),
    /// A required column was not given and none could be suggested.
    #[error("no column for {what} in {file}")]
    NoColumn {
        /// What was looked for.
        what: &'static str,
        /// The file.
        file: String,
        /// The report so far (with the available columns).
        report: Report,
    },
    /// The territory is not consistent (e.g. no unit left).
    #[error("{0}")]
    Territory(String, Report),
}

// ---------------------------------------------------------------------------------------------
// Column suggestions

fn norm(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .replace(['é', 'è', 'ê'], "e")
}

/// The first column whose normalised name is one of `names` (in the order of `names`).
fn pick(fields: &[String], names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| {
        let n = norm(n);
        fields.iter().find(|f| norm(f) == n).cloned()
    })
}

/// Usual French open-data names for a unit layer's columns.
pub fn suggest_unit_columns(fields: &[String]) -> UnitColumns {
    let cs: Vec<String> = (1..=8)
        .filter_map(|k| {
            fields
                .iter()
                .find(|f| {
                    let n = norm(f);
                    n.ends_with(&format!("pop15pcs{k}")) || n == format!("cs{k}")
                })
                .cloned()
        })
        .collect();
    UnitColumns {
        key: pick(
            fields,
            &[
                "CODE_IRIS",
                "DCOMIRIS",
                "IRIS",
                "code",
                "id",
                "ID",
                "key",
                "INSEE_COM",
            ],
        ),
        name: pick(fields, &["NOM_IRIS", "LIBIRIS", "nom", "name", "NOM_COM"]),
        pupils: pick(
            fields,
            &[
                "NB_COLLEGIENS",
                "collegiens",
                "eleves",
                "élèves",
                "pupils",
                "effectif",
                "Effectifs",
            ],
        ),
        boursiers: pick(fields, &["boursiers", "nb_boursiers", "NB_BOURSIERS"]),
        ips: pick(fields, &["IPS", "ips_moyen", "ips"]),
        census_cs: (cs.len() == 8).then_some(cs),
        college: pick(fields, &["college", "collège", "uai_college", "secteur"]),
        school: pick(
            fields,
            &[
                "ecole",
                "école",
                "uai_ecole",
                "ecole_uai",
                "secteur_ecole",
                "school",
            ],
        ),
    }
}

/// Usual French open-data names for a collège table's columns.
pub fn suggest_college_columns(fields: &[String]) -> CollegeColumns {
    CollegeColumns {
        uai: pick(
            fields,
            &[
                "UAI",
                "codeuai",
                "code_uai",
                "Code_RNE",
                "numero_uai",
                "numero_etablissement",
                "RNE",
            ],
        ),
        name: pick(
            fields,
            &[
                "nom_etablissement",
                "Nom de l'établissment",
                "Nom de l'établissement",
                "appellation_officielle",
                "nom",
                "name",
            ],
        ),
        ips: pick(fields, &["IPS", "ips"]),
        pupils: pick(
            fields,
            &["effectif", "Effectifs", "nombre_eleves", "pupils"],
        ),
        status: pick(
            fields,
            &[
                "statut_public_prive",
                "Secteur",
                "secteur_public_prive",
                "statut",
                "sector",
            ],
        ),
        capacity: pick(fields, &["capacite", "capacité", "capacity"]),
    }
}

// ---------------------------------------------------------------------------------------------
// Helpers

fn layer_or_fail(path: &Path, report: &mut Report) -> Result<Layer, ImportError> {
    let (layer, r) = read_layer(path);
    report.extend(r);
    layer.ok_or_else(|| ImportError::Unusable(report.clone()))
}

/// A number from a column, with absurd values reported and dropped.
fn number(
    f: &super::layer::Feature,
    column: &Option<String>,
    range: (f64, f64),
    expected: &str,
    file: &str,
    report: &mut Report,
) -> Option<f64> {
    let c = column.as_ref()?;
    match f.props.get(c).map(|v| v.number()) {
        None | Some(Ok(None)) => None,
        Some(Ok(Some(x))) if x >= range.0 && x <= range.1 => Some(x),
        Some(Ok(Some(x))) => {
            report.push(
                file,
                Some(f.place.to_string()),
                Some(c),
                Severity::Skipped,
                ProblemKind::AbsurdValue {
                    value: x,
                    expected: expected.into(),
                },
            );
            None
        }
        Some(Err(v)) => {
            report.push(
                file,
                Some(f.place.to_string()),
                Some(c),
                Severity::Skipped,
                ProblemKind::NotANumber { value: v },
            );
            None
        }
    }
}

fn text(f: &super::layer::Feature, column: &Option<String>) -> Option<String> {
    column
        .as_ref()
        .and_then(|c| f.props.get(c))
        .and_then(|v| v.text())
}

/// A valid UAI: seven digits (or 6 digits and a letter for Corsica's "2A"/"2B") and a letter.
pub fn is_uai(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 8
        && b[..7].iter().all(|c| c.is_ascii_alphanumeric())
        && b[..3].iter().all(u8::is_ascii_digit)
        && b[7].is_ascii_alphabetic()
}

/// The smallest extent of a unit's shape, in its coordinates' unit (a centimetre in degrees, a
/// micrometre in metres).
const MIN_EXTENT: f64 = 1e-7;

/// The thinnest ring kept, as its convex hull's area over its extent squared.
const THINNEST: f64 = 1e-4;

/// The cells of the grid an outline is snapped to before it is repaired, along its extent, at
/// least: the grid is never finer than the one adjacency matches vertices on.
const REPAIR_GRID: f64 = (1 << 24) as f64;

/// The size of the grid an outline of that extent is snapped to before it is repaired: a
/// centimetre in degrees (1e-7, where adjacency matches vertices, so that a repaired unit still
/// shares its edges with its neighbours), or extent / 2^24 where that is coarser.
fn repair_cell(extent: f64) -> f64 {
    (extent / REPAIR_GRID).max(1.0 / crate::model::territory::VERTEX_GRID)
}

/// A shape with every vertex moved to the nearest multiple of `cell` (a coordinate too large
/// for that is left as it is).
fn snap_to_grid(mp: &geo::MultiPolygon<f64>, cell: f64) -> geo::MultiPolygon<f64> {
    let snap = |v: f64| {
        let s = (v / cell).round() * cell;
        if s.is_finite() { s } else { v }
    };
    mp.map_coords(|c| geo::coord! { x: snap(c.x), y: snap(c.y) })
}

/// A polygon layer's feature as a valid multipolygon: repaired when it crosses itself (and
/// said so), `None` with a problem when it cannot be used.
pub(crate) fn area_of(
    f: &super::layer::Feature,
    file: &str,
    report: &mut Report,
) -> Option<geo::MultiPolygon<f64>> {
    let mp = match f.geometry.as_deref()? {
        geo::Geometry::Polygon(p) => geo::MultiPolygon(vec![p.clone()]),
        geo::Geometry::MultiPolygon(mp) => mp.clone(),
        other => {
            let found = match other {
                geo::Geometry::Point(_) | geo::Geometry::MultiPoint(_) => "point",
                geo::Geometry::LineString(_) | geo::Geometry::MultiLineString(_) => "line",
                _ => "other",
            };
            report.push(
                file,
                Some(f.place.to_string()),
                Some("geometry"),
                Severity::Skipped,
                ProblemKind::NotAnArea {
                    found: found.into(),
                },
            );
            return None;
        }
    };
    if mp.0.is_empty() {
        report.push(
            file,
            Some(f.place.to_string()),
            Some("geometry"),
            Severity::Skipped,
            ProblemKind::NullGeometry,
        );
        return None;
    }
    // the shape skipped, and why
    let invalid = |report: &mut Report, reason: Reason| {
        report.push(
            file,
            Some(f.place.to_string()),
            Some("geometry"),
            Severity::Skipped,
            ProblemKind::InvalidGeometry { reason },
        );
    };
    let vertices = geo::CoordsIter::coords_count(&mp);
    if vertices > MAX_VERTICES {
        invalid(report, Reason::TooManyVertices(vertices, MAX_VERTICES));
        return None;
    }
    // a ring that fits in a point holds no area, and the polygon library's union loops on some
    // even beside rings of normal size (coordinates of 1e-315 next to 120, found by fuzzing):
    // such rings are dropped, and a polygon with its outline. So is a ring that fits in a line,
    // its convex hull thinner than THINNEST of its length (a centimetre for a hundred metres):
    // the polygon library's union took seconds and made thousands of vertices from ten points
    // on such slivers (found by fuzzing).
    let fits_in_a_point = |r: &geo::LineString<f64>| {
        let Some(b) = r.bounding_rect() else {
            return true;
        };
        let extent = b.width().max(b.height());
        if !(MIN_EXTENT..=f64::MAX).contains(&extent) {
            return true;
        }
        let hull = geo::ConvexHull::convex_hull(r).unsigned_area();
        hull.is_nan() || hull < THINNEST * extent * extent
    };
    let mp = geo::MultiPolygon(
        mp.0.into_iter()
            .filter(|p| !fits_in_a_point(p.exterior()))
            .map(|p| {
                // rings moved, never copied (an outline may have a million vertices)
                let (exterior, holes) = p.into_inner();
                let holes = holes.into_iter().filter(|h| !fits_in_a_point(h));
                geo::Polygon::new(exterior, holes.collect())
            })
            .collect(),
    );
    // a shape that fits in a point is no unit, and the polygon library's union loops on some
    // (coordinates of 1e-309 from a damaged file): refused before any check
    let extent = mp
        .bounding_rect()
        .map_or(f64::NAN, |r| r.width().max(r.height()));
    if !(MIN_EXTENT..=f64::MAX).contains(&extent) {
        invalid(report, Reason::Degenerate);
        return None;
    }
    // the validity check itself can fail on some invalid shapes (a geo panic): that shape is
    // then treated as invalid, never a crash
    let problem = std::panic::catch_unwind(|| validity_problem(&mp, vertices))
        .unwrap_or(Some(Reason::Topology));
    if let Some(reason) = problem {
        // the polygon library's union takes seconds on an outline that crosses itself hundreds
        // of times (found by fuzzing: 6 s for 61 vertices and 417 crossings in a release build;
        // every shape of the fuzzers' corpus under 300 crossings took milliseconds): no real
        // area does, and such a shape is refused rather than repaired
        if crossings(&mp, MAX_REPAIR_CROSSINGS) > MAX_REPAIR_CROSSINGS {
            invalid(report, Reason::TooTangled(MAX_REPAIR_CROSSINGS));
            return None;
        }
        // a union of the polygon with itself resolves crossings (non-zero fill rule), on an
        // outline snapped to a grid of a centimetre (see `repair_cell`): the polygon library's
        // own grid is about extent / 2^30, and vertices a few of its cells apart made its
        // splitting loop for long (found by fuzzing: 10 vertices, 100 ms in a release build).
        // On 800 such shapefiles of the fuzzer, the test build took 11.6 s with neither this
        // snapping (then to extent / 2^24) nor the thin rings dropped above, 9.5 s with only
        // those dropped, 24 s with only the snapping (it made slivers worse), and 0.26 s with
        // both. The fuzzer then found slower ones still: on 1,200, snapping to extent / 2^24
        // took 5.9 s, and to a centimetre 0.22 s.
        let snapped = snap_to_grid(&mp, repair_cell(extent));
        let repaired = std::panic::catch_unwind(|| geo::unary_union(snapped.0.iter()));
        match repaired {
            Ok(r) if !r.0.is_empty() && r.unsigned_area() > 0.0 => {
                report.push(
                    file,
                    Some(f.place.to_string()),
                    Some("geometry"),
                    Severity::Note,
                    ProblemKind::RepairedGeometry { reason },
                );
                return Some(r);
            }
            _ => {
                invalid(report, reason);
                return None;
            }
        }
    }
    Some(mp)
}

/// The most vertices one unit's shape may have: a commune's contour at IGN's full precision has
/// tens of thousands; more is a file that was never meant as a map of areas.
pub const MAX_VERTICES: usize = 5_000_000;

/// The most crossings an invalid shape may have and still be repaired (see `area_of`).
const MAX_REPAIR_CROSSINGS: usize = 256;

/// Up to this many vertices geo's own validation is used (its test of a ring crossing itself
/// compares every pair of segments); above, a sweep finds crossings in O(n log n).
const SWEEP_ABOVE: usize = 2_000;

/// Why a shape is not a valid area, if it is not.
fn validity_problem(mp: &geo::MultiPolygon<f64>, vertices: usize) -> Option<Reason> {
    if vertices <= SWEEP_ABOVE {
        return mp.validation_errors().first().map(reason_of);
    }
    for p in mp {
        let rings: Vec<&geo::LineString<f64>> =
            std::iter::once(p.exterior()).chain(p.interiors()).collect();
        for ring in &rings {
            if ring.0.len() < 4 {
                return Some(Reason::TooFewPoints);
            }
            if ring.0.iter().any(|c| !(c.x.is_finite() && c.y.is_finite())) {
                return Some(Reason::NotANumberCoordinate);
            }
        }
        if let Some(problem) = rings_cross(&rings) {
            return Some(problem);
        }
        // every hole inside the outline (no crossing was found: one vertex tells)
        let outline = geo::Polygon::new(p.exterior().clone(), vec![]);
        for hole in p.interiors() {
            if !geo::Intersects::intersects(&outline, &geo::Point::from(hole.0[0])) {
                return Some(Reason::RingsOverlap);
            }
        }
    }
    None
}

/// A segment of a ring (the ring's position, the line), for the sweep.
#[derive(Clone, Copy)]
struct Segment(usize, geo::Line<f64>);

impl geo::algorithm::sweep::Cross for Segment {
    type Scalar = f64;
    fn line(&self) -> geo::Line<f64> {
        self.1
    }
}

/// The rings' segments of non-zero length, each with its ring's position, for the sweep.
fn segments<'a>(rings: &'a [&geo::LineString<f64>]) -> impl Iterator<Item = Segment> + 'a {
    rings.iter().enumerate().flat_map(|(r, ring)| {
        ring.lines()
            .filter(|l| l.start != l.end)
            .map(move |l| Segment(r, l))
    })
}

/// How many times the shape's rings cross (each ring itself, or one another), counted up to
/// `cap` + 1 and no further, in O((n + crossings) log n).
fn crossings(mp: &geo::MultiPolygon<f64>, cap: usize) -> usize {
    let mut n = 0;
    for p in mp {
        let rings: Vec<&geo::LineString<f64>> =
            std::iter::once(p.exterior()).chain(p.interiors()).collect();
        for (a, b, _) in geo::Intersections::from_iter(segments(&rings)) {
            // segments that follow each other along a ring meet where one ends: no crossing
            if a.0 != b.0 || (a.1.start != b.1.end && a.1.end != b.1.start) {
                n += 1;
                if n > cap {
                    return n;
                }
            }
        }
    }
    n
}

/// Whether rings cross, with the rules of geo's own validation, in O(n log n): two segments of
/// one ring that meet where one ends and the other starts do not count (a ring crossing itself
/// otherwise); two rings may touch at a point but not cross or share a stretch.
fn rings_cross(rings: &[&geo::LineString<f64>]) -> Option<Reason> {
    for (a, b, x) in geo::Intersections::from_iter(segments(rings)) {
        if a.0 == b.0 {
            if a.1.start != b.1.end && a.1.end != b.1.start {
                return Some(Reason::SelfIntersection);
            }
        } else if matches!(
            x,
            geo::LineIntersection::Collinear { .. }
                | geo::LineIntersection::SinglePoint {
                    is_proper: true,
                    ..
                }
        ) {
            return Some(Reason::RingsOverlap);
        }
    }
    None
}

/// Names written in capitals in some tables ("COLLEGE PAUL ELUARD") become "Collège Paul Eluard".
pub(crate) fn tidy_name(name: &str) -> String {
    let name = name.trim();
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    name.split(' ')
        .map(|w| match w {
            "COLLEGE" | "COLLÈGE" => "Collège".to_string(),
            "DE" | "DU" | "DES" | "LA" | "LE" | "LES" | "D'" | "ET" => w.to_lowercase(),
            _ => {
                let lower = w.to_lowercase();
                // capitalise after the start, hyphens and apostrophes
                let mut out = String::new();
                let mut up = true;
                for c in lower.chars() {
                    if up {
                        out.extend(c.to_uppercase());
                    } else {
                        out.push(c);
                    }
                    up = matches!(c, '-' | '\'');
                }
                out
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub(crate) fn short_name(name: &str) -> String {
    let trimmed = ["Collège ", "College ", "COLLEGE ", "COLLÈGE ", "Clg "]
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name)
        .trim();
    let s: String = trimmed.chars().take(18).collect();
    if trimmed.chars().count() > 18 {
        format!("{}…", s.trim_end())
    } else {
        s
    }
}

// ---------------------------------------------------------------------------------------------
// The import

/// A collège being assembled from its tables.
#[derive(Debug, Clone, Default)]
struct CollegeDraft {
    name: Option<String>,
    location: Option<geo::Point<f64>>,
    ips: Option<f64>,
    pupils: Option<f64>,
    private: Option<bool>,
    capacity: Option<f64>,
    place: String,
    file: String,
}

/// Reads the files and builds the territory and its baseline.
pub fn import(spec: &ImportSpec) -> Result<Imported, ImportError> {
    let mut report = Report::default();
    let ReadUnits {
        mut units,
        unit_college,
        file: ufile,
        columns: uc,
    } = read_units(spec, &mut report)?;
    let (mut drafts, cfile, cc) = college_table(spec, &mut report)?;
    let (pending, sector_file, sector_uai) = read_sector_file(spec, &mut report)?;
    let mut sectors: Vec<(String, geo::MultiPolygon<f64>)> = Vec::new();
    if let Some(join) = &spec.join {
        let jl = layer_or_fail(join, &mut report)?;
        let jc = suggest_college_columns(&jl.fields);
        // the collèges known so far, and those of sectors only the joined table knows
        let sector_uais: HashSet<String> = pending.iter().map(|(u, _, _)| u.clone()).collect();
        read_colleges(&jl, &jc, &mut drafts, &mut report, Some(&sector_uais));
    }
    let (pending, name_matches) = match_sector_names(spec, pending, &drafts, &mut report)?;
    for (u, mp, place) in pending {
        if drafts.contains_key(&u) {
            sectors.push((u, mp));
        } else {
            report.push(
                &sector_file,
                Some(place),
                Some(&sector_uai),
                Severity::Skipped,
                ProblemKind::Unmatched {
                    key: u,
                    table: cfile.clone(),
                },
            );
        }
    }

    let colleges = place_colleges(&drafts, &sectors, &mut report);

    let sources: Vec<String> = [Some(&spec.units), Some(&spec.colleges), spec.join.as_ref()]
        .into_iter()
        .flatten()
        .chain(match &spec.baseline {
            BaselineSource::Sectors { path, .. } => Some(path),
            _ => None,
        })
        .map(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let build = |units: Vec<Unit>,
                 colleges: Vec<College>,
                 method: Vec<crate::model::MethodNote>,
                 report: &Report| {
        Territory::new(
            TerritoryInfo {
                name: spec.name.clone(),
                fictional: false,
                sources: sources.clone(),
                notes: String::new(),
                method,
            },
            GroupScheme::depp4(),
            units,
            colleges,
        )
        .map_err(|e| ImportError::Territory(e.to_string(), report.clone()))
    };
    let territory = build(units.clone(), colleges.clone(), Vec::new(), &report)?;

    // Baseline
    let mut baseline = Scenario::unassigned(ScenarioMeta::new("Carte actuelle"), &territory);
    let mut split_units = Vec::new();
    match &spec.baseline {
        BaselineSource::Nearest => {
            baseline = Scenario::nearest_public(ScenarioMeta::new("Carte actuelle"), &territory);
        }
        BaselineSource::Column => {
            for (u, college) in territory.unit_ids().zip(&unit_college) {
                match college.as_deref().and_then(|c| territory.college_by_uai(c)) {
                    Some(c) => {
                        baseline.replace_assignment(u, Assignment::College(c));
                    }
                    None => report.push(
                        &ufile,
                        Some(territory.unit(u).key.clone()),
                        uc.college.as_deref(),
                        Severity::Note,
                        ProblemKind::Unmatched {
                            key: college.clone().unwrap_or_default(),
                            table: cfile.clone(),
                        },
                    ),
                }
            }
        }
        BaselineSource::Sectors { path, .. } => {
            split_units = baseline_from_sectors(
                &territory,
                &sectors,
                path,
                &ufile,
                &mut baseline,
                &mut report,
            );
        }
    }

    // IPS estimated from census groups, calibrated on the sectors' published IPS
    let mut calibration = None;
    let mut territory = territory;
    if spec.estimate_ips
        && units.iter().all(|u| u.population.ips_mean.is_none())
        && let Some(cal) = calibrate(&territory, &baseline)
    {
        {
            let mut cal = cal;
            cal.bounded_units += apply_calibration(&mut units, &cal);
            report.push(
                &ufile,
                None,
                Some("IPS"),
                Severity::Note,
                ProblemKind::IpsEstimated {
                    colleges: cal.colleges,
                    rmse: cal.rmse,
                },
            );
            let method = vec![crate::model::MethodNote::IpsFromCensus {
                colleges: cal.colleges,
                rmse: cal.rmse,
                range: cal.range,
                bounded: cal.bounded_units,
            }];
            territory = build(units, colleges, method, &report)?;
            calibration = Some(cal);
        }
    }
    Ok(Imported {
        territory,
        baseline,
        report,
        split_units,
        calibration,
        unit_columns: uc,
        college_columns: cc,
        name_matches,
    })
}

/// Gives each unit with census groups the IPS of its groups, bounded to the published range;
/// returns how many were bounded.
fn apply_calibration(units: &mut [Unit], cal: &Calibration) -> usize {
    let mut bounded = 0;
    for u in units {
        if let Some(g) = &u.population.groups {
            let n: f64 = g.iter().sum();
            if n > 0.0 {
                let raw: f64 = g.iter().zip(&cal.group_ips).map(|(x, b)| x / n * b).sum();
                let ips = raw.clamp(cal.range.0, cal.range.1);
                if ips != raw {
                    bounded += 1;
                }
                u.population.ips_mean = Some(ips);
                u.population.ips_estimated = true;
            }
        }
    }
    bounded
}

/// The collèges of the drafts; one without a location stands at its sector's interior point,
/// said so, and one without either is left out, said so.
fn place_colleges(
    drafts: &BTreeMap<String, CollegeDraft>,
    sectors: &[(String, geo::MultiPolygon<f64>)],
    report: &mut Report,
) -> Vec<College> {
    let mut colleges = Vec::new();
    for (uai, d) in drafts {
        let location = d.location.or_else(|| {
            let (_, mp) = sectors.iter().find(|(u, _)| u == uai)?;
            let p = mp.interior_point()?;
            report.push(
                &d.file,
                Some(d.place.to_string()),
                Some("longitude/latitude"),
                Severity::Note,
                ProblemKind::PlacedInSector { uai: uai.clone() },
            );
            Some(p)
        });
        let Some(location) = location else {
            report.push(
                &d.file,
                Some(d.place.to_string()),
                Some("longitude/latitude"),
                Severity::Skipped,
                ProblemKind::Unmatched {
                    key: uai.clone(),
                    table: "longitude/latitude".into(),
                },
            );
            continue;
        };
        let name = d
            .name
            .as_deref()
            .map(tidy_name)
            .unwrap_or_else(|| format!("Collège {uai}"));
        let private = d.private.unwrap_or(false);
        colleges.push(College {
            short_name: short_name(&name),
            capacity_pupils: d.capacity,
            rep: Rep::None,
            ..College::public(uai.clone(), location)
                .named(name)
                .published(d.ips, d.pupils, private)
        });
    }
    colleges
}

/// The baseline from a sector file: each unit goes to the sector that covers most of it; a
/// unit that another sector covers by more than 5 % is listed as split (key, collège chosen,
/// share of its area there).
fn baseline_from_sectors(
    territory: &Territory,
    sectors: &[(String, geo::MultiPolygon<f64>)],
    path: &std::path::Path,
    ufile: &str,
    baseline: &mut Scenario,
    report: &mut Report,
) -> Vec<(String, String, f64)> {
    let mut split_units = Vec::new();
    let sfile = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let boxes: Vec<Option<geo::Rect<f64>>> =
        sectors.iter().map(|(_, s)| s.bounding_rect()).collect();
    for u in territory.unit_ids() {
        let unit = territory.unit(u);
        let UnitShape::Area(shape) = &unit.shape else {
            continue;
        };
        let total = shape.unsigned_area();
        let ub = shape.bounding_rect();
        let mut best: Option<(usize, f64)> = None;
        let mut covered = 0.0;
        for (k, (_, s)) in sectors.iter().enumerate() {
            let (Some(a), Some(b)) = (ub, boxes[k]) else {
                continue;
            };
            if a.max().x < b.min().x
                || b.max().x < a.min().x
                || a.max().y < b.min().y
                || b.max().y < a.min().y
            {
                continue;
            }
            let inter =
                std::panic::catch_unwind(|| shape.intersection(s).unsigned_area()).unwrap_or(0.0);
            covered += inter;
            if inter > best.map_or(0.0, |b| b.1) {
                best = Some((k, inter));
            }
        }
        let Some((k, area)) = best.filter(|b| b.1 > total * 1e-6) else {
            report.push(
                ufile,
                Some(unit.key.clone()),
                None,
                Severity::Note,
                ProblemKind::OutsideSectors,
            );
            continue;
        };
        let uai = &sectors[k].0;
        if let Some(c) = territory.college_by_uai(uai) {
            baseline.replace_assignment(u, Assignment::College(c));
        }
        let share = if total > 0.0 { area / total } else { 1.0 };
        // a unit is split when another sector holds more than 5 % of it
        if covered - area > 0.05 * total {
            split_units.push((unit.key.clone(), uai.clone(), share));
            report.push(
                &sfile,
                Some(unit.key.clone()),
                None,
                Severity::Note,
                ProblemKind::SplitUnit {
                    chosen: uai.clone(),
                    share,
                },
            );
        }
    }
    split_units
}

/// The units read from their layer.
struct ReadUnits {
    units: Vec<Unit>,
    /// The collège each unit names, when the baseline comes from a column.
    unit_college: Vec<Option<String>>,
    /// The layer's file name.
    file: String,
    /// The columns used.
    columns: UnitColumns,
}

/// The units' layer: its columns (named ones must exist), one unit per key (a unit listed once
/// per sector it straddles is merged), their populations, and the collège each names.
fn read_units(spec: &ImportSpec, report: &mut Report) -> Result<ReadUnits, ImportError> {
    let units_layer = layer_or_fail(&spec.units, report)?;
    let ufile = units_layer.file.clone();
    let suggested = suggest_unit_columns(&units_layer.fields);
    let uc = UnitColumns {
        key: spec.unit_columns.key.clone().or(suggested.key),
        name: spec.unit_columns.name.clone().or(suggested.name),
        pupils: spec.unit_columns.pupils.clone().or(suggested.pupils),
        boursiers: spec.unit_columns.boursiers.clone().or(suggested.boursiers),
        ips: spec.unit_columns.ips.clone().or(suggested.ips),
        census_cs: spec.unit_columns.census_cs.clone().or(suggested.census_cs),
        college: spec.unit_columns.college.clone().or(suggested.college),
        school: spec.unit_columns.school.clone().or(suggested.school),
    };
    // a column the user named must exist, whichever it is
    let named = &spec.unit_columns;
    for (what, column) in [
        ("key", &named.key),
        ("name", &named.name),
        ("pupils", &named.pupils),
        ("boursiers", &named.boursiers),
        ("IPS", &named.ips),
        ("collège", &named.college),
        ("école", &named.school),
    ] {
        if let Some(c) = column
            && !units_layer.fields.contains(c)
        {
            report.push(
                &ufile,
                None,
                Some(c),
                Severity::Fatal,
                ProblemKind::MissingField {
                    available: units_layer.fields.clone(),
                },
            );
            return Err(ImportError::NoColumn {
                what,
                file: ufile,
                report: std::mem::take(report),
            });
        }
    }
    let mut units: Vec<Unit> = Vec::new();
    let mut unit_college: Vec<Option<String>> = Vec::new();
    let mut unit_cs: Vec<Option<Vec<f64>>> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    for (i, f) in units_layer.features.iter().enumerate() {
        let key = text(f, &uc.key).unwrap_or_else(|| format!("{}", i + 1));
        let pupils = number(
            f,
            &uc.pupils,
            (0.0, 1e6),
            "a number of pupils, 0 or more",
            &ufile,
            report,
        );
        let boursiers = number(
            f,
            &uc.boursiers,
            (0.0, 1e6),
            "a number of pupils, 0 or more",
            &ufile,
            report,
        );
        if let Some(&k) = index_of.get(&key) {
            merge_duplicate(
                &mut units[k],
                f,
                key,
                (pupils, boursiers),
                (&ufile, &uc),
                report,
            );
            continue;
        }
        let Some(mp) = area_of(f, &ufile, report) else {
            continue;
        };
        let ips = number(
            f,
            &uc.ips,
            (40.0, 200.0),
            "an IPS between 40 and 200",
            &ufile,
            report,
        );
        let cs = uc.census_cs.as_ref().and_then(|cols| {
            cols.iter()
                .map(|c| {
                    number(
                        f,
                        &Some(c.clone()),
                        (0.0, 1e7),
                        "a count, 0 or more",
                        &ufile,
                        report,
                    )
                })
                .collect::<Option<Vec<f64>>>()
        });
        let shape = UnitShape::Area(mp);
        index_of.insert(key.clone(), units.len());
        units.push(Unit {
            name: text(f, &uc.name).unwrap_or_else(|| key.clone()),
            key,
            anchor: unit_anchor(&shape),
            shape,
            population: Population {
                pupils,
                boursiers,
                ips_mean: ips,
                ..Population::default()
            },
            school: text(f, &uc.school).filter(|s| !s.trim().is_empty()),
        });
        unit_college.push(text(f, &uc.college));
        unit_cs.push(cs);
    }
    // pupils per social group, once duplicates are merged
    for (u, cs) in units.iter_mut().zip(&unit_cs) {
        if let (Some(cs), Some(p)) = (cs, u.population.pupils) {
            u.population.groups = census_groups(cs, p);
        }
    }

    Ok(ReadUnits {
        units,
        unit_college,
        file: ufile,
        columns: uc,
    })
}

/// The same unit listed twice (once per sector it straddles): merged when the shape is the
/// same (pupils added), else the first is kept; said so either way.
fn merge_duplicate(
    unit: &mut Unit,
    f: &super::layer::Feature,
    key: String,
    (pupils, boursiers): (Option<f64>, Option<f64>),
    (ufile, uc): (&str, &UnitColumns),
    report: &mut Report,
) {
    // the same unit listed twice (once per sector it straddles): merge when the shape is
    // the same, otherwise keep the first
    let same_shape = match (&unit.shape, f.geometry.as_deref()) {
        (UnitShape::Area(a), Some(geo::Geometry::Polygon(p))) => a.0.len() == 1 && &a.0[0] == p,
        (UnitShape::Area(a), Some(geo::Geometry::MultiPolygon(m))) => a == m,
        _ => false,
    };
    if same_shape {
        let pop = &mut unit.population;
        let add = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => Some(a + b),
            (a, b) => a.or(b),
        };
        pop.pupils = add(pop.pupils, pupils);
        pop.boursiers = add(pop.boursiers, boursiers);
        report.push(
            ufile,
            Some(f.place.to_string()),
            uc.key.as_deref(),
            Severity::Note,
            ProblemKind::MergedDuplicate { id: key },
        );
    } else {
        report.push(
            ufile,
            Some(f.place.to_string()),
            uc.key.as_deref(),
            Severity::Skipped,
            ProblemKind::DuplicateId { id: key },
        );
    }
}

/// The collèges' table: its columns (named ones must exist, a UAI column is needed), and a
/// draft of each collège.
fn college_table(
    spec: &ImportSpec,
    report: &mut Report,
) -> Result<(BTreeMap<String, CollegeDraft>, String, CollegeColumns), ImportError> {
    let cl = layer_or_fail(&spec.colleges, report)?;
    let cfile = cl.file.clone();
    let suggested = suggest_college_columns(&cl.fields);
    let named = &spec.college_columns;
    for column in [
        &named.uai,
        &named.name,
        &named.ips,
        &named.pupils,
        &named.status,
        &named.capacity,
    ]
    .into_iter()
    .flatten()
    {
        if !cl.fields.contains(column) {
            report.push(
                &cfile,
                None,
                Some(column),
                Severity::Fatal,
                ProblemKind::MissingField {
                    available: cl.fields.clone(),
                },
            );
            return Err(ImportError::NoColumn {
                what: "collège column",
                file: cfile,
                report: std::mem::take(report),
            });
        }
    }
    let cc = CollegeColumns {
        uai: spec.college_columns.uai.clone().or(suggested.uai),
        name: spec.college_columns.name.clone().or(suggested.name),
        ips: spec.college_columns.ips.clone().or(suggested.ips),
        pupils: spec.college_columns.pupils.clone().or(suggested.pupils),
        status: spec.college_columns.status.clone().or(suggested.status),
        capacity: spec.college_columns.capacity.clone().or(suggested.capacity),
    };
    if cc.uai.is_none() {
        report.push(
            &cfile,
            None,
            Some("UAI"),
            Severity::Fatal,
            ProblemKind::MissingField {
                available: cl.fields.clone(),
            },
        );
        return Err(ImportError::NoColumn {
            what: "UAI",
            file: cfile,
            report: std::mem::take(report),
        });
    }
    let mut drafts: BTreeMap<String, CollegeDraft> = BTreeMap::new();
    read_colleges(&cl, &cc, &mut drafts, report, None);
    Ok((drafts, cfile, cc))
}

/// A sector read from the sector file: its collège (a UAI, or a name to match), its area, and
/// where it was read.
type PendingSector = (String, geo::MultiPolygon<f64>, String);

/// The sectors of the sector file when the baseline comes from them, with the file and the
/// column of their collège.
fn read_sector_file(
    spec: &ImportSpec,
    report: &mut Report,
) -> Result<(Vec<PendingSector>, String, String), ImportError> {
    let mut pending: Vec<PendingSector> = Vec::new();
    let mut sector_file = String::new();
    let mut sector_uai = String::new();
    if let BaselineSource::Sectors { path, uai } = &spec.baseline {
        let sl = layer_or_fail(path, report)?;
        let sfile = sl.file.clone();
        // the column the user named, which must exist, or the one suggested
        let uai_col = match uai {
            Some(c) => sl.fields.contains(c).then(|| c.clone()),
            None => suggest_college_columns(&sl.fields).uai,
        };
        let Some(uai_col) = uai_col else {
            report.push(
                &sfile,
                None,
                Some(uai.as_deref().unwrap_or("UAI")),
                Severity::Fatal,
                ProblemKind::MissingField {
                    available: sl.fields.clone(),
                },
            );
            return Err(ImportError::NoColumn {
                what: "UAI",
                file: sfile,
                report: std::mem::take(report),
            });
        };
        for f in &sl.features {
            let Some(u) = text(f, &Some(uai_col.clone())) else {
                report.push(
                    &sfile,
                    Some(f.place.to_string()),
                    Some(&uai_col),
                    Severity::Skipped,
                    ProblemKind::BadUai {
                        value: String::new(),
                    },
                );
                continue;
            };
            if let Some(mp) = area_of(f, &sfile, report) {
                pending.push((u.to_ascii_uppercase(), mp, f.place.to_string()));
            }
        }
        sector_file = sfile;
        sector_uai = uai_col;
    }

    Ok((pending, sector_file, sector_uai))
}

/// Sectors keyed by collège name ("COLLEGE AUGUSTE RODIN") get their UAI: the user's matches
/// first, then the same normalised name, then the most alike name, listed for the user to
/// confirm.
fn match_sector_names(
    spec: &ImportSpec,
    pending: Vec<PendingSector>,
    drafts: &BTreeMap<String, CollegeDraft>,
    report: &mut Report,
) -> Result<(Vec<PendingSector>, Vec<super::national::names::NameMatch>), ImportError> {
    let mut name_matches = Vec::new();
    let user_matches = match &spec.name_matches {
        Some(p) => read_name_matches(p).map_err(|e| {
            report.push(
                &p.display().to_string(),
                None,
                None,
                Severity::Fatal,
                ProblemKind::Unreadable { reason: e.into() },
            );
            ImportError::Unusable(report.clone())
        })?,
        None => HashMap::new(),
    };
    let mut user_matches = user_matches;
    for (name, uai) in &spec.name_choices {
        user_matches.insert(super::national::names::school_key(name), uai.clone());
    }
    let names: Vec<(String, String)> = drafts
        .iter()
        .filter_map(|(uai, d)| Some((uai.clone(), d.name.clone()?)))
        .collect();
    let pending: Vec<(String, geo::MultiPolygon<f64>, String)> = pending
        .into_iter()
        .map(|(u, mp, place)| {
            if is_uai(&u) {
                return (u, mp, place);
            }
            let key = super::national::names::school_key(&u);
            if let Some(uai) = user_matches.get(&key) {
                return (uai.clone(), mp, place);
            }
            let m = super::national::names::match_name(&u, &names);
            if let Some(uai) = &m.uai {
                let uai = uai.clone();
                name_matches.push(m);
                return (uai, mp, place);
            }
            name_matches.push(m);
            (u, mp, place)
        })
        .collect();
    Ok((pending, name_matches))
}

/// Reads the user's name matches: a CSV with the name and the UAI in its first two columns
/// (`;` or `,`), as `write_name_matches` writes them; a row whose UAI is empty is ignored.
pub fn read_name_matches(path: &Path) -> std::io::Result<HashMap<String, String>> {
    let text = super::layer::decode_text(&std::fs::read(path)?);
    let delimiter = if text.lines().next().is_some_and(|l| l.contains(';')) {
        b';'
    } else {
        b','
    };
    let mut out = HashMap::new();
    for r in csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .filter_map(Result::ok)
    {
        if let (Some(name), Some(uai)) = (r.get(0), r.get(1)) {
            let uai = uai.trim().to_ascii_uppercase();
            if is_uai(&uai) {
                out.insert(super::national::names::school_key(name), uai);
            }
        }
    }
    Ok(out)
}

/// The name matches as a CSV the user can edit and give back with `--name-matches`: the name
/// as the file writes it, the UAI chosen (empty when none), the collège's name, and how alike.
pub fn write_name_matches(matches: &[super::national::names::NameMatch]) -> String {
    let mut out = String::from("nom;uai;college;ressemblance\n");
    for m in matches {
        out.push_str(&format!(
            "{};{};{};{:.2}\n",
            m.name.replace(';', ","),
            m.uai.clone().unwrap_or_default(),
            m.college.clone().unwrap_or_default().replace(';', ","),
            m.score
        ));
    }
    out
}

/// The problems an import would find in a layer's polygons (invalid, repaired, not areas), for
/// `carte-mixite check`.
pub fn validate_areas(layer: &Layer) -> Report {
    check_areas(layer).report
}

/// What an import would make of a layer's polygons: its problems, and how many of them it keeps.
#[derive(Debug, Default)]
pub struct AreaCheck {
    /// The problems, in words.
    pub report: Report,
    /// Features with a polygon.
    pub polygons: usize,
    /// Of those, the ones an import keeps (as they are or repaired).
    pub kept: usize,
}

/// Every polygon of a layer through the import's checks (see [`validate_areas`]).
pub fn check_areas(layer: &Layer) -> AreaCheck {
    let mut check = AreaCheck::default();
    for f in &layer.features {
        if matches!(
            f.geometry.as_deref(),
            Some(geo::Geometry::Polygon(_) | geo::Geometry::MultiPolygon(_))
        ) {
            check.polygons += 1;
            if area_of(f, &layer.file, &mut check.report).is_some() {
                check.kept += 1;
            }
        }
    }
    check
}

/// Pupils per DEPP group from census counts CS1..CS8 (retirees, CS7, are left out: they are not
/// pupils' parents).
pub(crate) fn census_groups(cs: &[f64], pupils: f64) -> Option<Vec<f64>> {
    let g = [cs[2], cs[3], cs[0] + cs[1] + cs[4], cs[5] + cs[7]];
    let n: f64 = g.iter().sum();
    (n > 0.0).then(|| g.iter().map(|x| x / n * pupils).collect())
}

fn read_colleges(
    layer: &Layer,
    cols: &CollegeColumns,
    drafts: &mut BTreeMap<String, CollegeDraft>,
    report: &mut Report,
    joined_for: Option<&HashSet<String>>,
) {
    // the main table reports its problems; a joined table only fills in collèges already known
    // (or named by a sector), silently
    let primary = joined_for.is_none();
    let file = layer.file.clone();
    let mut seen = HashSet::new();
    for f in &layer.features {
        let Some(uai) = text(f, &cols.uai).map(|u| u.to_ascii_uppercase()) else {
            if primary {
                report.push(
                    &file,
                    Some(f.place.to_string()),
                    cols.uai.as_deref(),
                    Severity::Skipped,
                    ProblemKind::BadUai {
                        value: String::new(),
                    },
                );
            }
            continue;
        };
        if !is_uai(&uai) {
            if primary {
                report.push(
                    &file,
                    Some(f.place.to_string()),
                    cols.uai.as_deref(),
                    Severity::Skipped,
                    ProblemKind::BadUai { value: uai },
                );
            }
            continue;
        }
        if let Some(extra) = joined_for
            && !drafts.contains_key(&uai)
            && !extra.contains(&uai)
        {
            continue;
        }
        if !seen.insert(uai.clone()) {
            if primary {
                report.push(
                    &file,
                    Some(f.place.to_string()),
                    cols.uai.as_deref(),
                    Severity::Skipped,
                    ProblemKind::DuplicateId { id: uai },
                );
            }
            continue;
        }
        let mut local = Report::default();
        let ips = number(
            f,
            &cols.ips,
            (40.0, 200.0),
            "an IPS between 40 and 200",
            &file,
            &mut local,
        );
        let pupils = number(
            f,
            &cols.pupils,
            (0.0, 5000.0),
            "a headcount between 0 and 5,000",
            &file,
            &mut local,
        );
        let capacity = number(
            f,
            &cols.capacity,
            (0.0, 5000.0),
            "a capacity between 0 and 5,000",
            &file,
            &mut local,
        );
        if primary {
            report.extend(local);
        }
        let private = text(f, &cols.status).map(|s| s.to_lowercase().contains("priv"));
        let location = match f.geometry.as_deref() {
            Some(geo::Geometry::Point(p)) => Some(*p),
            _ => None,
        };
        let d = drafts.entry(uai).or_insert_with(|| CollegeDraft {
            place: f.place.to_string(),
            file: file.clone(),
            ..CollegeDraft::default()
        });
        d.name = d.name.take().or(text(f, &cols.name));
        d.location = d.location.or(location);
        d.ips = d.ips.or(ips);
        d.pupils = d.pupils.or(pupils);
        d.private = d.private.or(private);
        d.capacity = d.capacity.or(capacity);
    }
}

/// Fits one IPS per group so that each public sector's pupil-weighted mean matches its collège's
/// published IPS (least squares over the collèges that have one).
pub fn calibrate(t: &Territory, baseline: &Scenario) -> Option<Calibration> {
    let g = t.groups.len();
    let mut sums: HashMap<CollegeId, Vec<f64>> = HashMap::new();
    for u in t.unit_ids() {
        let (Some(c), Some(groups)) = (
            baseline.assignment(u).main_college(),
            &t.unit(u).population.groups,
        ) else {
            continue;
        };
        let row = sums.entry(c).or_insert_with(|| vec![0.0; g]);
        for (s, x) in row.iter_mut().zip(groups) {
            *s += x;
        }
    }
    let mut rows: Vec<(String, Vec<f64>, f64)> = sums
        .into_iter()
        .filter_map(|(c, row)| {
            let college = t.college(c);
            let y = college.observed_ips?;
            let n: f64 = row.iter().sum();
            (college.sector == Sector::Public && n > 0.0)
                .then(|| (college.uai.clone(), row.iter().map(|x| x / n).collect(), y))
        })
        .collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    if rows.len() < g + 1 {
        return None;
    }
    let a = nalgebra::DMatrix::from_fn(rows.len(), g, |i, j| rows[i].1[j]);
    let y = nalgebra::DVector::from_iterator(rows.len(), rows.iter().map(|r| r.2));
    let beta = a.clone().svd(true, true).solve(&y, 1e-12).ok()?;
    let fitted = &a * &beta;
    let errors: Vec<f64> = fitted.iter().zip(y.iter()).map(|(f, y)| f - y).collect();
    let rmse = (errors.iter().map(|e| e * e).sum::<f64>() / errors.len() as f64).sqrt();
    let (k, worst) = errors
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
        .map(|(k, e)| (k, *e))?;
    let range = rows
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |r, row| {
            (r.0.min(row.2), r.1.max(row.2))
        });
    Some(Calibration {
        group_ips: beta.iter().copied().collect(),
        colleges: rows.len(),
        rmse,
        max_error: (worst, rows[k].0.clone()),
        range,
        bounded_units: 0,
    })
}

/// Unit ids in the order of the territory (for callers that report per unit).
pub fn unit_keys(t: &Territory) -> Vec<(UnitId, String)> {
    t.unit_ids().map(|u| (u, t.unit(u).key.clone())).collect()
}

/// A polygon's first validity problem, named so that it can be said in the user's language.
fn reason_of(e: &geo::algorithm::validation::InvalidMultiPolygon) -> Reason {
    use geo::algorithm::validation::{InvalidMultiPolygon as M, InvalidPolygon as P};
    match e {
        M::InvalidPolygon(_, P::SelfIntersection(_)) => Reason::SelfIntersection,
        M::InvalidPolygon(_, P::TooFewPointsInRing(_)) => Reason::TooFewPoints,
        M::InvalidPolygon(_, P::NonFiniteCoord(..)) => Reason::NotANumberCoordinate,
        M::InvalidPolygon(
            _,
            P::InteriorRingNotContainedInExteriorRing(_)
            | P::IntersectingRingsOnALine(..)
            | P::IntersectingRingsOnAnArea(..),
        )
        | M::ElementsOverlaps(..)
        | M::ElementsTouchOnALine(..) => Reason::RingsOverlap,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A circle of `n` vertices around (cx, cy).
    fn circle(n: usize, cx: f64, cy: f64, r: f64) -> geo::LineString<f64> {
        let mut pts: Vec<geo::Coord<f64>> = (0..n)
            .map(|k| {
                let a = std::f64::consts::TAU * k as f64 / n as f64;
                geo::coord! { x: cx + r * a.cos(), y: cy + r * a.sin() }
            })
            .collect();
        pts.push(pts[0]);
        geo::LineString(pts)
    }

    #[test]
    fn the_sweep_judges_big_shapes_as_geo_does() {
        let n = 3_000;
        let shapes: Vec<(&str, geo::Polygon<f64>)> = vec![
            (
                "circle",
                geo::Polygon::new(circle(n, 0.0, 0.0, 1.0), vec![]),
            ),
            (
                "with a hole",
                geo::Polygon::new(circle(n, 0.0, 0.0, 1.0), vec![circle(n, 0.0, 0.0, 0.5)]),
            ),
            (
                "hole outside",
                geo::Polygon::new(circle(n, 0.0, 0.0, 1.0), vec![circle(n, 5.0, 0.0, 0.5)]),
            ),
            (
                "hole crossing",
                geo::Polygon::new(circle(n, 0.0, 0.0, 1.0), vec![circle(n, 1.0, 0.0, 0.5)]),
            ),
            ("crossing itself", {
                let mut ring = circle(n, 0.0, 0.0, 1.0);
                // two far vertices swapped: the outline crosses itself
                ring.0.swap(10, n / 2);
                geo::Polygon::new(ring, vec![])
            }),
        ];
        for (what, p) in shapes {
            let mp = geo::MultiPolygon(vec![p]);
            let vertices = geo::CoordsIter::coords_count(&mp);
            assert!(vertices > SWEEP_ABOVE);
            let geo_says = mp.validation_errors().first().map(reason_of);
            assert_eq!(validity_problem(&mp, vertices), geo_says, "{what}");
        }
    }

    /// A damaged shapefile (found by fuzzing) gave a polygon of coordinates near 1e-309: the
    /// polygon library's union looped on it for minutes in a release build. Such a shape, and
    /// one with a coordinate that is not a number, is refused at once and in words.
    /// A feature of this shape through `area_of`, with what it reported.
    fn area_of_shape(shape: geo::Geometry<f64>) -> (Option<geo::MultiPolygon<f64>>, Report) {
        let f = super::super::layer::Feature {
            place: super::super::layer::Place::Feature(1),
            geometry: Some(Box::new(shape)),
            props: Default::default(),
        };
        let mut report = Report::default();
        let area = area_of(&f, "x.shp", &mut report);
        (area, report)
    }

    /// Whether the shape was refused for this reason.
    fn refused_for(report: &Report, reason: Reason) -> bool {
        report.problems.iter().any(|p| {
            p.kind
                == ProblemKind::InvalidGeometry {
                    reason: reason.clone(),
                }
        })
    }

    #[test]
    fn a_ring_that_fits_in_a_point_beside_a_real_one_is_dropped() {
        use geo::polygon;
        // the fuzzer's shapefile: rings of coordinates near 1e-315 beside a ring of normal size
        // made the polygon union loop for minutes in a release build
        let block = polygon![
            (x: 2.35, y: 48.85), (x: 2.36, y: 48.85), (x: 2.36, y: 48.86), (x: 2.35, y: 48.86)
        ];
        let dust = polygon![
            (x: 5e-324, y: 8.141e-320), (x: 0.0, y: 5.33e-315),
            (x: 1.59e-314, y: 1.59e-314), (x: 1.59e-314, y: 1.04e-309)
        ];
        let shape = geo::Geometry::MultiPolygon(geo::MultiPolygon(vec![block.clone(), dust]));
        let (area, report) = area_of_shape(shape);
        let area = area.expect("the block is kept");
        assert_eq!(area, geo::MultiPolygon(vec![block]), "{report:?}");
    }

    #[test]
    fn a_ring_that_fits_in_a_line_beside_a_real_one_is_dropped() {
        use geo::polygon;
        // the fuzzer's sliver: 7e-9 wide and 4.8e-4 long (its union with itself took a second
        // and made 11,000 vertices from five points once snapped), beside a block
        let block = polygon![
            (x: 2.35, y: 48.85), (x: 2.36, y: 48.85), (x: 2.36, y: 48.86), (x: 2.35, y: 48.86)
        ];
        let sliver = polygon![
            (x: 5.562684729158464e-309, y: 0.00047677772851528744),
            (x: 5.561973693484817e-309, y: 0.000263169232565183),
            (x: 5.24221284e-315, y: 0.0),
            (x: 1.8079616338603217e-308, y: 0.0004767922794117647),
            (x: 7.04152911317136e-09, y: -2.345757172542963e-206)
        ];
        let shape = geo::Geometry::MultiPolygon(geo::MultiPolygon(vec![block.clone(), sliver]));
        let (area, report) = area_of_shape(shape);
        let area = area.expect("the block is kept");
        assert_eq!(area, geo::MultiPolygon(vec![block]), "{report:?}");
    }

    #[test]
    fn a_repaired_outline_has_no_vertices_closer_than_its_grid() {
        use geo::{CoordsIter, Distance, Euclidean};
        // the fuzzer's shapefile: two rings of five points, many of them within 1e-16 of each
        // other; the polygon library's union of it, unsnapped, took 100 ms and zigzagged
        // between vertices 4e-12 apart
        let ring = |points: &[(f64, f64)]| geo::LineString::from(points.to_vec());
        let outer = ring(&[
            (5.562684729158464e-309, 2.6453620543714273e-23),
            (0.00047679235762830904, 0.00047679065005200647),
            (1.966e-321, 0.0004767922794117647),
            (0.0004767922821615651, 7.275272818172679e-09),
            (0.0004767922794117647, 0.0004462747012867647),
        ]);
        let inner = ring(&[
            (0.000476792279408212, -0.00018496057566474465),
            (0.0004767922797990105, 0.0004767922794117647),
            (0.0004767922794117647, 1.2922514098293552e-120),
            (3.31814493958e-312, 0.0),
            (0.000476792279187072, 0.0004767922794117647),
        ]);
        let shape = geo::Geometry::Polygon(geo::Polygon::new(outer, vec![inner]));
        let (area, report) = area_of_shape(shape);
        let area = area.expect("repaired");
        assert!(matches!(
            report.problems[0].kind,
            ProblemKind::RepairedGeometry { .. }
        ));
        let cell = repair_cell(0.0004767922794117647 + 0.00018496057566474465);
        for p in &area.0 {
            let coords: Vec<_> = p.exterior().coords_iter().collect();
            for w in coords.windows(2) {
                let d = Euclidean.distance(geo::Point(w[0]), geo::Point(w[1]));
                assert!(d >= cell * 0.99, "{d:e} between {w:?}");
            }
        }
    }

    #[test]
    fn an_outline_crossing_itself_hundreds_of_times_is_refused_not_repaired() {
        // a star drawn through 61 points of a circle, 30 apart: 1,769 crossings (the fuzzer's
        // shape, 417 crossings, took 6 s to repair in a release build); a bow tie, one
        // crossing, is still repaired
        let star: Vec<(f64, f64)> = (0..=61)
            .map(|i| {
                let a = std::f64::consts::TAU * ((i * 30) % 61) as f64 / 61.0;
                (2.35 + 0.01 * a.cos(), 48.85 + 0.01 * a.sin())
            })
            .collect();
        let bow_tie = vec![(2.35, 48.85), (2.36, 48.86), (2.36, 48.85), (2.35, 48.86)];
        for (what, points, refused) in [("star", star, true), ("bow tie", bow_tie, false)] {
            let shape = geo::Geometry::Polygon(geo::Polygon::new(points.into(), vec![]));
            let (area, report) = area_of_shape(shape);
            assert_eq!(area.is_none(), refused, "{what}: {report:?}");
            let said = refused_for(&report, Reason::TooTangled(MAX_REPAIR_CROSSINGS));
            assert_eq!(said, refused, "{what}: {report:?}");
        }
        let words = crate::i18n::reason_text(
            crate::i18n::Lang::Fr,
            &Reason::TooTangled(MAX_REPAIR_CROSSINGS),
        );
        assert!(words.contains("plus de 256 fois"), "{words}");
    }

    #[test]
    fn a_shape_that_fits_in_a_point_is_refused_before_any_union() {
        use geo::polygon;
        let square = |side: f64, corner: f64| {
            geo::Geometry::Polygon(polygon![
                (x: corner, y: corner), (x: corner + side, y: corner),
                (x: corner + side, y: corner + side), (x: corner, y: corner + side)
            ])
        };
        for (what, shape, refused) in [
            ("subnormal", square(1e-309, 5.0e-310), true),
            ("a micrometre in degrees", square(1e-8, 2.35), true),
            ("not a number", square(f64::NAN, 2.35), true),
            ("a block", square(1e-3, 2.35), false),
        ] {
            let (area, report) = area_of_shape(shape);
            assert_eq!(area.is_none(), refused, "{what}");
            let said = refused_for(&report, Reason::Degenerate);
            assert_eq!(said, refused, "{what}: {report:?}");
        }
        let words = crate::i18n::tr(crate::i18n::Lang::Fr, "reason-degenerate", &[]);
        assert!(words.contains("projection"), "{words}");
    }

    #[test]
    fn usual_open_data_columns_are_suggested() {
        let f = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let u = suggest_unit_columns(&f(&[
            "CODE_IRIS",
            "NOM_IRIS",
            "NB_COLLEGIENS",
            "C19_POP15P_CS1",
            "C19_POP15P_CS2",
            "C19_POP15P_CS3",
            "C19_POP15P_CS4",
            "C19_POP15P_CS5",
            "C19_POP15P_CS6",
            "C19_POP15P_CS7",
            "C19_POP15P_CS8",
        ]));
        assert_eq!(u.key.as_deref(), Some("CODE_IRIS"));
        assert_eq!(u.name.as_deref(), Some("NOM_IRIS"));
        assert_eq!(u.pupils.as_deref(), Some("NB_COLLEGIENS"));
        assert_eq!(u.census_cs.as_ref().map(Vec::len), Some(8));
        let c = suggest_college_columns(&f(&[
            "UAI",
            "Nom de l'établissment",
            "Secteur",
            "Effectifs",
            "IPS",
        ]));
        assert_eq!(c.uai.as_deref(), Some("UAI"));
        assert_eq!(c.name.as_deref(), Some("Nom de l'établissment"));
        assert_eq!(c.status.as_deref(), Some("Secteur"));
        assert_eq!(c.pupils.as_deref(), Some("Effectifs"));
        let c =
            suggest_college_columns(&f(&["codeuai", "nom_etablissement", "statut_public_prive"]));
        assert_eq!(c.uai.as_deref(), Some("codeuai"));
        let c = suggest_college_columns(&f(&["Code_RNE"]));
        assert_eq!(c.uai.as_deref(), Some("Code_RNE"));
    }

    #[test]
    fn names_in_capitals_are_tidied() {
        assert_eq!(tidy_name("COLLEGE PAUL ELUARD"), "Collège Paul Eluard");
        assert_eq!(
            tidy_name("COLLEGE JEAN-BAPTISTE LEBAS"),
            "Collège Jean-Baptiste Lebas"
        );
        assert_eq!(tidy_name("Collège du Lazaro"), "Collège du Lazaro");
    }

    #[test]
    fn uai_codes() {
        assert!(is_uai("0590057S"));
        assert!(is_uai("0593228N"));
        assert!(!is_uai("590057S"));
        assert!(!is_uai("05900578"));
        assert!(!is_uai(""));
    }

    #[test]
    fn census_categories_become_depp_groups_without_retirees() {
        // CS1..CS8: farmers, artisans, managers, intermediate, employees, workers, retirees, others
        let g = census_groups(&[1.0, 1.0, 2.0, 2.0, 2.0, 1.0, 50.0, 1.0], 100.0).unwrap();
        assert_eq!(g, vec![20.0, 20.0, 40.0, 20.0]);
    }
}
