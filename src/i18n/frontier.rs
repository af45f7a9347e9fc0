//! The words of the frontier ("what mixing costs") and of the neutral ensemble, shared by the
//! window and the command line.

use super::{Lang, number, tr};
use crate::assistant::Constraints;
use crate::assistant::Target;
use crate::metrics::Minority;

words! {
    /// The window "what mixing costs".
    pub struct FrontierTexts("front-") {
        /// The window's title.
        title,
        /// The assistant's button that opens it.
        open,
        /// What the button does.
        open_hint,
        /// What the curve is.
        intro,
        /// The rules the curve keeps.
        rules(rules: &str),
        /// The settings line's words.
        up_to,
        /// The settings line's words.
        in_points,
        /// The settings line's words.
        points,
        /// The settings line's words.
        seconds,
        /// The ensemble's settings.
        ensemble,
        /// The ensemble's settings.
        maps,
        /// Start the sweep.
        run,
        /// Stop it.
        stop,
        /// Which point is being searched.
        progress(point: usize, points: usize),
        /// While the random maps are drawn.
        drawing,
        /// The horizontal axis.
        axis_moved,
        /// The vertical axis.
        axis_index(index: &str),
        /// The current map's point.
        current,
        /// The ensemble's band.
        band(maps: usize),
        /// What the points' colour says.
        walk_legend(low: &str, high: &str),
        /// One point in words.
        point(moved: &str, index: &str, walk: &str),
        /// A walk nobody knows.
        walk_unknown,
        /// Keep the chosen point's map.
        keep,
        /// How to see a point's map.
        click_hint,
        /// The scenarios' table.
        table_heading,
        /// Column heads.
        col_name,
        /// Column heads.
        col_moved,
        /// Column heads.
        col_index,
        /// Column heads.
        col_curve,
        /// Column heads.
        col_ensemble,
        /// A scenario as good as the curve.
        on_curve,
        /// A scenario the curve beats.
        above_curve(gap: &str),
        /// A scenario moving more pupils than the curve's last point.
        beyond_curve,
        /// A share of the ensemble.
        share(share: &str),
        /// No ensemble drawn.
        not_drawn,
        /// The name of a scenario kept from the curve.
        kept_name(moved: &str),
        /// Its notes.
        notes(index: &str, moved: &str, limits: &str),
        /// Said once it is kept.
        kept(name: &str, blocks: usize),
        /// Every point leaves the map as it is.
        empty,
        /// A scenario against the curve, in a sentence.
        scenario_line(name: &str, moved: &str, index: &str, curve: &str),
        /// The same with its place in the ensemble.
        scenario_line_drawn(name: &str, moved: &str, index: &str, curve: &str, share: &str),
        /// The public window's choice to add the chart to the handout.
        handout_option,
        /// Said there while no curve is drawn.
        handout_none,
        /// What the curve is and is not, under it on the handout.
        handout_from(seconds: &str),
    }
}

/// The window's words in one language.
pub fn frontier_texts(lang: Lang) -> &'static FrontierTexts {
    FrontierTexts::of(lang)
}

/// Where the frontier bends, in words: beyond `moved` pupils, each hundred more gains only
/// `gain` (in the index's own unit).
pub fn knee_sentence(lang: Lang, target: Target, moved: f64, gain: f64) -> String {
    tr(
        lang,
        "frontier-knee",
        &[
            ("moved", number(lang, moved, 0).into()),
            ("gain", number(lang, target.display(gain), 2).into()),
            (
                "ips",
                if target == Target::IpsSpread {
                    "yes"
                } else {
                    "no"
                }
                .into(),
            ),
        ],
    )
}

/// The frontier that does not bend, in words.
pub fn no_knee_sentence(lang: Lang) -> String {
    tr(lang, "frontier-no-knee", &[])
}

/// The rules an ensemble's maps keep, in words ("secteurs d'un seul tenant, remplissage entre 70
/// et 105 %"); the cap on pupils moved is not one of them.
pub fn ensemble_rules(lang: Lang, c: &Constraints) -> String {
    let mut rules = Vec::new();
    if c.keep_contiguous {
        rules.push(tr(lang, "ensemble-rule-contiguous", &[]));
    }
    if let Some((lo, hi)) = c.capacity {
        rules.push(tr(
            lang,
            "ensemble-rule-capacity",
            &[
                ("low", number(lang, lo * 100.0, 0).into()),
                ("high", number(lang, hi * 100.0, 0).into()),
            ],
        ));
    }
    if let Some(m) = c.max_walk_increase_m {
        rules.push(tr(
            lang,
            "ensemble-rule-walk",
            &[("metres", number(lang, m, 0).into())],
        ));
    }
    if let Some(m) = c.max_walk_m {
        rules.push(tr(
            lang,
            "assistant-limit-walk_max",
            &[("km", number(lang, m / 1000.0, 1).into())],
        ));
    }
    if c.keep_schools {
        rules.push(tr(lang, "ensemble-rule-schools", &[]));
    }
    if rules.is_empty() {
        tr(lang, "ensemble-rule-none", &[])
    } else {
        rules.join(", ")
    }
}

/// What an ensemble is and is not, in words.
pub fn ensemble_what(
    lang: Lang,
    e: &crate::assistant::ensemble::Ensemble,
    c: &Constraints,
) -> String {
    tr(
        lang,
        "ensemble-what",
        &[
            ("maps", e.values.len().into()),
            ("changes", e.changes_between.into()),
            ("rules", ensemble_rules(lang, c).into()),
        ],
    )
}

/// Which map an ensemble sentence places.
pub enum Placed<'a> {
    /// The current map.
    Current,
    /// The assistant's proposal.
    Proposal,
    /// A scenario, by name.
    Scenario(&'a str),
}

/// Where a map of index `value` falls in the ensemble, in words: "plus mixte que 97 % de ces
/// 2 000 cartes".
pub fn ensemble_place(
    lang: Lang,
    e: &crate::assistant::ensemble::Ensemble,
    placed: Placed,
    value: f64,
) -> String {
    let share = number(lang, 100.0 * e.share_less_mixed(value), 0);
    let maps = e.values.len();
    match placed {
        Placed::Current => tr(
            lang,
            "ensemble-current",
            &[("share", share.into()), ("maps", maps.into())],
        ),
        Placed::Proposal => tr(
            lang,
            "ensemble-proposal",
            &[("share", share.into()), ("maps", maps.into())],
        ),
        Placed::Scenario(name) => tr(
            lang,
            "front-scenario_place",
            &[
                ("name", name.into()),
                ("share", share.into()),
                ("maps", maps.into()),
            ],
        ),
    }
}

/// Where the map on show falls in the last ensemble drawn, for the indicators panel.
pub fn panel_place(
    lang: Lang,
    e: &crate::assistant::ensemble::Ensemble,
    index_name: &str,
    value: f64,
) -> String {
    tr(
        lang,
        "ensemble-panel",
        &[
            ("index", index_name.into()),
            (
                "share",
                number(lang, 100.0 * e.share_less_mixed(value), 0).into(),
            ),
            ("maps", e.values.len().into()),
        ],
    )
}

/// The index's name, as the assistant says it.
pub fn index_name(lang: Lang, target: Target, t: &crate::model::Territory) -> String {
    let tx = super::assistant_texts(lang);
    match target {
        Target::Entropy => tx.index_entropy.into(),
        Target::Dissimilarity(Minority::Boursiers) => tx.index_boursiers.into(),
        Target::Dissimilarity(Minority::Group(g)) if Some(g) == t.groups.disadvantaged => {
            tx.index_disadvantaged.into()
        }
        Target::Dissimilarity(Minority::Group(g)) => {
            t.groups.names.get(g).cloned().unwrap_or_default()
        }
        Target::IpsSpread => super::departement::spread_texts(lang).label.into(),
    }
}

/// The limits a proposal kept, as words of a sentence (never the window's labels).
pub fn limits_text(lang: Lang, c: &Constraints) -> String {
    let pct = |x: f64| number(lang, x * 100.0, 0);
    let km = |m: f64| number(lang, m / 1000.0, 1);
    let mut parts = Vec::new();
    if let Some((lo, hi)) = c.capacity {
        parts.push(tr(
            lang,
            "assistant-limit-capacity",
            &[("low", pct(lo).into()), ("high", pct(hi).into())],
        ));
    }
    if let Some(m) = c.max_walk_increase_m {
        parts.push(tr(
            lang,
            "assistant-limit-walk_increase",
            &[("km", km(m).into())],
        ));
    }
    if let Some(m) = c.max_walk_m {
        parts.push(tr(
            lang,
            "assistant-limit-walk_max",
            &[("km", km(m).into())],
        ));
    }
    if let Some(p) = c.max_moved_pupils {
        parts.push(tr(
            lang,
            "assistant-limit-moved",
            &[("n", number(lang, p, 0).into())],
        ));
    }
    if c.keep_contiguous {
        parts.push(tr(lang, "assistant-limit-contiguous", &[]));
    }
    if c.keep_schools {
        parts.push(tr(lang, "assistant-limit-schools", &[]));
    }
    parts.join(" · ")
}
