//! The assistant: proposes a sectorisation that lowers a chosen segregation index, under the
//! facilitator's constraints, by local search over border units.
//!
//! Three phases, each reporting its best-so-far:
//! 1. a greedy hill climb from the scenario (the first proposal, in well under a second on a
//!    metropolis);
//! 2. simulated annealing from there (moves of one border unit to a neighbouring sector, and swaps
//!    of two adjacent units between their sectors), with a temperature that falls with the budget
//!    used (from a hotter start where sectors must stay in one piece);
//! 3. a polish: hill climb from the best state found, then every move that does not help is
//!    given back (fewer pupils moved for the same index), until nothing changes.
//!
//! The result is therefore never worse than the greedy climb and is a local optimum: no single
//! move or swap of a border unit improves it. Units are moved whole, never split; locked units and
//! collèges, private and closed collèges and shared units are left alone. When écoles are kept
//! whole, what moves is an école's catchment (all its units in a sector) rather than one unit.

pub mod check;
pub mod dominos;
pub mod ensemble;
pub mod exact;
pub mod frontier;
mod state;

use std::time::{Duration, Instant};

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::metrics::{Metrics, Minority};
use crate::model::{Assignment, CollegeId, Edit, Scenario, Territory, UnitId};
use state::{Change, NONE, State};

/// The index the assistant lowers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Target {
    /// Theil's entropy index H over the social groups.
    Entropy,
    /// Duncan's dissimilarity of a minority (boursiers, or a social group).
    Dissimilarity(Minority),
    /// The spread of public collèges' IPS (it needs only IPS). The search lowers its square,
    /// the pupil-weighted variance, a sum of per-collège terms.
    IpsSpread,
}

impl Target {
    /// This index in a scenario's territory indices, when known, on the scale the search
    /// uses (H and D in 0-1, the IPS spread as a variance in points²).
    pub fn value(self, indices: &crate::metrics::TerritoryIndices) -> Option<f64> {
        match self {
            Target::Entropy => indices.entropy.map(|e| e.indices.h),
            Target::Dissimilarity(m) => indices.minority(m).and_then(|x| x.dissimilarity),
            Target::IpsSpread => indices.ips_spread.map(|s| s.spread * s.spread),
        }
    }

    /// A value of [`Target::value`] as people read it: H and D out of 100, the IPS spread in
    /// IPS points.
    pub fn display(self, value: f64) -> f64 {
        match self {
            Target::Entropy | Target::Dissimilarity(_) => value * 100.0,
            Target::IpsSpread => value.max(0.0).sqrt(),
        }
    }
}

/// What the proposal must respect. `None` means no limit.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Constraints {
    /// Capacity use (pupils / capacity) every collège must stay within, e.g. (0.7, 1.05). A
    /// collège already outside may not get further out.
    pub capacity: Option<(f64, f64)>,
    /// Longest walk allowed to a new collège, metres.
    pub max_walk_m: Option<f64>,
    /// Longest increase of a unit's walk over its baseline collège, metres.
    pub max_walk_increase_m: Option<f64>,
    /// Most pupils sent to another collège than in the baseline.
    pub max_moved_pupils: Option<f64>,
    /// Sectors may not break into more pieces than they have.
    pub keep_contiguous: bool,
    /// The units of one école move together (no école is split further than it is).
    #[serde(default)]
    pub keep_schools: bool,
}

impl Constraints {
    /// The rules as they bind on a territory: the capacity bounds dropped where no collège
    /// has a capacity (they would bind nothing, and saying them would mislead).
    pub fn binding_on(&self, t: &Territory) -> Constraints {
        Constraints {
            capacity: self.capacity.filter(|_| t.has_capacities()),
            ..self.clone()
        }
    }
}

impl Default for Constraints {
    fn default() -> Self {
        Constraints {
            capacity: Some((0.7, 1.05)),
            max_walk_m: None,
            max_walk_increase_m: Some(1000.0),
            max_moved_pupils: None,
            keep_contiguous: true,
            keep_schools: true,
        }
    }
}

/// How long to search.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    /// Wall-clock limit of the annealing.
    pub time: Duration,
    /// Limit on annealing steps (the test's deterministic budget).
    pub steps: u64,
    /// Seed of the random choices.
    pub seed: u64,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            time: Duration::from_secs(20),
            steps: u64::MAX,
            seed: 1,
        }
    }
}

/// Which phase the search is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Greedy climb from the scenario.
    Greedy,
    /// Simulated annealing.
    Annealing,
    /// Final climb and giving back useless moves.
    Polish,
}

/// What the search reports while it runs.
#[derive(Debug, Clone)]
pub struct Progress {
    /// Share of the budget used (0-1).
    pub fraction: f32,
    /// The phase.
    pub phase: Phase,
    /// The index at the start.
    pub start_value: f64,
    /// The best index found so far.
    pub best_value: f64,
    /// The best scenario's changes so far, when they changed since the last report.
    pub best_moves: Option<Vec<Move>>,
}

/// One unit, or one école's units, that the proposal sends elsewhere.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Move {
    /// The units (one, or an école's in one sector).
    pub units: Vec<UnitId>,
    /// The école whose units move together, when écoles are kept whole.
    pub school: Option<String>,
    /// Its collège in the scenario the search started from.
    pub from: CollegeId,
    /// Its proposed collège.
    pub to: CollegeId,
    /// Its pupils.
    pub pupils: f64,
    /// How much worse the index would be without this move alone (positive: the move helps).
    pub gain: f64,
    /// Walking distance before, metres (the pupils' mean over the units), when known.
    pub walk_before_m: Option<f64>,
    /// Walking distance after.
    pub walk_after_m: Option<f64>,
}

impl Move {
    /// The assignments this move makes.
    pub fn assignments(&self) -> impl Iterator<Item = (UnitId, Assignment)> + '_ {
        self.units
            .iter()
            .map(|&u| (u, Assignment::College(self.to)))
    }
}

/// The assistant's proposal.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Proposal {
    /// The index it lowers.
    pub target: Target,
    /// The index of the scenario it started from.
    pub start_value: f64,
    /// The index after the first (greedy) proposal.
    pub greedy_value: f64,
    /// The index of the proposal, as the search counted it.
    pub value: f64,
    /// The moves, from the start scenario, largest gain first.
    pub moves: Vec<Move>,
    /// When the first proposal was ready.
    pub first_after: Duration,
    /// Total time.
    pub elapsed: Duration,
    /// Annealing steps made.
    pub steps: u64,
    /// True when the search was stopped before its budget.
    pub stopped: bool,
}

impl Proposal {
    /// Pupils of the moved units.
    pub fn moved_pupils(&self) -> f64 {
        self.moves.iter().map(|m| m.pupils).sum()
    }

    /// The edit that makes the chosen moves (all when `keep` is `None`).
    pub fn edit(&self, keep: Option<&[bool]>) -> Edit {
        Edit::Assign(
            self.moves
                .iter()
                .enumerate()
                .filter(|(i, _)| keep.is_none_or(|k| k.get(*i).copied().unwrap_or(false)))
                .flat_map(|(_, m)| m.assignments())
                .collect(),
        )
    }

    /// The scenario with the chosen moves made (outside any document: for tests and the CLI).
    pub fn scenario(&self, start: &Scenario) -> Scenario {
        let mut s = start.clone();
        for (u, a) in self.moves.iter().flat_map(Move::assignments) {
            s.replace_assignment(u, a);
        }
        s
    }
}

/// Why the assistant cannot run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AssistantError {
    /// The index cannot be computed (no social groups, no boursier counts).
    #[error("the chosen index is unknown for this territory: its data lacks the counts it needs")]
    IndexUnknown,
    /// Nothing can move.
    #[error("no unit can change collège: every unit or collège is locked, closed or private")]
    NothingMovable,
}

/// Tolerance under which an index change counts as none.
const EPS: f64 = 1e-11;

/// Below this, a change of the index is rounding: the move leaves it as it is.
const TIE: f64 = 1e-12;

/// What the assistant is asked.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The territory.
    pub territory: &'a Territory,
    /// The scenario the search starts from.
    pub start: &'a Scenario,
    /// The scenario pupils moved and walking increases are measured against (the current map).
    pub baseline: &'a Scenario,
    /// The indicators of `start`.
    pub metrics: &'a Metrics,
    /// The index to lower.
    pub target: Target,
    /// The constraints.
    pub constraints: &'a Constraints,
}

impl<'a> Request<'a> {
    /// A request that starts from the baseline itself (the usual case: the current map).
    pub fn from_baseline(
        territory: &'a Territory,
        baseline: &'a Scenario,
        metrics: &'a Metrics,
        target: Target,
        constraints: &'a Constraints,
    ) -> Self {
        Request {
            territory,
            start: baseline,
            baseline,
            metrics,
            target,
            constraints,
        }
    }

    fn state(&self) -> Result<State<'_>, AssistantError> {
        State::new(
            self.territory,
            self.start,
            self.baseline,
            self.metrics,
            self.target,
            self.constraints.clone(),
        )
        .ok_or(AssistantError::IndexUnknown)
    }
}

/// Proposes a sectorisation. `report` is called often with the progress; it returns false to
/// stop (the best so far is still returned, polished).
pub fn propose(
    r: &Request,
    budget: Budget,
    report: &mut dyn FnMut(&Progress) -> bool,
) -> Result<Proposal, AssistantError> {
    let began = Instant::now();
    let (t, target) = (r.territory, r.target);
    let mut s = r.state()?;
    let movable: Vec<u32> = (0..s.movable.len() as u32)
        .filter(|&a| s.movable[a as usize])
        .collect();
    let mut nb = Vec::new();
    if !movable.iter().any(|&u| {
        s.neighbour_sectors(u, &mut nb);
        !nb.is_empty()
    }) {
        return Err(AssistantError::NothingMovable);
    }
    let start_sector = s.sector_of.clone();
    let start_value = s.value;
    let mut rng = ChaCha8Rng::seed_from_u64(budget.seed);
    let mut stopped = false;
    let mut progress = |s: &State, fraction: f32, phase: Phase, best: f64, with_moves: bool| {
        let p = Progress {
            fraction,
            phase,
            start_value,
            best_value: best,
            best_moves: with_moves.then(|| moves_of(s, t, &start_sector)),
        };
        report(&p)
    };

    // 1. greedy, cut short on a large territory so that the first proposal comes quickly (the
    // annealing goes on from where it stands)
    climb(&mut s, &movable, true, Some(began + FIRST_WITHIN));
    let greedy_value = s.value;
    let first_after = began.elapsed();
    if !progress(&s, 0.0, Phase::Greedy, s.value, true) {
        stopped = true;
    }

    // 2. annealing
    let mut best = s.sector_of.clone();
    let mut best_value = s.value;
    let mut steps = 0u64;
    if !stopped {
        let heat = if r.constraints.keep_contiguous {
            HEAT_IN_ONE_PIECE
        } else {
            1.0
        };
        let t0 = heat * initial_temperature(&mut s, &movable, &mut rng);
        let capped = r.constraints.max_moved_pupils.is_some();
        let mut changed_since_report = false;
        let mut last_report = Instant::now();
        loop {
            if steps.is_multiple_of(256) {
                let fraction = anneal_fraction(steps, began.elapsed() - first_after, budget);
                if fraction >= 1.0 {
                    break;
                }
                if last_report.elapsed() > Duration::from_millis(150) {
                    last_report = Instant::now();
                    let show = changed_since_report;
                    changed_since_report = false;
                    if !report_best(&mut s, &best, fraction, best_value, show, &mut progress) {
                        stopped = true;
                        break;
                    }
                }
            }
            let fraction = anneal_fraction(steps, began.elapsed() - first_after, budget);
            let temperature = t0 * (1e-3f64).powf(fraction);
            steps += 1;
            let Some((changes, len)) = random_change(&s, &movable, &mut rng, &mut nb) else {
                continue;
            };
            let changes = &changes[..len];
            let d = s.delta(changes);
            let accept = if d.abs() < TIE && capped {
                // a move that leaves the index as it is (a block passed between two sectors
                // on the same side of the balance, an empty block): under a cap on pupils
                // moved, made only when it moves no more pupils, or such moves would drift and
                // spend the cap for nothing
                s.moved_after(changes) <= s.moved + 1e-9
            } else {
                d < 0.0 || rng.random::<f64>() < (-d / temperature.max(1e-300)).exp()
            };
            if accept && s.allowed(changes) {
                s.apply(changes);
                if s.value < best_value - EPS {
                    best_value = s.value;
                    best.copy_from_slice(&s.sector_of);
                    changed_since_report = true;
                }
            }
        }
    }

    // 3. polish from the best state
    restore(&mut s, &best);
    s.recount();
    progress(&s, 1.0, Phase::Polish, s.value, false);
    let polish_until = Instant::now() + POLISH_WITHIN.max(budget.time / 10);
    for _ in 0..8 {
        let improved = climb(&mut s, &movable, true, Some(polish_until));
        let given_back = give_back(&mut s, &movable, &start_sector);
        if !improved && !given_back {
            break;
        }
    }
    let mut moves = moves_of(&s, t, &start_sector);
    moves.sort_by(|a, b| b.gain.total_cmp(&a.gain));
    Ok(Proposal {
        target,
        start_value,
        greedy_value,
        value: s.value,
        moves,
        first_after,
        elapsed: began.elapsed(),
        steps,
        stopped,
    })
}

/// The simple hill climb the proposal is measured against: single moves of border units that
/// lower the index, in unit order, until none does. Returns the index reached and the moves.
pub fn hill_climb(r: &Request) -> Result<(f64, Vec<Move>), AssistantError> {
    let t = r.territory;
    let mut s = r.state()?;
    let movable: Vec<u32> = (0..s.movable.len() as u32)
        .filter(|&a| s.movable[a as usize])
        .collect();
    let start_sector = s.sector_of.clone();
    climb(&mut s, &movable, false, None);
    Ok((s.value, moves_of(&s, t, &start_sector)))
}

fn anneal_fraction(steps: u64, elapsed: Duration, budget: Budget) -> f64 {
    let by_steps = steps as f64 / budget.steps.max(1) as f64;
    let by_time = elapsed.as_secs_f64() / budget.time.as_secs_f64().max(1e-9);
    by_steps.max(by_time).min(1.0)
}

fn report_best(
    s: &mut State,
    best: &[u32],
    fraction: f64,
    best_value: f64,
    with_moves: bool,
    progress: &mut impl FnMut(&State, f32, Phase, f64, bool) -> bool,
) -> bool {
    if !with_moves {
        return progress(s, fraction as f32, Phase::Annealing, best_value, false);
    }
    // report the best state's moves: swap it in, report, swap back
    let here = s.sector_of.clone();
    restore(s, best);
    let go_on = progress(s, fraction as f32, Phase::Annealing, best_value, true);
    restore(s, &here);
    go_on
}

/// Moves every atom whose sector differs from `target`, a map of units that keeps atoms
/// together (through the state, keeping counts).
fn restore(s: &mut State, target: &[u32]) {
    let changes: Vec<Change> = (0..s.atom_count() as u32)
        .filter_map(|a| {
            let first = s.units_of(a)[0] as usize;
            (s.sector_of[first] != target[first]).then(|| Change {
                atom: a,
                from: s.sector_of[first],
                to: target[first],
            })
        })
        .collect();
    s.apply(&changes);
}

/// A random move of a border atom to a neighbouring sector, or a swap of two adjacent atoms.
fn random_change(
    s: &State,
    movable: &[u32],
    rng: &mut ChaCha8Rng,
    nb: &mut Vec<u32>,
) -> Option<([Change; 2], usize)> {
    let a = movable[rng.random_range(0..movable.len())];
    s.neighbour_sectors(a, nb);
    if nb.is_empty() {
        return None;
    }
    let from = s.sector_of_atom(a);
    let to = nb[rng.random_range(0..nb.len())];
    let first = Change { atom: a, from, to };
    let draw = rng.random::<f64>();
    if draw < 0.2 && s.over_cap(&[first]) {
        // at the cap on pupils moved: the move paired with the return home of an atom moved
        // earlier, anywhere (a single worsening return would rarely be accepted when cold)
        if let Some(second) = return_home(s, rng, a) {
            return Some(([first, second], 2));
        }
    }
    if (0.3..0.45).contains(&draw) {
        // a neighbour in the same sector moved along: where sectors stay in one piece, a block
        // whose leaving alone would cut its sector in two may leave with the one behind it
        s.neighbours_in(a, from, nb);
        if !nb.is_empty() {
            let b = nb[rng.random_range(0..nb.len())];
            return Some(([first, Change { atom: b, from, to }], 2));
        }
        return Some(([first, first], 1));
    }
    if draw < 0.3 {
        s.neighbours_in(a, to, nb);
        if !nb.is_empty() {
            let b = nb[rng.random_range(0..nb.len())];
            let second = Change {
                atom: b,
                from: to,
                to: from,
            };
            return Some(([first, second], 2));
        }
    }
    Some(([first, first], 1))
}

/// A random atom away from its baseline collège (other than `not`) sent back there.
fn return_home(s: &State, rng: &mut ChaCha8Rng, not: u32) -> Option<Change> {
    let away = s.away();
    if away.is_empty() {
        return None;
    }
    let x = away[rng.random_range(0..away.len())];
    if x == not {
        return None;
    }
    s.back_home(x)
}

/// The median worsening of random moves, the unit of the starting temperature.
fn initial_temperature(s: &mut State, movable: &[u32], rng: &mut ChaCha8Rng) -> f64 {
    let mut nb = Vec::new();
    let mut ups: Vec<f64> = (0..400)
        .filter_map(|_| random_change(s, movable, rng, &mut nb))
        .map(|(c, len)| s.delta(&c[..len]))
        .filter(|d| *d > 0.0)
        .collect();
    if ups.is_empty() {
        return 1e-6;
    }
    ups.sort_by(f64::total_cmp);
    ups[ups.len() / 2]
}

/// How hot the annealing starts when sectors must stay in one piece, in median worsenings of
/// random moves (one where they may be in pieces): a median worsening is first accepted nine
/// times in ten rather than a third of the time, and the temperature falls a thousandfold over
/// the budget. Contiguity cuts the maps that respect the rules into basins that only a hot
/// search crosses. Measured on the demo in one piece (boursiers, at most 550 pupils moved, walks
/// at most 1 km longer, 42 million steps): starting at one median, the search found its best
/// within the first fifth of the budget and stayed in the basin it had cooled into, 0.2647-0.2649
/// for two seeds in three and 0.2628 for the third. At ten medians every one of eight seeds
/// reaches 0.2628 (0.26276-0.26279, the best an exact solver found in 600 s); at three or at
/// thirty, one seed in four or six stops at 0.2632-0.2633; colder starts (a tenth or a third of
/// a median) stop at 0.2657-0.2684. Lille in one piece gives 0.1188 either way. Where sectors
/// may be in pieces, the demo reaches its proven optimum, 0.2025, at one median and at ten, but
/// Lille is a little better at one (0.1111-0.1118 for three seeds, 0.1114-0.1124 at ten).
const HEAT_IN_ONE_PIECE: f64 = 10.0;

/// When the greedy climb stops at the latest, so that the first proposal shows within 2 s on a
/// département of 50,000 blocks (the demo's climb ends in milliseconds, long before).
const FIRST_WITHIN: Duration = Duration::from_millis(1500);

/// How long the final polish may take at most (or a tenth of the search's time, if longer): on
/// the demo it ends in milliseconds; on 50,000 blocks it would otherwise add seconds to each
/// point of the frontier.
const POLISH_WITHIN: Duration = Duration::from_millis(1500);

/// First-improvement hill climb over single moves (and swaps when `swaps`), until no move
/// improves or `deadline` passes. Returns true when anything changed.
fn climb(s: &mut State, movable: &[u32], swaps: bool, deadline: Option<Instant>) -> bool {
    let mut any = false;
    let (mut nb, mut partners) = (Vec::new(), Vec::new());
    loop {
        let mut improved = false;
        for (i, &a) in movable.iter().enumerate() {
            if i % 64 == 0 && deadline.is_some_and(|d| Instant::now() >= d) {
                return any || improved;
            }
            s.neighbour_sectors(a, &mut nb);
            for &to in &nb.clone() {
                let from = s.sector_of_atom(a);
                let single = [Change { atom: a, from, to }];
                let gain = s.delta(&single);
                if gain < -EPS && s.allowed(&single) {
                    s.apply(&single);
                    improved = true;
                    break;
                }
                if gain < -EPS && swaps && s.over_cap(&single) && exchange(s, single[0]) {
                    improved = true;
                    break;
                }
                if !swaps {
                    continue;
                }
                s.neighbours_in(a, to, &mut partners);
                let mut done = false;
                for &b in &partners {
                    let pair = [
                        Change { atom: a, from, to },
                        Change {
                            atom: b,
                            from: to,
                            to: from,
                        },
                    ];
                    if s.delta(&pair) < -EPS && s.allowed(&pair) {
                        s.apply(&pair);
                        done = true;
                        break;
                    }
                }
                if done {
                    improved = true;
                    break;
                }
            }
        }
        if !improved {
            return any;
        }
        any = true;
    }
}

/// Makes an improving move that would go over the cap on pupils moved, together with the
/// return home of the atom moved earlier that best pairs with it, when the pair lowers the
/// index and keeps every rule. Returns true when made.
fn exchange(s: &mut State, first: Change) -> bool {
    let mut best: Option<(f64, Change)> = None;
    for i in 0..s.away().len() {
        let x = s.away()[i];
        if x == first.atom {
            continue;
        }
        let Some(back) = s.back_home(x) else {
            continue;
        };
        let d = s.delta(&[first, back]);
        if d < -EPS && best.is_none_or(|(b, _)| d < b) && s.allowed(&[first, back]) {
            best = Some((d, back));
        }
    }
    let Some((_, back)) = best else {
        return false;
    };
    s.apply(&[first, back]);
    true
}

/// Gives back to their starting collège the moved atoms whose return does not raise the index.
fn give_back(s: &mut State, movable: &[u32], start: &[u32]) -> bool {
    let mut any = false;
    for &a in movable {
        let first = s.units_of(a)[0] as usize;
        let (now, was) = (s.sector_of[first], start[first]);
        if now == was || was == NONE {
            continue;
        }
        let back = [Change {
            atom: a,
            from: now,
            to: was,
        }];
        if s.delta(&back) < TIE && s.allowed(&back) {
            s.apply(&back);
            any = true;
        }
    }
    any
}

fn moves_of(s: &State, t: &Territory, start: &[u32]) -> Vec<Move> {
    (0..s.atom_count() as u32)
        .filter_map(|a| {
            let units = s.units_of(a);
            let first = units[0] as usize;
            let (from, to) = (start[first], s.sector_of[first]);
            if from == to || from == NONE || to == NONE {
                return None;
            }
            let back = [Change {
                atom: a,
                from: to,
                to: from,
            }];
            // the pupils' mean walk over the units whose walk is known
            let mean_walk = |c: u32| {
                let (mut sum, mut weight) = (0.0, 0.0);
                for &u in units {
                    let p = t.unit(UnitId(u)).population.pupils.unwrap_or(0.0);
                    if let Some(d) = s.walk(u, c) {
                        sum += p * d;
                        weight += p;
                    }
                }
                (weight > 0.0).then(|| sum / weight).or_else(|| {
                    // no pupils counted: a plain mean of the known walks
                    let known: Vec<f64> = units.iter().filter_map(|&u| s.walk(u, c)).collect();
                    (!known.is_empty()).then(|| known.iter().sum::<f64>() / known.len() as f64)
                })
            };
            let school = t.unit(UnitId(units[0])).school.clone();
            Some(Move {
                units: units.iter().map(|&u| UnitId(u)).collect(),
                school: school.filter(|_| s.atoms_are_schools()),
                from: CollegeId(from),
                to: CollegeId(to),
                pupils: s.atom_pupils(a),
                gain: s.delta(&back),
                walk_before_m: mean_walk(from),
                walk_after_m: mean_walk(to),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
