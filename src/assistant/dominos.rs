//! The dominos helper: a chain of border moves that relieves one overfull collège, as Nîmes
//! re-sectorised seven collèges around a closure. Each step gives one block at the border to the
//! next sector, whose own excess then moves on, until a collège with room takes the last one.

use std::collections::VecDeque;

use crate::metrics::Metrics;
use crate::model::{Assignment, CollegeId, Scenario, Sector, Territory, UnitId};

use super::Move;

/// A block that may move from `from`'s sector to `to`'s: unlocked, wholly in `from`, next to
/// `to`'s sector, its walk to `to` at most `max_walk_increase_m` longer than to `from`.
fn candidates(
    t: &Territory,
    s: &Scenario,
    m: &Metrics,
    from: CollegeId,
    to: CollegeId,
    max_walk_increase_m: f64,
) -> Vec<(UnitId, f64)> {
    t.unit_ids()
        .filter(|&u| s.assignment(u) == &Assignment::College(from) && !s.is_unit_locked(u))
        .filter(|&u| {
            t.adjacency()
                .of(u)
                .iter()
                .any(|nb| s.assignment(nb.unit).main_college() == Some(to))
        })
        .filter(|&u| match (m.walk_m(t, u, from), m.walk_m(t, u, to)) {
            (Some(a), Some(b)) => b <= a + max_walk_increase_m,
            _ => false,
        })
        .map(|u| (u, t.unit(u).population.pupils.unwrap_or(0.0)))
        .filter(|(_, p)| *p > 0.0)
        .collect()
}

/// The shortest chain of border moves (at most `max_steps`) after which `college` is no more
/// than `high` full (pupils / capacity) and every other collège of the chain either is within
/// `high` or no fuller than before. `None` when there is no such chain.
pub fn dominos(
    t: &Territory,
    s: &Scenario,
    m: &Metrics,
    college: CollegeId,
    high: f64,
    max_walk_increase_m: f64,
    max_steps: usize,
) -> Option<Vec<Move>> {
    let pupils: Vec<f64> = t.college_ids().map(|c| m.college(c, t).pupils).collect();
    let room = |c: CollegeId, load: f64| -> Option<f64> {
        let cap = t.college(c).capacity_pupils.filter(|x| *x > 0.0)?;
        Some(high * cap - load)
    };
    let excess = -room(college, pupils[college.index()])?;
    if excess <= 0.0 {
        return None;
    }
    let usable = |c: CollegeId| {
        t.college(c).sector == Sector::Public && s.is_college_open(c) && !s.is_college_locked(c)
    };
    if !usable(college) {
        return None;
    }
    // neighbouring sectors of each collège
    let mut next_to: Vec<Vec<CollegeId>> = vec![Vec::new(); t.colleges().len()];
    for u in t.unit_ids() {
        let Some(a) = s.assignment(u).main_college() else {
            continue;
        };
        for nb in t.adjacency().of(u) {
            if let Some(b) = s.assignment(nb.unit).main_college()
                && a != b
                && !next_to[a.index()].contains(&b)
            {
                next_to[a.index()].push(b);
            }
        }
    }
    // breadth first over chains: (collège reached, pupils it must pass on, moves so far)
    let mut queue: VecDeque<(CollegeId, f64, Vec<Move>)> = VecDeque::new();
    queue.push_back((college, excess, Vec::new()));
    while let Some((x, need, chain)) = queue.pop_front() {
        if chain.len() >= max_steps {
            continue;
        }
        for &y in &next_to[x.index()] {
            if !usable(y) || y == college || chain.iter().any(|mv| mv.from == y) {
                continue;
            }
            let cands = candidates(t, s, m, x, y, max_walk_increase_m);
            // the smallest block that covers the need, else the largest
            let pick = cands
                .iter()
                .filter(|(u, p)| *p >= need && !chain.iter().any(|mv| mv.units.contains(u)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .or_else(|| {
                    cands
                        .iter()
                        .filter(|(u, _)| !chain.iter().any(|mv| mv.units.contains(u)))
                        .max_by(|a, b| a.1.total_cmp(&b.1))
                });
            let Some(&(u, p)) = pick else { continue };
            let mut chain = chain.clone();
            chain.push(Move {
                units: vec![u],
                school: None,
                from: x,
                to: y,
                pupils: p,
                gain: 0.0,
                walk_before_m: m.walk_m(t, u, x),
                walk_after_m: m.walk_m(t, u, y),
            });
            // loads after the chain
            let mut load = pupils.clone();
            for mv in &chain {
                load[mv.from.index()] -= mv.pupils;
                load[mv.to.index()] += mv.pupils;
            }
            let fine = |c: CollegeId| match room(c, load[c.index()]) {
                Some(r) => r >= 0.0 || load[c.index()] <= pupils[c.index()],
                None => true,
            };
            let done = room(college, load[college.index()]).is_some_and(|r| r >= 0.0)
                && chain.iter().all(|mv| fine(mv.to) && fine(mv.from));
            if done {
                return Some(chain);
            }
            // y now has too many: it passes the surplus on
            let surplus = room(y, load[y.index()]).map_or(p, |r| (-r).max(0.0));
            let still = room(college, load[college.index()]).map_or(0.0, |r| (-r).max(0.0));
            queue.push_back((y, surplus.max(still), chain));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::MetricsConfig;

    #[test]
    fn a_chain_of_border_moves_relieves_an_overfull_college() {
        let town = crate::generate::demo_town(2026);
        let (t, s) = (&town.territory, &town.baseline);
        let m = Metrics::new(t, s, MetricsConfig::default());
        // the demo's fullest collège
        let c = t
            .college_ids()
            .filter(|&c| m.college(c, t).capacity_use.is_some_and(|u| u > 1.0))
            .max_by(|a, b| {
                let u = |c| m.college(c, t).capacity_use.unwrap_or(0.0);
                u(*a).total_cmp(&u(*b))
            })
            .unwrap();
        let chain = dominos(t, s, &m, c, 1.0, 1500.0, 5).unwrap();
        assert!(!chain.is_empty() && chain.len() <= 5);
        assert_eq!(chain[0].from, c);
        // each move starts where the previous one arrived
        for w in chain.windows(2) {
            assert_eq!(w[0].to, w[1].from);
        }
        let mut after = s.clone();
        for (u, a) in chain.iter().flat_map(|mv| mv.assignments()) {
            after.replace_assignment(u, a);
        }
        let ma = Metrics::new(t, &after, MetricsConfig::default());
        assert!(ma.college(c, t).capacity_use.unwrap() <= 1.0 + 1e-9);
        for mv in &chain {
            let k = mv.to;
            let (now, was) = (
                ma.college(k, t).capacity_use.unwrap(),
                m.college(k, t).capacity_use.unwrap(),
            );
            assert!(
                now <= 1.0 + 1e-9 || now <= was + 1e-9,
                "{k:?}: {was} → {now}"
            );
        }
    }
}
