//! The walking matrix on disk, so that it is computed once: a file named by the hash of
//! everything it depends on (the network, the units' points, the collèges' locations and this
//! format's version). Changing any input changes the name; an old file is simply not found.

use std::path::{Path, PathBuf};

use super::matrix::WalkMatrix;
use super::network::StreetNetwork;

const MAGIC: &[u8; 8] = b"CMWALK1\n";

/// The hash of a matrix's inputs, as hex.
pub fn key(net: &StreetNetwork, units: &[[f64; 2]], colleges: &[[f64; 2]]) -> String {
    let mut h = blake3::Hasher::new();
    h.update(MAGIC);
    h.update(&(net.nodes.len() as u64).to_le_bytes());
    for p in &net.nodes {
        h.update(&p[0].to_le_bytes());
        h.update(&p[1].to_le_bytes());
    }
    h.update(&(net.edges.len() as u64).to_le_bytes());
    for (a, b, w) in &net.edges {
        h.update(&a.to_le_bytes());
        h.update(&b.to_le_bytes());
        h.update(&w.to_le_bytes());
    }
    for points in [units, colleges] {
        h.update(&(points.len() as u64).to_le_bytes());
        for p in points {
            h.update(&p[0].to_le_bytes());
            h.update(&p[1].to_le_bytes());
        }
    }
    h.finalize().to_hex()[..32].to_string()
}

/// Where the matrix of these inputs is kept in a folder.
pub fn path_in(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("marche-{key}.bin"))
}

/// Writes a matrix (atomically).
pub fn save(dir: &Path, m: &WalkMatrix) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = Vec::with_capacity(64 + 4 * (m.metres.len() + m.units + m.colleges));
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&(m.units as u64).to_le_bytes());
    bytes.extend_from_slice(&(m.colleges as u64).to_le_bytes());
    for v in m
        .metres
        .iter()
        .chain(&m.unit_snap_m)
        .chain(&m.college_snap_m)
    {
        bytes.extend_from_slice(&v.to_le_bytes());
    }
    let path = path_in(dir, &m.key);
    crate::io::atomic_write(&path, &bytes)?;
    Ok(path)
}

/// Reads the matrix of these inputs, if one was saved; a damaged or foreign file is ignored
/// (the matrix is then computed again).
pub fn load(dir: &Path, key: &str, units: usize, colleges: usize) -> Option<WalkMatrix> {
    let bytes = std::fs::read(path_in(dir, key)).ok()?;
    let rest = bytes.strip_prefix(MAGIC)?;
    let word = |i: usize| -> Option<u64> {
        Some(u64::from_le_bytes(
            rest.get(i * 8..i * 8 + 8)?.try_into().ok()?,
        ))
    };
    if word(0)? != units as u64 || word(1)? != colleges as u64 {
        return None;
    }
    let floats: Vec<f32> = rest[16..]
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    if floats.len() != units * colleges + units + colleges {
        return None;
    }
    let (metres, snaps) = floats.split_at(units * colleges);
    let (unit_snap_m, college_snap_m) = snaps.split_at(units);
    Some(WalkMatrix {
        units,
        colleges,
        metres: metres.to_vec(),
        unit_snap_m: unit_snap_m.to_vec(),
        college_snap_m: college_snap_m.to_vec(),
        key: key.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routing::matrix::{Progress, compute, grid};

    #[test]
    fn a_saved_matrix_is_found_again_by_its_inputs_and_only_by_them() {
        let dir = std::env::temp_dir().join(format!("cm-walk-cache-{}", std::process::id()));
        let net = grid(10, 80.0, 3.0, 50.0);
        let units: Vec<[f64; 2]> = net.nodes.iter().step_by(3).copied().collect();
        let colleges = [net.nodes[5], net.nodes[77]];
        let k = key(&net, &units, &colleges);
        let m = compute(&net, &units, &colleges, &Progress::default(), k.clone()).unwrap();
        save(&dir, &m).unwrap();
        assert_eq!(load(&dir, &k, units.len(), 2), Some(m));
        // a collège moved: another key, nothing found
        let moved = [net.nodes[5], net.nodes[78]];
        let k2 = key(&net, &units, &moved);
        assert_ne!(k, k2);
        assert_eq!(load(&dir, &k2, units.len(), 2), None);
        // a damaged file is ignored
        std::fs::write(path_in(&dir, &k), b"CMWALK1\nshort").unwrap();
        assert_eq!(load(&dir, &k, units.len(), 2), None);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
