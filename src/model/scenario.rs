//! A scenario: where every unit's pupils go, plus who wrote it and when.
//!
//! Every assignment resolves to a list of `(collège, share)` pairs ([`Assignment::shares`]); the
//! indicators only ever see those pairs. Shared sectors (montée alternée, algorithmic assignment)
//! will be further variants that resolve to expected shares, so nothing downstream changes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::territory::{CollegeId, Territory, UnitId};

/// Tolerance on the sum of shares.
pub const SHARE_TOLERANCE: f64 = 1e-9;

/// Where the pupils of one unit go. (Serialized only inside the autosave's undo history,
/// where units and collèges are positions; scenario files use keys and UAIs.)
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize, serde::Deserialize)]
pub enum Assignment {
    /// Not assigned yet (e.g. outside every sector at import, or its collège was closed).
    #[default]
    Unassigned,
    /// The whole unit goes to one collège.
    College(CollegeId),
    /// The unit's pupils are split between collèges by shares summing to 1 (cohort quotas).
    Shares(Vec<(CollegeId, f64)>),
}

/// Why an assignment is not acceptable.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AssignmentError {
    /// A share is negative, zero or not a number.
    #[error("a share must be a positive number, found {0}")]
    BadShare(f64),
    /// Shares do not add up to 100 %.
    #[error("shares must add up to 100 %, they add up to {:.1} %", .0 * 100.0)]
    SharesDoNotSumToOne(f64),
    /// The same collège twice.
    #[error("the same collège appears twice in the shares")]
    DuplicateCollege,
    /// A collège that does not exist.
    #[error("collège number {0} does not exist in this territory")]
    UnknownCollege(u32),
}

impl Assignment {
    /// The `(collège, share)` pairs; empty for an unassigned unit.
    pub fn shares(&self) -> impl Iterator<Item = (CollegeId, f64)> + '_ {
        let single = match self {
            Assignment::College(c) => Some((*c, 1.0)),
            _ => None,
        };
        let many: &[(CollegeId, f64)] = match self {
            Assignment::Shares(v) => v,
            _ => &[],
        };
        single.into_iter().chain(many.iter().copied())
    }

    /// The collège receiving the largest share (ties: the first listed), if any.
    pub fn main_college(&self) -> Option<CollegeId> {
        match self {
            Assignment::Unassigned => None,
            Assignment::College(c) => Some(*c),
            Assignment::Shares(v) => v
                .iter()
                .fold(None, |best: Option<(CollegeId, f64)>, &(c, s)| match best {
                    Some((_, bs)) if bs >= s => best,
                    _ => Some((c, s)),
                })
                .map(|(c, _)| c),
        }
    }

    /// True when this assignment sends some pupils to `college`.
    pub fn involves(&self, college: CollegeId) -> bool {
        self.shares().any(|(c, _)| c == college)
    }

    /// Checks shares and collège ids; a single 100 % share becomes [`Assignment::College`].
    pub fn normalized(self, college_count: usize) -> Result<Self, AssignmentError> {
        match self {
            Assignment::Unassigned => Ok(self),
            Assignment::College(c) => {
                if c.index() < college_count {
                    Ok(self)
                } else {
                    Err(AssignmentError::UnknownCollege(c.0))
                }
            }
            Assignment::Shares(v) => {
                let mut sum = 0.0;
                for (i, &(c, s)) in v.iter().enumerate() {
                    if c.index() >= college_count {
                        return Err(AssignmentError::UnknownCollege(c.0));
                    }
                    if !(s.is_finite() && s > 0.0) {
                        return Err(AssignmentError::BadShare(s));
                    }
                    if v[..i].iter().any(|&(o, _)| o == c) {
                        return Err(AssignmentError::DuplicateCollege);
                    }
                    sum += s;
                }
                if (sum - 1.0).abs() > SHARE_TOLERANCE {
                    return Err(AssignmentError::SharesDoNotSumToOne(sum));
                }
                match v.as_slice() {
                    [] => Ok(Assignment::Unassigned),
                    [(c, _)] => Ok(Assignment::College(*c)),
                    _ => Ok(Assignment::Shares(v)),
                }
            }
        }
    }
}

/// Who made a scenario, when and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioMeta {
    /// Name shown in the scenario list.
    pub name: String,
    /// Author (a person or an association).
    #[serde(default)]
    pub author: String,
    /// Free notes: the intent of the scenario.
    #[serde(default)]
    pub notes: String,
    /// Creation date.
    pub created: DateTime<Utc>,
    /// Date of the last change.
    pub modified: DateTime<Utc>,
}

impl ScenarioMeta {
    /// A new scenario description dated now.
    pub fn new(name: impl Into<String>) -> Self {
        let now = Utc::now();
        ScenarioMeta {
            name: name.into(),
            author: String::new(),
            notes: String::new(),
            created: now,
            modified: now,
        }
    }
}

/// For every unit, where its pupils go; plus locks that protect units and collèges from tools.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    /// Name, author, notes, dates.
    pub meta: ScenarioMeta,
    assignments: Vec<Assignment>,
    locked_units: Vec<bool>,
    locked_colleges: Vec<bool>,
    /// Collèges closed in this scenario: they receive no unit.
    closed_colleges: Vec<bool>,
    /// Collèges whose sector may be in several pieces without a warning ("peau de léopard").
    discontinuous_ok: Vec<bool>,
    /// Shared sectors (montée alternée, algorithmic assignment).
    shared: Vec<super::shared::SharedSector>,
    /// Units whose pupils are split between collèges, kept in step by `replace_assignment` so
    /// the map asks "any split block?" without a pass over the units every frame.
    split_units: usize,
}

impl Scenario {
    /// A scenario where no unit is assigned yet.
    pub fn unassigned(meta: ScenarioMeta, territory: &Territory) -> Self {
        Scenario {
            meta,
            assignments: vec![Assignment::Unassigned; territory.units().len()],
            locked_units: vec![false; territory.units().len()],
            locked_colleges: vec![false; territory.colleges().len()],
            closed_colleges: vec![false; territory.colleges().len()],
            discontinuous_ok: vec![false; territory.colleges().len()],
            shared: Vec::new(),
            split_units: 0,
        }
    }

    /// A scenario that sends each unit to the nearest public collège (straight line).
    pub fn nearest_public(meta: ScenarioMeta, territory: &Territory) -> Self {
        let mut s = Scenario::unassigned(meta, territory);
        let publics: Vec<CollegeId> = territory
            .college_ids()
            .filter(|&c| territory.college(c).sector == super::territory::Sector::Public)
            .collect();
        for u in territory.unit_ids() {
            let best = publics.iter().copied().min_by(|&a, &b| {
                territory
                    .straight_line_m(u, a)
                    .total_cmp(&territory.straight_line_m(u, b))
            });
            if let Some(c) = best {
                s.assignments[u.index()] = Assignment::College(c);
            }
        }
        s
    }

    /// Where a unit's pupils go.
    pub fn assignment(&self, unit: UnitId) -> &Assignment {
        &self.assignments[unit.index()]
    }

    /// All assignments, indexed by unit.
    pub fn assignments(&self) -> &[Assignment] {
        &self.assignments
    }

    /// True when tools may not change this unit.
    pub fn is_unit_locked(&self, unit: UnitId) -> bool {
        self.locked_units[unit.index()]
    }

    /// True when tools may not add units to, or take units from, this collège.
    pub fn is_college_locked(&self, college: CollegeId) -> bool {
        self.locked_colleges[college.index()]
    }

    /// False when the collège is closed in this scenario.
    pub fn is_college_open(&self, college: CollegeId) -> bool {
        !self
            .closed_colleges
            .get(college.index())
            .copied()
            .unwrap_or(false)
    }

    /// True when this collège's sector may be in pieces without a warning.
    pub fn allows_discontinuous(&self, college: CollegeId) -> bool {
        self.discontinuous_ok
            .get(college.index())
            .copied()
            .unwrap_or(false)
    }

    /// The shared sectors.
    pub fn shared_sectors(&self) -> &[super::shared::SharedSector] {
        &self.shared
    }

    pub(crate) fn set_shared_sectors(
        &mut self,
        shared: Vec<super::shared::SharedSector>,
    ) -> Vec<super::shared::SharedSector> {
        std::mem::replace(&mut self.shared, shared)
    }

    /// Number of units.
    pub fn unit_count(&self) -> usize {
        self.assignments.len()
    }

    /// Number of collèges.
    pub fn college_count(&self) -> usize {
        self.locked_colleges.len()
    }

    /// Sets an assignment and returns the previous one. Only [`super::edit`] calls this, so that
    /// every change goes through the edit path and keeps indicators in step.
    pub(crate) fn replace_assignment(&mut self, unit: UnitId, a: Assignment) -> Assignment {
        let split = |a: &Assignment| usize::from(matches!(a, Assignment::Shares(_)));
        self.split_units += split(&a);
        let old = std::mem::replace(&mut self.assignments[unit.index()], a);
        self.split_units -= split(&old);
        old
    }

    /// True when some unit's pupils are split between collèges.
    pub fn has_split_units(&self) -> bool {
        self.split_units > 0
    }

    pub(crate) fn set_unit_lock(&mut self, unit: UnitId, locked: bool) -> bool {
        std::mem::replace(&mut self.locked_units[unit.index()], locked)
    }

    pub(crate) fn set_college_lock(&mut self, college: CollegeId, locked: bool) -> bool {
        std::mem::replace(&mut self.locked_colleges[college.index()], locked)
    }

    pub(crate) fn set_college_open(&mut self, college: CollegeId, open: bool) -> bool {
        !std::mem::replace(&mut self.closed_colleges[college.index()], !open)
    }

    pub(crate) fn set_discontinuous_ok(&mut self, college: CollegeId, ok: bool) -> bool {
        std::mem::replace(&mut self.discontinuous_ok[college.index()], ok)
    }

    /// Makes room for a collège added to the territory: closed here until a scenario opens it.
    pub(crate) fn push_college(&mut self) {
        self.locked_colleges.push(false);
        self.closed_colleges.push(true);
        self.discontinuous_ok.push(false);
    }

    /// A copy with a new name and fresh dates, for "new scenario from this one".
    pub fn derive(&self, name: impl Into<String>) -> Scenario {
        let mut s = self.clone();
        let author = std::mem::take(&mut s.meta.author);
        s.meta = ScenarioMeta::new(name);
        s.meta.author = author;
        s
    }

    /// Units whose assignment differs from `other` (same territory).
    pub fn changed_units<'a>(&'a self, other: &'a Scenario) -> impl Iterator<Item = UnitId> + 'a {
        self.assignments
            .iter()
            .zip(&other.assignments)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(i, _)| UnitId(i as u32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_that_do_not_sum_to_one_are_refused() {
        let a = Assignment::Shares(vec![(CollegeId(0), 0.5), (CollegeId(1), 0.4)]);
        assert!(matches!(
            a.normalized(2),
            Err(AssignmentError::SharesDoNotSumToOne(_))
        ));
    }

    #[test]
    fn a_single_full_share_becomes_a_plain_assignment() {
        let a = Assignment::Shares(vec![(CollegeId(1), 1.0)]);
        assert_eq!(a.normalized(2), Ok(Assignment::College(CollegeId(1))));
    }

    #[test]
    fn unknown_colleges_and_negative_shares_are_refused() {
        assert!(Assignment::College(CollegeId(5)).normalized(2).is_err());
        let a = Assignment::Shares(vec![(CollegeId(0), 1.5), (CollegeId(1), -0.5)]);
        assert_eq!(a.normalized(2), Err(AssignmentError::BadShare(-0.5)));
    }

    #[test]
    fn the_count_of_split_units_follows_every_replacement() {
        let t = crate::generate::demo_town(2026).territory;
        let mut s = Scenario::unassigned(ScenarioMeta::new("t"), &t);
        assert!(!s.has_split_units());
        let split = Assignment::Shares(vec![(CollegeId(0), 0.5), (CollegeId(1), 0.5)]);
        s.replace_assignment(UnitId(0), split.clone());
        s.replace_assignment(UnitId(1), split);
        s.replace_assignment(UnitId(0), Assignment::College(CollegeId(0)));
        assert!(s.has_split_units());
        s.replace_assignment(UnitId(1), Assignment::Unassigned);
        assert!(!s.has_split_units());
    }

    #[test]
    fn the_main_college_is_the_largest_share() {
        let a = Assignment::Shares(vec![(CollegeId(0), 0.3), (CollegeId(1), 0.7)]);
        assert_eq!(a.main_college(), Some(CollegeId(1)));
        assert_eq!(a.shares().count(), 2);
        assert!(a.involves(CollegeId(0)));
    }
}
