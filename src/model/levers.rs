//! The levers the field uses beyond moving blocks: closing a collège (its blocks go to the
//! nearest open collège, as a starting point the facilitator then adjusts), and shared sectors
//! (the sectors of several collèges merged under one rule).

use super::edit::Edit;
use super::scenario::{Assignment, Scenario};
use super::territory::{College, CollegeId, Sector, Territory, UnitId};
use crate::metrics::Metrics;

/// What closing a collège does: the edits (one undo step) and where its blocks go.
#[derive(Debug, Clone, PartialEq)]
pub struct Closure {
    /// Reassignments, then the closure itself.
    pub edits: Vec<Edit>,
    /// For each receiving collège: blocks and pupils it receives.
    pub destinations: Vec<(CollegeId, usize, f64)>,
    /// Blocks that found no open collège (left unassigned).
    pub stranded: Vec<UnitId>,
}

/// Plans the closure of `college` in `scenario`: every block going there is given to the open,
/// unlocked public collège nearest on foot (the indicators' walking model); a shared block
/// keeps its other shares, scaled up to 100 %.
pub fn close_college(
    t: &Territory,
    scenario: &Scenario,
    metrics: &Metrics,
    college: CollegeId,
) -> Closure {
    let candidates: Vec<CollegeId> = t
        .college_ids()
        .filter(|&c| {
            c != college
                && t.college(c).sector == Sector::Public
                && scenario.is_college_open(c)
                && !scenario.is_college_locked(c)
        })
        .collect();
    let mut assign = Vec::new();
    let mut destinations: Vec<(CollegeId, usize, f64)> = Vec::new();
    let mut stranded = Vec::new();
    for u in t.unit_ids() {
        let a = scenario.assignment(u);
        if !a.involves(college) {
            continue;
        }
        let pupils = t.unit(u).population.pupils.unwrap_or(0.0);
        let others: Vec<(CollegeId, f64)> = a.shares().filter(|&(c, _)| c != college).collect();
        let kept: f64 = others.iter().map(|(_, s)| s).sum();
        let new = if kept > 0.0 {
            let v: Vec<(CollegeId, f64)> = others.iter().map(|&(c, s)| (c, s / kept)).collect();
            match v.as_slice() {
                [(c, _)] => Assignment::College(*c),
                _ => Assignment::Shares(v),
            }
        } else {
            let nearest = candidates.iter().copied().min_by(|&x, &y| {
                let d = |c| {
                    metrics
                        .walk_m(t, u, c)
                        .unwrap_or_else(|| t.straight_line_m(u, c))
                };
                d(x).total_cmp(&d(y))
            });
            match nearest {
                Some(c) => {
                    match destinations.iter_mut().find(|d| d.0 == c) {
                        Some(d) => {
                            d.1 += 1;
                            d.2 += pupils;
                        }
                        None => destinations.push((c, 1, pupils)),
                    }
                    Assignment::College(c)
                }
                None => {
                    stranded.push(u);
                    Assignment::Unassigned
                }
            }
        };
        assign.push((u, new));
    }
    destinations.sort_by(|a, b| b.2.total_cmp(&a.2));
    Closure {
        edits: vec![
            Edit::Assign(assign),
            Edit::OpenColleges(vec![(college, false)]),
        ],
        destinations,
        stranded,
    }
}

/// Sends every pupil of the collèges `from` to `to` (shares included), as one edit.
fn transfer(t: &Territory, s: &Scenario, from: &[CollegeId], to: CollegeId) -> Edit {
    Edit::Assign(
        t.unit_ids()
            .filter(|&u| from.iter().any(|&c| s.assignment(u).involves(c)))
            .map(|u| {
                let mut shares: Vec<(CollegeId, f64)> = Vec::new();
                for (c, share) in s.assignment(u).shares() {
                    let c = if from.contains(&c) { to } else { c };
                    match shares.iter_mut().find(|x| x.0 == c) {
                        Some(x) => x.1 += share,
                        None => shares.push((c, share)),
                    }
                }
                let a = match shares.as_slice() {
                    [(c, _)] => Assignment::College(*c),
                    _ => Assignment::Shares(shares),
                };
                (u, a)
            })
            .collect(),
    )
}

/// A UAI-like key for a planned collège (it has no national number yet).
fn planned_uai(t: &Territory, stem: &str) -> String {
    (1..)
        .map(|n| format!("{stem}-{n}"))
        .find(|k| t.college_by_uai(k).is_none())
        .unwrap_or_default()
}

/// Opens a new public collège at `location` with `capacity` places, in the active scenario
/// (one undo step closes it again). Returns its id.
pub fn open_new_college(
    doc: &mut crate::model::Document,
    name: &str,
    location: geo::Point<f64>,
    capacity: Option<f64>,
) -> Result<CollegeId, crate::model::DocumentError> {
    let t = doc.territory().clone();
    let short = name.trim_start_matches("Collège ").to_string();
    let college = super::territory::College {
        short_name: short,
        capacity_pupils: capacity,
        ..super::territory::College::public(planned_uai(&t, "PROJET"), location).named(name)
    };
    let id = doc.add_college(college)?;
    doc.apply_step(vec![Edit::OpenColleges(vec![(id, true)])])?;
    Ok(id)
}

/// Rebuilds a collège elsewhere: a new building at `location` takes all its pupils, the old
/// one closes (one undo step). Returns the new building's id.
pub fn move_college(
    doc: &mut crate::model::Document,
    college: CollegeId,
    location: geo::Point<f64>,
    suffix: &str,
) -> Result<CollegeId, crate::model::DocumentError> {
    let t = doc.territory().clone();
    let old = t.college(college);
    let mut new = old.clone();
    new.uai = planned_uai(&t, &old.uai);
    new.name = format!("{} ({suffix})", old.name);
    new.location = location;
    replace_colleges(doc, new, &[college])
}

/// Adds `new` (a planned building: nothing observed yet), gives it every pupil of `old` and
/// closes them, in one undo step.
fn replace_colleges(
    doc: &mut crate::model::Document,
    mut new: College,
    old: &[CollegeId],
) -> Result<CollegeId, crate::model::DocumentError> {
    new.observed_ips = None;
    new.observed_pupils = None;
    let id = doc.add_college(new)?;
    let s = &doc.active().scenario;
    let t = doc.territory().clone();
    let step = vec![
        Edit::OpenColleges(vec![(id, true)]),
        transfer(&t, s, old, id),
        Edit::OpenColleges(old.iter().map(|&c| (c, false)).collect()),
    ];
    doc.apply_step(step)?;
    Ok(id)
}

/// Merges two collèges into one at the first's place, with both capacities (one undo step).
pub fn merge_colleges(
    doc: &mut crate::model::Document,
    a: CollegeId,
    b: CollegeId,
) -> Result<CollegeId, crate::model::DocumentError> {
    let t = doc.territory().clone();
    let (ca, cb) = (t.college(a), t.college(b));
    let mut new = ca.clone();
    new.uai = planned_uai(&t, "FUSION");
    new.name = format!("{} + {}", ca.name, cb.short_name);
    new.short_name = format!("{} + {}", ca.short_name, cb.short_name);
    new.capacity_pupils = match (ca.capacity_pupils, cb.capacity_pupils) {
        (Some(x), Some(y)) => Some(x + y),
        _ => None,
    };
    new.capacity_6e_classes = match (ca.capacity_6e_classes, cb.capacity_6e_classes) {
        (Some(x), Some(y)) => Some(x + y),
        _ => None,
    };
    replace_colleges(doc, new, &[a, b])
}

/// A shared sector planned from the sectors of `colleges`: the edits that make it (one undo
/// step) and, for an algorithmic assignment, the simulation its shares come from.
#[derive(Debug, Clone)]
pub struct SharedPlan {
    /// The units' new shares, then the scenario's new list of shared sectors.
    pub edits: Vec<Edit>,
    /// The sector.
    pub sector: super::shared::SharedSector,
    /// The simulated assignment (algorithmic rule only).
    pub lottery: Option<crate::metrics::shared::LotteryOutcome>,
}

/// Merges the sectors of `colleges` (their unlocked units, by main collège) into one shared
/// sector under `rule`. A montée alternée gives each unit an equal share of each collège (the
/// average over a cycle); an algorithmic assignment gives each unit its simulated odds.
pub fn make_shared(
    t: &Territory,
    scenario: &Scenario,
    metrics: &Metrics,
    name: String,
    colleges: Vec<CollegeId>,
    rule: super::shared::Rule,
) -> SharedPlan {
    use super::shared::{Rule, SharedSector};
    let units: Vec<UnitId> = t
        .unit_ids()
        .filter(|&u| {
            !scenario.is_unit_locked(u)
                && scenario
                    .assignment(u)
                    .main_college()
                    .is_some_and(|c| colleges.contains(&c))
        })
        .collect();
    let sector = SharedSector {
        name,
        units,
        colleges,
        rule,
    };
    let n = sector.colleges.len().max(1) as f64;
    let (assign, lottery): (Vec<(UnitId, Assignment)>, _) = match &sector.rule {
        Rule::Alternating { .. } => (
            sector
                .units
                .iter()
                .map(|&u| {
                    let shares = sector.colleges.iter().map(|&c| (c, 1.0 / n)).collect();
                    (u, Assignment::Shares(shares))
                })
                .collect(),
            None,
        ),
        Rule::Lottery(r) => {
            let out = crate::metrics::shared::simulate_lottery(t, metrics, &sector, r);
            let assign = sector
                .units
                .iter()
                .filter_map(|&u| {
                    let shares = out.shares(u, &sector.colleges)?;
                    Some((u, Assignment::Shares(shares)))
                })
                .collect();
            (assign, Some(out))
        }
    };
    let mut list = scenario.shared_sectors().to_vec();
    // a collège belongs to one shared sector at most: the new one replaces any that overlap
    list.retain(|s| !s.colleges.iter().any(|c| sector.colleges.contains(c)));
    list.push(sector.clone());
    SharedPlan {
        edits: vec![Edit::Assign(assign), Edit::SetSharedSectors(list)],
        sector,
        lottery,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::MetricsConfig;
    use crate::model::Document;
    use std::sync::Arc;

    #[test]
    fn a_closed_college_gives_its_blocks_to_the_nearest_and_undo_reopens_it() {
        let town = crate::generate::demo_town(2026);
        let t = Arc::new(town.territory);
        let mut d = Document::new(t.clone(), town.baseline, MetricsConfig::default());
        d.new_scenario_from_active("fermeture");
        let c = CollegeId(0);
        let before = d.active().metrics.clone();
        let pupils_before = before.college(c, &t).pupils;
        assert!(pupils_before > 0.0);
        let plan = close_college(&t, &d.active().scenario, &d.active().metrics, c);
        // hand check: each block goes to the open public collège nearest on foot
        if let Edit::Assign(v) = &plan.edits[0] {
            for (u, a) in v {
                let got = a.main_college().unwrap();
                let best = t
                    .college_ids()
                    .filter(|&k| k != c && t.college(k).sector == Sector::Public)
                    .min_by(|&x, &y| {
                        before
                            .walk_m(&t, *u, x)
                            .unwrap()
                            .total_cmp(&before.walk_m(&t, *u, y).unwrap())
                    })
                    .unwrap();
                assert_eq!(got, best);
            }
        }
        let moved: f64 = plan.destinations.iter().map(|d| d.2).sum();
        assert!((moved - pupils_before).abs() < 1e-6);
        d.apply_step(plan.edits).unwrap();
        assert!(!d.active().scenario.is_college_open(c));
        assert_eq!(d.active().metrics.college(c, &t).pupils, 0.0);
        assert_eq!(
            d.active().metrics.territory().pupils,
            before.territory().pupils
        );
        // a closed collège receives nobody
        let err = d.apply(Edit::Assign(vec![(UnitId(0), Assignment::College(c))]));
        assert!(err.unwrap_err().to_string().contains("closed"));
        // one undo reopens it with its blocks
        assert_eq!(d.active().history.undo_len(), 1);
        d.undo();
        assert!(d.active().scenario.is_college_open(c));
        assert_eq!(d.active().metrics, before);
        // a montée alternée between two collèges: their blocks go half to each, one undo step
        let (a, b) = (CollegeId(1), CollegeId(2));
        let plan = make_shared(
            &t,
            &d.active().scenario,
            &d.active().metrics,
            "A – B".into(),
            vec![a, b],
            crate::model::shared::Rule::Alternating { first_year: 2027 },
        );
        let n = plan.sector.units.len();
        assert!(n > 10);
        let steps = d.active().history.undo_len();
        d.apply_step(plan.edits).unwrap();
        let s = &d.active().scenario;
        assert_eq!(s.shared_sectors().len(), 1);
        for &u in &plan.sector.units {
            assert_eq!(
                s.assignment(u),
                &Assignment::Shares(vec![(a, 0.5), (b, 0.5)])
            );
        }
        // the file keeps the rule, the closure and the shares
        let text = crate::io::territory_files::scenario_to_json(s, &t);
        let (back, warnings) =
            crate::io::territory_files::parse_scenario(&text, std::path::Path::new("x"), &t)
                .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(back.shared_sectors(), s.shared_sectors());
        assert_eq!(back.assignments(), s.assignments());
        d.undo();
        assert_eq!(d.active().history.undo_len(), steps);
        assert!(d.active().scenario.shared_sectors().is_empty());
        // a new collège, a rebuilt one, a merger: each one undo step, pupils all kept
        let total = d.active().metrics.territory().pupils;
        let at = t.unit(UnitId(0)).anchor;
        let n = open_new_college(&mut d, "Collège Neuf", at, Some(600.0)).unwrap();
        let t = d.territory().clone();
        assert_eq!(t.colleges().len(), 13);
        assert!(d.active().scenario.is_college_open(n));
        assert!(
            !d.baseline().scenario.is_college_open(n),
            "planned: closed elsewhere"
        );
        // it takes blocks like any collège, with walking distances to its place
        d.apply(Edit::Assign(vec![(UnitId(0), Assignment::College(n))]))
            .unwrap();
        assert!(d.active().metrics.college(n, &t).walk_mean_m.unwrap() < 1.0);
        let moved = move_college(&mut d, CollegeId(4), t.unit(UnitId(5)).anchor, "neuf").unwrap();
        let t = d.territory().clone();
        assert!(!d.active().scenario.is_college_open(CollegeId(4)));
        assert_eq!(d.active().metrics.college(CollegeId(4), &t).pupils, 0.0);
        assert!(
            (d.active().metrics.college(moved, &t).pupils
                - d.baseline().metrics.college(CollegeId(4), &t).pupils)
                .abs()
                < 1e-6
        );
        let merged = merge_colleges(&mut d, CollegeId(5), CollegeId(6)).unwrap();
        let t = d.territory().clone();
        let m = &d.active().metrics;
        let both = d.baseline().metrics.college(CollegeId(5), &t).pupils
            + d.baseline().metrics.college(CollegeId(6), &t).pupils;
        assert!((m.college(merged, &t).pupils - both).abs() < 1e-6);
        assert_eq!(
            t.college(merged).capacity_pupils,
            Some(
                t.college(CollegeId(5)).capacity_pupils.unwrap()
                    + t.college(CollegeId(6)).capacity_pupils.unwrap()
            )
        );
        assert!((m.territory().pupils - total).abs() < 1e-6);
        // undo the merger: both open again with their pupils
        d.undo();
        assert!(d.active().scenario.is_college_open(CollegeId(5)));
        assert!(!d.active().scenario.is_college_open(merged));
        // closing a collège that still has blocks, alone, is refused in words
        let err = d.apply(Edit::OpenColleges(vec![(c, false)])).unwrap_err();
        assert!(err.to_string().contains("still receives"), "{err}");
    }
}
