//! `carte-mixite assist`: the proposal search, timed as a whole run.

use super::*;

pub(super) fn parse_bounds(text: &str) -> Result<Option<(f64, f64)>, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let parts: Vec<f64> = text
        .split(',')
        .map(|x| x.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("--capacity {text:?}: expected two numbers like 0.7,1.05, or none"))?;
    match parts.as_slice() {
        [lo, hi] if lo <= hi && *lo >= 0.0 => Ok(Some((*lo, *hi))),
        _ => Err(format!(
            "--capacity {text:?}: expected LOW,HIGH with 0 ≤ LOW ≤ HIGH, like 0.7,1.05"
        )),
    }
}

pub(super) fn parse_limit(text: &str) -> Result<Option<f64>, String> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    match text.trim().parse::<f64>() {
        Ok(x) if x >= 0.0 => Ok(Some(x)),
        _ => Err(format!("{text:?}: expected metres (a number ≥ 0) or none")),
    }
}

/// The index named on the command line.
pub fn parse_target(
    name: &str,
    t: &crate::model::Territory,
) -> Result<crate::assistant::Target, String> {
    use crate::assistant::Target;
    use crate::metrics::Minority;
    match name.to_lowercase().as_str() {
        "h" | "entropy" | "entropie" => Ok(Target::Entropy),
        "boursiers" => Ok(Target::Dissimilarity(Minority::Boursiers)),
        "ips" | "ecart-ips" | "ips-spread" => Ok(Target::IpsSpread),
        "defavorises" | "défavorisés" | "disadvantaged" => t
            .groups
            .disadvantaged
            .map(|g| Target::Dissimilarity(Minority::Group(g)))
            .ok_or_else(|| "this territory has no disadvantaged group: use h or boursiers".into()),
        _ => Err(format!(
            "--index {name:?}: expected h (entropy), boursiers, defavorises or ips (spread of IPS)"
        )),
    }
}

/// What `assist` is asked, whether for one proposal or the frontier.
pub(super) struct AssistRun<'a> {
    pub territory: &'a str,
    pub index: &'a str,
    pub constraints: &'a crate::assistant::Constraints,
    pub budget: crate::assistant::Budget,
    /// Maps of the neutral ensemble to draw (0: none).
    pub ensemble_maps: usize,
    pub streets: Option<&'a Path>,
}

pub(super) fn assist_command(
    run: &AssistRun<'_>,
    out: Option<&Path>,
    lang: Lang,
) -> Result<String, String> {
    let AssistRun {
        territory,
        index,
        constraints,
        budget,
        ensemble_maps,
        streets,
    } = *run;
    use crate::assistant::{Request, hill_climb, propose};
    use crate::io::territory_files::scenario_to_json;
    let o = open_all(territory, streets, lang)?;
    let t = &o.territory;
    let base = &o.baseline;
    let constraints = &constraints.binding_on(t);
    let target = parse_target(index, t)?;
    let m = Metrics::new(t, base, o.config.clone());
    let began = std::time::Instant::now();
    let p = propose(
        &Request::from_baseline(t, base, &m, target, constraints),
        budget,
        &mut |_| true,
    )
    .map_err(|e| e.to_string())?;
    let whole = began.elapsed();
    let climb_began = std::time::Instant::now();
    let (climbed, climb_moves) =
        hill_climb(&Request::from_baseline(t, base, &m, target, constraints))
            .map_err(|e| e.to_string())?;
    let climb_time = climb_began.elapsed();
    let after = p.scenario(base);
    let ma = Metrics::new(t, &after, o.config.clone());
    // H and D on their 0-1 scale; the IPS spread in IPS points, not as the variance searched
    let shown = |v: f64| match target {
        crate::assistant::Target::IpsSpread => target.display(v),
        _ => v,
    };
    let value = |m: &Metrics| target.value(&m.territory()).map(shown);
    let mean_walk = |m: &Metrics| m.mean_walk_m();
    let mut s = String::new();
    let f = |x: Option<f64>| x.map_or("unknown".into(), |v| format!("{v:.4}"));
    let _ = writeln!(
        s,
        "{}: {} units, {} collèges",
        t.info.name,
        t.units().len(),
        t.colleges().len()
    );
    let _ = writeln!(
        s,
        "index {index}: {} → {} ({:+.1} %)",
        f(value(&m)),
        f(value(&ma)),
        (shown(p.value) / shown(p.start_value) - 1.0) * 100.0
    );
    let _ = writeln!(
        s,
        "first proposal after {:.2} s: {:.4}",
        p.first_after.as_secs_f64(),
        shown(p.greedy_value)
    );
    let _ = writeln!(
        s,
        "whole run {:.2} s ({} annealing steps)",
        whole.as_secs_f64(),
        p.steps
    );
    let _ = writeln!(
        s,
        "hill climb from the same start: {:.4} ({} moves, {:.2} s)",
        shown(climbed),
        climb_moves.len(),
        climb_time.as_secs_f64()
    );
    let units: usize = p.moves.iter().map(|m| m.units.len()).sum();
    let schools = p.moves.iter().filter(|m| m.school.is_some()).count();
    let _ = writeln!(
        s,
        "moves: {units} units{}, {:.0} pupils change collège",
        if schools > 0 {
            format!(" (in {} moves, {schools} of whole écoles)", p.moves.len())
        } else {
            String::new()
        },
        p.moved_pupils()
    );
    let _ = writeln!(
        s,
        "mean walk: {} m → {} m",
        mean_walk(&m).map_or("unknown".into(), |v| format!("{v:.0}")),
        mean_walk(&ma).map_or("unknown".into(), |v| format!("{v:.0}"))
    );
    if ensemble_maps > 0 {
        let r = Request::from_baseline(t, base, &m, target, constraints);
        let e = draw(&r, ensemble_maps, budget.seed)?;
        s += &ensemble_sentence(
            lang,
            &e,
            constraints,
            &[(p.start_value, true), (p.value, false)],
        );
    }
    if let Some(path) = out {
        let mut sc = after;
        sc.meta = crate::model::ScenarioMeta::new("Proposition de l'assistant");
        crate::io::atomic_write(path, scenario_to_json(&sc, t).as_bytes())
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let _ = writeln!(s, "written to {}", path.display());
    }
    Ok(s)
}

/// `assist --frontier CAPS`: the best index for each cap on pupils moved, and the knee.
pub(super) fn frontier_command(
    run: &AssistRun<'_>,
    caps: &[f64],
    lang: Lang,
) -> Result<String, String> {
    let AssistRun {
        territory,
        index,
        constraints,
        budget,
        ensemble_maps,
        streets,
    } = *run;
    use crate::assistant::Request;
    use crate::assistant::frontier::{frontier, knee};
    use crate::i18n::{number, tr};
    let o = open_all(territory, streets, lang)?;
    let (t, base) = (&o.territory, &o.baseline);
    let constraints = &constraints.binding_on(t);
    let target = parse_target(index, t)?;
    let m = Metrics::new(t, base, o.config.clone());
    let start = target
        .value(&m.territory())
        .ok_or_else(|| tr(lang, "frontier-unknown", &[]))?;
    let began = std::time::Instant::now();
    let r = Request::from_baseline(t, base, &m, target, constraints);
    let points = frontier(&r, caps, budget, &mut |_| true).map_err(|e| e.to_string())?;
    // two decimals: on a département the curve falls by tenths of a point (8.12, 8.07, ...)
    let shown = |v: f64| number(lang, target.display(v), 2);
    let mut out = tr(
        lang,
        "frontier-heading",
        &[
            ("territory", t.info.name.as_str().into()),
            ("start", shown(start).into()),
        ],
    ) + "\n";
    let drawn = match ensemble_maps {
        0 => None,
        n => Some(draw(&r, n, budget.seed)?),
    };
    let beats = |v: f64| {
        drawn.as_ref().map_or(String::new(), |e| {
            format!("{:>8} %", number(lang, 100.0 * e.share_less_mixed(v), 0))
        })
    };
    let _ = writeln!(
        out,
        "{:>10}  {:>10}  {:>10}  {}",
        tr(lang, "frontier-cap", &[]),
        tr(lang, "frontier-moved", &[]),
        tr(lang, "frontier-index", &[]),
        if drawn.is_some() {
            tr(lang, "frontier-beats", &[])
        } else {
            String::new()
        }
    );
    for p in &points {
        let _ = writeln!(
            out,
            "{:>10}  {:>10}  {:>10}  {}",
            number(lang, p.cap, 0),
            number(lang, p.moved, 0),
            shown(p.value),
            beats(p.value)
        );
    }
    match knee(&points, start) {
        Some((i, gain)) => {
            out += &crate::i18n::frontier::knee_sentence(lang, target, points[i].moved, gain);
        }
        None => out += &crate::i18n::frontier::no_knee_sentence(lang),
    }
    if let Some(e) = &drawn {
        out += "\n";
        out += &ensemble_sentence(lang, e, constraints, &[(start, true)]);
    }
    let _ = writeln!(
        out,
        "\n{}",
        tr(
            lang,
            "frontier-time",
            &[
                ("points", points.len().into()),
                (
                    "seconds",
                    number(lang, began.elapsed().as_secs_f64(), 1).into()
                ),
            ],
        )
    );
    Ok(out)
}

/// The neutral ensemble of a request: `maps` maps, 40 random border changes apart.
fn draw(
    r: &crate::assistant::Request,
    maps: usize,
    seed: u64,
) -> Result<crate::assistant::ensemble::Ensemble, String> {
    crate::assistant::ensemble::ensemble(r, maps, 40, seed, &mut |_| true)
        .map_err(|e| e.to_string())
}

/// Where maps of these indices (the current map when `true`, the proposal otherwise) fall in
/// the ensemble, and what the ensemble is, in words: the rules its maps keep are those given.
fn ensemble_sentence(
    lang: Lang,
    e: &crate::assistant::ensemble::Ensemble,
    c: &crate::assistant::Constraints,
    placed: &[(f64, bool)],
) -> String {
    use crate::i18n::frontier::{Placed, ensemble_place, ensemble_what};
    let mut out = ensemble_what(lang, e, c) + "\n";
    for &(value, current) in placed {
        let which = if current {
            Placed::Current
        } else {
            Placed::Proposal
        };
        out += &ensemble_place(lang, e, which, value);
        out += "\n";
    }
    out
}
