//! The incremental indicator engine.
//!
//! Each collège keeps running sums (pupils, Σ IPS, Σ IPS², boursiers, group counts, walking
//! distances). Moving a unit subtracts its contribution from the collèges it leaves and adds it
//! to those it joins: the cost does not depend on the number of units. Territory indices are
//! kept as running sums of per-collège terms, so they too update in constant time.
//!
//! Sums are fixed-point integers (`i128`, micro-pupils): addition is exact and associative, so
//! after any sequence of edits the incremental state is *identical* to a recomputation from
//! scratch, and a three-hour meeting never drifts.

use std::collections::BTreeMap;

use super::config::{DistanceModel, MetricsConfig, Reference, RuleIndicator, RuleMode};
use super::segregation::EntropyIndices;
use crate::model::scenario::{Assignment, Scenario};
use crate::model::territory::{CollegeId, MAX_GROUPS, Population, Sector, Territory, UnitId};

/// Fixed-point scale of linear quantities (pupils, Σ IPS...): 1e-6 pupil.
const SCALE: f64 = 1e6;
/// Fixed-point scale of per-collège index terms.
const TERM_SCALE: f64 = 1e12;

fn fx(x: f64) -> i128 {
    (x * SCALE).round() as i128
}

fn fl(v: i128) -> f64 {
    v as f64 / SCALE
}

fn term_fx(x: f64) -> i128 {
    (x * TERM_SCALE).round() as i128
}

fn term_fl(v: i128) -> f64 {
    v as f64 / TERM_SCALE
}

/// Running sums of one collège (or of the territory), fixed-point.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sums {
    /// Pupils with a known count.
    pupils: i128,
    /// Part of `pupils` that was estimated rather than counted.
    pupils_estimated: i128,
    /// 6e cohort (given or estimated).
    cohort: i128,
    /// Part of `cohort` estimated as pupils / 4.
    cohort_estimated: i128,
    /// Pupils whose IPS is known.
    ips_w: i128,
    /// Σ pupils × IPS.
    ips_sum: i128,
    /// Σ pupils × (IPS² + σ²) over pupils whose σ is known.
    ips_sq: i128,
    /// Pupils whose IPS spread is known.
    ips_sd_w: i128,
    /// Σ pupils × IPS over pupils whose σ is known.
    ips_sd_sum: i128,
    /// Pupils of estimated IPS.
    ips_estimated_w: i128,
    /// Pupils whose boursier count is known.
    bours_w: i128,
    /// Boursiers.
    bours: i128,
    /// Pupils with known social groups.
    groups_total: i128,
    /// Pupils per group.
    groups: [i128; MAX_GROUPS],
    /// Pupils with a known walking distance.
    walk_w: i128,
    /// Σ pupils × metres.
    walk_sum: i128,
    /// Pupils beyond the walking threshold.
    walk_beyond: i128,
    /// Number of (unit, share) contributions; 0 means the sector is empty.
    members: i64,
}

impl Sums {
    fn apply(&mut self, d: &Sums, sign: i128) {
        self.pupils += sign * d.pupils;
        self.pupils_estimated += sign * d.pupils_estimated;
        self.cohort += sign * d.cohort;
        self.cohort_estimated += sign * d.cohort_estimated;
        self.ips_w += sign * d.ips_w;
        self.ips_sum += sign * d.ips_sum;
        self.ips_sq += sign * d.ips_sq;
        self.ips_sd_w += sign * d.ips_sd_w;
        self.ips_sd_sum += sign * d.ips_sd_sum;
        self.ips_estimated_w += sign * d.ips_estimated_w;
        self.bours_w += sign * d.bours_w;
        self.bours += sign * d.bours;
        self.groups_total += sign * d.groups_total;
        for (a, b) in self.groups.iter_mut().zip(&d.groups) {
            *a += sign * b;
        }
        self.walk_w += sign * d.walk_w;
        self.walk_sum += sign * d.walk_sum;
        self.walk_beyond += sign * d.walk_beyond;
        self.members += sign as i64 * d.members;
    }

    /// The contribution of `share` of a population, `walk_m` metres from the collège.
    fn of(p: &Population, share: f64, walk_m: Option<f64>, threshold_m: f64) -> Sums {
        let mut s = Sums {
            members: 1,
            ..Sums::default()
        };
        let pupils = p.pupils.unwrap_or(0.0) * share;
        s.pupils = fx(pupils);
        if p.pupils_estimated {
            s.pupils_estimated = s.pupils;
        }
        match p.cohort_6e {
            Some(c) => s.cohort = fx(c * share),
            None => {
                s.cohort = fx(pupils / 4.0);
                s.cohort_estimated = s.cohort;
            }
        }
        if let Some(ips) = p.ips_mean {
            s.ips_w = s.pupils;
            s.ips_sum = fx(pupils * ips);
            if p.ips_estimated {
                s.ips_estimated_w = s.pupils;
            }
            if let Some(sd) = p.ips_sd {
                s.ips_sd_w = s.pupils;
                s.ips_sd_sum = s.ips_sum;
                s.ips_sq = fx(pupils * (ips * ips + sd * sd));
            }
        }
        if let Some(b) = p.boursiers {
            s.bours_w = s.pupils;
            s.bours = fx(b * share);
        }
        if let Some(groups) = &p.groups {
            for (slot, g) in s.groups.iter_mut().zip(groups) {
                *slot = fx(g * share);
            }
            s.groups_total = s.groups.iter().sum();
        }
        if let Some(d) = walk_m {
            s.walk_w = s.pupils;
            s.walk_sum = fx(pupils * d);
            if d > threshold_m {
                s.walk_beyond = s.pupils;
            }
        }
        s
    }

    /// Pupils of the minority `m` and the pupils it is counted among.
    fn minority(&self, m: Minority) -> (i128, i128) {
        match m {
            Minority::Boursiers => (self.bours, self.bours_w),
            Minority::Group(g) => (self.groups[g], self.groups_total),
        }
    }

    /// Σ_g n_g ln n_g − N ln N, in pupils (= −N·E of this composition).
    fn phi(&self, group_count: usize) -> f64 {
        let xlnx = |v: i128| {
            let x = fl(v);
            if x > 0.0 { x * x.ln() } else { 0.0 }
        };
        self.groups[..group_count]
            .iter()
            .map(|&g| xlnx(g))
            .sum::<f64>()
            - xlnx(self.groups_total)
    }
}

/// A group whose separation the dissimilarity and isolation indices measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Minority {
    /// Boursiers among pupils whose boursier status is known.
    Boursiers,
    /// A social group among pupils of known group.
    Group(usize),
}

/// Walking-distance ladder of one collège: distance in centimetres → number of contributions.
type WalkLadder = BTreeMap<u64, u32>;

/// Per-minority running terms of the dissimilarity and isolation indices.
#[derive(Debug, Clone, PartialEq)]
struct MinorityTerms {
    minority: Minority,
    /// Territory totals (A, N) the dissimilarity terms were computed with.
    totals: (i128, i128),
    /// |a_k/A − b_k/B| per collège, fixed-point.
    d_terms: Vec<i128>,
    d_sum: i128,
    /// a_k² / N_k per collège (pupils), fixed-point.
    iso_terms: Vec<i128>,
    iso_sum: i128,
}

/// Every indicator of one scenario, kept up to date edit by edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Metrics {
    config: MetricsConfig,
    group_count: usize,
    sectors: Vec<Sector>,
    colleges: Vec<Sums>,
    walk: Vec<WalkLadder>,
    totals: Sums,
    sector_totals: [Sums; 2],
    minorities: Vec<MinorityTerms>,
    /// φ_k = Σ_g n_gk ln n_gk − N_k ln N_k, fixed-point.
    phi: Vec<i128>,
    phi_by_sector: [i128; 2],
    /// (Σ pupils × IPS)² / pupils of known IPS, per public collège (0 for private ones),
    /// fixed-point: the spread of collèges' IPS is a sum of these terms.
    ips_sq_terms: Vec<i128>,
    ips_sq_sum: i128,
    /// Reference sums over every pupil of the territory, and over the units only.
    reference_all: Sums,
    reference_public: Sums,
}

fn sector_slot(s: Sector) -> usize {
    match s {
        Sector::Public => 0,
        Sector::Private => 1,
    }
}

impl Metrics {
    /// Computes every indicator from scratch: one pass over the units.
    pub fn new(territory: &Territory, scenario: &Scenario, config: MetricsConfig) -> Metrics {
        let k = territory.colleges().len();
        let group_count = territory.groups.len();
        let mut m = Metrics {
            group_count,
            sectors: territory.colleges().iter().map(|c| c.sector).collect(),
            colleges: vec![Sums::default(); k],
            walk: vec![WalkLadder::new(); k],
            totals: Sums::default(),
            sector_totals: [Sums::default(), Sums::default()],
            minorities: Vec::new(),
            phi: vec![0; k],
            phi_by_sector: [0, 0],
            ips_sq_terms: vec![0; k],
            ips_sq_sum: 0,
            reference_all: Sums::default(),
            reference_public: Sums::default(),
            config,
        };
        for (i, college) in territory.colleges().iter().enumerate() {
            if let Some(intake) = &college.own_intake {
                let mut s = Sums::of(intake, 1.0, None, m.config.walk_threshold_m);
                s.members = 0;
                m.colleges[i].apply(&s, 1);
                m.reference_all.apply(&s, 1);
            }
        }
        // walking ladders are built in bulk from sorted keys: far cheaper than one B-tree
        // insertion per unit
        let mut ladder_keys: Vec<(u32, u64)> = Vec::with_capacity(territory.units().len());
        for u in territory.unit_ids() {
            let pop = &territory.unit(u).population;
            let whole = Sums::of(pop, 1.0, None, 0.0);
            m.reference_all.apply(&whole, 1);
            m.reference_public.apply(&whole, 1);
            let has_pupils = pop.pupils.unwrap_or(0.0) > 0.0;
            for (c, share) in scenario.assignment(u).shares() {
                let walk = m.walk_m(territory, u, c);
                let s = Sums::of(pop, share, walk, m.config.walk_threshold_m);
                m.colleges[c.index()].apply(&s, 1);
                if let (true, Some(d)) = (has_pupils, walk) {
                    ladder_keys.push((c.0, ladder_key(d)));
                }
            }
        }
        ladder_keys.sort_unstable();
        for run in ladder_keys.chunk_by(|a, b| a.0 == b.0) {
            m.walk[run[0].0 as usize] = run
                .chunk_by(|a, b| a.1 == b.1)
                .map(|same| (same[0].1, same.len() as u32))
                .collect();
        }
        for (i, sums) in m.colleges.iter().enumerate() {
            m.totals.apply(sums, 1);
            m.sector_totals[sector_slot(m.sectors[i])].apply(sums, 1);
        }
        let mut minorities = vec![Minority::Boursiers];
        minorities.extend((0..group_count).map(Minority::Group));
        m.minorities = minorities
            .into_iter()
            .map(|minority| MinorityTerms {
                minority,
                totals: (0, 0),
                d_terms: vec![0; k],
                d_sum: 0,
                iso_terms: vec![0; k],
                iso_sum: 0,
            })
            .collect();
        for i in 0..k {
            m.refresh_college_terms(i);
        }
        m.refresh_dissimilarity_if_totals_moved();
        m
    }

    /// The settings in force.
    pub fn config(&self) -> &MetricsConfig {
        &self.config
    }

    /// Walking distance from a unit to a collège under the configured model, metres.
    pub fn walk_m(&self, territory: &Territory, unit: UnitId, college: CollegeId) -> Option<f64> {
        if let Some(streets) = &self.config.streets {
            return streets.get(unit.index(), college.index());
        }
        match &self.config.distance {
            DistanceModel::StraightLine { detour_factor } => {
                let d = territory.straight_line_m(unit, college) * detour_factor;
                d.is_finite().then_some(d)
            }
        }
    }

    fn contribution(
        &self,
        territory: &Territory,
        unit: UnitId,
        college: CollegeId,
        share: f64,
    ) -> Sums {
        Sums::of(
            &territory.unit(unit).population,
            share,
            self.walk_m(territory, unit, college),
            self.config.walk_threshold_m,
        )
    }

    fn ladder_update(
        &mut self,
        territory: &Territory,
        unit: UnitId,
        college: CollegeId,
        sign: i32,
    ) {
        if territory.unit(unit).population.pupils.unwrap_or(0.0) <= 0.0 {
            return;
        }
        let Some(d) = self.walk_m(territory, unit, college) else {
            return;
        };
        let key = ladder_key(d);
        let ladder = &mut self.walk[college.index()];
        if sign > 0 {
            *ladder.entry(key).or_insert(0) += 1;
        } else if let Some(count) = ladder.get_mut(&key) {
            *count -= 1;
            if *count == 0 {
                ladder.remove(&key);
            }
        }
    }

    /// Moves a unit's pupils from its old assignment to its new one, touching only the
    /// collèges involved.
    pub fn reassign(
        &mut self,
        territory: &Territory,
        unit: UnitId,
        old: &Assignment,
        new: &Assignment,
    ) {
        if old == new {
            return;
        }
        let mut touched: [Option<usize>; 4] = [None; 4];
        let mut extra: Vec<usize> = Vec::new();
        let mut touch = |i: usize| {
            if touched.contains(&Some(i)) || extra.contains(&i) {
                return;
            }
            match touched.iter_mut().find(|t| t.is_none()) {
                Some(slot) => *slot = Some(i),
                None => extra.push(i),
            }
        };
        for (sign, a) in [(-1i128, old), (1i128, new)] {
            for (c, share) in a.shares() {
                let s = self.contribution(territory, unit, c, share);
                let i = c.index();
                self.colleges[i].apply(&s, sign);
                self.totals.apply(&s, sign);
                self.sector_totals[sector_slot(self.sectors[i])].apply(&s, sign);
                self.ladder_update(territory, unit, c, sign as i32);
                touch(i);
            }
        }
        for i in touched.into_iter().flatten().chain(extra) {
            self.refresh_college_terms(i);
        }
        self.refresh_dissimilarity_if_totals_moved();
    }

    /// Recomputes the index terms of one collège from its sums and patches the running totals.
    fn refresh_college_terms(&mut self, i: usize) {
        let sums = &self.colleges[i];
        let phi = term_fx(sums.phi(self.group_count));
        let slot = sector_slot(self.sectors[i]);
        self.phi_by_sector[slot] += phi - self.phi[i];
        self.phi[i] = phi;
        let ips_sq = if slot == 0 && sums.ips_w > 0 {
            term_fx(fl(sums.ips_sum) * fl(sums.ips_sum) / fl(sums.ips_w))
        } else {
            0
        };
        self.ips_sq_sum += ips_sq - self.ips_sq_terms[i];
        self.ips_sq_terms[i] = ips_sq;
        for terms in &mut self.minorities {
            let (a, n) = sums.minority(terms.minority);
            let iso = if n > 0 {
                term_fx(fl(a) * fl(a) / fl(n))
            } else {
                0
            };
            terms.iso_sum += iso - terms.iso_terms[i];
            terms.iso_terms[i] = iso;
            let d = d_term(a, n, terms.totals);
            terms.d_sum += d - terms.d_terms[i];
            terms.d_terms[i] = d;
        }
    }

    /// Dissimilarity terms depend on the territory totals A and B, which a reassignment between
    /// collèges leaves unchanged; when they do change (a unit unassigned, rounding of shares),
    /// every term is recomputed: a pass over collèges, never over units.
    fn refresh_dissimilarity_if_totals_moved(&mut self) {
        for terms in &mut self.minorities {
            let totals = self.totals.minority(terms.minority);
            if totals == terms.totals {
                continue;
            }
            terms.totals = totals;
            terms.d_sum = 0;
            for (i, sums) in self.colleges.iter().enumerate() {
                let (a, n) = sums.minority(terms.minority);
                let d = d_term(a, n, totals);
                terms.d_terms[i] = d;
                terms.d_sum += d;
            }
        }
    }

    /// Changes settings; recomputes what depends on them.
    pub fn set_config(
        &mut self,
        territory: &Territory,
        scenario: &Scenario,
        config: MetricsConfig,
    ) {
        *self = Metrics::new(territory, scenario, config);
    }

    /// Per-collège indicators.
    pub fn college(&self, college: CollegeId, territory: &Territory) -> CollegeIndicators {
        let i = college.index();
        let s = &self.colleges[i];
        let c = territory.college(college);
        let pupils = fl(s.pupils);
        let ips_mean = (s.ips_w > 0).then(|| fl(s.ips_sum) / fl(s.ips_w));
        let ips_sd = (s.ips_w > 0 && s.ips_sd_w == s.ips_w).then(|| {
            let mean = fl(s.ips_sd_sum) / fl(s.ips_sd_w);
            (fl(s.ips_sq) / fl(s.ips_sd_w) - mean * mean)
                .max(0.0)
                .sqrt()
        });
        let boursier_share = (s.bours_w > 0).then(|| fl(s.bours) / fl(s.bours_w));
        let group_shares = (s.groups_total > 0).then(|| {
            s.groups[..self.group_count]
                .iter()
                .map(|&g| fl(g) / fl(s.groups_total))
                .collect::<Vec<_>>()
        });
        let cohort = fl(s.cohort);
        let class = f64::from(self.config.class_size_6e.max(1));
        let walk_mean_m = (s.walk_w > 0).then(|| fl(s.walk_sum) / fl(s.walk_w));
        let walk_share_beyond = (s.walk_w > 0).then(|| fl(s.walk_beyond) / fl(s.walk_w));
        let walk_max_m = self.walk[i].keys().next_back().map(|&cm| cm as f64 / 100.0);
        let rule_value = self.rule_value(s);
        let reference = self.rule_reference();
        let deviation = match (rule_value, reference) {
            (Some(v), Some(r)) => match self.config.rule.mode {
                RuleMode::Relative if r != 0.0 => Some((v - r) / r),
                RuleMode::Relative => None,
                RuleMode::Points => Some(match self.config.rule.indicator {
                    RuleIndicator::Ips => v - r,
                    _ => (v - r) * 100.0,
                }),
            },
            _ => None,
        };
        let mix_flag = match deviation {
            None => MixFlag::Unknown,
            Some(d) if d > self.config.rule.threshold => MixFlag::Above,
            Some(d) if d < -self.config.rule.threshold => MixFlag::Below,
            Some(_) => MixFlag::Within,
        };
        let territory_groups: Vec<f64> = self.totals.groups[..self.group_count]
            .iter()
            .map(|&g| fl(g))
            .collect();
        let row: Vec<f64> = s.groups[..self.group_count]
            .iter()
            .map(|&g| fl(g))
            .collect();
        CollegeIndicators {
            pupils,
            pupils_estimated: s.pupils_estimated > 0,
            members: s.members,
            capacity_use: c
                .capacity_pupils
                .filter(|&cap| cap > 0.0)
                .map(|cap| pupils / cap),
            cohort_6e: cohort,
            cohort_6e_estimated: s.cohort_estimated > 0,
            classes_6e_needed: (cohort / class).ceil() as u32,
            ips_mean,
            ips_sd,
            ips_estimated: s.ips_estimated_w > 0,
            boursier_share,
            group_shares,
            rule_value,
            rule_reference: reference,
            deviation,
            mix_flag,
            walk_mean_m,
            walk_max_m,
            walk_share_beyond,
            pupils_beyond_walk: fl(s.walk_beyond),
            entropy_contribution: super::segregation::entropy_contribution(&row, &territory_groups),
        }
    }

    fn rule_value(&self, s: &Sums) -> Option<f64> {
        match self.config.rule.indicator {
            RuleIndicator::Ips => (s.ips_w > 0).then(|| fl(s.ips_sum) / fl(s.ips_w)),
            RuleIndicator::BoursierShare => (s.bours_w > 0).then(|| fl(s.bours) / fl(s.bours_w)),
            RuleIndicator::GroupShare(g) => (s.groups_total > 0 && g < self.group_count)
                .then(|| fl(s.groups[g]) / fl(s.groups_total)),
        }
    }

    /// The reference value of the mixing rule's indicator.
    pub fn rule_reference(&self) -> Option<f64> {
        match &self.config.rule.reference {
            Reference::WholeTerritory => self.rule_value(&self.reference_all),
            Reference::PublicSector => self.rule_value(&self.reference_public),
            Reference::Custom { value, .. } => Some(*value),
        }
    }

    /// Territory-wide indices.
    pub fn territory(&self) -> TerritoryIndices {
        let n = fl(self.totals.groups_total);
        let groups: Vec<f64> = self.totals.groups[..self.group_count]
            .iter()
            .map(|&g| fl(g))
            .collect();
        let e = super::segregation::entropy_of(&groups);
        let entropy = (n > 0.0 && e > 0.0).then(|| {
            let phi_total = term_fl(self.phi_by_sector[0] + self.phi_by_sector[1]);
            // M lies in [0, E]; rounding must not print "−0,0000" for identical collèges
            let m = (e + phi_total / n).clamp(0.0, e);
            let mut between = e;
            let mut within = [0.0; 2];
            for (slot, sums) in self.sector_totals.iter().enumerate() {
                let psi = sums.phi(self.group_count);
                between += psi / n;
                within[slot] = (term_fl(self.phi_by_sector[slot]) - psi) / n;
            }
            EntropyBreakdown {
                indices: EntropyIndices {
                    entropy: e,
                    mutual_information: m,
                    h: m / e,
                },
                between_public_private: between,
                within_public: within[0],
                within_private: within[1],
            }
        });
        let minorities = self
            .minorities
            .iter()
            .map(|t| {
                let (a, n) = t.totals;
                let valid = a > 0 && n > a;
                let share = (n > 0).then(|| fl(a) / fl(n));
                let xpx = (a > 0).then(|| term_fl(t.iso_sum) / fl(a));
                MinorityIndices {
                    minority: t.minority,
                    share,
                    dissimilarity: valid.then(|| 0.5 * term_fl(t.d_sum)),
                    isolation: xpx,
                    normalized_isolation: match (xpx, share) {
                        (Some(x), Some(p)) if p < 1.0 => Some((x - p) / (1.0 - p)),
                        _ => None,
                    },
                }
            })
            .collect();
        TerritoryIndices {
            pupils: fl(self.totals.pupils),
            pupils_estimated: self.totals.pupils_estimated > 0,
            pupils_beyond_walk: fl(self.totals.walk_beyond),
            entropy,
            minorities,
            ips_spread: self.ips_spread(),
        }
    }

    /// The spread of public collèges' IPS around the public sector's mean, weighted by pupils,
    /// with the gap between the most and the least favoured: S² = Σ_k (N_k/N)(IPS_k − IPS̄)²
    /// = Σ_k (Σ IPS)_k² / N_k / N − IPS̄², from the running per-collège terms.
    fn ips_spread(&self) -> Option<IpsSpread> {
        let public = &self.sector_totals[0];
        if public.ips_w <= 0 {
            return None;
        }
        let w = fl(public.ips_w);
        let mean = fl(public.ips_sum) / w;
        let spread = (term_fl(self.ips_sq_sum) / w - mean * mean).max(0.0).sqrt();
        let mut colleges = 0;
        let mut high: Option<(usize, f64)> = None;
        let mut low: Option<(usize, f64)> = None;
        for (i, s) in self.colleges.iter().enumerate() {
            if self.sectors[i] != Sector::Public || s.ips_w <= 0 {
                continue;
            }
            colleges += 1;
            let ips = fl(s.ips_sum) / fl(s.ips_w);
            if high.is_none_or(|(_, h)| ips > h) {
                high = Some((i, ips));
            }
            if low.is_none_or(|(_, l)| ips < l) {
                low = Some((i, ips));
            }
        }
        let ((hi, h), (lo, l)) = (high?, low?);
        Some(IpsSpread {
            spread,
            mean,
            gap: h - l,
            highest: CollegeId(hi as u32),
            lowest: CollegeId(lo as u32),
            colleges,
            estimated: public.ips_estimated_w > 0,
        })
    }

    /// Mean walk of every pupil with a known walk to their collège, metres (the territory's
    /// running sums: exact, no pass over collèges).
    pub fn mean_walk_m(&self) -> Option<f64> {
        (self.totals.walk_w > 0).then(|| fl(self.totals.walk_sum) / fl(self.totals.walk_w))
    }

    /// Per-collège counts of a minority and of its base, for checks against the definitions.
    pub fn minority_counts(&self, m: Minority) -> (Vec<f64>, Vec<f64>) {
        self.colleges
            .iter()
            .map(|s| {
                let (a, n) = s.minority(m);
                (fl(a), fl(n))
            })
            .unzip()
    }

    /// Per-collège Σ pupils × IPS and pupils of known IPS (private collèges' own intake
    /// included).
    pub fn ips_counts(&self) -> (Vec<f64>, Vec<f64>) {
        self.colleges
            .iter()
            .map(|s| (fl(s.ips_sum), fl(s.ips_w)))
            .unzip()
    }

    /// Σ pupils × IPS and pupils of known IPS over the public collèges.
    pub fn ips_counts_public(&self) -> (f64, f64) {
        let p = &self.sector_totals[0];
        (fl(p.ips_sum), fl(p.ips_w))
    }

    /// Per-collège social group counts.
    pub fn group_counts(&self) -> Vec<Vec<f64>> {
        self.colleges
            .iter()
            .map(|s| {
                s.groups[..self.group_count]
                    .iter()
                    .map(|&g| fl(g))
                    .collect()
            })
            .collect()
    }
}

/// A walking distance as a ladder key: centimetres.
fn ladder_key(metres: f64) -> u64 {
    (metres * 100.0).round() as u64
}

fn d_term(a: i128, n: i128, totals: (i128, i128)) -> i128 {
    let (ta, tn) = totals;
    let tb = tn - ta;
    if ta <= 0 || tb <= 0 {
        return 0;
    }
    let b = n - a;
    term_fx((a as f64 / ta as f64 - b as f64 / tb as f64).abs())
}

/// Where a collège stands against the mixing rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum MixFlag {
    /// More than the threshold above the reference.
    Above,
    /// More than the threshold below the reference.
    Below,
    /// Within the band.
    Within,
    /// The indicator is unknown.
    Unknown,
}

/// Everything measured about one collège in one scenario.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CollegeIndicators {
    /// Pupils received (all levels), including a private collège's own intake.
    pub pupils: f64,
    /// True when some of those pupils were estimated rather than counted.
    pub pupils_estimated: bool,
    /// Number of units (or unit shares) in the sector.
    pub members: i64,
    /// Pupils / capacity (1.0 = full); unknown without a capacity.
    pub capacity_use: Option<f64>,
    /// 6e cohort received.
    pub cohort_6e: f64,
    /// True when part of the cohort was estimated as a quarter of the pupils.
    pub cohort_6e_estimated: bool,
    /// 6e classes of `class_size_6e` needed: ceil(cohort / class size).
    pub classes_6e_needed: u32,
    /// Mean IPS, weighted by pupils of known IPS.
    pub ips_mean: Option<f64>,
    /// Standard deviation of pupils' IPS (needs each unit's spread).
    pub ips_sd: Option<f64>,
    /// True when some IPS values are estimates.
    pub ips_estimated: bool,
    /// Boursiers / pupils of known status (0-1).
    pub boursier_share: Option<f64>,
    /// Share of each social group (0-1) among pupils of known group.
    pub group_shares: Option<Vec<f64>>,
    /// The mixing rule's indicator for this collège.
    pub rule_value: Option<f64>,
    /// The reference it is compared with.
    pub rule_reference: Option<f64>,
    /// The gap (relative, or in points).
    pub deviation: Option<f64>,
    /// The rule's verdict.
    pub mix_flag: MixFlag,
    /// Mean walking distance from the units' points to the collège, metres, weighted by pupils.
    pub walk_mean_m: Option<f64>,
    /// Longest walking distance among units with pupils, metres.
    pub walk_max_m: Option<f64>,
    /// Share of pupils (0-1) beyond the walking threshold.
    pub walk_share_beyond: Option<f64>,
    /// Pupils beyond the walking threshold (candidates for school transport).
    pub pupils_beyond_walk: f64,
    /// This collège's additive contribution to the mutual information M (nats).
    pub entropy_contribution: Option<f64>,
}

/// The entropy index with its public/private decomposition.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct EntropyBreakdown {
    /// E, M, H.
    #[serde(flatten)]
    pub indices: EntropyIndices,
    /// Part of M due to differences between the public and the private sector (nats).
    pub between_public_private: f64,
    /// Part of M within the public sector, weighted by its size (nats).
    pub within_public: f64,
    /// Part of M within the private sector, weighted by its size (nats).
    pub within_private: f64,
}

/// Dissimilarity and isolation of one group.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct MinorityIndices {
    /// Which group.
    pub minority: Minority,
    /// Its share of the territory's pupils (0-1).
    pub share: Option<f64>,
    /// Duncan dissimilarity (0-1).
    pub dissimilarity: Option<f64>,
    /// Isolation xPx (0-1).
    pub isolation: Option<f64>,
    /// Normalised isolation V (0-1).
    pub normalized_isolation: Option<f64>,
}

/// The spread of public collèges' IPS: it needs only IPS, so every département has it from
/// the ministry's files.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct IpsSpread {
    /// S = sqrt(Σ_k (N_k/N)(IPS_k − IPS̄)²), IPS points, over public collèges.
    pub spread: f64,
    /// IPS̄, the pupil-weighted mean of the public sector.
    pub mean: f64,
    /// The most favoured collège's IPS minus the least favoured's.
    pub gap: f64,
    /// The most favoured public collège.
    pub highest: CollegeId,
    /// The least favoured public collège.
    pub lowest: CollegeId,
    /// Public collèges with a known IPS.
    pub colleges: usize,
    /// True when some IPS values are estimates.
    pub estimated: bool,
}

/// Territory-wide indices.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct TerritoryIndices {
    /// Pupils assigned to a collège (plus private collèges' own intake).
    pub pupils: f64,
    /// True when some of those pupils were estimated rather than counted.
    pub pupils_estimated: bool,
    /// Spread of public collèges' IPS; unknown without IPS.
    pub ips_spread: Option<IpsSpread>,
    /// Pupils whose walk to their collège is beyond the threshold: those who would need school
    /// transport.
    pub pupils_beyond_walk: f64,
    /// Entropy index; unknown without social groups.
    pub entropy: Option<EntropyBreakdown>,
    /// Dissimilarity and isolation for boursiers and each social group.
    pub minorities: Vec<MinorityIndices>,
}

impl TerritoryIndices {
    /// The indices of one minority.
    pub fn minority(&self, m: Minority) -> Option<&MinorityIndices> {
        self.minorities.iter().find(|x| x.minority == m)
    }
}

impl serde::Serialize for crate::metrics::segregation::EntropyIndices {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("EntropyIndices", 3)?;
        st.serialize_field("entropy", &self.entropy)?;
        st.serialize_field("mutual_information", &self.mutual_information)?;
        st.serialize_field("h", &self.h)?;
        st.end()
    }
}

/// The change of an optional figure: `None` when either side is unknown.
pub fn change(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    Some(now? - before?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::scenario::ScenarioMeta;
    use crate::model::territory::College;
    use geo::Point;

    fn pop(pupils: f64, boursiers: f64, ips: f64, groups: [f64; 4]) -> Population {
        Population {
            pupils: Some(pupils),
            boursiers: Some(boursiers),
            ips_mean: Some(ips),
            ips_sd: Some(10.0),
            groups: Some(groups.to_vec()),
            cohort_6e: Some(pupils / 4.0),
            ..Default::default()
        }
    }

    fn college(uai: &str, x: f64) -> College {
        College::public(uai, Point::new(x, 45.005)).with_capacity(150.0)
    }

    /// Three units in a row, two collèges at the ends.
    pub fn small_case() -> (Territory, Scenario) {
        let units = vec![
            crate::model::Unit::square(
                "u0",
                0.00,
                45.0,
                0.01,
                pop(100.0, 10.0, 130.0, [50.0, 30.0, 15.0, 5.0]),
            ),
            crate::model::Unit::square(
                "u1",
                0.01,
                45.0,
                0.01,
                pop(50.0, 20.0, 90.0, [5.0, 10.0, 15.0, 20.0]),
            ),
            crate::model::Unit::square(
                "u2",
                0.02,
                45.0,
                0.01,
                pop(100.0, 50.0, 80.0, [5.0, 10.0, 25.0, 60.0]),
            ),
        ];
        let t = Territory::of(units, vec![college("A", 0.005), college("B", 0.025)]).unwrap();
        let mut s = Scenario::unassigned(ScenarioMeta::new("test"), &t);
        s.replace_assignment(UnitId(0), Assignment::College(CollegeId(0)));
        s.replace_assignment(UnitId(1), Assignment::College(CollegeId(0)));
        s.replace_assignment(UnitId(2), Assignment::College(CollegeId(1)));
        (t, s)
    }

    #[test]
    fn hand_computed_college_figures() {
        let (t, s) = small_case();
        let m = Metrics::new(&t, &s, MetricsConfig::default());
        let a = m.college(CollegeId(0), &t);
        assert!((a.pupils - 150.0).abs() < 1e-9);
        // (100 × 130 + 50 × 90) / 150
        assert!((a.ips_mean.unwrap() - 116.666_666_666_666_67).abs() < 1e-6);
        assert!((a.boursier_share.unwrap() - 30.0 / 150.0).abs() < 1e-9);
        assert!((a.capacity_use.unwrap() - 1.0).abs() < 1e-9);
        // cohort 37.5 → 2 classes of 25
        assert_eq!(a.classes_6e_needed, 2);
        // spread: E[x²] = (100(130²+100) + 50(90²+100))/150; mean 116.67
        let ex2 = (100.0 * (130.0f64.powi(2) + 100.0) + 50.0 * (90.0f64.powi(2) + 100.0)) / 150.0;
        let sd = (ex2 - (17500.0f64 / 150.0).powi(2)).sqrt();
        assert!((a.ips_sd.unwrap() - sd).abs() < 1e-6);
        // 0.01 degree of longitude at 45°N is about 787 m; u0 is centred on A.
        assert!(a.walk_max_m.unwrap() > 700.0 && a.walk_max_m.unwrap() < 900.0);
    }

    #[test]
    fn the_spread_of_public_ips_matches_its_definition_edit_after_edit() {
        let (t, mut s) = small_case();
        let mut m = Metrics::new(&t, &s, MetricsConfig::default());
        // A: (100 × 130 + 50 × 90) / 150 = 116.67 for 150 pupils; B: 80 for 100
        let sp = m.territory().ips_spread.unwrap();
        let def = super::super::segregation::ips_spread(&[17500.0 / 150.0, 80.0], &[150.0, 100.0])
            .unwrap();
        assert!((sp.spread - def).abs() < 1e-9);
        assert!((sp.gap - (17500.0 / 150.0 - 80.0)).abs() < 1e-9);
        assert_eq!(
            (sp.highest, sp.lowest, sp.colleges),
            (CollegeId(0), CollegeId(1), 2)
        );
        assert!((sp.mean - (17500.0 + 8000.0) / 250.0).abs() < 1e-9);
        // move u1 (IPS 90) to B: A = 130 for 100 pupils, B = (4500 + 8000) / 150
        let old = s.replace_assignment(UnitId(1), Assignment::College(CollegeId(1)));
        m.reassign(&t, UnitId(1), &old, s.assignment(UnitId(1)));
        let sp = m.territory().ips_spread.unwrap();
        let def = super::super::segregation::ips_spread(&[130.0, 12500.0 / 150.0], &[100.0, 150.0])
            .unwrap();
        assert!((sp.spread - def).abs() < 1e-9);
        assert_eq!(m, Metrics::new(&t, &s, MetricsConfig::default()));
        // the same IPS everywhere: 0, never a tiny negative under the root
        let same = super::super::segregation::ips_spread(&[100.0, 100.0], &[3.0, 7.0]).unwrap();
        assert_eq!(same, 0.0);
    }

    #[test]
    fn territory_indices_match_the_definitions() {
        let (t, s) = small_case();
        let m = Metrics::new(&t, &s, MetricsConfig::default());
        let idx = m.territory();
        let (a, n) = m.minority_counts(Minority::Boursiers);
        let d = super::super::segregation::dissimilarity(&a, &n).unwrap();
        let got = idx
            .minority(Minority::Boursiers)
            .unwrap()
            .dissimilarity
            .unwrap();
        assert!((got - d).abs() < 1e-9);
        let e = super::super::segregation::entropy_indices(&m.group_counts()).unwrap();
        let ent = idx.entropy.unwrap();
        assert!((ent.indices.h - e.h).abs() < 1e-9);
        let sum = ent.between_public_private + ent.within_public + ent.within_private;
        assert!((sum - ent.indices.mutual_information).abs() < 1e-12);
    }

    #[test]
    fn moving_a_unit_updates_both_colleges() {
        let (t, mut s) = small_case();
        let mut m = Metrics::new(&t, &s, MetricsConfig::default());
        let old = s.replace_assignment(UnitId(1), Assignment::College(CollegeId(1)));
        m.reassign(&t, UnitId(1), &old, s.assignment(UnitId(1)));
        assert!((m.college(CollegeId(0), &t).pupils - 100.0).abs() < 1e-9);
        assert!((m.college(CollegeId(1), &t).pupils - 150.0).abs() < 1e-9);
        assert_eq!(m, Metrics::new(&t, &s, MetricsConfig::default()));
    }

    #[test]
    fn an_empty_sector_has_unknown_ips_not_zero() {
        let (t, mut s) = small_case();
        let mut m = Metrics::new(&t, &s, MetricsConfig::default());
        let old = s.replace_assignment(UnitId(2), Assignment::College(CollegeId(0)));
        m.reassign(&t, UnitId(2), &old, s.assignment(UnitId(2)));
        let b = m.college(CollegeId(1), &t);
        assert_eq!(b.ips_mean, None);
        assert_eq!(b.boursier_share, None);
        assert_eq!(b.mix_flag, MixFlag::Unknown);
        assert_eq!(b.members, 0);
    }

    #[test]
    fn the_twenty_percent_rule_flags_collèges_outside_the_band() {
        let (t, s) = small_case();
        let m = Metrics::new(&t, &s, MetricsConfig::default());
        // reference IPS = (13000 + 4500 + 8000) / 250 = 102; B has 80: −21.6 %
        let b = m.college(CollegeId(1), &t);
        assert!((b.rule_reference.unwrap() - 102.0).abs() < 1e-9);
        assert!((b.deviation.unwrap() + 0.215_686).abs() < 1e-5);
        assert_eq!(b.mix_flag, MixFlag::Below);
        assert_eq!(m.college(CollegeId(0), &t).mix_flag, MixFlag::Within);
    }
}
