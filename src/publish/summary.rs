//! What the public may see of a scenario, compared with the baseline: one record that the
//! handout, the chart, the public table and the map picture all draw from, with the
//! confidentiality rule already applied. No figure reaches a public file without passing here.

use serde::Serialize;

use crate::metrics::{CollegeIndicators, Confidentiality, Metrics, Minority, MixFlag, WalkSource};
use crate::model::{CollegeId, Scenario, ScenarioMeta, Sector, Territory, changes_between};

/// Icons out of 100 for each part, the parts given with the whole they belong to: shown parts
/// get their share of 100 (largest remainders); what is hidden shares the rest.
/// Returns the icons of each part (0 for a hidden one) and the hidden icons.
pub fn icons_of(parts: &[Option<f64>], whole: f64) -> (Vec<usize>, usize) {
    if whole <= 0.0 {
        return (vec![0; parts.len()], 0);
    }
    let exact: Vec<f64> = parts
        .iter()
        .map(|p| p.map_or(0.0, |c| c / whole * 100.0))
        .collect();
    let mut icons: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
    let hidden_exact = 100.0 - exact.iter().sum::<f64>();
    let mut hidden = hidden_exact.max(0.0).floor() as usize;
    let mut left = 100usize.saturating_sub(icons.iter().sum::<usize>() + hidden);
    // largest remainders first (the hidden block competes like a part)
    let mut order: Vec<(f64, Option<usize>)> = exact
        .iter()
        .enumerate()
        .map(|(i, x)| (x - x.floor(), Some(i)))
        .collect();
    order.push((hidden_exact.max(0.0) - hidden_exact.max(0.0).floor(), None));
    order.sort_by(|a, b| b.0.total_cmp(&a.0));
    for (_, k) in order {
        if left == 0 {
            break;
        }
        match k {
            Some(i) if parts[i].is_some() => icons[i] += 1,
            Some(_) => continue,
            None => hidden += 1,
        }
        left -= 1;
    }
    (icons, hidden)
}

/// One collège's figures as the public may see them; `None` is "not shown" (unknown, or
/// hidden because it would reveal fewer than the threshold's pupils).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicFigures {
    /// Pupils received.
    pub pupils: Option<f64>,
    /// Pupils / capacity (1.0 = full).
    pub fill: Option<f64>,
    /// Mean IPS.
    pub ips: Option<f64>,
    /// Some IPS values are estimates.
    pub ips_estimated: bool,
    /// True when the pupils were estimated rather than counted.
    #[serde(default)]
    pub pupils_estimated: bool,
    /// The mixing rule's verdict.
    pub mix: MixFlag,
    /// The gap to the rule's reference (relative, or in points).
    pub gap: Option<f64>,
    /// Each social group out of 100 pupils (largest remainders); a hidden group is `None`.
    pub groups_of_100: Option<Vec<Option<usize>>>,
    /// Boursiers out of 100 pupils.
    pub boursiers_of_100: Option<usize>,
    /// Of 100 pupils, those not shown (hidden small groups).
    pub hidden_of_100: usize,
    /// Mean walk to the collège, minutes.
    pub walk_minutes: Option<f64>,
}

impl PublicFigures {
    fn of(i: &CollegeIndicators, privacy: Confidentiality, minutes: impl Fn(f64) -> f64) -> Self {
        let pupils = privacy.count(Some(i.pupils));
        if pupils.is_none() || i.pupils <= 0.0 {
            // a collège with a small intake: nothing about its pupils is shown
            return PublicFigures {
                pupils,
                fill: None,
                ips: None,
                ips_estimated: i.ips_estimated,
                pupils_estimated: i.pupils_estimated,
                mix: MixFlag::Unknown,
                gap: None,
                groups_of_100: None,
                boursiers_of_100: None,
                hidden_of_100: 0,
                walk_minutes: None,
            };
        }
        let whole = i.pupils;
        let (groups_of_100, hidden_of_100) = match &i.group_shares {
            Some(shares) => {
                let counts: Vec<f64> = shares.iter().map(|s| s * whole).collect();
                let shown = privacy.parts(&counts);
                let (icons, hidden) = icons_of(&shown, whole);
                let out = shown.iter().zip(icons).map(|(s, n)| s.map(|_| n)).collect();
                (Some(out), hidden)
            }
            None => (None, 0),
        };
        let boursiers_of_100 = i.boursier_share.and_then(|b| {
            let shown = privacy.parts(&[b * whole, whole - b * whole]);
            shown[0].and(shown[1]).map(|_| icons_of(&shown, whole).0[0])
        });
        PublicFigures {
            pupils,
            fill: i.capacity_use,
            ips: i.ips_mean,
            ips_estimated: i.ips_estimated,
            pupils_estimated: i.pupils_estimated,
            mix: i.mix_flag,
            gap: i.deviation,
            groups_of_100,
            boursiers_of_100,
            hidden_of_100,
            walk_minutes: i.walk_mean_m.map(minutes),
        }
    }
}

/// One collège, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicCollege {
    /// Which collège.
    #[serde(skip)]
    pub id: CollegeId,
    /// Its name.
    pub name: String,
    /// Private collèges have no sector.
    pub private: bool,
    /// The scenario's figures.
    pub now: PublicFigures,
    /// The baseline's figures.
    pub before: PublicFigures,
    /// Its sector changed.
    pub changed: bool,
}

/// Territory-wide indices, before and after (no count in them).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PublicIndices {
    /// Entropy index H (0 = every collège looks like the territory, 1 = total separation).
    pub entropy_h: Option<f64>,
    /// Dissimilarity of boursiers (share who would have to change collège for an even spread).
    pub dissimilarity_boursiers: Option<f64>,
    /// Dissimilarity of the most disadvantaged group.
    pub dissimilarity_disadvantaged: Option<f64>,
    /// Spread of public collèges' IPS, in IPS points (it needs only IPS).
    pub ips_spread: Option<f64>,
}

impl PublicIndices {
    fn of(m: &Metrics, t: &Territory) -> Self {
        let ti = m.territory();
        PublicIndices {
            entropy_h: ti.entropy.map(|e| e.indices.h),
            dissimilarity_boursiers: ti
                .minority(Minority::Boursiers)
                .and_then(|x| x.dissimilarity),
            dissimilarity_disadvantaged: t
                .groups
                .disadvantaged
                .and_then(|g| ti.minority(Minority::Group(g)))
                .and_then(|x| x.dissimilarity),
            ips_spread: ti.ips_spread.map(|s| s.spread),
        }
    }
}

/// What in the figures is estimated rather than measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Estimated {
    /// Some IPS values were estimated (from census groups, or from the écoles).
    Ips,
    /// Some pupil counts were estimated (from the écoles, or spread over a sector).
    Pupils,
    /// Walks are straight lines times a detour factor, not routes along the streets.
    WalkStraightLine,
    /// The territory is invented (the demo town).
    Fictional,
}

/// Everything a public handout or export shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PublicSummary {
    /// The territory's name.
    pub territory: String,
    /// Where the data comes from.
    pub sources: Vec<String>,
    /// How the territory's estimates were made, as the import recorded it.
    pub method: Vec<crate::model::MethodNote>,
    /// The territory's own notes.
    pub notes: String,
    /// The scenario shown: name, author, dates, notes.
    pub scenario: ScenarioMeta,
    /// The baseline's name.
    pub baseline: String,
    /// The social groups' names.
    pub groups: Vec<String>,
    /// The name of the group whose dissimilarity is given (the most disadvantaged), if any.
    pub disadvantaged: Option<String>,
    /// Every collège, public ones first, those that changed first among them.
    pub colleges: Vec<PublicCollege>,
    /// Units that change collège.
    pub units_changed: usize,
    /// Pupils concerned by the changes (hidden when fewer than the threshold).
    pub pupils_moved: Option<f64>,
    /// Indices before (baseline) and now (scenario).
    pub indices_before: PublicIndices,
    /// Indices of the scenario.
    pub indices_now: PublicIndices,
    /// Where the walking figures come from.
    #[serde(skip)]
    pub walk: WalkSource,
    /// The mixing rule's band (relative gap allowed), for the gauges.
    pub band: f64,
    /// The confidentiality threshold applied.
    pub threshold: f64,
    /// What is estimated.
    pub estimated: Vec<Estimated>,
    /// "Ce que coûte la mixité", when the handout is asked to carry it.
    #[serde(skip)]
    pub frontier: Option<super::frontier_chart::FrontierFigure>,
}

impl PublicSummary {
    /// The public view of `scenario` (with its `metrics`) against the `baseline`.
    pub fn new(
        t: &Territory,
        (baseline, base_metrics): (&Scenario, &Metrics),
        (scenario, metrics): (&Scenario, &Metrics),
        privacy: Confidentiality,
    ) -> Self {
        let config = metrics.config();
        let minutes = |m: f64| config.walk_minutes(m);
        let (units, moved) = changes_between(t, baseline, scenario);
        let mut touched = vec![false; t.colleges().len()];
        for &u in &units {
            for (c, _) in baseline
                .assignment(u)
                .shares()
                .chain(scenario.assignment(u).shares())
            {
                touched[c.index()] = true;
            }
        }
        let mut colleges: Vec<PublicCollege> = t
            .college_ids()
            .map(|c| PublicCollege {
                id: c,
                name: t.college(c).name.clone(),
                private: t.college(c).sector == Sector::Private,
                now: PublicFigures::of(&metrics.college(c, t), privacy, minutes),
                before: PublicFigures::of(&base_metrics.college(c, t), privacy, minutes),
                changed: touched[c.index()],
            })
            .collect();
        colleges.sort_by_key(|c| (c.private, !c.changed));
        let mut estimated = Vec::new();
        if t.info.fictional {
            estimated.push(Estimated::Fictional);
        }
        if colleges.iter().any(|c| c.now.ips_estimated) {
            estimated.push(Estimated::Ips);
        }
        if metrics.territory().pupils_estimated {
            estimated.push(Estimated::Pupils);
        }
        let walk = config.walk_source();
        if matches!(walk, WalkSource::StraightLine { .. }) {
            estimated.push(Estimated::WalkStraightLine);
        }
        PublicSummary {
            territory: t.info.name.clone(),
            sources: t.info.sources.clone(),
            method: t.info.method.clone(),
            notes: t.info.notes.clone(),
            scenario: scenario.meta.clone(),
            baseline: baseline.meta.name.clone(),
            groups: t.groups.names.clone(),
            disadvantaged: t
                .groups
                .disadvantaged
                .and_then(|g| t.groups.names.get(g).cloned()),
            colleges,
            units_changed: units.len(),
            pupils_moved: privacy.count(Some(moved)),
            indices_before: PublicIndices::of(base_metrics, t),
            indices_now: PublicIndices::of(metrics, t),
            walk,
            band: config.rule.threshold,
            threshold: privacy.threshold,
            estimated,
            frontier: None,
        }
    }

    /// The public collèges.
    pub fn public_colleges(&self) -> impl Iterator<Item = &PublicCollege> {
        self.colleges.iter().filter(|c| !c.private)
    }
}

/// The public table: one row per collège, before and after, every hidden figure left empty.
/// Numbers are written with a dot and no thousands separator, so that spreadsheets read them.
pub fn public_csv(s: &PublicSummary, lang: crate::i18n::Lang) -> String {
    let w = crate::i18n::public_texts(lang);
    let mut out = csv::WriterBuilder::new()
        .delimiter(crate::i18n::csv_delimiter(lang))
        .from_writer(Vec::new());
    let header: Vec<&str> = w.table_header.split(',').collect();
    let _ = out.write_record(&header);
    let num = |v: Option<f64>, decimals: usize| {
        v.map_or(String::new(), |v| {
            crate::i18n::csv_number(lang, v, decimals)
        })
    };
    let int = |v: Option<usize>| v.map_or(String::new(), |v| v.to_string());
    for c in &s.colleges {
        let sector = crate::i18n::public_private(lang, c.private);
        let changed = crate::i18n::yes_no(lang, c.changed);
        let _ = out.write_record([
            c.name.clone(),
            sector.to_string(),
            num(c.before.pupils, 0),
            num(c.now.pupils, 0),
            num(c.before.fill.map(|f| f * 100.0), 0),
            num(c.now.fill.map(|f| f * 100.0), 0),
            num(c.before.ips, 1),
            num(c.now.ips, 1),
            int(c.before.boursiers_of_100),
            int(c.now.boursiers_of_100),
            num(c.before.walk_minutes, 0),
            num(c.now.walk_minutes, 0),
            changed.to_string(),
        ]);
    }
    out.into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_use_largest_remainders_and_hidden_parts_share_the_rest() {
        // 1/3 each: 33, 33, 33 and one more to the largest remainder (ties: first)
        let (icons, hidden) = icons_of(&[Some(1.0), Some(1.0), Some(1.0)], 3.0);
        assert_eq!(icons.iter().sum::<usize>() + hidden, 100);
        assert_eq!(hidden, 0);
        // a hidden part of 3 out of 40 (7.5 %) and its partner of 4 (10 %): 17.5 icons grey
        let (icons, hidden) = icons_of(&[Some(33.0), None, None], 40.0);
        assert_eq!(icons, vec![83, 0, 0]);
        assert_eq!(hidden, 17);
    }
}
