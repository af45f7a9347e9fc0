//! Sector colours: Paul Tol's colour-blind-safe "light" and "muted" schemes, light enough for
//! black text on top. Touching sectors get different styles (greedy colouring of the sector
//! adjacency of the baseline), and a collège keeps its style for the whole session. When there
//! are more public collèges than colours, each colour is used a second time with stripes, so
//! that 24 sectors can be told apart before a colour repeats as is.

/// A colour as red, green, blue bytes (the core does not know egui).
pub type Rgb = [u8; 3];

use crate::model::{Scenario, Sector, Territory};

const PALETTE: [Rgb; 12] = [
    [0x77, 0xAA, 0xDD],
    [0xEE, 0x88, 0x66],
    [0xEE, 0xDD, 0x88],
    [0x44, 0xBB, 0x99],
    [0xFF, 0xAA, 0xBB],
    [0xBB, 0xCC, 0x33],
    [0x99, 0xDD, 0xFF],
    [0xCC, 0x66, 0x77],
    [0xBB, 0xAA, 0xDD],
    [0xAA, 0x44, 0x99],
    [0x44, 0xAA, 0x99],
    [0xDD, 0xCC, 0x77],
];

/// The four DEPP social groups, most favoured first: the PuOr diverging scheme (purple =
/// favoured, orange = disadvantaged), distinct with every common form of colour blindness.
pub const GROUP_RGB: [Rgb; 4] = [
    [0x5E, 0x3C, 0x99],
    [0xB2, 0xAB, 0xD2],
    [0xFD, 0xB8, 0x63],
    [0xE6, 0x61, 0x01],
];
/// Boursiers and the others.
pub const BOURSIER_RGB: [Rgb; 2] = [[0xE6, 0x61, 0x01], [0xB2, 0xAB, 0xD2]];
/// What is hidden (fewer than the threshold's pupils).
pub const HIDDEN_RGB: Rgb = [200, 200, 200];

/// Colour of a private collège's marker label (it has no sector to fill).
pub const PRIVATE: Rgb = [0xF0, 0xF0, 0xF0];

/// The look of each collège's sector.
#[derive(Debug, Clone, Default)]
pub struct SectorStyles {
    /// Fill colour of each collège (private ones: a neutral grey for their marker).
    pub colors: Vec<Rgb>,
    /// Whether its sector is drawn with stripes over the colour.
    pub hatched: Vec<bool>,
}

/// One style per collège; touching sectors differ where the palette allows.
pub fn sector_styles(t: &Territory, baseline: &Scenario) -> SectorStyles {
    let k = t.colleges().len();
    let mut touching = vec![std::collections::BTreeSet::new(); k];
    for u in t.unit_ids() {
        let Some(a) = baseline.assignment(u).main_college() else {
            continue;
        };
        for n in t.adjacency().of(u) {
            if let Some(b) = baseline.assignment(n.unit).main_college()
                && a != b
            {
                touching[a.index()].insert(b.index());
                touching[b.index()].insert(a.index());
            }
        }
    }
    let publics = t
        .colleges()
        .iter()
        .filter(|c| c.sector == Sector::Public)
        .count();
    // plain colours first; striped ones only when the plain ones run out
    let styles = if publics > PALETTE.len() {
        2 * PALETTE.len()
    } else {
        PALETTE.len()
    };
    let mut chosen: Vec<Option<usize>> = vec![None; k];
    let mut next = 0;
    for c in 0..k {
        if t.colleges()[c].sector == Sector::Private {
            continue;
        }
        let used: Vec<usize> = touching[c].iter().filter_map(|&o| chosen[o]).collect();
        // prefer the next style in turn (spreads them), skipping those of touching sectors
        let pick = (0..styles)
            .map(|i| (next + i) % styles)
            .find(|i| !used.contains(i))
            .unwrap_or(next % styles);
        chosen[c] = Some(pick);
        next = pick + 1;
    }
    SectorStyles {
        colors: chosen
            .iter()
            .map(|c| c.map(|i| PALETTE[i % PALETTE.len()]).unwrap_or(PRIVATE))
            .collect(),
        hatched: chosen
            .iter()
            .map(|c| c.is_some_and(|i| i >= PALETTE.len()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{College, Population, UnitId};

    /// A row of `n` square blocks, each its own collège's sector.
    fn row(n: usize) -> (Territory, Scenario) {
        let units = (0..n)
            .map(|i| {
                crate::model::Unit::square(
                    &format!("u{i}"),
                    0.01 * i as f64,
                    45.0,
                    0.01,
                    Population::default(),
                )
            })
            .collect();
        let colleges = (0..n)
            .map(|i| {
                College::public(
                    format!("{:07}A", 1_000_000 + i),
                    geo::Point::new(0.01 * i as f64 + 0.005, 45.005),
                )
                .named(format!("C{i}"))
            })
            .collect();
        let t = Territory::of(units, colleges).unwrap();
        let s = Scenario::nearest_public(crate::model::ScenarioMeta::new("test"), &t);
        for i in 0..n {
            let own = crate::model::CollegeId(i as u32);
            assert_eq!(s.assignment(UnitId(i as u32)).main_college(), Some(own));
        }
        (t, s)
    }

    #[test]
    fn stripes_appear_only_when_plain_colours_run_out_and_styles_stay_distinct() {
        let (t, s) = row(10);
        let st = sector_styles(&t, &s);
        assert!(
            st.hatched.iter().all(|h| !h),
            "10 sectors: plain colours only"
        );
        let (t, s) = row(20);
        let st = sector_styles(&t, &s);
        let styles: std::collections::HashSet<_> = st
            .colors
            .iter()
            .zip(&st.hatched)
            .map(|(c, h)| (*c, *h))
            .collect();
        assert_eq!(styles.len(), 20, "20 sectors, 20 different looks");
        assert_eq!(st.hatched.iter().filter(|h| **h).count(), 8);
        // touching sectors never look the same
        for i in 0..19 {
            assert_ne!(
                (st.colors[i], st.hatched[i]),
                (st.colors[i + 1], st.hatched[i + 1])
            );
        }
    }
}
