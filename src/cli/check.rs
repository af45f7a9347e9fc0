//! `carte-mixite check`: every problem of the files given, in words, and what was recognised.

use super::*;

pub(super) fn check_command(files: &[PathBuf], lang: Lang) -> Result<String, String> {
    use crate::io::import::{suggest_college_columns, suggest_unit_columns};
    let mut out = String::new();
    let mut fatal = false;
    for f in files {
        let (layer, report) = crate::io::layer::read_layer(f);
        fatal |= report.has_fatal();
        let _ = writeln!(out, "== {}", f.display());
        out.push_str(&crate::i18n::report_text_grouped(&report, lang));
        if let Some(l) = layer {
            let areas = crate::io::import::check_areas(&l);
            out.push_str(&crate::i18n::report_text(&areas.report, lang));
            // polygons, none of which an import would keep: the file is unusable as areas
            fatal |= areas.polygons > 0 && areas.kept == 0;
            let with_geometry = l.features.iter().filter(|x| x.geometry.is_some()).count();
            let mut words = |line: String| writeln!(out, "{line}");
            let _ = words(crate::i18n::check::counts(
                lang,
                l.features.len(),
                with_geometry,
                &l.fields
                    .iter()
                    .map(|f| crate::i18n::cut(f, 60))
                    .collect::<Vec<_>>()
                    .join(", "),
            ));
            let _ = words(crate::i18n::check::read_as(lang, &l.crs, l.encoding));
            // a table by its header and first rows; a layer of areas by the columns read
            // here, not read a second time
            let role = if crate::io::national::is_table_name(f) {
                crate::io::national::recognise(f).role
            } else {
                crate::io::national::role_of_layer(&l)
            };
            if let Some(role) = role {
                let _ = words(crate::i18n::check::recognised_as(
                    lang,
                    crate::i18n::departement::role_name(lang, role),
                ));
            }
            let u = suggest_unit_columns(&l.fields);
            let c = suggest_college_columns(&l.fields);
            let found: Vec<(&str, String)> = [
                ("UAI", c.uai),
                ("key", u.key),
                ("pupils", u.pupils),
                ("IPS", u.ips),
                ("headcount", c.pupils),
                ("status", c.status),
            ]
            .into_iter()
            .filter_map(|(k, v)| Some((k, v?)))
            .collect();
            let _ = words(crate::i18n::check::columns(lang, &found));
        }
    }
    if fatal { Err(out) } else { Ok(out) }
}
