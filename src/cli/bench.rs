//! `carte-mixite bench` and `walk-bench`: whole runs timed.

use super::*;

/// Peak resident memory of this process, MiB (Linux), if known.
pub fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub(super) fn bench(units: usize, colleges: usize, edits: usize) -> String {
    let mut out = String::new();
    let spec = SyntheticSpec {
        units,
        colleges,
        seed: 1,
    };
    let t0 = Instant::now();
    let (t, baseline) = synthetic_territory(&spec);
    let generate_s = t0.elapsed().as_secs_f64();
    let t0 = Instant::now();
    let rebuilt = Territory::new(
        t.info.clone(),
        t.groups.clone(),
        t.units().to_vec(),
        t.colleges().to_vec(),
    );
    let build_s = t0.elapsed().as_secs_f64();
    drop(rebuilt);
    let _ = writeln!(
        out,
        "territory: {} units, {} collèges, {} adjacent pairs; generated in {:.2} s, built (index + adjacency) in {:.3} s",
        t.units().len(),
        t.colleges().len(),
        t.adjacency().pair_count(),
        generate_s,
        build_s
    );
    let runs = 10;
    let t0 = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(Metrics::new(&t, &baseline, MetricsConfig::default()));
    }
    let full_ms = t0.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
    let _ = writeln!(out, "full recomputation: {full_ms:.2} ms (mean of {runs})");
    // Border moves: a unit goes to the collège of one of its neighbours, through the real path.
    let mut doc = Document::new(std::sync::Arc::new(t), baseline, MetricsConfig::default());
    doc.new_scenario_from_active("bench");
    let t = doc.territory().clone();
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
    // border units: a neighbour lies in another sector; each edit moves one across the border
    // and the next visit moves it back, so that every edit is a real change
    let border = crate::generate::border_moves(&t, &doc.baseline().scenario);
    let mut moved = vec![false; border.len()];
    let moves: Vec<Edit> = (0..edits)
        .filter_map(|_| {
            let k = rng.random_range(0..border.len().max(1));
            let (u, own, other) = border.get(k)?;
            moved[k] = !moved[k];
            let target = if moved[k] { other } else { own };
            Some(Edit::Assign(vec![(*u, target.clone())]))
        })
        .collect();
    let n = moves.len();
    let t0 = Instant::now();
    for e in moves {
        let _ = doc.apply(e);
    }
    let per_edit_us = t0.elapsed().as_secs_f64() * 1e6 / n.max(1) as f64;
    let _ = writeln!(
        out,
        "one reassignment across a sector border (edit + indicators + history): {per_edit_us:.2} µs (mean of {n}; {} border units)",
        border.len()
    );
    let t0 = Instant::now();
    let idx = doc.active().metrics.territory();
    let _ = writeln!(
        out,
        "territory indices read: {:.1} µs (H = {:.4})",
        t0.elapsed().as_secs_f64() * 1e6,
        idx.entropy.map(|e| e.indices.h).unwrap_or(f64::NAN)
    );
    let check = Metrics::new(&t, &doc.active().scenario, MetricsConfig::default());
    let _ = writeln!(
        out,
        "incremental state equals a full recomputation after {n} edits: {}",
        check == doc.active().metrics
    );
    if let Some(mib) = peak_memory_mib() {
        let _ = writeln!(out, "peak memory: {mib:.0} MiB");
    }
    out
}

/// Whole-run timings of the walking matrix on a generated grid.
pub(super) fn walk_bench(
    side: usize,
    colleges: usize,
    units: usize,
    export: Option<&std::path::Path>,
) -> Result<String, String> {
    use crate::routing::matrix::{Progress, Snapper, column_of, compute, grid};
    use rand::{Rng, SeedableRng};
    let mut out = String::new();
    let t = std::time::Instant::now();
    let net = grid(side, 50.0, 2.0, 48.0);
    let _ = writeln!(
        out,
        "grid {side}×{side}: {} nodes, {} edges, built in {:.2} s",
        net.nodes.len(),
        net.edges.len(),
        t.elapsed().as_secs_f64()
    );
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(5);
    let (lon1, lat1) = (
        net.nodes[net.nodes.len() - 1][0],
        net.nodes[net.nodes.len() - 1][1],
    );
    let mut point = || [rng.random_range(2.0..lon1), rng.random_range(48.0..lat1)];
    let unit_points: Vec<[f64; 2]> = (0..units).map(|_| point()).collect();
    let college_points: Vec<[f64; 2]> = (0..colleges).map(|_| point()).collect();
    let t = std::time::Instant::now();
    let snapper = Snapper::new(&net);
    let _ = writeln!(out, "street index: {:.2} s", t.elapsed().as_secs_f64());
    let t = std::time::Instant::now();
    let one = column_of(&net, &snapper, &unit_points, college_points[0]);
    let _ = writeln!(
        out,
        "one collège (snapping {units} units + one search): {:.3} s",
        t.elapsed().as_secs_f64()
    );
    let t = std::time::Instant::now();
    let m = compute(
        &net,
        &unit_points,
        &college_points,
        &Progress::default(),
        String::new(),
    )
    .ok_or("cancelled")?;
    let _ = writeln!(
        out,
        "full matrix {units} × {colleges} on {} threads: {:.2} s",
        rayon::current_num_threads(),
        t.elapsed().as_secs_f64()
    );
    if m.metres[..units] != one[..] {
        return Err("the single-collège column differs from the matrix".into());
    }
    if let Some(dir) = export {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let mut edges = String::with_capacity(net.edges.len() * 20);
        for (a, b, w) in &net.edges {
            let _ = writeln!(edges, "{a},{b},{w}");
        }
        let nearest = |p: [f64; 2]| {
            snapper
                .snap(&net, p[0], p[1])
                .map(|s| if s.to_a <= s.to_b { s.a } else { s.b })
                .unwrap_or(0)
        };
        let sources: String = college_points
            .iter()
            .map(|p| format!("{}\n", nearest(*p)))
            .collect();
        let io = |r: std::io::Result<()>| r.map_err(|e| e.to_string());
        io(std::fs::write(dir.join("edges.csv"), edges))?;
        io(std::fs::write(dir.join("sources.txt"), sources))?;
        io(std::fs::write(dir.join("targets.txt"), "0\n"))?;
        let _ = writeln!(out, "graph written to {}", dir.display());
    }
    Ok(out)
}
