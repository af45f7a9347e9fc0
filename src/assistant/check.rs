//! A scenario checked as a whole against the assistant's limits: the index it reaches and every
//! limit it breaks, by how much. The search keeps its limits move by move; when the facilitator
//! keeps only part of a proposal, the moves kept are a new set whose figures nobody computed,
//! and this says what they are before they become a scenario.

use super::{Constraints, Target};
use crate::metrics::{Metrics, MetricsConfig, alerts::sector_pieces};
use crate::model::{Assignment, CollegeId, Scenario, Sector, Territory};

/// A limit broken.
#[derive(Debug, Clone, PartialEq)]
pub enum Breach {
    /// A collège filled outside the band, and further out than before.
    Capacity {
        /// The collège.
        college: CollegeId,
        /// Pupils / places now.
        fill: f64,
        /// The band.
        low: f64,
        /// The band.
        high: f64,
    },
    /// More pupils moved from the current map than allowed.
    MovedPupils {
        /// Pupils moved.
        moved: f64,
        /// The limit.
        max: f64,
    },
    /// Blocks whose walk grew more than allowed over their current collège's.
    WalkIncrease {
        /// How many blocks.
        blocks: usize,
        /// The largest increase, metres.
        worst_m: f64,
        /// The limit, metres.
        max_m: f64,
    },
    /// Blocks sent further than the longest walk allowed.
    Walk {
        /// How many blocks.
        blocks: usize,
        /// The longest walk, metres.
        worst_m: f64,
        /// The limit, metres.
        max_m: f64,
    },
    /// A sector broken into more pieces than it had.
    Pieces {
        /// The collège.
        college: CollegeId,
        /// Its pieces now.
        pieces: usize,
        /// Its pieces before.
        before: usize,
    },
}

/// What a scenario reaches, and the limits it breaks.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// The index (as the search counts it), when known.
    pub value: Option<f64>,
    /// Pupils moved from the current map.
    pub moved: f64,
    /// The limits broken.
    pub breaches: Vec<Breach>,
}

/// Checks `scenario` (made from `start`) against the limits, pupils moved and walks measured
/// from `baseline`.
pub fn check(
    territory: &Territory,
    config: &MetricsConfig,
    (baseline, start): (&Scenario, &Scenario),
    scenario: &Scenario,
    target: Target,
    limits: &Constraints,
) -> Checked {
    let now = Metrics::new(territory, scenario, config.clone());
    let before = Metrics::new(territory, start, config.clone());
    let mut breaches = Vec::new();
    if let Some((low, high)) = limits.capacity {
        for c in territory.college_ids() {
            if territory.college(c).sector != Sector::Public || !scenario.is_college_open(c) {
                continue;
            }
            let (Some(fill), Some(was)) = (
                now.college(c, territory).capacity_use,
                before.college(c, territory).capacity_use,
            ) else {
                continue;
            };
            // a collège already outside may stay there, not go further
            let over = fill > high + 1e-9 && fill > was + 1e-9;
            let under = fill < low - 1e-9 && fill < was - 1e-9;
            if over || under {
                breaches.push(Breach::Capacity {
                    college: c,
                    fill,
                    low,
                    high,
                });
            }
        }
    }
    let (changed, moved) = crate::model::changes_between(territory, baseline, scenario);
    if let Some(max) = limits.max_moved_pupils
        && moved > max + 1e-9
    {
        breaches.push(Breach::MovedPupils { moved, max });
    }
    let (mut longer, mut worst_increase) = (0, 0.0f64);
    let (mut far, mut worst_walk) = (0, 0.0f64);
    for &u in &changed {
        let (Assignment::College(to), Assignment::College(from)) =
            (scenario.assignment(u), baseline.assignment(u))
        else {
            continue;
        };
        let Some(walk) = now.walk_m(territory, u, *to) else {
            continue;
        };
        if let (Some(max), Some(was)) =
            (limits.max_walk_increase_m, now.walk_m(territory, u, *from))
            && walk - was > max + 1e-6
        {
            longer += 1;
            worst_increase = worst_increase.max(walk - was);
        }
        if let Some(max) = limits.max_walk_m
            && walk > max + 1e-6
        {
            far += 1;
            worst_walk = worst_walk.max(walk);
        }
    }
    if let Some(max_m) = limits.max_walk_increase_m
        && longer > 0
    {
        breaches.push(Breach::WalkIncrease {
            blocks: longer,
            worst_m: worst_increase,
            max_m,
        });
    }
    if let Some(max_m) = limits.max_walk_m
        && far > 0
    {
        breaches.push(Breach::Walk {
            blocks: far,
            worst_m: worst_walk,
            max_m,
        });
    }
    if limits.keep_contiguous {
        let (pieces, was) = (
            sector_pieces(territory, scenario),
            sector_pieces(territory, start),
        );
        for (k, (&p, &b)) in pieces.iter().zip(&was).enumerate() {
            let c = CollegeId(k as u32);
            if p > b.max(1) && !scenario.allows_discontinuous(c) {
                breaches.push(Breach::Pieces {
                    college: c,
                    pieces: p,
                    before: b,
                });
            }
        }
    }
    Checked {
        value: target.value(&now.territory()),
        moved,
        breaches,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::UnitId;

    #[test]
    fn a_set_of_moves_that_overfills_a_college_says_which_and_by_how_much() {
        let (t, base) = crate::io::territory_files::embedded_demo().unwrap();
        let config = MetricsConfig::default();
        let limits = Constraints {
            max_moved_pupils: Some(100.0),
            ..Default::default()
        };
        // the current map against itself breaks nothing
        let same = check(&t, &config, (&base, &base), &base, Target::Entropy, &limits);
        assert!(same.breaches.is_empty(), "{:?}", same.breaches);
        assert_eq!(same.moved, 0.0);
        // every block of collège 1 given to collège 0: overfull, too many pupils moved
        let mut s = base.clone();
        let from = CollegeId(1);
        let to = CollegeId(0);
        for u in t.unit_ids() {
            if base.assignment(u) == &Assignment::College(from) {
                s.replace_assignment(u, Assignment::College(to));
            }
        }
        let checked = check(&t, &config, (&base, &base), &s, Target::Entropy, &limits);
        let over = checked.breaches.iter().find_map(|b| match b {
            Breach::Capacity { college, fill, .. } if *college == to => Some(*fill),
            _ => None,
        });
        assert!(over.is_some_and(|f| f > 1.05), "{:?}", checked.breaches);
        assert!(
            checked
                .breaches
                .iter()
                .any(|b| matches!(b, Breach::MovedPupils { moved, max } if *moved > *max))
        );
        assert!(checked.value.is_some());
        let _ = UnitId(0);
    }
}
