//! Invariants of the incremental engine, over random sequences of edits.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]

use std::sync::Arc;

use carte_mixite::generate::{SyntheticSpec, synthetic_territory};
use carte_mixite::metrics::segregation::{dissimilarity, entropy_indices, isolation};
use carte_mixite::metrics::{Metrics, MetricsConfig, Minority};
use carte_mixite::model::{Assignment, CollegeId, Document, Edit, Scenario, Territory, UnitId};
use proptest::prelude::*;

const UNITS: u32 = 120;
const COLLEGES: u32 = 7;

fn territory() -> &'static (Territory, Scenario) {
    static T: std::sync::OnceLock<(Territory, Scenario)> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        synthetic_territory(&SyntheticSpec {
            units: UNITS as usize,
            colleges: COLLEGES as usize,
            seed: 11,
        })
    })
}

fn assignment() -> impl Strategy<Value = Assignment> {
    prop_oneof![
        6 => (0..COLLEGES).prop_map(|c| Assignment::College(CollegeId(c))),
        1 => Just(Assignment::Unassigned),
        2 => (0..COLLEGES, 1..COLLEGES, 1u32..99).prop_map(|(a, d, pct)| {
            let b = (a + d) % COLLEGES;
            let s = f64::from(pct) / 100.0;
            Assignment::Shares(vec![(CollegeId(a), s), (CollegeId(b), 1.0 - s)])
        }),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        8 => prop::collection::vec((0..UNITS, assignment()), 1..6)
            .prop_map(|v| Edit::Assign(v.into_iter().map(|(u, a)| (UnitId(u), a)).collect())),
        1 => (0..UNITS, any::<bool>()).prop_map(|(u, l)| Edit::LockUnits(vec![(UnitId(u), l)])),
        1 => (0..COLLEGES, any::<bool>())
            .prop_map(|(c, l)| Edit::LockColleges(vec![(CollegeId(c), l)])),
    ]
}

fn document() -> Document {
    let (t, s) = territory();
    let t = Territory::new(
        t.info.clone(),
        t.groups.clone(),
        t.units().to_vec(),
        t.colleges().to_vec(),
    )
    .unwrap();
    let mut d = Document::new(Arc::new(t), s.clone(), MetricsConfig::default());
    d.new_scenario_from_active("prop");
    d
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * (1.0 + x.abs().max(y.abs())),
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn incremental_indicators_equal_a_full_recomputation(edits in prop::collection::vec(edit(), 1..60)) {
        let mut d = document();
        for e in edits {
            // refused edits (locks) change nothing, which is also checked below
            let _ = d.apply(e);
        }
        let state = d.active();
        let full = Metrics::new(d.territory(), &state.scenario, MetricsConfig::default());
        prop_assert_eq!(&state.metrics, &full);
        let t = d.territory();
        for c in t.college_ids() {
            let (a, b) = (state.metrics.college(c, t), full.college(c, t));
            prop_assert!(close(a.ips_mean, b.ips_mean));
            prop_assert!(close(a.boursier_share, b.boursier_share));
            prop_assert!(close(a.walk_mean_m, b.walk_mean_m));
        }
        // and the running index sums agree with the definitions over per-collège counts
        let idx = state.metrics.territory();
        for m in [Minority::Boursiers, Minority::Group(3)] {
            let (a, n) = state.metrics.minority_counts(m);
            let got = idx.minority(m).unwrap();
            prop_assert!(close(got.dissimilarity, dissimilarity(&a, &n)), "{:?} {:?}", got.dissimilarity, dissimilarity(&a, &n));
            prop_assert!(close(got.normalized_isolation, isolation(&a, &n).map(|x| x.1)));
        }
        let e = entropy_indices(&state.metrics.group_counts()).unwrap();
        let got = idx.entropy.unwrap();
        prop_assert!((got.indices.h - e.h).abs() < 1e-9);
        let parts = got.between_public_private + got.within_public + got.within_private;
        prop_assert!((parts - got.indices.mutual_information).abs() < 1e-12);
    }

    #[test]
    fn a_unit_named_twice_in_one_edit_gets_the_last_assignment(u in 0..UNITS, a in assignment(), b in assignment()) {
        let mut d = document();
        let _ = d.apply(Edit::Assign(vec![(UnitId(u), a), (UnitId(u), b.clone())]));
        prop_assert_eq!(d.active().scenario.assignment(UnitId(u)), &b.normalized(COLLEGES as usize).unwrap());
    }

    #[test]
    fn an_edit_then_its_inverse_is_the_identity(setup in prop::collection::vec(edit(), 0..20), e in edit()) {
        let mut d = document();
        for s in setup {
            let _ = d.apply(s);
        }
        let scenario = d.active().scenario.clone();
        let metrics = d.active().metrics.clone();
        let steps = d.active().history.undo_len();
        if d.apply(e).is_ok() && d.active().history.undo_len() > steps {
            d.undo();
        }
        prop_assert_eq!(&d.active().scenario.assignments(), &scenario.assignments());
        prop_assert_eq!(&d.active().metrics, &metrics);
        for u in d.territory().unit_ids() {
            prop_assert_eq!(d.active().scenario.is_unit_locked(u), scenario.is_unit_locked(u));
        }
    }
}
