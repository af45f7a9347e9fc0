//! The search state of the assistant: who goes where, per-collège counts, the index kept as a sum
//! of per-collège terms, and the constraints checked on the collèges a move touches.
//!
//! What moves is an *atom*: one unit, or, when écoles are kept whole, the units of one école
//! catchment that are in the same sector (an école already split at the start keeps its parts,
//! which may join again but never split further).
//!
//! Counts start from the indicator engine (so the private collèges' own intake and shared units
//! are in them) and follow moves in floating point; the final figures are always recomputed by
//! the engine, never taken from here.

use crate::metrics::{Metrics, Minority};
use crate::model::territory::MAX_GROUPS;
use crate::model::{Assignment, CollegeId, Scenario, Sector, Territory, UnitId};

use super::{Constraints, Target};

/// No collège (a unit assigned nowhere).
pub(super) const NONE: u32 = u32::MAX;

/// The counts of one collège that the index and the constraints need.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Counts {
    pupils: f64,
    groups: [f64; MAX_GROUPS],
    /// Minority pupils and the pupils they are counted among (dissimilarity); for the IPS
    /// spread, Σ pupils × IPS and the pupils of known IPS.
    a: f64,
    n: f64,
}

/// What one unit carries.
#[derive(Debug, Clone, Copy, Default)]
struct Load {
    pupils: f64,
    groups: [f64; MAX_GROUPS],
    a: f64,
    n: f64,
}

impl Counts {
    fn add(&mut self, l: &Load, sign: f64) {
        self.pupils += sign * l.pupils;
        for (x, g) in self.groups.iter_mut().zip(&l.groups) {
            *x += sign * g;
        }
        self.a += sign * l.a;
        self.n += sign * l.n;
    }
}

fn xlnx(x: f64) -> f64 {
    if x > 0.0 { x * x.ln() } else { 0.0 }
}

/// One atom (a unit, or an école's units in one sector) changing collège.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Change {
    pub atom: u32,
    pub from: u32,
    pub to: u32,
}

/// The state searched over.
#[derive(Debug, Clone)]
pub(super) struct State<'a> {
    t: &'a Territory,
    metrics: &'a Metrics,
    target: Target,
    group_count: usize,
    /// Territory constants of the index: N·E for the entropy index, (A, B) for dissimilarity.
    norm: (f64, f64),
    /// The collège whose sector each unit belongs to (its main collège), `NONE` when none.
    pub sector_of: Vec<u32>,
    /// Atoms the assistant may move (all their units movable).
    pub movable: Vec<bool>,
    /// Each unit's atom, and each atom's units (`atom_units[atom_start[a]..atom_start[a + 1]]`).
    atom_of: Vec<u32>,
    atom_start: Vec<u32>,
    atom_units: Vec<u32>,
    /// What each atom carries.
    atom_loads: Vec<Load>,
    /// Collèges that may receive or lose units.
    pub open: Vec<bool>,
    /// Each unit's collège in the baseline (for pupils moved and walking increase).
    base_of: Vec<u32>,
    loads: Vec<Load>,
    counts: Vec<Counts>,
    /// The counts, sectors and index at the start, to recount from without rounding drift.
    start_counts: Vec<Counts>,
    start_sector: Vec<u32>,
    start_value: f64,
    capacity: Vec<Option<f64>>,
    /// Members of each sector and each unit's place in its list.
    members: Vec<Vec<u32>>,
    place: Vec<u32>,
    /// Current value of the index.
    pub value: f64,
    /// Pupils not in their baseline collège.
    pub moved: f64,
    constraints: Constraints,
    stamp: Vec<u32>,
    epoch: u32,
    /// When sectors may be in pieces: for each atom, the nearest open collèges it may walk to,
    /// which it may join even where their sectors do not touch it (an island is a lever).
    far: Vec<Vec<u32>>,
    /// Movable atoms away from their baseline collège, and each atom's place in that list
    /// (`NONE` when home): the moves an exchange may undo to make room under the cap on
    /// pupils moved.
    away: Vec<u32>,
    away_place: Vec<u32>,
}

/// How many of the nearest collèges an atom may jump to when sectors may be in pieces.
const FAR_CANDIDATES: usize = 6;

impl<'a> State<'a> {
    pub fn new(
        t: &'a Territory,
        start: &Scenario,
        baseline: &Scenario,
        metrics: &'a Metrics,
        target: Target,
        constraints: Constraints,
    ) -> Option<Self> {
        let group_count = t.groups.len();
        let indices = metrics.territory();
        let (value, norm) = match target {
            Target::Entropy => {
                let e = indices.entropy?;
                (
                    e.indices.h,
                    (indices_norm_entropy(metrics, group_count)?, 0.0),
                )
            }
            Target::Dissimilarity(m) => {
                let d = indices.minority(m)?.dissimilarity?;
                let (a, n) = metrics.minority_counts(m);
                let (ta, tn): (f64, f64) = (a.iter().sum(), n.iter().sum());
                (d, (ta, tn - ta))
            }
            Target::IpsSpread => {
                let s = indices.ips_spread?;
                // Σ_k (ΣIPS)_k² / N_k / N − mean²: the pupils of the public sector, N, stay
                // the same when blocks move between public collèges
                let (_, n) = metrics.ips_counts_public();
                (s.spread * s.spread, (n, 0.0))
            }
        };
        let k = t.colleges().len();
        let group_counts = metrics.group_counts();
        let (ma, mn) = match target {
            Target::Dissimilarity(m) => metrics.minority_counts(m),
            Target::IpsSpread => metrics.ips_counts(),
            Target::Entropy => (vec![0.0; k], vec![0.0; k]),
        };
        let counts: Vec<Counts> = (0..k)
            .map(|i| {
                let mut c = Counts {
                    pupils: metrics.college(CollegeId(i as u32), t).pupils,
                    a: ma[i],
                    n: mn[i],
                    ..Counts::default()
                };
                for (x, g) in c.groups.iter_mut().zip(&group_counts[i]) {
                    *x = *g;
                }
                c
            })
            .collect();
        let open: Vec<bool> = t
            .college_ids()
            .map(|c| {
                t.college(c).sector == Sector::Public
                    && !start.is_college_locked(c)
                    && start.is_college_open(c)
            })
            .collect();
        let sector_of: Vec<u32> = t
            .unit_ids()
            .map(|u| start.assignment(u).main_college().map_or(NONE, |c| c.0))
            .collect();
        let unit_movable: Vec<bool> = t
            .unit_ids()
            .map(|u| match start.assignment(u) {
                Assignment::College(c) => open[c.index()] && !start.is_unit_locked(u),
                _ => false,
            })
            .collect();
        let base_of = t
            .unit_ids()
            .map(|u| baseline.assignment(u).main_college().map_or(NONE, |c| c.0))
            .collect();
        let loads: Vec<Load> = t
            .units()
            .iter()
            .map(|unit| Load::of(&unit.population, target))
            .collect();
        let (atom_of, atom_start, atom_units) = atoms(t, &sector_of, constraints.keep_schools);
        let atom_count = atom_start.len() - 1;
        let mut movable = vec![true; atom_count];
        let mut atom_loads = vec![Load::default(); atom_count];
        for (u, &a) in atom_of.iter().enumerate() {
            movable[a as usize] &= unit_movable[u];
            let al = &mut atom_loads[a as usize];
            let l = &loads[u];
            al.pupils += l.pupils;
            for (x, g) in al.groups.iter_mut().zip(&l.groups) {
                *x += g;
            }
            al.a += l.a;
            al.n += l.n;
        }
        let mut members = vec![Vec::new(); k];
        let mut place = vec![0; sector_of.len()];
        for (u, &c) in sector_of.iter().enumerate() {
            if c != NONE {
                place[u] = members[c as usize].len() as u32;
                members[c as usize].push(u as u32);
            }
        }
        let mut s = State {
            start_counts: counts.clone(),
            start_sector: sector_of.clone(),
            start_value: value,
            t,
            metrics,
            target,
            group_count,
            norm,
            sector_of,
            movable,
            atom_of,
            atom_start,
            atom_units,
            atom_loads,
            open,
            base_of,
            loads,
            counts,
            capacity: t.colleges().iter().map(|c| c.capacity_pupils).collect(),
            members,
            place,
            value,
            moved: 0.0,
            constraints,
            stamp: vec![0; t.units().len()],
            epoch: 0,
            far: Vec::new(),
            away: Vec::new(),
            away_place: vec![NONE; atom_count],
        };
        s.moved = s.moved_now();
        for a in 0..atom_count as u32 {
            s.update_away(a);
        }
        if !s.constraints.keep_contiguous {
            s.far = (0..atom_count as u32)
                .map(|a| s.nearest_colleges(a))
                .collect();
        }
        Some(s)
    }

    /// The problem as plain numbers for an exact solver (dissimilarity only: `a` and `n` are
    /// then minority pupils and pupils counted).
    pub fn exact_problem(&mut self) -> super::exact::ExactProblem {
        use super::exact::{ExactAtom, ExactCollege, ExactProblem};
        let mut colleges: Vec<ExactCollege> = self
            .counts
            .iter()
            .enumerate()
            .map(|(k, c)| ExactCollege {
                fixed_a: c.a,
                fixed_b: c.n - c.a,
                fixed_pupils: c.pupils,
                start_pupils: c.pupils,
                capacity: self.capacity[k].filter(|c| *c > 0.0),
                open: self.open[k],
            })
            .collect();
        let mut atoms = Vec::new();
        let mut exported = vec![None; self.atom_count()];
        for a in 0..self.atom_count() as u32 {
            if !self.movable[a as usize] {
                continue;
            }
            exported[a as usize] = Some(atoms.len() as u32);
            let start = self.sector_of_atom(a);
            let l = &self.atom_loads[a as usize];
            let fixed = &mut colleges[start as usize];
            fixed.fixed_a -= l.a;
            fixed.fixed_b -= l.n - l.a;
            fixed.fixed_pupils -= l.pupils;
            let mut by_baseline: Vec<(u32, f64)> = Vec::new();
            for &u in self.units_of(a) {
                let (base, p) = (self.base_of[u as usize], self.loads[u as usize].pupils);
                match by_baseline.iter_mut().find(|(k, _)| *k == base) {
                    Some((_, sum)) => *sum += p,
                    None => by_baseline.push((base, p)),
                }
            }
            let allowed = (0..self.open.len() as u32)
                .filter(|&c| c == start || (self.open[c as usize] && self.atom_walk_allowed(a, c)))
                .collect();
            atoms.push(ExactAtom {
                a: l.a,
                b: l.n - l.a,
                pupils: l.pupils,
                start,
                by_baseline,
                allowed,
            });
        }
        ExactProblem {
            total_a: self.norm.0,
            total_b: self.norm.1,
            colleges,
            atoms,
            max_moved: self.constraints.max_moved_pupils,
            capacity: self.constraints.capacity,
            start_value: self.value,
            contiguity: self
                .constraints
                .keep_contiguous
                .then(|| self.exact_contiguity(&exported)),
        }
    }

    /// The graph of units and each sector's root, for an exact solver keeping sectors whole.
    fn exact_contiguity(&mut self, exported: &[Option<u32>]) -> super::exact::ExactContiguity {
        let n = self.sector_of.len();
        let unit_atom: Vec<Option<u32>> =
            (0..n).map(|u| exported[self.atom_of[u] as usize]).collect();
        let unit_fixed = (0..n)
            .map(|u| {
                (unit_atom[u].is_none() && self.sector_of[u] != NONE).then_some(self.sector_of[u])
            })
            .collect();
        let mut edges = Vec::new();
        for u in 0..n as u32 {
            for nb in self.t.adjacency().of(UnitId(u)) {
                if nb.unit.0 > u {
                    edges.push((u, nb.unit.0));
                }
            }
        }
        let roots = (0..self.open.len() as u32)
            .map(|k| {
                if self.pieces(k) != 1 {
                    return None;
                }
                let members = &self.members[k as usize];
                if let Some(&u) = members.iter().find(|&&u| unit_atom[u as usize].is_none()) {
                    return Some(u);
                }
                let at = self.t.colleges()[k as usize].location;
                members.iter().copied().min_by(|&a, &b| {
                    let d = |u: u32| {
                        let p = self.t.unit(UnitId(u)).anchor;
                        (p.x() - at.x()).powi(2) + (p.y() - at.y()).powi(2)
                    };
                    d(a).total_cmp(&d(b))
                })
            })
            .collect();
        super::exact::ExactContiguity {
            unit_atom,
            unit_fixed,
            edges,
            roots,
        }
    }

    /// Recomputes the counts and the index from the start and the moves made since, so that
    /// millions of floating-point updates leave no drift.
    pub fn recount(&mut self) {
        self.counts.clone_from(&self.start_counts);
        for u in 0..self.sector_of.len() {
            let (from, to) = (self.start_sector[u], self.sector_of[u]);
            if from != to {
                let load = self.loads[u];
                self.counts[from as usize].add(&load, -1.0);
                self.counts[to as usize].add(&load, 1.0);
            }
        }
        self.value = self.start_value
            + self
                .counts
                .iter()
                .zip(&self.start_counts)
                .map(|(now, was)| self.term(now) - self.term(was))
                .sum::<f64>();
        self.moved = self.moved_now();
    }

    /// Pupils of movable units not in their baseline collège, counted afresh.
    fn moved_now(&self) -> f64 {
        (0..self.sector_of.len())
            .filter(|&u| {
                self.sector_of[u] != self.base_of[u] && self.movable[self.atom_of[u] as usize]
            })
            .map(|u| self.loads[u].pupils)
            .sum()
    }

    /// True when atoms are écoles (écoles kept whole).
    pub fn atoms_are_schools(&self) -> bool {
        self.constraints.keep_schools
    }

    /// Number of atoms.
    pub fn atom_count(&self) -> usize {
        self.atom_loads.len()
    }

    /// The units of an atom.
    pub fn units_of(&self, atom: u32) -> &[u32] {
        let a = atom as usize;
        &self.atom_units[self.atom_start[a] as usize..self.atom_start[a + 1] as usize]
    }

    /// The collège whose sector an atom is in.
    pub fn sector_of_atom(&self, atom: u32) -> u32 {
        self.sector_of[self.atom_units[self.atom_start[atom as usize] as usize] as usize]
    }

    /// Pupils of an atom.
    pub fn atom_pupils(&self, atom: u32) -> f64 {
        self.atom_loads[atom as usize].pupils
    }

    /// The index term of one collège's counts.
    fn term(&self, c: &Counts) -> f64 {
        match self.target {
            Target::Entropy => {
                let total: f64 = c.groups[..self.group_count].iter().sum();
                let phi: f64 = c.groups[..self.group_count]
                    .iter()
                    .map(|&x| xlnx(x))
                    .sum::<f64>()
                    - xlnx(total);
                phi / self.norm.0
            }
            Target::Dissimilarity(_) => {
                let (ta, tb) = self.norm;
                if ta <= 0.0 || tb <= 0.0 {
                    return 0.0;
                }
                0.5 * (c.a / ta - (c.n - c.a) / tb).abs()
            }
            Target::IpsSpread => {
                // private collèges never change, so their terms cancel out of every change
                let n = self.norm.0;
                if n <= 0.0 || c.n <= 0.0 {
                    return 0.0;
                }
                c.a * c.a / c.n / n
            }
        }
    }

    /// The collèges a list of changes touches, with their counts after the changes. At most two
    /// changes (a move or a swap).
    fn after(&self, changes: &[Change]) -> ([(u32, Counts); 4], usize) {
        let mut touched = [(NONE, Counts::default()); 4];
        let mut len = 0;
        for ch in changes {
            for (c, sign) in [(ch.from, -1.0), (ch.to, 1.0)] {
                let slot = match touched[..len].iter().position(|(k, _)| *k == c) {
                    Some(i) => i,
                    None => {
                        touched[len] = (c, self.counts[c as usize]);
                        len += 1;
                        len - 1
                    }
                };
                touched[slot]
                    .1
                    .add(&self.atom_loads[ch.atom as usize], sign);
            }
        }
        (touched, len)
    }

    /// Change of the index if the changes were made.
    pub fn delta(&self, changes: &[Change]) -> f64 {
        let (touched, len) = self.after(changes);
        touched[..len]
            .iter()
            .map(|(k, c)| self.term(c) - self.term(&self.counts[*k as usize]))
            .sum()
    }

    /// Walking distance from a unit to a collège (the engine's model), metres.
    pub fn walk(&self, unit: u32, college: u32) -> Option<f64> {
        self.metrics
            .walk_m(self.t, UnitId(unit), CollegeId(college))
    }

    fn atom_walk_allowed(&self, atom: u32, to: u32) -> bool {
        self.units_of(atom)
            .iter()
            .all(|&u| self.walk_allowed(u, to))
    }

    fn walk_allowed(&self, unit: u32, to: u32) -> bool {
        if to == self.base_of[unit as usize] {
            return true;
        }
        let c = &self.constraints;
        if c.max_walk_m.is_none() && c.max_walk_increase_m.is_none() {
            return true;
        }
        let Some(d) = self.walk(unit, to) else {
            return false;
        };
        if c.max_walk_m.is_some_and(|max| d > max) {
            return false;
        }
        if let Some(inc) = c.max_walk_increase_m {
            let base = self.base_of[unit as usize];
            match (base != NONE).then(|| self.walk(unit, base)).flatten() {
                Some(b) if d <= b + inc => {}
                _ => return false,
            }
        }
        true
    }

    fn capacity_gap(&self, college: u32, pupils: f64) -> f64 {
        let (Some((lo, hi)), Some(cap)) = (
            self.constraints.capacity,
            self.capacity[college as usize].filter(|c| *c > 0.0),
        ) else {
            return 0.0;
        };
        let use_ = pupils / cap;
        (lo - use_).max(0.0) + (use_ - hi).max(0.0)
    }

    pub fn moved_after(&self, changes: &[Change]) -> f64 {
        let mut moved = self.moved;
        for ch in changes {
            for &u in self.units_of(ch.atom) {
                let base = self.base_of[u as usize];
                let p = self.loads[u as usize].pupils;
                moved +=
                    p * (f64::from(u8::from(ch.to != base)) - f64::from(u8::from(ch.from != base)));
            }
        }
        moved
    }

    /// True when the changes keep every constraint, or do not make a broken one worse.
    pub fn allowed(&mut self, changes: &[Change]) -> bool {
        if !changes.iter().all(|ch| {
            self.movable[ch.atom as usize]
                && self.open[ch.to as usize]
                && self.sector_of_atom(ch.atom) == ch.from
                && self.atom_walk_allowed(ch.atom, ch.to)
        }) {
            return false;
        }
        if self.over_cap(changes) {
            return false;
        }
        let (touched, len) = self.after(changes);
        for (k, c) in &touched[..len] {
            // a sector is never emptied: only the user closes a collège
            let had = self.counts[*k as usize].pupils;
            if self.open[*k as usize] && had > 1e-9 && c.pupils <= 1e-9 {
                return false;
            }
            let before = self.capacity_gap(*k, self.counts[*k as usize].pupils);
            let after = self.capacity_gap(*k, c.pupils);
            if after > 1e-12 && after > before + 1e-12 {
                return false;
            }
        }
        if self.constraints.keep_contiguous {
            let before: Vec<(u32, usize)> = touched[..len]
                .iter()
                .map(|(k, _)| (*k, self.pieces(*k)))
                .collect();
            self.apply_raw(changes);
            let ok = before.iter().all(|&(k, p)| self.pieces(k) <= p.max(1));
            self.undo_raw(changes);
            if !ok {
                return false;
            }
        }
        true
    }

    /// Number of pieces of a sector (units joined by shared boundaries).
    pub fn pieces(&mut self, college: u32) -> usize {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.stamp.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
        let mut pieces = 0;
        let mut stack = Vec::new();
        for i in 0..self.members[college as usize].len() {
            let start = self.members[college as usize][i];
            if self.stamp[start as usize] == self.epoch {
                continue;
            }
            pieces += 1;
            self.stamp[start as usize] = self.epoch;
            stack.push(start);
            while let Some(u) = stack.pop() {
                for nb in self.t.adjacency().of(UnitId(u)) {
                    let v = nb.unit.0;
                    if self.sector_of[v as usize] == college && self.stamp[v as usize] != self.epoch
                    {
                        self.stamp[v as usize] = self.epoch;
                        stack.push(v);
                    }
                }
            }
        }
        pieces
    }

    fn apply_raw(&mut self, changes: &[Change]) {
        for ch in changes {
            self.move_atom(ch.atom, ch.from, ch.to);
        }
    }

    fn undo_raw(&mut self, changes: &[Change]) {
        for ch in changes.iter().rev() {
            self.move_atom(ch.atom, ch.to, ch.from);
        }
    }

    fn move_atom(&mut self, atom: u32, from: u32, to: u32) {
        let a = atom as usize;
        for i in self.atom_start[a]..self.atom_start[a + 1] {
            let unit = self.atom_units[i as usize];
            self.move_unit(unit, from, to);
        }
        self.update_away(atom);
    }

    /// The baseline collège of an atom (that of its first unit), `NONE` when it had none.
    pub fn home_of(&self, atom: u32) -> u32 {
        self.base_of[self.units_of(atom)[0] as usize]
    }

    /// The change that sends an atom back to its baseline collège, when that collège is open.
    pub fn back_home(&self, atom: u32) -> Option<Change> {
        let home = self.home_of(atom);
        (home != NONE && self.open[home as usize]).then(|| Change {
            atom,
            from: self.sector_of_atom(atom),
            to: home,
        })
    }

    /// The movable atoms now away from their baseline collège.
    pub fn away(&self) -> &[u32] {
        &self.away
    }

    fn update_away(&mut self, atom: u32) {
        let a = atom as usize;
        let home = self.home_of(atom);
        let is_away = self.movable[a] && home != NONE && self.sector_of_atom(atom) != home;
        let place = self.away_place[a];
        if is_away && place == NONE {
            self.away_place[a] = self.away.len() as u32;
            self.away.push(atom);
        } else if !is_away && place != NONE {
            self.away.swap_remove(place as usize);
            if let Some(&other) = self.away.get(place as usize) {
                self.away_place[other as usize] = place;
            }
            self.away_place[a] = NONE;
        }
    }

    /// True when the changes would take the pupils moved over the cap (and further than now).
    pub fn over_cap(&self, changes: &[Change]) -> bool {
        self.constraints.max_moved_pupils.is_some_and(|max| {
            let after = self.moved_after(changes);
            after > max + 1e-9 && after > self.moved + 1e-9
        })
    }

    fn move_unit(&mut self, unit: u32, from: u32, to: u32) {
        let u = unit as usize;
        let load = self.loads[u];
        // leave `from`'s member list
        let list = &mut self.members[from as usize];
        let i = self.place[u] as usize;
        list.swap_remove(i);
        if let Some(&moved) = list.get(i) {
            self.place[moved as usize] = i as u32;
        }
        self.place[u] = self.members[to as usize].len() as u32;
        self.members[to as usize].push(unit);
        self.counts[from as usize].add(&load, -1.0);
        self.counts[to as usize].add(&load, 1.0);
        self.sector_of[u] = to;
    }

    /// Makes the changes (already checked), keeping the index and pupils moved in step.
    pub fn apply(&mut self, changes: &[Change]) {
        for ch in changes {
            let one = std::slice::from_ref(ch);
            self.value += self.delta(one);
            self.moved = self.moved_after(one);
            self.apply_raw(one);
        }
    }

    /// The open collèges nearest an atom (by its first unit's walk) that it may walk to. The
    /// walk is only asked of the nearest few as the crow flies: a département has a thousand
    /// collèges and tens of thousands of blocks.
    fn nearest_colleges(&self, atom: u32) -> Vec<u32> {
        let Some(&unit) = self.units_of(atom).first() else {
            return Vec::new();
        };
        let at = self.t.unit(UnitId(unit)).anchor;
        let squeeze = at.y().to_radians().cos();
        let mut by_line: Vec<(f64, u32)> = self
            .t
            .colleges()
            .iter()
            .enumerate()
            .filter(|(c, _)| self.open[*c])
            .map(|(c, k)| {
                let (dx, dy) = ((k.location.x() - at.x()) * squeeze, k.location.y() - at.y());
                (dx * dx + dy * dy, c as u32)
            })
            .collect();
        let keep = (4 * FAR_CANDIDATES).min(by_line.len());
        if keep < by_line.len() {
            by_line.select_nth_unstable_by(keep, |a, b| a.0.total_cmp(&b.0));
            by_line.truncate(keep);
        }
        let mut near: Vec<(f64, u32)> = by_line
            .into_iter()
            .filter(|&(_, c)| self.atom_walk_allowed(atom, c))
            .filter_map(|(_, c)| Some((self.walk(unit, c)?, c)))
            .collect();
        near.sort_by(|a, b| a.0.total_cmp(&b.0));
        near.into_iter()
            .take(FAR_CANDIDATES)
            .map(|(_, c)| c)
            .collect()
    }

    /// The open collèges an atom may join, other than its own: those of the sectors next to
    /// it, and where sectors may be in pieces, the nearest it may walk to.
    pub fn neighbour_sectors(&self, atom: u32, out: &mut Vec<u32>) {
        out.clear();
        let own = self.sector_of_atom(atom);
        if let Some(far) = self.far.get(atom as usize) {
            for &c in far {
                if c != own && self.open[c as usize] && !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        for &u in self.units_of(atom) {
            for nb in self.t.adjacency().of(UnitId(u)) {
                let c = self.sector_of[nb.unit.index()];
                if c != NONE && c != own && self.open[c as usize] && !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }

    /// The movable atoms next to an atom in a given sector (each once, never the atom itself).
    pub fn neighbours_in(&self, atom: u32, college: u32, out: &mut Vec<u32>) {
        out.clear();
        for &u in self.units_of(atom) {
            for nb in self.t.adjacency().of(UnitId(u)) {
                let v = nb.unit.0;
                if self.sector_of[v as usize] != college {
                    continue;
                }
                let b = self.atom_of[v as usize];
                if b != atom && self.movable[b as usize] && !out.contains(&b) {
                    out.push(b);
                }
            }
        }
    }
}

impl Load {
    /// What a unit carries for the search: its pupils, groups, and the minority (or the
    /// pupils × IPS) of the index being lowered.
    fn of(p: &crate::model::Population, target: Target) -> Load {
        let pupils = p.pupils.unwrap_or(0.0);
        let mut l = Load {
            pupils,
            ..Load::default()
        };
        if let Some(g) = &p.groups {
            for (x, v) in l.groups.iter_mut().zip(g) {
                *x = *v;
            }
        }
        if target == Target::IpsSpread
            && let Some(ips) = p.ips_mean
        {
            (l.a, l.n) = (pupils * ips, pupils);
        }
        if let Target::Dissimilarity(m) = target {
            (l.a, l.n) = match m {
                Minority::Boursiers => match p.boursiers {
                    Some(b) => (b, pupils),
                    None => (0.0, 0.0),
                },
                Minority::Group(g) => match &p.groups {
                    Some(gs) => (gs.get(g).copied().unwrap_or(0.0), gs.iter().sum()),
                    None => (0.0, 0.0),
                },
            };
        }
        l
    }
}

/// The atoms: each unit alone, or, with `keep_schools`, the units of one école in one sector
/// together. Returns each unit's atom and the atoms' units (offsets and flat list).
fn atoms(t: &Territory, sector_of: &[u32], keep_schools: bool) -> (Vec<u32>, Vec<u32>, Vec<u32>) {
    let n = t.units().len();
    let mut atom_of = vec![0u32; n];
    let mut count = 0u32;
    let mut by_school: std::collections::HashMap<(&str, u32), u32> =
        std::collections::HashMap::new();
    for (u, unit) in t.units().iter().enumerate() {
        let school = unit
            .school
            .as_deref()
            .filter(|_| keep_schools && sector_of[u] != NONE);
        atom_of[u] = match school {
            Some(s) => *by_school.entry((s, sector_of[u])).or_insert_with(|| {
                count += 1;
                count - 1
            }),
            None => {
                count += 1;
                count - 1
            }
        };
    }
    // counting sort of the units by atom
    let mut start = vec![0u32; count as usize + 1];
    for &a in &atom_of {
        start[a as usize + 1] += 1;
    }
    for a in 0..count as usize {
        start[a + 1] += start[a];
    }
    let mut fill = start.clone();
    let mut units = vec![0u32; n];
    for (u, &a) in atom_of.iter().enumerate() {
        units[fill[a as usize] as usize] = u as u32;
        fill[a as usize] += 1;
    }
    (atom_of, start, units)
}

/// N·E of the territory: the constant that turns Σ φ_k into H − 1.
fn indices_norm_entropy(metrics: &Metrics, group_count: usize) -> Option<f64> {
    let counts = metrics.group_counts();
    let mut totals = vec![0.0; group_count];
    for row in &counts {
        for (t, x) in totals.iter_mut().zip(row) {
            *t += x;
        }
    }
    let n: f64 = totals.iter().sum();
    let e = crate::metrics::segregation::entropy_of(&totals);
    (n > 0.0 && e > 0.0).then_some(n * e)
}
