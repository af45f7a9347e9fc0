//! The frontier: the best index the search finds for each cap on the pupils moved, each run
//! starting from the proposal of the cap before it (so that the index never rises as the cap
//! grows), and where the gains per hundred pupils fall off (the knee).

use super::{AssistantError, Budget, Progress, Proposal, Request, propose};
use crate::model::Scenario;

/// One point of the frontier.
#[derive(Debug, Clone)]
pub struct FrontierPoint {
    /// The cap on pupils moved.
    pub cap: f64,
    /// The best index found within it.
    pub value: f64,
    /// Pupils the proposal actually moves (at most the cap).
    pub moved: f64,
    /// The mean walk of the pupils whose walk is known, in metres, on the proposal's map.
    pub walk_mean_m: Option<f64>,
    /// The proposal's scenario.
    pub scenario: Scenario,
}

/// What the sweep reports while it runs.
pub enum FrontierEvent<'a> {
    /// The search for point `.0` (0-based) progresses.
    Progress(usize, &'a Progress),
    /// A point was found.
    Point(&'a FrontierPoint),
}

/// The best index for each cap (in increasing order), each search warm-started from the
/// previous point's proposal and given `budget`. `report` gets each search's progress and each
/// point found, and may stop the whole sweep by returning false; the points found until then
/// are returned.
pub fn frontier(
    r: &Request,
    caps: &[f64],
    budget: Budget,
    report: &mut dyn FnMut(FrontierEvent) -> bool,
) -> Result<Vec<FrontierPoint>, AssistantError> {
    let mut caps: Vec<f64> = caps
        .iter()
        .copied()
        .filter(|c| c.is_finite() && *c >= 0.0)
        .collect();
    caps.sort_by(f64::total_cmp);
    caps.dedup();
    let mut points: Vec<FrontierPoint> = Vec::new();
    let mut start = r.start.clone();
    for (i, &cap) in caps.iter().enumerate() {
        let mut constraints = r.constraints.clone();
        constraints.max_moved_pupils = Some(cap);
        let metrics = crate::metrics::Metrics::new(r.territory, &start, r.metrics.config().clone());
        let request = Request {
            start: &start,
            metrics: &metrics,
            constraints: &constraints,
            ..*r
        };
        let mut go_on = true;
        let p: Proposal = propose(&request, budget, &mut |progress| {
            go_on = report(FrontierEvent::Progress(i, progress));
            go_on
        })?;
        let scenario = p.scenario(&start);
        let point = FrontierPoint {
            cap,
            value: p.value,
            moved: moved_pupils(r, &scenario),
            walk_mean_m: walk_mean_m(r, &metrics, &scenario),
            scenario: scenario.clone(),
        };
        go_on &= report(FrontierEvent::Point(&point));
        points.push(point);
        start = scenario;
        if !go_on {
            break;
        }
    }
    Ok(points)
}

/// Pupils of the units whose collège differs from the request's baseline.
fn moved_pupils(r: &Request, s: &Scenario) -> f64 {
    r.territory
        .unit_ids()
        .filter(|&u| s.assignment(u).main_college() != r.baseline.assignment(u).main_college())
        .map(|u| r.territory.unit(u).population.pupils.unwrap_or(0.0))
        .sum()
}

/// The mean walk of the pupils whose walk to their collège is known, in metres: each share of
/// a shared block walks to its own collège.
pub fn walk_mean_m(r: &Request, metrics: &crate::metrics::Metrics, s: &Scenario) -> Option<f64> {
    let (mut sum, mut weight) = (0.0, 0.0);
    for u in r.territory.unit_ids() {
        let Some(pupils) = r.territory.unit(u).population.pupils else {
            continue;
        };
        for (c, share) in s.assignment(u).shares() {
            if let Some(d) = metrics.walk_m(r.territory, u, c) {
                sum += pupils * share * d;
                weight += pupils * share;
            }
        }
    }
    (weight > 0.0).then(|| sum / weight)
}

/// Where the frontier bends: the first point after which each further hundred pupils moved
/// gains less than a third of what a hundred gained on average up to it. Returns the point's
/// index and the gain per hundred pupils beyond it (in the index's own unit); `None` when the
/// frontier does not bend (or has fewer than three points).
pub fn knee(points: &[FrontierPoint], start_value: f64) -> Option<(usize, f64)> {
    if points.len() < 3 {
        return None;
    }
    for i in 1..points.len() - 1 {
        let (p, next) = (&points[i], &points[i + 1]);
        if p.moved <= 0.0 || next.moved <= p.moved {
            continue;
        }
        let before = (start_value - p.value) / p.moved * 100.0;
        let after = (p.value - next.value) / (next.moved - p.moved) * 100.0;
        if before > 0.0 && after < before / 3.0 {
            return Some((i, after));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assistant::{Constraints, Target};
    use crate::metrics::{Metrics, MetricsConfig, Minority};

    #[test]
    fn the_frontier_never_rises_and_keeps_each_cap() {
        let demo = crate::generate::demo_town(2026);
        let (t, base) = (&demo.territory, &demo.baseline);
        let m = Metrics::new(t, base, MetricsConfig::default());
        let c = Constraints {
            keep_schools: false,
            ..Constraints::default()
        };
        let r = Request::from_baseline(t, base, &m, Target::Dissimilarity(Minority::Boursiers), &c);
        let budget = Budget {
            time: std::time::Duration::from_secs(600),
            steps: 20_000,
            seed: 3,
        };
        let points = frontier(&r, &[400.0, 100.0, 200.0], budget, &mut |_| true).unwrap();
        assert_eq!(
            points.iter().map(|p| p.cap).collect::<Vec<_>>(),
            vec![100.0, 200.0, 400.0]
        );
        let start = crate::assistant::Target::Dissimilarity(Minority::Boursiers)
            .value(&m.territory())
            .unwrap();
        let mut last = start;
        for p in &points {
            assert!(p.value <= last + 1e-12, "{} after {last}", p.value);
            assert!(p.moved <= p.cap + 1e-9, "{} over {}", p.moved, p.cap);
            // the index of the point is the engine's
            let mp = Metrics::new(t, &p.scenario, MetricsConfig::default());
            let engine = Target::Dissimilarity(Minority::Boursiers)
                .value(&mp.territory())
                .unwrap();
            assert!((engine - p.value).abs() < 1e-9);
            last = p.value;
        }
        assert!(points[2].value < start);
    }

    #[test]
    fn the_knee_is_where_a_hundred_pupils_stop_paying() {
        let point = |moved: f64, value: f64| FrontierPoint {
            cap: moved,
            value,
            moved,
            walk_mean_m: None,
            scenario: Scenario::unassigned(
                crate::model::ScenarioMeta::new("x"),
                &crate::generate::demo_town(1).territory,
            ),
        };
        // 0.30 at the start; 100 pupils gain 0.05 each up to 300, then 0.005 per hundred
        let points = vec![
            point(100.0, 0.25),
            point(200.0, 0.20),
            point(300.0, 0.15),
            point(400.0, 0.145),
            point(500.0, 0.14),
        ];
        let (i, after) = knee(&points, 0.30).unwrap();
        assert_eq!(points[i].moved, 300.0);
        assert!((after - 0.005).abs() < 1e-12);
        // a straight frontier has no knee
        let straight = vec![point(100.0, 0.25), point(200.0, 0.20), point(300.0, 0.15)];
        assert!(knee(&straight, 0.30).is_none());
    }
}
