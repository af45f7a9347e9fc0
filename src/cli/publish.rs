//! `carte-mixite publish`: what the public takes home from a scenario.

use super::*;

/// Where `publish` writes.
/// Where `publish` writes each document.
pub(super) struct PublishOutputs<'a> {
    pub(super) pdf: Option<&'a Path>,
    pub(super) map: Option<&'a Path>,
    pub(super) chart: Option<&'a Path>,
    pub(super) table: Option<&'a Path>,
}

pub(super) fn publish_command(
    territory: &str,
    scenario: Option<&str>,
    out: PublishOutputs<'_>,
    author: Option<&str>,
    streets: Option<&Path>,
    lang: Lang,
) -> Result<String, String> {
    use crate::publish;
    let o = open_all(territory, streets, lang)?;
    let t = &o.territory;
    let mut s = match scenario {
        None => o
            .active
            .checked_sub(1)
            .and_then(|i| o.scenarios.get(i))
            .cloned()
            .unwrap_or_else(|| o.baseline.clone()),
        Some(name) => {
            if let Some(s) = o.scenarios.iter().find(|s| s.meta.name == name) {
                s.clone()
            } else if name == o.baseline.meta.name {
                o.baseline.clone()
            } else {
                let p = Path::new(name);
                let text = std::fs::read_to_string(p).map_err(|e| {
                    let names: Vec<&str> =
                        o.scenarios.iter().map(|s| s.meta.name.as_str()).collect();
                    format!(
                        "no scenario named {name:?} (the project has: {}), and no file of that name: {e}",
                        if names.is_empty() { "none".into() } else { names.join(", ") }
                    )
                })?;
                if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) {
                    crate::io::export::parse_assignment_csv(&text, t, "scenario")
                        .map_err(|e| format!("{}: {e}", p.display()))?
                } else {
                    parse_scenario(&text, p, t)
                        .map_err(|e| crate::i18n::load::load_error(lang, &e))?
                        .0
                }
            }
        }
    };
    if let Some(a) = author {
        s.meta.author = a.to_string();
    }
    let base_metrics = Metrics::new(t, &o.baseline, o.config.clone());
    let metrics = Metrics::new(t, &s, o.config.clone());
    let summary = publish::PublicSummary::new(
        t,
        (&o.baseline, &base_metrics),
        (&s, &metrics),
        crate::metrics::Confidentiality::default(),
    );
    let styles = publish::palette::sector_styles(t, &o.baseline);
    let changed: Vec<crate::model::UnitId> = s.changed_units(&o.baseline).collect();
    let picture = publish::map::MapPicture {
        territory: t,
        scenario: &s,
        styles: &styles,
        changed: &changed,
    };
    let save = |path: &Path, bytes: &[u8]| {
        crate::io::atomic_write(path, bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let mut report = String::new();
    let chart_kind = if out
        .chart
        .and_then(|p| p.extension())
        .is_some_and(|x| x.eq_ignore_ascii_case("svg"))
    {
        publish::Output::ChartSvg
    } else {
        publish::Output::ChartPng
    };
    for (target, kind) in [
        (out.pdf, publish::Output::Handout),
        (out.map, publish::Output::MapPng),
        (out.chart, chart_kind),
        (out.table, publish::Output::Table),
    ] {
        let Some(p) = target else {
            continue;
        };
        let bytes = publish::render(kind, &summary, &picture, lang, chrono::Utc::now())
            .map_err(|e| e.to_string())?;
        save(p, &bytes)?;
        let _ = writeln!(report, "→ {}", p.display());
    }
    if report.is_empty() {
        return Err("nothing to publish: give --pdf, --map, --chart or --table".into());
    }
    Ok(report)
}
