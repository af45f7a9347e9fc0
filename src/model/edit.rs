//! Edits: every change to a scenario. Applying an edit returns its inverse, so undo is applying
//! the inverse, and the indicator engine sees every change (there is no other way to change a
//! scenario).

use super::scenario::{Assignment, AssignmentError, Scenario};
use super::territory::{CollegeId, Territory, UnitId};
use crate::metrics::Metrics;

/// One change to a scenario.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Edit {
    /// Give units new assignments (one collège, or shares). A unit named twice gets the last.
    Assign(Vec<(UnitId, Assignment)>),
    /// Lock or unlock units: locked units are left alone by every tool.
    LockUnits(Vec<(UnitId, bool)>),
    /// Lock or unlock collèges: no unit may join or leave a locked collège.
    LockColleges(Vec<(CollegeId, bool)>),
    /// Open (true) or close (false) collèges. A collège is closed only once no unit goes there.
    OpenColleges(Vec<(CollegeId, bool)>),
    /// Let a collège's sector be in several pieces without a warning (true), or warn again.
    AllowDiscontinuous(Vec<(CollegeId, bool)>),
    /// Replace the scenario's shared sectors (their units' shares are set by `Assign`).
    SetSharedSectors(Vec<super::shared::SharedSector>),
}

/// Why an edit was refused. Nothing was changed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The unit does not exist.
    #[error("unit number {0} does not exist in this territory")]
    UnknownUnit(u32),
    /// The collège does not exist.
    #[error("collège number {0} does not exist in this territory")]
    UnknownCollege(u32),
    /// The unit is locked.
    #[error("« {0} » is locked: unlock it first")]
    LockedUnit(String),
    /// A collège involved is locked.
    #[error("the collège « {0} » is locked: unlock it first")]
    LockedCollege(String),
    /// The collège is closed in this scenario.
    #[error("the collège « {0} » is closed in this scenario: reopen it first")]
    ClosedCollege(String),
    /// A collège cannot close while units still go there.
    #[error(
        "the collège « {name} » still receives {units} units: give them to other collèges first"
    )]
    StillHasUnits {
        /// The collège.
        name: String,
        /// Units still sent there.
        units: usize,
    },
    /// The shares are not valid.
    #[error("{0}")]
    Assignment(#[from] AssignmentError),
}

impl Edit {
    /// True when the edit changes nothing.
    pub fn is_empty(&self) -> bool {
        match self {
            Edit::Assign(v) => v.is_empty(),
            Edit::LockUnits(v) => v.is_empty(),
            Edit::LockColleges(v) | Edit::OpenColleges(v) | Edit::AllowDiscontinuous(v) => {
                v.is_empty()
            }
            // never empty: its inverse restores the previous list, even an empty one
            Edit::SetSharedSectors(_) => false,
        }
    }

    /// The units whose assignment or lock the edit changes, or None when it changes something
    /// of whole collèges (locks, openings, shared sectors) that any block may show.
    pub fn units(&self) -> Option<Vec<UnitId>> {
        match self {
            Edit::Assign(v) => Some(v.iter().map(|(u, _)| *u).collect()),
            Edit::LockUnits(v) => Some(v.iter().map(|(u, _)| *u).collect()),
            _ => None,
        }
    }

    /// Applies the edit to the scenario and the indicators, and returns its inverse. Checks
    /// everything first: a refused edit changes nothing. Changes that would not change anything
    /// are dropped, so the inverse holds only real changes.
    pub fn apply(
        self,
        territory: &Territory,
        scenario: &mut Scenario,
        metrics: &mut Metrics,
    ) -> Result<Edit, EditError> {
        let units = scenario.unit_count();
        let colleges = scenario.college_count();
        let check_unit = |u: UnitId| {
            if u.index() < units {
                Ok(())
            } else {
                Err(EditError::UnknownUnit(u.0))
            }
        };
        match self {
            Edit::Assign(mut changes) => {
                // a unit named twice: the last assignment wins
                let mut seen = std::collections::HashSet::with_capacity(changes.len());
                changes.reverse();
                changes.retain(|(u, _)| seen.insert(*u));
                changes.reverse();
                let mut checked = Vec::with_capacity(changes.len());
                for (u, a) in changes {
                    check_unit(u)?;
                    let a = a.normalized(colleges)?;
                    let old = scenario.assignment(u);
                    if *old == a {
                        continue;
                    }
                    if scenario.is_unit_locked(u) {
                        return Err(EditError::LockedUnit(territory.unit(u).name.clone()));
                    }
                    for (c, _) in old.shares().chain(a.shares()) {
                        if scenario.is_college_locked(c) {
                            return Err(EditError::LockedCollege(
                                territory.college(c).name.clone(),
                            ));
                        }
                    }
                    for (c, _) in a.shares() {
                        if !scenario.is_college_open(c) {
                            return Err(EditError::ClosedCollege(
                                territory.college(c).name.clone(),
                            ));
                        }
                    }
                    checked.push((u, a));
                }
                let mut inverse = Vec::with_capacity(checked.len());
                for (u, a) in checked {
                    let old = scenario.replace_assignment(u, a);
                    metrics.reassign(territory, u, &old, scenario.assignment(u));
                    inverse.push((u, old));
                }
                inverse.reverse();
                Ok(Edit::Assign(inverse))
            }
            Edit::LockUnits(changes) => {
                for &(u, _) in &changes {
                    check_unit(u)?;
                }
                let mut inverse: Vec<(UnitId, bool)> = changes
                    .into_iter()
                    .filter_map(|(u, l)| {
                        let was = scenario.set_unit_lock(u, l);
                        (was != l).then_some((u, was))
                    })
                    .collect();
                inverse.reverse();
                Ok(Edit::LockUnits(inverse))
            }
            Edit::OpenColleges(changes) => {
                for &(c, open) in &changes {
                    if c.index() >= colleges {
                        return Err(EditError::UnknownCollege(c.0));
                    }
                    if !open {
                        let units = scenario
                            .assignments()
                            .iter()
                            .filter(|a| a.involves(c))
                            .count();
                        if units > 0 {
                            return Err(EditError::StillHasUnits {
                                name: territory.college(c).name.clone(),
                                units,
                            });
                        }
                    }
                }
                let mut inverse: Vec<(CollegeId, bool)> = changes
                    .into_iter()
                    .filter_map(|(c, open)| {
                        let was = scenario.set_college_open(c, open);
                        (was != open).then_some((c, was))
                    })
                    .collect();
                inverse.reverse();
                Ok(Edit::OpenColleges(inverse))
            }
            Edit::SetSharedSectors(shared) => {
                for sector in &shared {
                    if let Some(u) = sector.units.iter().find(|u| u.index() >= units) {
                        return Err(EditError::UnknownUnit(u.0));
                    }
                    if let Some(c) = sector.colleges.iter().find(|c| c.index() >= colleges) {
                        return Err(EditError::UnknownCollege(c.0));
                    }
                }
                Ok(Edit::SetSharedSectors(scenario.set_shared_sectors(shared)))
            }
            Edit::AllowDiscontinuous(changes) => {
                for &(c, _) in &changes {
                    if c.index() >= colleges {
                        return Err(EditError::UnknownCollege(c.0));
                    }
                }
                let mut inverse: Vec<(CollegeId, bool)> = changes
                    .into_iter()
                    .filter_map(|(c, ok)| {
                        let was = scenario.set_discontinuous_ok(c, ok);
                        (was != ok).then_some((c, was))
                    })
                    .collect();
                inverse.reverse();
                Ok(Edit::AllowDiscontinuous(inverse))
            }
            Edit::LockColleges(changes) => {
                for &(c, _) in &changes {
                    if c.index() >= colleges {
                        return Err(EditError::UnknownCollege(c.0));
                    }
                }
                let mut inverse: Vec<(CollegeId, bool)> = changes
                    .into_iter()
                    .filter_map(|(c, l)| {
                        let was = scenario.set_college_lock(c, l);
                        (was != l).then_some((c, was))
                    })
                    .collect();
                inverse.reverse();
                Ok(Edit::LockColleges(inverse))
            }
        }
    }
}

/// One undo step: the edits as applied, and their inverses in the order that undoes them.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
struct Step {
    forward: Vec<Edit>,
    backward: Vec<Edit>,
}

/// Unlimited undo and redo. Edits made between [`History::begin_group`] and
/// [`History::end_group`] (a brush stroke, a lasso) form one step.
///
/// It serializes (for the autosave, so that Ctrl+Z works after a crash) with units and
/// collèges as positions in the territory: [`History::fits`] checks them before use.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    #[serde(skip)]
    open: Option<Step>,
}

impl History {
    /// The history as it would be saved: an open group closed, as if the stroke had ended.
    pub fn closed(&self) -> History {
        let mut h = self.clone();
        h.end_group();
        h
    }

    /// Whether every unit and collège it names exists in a territory of `units` units and
    /// `colleges` collèges (a history read from a file may come from another territory).
    pub fn fits(&self, units: usize, colleges: usize) -> bool {
        let unit = |u: &UnitId| (u.0 as usize) < units;
        let college = |c: &CollegeId| (c.0 as usize) < colleges;
        let assignment = |a: &Assignment| match a {
            Assignment::Unassigned => true,
            Assignment::College(c) => college(c),
            Assignment::Shares(v) => v.iter().all(|(c, _)| college(c)),
        };
        let edit = |e: &Edit| match e {
            Edit::Assign(v) => v.iter().all(|(u, a)| unit(u) && assignment(a)),
            Edit::LockUnits(v) => v.iter().all(|(u, _)| unit(u)),
            Edit::LockColleges(v) | Edit::OpenColleges(v) | Edit::AllowDiscontinuous(v) => {
                v.iter().all(|(c, _)| college(c))
            }
            Edit::SetSharedSectors(v) => v
                .iter()
                .all(|s| s.units.iter().all(unit) && s.colleges.iter().all(college)),
        };
        self.undo
            .iter()
            .chain(&self.redo)
            .chain(&self.open)
            .all(|s| s.forward.iter().chain(&s.backward).all(edit))
    }
    /// Starts a group: every edit until [`History::end_group`] is one undo step.
    pub fn begin_group(&mut self) {
        if self.open.is_none() {
            self.open = Some(Step {
                forward: Vec::new(),
                backward: Vec::new(),
            });
        }
    }

    /// Closes the group and records it (if it changed anything).
    pub fn end_group(&mut self) {
        if let Some(step) = self.open.take()
            && !step.forward.is_empty()
        {
            self.undo.push(step);
            self.redo.clear();
        }
    }

    /// True while a group is open.
    pub fn in_group(&self) -> bool {
        self.open.is_some()
    }

    /// Records an applied edit and its inverse.
    pub fn record(&mut self, forward: Edit, inverse: Edit) {
        if inverse.is_empty() {
            return;
        }
        match &mut self.open {
            Some(step) => {
                step.forward.push(forward);
                step.backward.insert(0, inverse);
            }
            None => {
                self.undo.push(Step {
                    forward: vec![forward],
                    backward: vec![inverse],
                });
                self.redo.clear();
            }
        }
    }

    /// Number of steps that can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    /// Number of steps that can be redone.
    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// Forgets what could be redone.
    pub(crate) fn drop_redo(&mut self) {
        self.redo.clear();
    }

    /// Takes the edits that undo the last step (closing an open group first).
    pub(crate) fn take_undo(&mut self) -> Option<Vec<Edit>> {
        self.end_group();
        let step = self.undo.pop()?;
        let edits = step.backward.clone();
        self.redo.push(step);
        Some(edits)
    }

    /// Takes the edits that redo the last undone step.
    pub(crate) fn take_redo(&mut self) -> Option<Vec<Edit>> {
        self.end_group();
        let step = self.redo.pop()?;
        let edits = step.forward.clone();
        self.undo.push(step);
        Some(edits)
    }
}
