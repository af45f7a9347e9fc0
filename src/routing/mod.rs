//! Walking distances along real streets: the network (`network`), and the unit × collège matrix
//! computed once from it (`matrix`), cached on disk (`cache`). Every edit afterwards only looks
//! distances up.

pub mod cache;
pub mod matrix;
pub mod network;

use std::path::Path;

pub use matrix::{Progress, WalkMatrix};
pub use network::{NetworkError, NetworkReport, StreetNetwork};

use crate::model::Territory;

/// Points further than this from a street (metres) are listed for the user: their walk counts
/// that stretch as a straight line.
pub const FAR_SNAP_M: f32 = 300.0;

/// The units' representative points and the collèges' locations, lon/lat, in the territory's
/// order: the rows and columns of its walking matrix.
pub fn territory_points(t: &Territory) -> (Vec<[f64; 2]>, Vec<[f64; 2]>) {
    let units = t
        .units()
        .iter()
        .map(|u| [u.anchor.x(), u.anchor.y()])
        .collect();
    let colleges = t
        .colleges()
        .iter()
        .map(|c| [c.location.x(), c.location.y()])
        .collect();
    (units, colleges)
}

/// A routed territory: its walking matrix and the length of the streets it was routed on.
#[derive(Debug, Clone)]
pub struct Routed {
    /// Unit × collège walking distances.
    pub matrix: WalkMatrix,
    /// Length of the connected street network used, metres.
    pub street_m: f64,
    /// True when the matrix came from the cache rather than a new computation.
    pub from_cache: bool,
}

/// Routes a territory along its streets: the matrix is taken from the cache folder when its
/// inputs (network, unit points, collège locations) have not changed, computed otherwise and
/// then cached. `None` when the territory has no usable street or the work was cancelled.
pub fn route_territory(t: &Territory, cache: Option<&Path>, progress: &Progress) -> Option<Routed> {
    let lines = t.streets.iter().cloned().map(geo::Geometry::LineString);
    let net = StreetNetwork::from_lines(lines)?;
    let (units, colleges) = territory_points(t);
    let key = cache::key(&net, &units, &colleges);
    if let Some(m) = cache.and_then(|d| cache::load(d, &key, units.len(), colleges.len())) {
        return Some(Routed {
            matrix: m,
            street_m: net.total_length_m(),
            from_cache: true,
        });
    }
    let m = matrix::compute(&net, &units, &colleges, progress, key)?;
    if let Some(d) = cache {
        // a cache that cannot be written only costs a recomputation next time
        let _ = cache::save(d, &m);
    }
    Some(Routed {
        matrix: m,
        street_m: net.total_length_m(),
        from_cache: false,
    })
}

/// Why a street file cannot be used for a territory.
#[derive(Debug, thiserror::Error)]
pub enum StreetsError {
    /// The file cannot be read as a street network.
    #[error(transparent)]
    Network(#[from] NetworkError),
    /// Most of the territory's units lie outside the streets: a file of another place.
    #[error("only {inside} of {units} units lie within these streets")]
    Elsewhere {
        /// Units within the streets' extent.
        inside: usize,
        /// Units of the territory.
        units: usize,
    },
}

/// Reads a street file for a territory, refusing one that does not cover most of its units
/// (another place, or another projection).
pub fn read_streets_for(t: &Territory, file: &Path) -> Result<StreetNetwork, StreetsError> {
    let net = StreetNetwork::read(file)?;
    let (units, _) = territory_points(t);
    let inside = points_within(&net, &units);
    if inside * 2 < units.len() {
        return Err(StreetsError::Elsewhere {
            inside,
            units: units.len(),
        });
    }
    Ok(net)
}

/// How many of these points (lon/lat) lie within the network's extent, with about 500 m to
/// spare: a street file for another place covers none of a territory's units.
fn points_within(net: &StreetNetwork, points: &[[f64; 2]]) -> usize {
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for p in &net.nodes {
        for k in 0..2 {
            lo[k] = lo[k].min(p[k]);
            hi[k] = hi[k].max(p[k]);
        }
    }
    let margin = 0.005;
    points
        .iter()
        .filter(|p| (0..2).all(|k| p[k] >= lo[k] - margin && p[k] <= hi[k] + margin))
        .count()
}
