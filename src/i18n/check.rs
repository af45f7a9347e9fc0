//! The words of `carte-mixite check`, French and English.

use super::Lang;

/// "12 éléments, 12 avec géométrie ; colonnes : a, b".
pub fn counts(lang: Lang, features: usize, with_geometry: usize, columns: &str) -> String {
    match lang {
        Lang::Fr => {
            format!("{features} éléments, {with_geometry} avec géométrie ; colonnes : {columns}")
        }
        Lang::En => {
            format!("{features} features, {with_geometry} with a geometry; columns: {columns}")
        }
    }
}

/// The projection and text encoding a file was read in (empty: none).
pub fn read_as(lang: Lang, crs: &str, encoding: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "projection : {} ; encodage du texte : {}",
            if crs.is_empty() {
                "aucune (tableau sans coordonnées)"
            } else {
                crs
            },
            if encoding.is_empty() {
                "aucun texte"
            } else {
                encoding
            }
        ),
        Lang::En => format!(
            "projection: {}; text encoding: {}",
            if crs.is_empty() {
                "none (a table without coordinates)"
            } else {
                crs
            },
            if encoding.is_empty() {
                "no text"
            } else {
                encoding
            }
        ),
    }
}

/// The national file a file was recognised as.
pub fn recognised_as(lang: Lang, role: &str) -> String {
    match lang {
        Lang::Fr => format!("fichier national reconnu : {role}"),
        Lang::En => format!("national file recognised: {role}"),
    }
}

/// The columns recognised, as "UAI = Code_RNE, clé = CODE_IRIS".
pub fn columns(lang: Lang, found: &[(&str, String)]) -> String {
    let names = |fr: &'static str, en: &'static str| match lang {
        Lang::Fr => fr,
        Lang::En => en,
    };
    let list = found
        .iter()
        .map(|(k, v)| {
            let k = match *k {
                "key" => names("clé", "key"),
                "pupils" => names("élèves", "pupils"),
                "headcount" => names("effectifs", "headcount"),
                "status" => names("statut", "status"),
                other => other,
            };
            format!("{k} = {v}")
        })
        .collect::<Vec<_>>()
        .join(", ");
    match lang {
        Lang::Fr => format!("colonnes reconnues : {list}"),
        Lang::En => format!("recognised columns: {list}"),
    }
}
