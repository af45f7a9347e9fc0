use super::*;
use crate::model::shared::Rule;
use crate::model::{Assignment, College, ScenarioMeta};

/// Every matching of 3 students to 3 one-seat schools, as school of each student.
fn permutations() -> Vec<[usize; 3]> {
    let mut out = Vec::new();
    for a in 0..3 {
        for b in 0..3 {
            for c in 0..3 {
                if a != b && b != c && a != c {
                    out.push([a, b, c]);
                }
            }
        }
    }
    out
}

#[test]
fn deferred_acceptance_solves_gale_and_shapley_s_cyclic_example() {
    // Gale & Shapley (1962), the 3 × 3 example with three stable matchings. Students α, β, γ
    // (0, 1, 2) rank schools A, B, C (0, 1, 2): α: A B C; β: B C A; γ: C A B. The schools'
    // priorities: A: β γ α; B: γ α β; C: α β γ.
    let prefs = vec![vec![0, 1, 2], vec![1, 2, 0], vec![2, 0, 1]];
    let order = [[1, 2, 0], [2, 0, 1], [0, 1, 2]];
    let priority = |s: usize, i: usize| order[s].iter().position(|&x| x == i).unwrap() as u64;
    let rank = |i: usize, s: usize| prefs[i].iter().position(|&x| x == s).unwrap();
    // stable matchings by brute force: no student and school that both prefer each other
    let stable: Vec<[usize; 3]> = permutations()
        .into_iter()
        .filter(|m| {
            !(0..3).any(|i| {
                (0..3).any(|s| {
                    let holder = m.iter().position(|&x| x == s).unwrap();
                    rank(i, s) < rank(i, m[i]) && priority(s, i) < priority(s, holder)
                })
            })
        })
        .collect();
    assert_eq!(stable.len(), 3, "{stable:?}");
    let got = deferred_acceptance(&prefs, &[false; 3], &priority, &[1, 1, 1], &[0, 0, 0]);
    // the student-proposing algorithm gives every student their first choice: αA, βB, γC,
    // the stable matching every student prefers
    assert_eq!(got, vec![Some(0), Some(1), Some(2)]);
    let got: [usize; 3] = [got[0].unwrap(), got[1].unwrap(), got[2].unwrap()];
    for m in &stable {
        assert!((0..3).all(|i| rank(i, got[i]) <= rank(i, m[i])));
    }
}

#[test]
fn rejected_students_move_down_their_lists_and_may_find_no_seat() {
    // one seat at X and at Y; lottery 0 < 1 < 2. Round 1: 0 → Y, 1 and 2 → X: X keeps 1. Round
    // 2: 2 → Y, which keeps 0. Student 2 has no school left.
    let prefs = vec![vec![1, 0], vec![0, 1], vec![0, 1]];
    let got = deferred_acceptance(&prefs, &[false; 3], &|_, i| i as u64, &[1, 1], &[0, 0]);
    assert_eq!(got, vec![Some(1), Some(0), None]);
}

#[test]
fn seats_reserved_for_boursiers_go_to_them_first() {
    // A has 2 seats, B 2; everyone prefers A; lottery 0 < 1 < 2 < 3; only student 3 is boursier
    let prefs = vec![vec![0, 1]; 4];
    let b = [false, false, false, true];
    let plain = deferred_acceptance(&prefs, &b, &|_, i| i as u64, &[2, 2], &[0, 0]);
    assert_eq!(plain, vec![Some(0), Some(0), Some(1), Some(1)]);
    // one of A's seats reserved: the boursier gets it, then the lottery fills the other
    let reserved = deferred_acceptance(&prefs, &b, &|_, i| i as u64, &[2, 2], &[1, 0]);
    assert_eq!(reserved, vec![Some(0), Some(1), Some(1), Some(0)]);
}

fn college(uai: &str, x: f64, cap: f64) -> College {
    College::public(uai, geo::Point::new(x, 45.005)).with_capacity(cap)
}

/// Three blocks in a row: A's own (200 pupils, no boursiers), the shared block (100 pupils, 40
/// boursiers), B's own (200 pupils, no boursiers).
fn three_blocks() -> (Territory, Scenario) {
    let pop = |pupils: f64, b: f64, ips: f64| Population {
        pupils: Some(pupils),
        boursiers: Some(b),
        ips_mean: Some(ips),
        ..Population::default()
    };
    let units = vec![
        crate::model::Unit::square("a", 0.0, 45.0, 0.01, pop(200.0, 0.0, 120.0)),
        crate::model::Unit::square("s", 0.01, 45.0, 0.01, pop(100.0, 40.0, 80.0)),
        crate::model::Unit::square("b", 0.02, 45.0, 0.01, pop(200.0, 0.0, 120.0)),
    ];
    let t = Territory::of(
        units,
        vec![college("A", 0.005, 400.0), college("B", 0.025, 400.0)],
    )
    .unwrap();
    let mut s = Scenario::unassigned(ScenarioMeta::new("base"), &t);
    for (u, c) in [(0, 0), (1, 0), (2, 1)] {
        s.replace_assignment(UnitId(u), Assignment::College(CollegeId(c)));
    }
    (t, s)
}

#[test]
fn a_montee_alternee_is_shown_year_by_year_over_a_cycle() {
    let (t, before) = three_blocks();
    let sector = SharedSector {
        name: "A – B".into(),
        units: vec![UnitId(1)],
        colleges: vec![CollegeId(0), CollegeId(1)],
        rule: Rule::Alternating { first_year: 2027 },
    };
    let mut now = before.clone();
    now.replace_assignment(
        UnitId(1),
        Assignment::Shares(vec![(CollegeId(0), 0.5), (CollegeId(1), 0.5)]),
    );
    let years = alternation_years(&t, &now, &before, &sector, 2027);
    assert_eq!(years.len(), 4);
    // hand-computed: the shared block's 6e of 2027 goes to A, of 2028 to B, of 2029 to A, of
    // 2030 to B; earlier cohorts stay at A. Each level is 25 pupils, 40 % boursiers.
    let pupils: Vec<(i32, f64, f64)> = years
        .iter()
        .map(|y| (y.year, y.colleges[0].1.pupils, y.colleges[1].1.pupils))
        .collect();
    assert_eq!(
        pupils,
        vec![
            (2027, 300.0, 200.0),
            (2028, 275.0, 225.0),
            (2029, 275.0, 225.0),
            (2030, 250.0, 250.0)
        ]
    );
    // in 2030 B has 50 shared pupils, 20 boursiers of 250 = 8 %; IPS (200·120 + 50·80)/250
    let b = &years[3].colleges[1].1;
    assert!((b.boursier_share().unwrap() - 0.08).abs() < 1e-12);
    assert!((b.ips().unwrap() - 112.0).abs() < 1e-9);
    // in 2027 B has none of them
    assert_eq!(years[0].colleges[1].1.boursier_share(), Some(0.0));
}

#[test]
fn the_simulated_assignment_gives_odds_and_follows_seats_and_reserves() {
    let (t, s) = three_blocks();
    let m = Metrics::new(&t, &s, crate::metrics::MetricsConfig::default());
    // all three blocks share A and B; 6e cohorts: 50, 25, 50 families
    let sector = SharedSector {
        name: "A – B".into(),
        units: vec![UnitId(0), UnitId(1), UnitId(2)],
        colleges: vec![CollegeId(0), CollegeId(1)],
        rule: Rule::Alternating { first_year: 2027 },
    };
    // no taste, plenty of seats: everyone gets the nearer collège
    let mut rule = LotteryRule {
        seats: vec![200, 200],
        boursier_reserve: 0.0,
        taste_spread_km: 0.0,
        appeal_km: vec![0.0, 0.0],
        runs: 20,
        seed: 1,
    };
    let out = simulate_lottery(&t, &m, &sector, &rule);
    assert_eq!(out.families, 125);
    assert_eq!(out.odds[0].1, vec![1.0, 0.0]);
    assert_eq!(out.odds[2].1, vec![0.0, 1.0]);
    // A is very popular and has 60 seats: the lottery decides; families of the shared block
    // get A with the same odds as the others who rank it first
    rule.appeal_km = vec![10.0, 0.0];
    rule.seats = vec![60, 200];
    rule.runs = 400;
    let out = simulate_lottery(&t, &m, &sector, &rule);
    let a = out.intake[0].1.pupils;
    assert!((a - 60.0).abs() < 1e-9, "{a}");
    for (_, odds, none) in &out.odds {
        assert!((odds[0] - 60.0 / 125.0).abs() < 0.03, "{odds:?}");
        assert_eq!(*none, 0.0);
    }
    // with 20 % of A's seats reserved for boursiers, the 10 boursier families of the shared
    // block all get A: boursiers at A go from 8 % to about 17 %
    let before = out.intake[0].1.boursier_share().unwrap();
    assert!((before - 10.0 / 125.0).abs() < 0.02, "{before}");
    rule.boursier_reserve = 0.2;
    let out = simulate_lottery(&t, &m, &sector, &rule);
    let after = out.intake[0].1.boursier_share().unwrap();
    // 10 boursiers always in, 50 of the 115 others by lottery
    assert!((after - 10.0 / 60.0).abs() < 1e-9, "{after}");
    let shares = out.shares(UnitId(1), &sector.colleges).unwrap();
    assert!(shares[0].1 > 0.55, "{shares:?}");
}
