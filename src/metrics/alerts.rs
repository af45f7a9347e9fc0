//! Alerts that need the map, not only sums: a sector in several pieces. Contiguity is a warning
//! the field may ignore (a "peau de léopard" sector is a lever), never a rule.

use crate::model::{Scenario, Territory};

/// For each collège, the number of separate pieces of its sector (units joined through shared
/// boundaries, by each unit's main collège); 0 for an empty sector.
///
/// # Examples
/// ```
/// # use carte_mixite::generate::{synthetic_territory, SyntheticSpec};
/// # use carte_mixite::metrics::alerts::sector_pieces;
/// let (t, s) = synthetic_territory(&SyntheticSpec { units: 300, colleges: 5, seed: 1 });
/// let pieces = sector_pieces(&t, &s);
/// assert_eq!(pieces.len(), 5);
/// ```
pub fn sector_pieces(t: &Territory, s: &Scenario) -> Vec<usize> {
    let n = t.units().len();
    let mut parent: Vec<u32> = (0..n as u32).collect();
    fn root(parent: &mut [u32], mut i: u32) -> u32 {
        while parent[i as usize] != i {
            parent[i as usize] = parent[parent[i as usize] as usize];
            i = parent[i as usize];
        }
        i
    }
    let main: Vec<_> = t
        .unit_ids()
        .map(|u| s.assignment(u).main_college())
        .collect();
    for u in t.unit_ids() {
        let Some(c) = main[u.index()] else { continue };
        for nb in t.adjacency().of(u) {
            if main[nb.unit.index()] == Some(c) {
                let (a, b) = (root(&mut parent, u.0), root(&mut parent, nb.unit.0));
                if a != b {
                    parent[a as usize] = b;
                }
            }
        }
    }
    let mut pieces = vec![0; t.colleges().len()];
    for u in t.unit_ids() {
        if let Some(c) = main[u.index()]
            && root(&mut parent, u.0) == u.0
        {
            pieces[c.index()] += 1;
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Assignment, CollegeId, Population, ScenarioMeta, UnitId};

    #[test]
    fn a_leopard_skin_sector_has_two_pieces() {
        // four squares in a row: A A B A -> A has two pieces, B one
        let units = (0..4)
            .map(|i| {
                crate::model::Unit::square(
                    &format!("u{i}"),
                    f64::from(i) * 0.01,
                    45.0,
                    0.01,
                    Population::default(),
                )
            })
            .collect();
        let college =
            |uai: &str, x: f64| crate::model::College::public(uai, geo::Point::new(x, 45.0));
        let colleges = vec![college("A", 0.0), college("B", 0.03)];
        let t = Territory::of(units, colleges).unwrap();
        let mut s = Scenario::unassigned(ScenarioMeta::new("t"), &t);
        for (u, c) in [(0, 0), (1, 0), (2, 1), (3, 0)] {
            s.replace_assignment(UnitId(u), Assignment::College(CollegeId(c)));
        }
        assert_eq!(sector_pieces(&t, &s), vec![2, 1]);
    }
}
