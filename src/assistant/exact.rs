//! The assistant's problem as plain numbers, for an exact solver outside the program: the suite
//! solves it with a mixed-integer solver to measure how close the search comes to the optimum.
//! Only the dissimilarity index is linear enough for that (½ Σ |a/A − b/B| with one variable
//! per collège's absolute value). Where sectors must stay in one piece, the units' adjacency
//! and one root unit per sector are given too, for the solver to keep each sector connected
//! with flows from its root.

use serde::Serialize;

use super::{AssistantError, Request, Target};

/// One collège: what the atoms that cannot move already bring it, and its limits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExactCollege {
    /// Minority pupils and other pupils counted, from what does not move (private intake,
    /// shared or locked units).
    pub fixed_a: f64,
    /// The other pupils counted, from what does not move.
    pub fixed_b: f64,
    /// Pupils, from what does not move.
    pub fixed_pupils: f64,
    /// Its pupils at the start.
    pub start_pupils: f64,
    /// Its capacity in pupils, when known.
    pub capacity: Option<f64>,
    /// May receive or lose atoms.
    pub open: bool,
}

/// One atom that may move.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExactAtom {
    /// Minority pupils.
    pub a: f64,
    /// The other pupils counted.
    pub b: f64,
    /// Pupils.
    pub pupils: f64,
    /// Its collège at the start (an index into `colleges`).
    pub start: u32,
    /// Its pupils by their baseline collège: in collège k, all but those of k count as moved.
    pub by_baseline: Vec<(u32, f64)>,
    /// The collèges it may join, its start included (walking limits applied).
    pub allowed: Vec<u32>,
}

/// The whole problem: minimise ½ Σ_k |a_k/A − b_k/B| over the atoms' collèges.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExactProblem {
    /// Minority pupils of the territory (A).
    pub total_a: f64,
    /// Other pupils of the territory (B).
    pub total_b: f64,
    /// The collèges.
    pub colleges: Vec<ExactCollege>,
    /// The atoms that may move.
    pub atoms: Vec<ExactAtom>,
    /// Most pupils moved.
    pub max_moved: Option<f64>,
    /// Capacity use allowed (low, high), a collège already outside staying no further out.
    pub capacity: Option<(f64, f64)>,
    /// The index at the start.
    pub start_value: f64,
    /// Where sectors must stay in one piece: what the solver needs to keep them so.
    pub contiguity: Option<ExactContiguity>,
}

/// The units as a graph, for sectors kept in one piece.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExactContiguity {
    /// For each unit: the atom it moves with (an index into `atoms`), or `None` when it does
    /// not move.
    pub unit_atom: Vec<Option<u32>>,
    /// For each unit that does not move: its collège (`None`: no sector).
    pub unit_fixed: Vec<Option<u32>>,
    /// Pairs of units that share a boundary.
    pub edges: Vec<(u32, u32)>,
    /// For each collège, the unit its sector grows from: one of its fixed units, or else the
    /// unit of its sector nearest the collège, kept there (a restriction the search does not
    /// have); `None` for a sector that is empty or already in pieces, left unconstrained.
    pub roots: Vec<Option<u32>>,
}

/// The request's problem, for a dissimilarity target.
pub fn exact_problem(r: &Request) -> Result<Option<ExactProblem>, AssistantError> {
    if !matches!(r.target, Target::Dissimilarity(_)) {
        return Ok(None);
    }
    Ok(Some(r.state()?.exact_problem()))
}
