//! Shared sectors: several units and several collèges form one sector with a rule, as Paris does
//! (montée alternée between Berlioz and Coysevox, multi-collège sectors with algorithmic
//! assignment). The units' assignments hold the rule's expected shares, so every indicator and
//! map reads them as they read any shared unit; the rule itself is kept here so that the year
//! by year composition and the assignment's odds can be shown.

use serde::{Deserialize, Serialize};

use super::territory::{CollegeId, UnitId};

/// How the pupils of a shared sector are placed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Rule {
    /// Montée alternée: the whole 6e cohort goes to each collège in turn, year by year, in the
    /// order of the sector's collèges, starting with the first in `first_year`.
    Alternating {
        /// The school year (its first calendar year, e.g. 2027 for 2027-2028) the rule starts.
        first_year: i32,
    },
    /// Families rank the collèges; a deferred-acceptance assignment with seats reserved for
    /// boursiers places them, with a lottery as tie-breaker.
    Lottery(LotteryRule),
}

/// The parameters of the algorithmic assignment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LotteryRule {
    /// 6e seats offered by each collège of the sector (same order as the collèges).
    pub seats: Vec<u32>,
    /// Share (0-1) of each collège's seats reserved first for boursiers.
    pub boursier_reserve: f64,
    /// How much families' rankings follow walking distance: the spread of the random part of
    /// each family's taste, in kilometres of walk (0: everyone ranks by distance alone).
    pub taste_spread_km: f64,
    /// Extra appeal of each collège, in kilometres of walk a family would accept to get it
    /// (same order as the collèges; 0 for none).
    pub appeal_km: Vec<f64>,
    /// Number of simulated years.
    pub runs: u32,
    /// Seed of the simulation.
    pub seed: u64,
}

/// One shared sector of a scenario.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedSector {
    /// The sector's name ("Berlioz – Coysevox").
    pub name: String,
    /// Its units.
    pub units: Vec<UnitId>,
    /// Its collèges, in the rule's order.
    pub colleges: Vec<CollegeId>,
    /// The rule.
    pub rule: Rule,
}

impl SharedSector {
    /// True when the sector uses this collège.
    pub fn has_college(&self, c: CollegeId) -> bool {
        self.colleges.contains(&c)
    }
}
