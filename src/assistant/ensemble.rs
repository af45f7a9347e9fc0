//! How unusual a map is: a neutral ensemble of maps that respect the same rules as the scenario
//! (sectors in one piece if asked, capacity bounds, walking limits, écoles whole), reached from
//! the current map by random border changes that ignore the index, and where a scenario's index
//! falls among theirs.
//!
//! What it is not: a sample of every possible map. The chain starts from the current map and
//! moves one border block (or swaps two) at a time, so its maps resemble the current map's
//! sectors more than a uniform sample would; with many changes between two maps kept, they
//! drift far apart. It says how a scenario compares with maps drawn "without looking at the
//! mix", under the same rules.

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::{AssistantError, Request, random_change};

/// The ensemble's indices.
#[derive(Debug, Clone)]
pub struct Ensemble {
    /// The index of each map kept.
    pub values: Vec<f64>,
    /// Random border changes made between two maps kept.
    pub changes_between: usize,
}

impl Ensemble {
    /// The share of the ensemble's maps less mixed than an index `value` (a higher index), from
    /// 0 to 1: "plus mixte que 97 % des cartes".
    pub fn share_less_mixed(&self, value: f64) -> f64 {
        if self.values.is_empty() {
            return 0.0;
        }
        let above = self.values.iter().filter(|&&v| v > value + 1e-12).count();
        above as f64 / self.values.len() as f64
    }
}

/// Draws `maps` maps (one every `changes_between` random border changes that keep the rules;
/// the cap on pupils moved is not one of them) from the request's start, and returns their
/// indices. `report` gets the share done and may stop the draw (the maps so far are kept).
pub fn ensemble(
    r: &Request,
    maps: usize,
    changes_between: usize,
    seed: u64,
    report: &mut dyn FnMut(f32) -> bool,
) -> Result<Ensemble, AssistantError> {
    let mut constraints = r.constraints.clone();
    constraints.max_moved_pupils = None;
    let free = Request {
        constraints: &constraints,
        ..*r
    };
    let mut s = free.state()?;
    let movable: Vec<u32> = (0..s.movable.len() as u32)
        .filter(|&a| s.movable[a as usize])
        .collect();
    if movable.is_empty() {
        return Err(AssistantError::NothingMovable);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut nb = Vec::new();
    let mut values = Vec::with_capacity(maps);
    let changes_between = changes_between.max(1);
    'maps: for k in 0..maps {
        let mut done = 0;
        let mut tries = 0;
        while done < changes_between {
            tries += 1;
            if tries > 200 * changes_between {
                // the rules leave no room to move: the maps so far are all there is
                break 'maps;
            }
            let Some((changes, len)) = random_change(&s, &movable, &mut rng, &mut nb) else {
                continue;
            };
            let changes = &changes[..len];
            if s.allowed(changes) {
                s.apply(changes);
                done += 1;
            }
        }
        s.recount();
        values.push(s.value);
        if k % 16 == 0 && !report(k as f32 / maps as f32) {
            break;
        }
    }
    Ok(Ensemble {
        values,
        changes_between,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assistant::{Constraints, Target, propose};
    use crate::metrics::{Metrics, MetricsConfig, Minority};

    #[test]
    fn a_proposal_is_more_mixed_than_maps_drawn_without_looking_at_the_mix() {
        let demo = crate::generate::demo_town(2026);
        let (t, base) = (&demo.territory, &demo.baseline);
        let m = Metrics::new(t, base, MetricsConfig::default());
        let c = Constraints::default();
        let target = Target::Dissimilarity(Minority::Boursiers);
        let r = Request::from_baseline(t, base, &m, target, &c);
        let e = ensemble(&r, 200, 40, 5, &mut |_| true).unwrap();
        assert_eq!(e.values.len(), 200);
        // the maps differ from one another
        let (lo, hi) = e
            .values
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), &v| (a.min(v), b.max(v)));
        assert!(hi - lo > 1e-3, "{lo} {hi}");
        let p = propose(
            &r,
            crate::assistant::Budget {
                time: std::time::Duration::from_secs(600),
                steps: 30_000,
                seed: 1,
            },
            &mut |_| true,
        )
        .unwrap();
        assert!(
            e.share_less_mixed(p.value) > 0.9,
            "{}",
            e.share_less_mixed(p.value)
        );
        assert!(e.share_less_mixed(f64::MAX) == 0.0);
        assert!(e.share_less_mixed(-1.0) == 1.0);
    }
}
