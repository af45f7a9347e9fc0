//! The département import's report in words, French or English.

use super::{Lang, number};
use crate::io::national::departement::{DepartementError, DepartementReport, PupilsSource};
use crate::io::national::{Recognised, Refusal, Role};

/// A role's name.
pub fn role_name(lang: Lang, role: Role) -> &'static str {
    match (lang, role) {
        (Lang::Fr, Role::Directory) => "annuaire de l'éducation",
        (Lang::Fr, Role::Geolocation) => "géolocalisation des établissements",
        (Lang::Fr, Role::CollegeIps) => "IPS des collèges",
        (Lang::Fr, Role::EcoleIps) => "IPS des écoles",
        (Lang::Fr, Role::CollegeHeadcounts) => "effectifs des collèges par niveau",
        (Lang::Fr, Role::EcoleHeadcounts) => "effectifs des écoles par niveau",
        (Lang::Fr, Role::SecondDegreeHeadcounts) => "effectifs du second degré",
        (Lang::Fr, Role::CarteScolaire) => "carte scolaire des collèges publics",
        (Lang::Fr, Role::Communes) => "contours des communes",
        (Lang::Fr, Role::Iris) => "contours IRIS",
        (Lang::Fr, Role::Census) => "recensement de l'INSEE",
        (Lang::Fr, Role::Addresses) => "adresses (BAN)",
        (Lang::En, Role::Directory) => "education directory",
        (Lang::En, Role::Geolocation) => "geolocation of establishments",
        (Lang::En, Role::CollegeIps) => "collège IPS",
        (Lang::En, Role::EcoleIps) => "école IPS",
        (Lang::En, Role::CollegeHeadcounts) => "collège headcounts by level",
        (Lang::En, Role::EcoleHeadcounts) => "école headcounts by level",
        (Lang::En, Role::SecondDegreeHeadcounts) => "second-degré headcounts",
        (Lang::En, Role::CarteScolaire) => "carte scolaire of public collèges",
        (Lang::En, Role::Communes) => "commune contours",
        (Lang::En, Role::Iris) => "IRIS contours",
        (Lang::En, Role::Census) => "INSEE census table",
        (Lang::En, Role::Addresses) => "addresses (BAN)",
    }
}

/// What a missing file would add.
pub fn role_adds(lang: Lang, role: Role) -> &'static str {
    match (lang, role) {
        (Lang::Fr, Role::Communes) => {
            "indispensable : les communes sont les unités de la carte (IGN Admin Express, ou communes-NN.geojson)"
        }
        (Lang::Fr, Role::Iris) => "des unités plus fines que la commune (IGN, IRIS)",
        (Lang::Fr, Role::Directory) => {
            "la liste des collèges, publics ou privés sous contrat, et la commune de chaque école"
        }
        (Lang::Fr, Role::Geolocation) => "la position exacte de chaque collège",
        (Lang::Fr, Role::CarteScolaire) => {
            "la carte actuelle ; sans elle, chaque commune va au collège public le plus proche"
        }
        (Lang::Fr, Role::CollegeIps) => "l'IPS publié de chaque collège",
        (Lang::Fr, Role::CollegeHeadcounts) => {
            "l'effectif publié de chaque collège et son réseau REP"
        }
        (Lang::Fr, Role::SecondDegreeHeadcounts) => {
            "un effectif publié quand le fichier par niveau manque"
        }
        (Lang::Fr, Role::EcoleIps) => "l'IPS estimé de chaque commune, d'après ses écoles",
        (Lang::Fr, Role::EcoleHeadcounts) => {
            "les élèves estimés de chaque commune, d'après ses écoles"
        }
        (Lang::Fr, Role::Census) => {
            "les groupes sociaux (CS1 à CS8), donc l'indice H et la dissimilarité"
        }
        (Lang::Fr, Role::Addresses) => "le partage des communes divisées par rues",
        (Lang::En, Role::Communes) => {
            "required: communes are the map's units (IGN Admin Express, or communes-NN.geojson)"
        }
        (Lang::En, Role::Iris) => "units finer than communes (IGN, IRIS)",
        (Lang::En, Role::Directory) => {
            "the list of collèges, public or private under contract, and each école's commune"
        }
        (Lang::En, Role::Geolocation) => "each collège's exact position",
        (Lang::En, Role::CarteScolaire) => {
            "the current map; without it each commune goes to the nearest public collège"
        }
        (Lang::En, Role::CollegeIps) => "each collège's published IPS",
        (Lang::En, Role::CollegeHeadcounts) => "each collège's published headcount and REP network",
        (Lang::En, Role::SecondDegreeHeadcounts) => {
            "a published headcount when the by-level file is missing"
        }
        (Lang::En, Role::EcoleIps) => "each commune's IPS, estimated from its écoles",
        (Lang::En, Role::EcoleHeadcounts) => "each commune's pupils, estimated from its écoles",
        (Lang::En, Role::Census) => {
            "social groups (CS1 to CS8), hence the entropy index H and dissimilarity"
        }
        (Lang::En, Role::Addresses) => "splitting the communes divided by streets",
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
    match (lang, r) {
        (Lang::Fr, Refusal::ShapefilePart) => {
            "une partie d'un shapefile : ouvrez le .shp (les autres fichiers sont lus avec lui)".into()
        }
        (Lang::En, Refusal::ShapefilePart) => {
            "part of a shapefile: open the .shp (the other files are read with it)".into()
        }
        (Lang::Fr, Refusal::Unsupported(f)) => format!(
            "format non pris en charge ({f}) : dans QGIS, « Exporter › Sauvegarder les entités sous… » en GeoJSON ou CSV"
        ),
        (Lang::En, Refusal::Unsupported(f)) => format!(
            "unsupported format ({f}): in QGIS, \"Export › Save Features As…\" to GeoJSON or CSV"
        ),
        (Lang::Fr, Refusal::NotATable) => {
            "ce n'est pas un tableau : aucune ligne d'en-tête avec des colonnes séparées par ; , ou tabulation".into()
        }
        (Lang::En, Refusal::NotATable) => {
            "not a table: no header line with columns separated by ; , or tab".into()
        }
        (Lang::Fr, Refusal::Unknown) => "aucun des fichiers nationaux attendus".into(),
        (Lang::En, Refusal::Unknown) => "none of the expected national files".into(),
        (_, Refusal::Unreadable(p)) => super::problem_text(lang, p),
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
    out.push(match lang {
        Lang::Fr => format!(
            "{} collèges : {} publics, {} privés sous contrat{} ; {} avec un IPS publié, {} avec un effectif publié.",
            r.public_colleges + r.private_colleges,
            r.public_colleges,
            r.private_colleges,
            if r.hors_contrat > 0 {
                format!(" ({} hors contrat écartés)", r.hors_contrat)
            } else {
                String::new()
            },
            r.with_ips,
            r.with_headcount
        ),
        Lang::En => format!(
            "{} collèges: {} public, {} private under contract{}; {} with a published IPS, {} with a published headcount.",
            r.public_colleges + r.private_colleges,
            r.public_colleges,
            r.private_colleges,
            if r.hors_contrat > 0 {
                format!(" ({} outside contract left out)", r.hors_contrat)
            } else {
                String::new()
            },
            r.with_ips,
            r.with_headcount
        ),
    });
    if !r.unplaced.is_empty() {
        out.push(match lang {
            Lang::Fr => format!(
                "{} collèges sans position (absents du fichier de géolocalisation), écartés : {}",
                r.unplaced.len(),
                list(&r.unplaced, 8)
            ),
            Lang::En => format!(
                "{} collèges without a position (not in the geolocation file), left out: {}",
                r.unplaced.len(),
                list(&r.unplaced, 8)
            ),
        });
    }
    if !r.unknown_carte_colleges.is_empty() {
        out.push(match lang {
            Lang::Fr => format!(
                "{} collèges de la carte scolaire absents des tables des collèges : {}",
                r.unknown_carte_colleges.len(),
                list(&r.unknown_carte_colleges, 8)
            ),
            Lang::En => format!(
                "{} collèges of the carte scolaire are in no collège table: {}",
                r.unknown_carte_colleges.len(),
                list(&r.unknown_carte_colleges, 8)
            ),
        });
    }
    if !r.streets_estimated.is_empty() {
        out.push(match lang {
            Lang::Fr => format!(
                "Divisées par rues : ajoutez le fichier des adresses (BAN) pour les partager : {}",
                list(&r.streets_estimated, 10)
            ),
            Lang::En => format!(
                "Divided by streets: add the address file (BAN) to split them: {}",
                list(&r.streets_estimated, 10)
            ),
        });
    }
    if !r.not_in_carte.is_empty() {
        out.push(match lang {
            Lang::Fr => format!(
                "Absentes de la carte scolaire (communes fusionnées depuis ?) : {}",
                list(&r.not_in_carte, 10)
            ),
            Lang::En => format!(
                "Missing from the carte scolaire (communes merged since?): {}",
                list(&r.not_in_carte, 10)
            ),
        });
    }
    if let Some(m) = &r.streets {
        let share = if m.in_communes > 0 {
            m.matched as f64 / m.in_communes as f64
        } else {
            0.0
        };
        out.push(match lang {
            Lang::Fr => format!(
                "Adresses : {} lues, {} dans les communes divisées par rues, {} rattachées à une ligne de la carte scolaire ({}) ; {} hors des plages de numéros.",
                n(m.rows_read as f64),
                n(m.in_communes as f64),
                n(m.matched as f64),
                pct(share),
                n(m.number_outside as f64)
            ),
            Lang::En => format!(
                "Addresses: {} read, {} in the communes divided by streets, {} matched to a row of the carte scolaire ({}); {} outside every number range.",
                n(m.rows_read as f64),
                n(m.in_communes as f64),
                n(m.matched as f64),
                pct(share),
                n(m.number_outside as f64)
            ),
        });
        if m.unmatched_street_count > 0 {
            let ex: Vec<String> = m
                .unmatched_streets
                .iter()
                .take(5)
                .map(|s| format!("{} ({})", s.street, s.addresses))
                .collect();
            out.push(match lang {
                Lang::Fr => format!(
                    "{} adresses sur {} rues qu'aucune ligne de la carte scolaire ne nomme, par exemple : {}",
                    n(m.unmatched_addresses as f64),
                    m.unmatched_street_count,
                    ex.join(", ")
                ),
                Lang::En => format!(
                    "{} addresses on {} streets no row of the carte scolaire names, for example: {}",
                    n(m.unmatched_addresses as f64),
                    m.unmatched_street_count,
                    ex.join(", ")
                ),
            });
        }
        if m.rows_without_address_count > 0 {
            let ex: Vec<String> = m
                .rows_without_address
                .iter()
                .take(5)
                .map(|(_, s)| s.clone())
                .collect();
            out.push(match lang {
                Lang::Fr => format!(
                    "{} rues de la carte scolaire sans aucune adresse, par exemple : {}",
                    m.rows_without_address_count,
                    ex.join(", ")
                ),
                Lang::En => format!(
                    "{} streets of the carte scolaire without any address, for example: {}",
                    m.rows_without_address_count,
                    ex.join(", ")
                ),
            });
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
        match lang {
            Lang::Fr => format!(
                "IPS estimé pour {} unités d'après l'IPS publié de {} écoles, pondéré par leurs élèves.",
                r.units_with_ips, r.ips_ecoles
            ),
            Lang::En => format!(
                "IPS estimated for {} units from the published IPS of {} écoles, weighted by their pupils.",
                r.units_with_ips, r.ips_ecoles
            ),
        }
    } else {
        match lang {
            Lang::Fr => "IPS par unité : inconnu ; ajoutez l'IPS des écoles (fr-en-ips-ecoles).".into(),
            Lang::En => "IPS per unit: unknown; add the écoles' IPS (fr-en-ips-ecoles).".into(),
        }
    });
    if r.units_with_groups == 0 {
        out.push(match lang {
            Lang::Fr => "Indice H et dissimilarité : inconnus sans groupes sociaux ni boursiers par unité ; ajoutez un tableau du recensement (INSEE, CS1 à CS8 par commune ou IRIS). L'écart d'IPS entre collèges, lui, est calculé.".into(),
            Lang::En => "Entropy index H and dissimilarity: unknown without social groups or boursiers per unit; add a census table (INSEE, CS1 to CS8 per commune or IRIS). The spread of collèges' IPS is computed.".into(),
        });
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
        out.push(match lang {
            Lang::Fr => format!(
                "{} collèges publics sans aucun élève dans leur secteur actuel (commune divisée par rues donnée à un autre collège ?) : {}",
                empty.len(),
                list(&empty, 8)
            ),
            Lang::En => format!(
                "{} public collèges with no pupil in their current sector (a commune divided by streets given to another collège?): {}",
                empty.len(),
                list(&empty, 8)
            ),
        });
    }
    if let (Some(low), Some(high)) = (rates.first(), rates.last()) {
        let median = rates[rates.len() / 2].0;
        out.push(match lang {
            Lang::Fr => format!(
                "Captation (effectif publié / élèves estimés du secteur), {} collèges publics : médiane {}, de {} ({}) à {} ({}). Sous 100 %, des familles du secteur vont ailleurs (privé, dérogation) : la trace de l'évitement.",
                rates.len(),
                pct(median),
                pct(low.0),
                low.1,
                pct(high.0),
                high.1
            ),
            Lang::En => format!(
                "Capture (published headcount / estimated pupils of the sector), {} public collèges: median {}, from {} ({}) to {} ({}). Below 100 %, families of the sector go elsewhere (private, derogation): the trace of avoidance.",
                rates.len(),
                pct(median),
                pct(low.0),
                low.1,
                pct(high.0),
                high.1
            ),
        });
    }
    out
}

/// The whole report, lines ready to print.
pub fn report_lines(lang: Lang, r: &DepartementReport) -> Vec<String> {
    let mut out = vec![summary(lang, r)];
    out.extend(details(lang, r));
    out.push(match lang {
        Lang::Fr => "Fichiers :".into(),
        Lang::En => "Files:".into(),
    });
    out.extend(files_text(lang, &r.files));
    let missing = missing_text(lang, r);
    if !missing.is_empty() {
        out.push(match lang {
            Lang::Fr => "Manquants, et ce que chacun ajouterait :".into(),
            Lang::En => "Missing, and what each would add:".into(),
        });
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
        match lang {
            Lang::Fr => " (estimé)",
            Lang::En => " (estimated)",
        }
    } else {
        ""
    };
    Some(match lang {
        Lang::Fr => format!(
            "Dispersion de l'IPS entre les {} collèges publics{est} : {} points autour de {} ; écart de {} points entre {} et {}.",
            s.colleges,
            number(lang, s.spread, 1),
            number(lang, s.mean, 1),
            number(lang, s.gap, 1),
            name(s.highest),
            name(s.lowest)
        ),
        Lang::En => format!(
            "Spread of IPS between the {} public collèges{est}: {} points around {}; a gap of {} points between {} and {}.",
            s.colleges,
            number(lang, s.spread, 1),
            number(lang, s.mean, 1),
            number(lang, s.gap, 1),
            name(s.highest),
            name(s.lowest)
        ),
    })
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
    match lang {
        Lang::Fr => format!(
            "du moins au plus favorisé : {} points (3 ou moins : non significatif)",
            number(lang, gap, 1)
        ),
        Lang::En => format!(
            "least to most favoured: {} points (3 or less: not meaningful)",
            number(lang, gap, 1)
        ),
    }
}

/// Said where H and dissimilarity are unknown: which file would give them.
pub fn unknown_indices_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => {
            "Inconnu sans groupes sociaux ou boursiers par îlot : importez un tableau du recensement (INSEE, CS1 à CS8) ou des boursiers."
        }
        Lang::En => {
            "Unknown without social groups or boursiers per block: import a census table (INSEE, CS1 to CS8) or boursier counts."
        }
    }
}

/// Appended to a figure that was estimated.
pub fn estimated_suffix(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " (estimé)",
        Lang::En => " (estimated)",
    }
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
    let unknown = match lang {
        Lang::Fr => "inconnu",
        Lang::En => "unknown",
    };
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
    let head = match lang {
        Lang::Fr => "Écart d'IPS entre collèges publics :",
        Lang::En => "IPS spread between public collèges:",
    };
    let unit = match lang {
        Lang::Fr => "points",
        Lang::En => "points",
    };
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
    match lang {
        Lang::Fr => format!(
            "{} : {} unités, {} collèges.",
            t.info.name,
            t.units().len(),
            t.colleges().len()
        ),
        Lang::En => format!(
            "{}: {} units, {} collèges.",
            t.info.name,
            t.units().len(),
            t.colleges().len()
        ),
    }
}
