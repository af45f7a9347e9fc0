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

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProblemKind {
    /// The file cannot be opened or read.
    Unreadable {
        /// The system's or parser's reason.
        reason: String,
    },
    /// The file is not in the format its name says.
    BadFormat {
        /// The parser's reason.
        reason: String,
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
    /// A feature has no geometry.
    NullGeometry,
    /// A feature's geometry is not valid (unclosed ring, missing coordinates...) and cannot be read.
    BrokenGeometry {
        /// The parser's reason.
        reason: String,
    },
    /// A polygon crosses itself or is otherwise invalid; it was repaired (union of its parts).
    RepairedGeometry {
        /// What was wrong.
        reason: String,
    },
    /// A polygon was invalid and could not be repaired.
    InvalidGeometry {
        /// What was wrong.
        reason: String,
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
