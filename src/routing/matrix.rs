//! Walking distances along the streets: every unit's representative point and every collège
//! snap to the nearest street (an R-tree of segments), one shortest-path search per collège runs
//! over the whole network (in parallel over collèges), and the unit × collège matrix is kept
//! and cached on disk, keyed by a hash of its inputs.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;
use rstar::primitives::{GeomWithData, Line};
use rstar::{PointDistance, RTree};

use super::network::StreetNetwork;

/// Metres per degree of latitude (mean Earth radius 6,371 km).
const M_PER_DEG: f64 = 6_371_000.0 * std::f64::consts::PI / 180.0;

/// A point attached to the network: the edge it meets, where along it, and how far it was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snap {
    /// The edge's ends.
    pub a: u32,
    /// The edge's ends.
    pub b: u32,
    /// Metres along the edge from `a` to the point's foot, and from the foot to `b`.
    pub to_a: f32,
    /// Metres from the foot to `b`.
    pub to_b: f32,
    /// Metres from the point to its foot on the street (walked too: the door to the street).
    pub off: f32,
}

/// Snaps points to the nearest edge of a network, in a local plane (metres) around its centre.
pub struct Snapper {
    tree: RTree<GeomWithData<Line<[f64; 2]>, u32>>,
    lat0_cos: f64,
}

impl Snapper {
    /// Indexes every edge of the network.
    pub fn new(net: &StreetNetwork) -> Snapper {
        let lat0 = if net.nodes.is_empty() {
            0.0
        } else {
            net.nodes.iter().map(|p| p[1]).sum::<f64>() / net.nodes.len() as f64
        };
        let lat0_cos = lat0.to_radians().cos();
        let plane = |p: [f64; 2]| [p[0] * M_PER_DEG * lat0_cos, p[1] * M_PER_DEG];
        let segments = net
            .edges
            .iter()
            .enumerate()
            .map(|(i, &(a, b, _))| {
                GeomWithData::new(
                    Line::new(plane(net.nodes[a as usize]), plane(net.nodes[b as usize])),
                    i as u32,
                )
            })
            .collect();
        Snapper {
            tree: RTree::bulk_load(segments),
            lat0_cos,
        }
    }

    /// The nearest street to a point (lon/lat), or `None` for an empty network or a point that
    /// is not a number.
    pub fn snap(&self, net: &StreetNetwork, lon: f64, lat: f64) -> Option<Snap> {
        if !(lon.is_finite() && lat.is_finite()) {
            return None;
        }
        let p = [lon * M_PER_DEG * self.lat0_cos, lat * M_PER_DEG];
        let nearest = self.tree.nearest_neighbor(&p)?;
        let line = nearest.geom();
        let (from, to) = (line.from, line.to);
        let d = [to[0] - from[0], to[1] - from[1]];
        let len2 = d[0] * d[0] + d[1] * d[1];
        let t = if len2 > 0.0 {
            (((p[0] - from[0]) * d[0] + (p[1] - from[1]) * d[1]) / len2).clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (a, b, metres) = net.edges[nearest.data as usize];
        Some(Snap {
            a,
            b,
            to_a: (t * f64::from(metres)) as f32,
            to_b: ((1.0 - t) * f64::from(metres)) as f32,
            off: line.distance_2(&p).sqrt() as f32,
        })
    }
}

/// Shortest walking distance from a snapped point to every node (metres; infinite where
/// unreachable). Dijkstra over the adjacency array with a binary heap and a dense distance
/// array: petgraph's generic search returns a hash map per search and took 189 ms against 55 ms
/// for this one on a million-node grid (`benches/routing.rs`). `cancel` stops it early (returns
/// `None`).
pub fn distances_from(net: &StreetNetwork, from: &Snap, cancel: &AtomicBool) -> Option<Vec<f32>> {
    let mut dist = vec![f32::INFINITY; net.nodes.len()];
    let mut heap = BinaryHeap::new();
    for (node, d) in [(from.a, from.to_a), (from.b, from.to_b)] {
        if d < dist[node as usize] {
            dist[node as usize] = d;
            // non-negative floats order like their bit patterns
            heap.push(Reverse((d.to_bits(), node)));
        }
    }
    let mut popped = 0u32;
    while let Some(Reverse((bits, node))) = heap.pop() {
        let d = f32::from_bits(bits);
        if d > dist[node as usize] {
            continue;
        }
        popped = popped.wrapping_add(1);
        if popped.is_multiple_of(65_536) && cancel.load(Ordering::Relaxed) {
            return None;
        }
        for (next, w) in net.neighbours(node) {
            let nd = d + w;
            if nd < dist[next as usize] {
                dist[next as usize] = nd;
                heap.push(Reverse((nd.to_bits(), next)));
            }
        }
    }
    Some(dist)
}

/// Walking distance between two snapped points, given the distances from the second to every
/// node: through either end of the first point's edge, or along the edge itself when both
/// points lie on it. Both points' distance to the street is walked too.
pub fn between(unit: &Snap, college: &Snap, from_college: &[f32]) -> f32 {
    let via_a = from_college[unit.a as usize] + unit.to_a;
    let via_b = from_college[unit.b as usize] + unit.to_b;
    let mut d = via_a.min(via_b);
    let same_edge = (unit.a, unit.b) == (college.a, college.b);
    if same_edge {
        d = d.min((unit.to_a - college.to_a).abs());
    }
    d + unit.off + college.off
}

/// Progress of a long computation, readable from another thread.
#[derive(Debug, Default)]
pub struct Progress {
    /// Collèges done.
    pub done: AtomicUsize,
    /// Set to stop.
    pub cancel: AtomicBool,
}

/// Unit × collège walking distances in metres, with how far each point had to be moved to
/// meet a street.
#[derive(Debug, Clone, PartialEq)]
pub struct WalkMatrix {
    /// Units (rows).
    pub units: usize,
    /// Collèges (columns).
    pub colleges: usize,
    /// Distances, collège by collège: `metres[c * units + u]`; NaN where unknown.
    pub metres: Vec<f32>,
    /// How far each unit's point is from its street, metres.
    pub unit_snap_m: Vec<f32>,
    /// How far each collège is from its street, metres.
    pub college_snap_m: Vec<f32>,
    /// The hash of the inputs this matrix was computed from.
    pub key: String,
}

impl WalkMatrix {
    /// The walking distance from a unit to a collège, metres; `None` where unknown (a point
    /// that could not be placed on the network).
    pub fn get(&self, unit: usize, college: usize) -> Option<f64> {
        let d = *self.metres.get(college * self.units + unit)?;
        (d.is_finite()).then_some(f64::from(d))
    }

    /// Points placed further than `threshold_m` from any street: (units, collèges) indices.
    pub fn far_snaps(&self, threshold_m: f32) -> (Vec<usize>, Vec<usize>) {
        let far = |v: &[f32]| {
            v.iter()
                .enumerate()
                .filter(|(_, d)| !d.is_finite() || **d > threshold_m)
                .map(|(i, _)| i)
                .collect()
        };
        (far(&self.unit_snap_m), far(&self.college_snap_m))
    }
}

/// Computes the matrix for these unit points and collège locations (lon/lat): one search per
/// collège, in parallel. Returns `None` when cancelled.
pub fn compute(
    net: &StreetNetwork,
    units: &[[f64; 2]],
    colleges: &[[f64; 2]],
    progress: &Progress,
    key: String,
) -> Option<WalkMatrix> {
    let snapper = Snapper::new(net);
    let usnaps: Vec<Option<Snap>> = units
        .par_iter()
        .map(|p| snapper.snap(net, p[0], p[1]))
        .collect();
    let csnaps: Vec<Option<Snap>> = colleges
        .iter()
        .map(|p| snapper.snap(net, p[0], p[1]))
        .collect();
    let columns: Option<Vec<Vec<f32>>> = csnaps
        .par_iter()
        .map(|cs| {
            let column = match cs {
                None => Some(vec![f32::NAN; units.len()]),
                Some(cs) => column_for(net, cs, &usnaps, &progress.cancel),
            };
            progress.done.fetch_add(1, Ordering::Relaxed);
            column
        })
        .collect();
    let columns = columns?;
    let snap_m = |s: &[Option<Snap>]| s.iter().map(|s| s.map_or(f32::NAN, |s| s.off)).collect();
    Some(WalkMatrix {
        units: units.len(),
        colleges: colleges.len(),
        metres: columns.concat(),
        unit_snap_m: snap_m(&usnaps),
        college_snap_m: snap_m(&csnaps),
        key,
    })
}

/// One collège's column alone, from scratch (snapping every unit, one search): what a
/// collège added or moved costs.
pub fn column_of(
    net: &StreetNetwork,
    snapper: &Snapper,
    units: &[[f64; 2]],
    location: [f64; 2],
) -> Vec<f32> {
    let usnaps: Vec<Option<Snap>> = units
        .par_iter()
        .map(|p| snapper.snap(net, p[0], p[1]))
        .collect();
    let never = AtomicBool::new(false);
    snapper
        .snap(net, location[0], location[1])
        .and_then(|cs| column_for(net, &cs, &usnaps, &never))
        .unwrap_or_else(|| vec![f32::NAN; units.len()])
}

/// Recomputes one collège's column in a matrix (a collège added or moved), with the street
/// index already built.
pub fn recompute_college(
    net: &StreetNetwork,
    snapper: &Snapper,
    matrix: &mut WalkMatrix,
    units: &[[f64; 2]],
    college: usize,
    location: [f64; 2],
) {
    let column = column_of(net, snapper, units, location);
    if college >= matrix.colleges {
        matrix.colleges = college + 1;
        matrix
            .metres
            .resize(matrix.colleges * matrix.units, f32::NAN);
        matrix.college_snap_m.resize(matrix.colleges, f32::NAN);
    }
    matrix.metres[college * matrix.units..(college + 1) * matrix.units].copy_from_slice(&column);
    matrix.college_snap_m[college] = snapper
        .snap(net, location[0], location[1])
        .map_or(f32::NAN, |s| s.off);
}

fn column_for(
    net: &StreetNetwork,
    college: &Snap,
    units: &[Option<Snap>],
    cancel: &AtomicBool,
) -> Option<Vec<f32>> {
    let dist = distances_from(net, college, cancel)?;
    Some(
        units
            .iter()
            .map(|u| u.map_or(f32::NAN, |u| between(&u, college, &dist)))
            .collect(),
    )
}

/// A street grid of `side × side` nodes `spacing_m` apart, south-west corner at (lon, lat):
/// benchmarks and tests.
pub fn grid(side: usize, spacing_m: f64, lon: f64, lat: f64) -> StreetNetwork {
    let dlat = spacing_m / M_PER_DEG;
    let dlon = spacing_m / (M_PER_DEG * lat.to_radians().cos());
    let mut nodes = Vec::with_capacity(side * side);
    for r in 0..side {
        for c in 0..side {
            nodes.push([lon + c as f64 * dlon, lat + r as f64 * dlat]);
        }
    }
    let mut edges = Vec::with_capacity(2 * side * side);
    let id = |r: usize, c: usize| (r * side + c) as u32;
    for r in 0..side {
        for c in 0..side {
            if c + 1 < side {
                edges.push((id(r, c), id(r, c + 1), spacing_m as f32));
            }
            if r + 1 < side {
                edges.push((id(r, c), id(r + 1, c), spacing_m as f32));
            }
        }
    }
    StreetNetwork::from_parts(nodes, edges, Default::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_a_grid_the_walk_is_the_manhattan_distance_plus_the_way_to_the_street() {
        let net = grid(11, 100.0, 2.0, 48.0);
        let p = |col: f64, row: f64| {
            [
                2.0 + col * 100.0 / (M_PER_DEG * 48f64.to_radians().cos()),
                48.0 + row * 100.0 / M_PER_DEG,
            ]
        };
        // a unit at node (1, 1) and a collège 30 m off the street at (7.5, 4): along the
        // streets 6.5 × 100 + 3 × 100 = 950 m, plus the 30 m to the street
        let units = [p(1.0, 1.0)];
        let colleges = [p(7.5, 4.3)];
        let m = compute(&net, &units, &colleges, &Progress::default(), "k".into()).unwrap();
        let d = m.get(0, 0).unwrap();
        assert!((d - 980.0).abs() < 1.5, "{d}");
        assert!((m.college_snap_m[0] - 30.0).abs() < 0.5);
        // a river: cut every street crossing column 5 except at the top row, and the same walk
        // becomes a detour
        let mut edges: Vec<(u32, u32, f32)> = net
            .edges
            .iter()
            .copied()
            .filter(|&(a, b, _)| {
                let (ca, cb) = (a as usize % 11, b as usize % 11);
                let row = a as usize / 11;
                !((ca == 4 && cb == 5) && row != 10)
            })
            .collect();
        edges.sort_unstable_by_key(|e| (e.0, e.1));
        let river = StreetNetwork::from_parts(net.nodes.clone(), edges, Default::default());
        let m2 = compute(&river, &units, &colleges, &Progress::default(), "k".into()).unwrap();
        let d2 = m2.get(0, 0).unwrap();
        // up to row 10 and back down to row 4: 9 + 6 extra rows... 650 + 900 + 600 + 30
        assert!((d2 - 2180.0).abs() < 1.5, "{d2}");
    }

    #[test]
    fn a_moved_college_is_recomputed_alone_and_a_cancelled_run_stops() {
        let net = grid(21, 50.0, 2.0, 48.0);
        let units: Vec<[f64; 2]> = net.nodes.iter().step_by(7).copied().collect();
        let colleges = [net.nodes[0], net.nodes[440]];
        let full = compute(&net, &units, &colleges, &Progress::default(), "k".into()).unwrap();
        let mut partial = full.clone();
        partial.metres[units.len()..].fill(0.0);
        recompute_college(
            &net,
            &Snapper::new(&net),
            &mut partial,
            &units,
            1,
            colleges[1],
        );
        assert_eq!(partial, full);
        let stop = Progress::default();
        stop.cancel.store(true, Ordering::Relaxed);
        let big = grid(300, 50.0, 2.0, 48.0);
        assert!(compute(&big, &units, &colleges, &stop, "k".into()).is_none());
    }
}
