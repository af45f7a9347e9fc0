//! Sector colours: Paul Tol's colour-blind-safe "light" and "muted" schemes, light enough for
//! black text on top. Touching sectors get different colours (greedy colouring of the sector
//! adjacency of the baseline), and a collège keeps its colour for the whole session.

use egui::Color32;

use crate::model::{Scenario, Sector, Territory};

const PALETTE: [Color32; 12] = [
    Color32::from_rgb(0x77, 0xAA, 0xDD),
    Color32::from_rgb(0xEE, 0x88, 0x66),
    Color32::from_rgb(0xEE, 0xDD, 0x88),
    Color32::from_rgb(0x44, 0xBB, 0x99),
    Color32::from_rgb(0xFF, 0xAA, 0xBB),
    Color32::from_rgb(0xBB, 0xCC, 0x33),
    Color32::from_rgb(0x99, 0xDD, 0xFF),
    Color32::from_rgb(0xCC, 0x66, 0x77),
    Color32::from_rgb(0xBB, 0xAA, 0xDD),
    Color32::from_rgb(0xAA, 0x44, 0x99),
    Color32::from_rgb(0x44, 0xAA, 0x99),
    Color32::from_rgb(0xDD, 0xCC, 0x77),
];

/// Colour of a private collège's marker label (it has no sector to fill).
pub const PRIVATE: Color32 = Color32::from_rgb(0xF0, 0xF0, 0xF0);

/// One colour per collège; touching sectors differ where the palette allows.
pub fn college_colors(t: &Territory, baseline: &Scenario) -> Vec<Color32> {
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
    let mut chosen: Vec<Option<usize>> = vec![None; k];
    let mut next = 0;
    for c in 0..k {
        if t.colleges()[c].sector == Sector::Private {
            continue;
        }
        let used: Vec<usize> = touching[c].iter().filter_map(|&o| chosen[o]).collect();
        // prefer the next colour in turn (spreads colours), skipping those of touching sectors
        let pick = (0..PALETTE.len())
            .map(|i| (next + i) % PALETTE.len())
            .find(|i| !used.contains(i))
            .unwrap_or(next % PALETTE.len());
        chosen[c] = Some(pick);
        next = pick + 1;
    }
    chosen
        .into_iter()
        .map(|c| c.map(|i| PALETTE[i]).unwrap_or(PRIVATE))
        .collect()
}
