//! `carte-mixite check`: every problem of the files given, in words, and what was recognised.

use super::*;

pub(super) fn check_command(files: &[PathBuf], lang: Lang) -> Result<String, String> {
    use crate::io::import::{suggest_college_columns, suggest_unit_columns};
    let fr = lang == Lang::Fr;
    let mut out = String::new();
    let mut fatal = false;
    for f in files {
        let (layer, report) = crate::io::layer::read_layer(f);
        fatal |= report.has_fatal();
        let _ = writeln!(out, "== {}", f.display());
        out.push_str(&crate::i18n::report_text_grouped(&report, lang));
        if let Some(l) = layer {
            out.push_str(&crate::i18n::report_text(
                &crate::io::import::validate_areas(&l),
                lang,
            ));
            let with_geometry = l.features.iter().filter(|x| x.geometry.is_some()).count();
            let _ = writeln!(
                out,
                "{} {}, {} {} ; {} : {}",
                l.features.len(),
                if fr { "éléments" } else { "features" },
                with_geometry,
                if fr {
                    "avec géométrie"
                } else {
                    "with a geometry"
                },
                if fr { "colonnes" } else { "columns" },
                l.fields.join(", ")
            );
            let _ = writeln!(
                out,
                "projection : {} ; {} : {}",
                if l.crs.is_empty() {
                    if fr {
                        "aucune (tableau sans coordonnées)"
                    } else {
                        "none (a table without coordinates)"
                    }
                } else {
                    l.crs.as_str()
                },
                if fr {
                    "encodage du texte"
                } else {
                    "text encoding"
                },
                if l.encoding.is_empty() {
                    if fr { "aucun texte" } else { "no text" }
                } else {
                    l.encoding
                }
            );
            if let Some(role) = crate::io::national::recognise(f).role {
                let _ = writeln!(
                    out,
                    "{} : {}",
                    if fr {
                        "fichier national reconnu"
                    } else {
                        "national file recognised"
                    },
                    crate::i18n::departement::role_name(lang, role)
                );
            }
            let u = suggest_unit_columns(&l.fields);
            let c = suggest_college_columns(&l.fields);
            let _ = writeln!(
                out,
                "{} : {}",
                if fr {
                    "colonnes reconnues"
                } else {
                    "recognised columns"
                },
                [
                    ("UAI", c.uai),
                    ("clé", u.key),
                    ("élèves", u.pupils),
                    ("IPS", u.ips),
                    ("effectifs", c.pupils),
                    ("statut", c.status),
                ]
                .into_iter()
                .filter_map(|(k, v)| v.map(|v| format!("{k} = {v}")))
                .collect::<Vec<_>>()
                .join(", ")
            );
        }
    }
    if fatal { Err(out) } else { Ok(out) }
}
