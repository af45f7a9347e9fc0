//! Walking-matrix budgets on a generated street grid of 1,000,000 nodes with 100 collèges and
//! 50,000 units: the full matrix under 10 s on a 2-core machine, one collège under 0.3 s. The
//! same single-source search with petgraph's generic Dijkstra is timed for comparison (it is
//! why the search over the adjacency array is our own).
#![allow(missing_docs)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests and benchmarks fail loudly"
)]

use std::time::Duration;

use carte_mixite::routing::matrix::{Progress, Snapper, column_of, compute, distances_from, grid};
use criterion::{Criterion, criterion_group, criterion_main};
use rand::{Rng, SeedableRng};

fn points(n: usize, seed: u64, far: [f64; 2]) -> Vec<[f64; 2]> {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    (0..n)
        .map(|_| {
            [
                rng.random_range(2.0..far[0]),
                rng.random_range(48.0..far[1]),
            ]
        })
        .collect()
}

fn routing(c: &mut Criterion) {
    let net = grid(1000, 50.0, 2.0, 48.0);
    let far = net.nodes[net.nodes.len() - 1];
    let units = points(50_000, 1, far);
    let colleges = points(100, 2, far);
    let snapper = Snapper::new(&net);
    let mut g = c.benchmark_group("walk_1M_nodes");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("one_college_50k_units", |b| {
        b.iter(|| column_of(&net, &snapper, &units, colleges[0]))
    });
    let start = snapper.snap(&net, colleges[0][0], colleges[0][1]).unwrap();
    let never = std::sync::atomic::AtomicBool::new(false);
    g.bench_function("one_search_ours", |b| {
        b.iter(|| distances_from(&net, &start, &never))
    });
    let mut pg =
        petgraph::graph::UnGraph::<(), f32>::with_capacity(net.nodes.len(), net.edges.len());
    for _ in &net.nodes {
        pg.add_node(());
    }
    for &(a, b, w) in &net.edges {
        pg.add_edge(a.into(), b.into(), w);
    }
    g.bench_function("one_search_petgraph", |b| {
        b.iter(|| petgraph::algo::dijkstra(&pg, start.a.into(), None, |e| *e.weight()))
    });
    g.measurement_time(Duration::from_secs(60));
    g.bench_function("full_matrix_100_colleges_50k_units", |b| {
        b.iter(|| compute(&net, &units, &colleges, &Progress::default(), String::new()))
    });
    g.finish();
}

criterion_group!(benches, routing);
criterion_main!(benches);
