//! The territory: units (the atoms that get assigned), collèges, the spatial index and the unit
//! adjacency graph. Built once; scenarios and indicators refer to units and collèges by index.
//!
//! Geometry is stored in WGS84 longitude/latitude (what GeoJSON and the map widget speak); metric
//! quantities (distances, shared boundary lengths) are computed on the sphere (haversine).

use std::collections::HashMap;

use geo::polygon;
use geo::{BoundingRect, Contains, Distance, Haversine, InteriorPoint, MultiPolygon, Point};
use rstar::{AABB, RTree, primitives::GeomWithData, primitives::Rectangle};
use serde::{Deserialize, Serialize};

/// Index of a unit in its [`Territory`]. Stable for the life of the territory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct UnitId(pub u32);

/// Index of a collège in its [`Territory`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CollegeId(pub u32);

impl UnitId {
    /// The index as `usize`, for slices.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl CollegeId {
    /// The index as `usize`, for slices.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The most social groups a territory may use (census CS1..CS8).
pub const MAX_GROUPS: usize = 8;

/// Which social groups the unit counts use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupScheme {
    /// Group names, as shown to users (in French, the data's language).
    pub names: Vec<String>,
    /// Index of the "défavorisée" group (or the group closest to it), used as the default
    /// minority for dissimilarity and isolation.
    pub disadvantaged: Option<usize>,
}

impl GroupScheme {
    /// The four DEPP groups of pupils' social origin.
    pub fn depp4() -> Self {
        GroupScheme {
            names: vec![
                "Très favorisée".into(),
                "Favorisée".into(),
                "Moyenne".into(),
                "Défavorisée".into(),
            ],
            disadvantaged: Some(3),
        }
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when the territory has no social groups at all.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// What is known about the pupils of a unit (or of a collège's own intake). Every attribute is
/// optional: a missing value is unknown, never zero.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Population {
    /// Collège pupils living in the unit who attend the public sector collège, all four levels.
    pub pupils: Option<f64>,
    /// True when `pupils` (and the 6e cohort) were estimated (from the écoles of the unit, or a
    /// collège's headcount spread over its sector) rather than counted.
    #[serde(default)]
    pub pupils_estimated: bool,
    /// Yearly 6e cohort. When unknown, indicators estimate it as a quarter of the pupils.
    pub cohort_6e: Option<f64>,
    /// Pupils with a means-tested scholarship (boursiers).
    pub boursiers: Option<f64>,
    /// Mean IPS of the unit's pupils.
    pub ips_mean: Option<f64>,
    /// Standard deviation of the IPS of the unit's pupils.
    pub ips_sd: Option<f64>,
    /// True when `ips_mean` was estimated (from census groups) rather than observed.
    #[serde(default)]
    pub ips_estimated: bool,
    /// Pupils per social group, in the order of the territory's [`GroupScheme`].
    pub groups: Option<Vec<f64>>,
    /// Share (0-1) of the unit's collège-age children who avoid the public sector collège.
    pub avoidance_rate: Option<f64>,
}

/// The shape of a unit.
#[derive(Debug, Clone, PartialEq)]
pub enum UnitShape {
    /// A block, an IRIS, a commune: one or several polygons.
    Area(MultiPolygon<f64>),
    /// A point, e.g. an école whose catchment is assigned as a whole.
    Point(Point<f64>),
}

/// The atom that gets assigned to collèges.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Stable external identifier (IRIS code, block id): the key in scenario files.
    pub key: String,
    /// Name shown to users.
    pub name: String,
    /// Geometry, WGS84 lon/lat.
    pub shape: UnitShape,
    /// Representative point inside the unit (lon/lat), from which distances are measured.
    pub anchor: Point<f64>,
    /// Pupils and their social profile.
    pub population: Population,
    /// The école catchment the unit belongs to (an école's UAI or name), when the data says:
    /// blocks of one école can be kept together when the assistant redraws sectors.
    pub school: Option<String>,
}

/// Public collège, or private "sous contrat" (no sector).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sector {
    /// Public: recruits from its sector.
    Public,
    /// Private under contract: recruits freely.
    Private,
}

/// Priority-education status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Rep {
    /// Not in priority education.
    #[default]
    #[serde(rename = "none")]
    None,
    /// REP network.
    #[serde(rename = "REP")]
    Rep,
    /// REP+ network.
    #[serde(rename = "REP+")]
    RepPlus,
}

/// A collège.
#[derive(Debug, Clone)]
pub struct College {
    /// National identifier (8 characters, e.g. `0590057S`).
    pub uai: String,
    /// Name shown to users.
    pub name: String,
    /// A short name for map labels.
    pub short_name: String,
    /// Location (lon/lat).
    pub location: Point<f64>,
    /// Public or private.
    pub sector: Sector,
    /// Capacity in pupils, all levels.
    pub capacity_pupils: Option<f64>,
    /// Capacity in 6e classes (of 25 pupils).
    pub capacity_6e_classes: Option<u32>,
    /// Priority-education status.
    pub rep: Rep,
    /// Published IPS (observed, includes the effect of avoidance).
    pub observed_ips: Option<f64>,
    /// Published headcount.
    pub observed_pupils: Option<f64>,
    /// Pupils who do not come from the units (a private collège's own recruitment): counted in
    /// its indicators and in the territory indices, never moved by a scenario.
    pub own_intake: Option<Population>,
}

impl Unit {
    /// A unit that is a `size`-degree square with its lower-left corner at (x, y), named by its
    /// key (tests, synthetic territories).
    pub fn square(key: &str, x: f64, y: f64, size: f64, population: Population) -> Unit {
        let poly = polygon![
            (x: x, y: y), (x: x + size, y: y), (x: x + size, y: y + size), (x: x, y: y + size)
        ];
        let shape = UnitShape::Area(MultiPolygon(vec![poly]));
        Unit {
            key: key.into(),
            name: key.into(),
            anchor: unit_anchor(&shape),
            shape,
            population,
            school: None,
        }
    }
}

impl College {
    /// A public collège known only by its UAI and its place: its name is the UAI, every figure
    /// unknown. The other fields are set with the methods below (tests, planned collèges).
    pub fn public(uai: impl Into<String>, location: Point<f64>) -> Self {
        let uai = uai.into();
        College {
            name: uai.clone(),
            short_name: uai.clone(),
            uai,
            location,
            sector: Sector::Public,
            capacity_pupils: None,
            capacity_6e_classes: None,
            rep: Rep::None,
            observed_ips: None,
            observed_pupils: None,
            own_intake: None,
        }
    }

    /// The same collège under a name (also its short name).
    pub fn named(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self.short_name = self.name.clone();
        self
    }

    /// The same collège with this many places.
    pub fn with_capacity(mut self, pupils: f64) -> Self {
        self.capacity_pupils = Some(pupils);
        self
    }

    /// A collège as the ministry publishes it: its IPS and headcount; a private one recruits
    /// its own pupils, counted as its intake.
    pub fn published(mut self, ips: Option<f64>, pupils: Option<f64>, private: bool) -> Self {
        self.observed_ips = ips;
        self.observed_pupils = pupils;
        if private {
            self.sector = Sector::Private;
            self.own_intake = Some(Population {
                pupils,
                ips_mean: ips,
                ..Population::default()
            });
        }
        self
    }

    /// The same collège, private under contract.
    pub fn private(mut self) -> Self {
        self.sector = Sector::Private;
        self
    }
}

/// A street row of the carte scolaire, for a commune divided by streets: which collège the
/// house numbers of one street go to. Kept with the territory so that a scenario can be written
/// back as the annex a département's decision lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreetRange {
    /// The commune (INSEE code).
    pub commune: String,
    /// The street as the département writes it.
    pub street: String,
    /// First house number.
    pub from: u32,
    /// Last house number (9999: the whole street).
    pub to: u32,
    /// Which side: `PI` both, `P` even, `I` odd.
    pub parity: String,
    /// The collège (UAI).
    pub uai: String,
}

/// A line drawn for orientation (river, ring road, railway).
#[derive(Debug, Clone)]
pub struct Landmark {
    /// What it is.
    pub kind: LandmarkKind,
    /// Its name.
    pub name: String,
    /// Its course (lon/lat).
    pub line: geo::LineString<f64>,
}

/// The kinds of [`Landmark`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LandmarkKind {
    /// A river or canal.
    River,
    /// A major road.
    Road,
    /// A railway.
    Railway,
}

/// Where a unit's neighbour is and how long their common boundary is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Neighbour {
    /// The neighbouring unit.
    pub unit: UnitId,
    /// Length of the shared boundary, metres.
    pub shared_m: f64,
}

/// Unit adjacency in compressed rows: the neighbours of unit `u` are
/// `neighbours[offsets[u]..offsets[u + 1]]`.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    offsets: Vec<u32>,
    neighbours: Vec<Neighbour>,
}

impl Adjacency {
    /// The neighbours of a unit, with shared boundary lengths.
    pub fn of(&self, unit: UnitId) -> &[Neighbour] {
        let i = unit.index();
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.neighbours[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Number of adjacent pairs (each counted once).
    pub fn pair_count(&self) -> usize {
        self.neighbours.len() / 2
    }
}

/// Descriptive facts about a territory, shown in the interface.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct TerritoryInfo {
    /// Name of the territory.
    pub name: String,
    /// True for invented territories (the demo town): the interface says so everywhere.
    #[serde(default)]
    pub fictional: bool,
    /// Where the data comes from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// How the figures that are estimates were made, as data: the interface and the handout
    /// write them in the reader's language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub method: Vec<MethodNote>,
}

/// One step of how a territory's estimates were made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MethodNote {
    /// Pupils from the écoles' CP to CM2 (this rentrée), scaled to four collège years.
    PupilsFromEcoles {
        /// The rentrée of the école headcounts.
        year: String,
    },
    /// Each public collège's published headcount spread over its sector by area.
    PupilsSpreadByArea,
    /// The same, by the communes' population.
    PupilsSpreadByPopulation,
    /// A commune's IPS: its écoles' published IPS weighted by their pupils.
    IpsFromEcoles {
        /// How many écoles gave an IPS.
        ecoles: usize,
    },
    /// Communes the carte scolaire shares between collèges, counted in equal parts.
    SharedEqually {
        /// How many.
        communes: usize,
    },
    /// Communes divided by streets, without an address file: given whole to the nearest of
    /// their collèges.
    StreetsToNearest {
        /// Their names.
        communes: Vec<String>,
    },
    /// Communes missing from the carte scolaire, given to the nearest public collège.
    NotInCarte {
        /// Their names.
        communes: Vec<String>,
    },
    /// Units' IPS from census social groups, calibrated on the published IPS of collèges.
    IpsFromCensus {
        /// Collèges calibrated on.
        colleges: usize,
        /// Root mean square error, IPS points.
        rmse: f64,
        /// The published range the estimates are bounded to.
        range: (f64, f64),
        /// Units brought back into that range.
        bounded: usize,
    },
}

/// Everything that does not change between scenarios.
#[derive(Debug, Clone)]
pub struct Territory {
    /// Name, sources, fictional or not.
    pub info: TerritoryInfo,
    /// The social groups used by unit counts.
    pub groups: GroupScheme,
    units: Vec<Unit>,
    colleges: Vec<College>,
    /// Orientation lines (rivers, roads).
    pub landmarks: Vec<Landmark>,
    /// Street centre lines, for walking distances (lon/lat).
    pub streets: Vec<geo::LineString<f64>>,
    /// The carte scolaire's street rows of communes divided by streets, when imported.
    pub street_ranges: Vec<StreetRange>,
    /// Streets with their names (the address search, the map's labels at close zoom).
    pub street_names: Vec<super::places::NamedStreet>,
    unit_index: RTree<GeomWithData<Rectangle<[f64; 2]>, u32>>,
    adjacency: Adjacency,
    unit_by_key: HashMap<String, UnitId>,
    college_by_uai: HashMap<String, CollegeId>,
}

/// Why a territory cannot be built.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum TerritoryError {
    /// Two units share one key.
    #[error("two units have the same identifier « {key} » (units {first} and {second})")]
    DuplicateUnitKey {
        /// The key.
        key: String,
        /// Position of the first unit.
        first: usize,
        /// Position of the second unit.
        second: usize,
    },
    /// Two collèges share one UAI.
    #[error("two collèges have the same UAI « {uai} »")]
    DuplicateUai {
        /// The UAI.
        uai: String,
    },
    /// Group counts do not match the group scheme.
    #[error("unit « {key} » has {found} social group counts, the territory defines {expected}")]
    GroupCountMismatch {
        /// The unit key.
        key: String,
        /// How many counts it has.
        found: usize,
        /// How many groups the scheme has.
        expected: usize,
    },
    /// Too many groups.
    #[error("{found} social groups: at most {MAX_GROUPS} are supported")]
    TooManyGroups {
        /// How many groups were given.
        found: usize,
    },
    /// A value that cannot be a count or an IPS.
    #[error("unit « {key} »: {field} = {value} is not a valid value ({expected})")]
    AbsurdValue {
        /// The unit key.
        key: String,
        /// The field.
        field: &'static str,
        /// The value found.
        value: f64,
        /// What would be right.
        expected: &'static str,
    },
}

/// Snapping grid for matching polygon vertices when building adjacency: 1e-7 degree (about 1 cm).
pub(crate) const VERTEX_GRID: f64 = 1e7;

impl Territory {
    /// A territory of these units and collèges with no name nor sources and the DEPP's four
    /// social groups: the small territories of tests and examples.
    pub fn of(units: Vec<Unit>, colleges: Vec<College>) -> Result<Territory, TerritoryError> {
        Territory::new(
            TerritoryInfo::default(),
            GroupScheme::depp4(),
            units,
            colleges,
        )
    }

    /// Builds a territory: validates values, computes representative points, the spatial index
    /// and the adjacency graph.
    ///
    /// Units must carry their anchor; use [`unit_anchor`] to compute one from a shape.
    pub fn new(
        info: TerritoryInfo,
        groups: GroupScheme,
        units: Vec<Unit>,
        colleges: Vec<College>,
    ) -> Result<Self, TerritoryError> {
        if groups.len() > MAX_GROUPS {
            return Err(TerritoryError::TooManyGroups {
                found: groups.len(),
            });
        }
        let mut unit_by_key = HashMap::with_capacity(units.len());
        for (i, unit) in units.iter().enumerate() {
            if let Some(first) = unit_by_key.insert(unit.key.clone(), UnitId(i as u32)) {
                return Err(TerritoryError::DuplicateUnitKey {
                    key: unit.key.clone(),
                    first: first.index(),
                    second: i,
                });
            }
            validate_population(&unit.key, &unit.population, groups.len())?;
        }
        let mut college_by_uai = HashMap::with_capacity(colleges.len());
        for (i, college) in colleges.iter().enumerate() {
            if college_by_uai
                .insert(college.uai.clone(), CollegeId(i as u32))
                .is_some()
            {
                return Err(TerritoryError::DuplicateUai {
                    uai: college.uai.clone(),
                });
            }
            if let Some(intake) = &college.own_intake {
                validate_population(&college.uai, intake, groups.len())?;
            }
        }
        let unit_index = RTree::bulk_load(
            units
                .iter()
                .enumerate()
                .map(|(i, u)| GeomWithData::new(unit_bbox(u), i as u32))
                .collect(),
        );
        let adjacency = build_adjacency(&units);
        Ok(Territory {
            info,
            groups,
            units,
            colleges,
            landmarks: Vec::new(),
            streets: Vec::new(),
            street_ranges: Vec::new(),
            street_names: Vec::new(),
            unit_index,
            adjacency,
            unit_by_key,
            college_by_uai,
        })
    }

    /// A copy with one more collège (a new or rebuilt building, a merger), at the end: every
    /// existing id stays valid.
    pub fn with_added_college(&self, college: College) -> Result<Territory, TerritoryError> {
        if self.college_by_uai.contains_key(&college.uai) {
            return Err(TerritoryError::DuplicateUai { uai: college.uai });
        }
        let mut t = self.clone();
        t.college_by_uai
            .insert(college.uai.clone(), CollegeId(t.colleges.len() as u32));
        t.colleges.push(college);
        Ok(t)
    }

    /// All units, indexed by [`UnitId`].
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// All collèges, indexed by [`CollegeId`].
    pub fn colleges(&self) -> &[College] {
        &self.colleges
    }

    /// True when at least one collège has a known capacity (capacity limits bind something).
    pub fn has_capacities(&self) -> bool {
        self.colleges.iter().any(|c| c.capacity_pupils.is_some())
    }

    /// One unit.
    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id.index()]
    }

    /// One collège.
    pub fn college(&self, id: CollegeId) -> &College {
        &self.colleges[id.index()]
    }

    /// The écoles the units name (their catchments), each once, in the order first met.
    pub fn schools(&self) -> Vec<&str> {
        let mut seen = std::collections::HashSet::new();
        self.units
            .iter()
            .filter_map(|u| u.school.as_deref())
            .filter(|s| seen.insert(*s))
            .collect()
    }

    /// Iterates over unit ids.
    pub fn unit_ids(&self) -> impl Iterator<Item = UnitId> + use<> {
        (0..self.units.len() as u32).map(UnitId)
    }

    /// Iterates over collège ids.
    pub fn college_ids(&self) -> impl Iterator<Item = CollegeId> + use<> {
        (0..self.colleges.len() as u32).map(CollegeId)
    }

    /// The unit with this external key.
    pub fn unit_by_key(&self, key: &str) -> Option<UnitId> {
        self.unit_by_key.get(key).copied()
    }

    /// The collège with this UAI.
    pub fn college_by_uai(&self, uai: &str) -> Option<CollegeId> {
        self.college_by_uai.get(uai).copied()
    }

    /// The adjacency graph.
    pub fn adjacency(&self) -> &Adjacency {
        &self.adjacency
    }

    /// The unit under a point (lon/lat), if any. Point units are hit within `point_radius_deg`.
    pub fn unit_at(&self, pos: Point<f64>, point_radius_deg: f64) -> Option<UnitId> {
        let r = point_radius_deg;
        let envelope = AABB::from_corners([pos.x() - r, pos.y() - r], [pos.x() + r, pos.y() + r]);
        let mut best: Option<(UnitId, f64)> = None;
        for candidate in self.unit_index.locate_in_envelope_intersecting(&envelope) {
            let id = UnitId(candidate.data);
            match &self.units[id.index()].shape {
                UnitShape::Area(mp) => {
                    if mp.contains(&pos) {
                        return Some(id);
                    }
                }
                UnitShape::Point(p) => {
                    let d = (p.x() - pos.x()).hypot(p.y() - pos.y());
                    if d <= r && best.is_none_or(|(_, bd)| d < bd) {
                        best = Some((id, d));
                    }
                }
            }
        }
        best.map(|(id, _)| id)
    }

    /// Units whose bounding box intersects a lon/lat rectangle (for viewport culling and
    /// rectangle selection).
    pub fn units_in_rect(
        &self,
        min: Point<f64>,
        max: Point<f64>,
    ) -> impl Iterator<Item = UnitId> + '_ {
        let envelope = AABB::from_corners([min.x(), min.y()], [max.x(), max.y()]);
        self.unit_index
            .locate_in_envelope_intersecting(&envelope)
            .map(|g| UnitId(g.data))
    }

    /// Straight-line distance in metres from a unit's anchor to a collège (haversine).
    pub fn straight_line_m(&self, unit: UnitId, college: CollegeId) -> f64 {
        Haversine.distance(
            self.units[unit.index()].anchor,
            self.colleges[college.index()].location,
        )
    }

    /// Bounding box of all units and collèges (lon/lat), or `None` for an empty territory.
    pub fn bounds(&self) -> Option<geo::Rect<f64>> {
        let env = self.unit_index.root().envelope();
        let mut min = env.lower();
        let mut max = env.upper();
        if self.units.is_empty() {
            min = [f64::INFINITY; 2];
            max = [f64::NEG_INFINITY; 2];
        }
        for c in &self.colleges {
            min = [min[0].min(c.location.x()), min[1].min(c.location.y())];
            max = [max[0].max(c.location.x()), max[1].max(c.location.y())];
        }
        (min[0] <= max[0] && min[1] <= max[1]).then(|| {
            geo::Rect::new(
                geo::coord! {x: min[0], y: min[1]},
                geo::coord! {x: max[0], y: max[1]},
            )
        })
    }
}

fn validate_population(key: &str, p: &Population, n_groups: usize) -> Result<(), TerritoryError> {
    let check =
        |field: &'static str, v: Option<f64>, lo: f64, hi: f64, expected: &'static str| match v {
            Some(x) if !(x.is_finite() && x >= lo && x <= hi) => Err(TerritoryError::AbsurdValue {
                key: key.to_string(),
                field,
                value: x,
                expected,
            }),
            _ => Ok(()),
        };
    check("pupils", p.pupils, 0.0, 1e7, "a count of pupils, 0 or more")?;
    check(
        "cohort_6e",
        p.cohort_6e,
        0.0,
        1e7,
        "a count of pupils, 0 or more",
    )?;
    check(
        "boursiers",
        p.boursiers,
        0.0,
        1e7,
        "a count of pupils, 0 or more",
    )?;
    check(
        "ips_mean",
        p.ips_mean,
        20.0,
        250.0,
        "an IPS, between 20 and 250",
    )?;
    check(
        "ips_sd",
        p.ips_sd,
        0.0,
        150.0,
        "a standard deviation of IPS, 0 to 150",
    )?;
    check(
        "avoidance_rate",
        p.avoidance_rate,
        0.0,
        1.0,
        "a share between 0 and 1",
    )?;
    if let Some(groups) = &p.groups {
        if groups.len() != n_groups {
            return Err(TerritoryError::GroupCountMismatch {
                key: key.to_string(),
                found: groups.len(),
                expected: n_groups,
            });
        }
        for &g in groups {
            check("groups", Some(g), 0.0, 1e7, "a count of pupils, 0 or more")?;
        }
    }
    Ok(())
}

/// A representative point of a shape: a point guaranteed inside the polygon (not the centroid,
/// which can fall outside a crescent-shaped block).
pub fn unit_anchor(shape: &UnitShape) -> Point<f64> {
    match shape {
        UnitShape::Point(p) => *p,
        UnitShape::Area(mp) => mp
            .interior_point()
            .unwrap_or_else(|| Point::new(f64::NAN, f64::NAN)),
    }
}

fn unit_bbox(unit: &Unit) -> Rectangle<[f64; 2]> {
    let rect = match &unit.shape {
        UnitShape::Area(mp) => mp.bounding_rect(),
        UnitShape::Point(p) => Some(geo::Rect::new(p.0, p.0)),
    };
    match rect {
        Some(r) => Rectangle::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]),
        None => Rectangle::from_corners([unit.anchor.x(); 2], [unit.anchor.y(); 2]),
    }
}

/// Adjacency from shared polygon edges: every edge is keyed by its two snapped end points; an
/// edge found in two units makes them neighbours, its length added to their shared boundary.
/// Linear in the number of edges. Units that touch without sharing vertices (data from different
/// sources) are not detected; importers snap such data first.
fn build_adjacency(units: &[Unit]) -> Adjacency {
    type Key = (i64, i64, i64, i64);
    let snap = |c: geo::Coord<f64>| {
        (
            (c.x * VERTEX_GRID).round() as i64,
            (c.y * VERTEX_GRID).round() as i64,
        )
    };
    let mut first_owner: HashMap<Key, u32> = HashMap::new();
    let mut pairs: HashMap<(u32, u32), f64> = HashMap::new();
    for (i, unit) in units.iter().enumerate() {
        let UnitShape::Area(mp) = &unit.shape else {
            continue;
        };
        for poly in mp {
            for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                for line in ring.lines() {
                    let (a, b) = (snap(line.start), snap(line.end));
                    if a == b {
                        continue;
                    }
                    let key = if a < b {
                        (a.0, a.1, b.0, b.1)
                    } else {
                        (b.0, b.1, a.0, a.1)
                    };
                    match first_owner.get(&key) {
                        Some(&other) if other != i as u32 => {
                            let len =
                                Haversine.distance(Point::from(line.start), Point::from(line.end));
                            let pair = (other.min(i as u32), other.max(i as u32));
                            *pairs.entry(pair).or_insert(0.0) += len;
                        }
                        Some(_) => {}
                        None => {
                            first_owner.insert(key, i as u32);
                        }
                    }
                }
            }
        }
    }
    let mut lists: Vec<Vec<Neighbour>> = vec![Vec::new(); units.len()];
    for (&(a, b), &len) in &pairs {
        lists[a as usize].push(Neighbour {
            unit: UnitId(b),
            shared_m: len,
        });
        lists[b as usize].push(Neighbour {
            unit: UnitId(a),
            shared_m: len,
        });
    }
    let mut offsets = Vec::with_capacity(units.len() + 1);
    let mut neighbours = Vec::with_capacity(pairs.len() * 2);
    offsets.push(0);
    for mut list in lists {
        list.sort_by_key(|n| n.unit);
        neighbours.extend(list);
        offsets.push(neighbours.len() as u32);
    }
    Adjacency {
        offsets,
        neighbours,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn squares_sharing_an_edge_are_neighbours_with_its_length() {
        let units = vec![
            Unit::square("a", 0.0, 45.0, 0.01, Population::default()),
            Unit::square("b", 0.01, 45.0, 0.01, Population::default()),
            Unit::square("c", 0.05, 45.0, 0.01, Population::default()),
        ];
        let t = Territory::of(units, vec![]).unwrap();
        let n = t.adjacency().of(UnitId(0));
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].unit, UnitId(1));
        // 0.01 degree of latitude is about 1,112 m.
        assert!((n[0].shared_m - 1112.0).abs() < 5.0, "{}", n[0].shared_m);
        assert!(t.adjacency().of(UnitId(2)).is_empty());
        assert_eq!(t.adjacency().pair_count(), 1);
    }

    #[test]
    fn a_click_inside_a_square_finds_it() {
        let units = vec![
            Unit::square("a", 0.0, 45.0, 0.01, Population::default()),
            Unit::square("b", 0.01, 45.0, 0.01, Population::default()),
        ];
        let t = Territory::of(units, vec![]).unwrap();
        assert_eq!(t.unit_at(Point::new(0.015, 45.005), 0.0), Some(UnitId(1)));
        assert_eq!(t.unit_at(Point::new(0.5, 45.005), 0.0), None);
        assert_eq!(t.unit_by_key("b"), Some(UnitId(1)));
    }

    #[test]
    fn duplicate_keys_and_absurd_values_are_refused_with_the_culprit_named() {
        let units = vec![
            Unit::square("a", 0.0, 45.0, 0.01, Population::default()),
            Unit::square("a", 0.01, 45.0, 0.01, Population::default()),
        ];
        let err = Territory::of(units, vec![]).unwrap_err();
        assert!(err.to_string().contains("« a »"));

        let bad = Population {
            ips_mean: Some(-3.0),
            ..Default::default()
        };
        let units = vec![Unit::square("x", 0.0, 45.0, 0.01, bad)];
        let err = Territory::of(units, vec![]).unwrap_err();
        assert!(matches!(
            err,
            TerritoryError::AbsurdValue {
                field: "ips_mean",
                ..
            }
        ));
    }
}
