//! The département import's report in words, French or English.

use super::{Lang, number, tr, tr_static};
use crate::io::national::departement::{DepartementError, DepartementReport, PupilsSource};
use crate::io::national::{Recognised, Refusal, Role};

/// A role's name.
pub fn role_name(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Directory => tr_static(lang, "role-name-directory"),
        Role::Geolocation => tr_static(lang, "role-name-geolocation"),
        Role::CollegeIps => tr_static(lang, "role-name-college_ips"),
        Role::EcoleIps => tr_static(lang, "role-name-ecole_ips"),
        Role::CollegeHeadcounts => tr_static(lang, "role-name-college_headcounts"),
        Role::EcoleHeadcounts => tr_static(lang, "role-name-ecole_headcounts"),
        Role::SecondDegreeHeadcounts => tr_static(lang, "role-name-second_degree_headcounts"),
        Role::CarteScolaire => tr_static(lang, "role-name-carte_scolaire"),
        Role::Communes => tr_static(lang, "role-name-communes"),
        Role::Iris => tr_static(lang, "role-name-iris"),
        Role::Census => tr_static(lang, "role-name-census"),
        Role::Addresses => tr_static(lang, "role-name-addresses"),
    }
}

/// What a missing file would add.
pub fn role_adds(lang: Lang, role: Role) -> &'static str {
    match role {
        Role::Communes => tr_static(lang, "role-adds-communes"),
        Role::Iris => tr_static(lang, "role-adds-iris"),
        Role::Directory => tr_static(lang, "role-adds-directory"),
        Role::Geolocation => tr_static(lang, "role-adds-geolocation"),
        Role::CarteScolaire => tr_static(lang, "role-adds-carte_scolaire"),
        Role::CollegeIps => tr_static(lang, "role-adds-college_ips"),
        Role::CollegeHeadcounts => tr_static(lang, "role-adds-college_headcounts"),
        Role::SecondDegreeHeadcounts => tr_static(lang, "role-adds-second_degree_headcounts"),
        Role::EcoleIps => tr_static(lang, "role-adds-ecole_ips"),
        Role::EcoleHeadcounts => tr_static(lang, "role-adds-ecole_headcounts"),
        Role::Census => tr_static(lang, "role-adds-census"),
        Role::Addresses => tr_static(lang, "role-adds-addresses"),
    }
}

fn file_name(r: &Recognised) -> String {
    r.path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| r.path.display().to_string())
}

/// Why a file is not used, in words.
pub fn refusal_text(lang: Lang, r: &Refusal) -> String {
    match r {
        Refusal::ShapefilePart => tr(lang, "refusal-shapefile_part", &[]),
        Refusal::Unsupported(f) => tr(lang, "refusal-unsupported", &[("f", f.to_string().into())]),
        Refusal::NotATable => tr(lang, "refusal-not_atable", &[]),
        Refusal::Unknown => tr(lang, "refusal-unknown", &[]),
        Refusal::Unreadable(p) => super::problem_text(lang, p),
    }
}

/// One line per file: its role, or why it is not used.
pub fn files_text(lang: Lang, files: &[Recognised]) -> Vec<String> {
    files
        .iter()
        .map(|f| match (&f.role, &f.refusal) {
            (Some(role), _) => format!("  {} ← {}", role_name(lang, *role), file_name(f)),
            (None, Some(r)) => format!("  ? {} : {}", file_name(f), refusal_text(lang, r)),
            (None, None) => format!("  ? {}", file_name(f)),
        })
        .collect()
}

/// One line per missing file and what it would add (IRIS only when communes are missing too,
/// since communes do instead).
pub fn missing_text(lang: Lang, r: &DepartementReport) -> Vec<String> {
    r.missing
        .iter()
        .filter(|m| **m != Role::Iris || r.missing.contains(&Role::Communes))
        .map(|m| format!("  {} : {}", role_name(lang, *m), role_adds(lang, *m)))
        .collect()
}

fn list(names: &[String], max: usize) -> String {
    let mut s = names
        .iter()
        .take(max)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > max {
        s.push_str(&format!(", … (+{})", names.len() - max));
    }
    s
}

/// The report's summary line ("321 communes placed in one collège's sector, 13 shared...").
pub fn summary(lang: Lang, r: &DepartementReport) -> String {
    let unit = |n: usize| match (lang, r.iris, n) {
        (Lang::Fr, true, 1) => "IRIS",
        (Lang::Fr, true, _) => "IRIS",
        (Lang::Fr, false, 1) => "commune",
        (Lang::Fr, false, _) => "communes",
        (Lang::En, true, 1) => "IRIS",
        (Lang::En, true, _) => "IRIS",
        (Lang::En, false, 1) => "commune",
        (Lang::En, false, _) => "communes",
    };
    let streets = r.streets_by_addresses + r.streets_estimated.len();
    match lang {
        Lang::Fr => {
            // feminine like "commune"; IRIS is masculine
            let agree = |n: usize, word: &str| {
                let w = if r.iris {
                    word.trim_end_matches('e').to_string()
                } else {
                    word.to_string()
                };
                if n > 1 { format!("{w}s") } else { w }
            };
            let mut s = format!(
                "{} {} {} dans le secteur d'un seul collège, {} {} entre plusieurs collèges, {} {} par rues",
                r.placed_single,
                unit(r.placed_single),
                agree(r.placed_single, "placée"),
                r.placed_shared,
                agree(r.placed_shared, "partagée"),
                streets,
                agree(streets, "divisée")
            );
            let mut how = Vec::new();
            if r.streets_by_addresses > 0 {
                how.push(format!(
                    "{} {} selon ses adresses",
                    r.streets_by_addresses,
                    agree(r.streets_by_addresses, "répartie")
                ));
            }
            if !r.streets_estimated.is_empty() {
                how.push(format!(
                    "{} {} au plus proche des collèges listés, estimé : ajoutez le fichier des adresses (BAN)",
                    r.streets_estimated.len(),
                    agree(r.streets_estimated.len(), "donnée")
                ));
            }
            if !how.is_empty() {
                s.push_str(&format!(" ({})", how.join(" ; ")));
            }
            if !r.not_in_carte.is_empty() {
                s.push_str(&format!(
                    ", {} {} de la carte scolaire (rattachées au collège public le plus proche, estimé)",
                    r.not_in_carte.len(),
                    agree(r.not_in_carte.len(), "absente")
                ));
            }
            s.push('.');
            s
        }
        Lang::En => {
            let mut s = format!(
                "{} {} placed in one collège's sector, {} shared between several collèges, {} divided by streets",
                r.placed_single,
                unit(r.placed_single),
                r.placed_shared,
                streets
            );
            let mut how = Vec::new();
            if r.streets_by_addresses > 0 {
                how.push(format!(
                    "{} split by their addresses",
                    r.streets_by_addresses
                ));
            }
            if !r.streets_estimated.is_empty() {
                how.push(format!(
                    "{} given to the nearest listed collège, estimated: add the address file (BAN)",
                    r.streets_estimated.len()
                ));
            }
            if !how.is_empty() {
                s.push_str(&format!(" ({})", how.join("; ")));
            }
            if !r.not_in_carte.is_empty() {
                s.push_str(&format!(
                    ", {} missing from the carte scolaire (given to the nearest public collège, estimated)",
                    r.not_in_carte.len()
                ));
            }
            s.push('.');
            s
        }
    }
}

/// Every line of the report after the summary.
pub fn details(lang: Lang, r: &DepartementReport) -> Vec<String> {
    let n = |x: f64| number(lang, x, 0);
    let pct = |x: f64| format!("{} %", number(lang, x * 100.0, 0));
    let mut out = Vec::new();
    out.push(tr(
        lang,
        "dep-details",
        &[
            (
                "colleges",
                (r.public_colleges + r.private_colleges).to_string().into(),
            ),
            ("public_colleges", r.public_colleges.to_string().into()),
            ("private_colleges", r.private_colleges.to_string().into()),
            ("hors_contrat", r.hors_contrat.into()),
            ("with_ips", r.with_ips.to_string().into()),
            ("with_headcount", r.with_headcount.to_string().into()),
        ],
    ));
    if !r.unplaced.is_empty() {
        out.push(tr(
            lang,
            "dep-details-2",
            &[
                ("unplaced", r.unplaced.len().to_string().into()),
                ("list", (list(&r.unplaced, 8)).to_string().into()),
            ],
        ));
    }
    if !r.unknown_carte_colleges.is_empty() {
        out.push(tr(
            lang,
            "dep-details-3",
            &[
                (
                    "unknown_carte_colleges",
                    r.unknown_carte_colleges.len().to_string().into(),
                ),
                (
                    "list",
                    (list(&r.unknown_carte_colleges, 8)).to_string().into(),
                ),
            ],
        ));
    }
    if !r.streets_estimated.is_empty() {
        out.push(tr(
            lang,
            "dep-details-4",
            &[(
                "streets_estimated",
                (list(&r.streets_estimated, 10)).to_string().into(),
            )],
        ));
    }
    if !r.not_in_carte.is_empty() {
        out.push(tr(
            lang,
            "dep-details-5",
            &[(
                "not_in_carte",
                (list(&r.not_in_carte, 10)).to_string().into(),
            )],
        ));
    }
    if let Some(m) = &r.streets {
        let share = if m.in_communes > 0 {
            m.matched as f64 / m.in_communes as f64
        } else {
            0.0
        };
        out.push(tr(
            lang,
            "dep-details-6",
            &[
                ("rows_read", (n(m.rows_read as f64)).to_string().into()),
                ("in_communes", (n(m.in_communes as f64)).to_string().into()),
                ("matched", (n(m.matched as f64)).to_string().into()),
                ("share", (pct(share)).to_string().into()),
                (
                    "number_outside",
                    (n(m.number_outside as f64)).to_string().into(),
                ),
            ],
        ));
        if m.unmatched_street_count > 0 {
            let ex: Vec<String> = m
                .unmatched_streets
                .iter()
                .take(5)
                .map(|s| format!("{} ({})", s.street, s.addresses))
                .collect();
            out.push(tr(
                lang,
                "dep-details-7",
                &[
                    (
                        "unmatched_addresses",
                        (n(m.unmatched_addresses as f64)).to_string().into(),
                    ),
                    (
                        "unmatched_street_count",
                        m.unmatched_street_count.to_string().into(),
                    ),
                    ("ex", (ex.join(", ")).to_string().into()),
                ],
            ));
        }
        if m.rows_without_address_count > 0 {
            let ex: Vec<String> = m
                .rows_without_address
                .iter()
                .take(5)
                .map(|(_, s)| s.clone())
                .collect();
            out.push(tr(
                lang,
                "dep-details-8",
                &[
                    (
                        "rows_without_address_count",
                        m.rows_without_address_count.to_string().into(),
                    ),
                    ("ex", (ex.join(", ")).to_string().into()),
                ],
            ));
        }
    }
    out.push(match (&r.pupils, lang) {
        (PupilsSource::Ecoles { ecoles, year, units_without }, Lang::Fr) => format!(
            "Élèves estimés d'après {ecoles} écoles (rentrée {year}, CP à CM2 ramenés à 4 années de collège) ; {units_without} unités sans école comptent 0 (leurs enfants sont comptés là où ils vont à l'école)."
        ),
        (PupilsSource::Ecoles { ecoles, year, units_without }, Lang::En) => format!(
            "Pupils estimated from {ecoles} écoles (rentrée {year}, CP to CM2 scaled to 4 collège years); {units_without} units without an école count 0 (their children are counted where they go to école)."
        ),
        (PupilsSource::SpreadByPopulation, Lang::Fr) => "Élèves estimés : l'effectif publié de chaque collège public réparti sur son secteur selon la population des communes (faute d'effectifs des écoles).".into(),
        (PupilsSource::SpreadByPopulation, Lang::En) => "Pupils estimated: each public collège's published headcount spread over its sector by the communes' population (no école headcounts).".into(),
        (PupilsSource::SpreadByArea, Lang::Fr) => "Élèves estimés : l'effectif publié de chaque collège public réparti sur son secteur selon la surface (faute d'effectifs des écoles).".into(),
        (PupilsSource::SpreadByArea, Lang::En) => "Pupils estimated: each public collège's published headcount spread over its sector by area (no école headcounts).".into(),
        (PupilsSource::None, Lang::Fr) => "Élèves par unité : inconnus ; ajoutez les effectifs des écoles (fr-en-ecoles-effectifs-nb_classes) ou des collèges.".into(),
        (PupilsSource::None, Lang::En) => "Pupils per unit: unknown; add the école headcounts (fr-en-ecoles-effectifs-nb_classes) or the collèges'.".into(),
    });
    out.push(if r.units_with_ips > 0 {
        tr(
            lang,
            "dep-details-9",
            &[
                ("units_with_ips", r.units_with_ips.to_string().into()),
                ("ips_ecoles", r.ips_ecoles.to_string().into()),
            ],
        )
    } else {
        tr(lang, "dep-details-10", &[])
    });
    if r.units_with_groups == 0 {
        out.push(tr(lang, "dep-details-11", &[]));
    }
    let mut rates: Vec<(f64, &str)> = r
        .capture
        .iter()
        .filter_map(|c| Some((c.rate()?, c.name.as_str())))
        .collect();
    rates.sort_by(|a, b| a.0.total_cmp(&b.0));
    let empty: Vec<String> = r
        .capture
        .iter()
        .filter(|c| c.rate().is_none())
        .map(|c| c.name.clone())
        .collect();
    if !empty.is_empty() {
        out.push(tr(
            lang,
            "dep-details-12",
            &[
                ("empty", empty.len().to_string().into()),
                ("list", (list(&empty, 8)).to_string().into()),
            ],
        ));
    }
    if let (Some(low), Some(high)) = (rates.first(), rates.last()) {
        let median = rates[rates.len() / 2].0;
        out.push(tr(
            lang,
            "dep-details-13",
            &[
                ("rates", rates.len().to_string().into()),
                ("median", (pct(median)).to_string().into()),
                ("low", (pct(low.0)).to_string().into()),
                ("low_name", low.1.to_string().into()),
                ("high", (pct(high.0)).to_string().into()),
                ("high_name", high.1.to_string().into()),
            ],
        ));
    }
    out
}

/// The whole report, lines ready to print.
pub fn report_lines(lang: Lang, r: &DepartementReport) -> Vec<String> {
    let mut out = vec![summary(lang, r)];
    out.extend(details(lang, r));
    out.push(tr(lang, "dep-report_lines", &[]));
    out.extend(files_text(lang, &r.files));
    let missing = missing_text(lang, r);
    if !missing.is_empty() {
        out.push(tr(lang, "dep-report_lines-2", &[]));
        out.extend(missing);
    }
    out
}

/// Why no territory was built, in one sentence that says what to give, then the files.
pub fn error_text(lang: Lang, e: &DepartementError) -> String {
    let (sentence, report) = match (lang, e) {
        (Lang::Fr, DepartementError::NoContours(r)) => ("aucun contour de commune ni d'IRIS parmi les fichiers : ajoutez les communes du département (GeoJSON, ou le shapefile COMMUNE d'IGN Admin Express).".to_string(), Some(r)),
        (Lang::En, DepartementError::NoContours(r)) => ("no commune or IRIS contours among the files: add the département's communes (GeoJSON, or IGN Admin Express's COMMUNE shapefile).".to_string(), Some(r)),
        (Lang::Fr, DepartementError::NoColleges(r)) => ("aucune table de collèges : ajoutez l'annuaire de l'éducation (fr-en-annuaire-education), la géolocalisation des établissements ou l'IPS des collèges.".to_string(), Some(r)),
        (Lang::En, DepartementError::NoColleges(r)) => ("no collège table: add the education directory (fr-en-annuaire-education), the geolocation of establishments or the collèges' IPS.".to_string(), Some(r)),
        (Lang::Fr, DepartementError::NoCollegePlaced(r)) => (format!("aucun collège du département {} n'a de position : ajoutez le fichier de géolocalisation des établissements (fr-en-adresse-et-geolocalisation-etablissements…), ou vérifiez le code du département (--code).", r.code), Some(r)),
        (Lang::En, DepartementError::NoCollegePlaced(r)) => (format!("no collège of département {} has a position: add the geolocation file (fr-en-adresse-et-geolocalisation-etablissements…), or check the département code (--code).", r.code), Some(r)),
        (Lang::Fr, DepartementError::NoUnits(r)) => (format!("aucune commune du département {} dans les contours : vérifiez le code du département (--code) ou donnez les contours de ce département.", r.code), Some(r)),
        (Lang::En, DepartementError::NoUnits(r)) => (format!("no commune of département {} in the contours: check the département code (--code) or give this département's contours.", r.code), Some(r)),
        (Lang::Fr, DepartementError::NothingAttached(r)) => ("aucune commune n'a pu être rattachée à un collège : la carte scolaire et les collèges ne se correspondent pas (UAI).".to_string(), Some(r)),
        (Lang::En, DepartementError::NothingAttached(r)) => ("no commune could be attached to a collège: the carte scolaire and the collèges do not match (UAI).".to_string(), Some(r)),
        (Lang::Fr, DepartementError::MissingColumn(c, r)) => (format!("aucun fichier n'a de colonne « {c} » : vérifiez son nom (en-tête exact)."), Some(r)),
        (Lang::En, DepartementError::MissingColumn(c, r)) => (format!("no file has a column \"{c}\": check its name (exact header)."), Some(r)),
        (Lang::Fr, DepartementError::Unreadable(f, r)) => (format!("{f} : fichier illisible."), Some(r)),
        (Lang::En, DepartementError::Unreadable(f, r)) => (format!("{f}: cannot read the file."), Some(r)),
        (_, DepartementError::Territory(t)) => (t.clone(), None),
    };
    let mut out = sentence;
    if let Some(r) = report {
        for line in files_text(lang, &r.files) {
            out.push('\n');
            out.push_str(&line);
        }
    }
    out
}

/// The territory's IPS spread in one sentence: "Écart d'IPS entre collèges publics : 9,8
/// points autour de 103,2 ; de 85,0 (X) à 128,4 (Y)".
pub fn spread_line(
    lang: Lang,
    t: &crate::model::Territory,
    idx: &crate::metrics::TerritoryIndices,
) -> Option<String> {
    let s = idx.ips_spread?;
    let name = |c| t.college(c).name.clone();
    let est = if s.estimated {
        tr_static(lang, "dep-spread_line")
    } else {
        ""
    };
    Some(tr(
        lang,
        "dep-spread_line-2",
        &[
            ("colleges", s.colleges.to_string().into()),
            ("est", est.to_string().into()),
            ("spread", (number(lang, s.spread, 1)).to_string().into()),
            ("mean", (number(lang, s.mean, 1)).to_string().into()),
            ("gap", (number(lang, s.gap, 1)).to_string().into()),
            ("highest", (name(s.highest)).to_string().into()),
            ("lowest", (name(s.lowest)).to_string().into()),
        ],
    ))
}

words! {
    /// The words of the département assistant's window.
    pub struct DepartementTexts("departement-") {
        /// Window title.
        title,
        /// What the window does.
        help,
        /// Folder field label.
        folder,
        /// Browse for a folder.
        browse,
        /// Code field label.
        code,
        /// Code hint.
        code_hint,
        /// Name field label.
        name,
        /// UAI column label.
        uai_column,
        /// UAI column hint.
        uai_hint,
        /// Read the folder.
        read,
        /// Files heading.
        files,
        /// Missing heading.
        missing,
        /// Build button.
        build,
        /// Progress: recognising.
        step_recognising,
        /// Progress: contours.
        step_contours,
        /// Progress: collèges.
        step_colleges,
        /// Progress: écoles.
        step_ecoles,
        /// Progress: addresses.
        step_addresses,
        /// Progress: building.
        step_building,
        /// Open in the editor.
        open,
        /// Close.
        close,
        /// Details heading.
        details,
        /// Problems heading.
        problems,
        /// Shown when a folder holds none of the national files.
        nothing_recognised,
        /// Link from the import window.
        from_import,
        /// The label of a table's UAI column picker.
        uai_of_table,
    }
}

/// The window's words in one language.
pub fn texts(lang: Lang) -> &'static DepartementTexts {
    DepartementTexts::of(lang)
}

/// The words of the IPS spread on the panel and in meeting mode.
pub struct SpreadTexts {
    /// Its label.
    pub label: &'static str,
    /// Its label when some IPS are estimates.
    pub label_estimated: &'static str,
}

/// The IPS spread's words.
pub fn spread_texts(lang: Lang) -> &'static SpreadTexts {
    match lang {
        Lang::Fr => &SpreadTexts {
            label: "Écart d'IPS entre collèges publics (dispersion, points)",
            label_estimated: "Écart d'IPS entre collèges publics (dispersion, points, estimé)",
        },
        Lang::En => &SpreadTexts {
            label: "IPS spread between public collèges (points)",
            label_estimated: "IPS spread between public collèges (points, estimated)",
        },
    }
}

/// The gap between the most and least favoured public collège, with the DEPP's caution.
pub fn gap_text(lang: Lang, gap: f64) -> String {
    tr(
        lang,
        "dep-gap_text",
        &[("gap", (number(lang, gap, 1)).to_string().into())],
    )
}

/// Said where H and dissimilarity are unknown: which file would give them.
pub fn unknown_indices_hint(lang: Lang) -> &'static str {
    tr_static(lang, "dep-unknown_indices_hint")
}

/// Appended to a figure that was estimated.
pub fn estimated_suffix(lang: Lang) -> &'static str {
    tr_static(lang, "dep-estimated_suffix")
}

/// A collège's published figures on its card: its IPS and headcount as the ministry publishes
/// them, and, for a public collège, the share of its sector's pupils (at the current map) that
/// this headcount is: the capture rate.
pub fn published_line(
    lang: Lang,
    ips: Option<f64>,
    pupils: Option<f64>,
    sector_pupils: Option<f64>,
) -> Option<String> {
    if ips.is_none() && pupils.is_none() {
        return None;
    }
    let unknown = tr(lang, "dep-published_line", &[]);
    let f = |x: Option<f64>, d: usize| x.map_or(unknown.to_string(), |v| number(lang, v, d));
    let capture = match (pupils, sector_pupils) {
        (Some(p), Some(s)) if s > 0.0 => Some(p / s * 100.0),
        _ => None,
    };
    Some(match lang {
        Lang::Fr => {
            let mut s = format!("Publié : IPS {}, {} élèves", f(ips, 1), f(pupils, 0));
            if let Some(c) = capture {
                s.push_str(&format!(
                    " ({} % des élèves de son secteur actuel)",
                    number(lang, c, 0)
                ));
            }
            s
        }
        Lang::En => {
            let mut s = format!("Published: IPS {}, {} pupils", f(ips, 1), f(pupils, 0));
            if let Some(c) = capture {
                s.push_str(&format!(
                    " ({} % of its current sector's pupils)",
                    number(lang, c, 0)
                ));
            }
            s
        }
    })
}

/// The IPS spread in one sentence for the room: "Écart d'IPS entre collèges : 9,8 → 8,7
/// points", or its value alone before any change.
pub fn spread_sentence(lang: Lang, before: Option<f64>, now: Option<f64>) -> Option<String> {
    let before = before?;
    let head = tr(lang, "dep-spread_sentence", &[]);
    let unit = tr(lang, "dep-spread_sentence-2", &[]);
    Some(match now {
        Some(n) if (n - before).abs() >= 0.05 => format!(
            "{head} {} → {} {unit}",
            number(lang, before, 1),
            number(lang, n, 1)
        ),
        _ => format!("{head} {} {unit}", number(lang, before, 1)),
    })
}

/// A name joined by likeness, or not joined, in words.
pub fn name_match_text(lang: Lang, m: &crate::io::national::departement::NameMatch) -> String {
    let score = number(lang, m.score * 100.0, 0);
    match (lang, &m.uai, &m.college) {
        (Lang::Fr, Some(uai), Some(c)) => format!(
            "« {} » → {c} ({uai}), ressemblance {score} % : à confirmer",
            m.name
        ),
        (Lang::En, Some(uai), Some(c)) => {
            format!("\"{}\" → {c} ({uai}), {score} % alike: to confirm", m.name)
        }
        (Lang::Fr, _, Some(c)) => format!(
            "« {} » : aucun collège assez ressemblant (le plus proche : {c}, {score} %) ; choisissez-le",
            m.name
        ),
        (Lang::En, _, Some(c)) => format!(
            "\"{}\": no collège alike enough (the closest: {c}, {score} %); choose it",
            m.name
        ),
        (Lang::Fr, _, None) => format!("« {} » : aucun collège ; choisissez-le", m.name),
        (Lang::En, _, None) => format!("\"{}\": no collège; choose it", m.name),
    }
}

/// The words of the name-matches table.
pub struct NamesTexts {
    /// Heading.
    pub heading: &'static str,
    /// No collège chosen.
    pub none: &'static str,
    /// Import again.
    pub again: &'static str,
}

/// The name-matches table's words.
pub fn names_texts(lang: Lang) -> &'static NamesTexts {
    match lang {
        Lang::Fr => &NamesTexts {
            heading: "Secteurs nommés sans UAI : vérifiez le collège de chacun",
            none: "aucun",
            again: "Importer à nouveau avec ces choix",
        },
        Lang::En => &NamesTexts {
            heading: "Sectors named without a UAI: check each one's collège",
            none: "none",
            again: "Import again with these choices",
        },
    }
}

/// Why an import's result cannot be used, in one sentence that says what to give, or `None`.
pub fn unusable_import(
    lang: Lang,
    t: &crate::model::Territory,
    baseline: &crate::model::Scenario,
    units_file: &str,
    colleges_file: &str,
) -> Option<String> {
    let attached = t
        .unit_ids()
        .filter(|&u| baseline.assignment(u).main_college().is_some())
        .count();
    match lang {
        Lang::Fr if t.units().is_empty() => Some(format!(
            "aucun îlot lu dans {units_file} : il faut des polygones (IRIS, communes, îlots) avec un identifiant."
        )),
        Lang::En if t.units().is_empty() => Some(format!(
            "no unit read from {units_file}: it needs polygons (IRIS, communes, blocks) with an identifier."
        )),
        Lang::Fr if t.colleges().is_empty() => Some(format!(
            "aucun collège lu dans {colleges_file} : il faut une colonne UAI et une position (longitude/latitude, ou les secteurs)."
        )),
        Lang::En if t.colleges().is_empty() => Some(format!(
            "no collège read from {colleges_file}: it needs a UAI column and a position (longitude/latitude, or the sectors)."
        )),
        Lang::Fr if attached == 0 => Some(
            "aucun îlot n'est rattaché à un collège : vérifiez que les secteurs (ou la colonne collège) donnent les UAI des collèges du tableau.".into(),
        ),
        Lang::En if attached == 0 => Some(
            "no unit is attached to a collège: check that the sectors (or the collège column) give the UAIs of the collège table.".into(),
        ),
        _ => None,
    }
}

/// A warning when no unit has pupils or IPS: every figure would be unknown.
pub fn missing_figures(lang: Lang, t: &crate::model::Territory) -> Option<String> {
    let pupils = t.units().iter().any(|u| u.population.pupils.is_some());
    let ips = t.units().iter().any(|u| u.population.ips_mean.is_some());
    match (lang, pupils, ips) {
        (_, true, true) => None,
        (Lang::Fr, false, _) => Some(
            "Attention : aucun îlot n'a d'effectif d'élèves, tous les chiffres seront « inconnu » ; choisissez la colonne des élèves (--unit-pupils), ou importez un département depuis ses fichiers nationaux (import-departement), qui les estime d'après les écoles.".into(),
        ),
        (Lang::En, false, _) => Some(
            "Warning: no unit has a pupil count, every figure will be \"unknown\"; choose the pupils column (--unit-pupils), or import a département from its national files (import-departement), which estimates them from the écoles.".into(),
        ),
        (Lang::Fr, true, false) => Some(
            "Attention : aucun îlot n'a d'IPS ; choisissez sa colonne (--unit-ips), ou estimez-le (--estimate-ips, avec le recensement).".into(),
        ),
        (Lang::En, true, false) => Some(
            "Warning: no unit has an IPS; choose its column (--unit-ips), or estimate it (--estimate-ips, with the census).".into(),
        ),
    }
}

/// For a unit the carte scolaire divides by streets: says so, and when its baseline gives it to
/// fewer collèges than its streets name (no address file), that this is an estimate.
pub fn streets_note(
    lang: Lang,
    t: &crate::model::Territory,
    u: crate::model::UnitId,
    baseline: &crate::model::Assignment,
) -> Option<String> {
    let key = &t.unit(u).key;
    let mut named: Vec<&str> = Vec::new();
    for r in t.street_ranges.iter().filter(|r| &r.commune == key) {
        if !named.contains(&r.uai.as_str()) {
            named.push(&r.uai);
        }
    }
    if named.is_empty() {
        return None;
    }
    let estimated = baseline.shares().count() <= 1 && named.len() > 1;
    Some(match (lang, estimated) {
        (Lang::Fr, true) => format!(
            "Divisée par rues entre {} collèges ; carte actuelle estimée : ajoutez le fichier des adresses (BAN)",
            named.len()
        ),
        (Lang::En, true) => format!(
            "Divided by streets between {} collèges; current map estimated: add the address file (BAN)",
            named.len()
        ),
        (Lang::Fr, false) => format!(
            "Divisée par rues entre {} collèges, partagée selon ses adresses",
            named.len()
        ),
        (Lang::En, false) => format!(
            "Divided by streets between {} collèges, split by its addresses",
            named.len()
        ),
    })
}

/// "Ille-et-Vilaine : 345 unités, 109 collèges."
pub fn headline(lang: Lang, t: &crate::model::Territory) -> String {
    tr(
        lang,
        "dep-headline",
        &[
            ("name", t.info.name.to_string().into()),
            ("units", (t.units().len()).to_string().into()),
            ("colleges", (t.colleges().len()).to_string().into()),
        ],
    )
}
