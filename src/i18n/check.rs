//! The words of `carte-mixite check`.

use super::{Lang, tr};

/// "12 éléments, 12 avec géométrie ; colonnes : a, b".
pub fn counts(lang: Lang, features: usize, with_geometry: usize, columns: &str) -> String {
    tr(
        lang,
        "check-counts",
        &[
            ("features", features.into()),
            ("with_geometry", with_geometry.into()),
            ("columns", columns.into()),
        ],
    )
}

/// The projection and text encoding a file was read in (empty: none).
pub fn read_as(lang: Lang, crs: &str, encoding: &str) -> String {
    let crs = match crs {
        "" => tr(lang, "check-no_projection", &[]),
        crs => crs.to_string(),
    };
    let encoding = match encoding {
        "" => tr(lang, "check-no_text", &[]),
        e => e.to_string(),
    };
    tr(
        lang,
        "check-read_as",
        &[("crs", crs.into()), ("encoding", encoding.into())],
    )
}

/// The national file a file was recognised as.
pub fn recognised_as(lang: Lang, role: &str) -> String {
    tr(lang, "check-recognised_as", &[("role", role.into())])
}

/// The columns recognised, as "UAI = Code_RNE, clé = CODE_IRIS".
pub fn columns(lang: Lang, found: &[(&str, String)]) -> String {
    let list = found
        .iter()
        .map(|(k, v)| {
            let k = match *k {
                "key" => tr(lang, "check-column_key", &[]),
                "pupils" => tr(lang, "check-column_pupils", &[]),
                "headcount" => tr(lang, "check-column_headcount", &[]),
                "status" => tr(lang, "check-column_status", &[]),
                other => other.to_string(),
            };
            format!("{k} = {}", super::cut(v, 60))
        })
        .collect::<Vec<_>>()
        .join(", ");
    tr(lang, "check-columns", &[("list", list.into())])
}
