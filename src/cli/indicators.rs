//! `carte-mixite indicators`: every figure of a scenario, as a table, CSV or JSON.

use super::*;

pub(super) fn indicators(
    territory: &str,
    scenario: Option<&Path>,
    format: Format,
    streets: Option<&Path>,
    lang: Lang,
) -> Result<String, String> {
    let (t, baseline, config) = open_walkable(territory, streets, lang)?;
    let mut warnings = Vec::new();
    let s = match scenario {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) {
                // a block-assignment file (unit id, UAI), e.g. from Districtr or an export
                let name = p.file_stem().map(|n| n.to_string_lossy().into_owned());
                crate::io::export::parse_assignment_csv(&text, &t, &name.unwrap_or_default())
                    .map_err(|e| format!("{}: {e}", p.display()))?
            } else {
                let (s, w) = parse_scenario(&text, p, &t)
                    .map_err(|e| crate::i18n::load::load_error(lang, &e))?;
                warnings = w;
                s
            }
        }
        None => baseline.clone(),
    };
    let m = Metrics::new(&t, &s, config.clone());
    let base = Metrics::new(&t, &baseline, config);
    let mut out = String::new();
    for w in &warnings {
        let _ = writeln!(out, "! {w}");
    }
    match format {
        Format::Json => {
            let colleges: Vec<serde_json::Value> = t
                .college_ids()
                .map(|c| {
                    let col = t.college(c);
                    serde_json::json!({
                        "uai": col.uai,
                        "name": col.name,
                        "sector": col.sector,
                        "indicators": m.college(c, &t),
                        "baseline": base.college(c, &t),
                    })
                })
                .collect();
            let doc = serde_json::json!({
                "territory": t.info,
                "scenario": s.meta,
                "walking": {
                    "along": match m.config().walk_source() {
                        crate::metrics::WalkSource::Streets => "streets",
                        crate::metrics::WalkSource::StraightLine { .. } => "straight_line",
                    },
                    "detour_factor": match m.config().walk_source() {
                        crate::metrics::WalkSource::Streets => None,
                        crate::metrics::WalkSource::StraightLine { detour_factor } => {
                            Some(detour_factor)
                        }
                    },
                    "speed_kmh": m.config().walk_speed_kmh,
                    "threshold_m": m.config().walk_threshold_m,
                },
                "rule": m.config().rule,
                "colleges": colleges,
                "indices": m.territory(),
                "baseline_indices": base.territory(),
            });
            out.push_str(&serde_json::to_string_pretty(&doc).unwrap_or_default());
            out.push('\n');
        }
        Format::Csv => {
            out.push_str(
                "uai,name,sector,pupils,capacity_use,classes_6e_needed,ips_mean,ips_sd,boursier_share,rule_deviation,rule_flag,walk_mean_m,walk_max_m,walk_share_beyond,entropy_contribution\n",
            );
            for c in t.college_ids() {
                let col = t.college(c);
                let i = m.college(c, &t);
                let f = |v: Option<f64>| v.map(|x| format!("{x:.6}")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "{},\"{}\",{:?},{:.1},{},{},{},{},{},{},{:?},{},{},{},{}",
                    col.uai,
                    col.name.replace('"', "\"\""),
                    col.sector,
                    i.pupils,
                    f(i.capacity_use),
                    i.classes_6e_needed,
                    f(i.ips_mean),
                    f(i.ips_sd),
                    f(i.boursier_share),
                    f(i.deviation),
                    i.mix_flag,
                    f(i.walk_mean_m),
                    f(i.walk_max_m),
                    f(i.walk_share_beyond),
                    f(i.entropy_contribution),
                );
            }
        }
        Format::Table => table(&mut out, &t, &m, &base, &s, lang),
    }
    Ok(out)
}

pub(super) fn opt(v: Option<f64>, digits: usize, unknown: &str) -> String {
    v.map(|x| format!("{x:.digits$}"))
        .unwrap_or_else(|| unknown.to_string())
}

pub(super) fn table(
    out: &mut String,
    t: &Territory,
    m: &Metrics,
    base: &Metrics,
    s: &crate::model::Scenario,
    lang: Lang,
) {
    let w = crate::i18n::indicators::table_texts(lang);
    let unknown = w.unknown;
    let _ = writeln!(out, "{} — {}", t.info.name, s.meta.name);
    if t.info.fictional {
        let _ = writeln!(out, "{}", w.fictional);
    }
    let cfg = m.config();
    let _ = writeln!(
        out,
        "{} : {}, {} {} km/h, {} {:.0} m",
        w.distances,
        crate::i18n::walk_how(lang, cfg.walk_source()),
        w.walking_at,
        crate::i18n::number(lang, cfg.walk_speed_kmh, 1),
        w.threshold,
        cfg.walk_threshold_m
    );
    if let Some(m) = &cfg.streets {
        let (units, colleges) = m.far_snaps(crate::routing::FAR_SNAP_M);
        if !units.is_empty() || !colleges.is_empty() {
            let _ = writeln!(
                out,
                "{} {} {} {}",
                units.len(),
                w.far_units_and,
                colleges.len(),
                w.far_colleges
            );
        }
    }
    let _ = writeln!(
        out,
        "{} {:.0} % {} {}",
        w.rule_more_than,
        cfg.rule.threshold * 100.0,
        w.from_reference,
        opt(m.rule_reference(), 1, unknown)
    );
    let _ = writeln!(
        out,
        "\n{:<30} {:>4} {:>7} {:>6} {:>6} {:>5} {:>6} {:>6} {:>7} {:>7} {:>6}  {}",
        w.h_college,
        "",
        w.h_pupils,
        w.h_use,
        "IPS",
        w.h_sd,
        "ΔIPS",
        w.h_bours,
        w.h_walk,
        w.h_max,
        w.h_beyond,
        w.h_rule,
    );
    let flag = |f: MixFlag| match f {
        MixFlag::Above => w.flag_above,
        MixFlag::Below => w.flag_below,
        MixFlag::Within => w.flag_within,
        MixFlag::Unknown => w.unknown,
    };
    for c in t.college_ids() {
        let col = t.college(c);
        let i: CollegeIndicators = m.college(c, t);
        let b = base.college(c, t);
        let metres = |v: Option<f64>| {
            v.map(|x| format!("{x:.0} m"))
                .unwrap_or_else(|| unknown.to_string())
        };
        let pct = |v: Option<f64>| {
            opt(v.map(|x| x * 100.0), 0, unknown) + if v.is_some() { "%" } else { "" }
        };
        let _ = writeln!(
            out,
            "{:<30} {:>4} {:>7.0} {:>6} {:>6} {:>5} {:>6} {:>6} {:>7} {:>7} {:>6}  {}",
            col.name.chars().take(30).collect::<String>(),
            if col.sector == Sector::Private {
                w.private
            } else {
                ""
            },
            i.pupils,
            pct(i.capacity_use),
            opt(i.ips_mean, 1, unknown),
            opt(i.ips_sd, 0, unknown),
            opt(crate::metrics::change(i.ips_mean, b.ips_mean), 1, unknown),
            pct(i.boursier_share),
            metres(i.walk_mean_m),
            metres(i.walk_max_m),
            pct(i.walk_share_beyond),
            flag(i.mix_flag),
        );
    }
    let idx = m.territory();
    let ips_estimated = t.college_ids().any(|c| m.college(c, t).ips_estimated);
    if idx.pupils_estimated || ips_estimated {
        // estimates say so, and how they were made
        let _ = writeln!(
            out,
            "{}",
            match (idx.pupils_estimated, ips_estimated) {
                (true, true) => w.est_both,
                (true, false) => w.est_pupils,
                _ => w.est_ips,
            }
        );
        for m in &t.info.method {
            let _ = writeln!(out, "  {}", crate::i18n::method_text(lang, m));
        }
        for line in t.info.notes.lines().filter(|l| !l.trim().is_empty()) {
            let _ = writeln!(out, "  {line}");
        }
    }
    territory_indices(out, t, m, base, lang);
}

/// The territory's indices, with their change since the baseline.
fn territory_indices(out: &mut String, t: &Territory, m: &Metrics, base: &Metrics, lang: Lang) {
    let w = crate::i18n::indicators::table_texts(lang);
    let unknown = w.unknown;
    let idx = m.territory();
    let bidx = base.territory();
    let _ = writeln!(out, "\n{}", w.indices);
    if let Some(sp) = idx.ips_spread {
        let _ = writeln!(
            out,
            "  {} S = {:.2} (Δ {}), {} {:.1} ({} – {}){}",
            w.ips_spread,
            sp.spread,
            opt(bidx.ips_spread.map(|b| sp.spread - b.spread), 2, unknown),
            w.gap,
            sp.gap,
            t.college(sp.highest).name,
            t.college(sp.lowest).name,
            if sp.estimated { w.estimated } else { "" }
        );
    }
    if let (Some(e), be) = (idx.entropy, bidx.entropy) {
        let _ = writeln!(
            out,
            "  {} H = {:.4} (Δ {}), M = {:.4} = {:.4} {} + {:.4} {} + {:.4} {}",
            w.entropy,
            e.indices.h,
            opt(be.map(|b| e.indices.h - b.indices.h), 4, unknown),
            e.indices.mutual_information,
            e.between_public_private,
            w.public_private,
            e.within_public,
            w.within_public,
            e.within_private,
            w.within_private,
        );
    }
    for mi in &idx.minorities {
        let name = match mi.minority {
            Minority::Boursiers => w.boursiers.to_string(),
            Minority::Group(g) => t.groups.names.get(g).cloned().unwrap_or_default(),
        };
        let bd = bidx.minority(mi.minority).and_then(|b| b.dissimilarity);
        let _ = writeln!(
            out,
            "  {:<16} {} {:>5}  D = {} (Δ {})  xPx = {}  V = {}",
            name,
            w.share,
            opt(mi.share.map(|x| x * 100.0), 1, unknown),
            opt(mi.dissimilarity, 4, unknown),
            opt(crate::metrics::change(mi.dissimilarity, bd), 4, unknown),
            opt(mi.isolation, 4, unknown),
            opt(mi.normalized_isolation, 4, unknown),
        );
    }
}
