//! What a shared sector's rule does, beyond the expected shares the indicators use: the
//! composition of each collège year by year under a montée alternée, and the odds of each
//! collège for a family under an algorithmic assignment (deferred acceptance with seats reserved
//! for boursiers, simulated many times).
//!
//! Model of a unit's pupils: its four levels (6e to 3e) are each a quarter of its pupils, with
//! the unit's social make-up; a 6e cohort is `cohort_6e` when known, else a quarter of the pupils.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::Metrics;
use crate::model::shared::{LotteryRule, SharedSector};
use crate::model::{CollegeId, Population, Scenario, Territory, UnitId};

/// The social make-up of a set of pupils. Unknown parts stay unknown: the boursier share and
/// the IPS are over the pupils for whom they are known.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Composition {
    /// Pupils.
    pub pupils: f64,
    bours: f64,
    bours_w: f64,
    ips_sum: f64,
    ips_w: f64,
}

impl Composition {
    /// Adds `pupils` pupils with the make-up of a unit's population.
    pub fn add(&mut self, p: &Population, pupils: f64) {
        self.pupils += pupils;
        let whole = p.pupils.unwrap_or(0.0);
        if whole <= 0.0 {
            return;
        }
        if let Some(b) = p.boursiers {
            self.bours += b / whole * pupils;
            self.bours_w += pupils;
        }
        if let Some(ips) = p.ips_mean {
            self.ips_sum += ips * pupils;
            self.ips_w += pupils;
        }
    }

    /// Adds one pupil of a unit, boursier or not (a simulated family).
    fn add_one(&mut self, p: &Population, boursier: Option<bool>) {
        self.pupils += 1.0;
        if let Some(b) = boursier {
            self.bours += f64::from(u8::from(b));
            self.bours_w += 1.0;
        }
        if let Some(ips) = p.ips_mean {
            self.ips_sum += ips;
            self.ips_w += 1.0;
        }
    }

    fn scaled(&self, k: f64) -> Composition {
        Composition {
            pupils: self.pupils * k,
            bours: self.bours * k,
            bours_w: self.bours_w * k,
            ips_sum: self.ips_sum * k,
            ips_w: self.ips_w * k,
        }
    }

    /// Share of boursiers (0-1), when known.
    pub fn boursier_share(&self) -> Option<f64> {
        (self.bours_w > 0.0).then(|| self.bours / self.bours_w)
    }

    /// Mean IPS, when known.
    pub fn ips(&self) -> Option<f64> {
        (self.ips_w > 0.0).then(|| self.ips_sum / self.ips_w)
    }
}

/// The collèges of a shared sector in one school year.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct YearComposition {
    /// The school year (its first calendar year).
    pub year: i32,
    /// Each collège of the sector with all its pupils that year.
    pub colleges: Vec<(CollegeId, Composition)>,
}

/// A montée alternée over the first four years of the rule: each year, each collège's pupils
/// (all four levels), from its other units and from the shared units' cohorts. Cohorts that
/// entered 6e before the rule stay where `before` (the scenario the rule replaces, usually the
/// baseline) sent them.
pub fn alternation_years(
    t: &Territory,
    scenario: &Scenario,
    before: &Scenario,
    sector: &SharedSector,
    first_year: i32,
) -> Vec<YearComposition> {
    let n = sector.colleges.len().max(1);
    let in_sector = |u: UnitId| sector.units.contains(&u);
    // pupils from the collèges' other units do not change from year to year
    let mut rest: Vec<Composition> = vec![Composition::default(); sector.colleges.len()];
    for u in t.unit_ids().filter(|&u| !in_sector(u)) {
        let p = &t.unit(u).population;
        for (c, share) in scenario.assignment(u).shares() {
            if let Some(i) = sector.colleges.iter().position(|&k| k == c) {
                rest[i].add(p, p.pupils.unwrap_or(0.0) * share);
            }
        }
    }
    (first_year..first_year + 4)
        .map(|year| {
            let mut colleges: Vec<(CollegeId, Composition)> = sector
                .colleges
                .iter()
                .copied()
                .zip(rest.iter().cloned())
                .collect();
            for level in 0..4 {
                let entered = year - level;
                for &u in &sector.units {
                    let p = &t.unit(u).population;
                    let level_pupils = p.pupils.unwrap_or(0.0) / 4.0;
                    if entered >= first_year {
                        let i = (entered - first_year).rem_euclid(n as i32) as usize;
                        colleges[i].1.add(p, level_pupils);
                    } else {
                        for (c, share) in before.assignment(u).shares() {
                            if let Some(slot) = colleges.iter_mut().find(|(k, _)| *k == c) {
                                slot.1.add(p, level_pupils * share);
                            }
                        }
                    }
                }
            }
            YearComposition { year, colleges }
        })
        .collect()
}

/// Student-proposing deferred acceptance with reserved seats. `prefs[i]` lists student `i`'s
/// schools, best first; `priority(s, i)` is student `i`'s rank at school `s` (lower first: a
/// lottery number, or the school's own order); at school `s`, `reserved[s]` of the `seats[s]`
/// seats go first to boursiers, then every seat left to everyone by priority.
/// Returns each student's school, or `None` when every school on its list is full.
pub fn deferred_acceptance(
    prefs: &[Vec<usize>],
    boursier: &[bool],
    priority: &dyn Fn(usize, usize) -> u64,
    seats: &[u32],
    reserved: &[u32],
) -> Vec<Option<usize>> {
    let n = prefs.len();
    let mut next = vec![0usize; n];
    let mut held: Vec<Vec<usize>> = vec![Vec::new(); seats.len()];
    let mut free: Vec<usize> = (0..n).collect();
    while !free.is_empty() {
        let mut proposals: Vec<Vec<usize>> = vec![Vec::new(); seats.len()];
        for i in free.drain(..) {
            if let Some(&s) = prefs[i].get(next[i]) {
                next[i] += 1;
                proposals[s].push(i);
            }
        }
        if proposals.iter().all(Vec::is_empty) {
            break;
        }
        for (s, new) in proposals.into_iter().enumerate() {
            if new.is_empty() {
                continue;
            }
            let mut applicants = std::mem::take(&mut held[s]);
            applicants.extend(new);
            applicants.sort_by_key(|&i| priority(s, i));
            let cap = seats[s] as usize;
            let reserve = (reserved[s] as usize).min(cap);
            let mut chosen = Vec::with_capacity(cap);
            let mut taken = vec![false; applicants.len()];
            for (k, &i) in applicants.iter().enumerate() {
                if chosen.len() >= reserve {
                    break;
                }
                if boursier[i] {
                    chosen.push(i);
                    taken[k] = true;
                }
            }
            for (k, &i) in applicants.iter().enumerate() {
                if chosen.len() >= cap {
                    break;
                }
                if !taken[k] {
                    chosen.push(i);
                    taken[k] = true;
                }
            }
            for (k, &i) in applicants.iter().enumerate() {
                if !taken[k] {
                    free.push(i);
                }
            }
            held[s] = chosen;
        }
    }
    let mut out = vec![None; n];
    for (s, students) in held.iter().enumerate() {
        for &i in students {
            out[i] = Some(s);
        }
    }
    out
}

/// What the simulated assignment gives.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LotteryOutcome {
    /// For each unit of the sector: the probability of each collège (sector order), and of no
    /// place in the sector.
    pub odds: Vec<(UnitId, Vec<f64>, f64)>,
    /// Each collège's expected 6e intake from the sector, per year.
    pub intake: Vec<(CollegeId, Composition)>,
    /// Families per year in the simulation.
    pub families: usize,
    /// Simulated years.
    pub runs: u32,
}

impl LotteryOutcome {
    /// The expected share of each collège for a unit, among the places found (for the unit's
    /// assignment; `None` when it never got a place).
    pub fn shares(&self, unit: UnitId, colleges: &[CollegeId]) -> Option<Vec<(CollegeId, f64)>> {
        let (_, odds, _) = self.odds.iter().find(|(u, _, _)| *u == unit)?;
        let placed: f64 = odds.iter().sum();
        (placed > 0.0).then(|| {
            colleges
                .iter()
                .zip(odds)
                .filter(|(_, p)| **p > 0.0)
                .map(|(&c, p)| (c, p / placed))
                .collect()
        })
    }
}

/// Simulates the algorithmic assignment `runs` times: each year, each unit sends its 6e cohort
/// (rounded) as families, of whom the unit's share of boursiers (rounded) are boursiers; each
/// family ranks the collèges by walk (metres, the indicators' model) less the collège's appeal,
/// plus a random taste (Gumbel, of spread `taste_spread_km`); a fresh lottery breaks ties.
pub fn simulate_lottery(
    t: &Territory,
    metrics: &Metrics,
    sector: &SharedSector,
    rule: &LotteryRule,
) -> LotteryOutcome {
    let k = sector.colleges.len();
    // the families of one year: (unit index in the sector, boursier or unknown)
    let mut families: Vec<(usize, Option<bool>)> = Vec::new();
    for (ui, &u) in sector.units.iter().enumerate() {
        let p = &t.unit(u).population;
        let cohort = p
            .cohort_6e
            .or(p.pupils.map(|x| x / 4.0))
            .unwrap_or(0.0)
            .round()
            .max(0.0) as usize;
        let bours = match (p.boursiers, p.pupils) {
            (Some(b), Some(n)) if n > 0.0 => Some((b / n * cohort as f64).round() as usize),
            _ => None,
        };
        for f in 0..cohort {
            families.push((ui, bours.map(|b| f < b)));
        }
    }
    let walk_km: Vec<Vec<f64>> = sector
        .units
        .iter()
        .map(|&u| {
            sector
                .colleges
                .iter()
                .map(|&c| {
                    metrics
                        .walk_m(t, u, c)
                        .unwrap_or_else(|| t.straight_line_m(u, c))
                        / 1000.0
                })
                .collect()
        })
        .collect();
    let seats: Vec<u32> = (0..k)
        .map(|i| rule.seats.get(i).copied().unwrap_or(0))
        .collect();
    let reserved: Vec<u32> = seats
        .iter()
        .map(|&s| (f64::from(s) * rule.boursier_reserve.clamp(0.0, 1.0)).round() as u32)
        .collect();
    let boursier: Vec<bool> = families.iter().map(|f| f.1 == Some(true)).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(rule.seed);
    let mut counts = vec![vec![0u64; k + 1]; sector.units.len()];
    let mut intake = vec![Composition::default(); k];
    let runs = rule.runs.max(1);
    for _ in 0..runs {
        let prefs: Vec<Vec<usize>> = families
            .iter()
            .map(|&(ui, _)| {
                let mut u: Vec<(f64, usize)> = (0..k)
                    .map(|c| {
                        let g: f64 = -(-rng.random::<f64>().max(1e-300).ln()).ln();
                        let appeal = rule.appeal_km.get(c).copied().unwrap_or(0.0);
                        (-walk_km[ui][c] + appeal + rule.taste_spread_km * g, c)
                    })
                    .collect();
                u.sort_by(|a, b| b.0.total_cmp(&a.0));
                u.into_iter().map(|(_, c)| c).collect()
            })
            .collect();
        let lottery: Vec<u64> = families.iter().map(|_| rng.random()).collect();
        let placed = deferred_acceptance(&prefs, &boursier, &|_, i| lottery[i], &seats, &reserved);
        for (f, school) in placed.iter().enumerate() {
            let (ui, b) = families[f];
            match school {
                Some(s) => {
                    counts[ui][*s] += 1;
                    intake[*s].add_one(&t.unit(sector.units[ui]).population, b);
                }
                None => counts[ui][k] += 1,
            }
        }
    }
    let odds = sector
        .units
        .iter()
        .zip(&counts)
        .map(|(&u, row)| {
            let total: u64 = row.iter().sum();
            let p = |x: u64| {
                if total == 0 {
                    0.0
                } else {
                    x as f64 / total as f64
                }
            };
            (u, row[..k].iter().map(|&x| p(x)).collect(), p(row[k]))
        })
        .collect();
    LotteryOutcome {
        odds,
        intake: sector
            .colleges
            .iter()
            .copied()
            .zip(intake.iter().map(|c| c.scaled(1.0 / f64::from(runs))))
            .collect(),
        families: families.len(),
        runs,
    }
}

#[cfg(test)]
mod tests;
