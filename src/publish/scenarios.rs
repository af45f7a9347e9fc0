//! Every scenario of a project side by side, as the room ranks them: the social separation
//! index, the IPS spread, the pupils who change collège, the walk, the collèges over capacity.
//! The counts follow the confidentiality rule (fewer than 5 pupils are not shown).

use crate::metrics::{Confidentiality, Minority};
use crate::model::{Document, Sector, changes_between};

/// One scenario's line of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioRow {
    /// Its place in the document (0: the current map).
    pub index: usize,
    /// Its name.
    pub name: String,
    /// Its author.
    pub author: String,
    /// Social separation "sur 100": H of the social groups, else D of the boursiers.
    pub separation: Option<f64>,
    /// Spread of the public collèges' IPS, in points.
    pub ips_spread: Option<f64>,
    /// Pupils who change collège from the current map (hidden when fewer than 5).
    pub pupils_moved: Option<f64>,
    /// Mean walk to the collège, metres, over the public collèges' pupils.
    pub walk_mean_m: Option<f64>,
    /// Public collèges over their capacity.
    pub over_capacity: usize,
}

/// The table's columns, by which it can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScenarioColumn {
    /// The name.
    Name,
    /// The separation index.
    Separation,
    /// The IPS spread.
    Spread,
    /// Pupils moved.
    Moved,
    /// The mean walk.
    Walk,
    /// Collèges over capacity.
    Over,
}

impl ScenarioRow {
    /// The value sorted on for a column (unknown last).
    fn key(&self, column: ScenarioColumn) -> Option<f64> {
        match column {
            ScenarioColumn::Name => None,
            ScenarioColumn::Separation => self.separation,
            ScenarioColumn::Spread => self.ips_spread,
            ScenarioColumn::Moved => self.pupils_moved,
            ScenarioColumn::Walk => self.walk_mean_m,
            ScenarioColumn::Over => Some(self.over_capacity as f64),
        }
    }
}

/// Every scenario of the document, in its order.
pub fn scenario_rows(doc: &Document) -> Vec<ScenarioRow> {
    let t = doc.territory();
    let base = &doc.baseline().scenario;
    let privacy = Confidentiality::default();
    doc.scenarios()
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let ti = s.metrics.territory();
            let separation = ti.entropy.map(|e| e.indices.h * 100.0).or_else(|| {
                ti.minority(Minority::Boursiers)
                    .and_then(|m| m.dissimilarity)
                    .map(|d| d * 100.0)
            });
            let (_, moved) = changes_between(t, base, &s.scenario);
            let (mut walk, mut pupils, mut over) = (0.0, 0.0, 0);
            for c in t
                .college_ids()
                .filter(|&c| t.college(c).sector == Sector::Public)
            {
                let i = s.metrics.college(c, t);
                if let Some(w) = i.walk_mean_m {
                    walk += w * i.pupils;
                    pupils += i.pupils;
                }
                over += usize::from(i.capacity_use.is_some_and(|u| u > 1.0 + 1e-9));
            }
            ScenarioRow {
                index,
                name: s.scenario.meta.name.clone(),
                author: s.scenario.meta.author.clone(),
                separation,
                ips_spread: ti.ips_spread.map(|x| x.spread),
                pupils_moved: privacy.count(Some(moved)),
                walk_mean_m: (pupils > 0.0).then(|| walk / pupils),
                over_capacity: over,
            }
        })
        .collect()
}

/// Sorts the rows by a column, smallest first (or largest with `descending`); the names
/// alphabetically; unknown values last either way.
pub fn sort_rows(rows: &mut [ScenarioRow], column: ScenarioColumn, descending: bool) {
    rows.sort_by(|a, b| {
        let order = match column {
            ScenarioColumn::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            _ => match (a.key(column), b.key(column)) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => return std::cmp::Ordering::Less,
                (None, Some(_)) => return std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
        };
        if descending { order.reverse() } else { order }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metrics::MetricsConfig;
    use crate::model::{CollegeId, Edit};

    #[test]
    fn each_scenario_is_measured_and_sorted_with_unknowns_last() {
        let (t, baseline) = crate::io::territory_files::embedded_demo().unwrap();
        let t = std::sync::Arc::new(t);
        let mut doc = Document::new(t.clone(), baseline, MetricsConfig::default());
        doc.new_scenario_from_active("Proposition");
        // one block of at least 5 pupils to another collège
        let u = t
            .unit_ids()
            .find(|&u| t.unit(u).population.pupils.is_some_and(|p| p >= 5.0))
            .unwrap();
        let to = (0..9)
            .map(CollegeId)
            .find(|&c| doc.active().scenario.assignment(u).main_college() != Some(c))
            .unwrap();
        doc.apply(Edit::Assign(vec![(
            u,
            crate::model::Assignment::College(to),
        )]))
        .unwrap();
        let rows = scenario_rows(&doc);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].pupils_moved, Some(0.0));
        let pupils = t.unit(u).population.pupils.unwrap();
        assert!((rows[1].pupils_moved.unwrap() - pupils).abs() < 1e-9);
        // the index is the one the panel shows ("sur 100")
        let h = doc.active().metrics.territory().entropy.unwrap().indices.h * 100.0;
        assert!((rows[1].separation.unwrap() - h).abs() < 1e-12);
        assert!(rows.iter().all(|r| r.walk_mean_m.is_some()));
        // sorted by pupils moved, most first; an unknown value goes last
        let mut sorted = rows.clone();
        sorted[0].separation = None;
        sort_rows(&mut sorted, ScenarioColumn::Moved, true);
        assert_eq!(sorted[0].index, 1);
        sort_rows(&mut sorted, ScenarioColumn::Separation, false);
        assert_eq!(sorted[1].index, 0);
        sort_rows(&mut sorted, ScenarioColumn::Separation, true);
        assert_eq!(sorted[1].index, 0);
    }
}
