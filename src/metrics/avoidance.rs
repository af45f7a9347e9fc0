//! Évitement: a simple, stated model of families leaving the public sector when their block is
//! sent to a collège whose social make-up is further below their own. It is never mixed into
//! the indicators: it is shown beside them as a range, from a low and a high sensitivity the
//! user sets.
//!
//! For a block `u` sent to collège `c` instead of its baseline collège `b`, with IPS gaps
//! `gap(u, k) = max(0, IPS(u) − IPS(k))` (the collèges' mean IPS in each scenario), the share of
//! the block's collège-age children who avoid the public collège changes by
//! `Δ = s × (gap(u, c) − gap(u, b)) / 10`, where `s` is the sensitivity (per 10 IPS points), kept
//! so that the avoidance rate stays within 0 and `cap` (starting from the block's observed rate,
//! 0 when unknown). The pupils concerned are `pupils × Δ / (1 − rate)`: positive, families who
//! might leave; negative, families who might come back.

use super::Metrics;
use crate::model::{Scenario, Territory};

/// The model's parameters.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AvoidanceModel {
    /// Low sensitivity: change of the avoidance rate per 10 IPS points of gap (0-1).
    pub low_per_10: f64,
    /// High sensitivity.
    pub high_per_10: f64,
    /// Highest avoidance rate a block may reach.
    pub cap: f64,
}

impl Default for AvoidanceModel {
    fn default() -> Self {
        AvoidanceModel {
            low_per_10: 0.01,
            high_per_10: 0.04,
            cap: 0.6,
        }
    }
}

/// The model's range for a scenario against the baseline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AvoidanceRange {
    /// For each collège: pupils who might leave (negative: come back), low and high.
    pub per_college: Vec<(f64, f64)>,
    /// The same over the territory.
    pub total: (f64, f64),
    /// Pupils of moved blocks whose IPS, or whose collèges' IPS, is unknown (left out).
    pub unknown_pupils: f64,
}

/// The range of the model for `now` against `base`.
pub fn avoidance_range(
    t: &Territory,
    (base, base_m): (&Scenario, &Metrics),
    (now, now_m): (&Scenario, &Metrics),
    model: &AvoidanceModel,
) -> AvoidanceRange {
    let k = t.colleges().len();
    let mut out = AvoidanceRange {
        per_college: vec![(0.0, 0.0); k],
        ..AvoidanceRange::default()
    };
    let ips_now: Vec<Option<f64>> = t
        .college_ids()
        .map(|c| now_m.college(c, t).ips_mean)
        .collect();
    let ips_base: Vec<Option<f64>> = t
        .college_ids()
        .map(|c| base_m.college(c, t).ips_mean)
        .collect();
    for u in now.changed_units(base) {
        let p = &t.unit(u).population;
        let pupils = p.pupils.unwrap_or(0.0);
        if pupils <= 0.0 {
            continue;
        }
        let Some(own) = p.ips_mean else {
            out.unknown_pupils += pupils;
            continue;
        };
        let gap_before: Option<f64> = base
            .assignment(u)
            .shares()
            .map(|(c, s)| ips_base[c.index()].map(|x| s * (own - x).max(0.0)))
            .sum();
        let Some(gap_before) = gap_before else {
            out.unknown_pupils += pupils;
            continue;
        };
        let rate = p.avoidance_rate.unwrap_or(0.0).clamp(0.0, 0.99);
        for (c, share) in now.assignment(u).shares() {
            let Some(ips_c) = ips_now[c.index()] else {
                out.unknown_pupils += pupils * share;
                continue;
            };
            let d_gap = (own - ips_c).max(0.0) - gap_before;
            let mut range = [0.0; 2];
            for (slot, s) in range.iter_mut().zip([model.low_per_10, model.high_per_10]) {
                let delta = (s * d_gap / 10.0).clamp(-rate, (model.cap - rate).max(0.0));
                *slot = pupils * share * delta / (1.0 - rate);
            }
            let (lo, hi) = (range[0].min(range[1]), range[0].max(range[1]));
            out.per_college[c.index()].0 += lo;
            out.per_college[c.index()].1 += hi;
            out.total.0 += lo;
            out.total.1 += hi;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::MetricsConfig;
    use crate::model::{Assignment, College, CollegeId, Population, ScenarioMeta, UnitId};

    #[test]
    fn a_block_sent_to_a_poorer_college_gives_a_hand_computed_range() {
        let pop = |pupils: f64, ips: f64, rate: Option<f64>| Population {
            pupils: Some(pupils),
            ips_mean: Some(ips),
            avoidance_rate: rate,
            ..Population::default()
        };
        // A: one block of IPS 120; B: one block of IPS 90; the moved block: 100 pupils, IPS
        // 120, 20 % of its children already avoid the public collège
        let units = vec![
            crate::model::Unit::square("a", 0.0, 45.0, 0.01, pop(100.0, 120.0, None)),
            crate::model::Unit::square("m", 0.01, 45.0, 0.01, pop(100.0, 120.0, Some(0.2))),
            crate::model::Unit::square("b", 0.02, 45.0, 0.01, pop(300.0, 90.0, None)),
        ];
        let college = |uai: &str, x: f64| College::public(uai, geo::Point::new(x, 45.005));
        let t = Territory::of(units, vec![college("A", 0.005), college("B", 0.025)]).unwrap();
        let mut base = Scenario::unassigned(ScenarioMeta::new("b"), &t);
        for (u, c) in [(0, 0), (1, 0), (2, 1)] {
            base.replace_assignment(UnitId(u), Assignment::College(CollegeId(c)));
        }
        let mut now = base.clone();
        now.replace_assignment(UnitId(1), Assignment::College(CollegeId(1)));
        let cfg = MetricsConfig::default();
        let (mb, mn) = (
            Metrics::new(&t, &base, cfg.clone()),
            Metrics::new(&t, &now, cfg),
        );
        // before: A's IPS 120, gap 0; after: B's IPS (300·90 + 100·120)/400 = 97.5, gap 22.5.
        // low: Δ = 0.01 × 2.25 = 2.25 %, pupils 100 × 0.0225 / 0.8 = 2.8125
        // high: Δ = 0.04 × 2.25 = 9 %, 100 × 0.09 / 0.8 = 11.25
        let r = avoidance_range(&t, (&base, &mb), (&now, &mn), &AvoidanceModel::default());
        assert!((r.total.0 - 2.8125).abs() < 1e-9, "{r:?}");
        assert!((r.total.1 - 11.25).abs() < 1e-9, "{r:?}");
        assert_eq!(r.per_college[0], (0.0, 0.0));
        assert!((r.per_college[1].1 - 11.25).abs() < 1e-9);
        // the way back: nobody leaves, some might come back
        let back = avoidance_range(&t, (&now, &mn), (&base, &mb), &AvoidanceModel::default());
        assert!(back.total.1 <= 0.0 && back.total.0 < 0.0, "{back:?}");
    }
}
