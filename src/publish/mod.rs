//! Everything meant for the public: the confidential summary of a scenario, the social-mix
//! chart and the map picture (drawn with plotters), and the PDF handout. All of it reads the
//! figures through [`summary::PublicSummary`], where counts under the confidentiality threshold
//! are already hidden.

pub mod chart;
pub mod frontier_chart;
pub mod map;
pub mod palette;
pub mod pdf;
pub mod proofread;
pub mod record;
pub mod scenarios;
pub mod summary;

pub use summary::PublicSummary;

use crate::i18n::Lang;

/// One public file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// The PDF handout.
    Handout,
    /// The map as PNG.
    MapPng,
    /// The social-mix chart as SVG.
    ChartSvg,
    /// The social-mix chart as PNG.
    ChartPng,
    /// The public table as CSV.
    Table,
}

impl Output {
    /// Every output, in the order the window offers them.
    pub const ALL: [Output; 5] = [
        Output::Handout,
        Output::MapPng,
        Output::ChartSvg,
        Output::ChartPng,
        Output::Table,
    ];

    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Output::Handout => "pdf",
            Output::MapPng | Output::ChartPng => "png",
            Output::ChartSvg => "svg",
            Output::Table => "csv",
        }
    }
}

/// Why a public file could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    /// A picture failed.
    #[error(transparent)]
    Picture(#[from] chart::PictureError),
    /// The handout failed.
    #[error(transparent)]
    Handout(#[from] pdf::HandoutError),
}

/// The bytes of one public file. `now` dates the handout.
pub fn render(
    out: Output,
    summary: &PublicSummary,
    picture: &map::MapPicture<'_>,
    lang: Lang,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, PublishError> {
    Ok(match out {
        Output::Handout => pdf::handout(summary, picture, lang, now)?.pdf,
        Output::MapPng => map::map_png(picture, 1600)?,
        Output::ChartSvg => chart::mix_chart_svg(summary, lang)?.into_bytes(),
        Output::ChartPng => chart::mix_chart_png(summary, lang)?,
        Output::Table => summary::public_csv(summary, lang).into_bytes(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::metrics::{Confidentiality, Metrics, MetricsConfig};
    use crate::model::{
        College, CollegeId, Edit, Population, Scenario, ScenarioMeta, Territory, UnitId,
    };

    fn pop(pupils: f64, boursiers: f64, groups: [f64; 4]) -> Population {
        Population {
            pupils: Some(pupils),
            boursiers: Some(boursiers),
            ips_mean: Some(100.0),
            groups: Some(groups.to_vec()),
            ..Population::default()
        }
    }

    /// Five blocks in a row and three collèges, with small counts everywhere a careless export
    /// would show them: 3 pupils moved, a collège of 4 pupils, another with 2 boursiers and two
    /// groups of 2.
    fn small_counts() -> (Territory, Scenario, Scenario) {
        let units = vec![
            crate::model::Unit::square(
                "u0",
                0.00,
                45.0,
                0.01,
                pop(40.0, 3.0, [20.0, 15.0, 3.0, 2.0]),
            ),
            crate::model::Unit::square(
                "u1",
                0.01,
                45.0,
                0.01,
                pop(50.0, 30.0, [5.0, 10.0, 15.0, 20.0]),
            ),
            crate::model::Unit::square("u2", 0.02, 45.0, 0.01, pop(3.0, 1.0, [1.0, 1.0, 1.0, 0.0])),
            crate::model::Unit::square(
                "u3",
                0.03,
                45.0,
                0.01,
                pop(60.0, 2.0, [30.0, 26.0, 2.0, 2.0]),
            ),
            crate::model::Unit::square("u4", 0.04, 45.0, 0.01, pop(4.0, 2.0, [1.0, 1.0, 1.0, 1.0])),
        ];
        let college = |i: usize, x: f64| College {
            name: format!("Collège {i}"),
            short_name: format!("C{i}"),
            ..College::public(format!("{:07}A", 1_000_000 + i), geo::Point::new(x, 45.005))
                .with_capacity(100.0)
        };
        let colleges = vec![college(0, 0.01), college(1, 0.035), college(2, 0.045)];
        let t = Territory::of(units, colleges).unwrap();
        let mut base = Scenario::unassigned(ScenarioMeta::new("actuelle"), &t);
        let doc_base = |s: &mut Scenario, u: u32, c: u32| {
            let edit = Edit::Assign(vec![(
                UnitId(u),
                crate::model::Assignment::College(CollegeId(c)),
            )]);
            let mut m = Metrics::new(&t, s, MetricsConfig::default());
            edit.apply(&t, s, &mut m).unwrap();
        };
        for (u, c) in [(0, 0), (1, 0), (2, 1), (3, 1), (4, 2)] {
            doc_base(&mut base, u, c);
        }
        let mut proposal = base.derive("proposition");
        doc_base(&mut proposal, 2, 0);
        (t, base, proposal)
    }

    /// The integers written just before one of `words` ("4 élèves", "3\u{a0}pupils").
    fn counts_before(text: &str, words: &[&str]) -> Vec<u64> {
        let mut out = Vec::new();
        let chars: Vec<char> = text.chars().collect();
        for w in words {
            let wc: Vec<char> = w.chars().collect();
            for i in 0..chars.len() {
                if chars[i..].starts_with(&wc)
                    && i >= 2
                    && (chars[i - 1] == ' ' || chars[i - 1] == '\u{a0}')
                {
                    let mut j = i - 1;
                    while j > 0 && (chars[j - 1].is_ascii_digit() || chars[j - 1] == '\u{202f}') {
                        j -= 1;
                    }
                    let digits: String = chars[j..i - 1]
                        .iter()
                        .filter(|c| c.is_ascii_digit())
                        .collect();
                    if let Ok(n) = digits.parse() {
                        out.push(n);
                    }
                }
            }
        }
        out
    }

    #[test]
    fn no_public_output_shows_a_count_under_five() {
        let (t, base, proposal) = small_counts();
        let config = MetricsConfig::default();
        let mb = Metrics::new(&t, &base, config.clone());
        let mp = Metrics::new(&t, &proposal, config);
        let privacy = Confidentiality::default();
        let s = PublicSummary::new(&t, (&base, &mb), (&proposal, &mp), privacy);

        // the summary itself: 3 pupils moved, a collège of 4, 2 boursiers, groups of 2
        assert_eq!(s.units_changed, 1);
        assert_eq!(s.pupils_moved, None, "3 pupils moved");
        let by_name = |n: &str| s.colleges.iter().find(|c| c.name == n).unwrap();
        let c2 = by_name("Collège 2");
        assert_eq!(c2.now.pupils, None, "4 pupils");
        assert_eq!(c2.now.boursiers_of_100, None);
        assert_eq!(c2.now.groups_of_100, None);
        assert_eq!(c2.now.ips, None, "the IPS of 4 pupils is theirs");
        let c1 = by_name("Collège 1");
        assert_eq!(c1.now.pupils, Some(60.0));
        assert_eq!(c1.now.boursiers_of_100, None, "2 boursiers");
        let groups = c1.now.groups_of_100.clone().unwrap();
        assert_eq!(groups[2], None);
        assert_eq!(groups[3], None);
        assert!(c1.now.hidden_of_100 > 0);
        // every figure against the true counts: whatever is shown hides no small count
        for c in &s.colleges {
            for (f, m) in [(&c.now, &mp), (&c.before, &mb)] {
                let i = m.college(c.id, &t);
                if let Some(p) = f.pupils {
                    assert!(p >= 5.0, "{}: {p} pupils shown", c.name);
                }
                if f.boursiers_of_100.is_some() {
                    let b = i.boursier_share.unwrap() * i.pupils;
                    assert!(
                        !privacy.hides(b) && !privacy.hides(i.pupils - b),
                        "{}",
                        c.name
                    );
                }
                if let (Some(g), Some(shares)) = (&f.groups_of_100, &i.group_shares) {
                    let hidden: Vec<usize> = (0..g.len()).filter(|k| g[*k].is_none()).collect();
                    for (k, share) in shares.iter().enumerate() {
                        if privacy.hides(share * i.pupils) {
                            assert!(g[k].is_none(), "{}: group {k} shown", c.name);
                        }
                    }
                    assert_ne!(
                        hidden.len(),
                        1,
                        "one hidden part is the whole minus the rest"
                    );
                }
            }
        }

        // every public file: no number of pupils, boursiers or élèves under 5
        let words = ["élèves", "pupils", "boursiers"];
        for lang in [Lang::Fr, Lang::En] {
            let csv = summary::public_csv(&s, lang);
            let mut rows = csv.lines();
            rows.next();
            for row in rows {
                let cells: Vec<&str> = row
                    .split(char::from(crate::i18n::csv_delimiter(lang)))
                    .collect();
                for k in [2, 3] {
                    if let Ok(n) = cells[k].replace(',', ".").parse::<f64>() {
                        assert!(n >= 5.0, "pupils column: {row}");
                    }
                }
            }
            let svg = chart::mix_chart_svg(&s, lang).unwrap();
            assert!(svg.contains("<svg"));
            let styles = palette::sector_styles(&t, &base);
            let changed: Vec<UnitId> = proposal.changed_units(&base).collect();
            let picture = map::MapPicture {
                territory: &t,
                scenario: &proposal,
                styles: &styles,
                changed: &changed,
            };
            let h = pdf::handout(&s, &picture, lang, chrono::Utc::now()).unwrap();
            assert!(h.pdf.starts_with(b"%PDF"));
            let all = h.texts.join("\n");
            for n in counts_before(&all, &words)
                .into_iter()
                .chain(counts_before(&svg, &words))
            {
                assert!(n == 0 || n >= 5, "{n} shown in {lang:?}:\n{all}");
            }
            // and the small counts are said to be hidden, not dropped silently
            let fewer = if lang == Lang::Fr {
                "moins de 5 élèves"
            } else {
                "fewer than 5 pupils"
            };
            assert!(all.contains(fewer), "{all}");
            // H is an index "sur 100", never a share; the group named is one the cards show;
            // the gauge says its IPS and what its marks mean
            let (on_100, no_such_group, gauge) = if lang == Lang::Fr {
                (" sur 100", "très défavorisés", "le rond blanc")
            } else {
                (" out of 100", "most disadvantaged", "white ring")
            };
            let ips = crate::i18n::labelled(lang, crate::i18n::public_texts(lang).ips, "");
            assert!(all.contains(on_100), "{all}");
            assert!(!all.contains(no_such_group), "{all}");
            assert!(all.contains(ips.trim_end()) && all.contains(gauge), "{all}");
            // the words it uses, each defined once
            assert!(
                all.contains(crate::i18n::common(lang).glossary_heading),
                "{all}"
            );
            let ips_name = crate::i18n::glossary::name(lang, crate::i18n::glossary::Term::Ips);
            assert!(all.contains(&ips_name), "{all}");
            // and every text of the handout and every cell of the table, proofread
            let cells: Vec<String> = csv
                .lines()
                .flat_map(|l| {
                    l.split(char::from(crate::i18n::csv_delimiter(lang)))
                        .map(str::to_string)
                        .collect::<Vec<_>>()
                })
                .collect();
            for text in h.texts.iter().chain(&cells) {
                let found = proofread::defects(lang, text, true);
                assert!(found.is_empty(), "{lang:?}: {found:?}");
            }
        }
    }

    #[test]
    fn the_helper_finds_counts_before_words() {
        assert_eq!(
            counts_before("4 élèves, 1\u{202f}200\u{a0}élèves", &["élèves"]),
            vec![4, 1200]
        );
    }
}
