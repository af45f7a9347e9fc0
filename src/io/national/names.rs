//! Names as the files write them, made comparable: column headers (`Code établissement`,
//! `code_etablissement`), street names (`ALLEE D AVILLON` in the carte scolaire, `Allée
//! d'Avillon` in the BAN) and school names (`COLLEGE AUGUSTE RODIN`, `Collège Auguste-Rodin`).

use deunicode::deunicode;

/// A column header as a key: accents dropped, lower case, letters and digits only. Both the
/// ministry's older exports (`Code établissement`) and its newer ones (`code_etablissement`)
/// give the same key.
pub fn header_key(s: &str) -> String {
    deunicode(s)
        .to_ascii_lowercase()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// Upper-case ASCII words: accents dropped, every other character a separator.
fn words(s: &str) -> Vec<String> {
    deunicode(s)
        .to_ascii_uppercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Abbreviations of the carte scolaire and the BAN, and what they stand for.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("ALL", "ALLEE"),
    ("AV", "AVENUE"),
    ("AVE", "AVENUE"),
    ("BD", "BOULEVARD"),
    ("BVD", "BOULEVARD"),
    ("BLD", "BOULEVARD"),
    ("CHE", "CHEMIN"),
    ("CHEM", "CHEMIN"),
    ("CRS", "COURS"),
    ("DR", "DOCTEUR"),
    ("FG", "FAUBOURG"),
    ("FBG", "FAUBOURG"),
    ("GAL", "GENERAL"),
    ("GEN", "GENERAL"),
    ("HAM", "HAMEAU"),
    ("IMP", "IMPASSE"),
    ("LOT", "LOTISSEMENT"),
    ("MAL", "MARECHAL"),
    ("MGR", "MONSEIGNEUR"),
    ("PAS", "PASSAGE"),
    ("PDT", "PRESIDENT"),
    ("PL", "PLACE"),
    ("PLE", "PASSERELLE"),
    ("PR", "PROFESSEUR"),
    ("PROF", "PROFESSEUR"),
    ("PROM", "PROMENADE"),
    ("PT", "PONT"),
    ("QU", "QUAI"),
    ("R", "RUE"),
    ("RES", "RESIDENCE"),
    ("RPT", "ROND POINT"),
    ("RTE", "ROUTE"),
    ("SQ", "SQUARE"),
    ("ST", "SAINT"),
    ("STE", "SAINTE"),
    ("VLA", "VILLA"),
    ("VC", "VOIE COMMUNALE"),
];

/// Articles and particles that one file writes and the other drops ("RUE DE LA PAIX", "RUE
/// PAIX"; "ALLEE D AVILLON", "Allée d'Avillon").
const ARTICLES: &[&str] = &[
    "A", "AU", "AUX", "D", "DE", "DES", "DU", "L", "LA", "LE", "LES",
];

/// A street name made comparable: upper-case ASCII, abbreviations spelt out (`AV` → `AVENUE`,
/// `ST` → `SAINT`), articles dropped, single spaces.
///
/// # Examples
/// ```
/// use carte_mixite::io::national::names::street_key;
/// assert_eq!(street_key("ALLEE D AVILLON"), street_key("Allée d'Avillon"));
/// assert_eq!(street_key("RUE ST MELAINE"), street_key("Rue Saint-Melaine"));
/// assert_eq!(street_key("AV DU GAL LECLERC"), "AVENUE GENERAL LECLERC");
/// ```
pub fn street_key(s: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    let ws = words(s);
    for w in &ws {
        if ARTICLES.contains(&w.as_str()) {
            continue;
        }
        let spelt = ABBREVIATIONS
            .iter()
            .find(|(a, _)| a == w)
            .map_or(w.as_str(), |(_, full)| full);
        out.extend(spelt.split(' '));
    }
    out.join(" ")
}

/// Words that name the kind of school, not the school.
const SCHOOL_WORDS: &[&str] = &[
    "COLLEGE",
    "CLG",
    "PUBLIC",
    "PUBLIQUE",
    "PRIVE",
    "PRIVEE",
    "ECOLE",
    "LYCEE",
    "PRIMAIRE",
    "ELEMENTAIRE",
    "MATERNELLE",
];

/// A school name made comparable: upper-case ASCII, abbreviations spelt out, articles and the
/// kind of school dropped (`COLLEGE AUGUSTE RODIN` and `Collège Auguste-Rodin` give
/// `AUGUSTE RODIN`).
pub fn school_key(s: &str) -> String {
    street_key(s)
        .split(' ')
        .filter(|w| !SCHOOL_WORDS.contains(w) && !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How alike two school keys are, 0 to 1 (Jaro-Winkler on the keys, and 1 when one key's
/// words are all in the other: "RODIN" and "AUGUSTE RODIN").
pub fn school_similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let contained = |x: &str, y: &str| {
        let ys: Vec<&str> = y.split(' ').collect();
        x.split(' ').all(|w| ys.contains(&w))
    };
    if contained(a, b) || contained(b, a) {
        return 1.0;
    }
    strsim::jaro_winkler(a, b)
}

/// A name that joined a collège without a UAI, for the user to confirm.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NameMatch {
    /// The name as the file writes it.
    pub name: String,
    /// The collège it was joined to (UAI), if any.
    pub uai: Option<String>,
    /// That collège's name.
    pub college: Option<String>,
    /// How alike the names are (1: same normalised name).
    pub score: f64,
}

/// Joins a name to a collège when a file has no UAI ("COLLEGE AUGUSTE RODIN"), among
/// `(UAI, name)` pairs: the same normalised name is a match (score 1); otherwise the most alike
/// name when it is alike enough (score ≥ 0.85), for the user to confirm; else no match, with
/// the closest name said.
pub fn match_name(name: &str, colleges: &[(String, String)]) -> NameMatch {
    let k = school_key(name);
    let best = colleges
        .iter()
        .map(|(uai, n)| {
            let ck = school_key(n);
            let score = if ck == k {
                1.0
            } else {
                school_similarity(&k, &ck)
            };
            (score, uai, n)
        })
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match best {
        Some((score, uai, n)) if score >= 0.85 => NameMatch {
            name: name.to_string(),
            uai: Some(uai.clone()),
            college: Some(n.clone()),
            score,
        },
        other => NameMatch {
            name: name.to_string(),
            uai: None,
            college: other.map(|b| b.2.clone()),
            score: other.map_or(0.0, |b| b.0),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_old_and_new_exports_give_one_key() {
        assert_eq!(header_key("Code établissement"), "codeetablissement");
        assert_eq!(header_key("code_etablissement"), "codeetablissement");
        assert_eq!(header_key("\u{feff}Numéro du collège"), "numeroducollege");
        assert_eq!(header_key("Numero_d_etablissement"), "numerodetablissement");
        assert_eq!(header_key("Coordonnee X"), header_key("coordonnee_x"));
    }

    #[test]
    fn real_carte_scolaire_streets_meet_their_ban_spelling() {
        // rows of fr-en-carte-scolaire-colleges-publics.csv (Ille-et-Vilaine) and the way the
        // BAN writes the same streets
        for (carte, ban) in [
            ("ALLEE D AVILLON", "Allée d'Avillon"),
            ("RUE ST MELAINE", "Rue Saint-Melaine"),
            ("ALLEE CHARLES VIII", "Allée Charles VIII"),
            ("AV DU GAL LECLERC", "Avenue du Général Leclerc"),
            ("BD DE LA LIBERTE", "Boulevard de la Liberté"),
            ("PL STE ANNE", "Place Sainte-Anne"),
            ("R DE L HOTEL DIEU", "Rue de l'Hôtel-Dieu"),
            ("QUAI ST CAST", "Quai Saint-Cast"),
        ] {
            assert_eq!(street_key(carte), street_key(ban), "{carte} / {ban}");
        }
        assert_ne!(
            street_key("RUE ST MELAINE"),
            street_key("Rue Sainte-Melaine")
        );
        assert_eq!(street_key("ALLEE D AVILLON"), "ALLEE AVILLON");
    }

    #[test]
    fn school_names_without_uai_are_compared_by_their_key() {
        assert_eq!(school_key("COLLEGE AUGUSTE RODIN"), "AUGUSTE RODIN");
        assert_eq!(school_key("Collège Auguste-Rodin"), "AUGUSTE RODIN");
        assert_eq!(school_similarity("RODIN", "AUGUSTE RODIN"), 1.0);
        assert!(school_similarity("AUGUSTE RODIN", "AUGUSTE RENOIR") < 1.0);
        assert!(school_similarity("JEAN MOULIN", "JEAN MOULLIN") > 0.9);
        assert!(school_similarity("JEAN MOULIN", "PAUL ELUARD") < 0.7);
    }
}
