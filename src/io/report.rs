//! The validation report: every problem found while reading files, at once, each with the file,
//! the feature or row, and the field it concerns. The words shown to users come from
//! `i18n::problem_text`, in French or English.

use serde::Serialize;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Something was repaired or assumed; what was read is usable, and the user should know.
    Note,
    /// A feature, row or value was left out; the rest loads.
    Skipped,
    /// The file cannot be used at all.
    Fatal,
}

/// Why a file, a feature or a geometry could not be read: our own reasons are named, so that
/// they are said in the user's language; a library's own words (in English) only come as the
/// technical detail of one of them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "reason", content = "detail", rename_all = "snake_case")]
pub enum Reason {
    /// The file does not exist.
    NotFound,
    /// The system refuses access to the file.
    PermissionDenied,
    /// Another system error.
    System(String),
    /// The text is not valid JSON.
    NotJson(String),
    /// A FeatureCollection without its `features` list.
    NoFeatureList,
    /// The GeoJSON `type` is not one of the standard names.
    NotGeoJsonType(String),
    /// A coordinate is not a finite number.
    NotANumberCoordinate,
    /// Coordinates off the Earth for longitudes/latitudes.
    OffEarth,
    /// The CSV structure cannot be read.
    Csv(String),
    /// Not a zip archive.
    NotZip(String),
    /// A zip archive without a `.shp`.
    NoShpInZip,
    /// A `.shp` shorter than its header.
    ShpTooShort(usize),
    /// The `.shx` index does not point at the `.shp`'s records: it was ignored.
    IndexMismatch,
    /// The file is damaged from a record on; what came before was read.
    DamagedFromHere(String),
    /// The `.dbf` cannot be read: attributes are missing.
    DbfUnreadable(String),
    /// One record's attributes cannot be read.
    RecordUnreadable(String),
    /// A shape the shapefile library cannot turn into a geometry.
    Shape(String),
    /// A point the projection cannot convert.
    Projection(String),
    /// A GeoJSON geometry whose members do not follow the standard (type, nesting).
    GeoJsonStructure(String),
    /// A GeoJSON position without two finite numbers (how many it has).
    BadPosition(usize),
    /// A GeoJSON ring with fewer than 4 positions (how many it has).
    ShortRing(usize),
    /// A GeoJSON ring whose last position differs from its first.
    OpenRing,
    /// A file of an archive that cannot be extracted.
    NotInArchive(String),
    /// A polygon that crosses itself.
    SelfIntersection,
    /// A file of an archive that would decompress to more than it may: (its name, its size
    /// as stated or found, the most accepted), in bytes.
    TooExpanded(String, u64, u64),
    /// A shape with more vertices than any reader should hold: (found, the most accepted).
    TooManyVertices(usize, usize),
    /// A shape whose extent is below a millionth of its coordinates' unit, or not a number: no
    /// unit of a territory (and the polygon library loops on such shapes).
    Degenerate,
    /// A shape whose rings cross more times than a repair may undo (the most accepted): no
    /// real area (and the polygon library takes seconds on such shapes).
    TooTangled(usize),
    /// A ring with too few points.
    TooFewPoints,
    /// A hole outside its polygon, or holes/polygons that overlap.
    RingsOverlap,
    /// A shape whose topology cannot be analysed.
    Topology,
}

impl From<std::io::Error> for Reason {
    fn from(e: std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => Reason::NotFound,
            std::io::ErrorKind::PermissionDenied => Reason::PermissionDenied,
            _ => Reason::System(e.to_string()),
        }
    }
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file cannot be opened or read.
    Unreadable {
        /// The system's or parser's reason.
        reason: Reason,
    },
    /// The file is not in the format its name says.
    BadFormat {
        /// The parser's reason.
        reason: Reason,
    },
    /// The projection is not one we know; nothing is guessed.
    UnknownProjection {
        /// What the file says.
        declared: String,
    },
    /// No projection declared and the coordinates are not longitudes/latitudes.
    ProjectedWithoutCrs {
        /// An example coordinate.
        x: f64,
        /// An example coordinate.
        y: f64,
    },
    /// Converted coordinates fall outside the area where the declared projection is used: the
    /// file is most likely in another projection than it says.
    OutsideProjectionArea {
        /// Where the first point lands, in degrees.
        lon: f64,
        /// Where the first point lands, in degrees.
        lat: f64,
        /// The area the projection is made for.
        area: String,
    },
    /// A feature has no geometry.
    NullGeometry,
    /// A feature's geometry is not valid (unclosed ring, missing coordinates...) and cannot be read.
    BrokenGeometry {
        /// The parser's reason.
        reason: Reason,
    },
    /// A polygon crosses itself or is otherwise invalid; it was repaired (union of its parts).
    RepairedGeometry {
        /// What was wrong.
        reason: Reason,
    },
    /// A polygon was invalid and could not be repaired.
    InvalidGeometry {
        /// What was wrong.
        reason: Reason,
    },
    /// The geometry is not a polygon where areas were expected.
    NotAnArea {
        /// The geometry type found.
        found: String,
    },
    /// A required column is missing.
    MissingField {
        /// Columns the file has.
        available: Vec<String>,
    },
    /// A value that should be a number is not.
    NotANumber {
        /// The text found.
        value: String,
    },
    /// A number outside what makes sense.
    AbsurdValue {
        /// The value.
        value: f64,
        /// What would be right, in plain words ("between 40 and 180").
        expected: String,
    },
    /// An identifier used twice.
    DuplicateId {
        /// The identifier.
        id: String,
    },
    /// Rows with the same identifier and the same shape (a unit listed once per sector it
    /// straddles): merged into one unit, their pupils added.
    MergedDuplicate {
        /// The identifier.
        id: String,
    },
    /// A key not found in the table it should join.
    Unmatched {
        /// The key.
        key: String,
        /// The table searched.
        table: String,
    },
    /// A collège without a UAI code, or with one that is not 7 digits and a letter.
    BadUai {
        /// The value found.
        value: String,
    },
    /// A unit that lies in no sector.
    OutsideSectors,
    /// A unit split between sectors; it went to the one covering most of it.
    SplitUnit {
        /// UAI of the sector it went to.
        chosen: String,
        /// Share of its area in that sector.
        share: f64,
    },
    /// A collège with no location in the tables was placed inside its sector.
    PlacedInSector {
        /// Its UAI.
        uai: String,
    },
    /// Units' IPS estimated from census groups, calibrated on published collège IPS.
    IpsEstimated {
        /// Collèges the fit used.
        colleges: usize,
        /// Root mean square error, in IPS points.
        rmse: f64,
    },
    /// Not a file the import reads: a shapefile's sidecar, another format, text that is no
    /// table.
    NotReadHere {
        /// Why.
        refusal: Refusal,
    },
}

/// One problem, with where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// File name (not the whole path: reports are shared).
    pub file: String,
    /// "feature 12", "row 40", or a unit's key.
    pub place: Option<String>,
    /// The field concerned.
    pub field: Option<String>,
    /// How serious.
    pub severity: Severity,
    /// What.
    pub kind: ProblemKind,
}

/// Every problem found, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// The problems.
    pub problems: Vec<Problem>,
}

impl Report {
    /// Adds a problem.
    pub fn push(
        &mut self,
        file: &str,
        place: Option<String>,
        field: Option<&str>,
        severity: Severity,
        kind: ProblemKind,
    ) {
        self.problems.push(Problem {
            file: file.to_string(),
            place,
            field: field.map(str::to_string),
            severity,
            kind,
        });
    }

    /// True when a file could not be used at all.
    pub fn has_fatal(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Fatal)
    }

    /// Appends another report.
    pub fn extend(&mut self, other: Report) {
        self.problems.extend(other.problems);
    }
}

/// Why a file is not one the import can read.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Refusal {
    /// A `.dbf`, `.shx`, `.prj` or `.cpg`: part of a shapefile, whose `.shp` is to be opened.
    ShapefilePart,
    /// A format the project does not read (TopoJSON, GPX, GML, FileGDB, KML), and its name.
    Unsupported(String),
    /// A text file that is not a table.
    NotATable,
    /// A table or layer whose columns are none of the national files'.
    Unknown,
    /// The file cannot be read: the first problem met.
    Unreadable(Box<Problem>),
}
