//! Hot paths on a generated territory of 50,000 units and 1,000 collèges (the budgets of the
//! core): one reassignment, a full recomputation, building the territory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]

use std::hint::black_box;
use std::sync::Arc;

use carte_mixite::generate::{SyntheticSpec, border_moves, synthetic_territory};
use carte_mixite::metrics::{Metrics, MetricsConfig};
use carte_mixite::model::{Assignment, Document, Edit, Territory, UnitId};
use criterion::{Criterion, criterion_group, criterion_main};

fn spec() -> SyntheticSpec {
    SyntheticSpec {
        units: 50_000,
        colleges: 1_000,
        seed: 1,
    }
}

fn benches(c: &mut Criterion) {
    let (t, baseline) = synthetic_territory(&spec());
    assert_eq!(t.units().len(), 50_000);
    let mut group = c.benchmark_group("50k_units_1k_colleges");
    group.sample_size(10);
    group.bench_function("build_territory_index_and_adjacency", |b| {
        b.iter(|| {
            black_box(
                Territory::new(
                    t.info.clone(),
                    t.groups.clone(),
                    t.units().to_vec(),
                    t.colleges().to_vec(),
                )
                .map(|t| t.adjacency().pair_count()),
            )
        })
    });
    group.bench_function("full_recomputation", |b| {
        b.iter(|| black_box(Metrics::new(&t, &baseline, MetricsConfig::default())))
    });
    group.finish();

    // Border moves through the document's single apply path, alternating between the two
    // collèges so that the state stays realistic.
    let t = Arc::new(t);
    let mut doc = Document::new(t.clone(), baseline.clone(), MetricsConfig::default());
    doc.new_scenario_from_active("bench");
    let pairs: Vec<(UnitId, Assignment, Assignment)> = border_moves(&t, &baseline)
        .into_iter()
        .step_by(97)
        .collect();
    assert!(pairs.len() > 100);
    let mut i = 0usize;
    c.bench_function("one_reassignment_updates_indicators", |b| {
        b.iter(|| {
            let (u, own, other) = &pairs[i % pairs.len()];
            let target = if (i / pairs.len()).is_multiple_of(2) {
                other
            } else {
                own
            };
            i += 1;
            doc.apply(Edit::Assign(vec![(*u, target.clone())])).ok();
            black_box(doc.active().metrics.territory().pupils)
        })
    });
}

criterion_group!(core, benches);
criterion_main!(core);
