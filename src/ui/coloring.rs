//! How the map fills units: by collège (default), or in classes of IPS, boursier share or
//! walking time, with a legend in plain words. Class colours are viridis steps (readable with
//! every form of colour blindness, and in greyscale).

use egui::Color32;

use crate::i18n::{Lang, number, texts};
use crate::metrics::Metrics;
use crate::model::{Scenario, Territory, UnitId};

/// What the map's fill shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coloring {
    /// Each unit in its collège's colour.
    College,
    /// The unit's mean IPS.
    Ips,
    /// The unit's share of boursiers.
    Boursiers,
    /// Walking time to the assigned collège.
    Walk,
    /// Walking time from every unit to the selected collège, in bands of 10, 20 and 30
    /// minutes: where the collège is reachable on foot.
    Reach,
}

/// Five viridis steps, light (low) to dark (high).
pub const CLASSES: [Color32; 5] = [
    Color32::from_rgb(0xFD, 0xE7, 0x25),
    Color32::from_rgb(0x5E, 0xC9, 0x62),
    Color32::from_rgb(0x21, 0x91, 0x8C),
    Color32::from_rgb(0x3B, 0x52, 0x8B),
    Color32::from_rgb(0x44, 0x01, 0x54),
];

/// Grey for unknown values.
pub const UNKNOWN: Color32 = Color32::from_rgb(205, 205, 205);

fn class_of(v: f64, bounds: &[f64; 4]) -> usize {
    bounds.iter().take_while(|&&b| v >= b).count()
}

const IPS_BOUNDS: [f64; 4] = [85.0, 100.0, 115.0, 130.0];
const BOURS_BOUNDS: [f64; 4] = [0.10, 0.20, 0.30, 0.45];
const WALK_MIN_BOUNDS: [f64; 4] = [10.0, 20.0, 30.0, 45.0];
/// The reach bands: up to 10, 20, 30 minutes, and beyond.
const REACH_MIN_BOUNDS: [f64; 3] = [10.0, 20.0, 30.0];
/// The reach bands' colours: the walk mode's first three, and its darkest for "beyond".
const REACH_CLASSES: [Color32; 4] = [CLASSES[0], CLASSES[1], CLASSES[2], CLASSES[4]];

impl Coloring {
    /// The fill of a unit.
    pub fn fill(
        self,
        u: UnitId,
        t: &Territory,
        s: &Scenario,
        m: &Metrics,
        college_colors: &[Color32],
        selected: Option<crate::model::CollegeId>,
    ) -> Color32 {
        let p = &t.unit(u).population;
        let a = s.assignment(u).main_college();
        let pick = |v: Option<f64>, bounds: &[f64; 4]| match v {
            Some(v) => CLASSES[class_of(v, bounds)],
            None => UNKNOWN,
        };
        match self {
            Coloring::College => a
                .and_then(|c| college_colors.get(c.index()).copied())
                .unwrap_or(UNKNOWN),
            // low IPS is dark: the eye reads "darker = more disadvantaged"
            Coloring::Ips => match p.ips_mean {
                Some(v) => CLASSES[4 - class_of(v, &IPS_BOUNDS)],
                None => UNKNOWN,
            },
            Coloring::Boursiers => pick(
                match (p.boursiers, p.pupils) {
                    (Some(b), Some(n)) if n > 0.0 => Some(b / n),
                    _ => None,
                },
                &BOURS_BOUNDS,
            ),
            Coloring::Walk => pick(
                a.and_then(|c| m.walk_m(t, u, c))
                    .map(|d| m.config().walk_minutes(d)),
                &WALK_MIN_BOUNDS,
            ),
            Coloring::Reach => match selected.and_then(|c| m.walk_m(t, u, c)) {
                Some(d) => {
                    let minutes = m.config().walk_minutes(d);
                    REACH_CLASSES[REACH_MIN_BOUNDS
                        .iter()
                        .take_while(|&&b| minutes > b)
                        .count()]
                }
                None => UNKNOWN,
            },
        }
    }

    /// The legend's title and class rows (colour, words).
    pub fn legend(
        self,
        lang: Lang,
        walk: crate::metrics::WalkSource,
        reach_of: Option<&str>,
    ) -> (String, Vec<(Color32, String)>) {
        let tx = texts(lang);
        let n = |x: f64| number(lang, x, 0);
        let ranges = |bounds: &[f64; 4], scale: f64, unit: &str| -> Vec<String> {
            let b: Vec<String> = bounds.iter().map(|x| n(x * scale)).collect();
            vec![
                format!("< {}{unit}", b[0]),
                format!("{} – {}{unit}", b[0], b[1]),
                format!("{} – {}{unit}", b[1], b[2]),
                format!("{} – {}{unit}", b[2], b[3]),
                format!("> {}{unit}", b[3]),
            ]
        };
        match self {
            Coloring::College => (tx.legend_colleges.into(), Vec::new()),
            Coloring::Ips => {
                let mut rows: Vec<(Color32, String)> = ranges(&IPS_BOUNDS, 1.0, "")
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| (CLASSES[4 - i], r))
                    .collect();
                rows[0].1 = format!("{} ({})", rows[0].1, tx.less_favoured);
                rows[4].1 = format!("{} ({})", rows[4].1, tx.more_favoured);
                (tx.color_by_ips.into(), rows)
            }
            Coloring::Boursiers => (
                tx.color_by_boursiers.into(),
                ranges(&BOURS_BOUNDS, 100.0, " %")
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| (CLASSES[i], r))
                    .collect(),
            ),
            Coloring::Walk => (
                format!(
                    "{} ({})",
                    tx.color_by_walk,
                    crate::i18n::walk_how(lang, walk)
                ),
                ranges(&WALK_MIN_BOUNDS, 1.0, &format!(" {}", tx.minutes))
                    .into_iter()
                    .enumerate()
                    .map(|(i, r)| (CLASSES[i], r))
                    .collect(),
            ),
            Coloring::Reach => match reach_of {
                None => (tx.reach_pick.into(), Vec::new()),
                Some(name) => {
                    let m = tx.minutes;
                    (
                        format!(
                            "{} {name} ({})",
                            tx.color_by_reach,
                            crate::i18n::walk_how(lang, walk)
                        ),
                        vec![
                            (REACH_CLASSES[0], format!("≤ 10 {m}")),
                            (REACH_CLASSES[1], format!("10 – 20 {m}")),
                            (REACH_CLASSES[2], format!("20 – 30 {m}")),
                            (REACH_CLASSES[3], format!("> 30 {m}")),
                        ],
                    )
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_fall_in_the_right_class() {
        assert_eq!(class_of(84.9, &IPS_BOUNDS), 0);
        assert_eq!(class_of(85.0, &IPS_BOUNDS), 1);
        assert_eq!(class_of(150.0, &IPS_BOUNDS), 4);
    }

    #[test]
    fn every_mode_has_a_legend_in_both_languages() {
        for c in [Coloring::Ips, Coloring::Boursiers, Coloring::Walk] {
            for lang in [Lang::Fr, Lang::En] {
                let walk = crate::metrics::WalkSource::StraightLine { detour_factor: 1.0 };
                let (title, rows) = c.legend(lang, walk, None);
                assert!(!title.is_empty());
                assert_eq!(rows.len(), 5);
            }
        }
    }

    #[test]
    fn reach_bands_follow_the_walk_to_the_chosen_college_whoever_the_unit_goes_to() {
        use crate::metrics::MetricsConfig;
        use crate::model::CollegeId;
        let (t, s) = crate::io::territory_files::embedded_demo().unwrap();
        let m = Metrics::new(&t, &s, MetricsConfig::default());
        let c = CollegeId(0);
        let mut seen = [0usize; 4];
        for u in t.unit_ids() {
            let fill = Coloring::Reach.fill(u, &t, &s, &m, &[], Some(c));
            let minutes = m.config().walk_minutes(m.walk_m(&t, u, c).unwrap());
            let band = REACH_CLASSES.iter().position(|k| *k == fill).unwrap();
            let expected = if minutes <= 10.0 {
                0
            } else if minutes <= 20.0 {
                1
            } else if minutes <= 30.0 {
                2
            } else {
                3
            };
            assert_eq!(band, expected, "{minutes} min");
            seen[band] += 1;
            assert_eq!(Coloring::Reach.fill(u, &t, &s, &m, &[], None), UNKNOWN);
        }
        // the demo town is wide enough for every band
        assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
        let (title, rows) =
            Coloring::Reach.legend(Lang::Fr, m.config().walk_source(), Some(&t.college(c).name));
        assert!(title.contains(&t.college(c).name) && title.contains("vol d'oiseau"));
        assert_eq!(rows.len(), 4);
    }
}
