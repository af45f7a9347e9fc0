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
    // the words agree with the kind of unit (a commune, an IRIS) and with the counts
    let kind = || -> super::fluent::Arg { if r.iris { "iris" } else { "commune" }.into() };
    let streets = r.streets_by_addresses + r.streets_estimated.len();
    let mut s = tr(
        lang,
        "dep-summary",
        &[
            ("kind", kind()),
            ("placed", r.placed_single.into()),
            ("shared", r.placed_shared.into()),
            ("streets", streets.into()),
        ],
    );
    let mut how = Vec::new();
    if r.streets_by_addresses > 0 {
        how.push(tr(
            lang,
            "dep-summary-by_addresses",
            &[("kind", kind()), ("n", r.streets_by_addresses.into())],
        ));
    }
    if !r.streets_estimated.is_empty() {
        how.push(tr(
            lang,
            "dep-summary-estimated",
            &[("kind", kind()), ("n", r.streets_estimated.len().into())],
        ));
    }
    if !how.is_empty() {
        let list = how.join(&tr(lang, "dep-summary-separator", &[]));
        s.push_str(&tr(lang, "dep-summary-how", &[("list", list.into())]));
    }
    if !r.not_in_carte.is_empty() {
        s.push_str(&tr(
            lang,
            "dep-summary-missing",
            &[("kind", kind()), ("n", r.not_in_carte.len().into())],
        ));
    }
    s.push('.');
    s
}

/// Every line of the report after the summary.
pub fn details(lang: Lang, r: &DepartementReport) -> Vec<String> {
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
    out.extend(address_lines(lang, r));
    out.push(match &r.pupils {
        PupilsSource::Ecoles {
            ecoles,
            year,
            units_without,
        } => tr(
            lang,
            "dep-pupils-ecoles",
            &[
                ("ecoles", ecoles.to_string().into()),
                ("year", year.to_string().into()),
                ("units_without", units_without.to_string().into()),
            ],
        ),
        PupilsSource::SpreadByPopulation => tr(lang, "dep-pupils-spread_by_population", &[]),
        PupilsSource::SpreadByArea => tr(lang, "dep-pupils-spread_by_area", &[]),
        PupilsSource::None => tr(lang, "dep-pupils-none", &[]),
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
    out.extend(capture_lines(lang, r));
    out
}

/// The address file's lines: how many addresses matched the carte scolaire's streets, and the
/// streets on either side that found no match.
fn address_lines(lang: Lang, r: &DepartementReport) -> Vec<String> {
    let n = |x: f64| number(lang, x, 0);
    let pct = |x: f64| format!("{} %", number(lang, x * 100.0, 0));
    let mut out = Vec::new();
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
    out
}

/// The capture rates' lines: public collèges whose sector holds no pupil, and the spread of
/// published headcounts against their sectors' pupils.
fn capture_lines(lang: Lang, r: &DepartementReport) -> Vec<String> {
    let pct = |x: f64| format!("{} %", number(lang, x * 100.0, 0));
    let mut out = Vec::new();
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
    out.push(tr(lang, "dep-files", &[]));
    out.extend(files_text(lang, &r.files));
    let missing = missing_text(lang, r);
    if !missing.is_empty() {
        out.push(tr(lang, "dep-missing_files", &[]));
        out.extend(missing);
    }
    out
}

/// Why no territory was built, in one sentence that says what to give, then the files.
pub fn error_text(lang: Lang, e: &DepartementError) -> String {
    use DepartementError as E;
    let (sentence, report) = match e {
        E::NoContours(r) => (tr(lang, "dep-error-no_contours", &[]), Some(r)),
        E::NoColleges(r) => (tr(lang, "dep-error-no_colleges", &[]), Some(r)),
        E::NoCollegePlaced(r) => (
            tr(
                lang,
                "dep-error-no_college_placed",
                &[("code", r.code.as_str().into())],
            ),
            Some(r),
        ),
        E::NoUnits(r) => (
            tr(
                lang,
                "dep-error-no_units",
                &[("code", r.code.as_str().into())],
            ),
            Some(r),
        ),
        E::NothingAttached(r) => (tr(lang, "dep-error-nothing_attached", &[]), Some(r)),
        E::MissingColumn(c, r) => (
            tr(
                lang,
                "dep-error-missing_column",
                &[("column", c.as_str().into())],
            ),
            Some(r),
        ),
        E::Unreadable(f, r) => (
            tr(lang, "dep-error-unreadable", &[("file", f.as_str().into())]),
            Some(r),
        ),
        E::Territory(t) => (t.clone(), None),
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
        tr_static(lang, "dep-estimated_note")
    } else {
        ""
    };
    Some(tr(
        lang,
        "dep-spread_line",
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

words! {
    /// The words of the IPS spread on the panel and in meeting mode.
    pub struct SpreadTexts("spread-") {
        /// Its label.
        label,
        /// Its label when some IPS are estimates.
        label_estimated,
    }
}

/// The IPS spread's words.
pub fn spread_texts(lang: Lang) -> &'static SpreadTexts {
    SpreadTexts::of(lang)
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
    let unknown = tr(lang, "dep-unknown", &[]);
    let f = |x: Option<f64>, d: usize| x.map_or(unknown.to_string(), |v| number(lang, v, d));
    let capture = match (pupils, sector_pupils) {
        (Some(p), Some(s)) if s > 0.0 => Some(p / s * 100.0),
        _ => None,
    };
    let mut s = tr(
        lang,
        "dep-published",
        &[("ips", f(ips, 1).into()), ("pupils", f(pupils, 0).into())],
    );
    if let Some(c) = capture {
        s.push_str(&tr(
            lang,
            "dep-published-capture",
            &[("share", number(lang, c, 0).into())],
        ));
    }
    Some(s)
}

/// The IPS spread in one sentence for the room: "Écart d'IPS entre collèges : 9,8 → 8,7
/// points", or its value alone before any change.
pub fn spread_sentence(lang: Lang, before: Option<f64>, now: Option<f64>) -> Option<String> {
    let before = before?;
    let head = tr(lang, "dep-spread_head", &[]);
    let unit = tr(lang, "dep-points", &[]);
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
    let name = m.name.as_str();
    match (&m.uai, &m.college) {
        (Some(uai), Some(c)) => tr(
            lang,
            "dep-name-alike",
            &[
                ("name", name.into()),
                ("college", c.as_str().into()),
                ("uai", uai.as_str().into()),
                ("score", score.into()),
            ],
        ),
        (_, Some(c)) => tr(
            lang,
            "dep-name-closest",
            &[
                ("name", name.into()),
                ("college", c.as_str().into()),
                ("score", score.into()),
            ],
        ),
        (_, None) => tr(lang, "dep-name-none", &[("name", name.into())]),
    }
}

words! {
    /// The words of the name-matches table.
    pub struct NamesTexts("names-") {
        /// Heading.
        heading,
        /// No collège chosen.
        none,
        /// Import again.
        again,
    }
}

/// The name-matches table's words.
pub fn names_texts(lang: Lang) -> &'static NamesTexts {
    NamesTexts::of(lang)
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
    if t.units().is_empty() {
        Some(tr(
            lang,
            "dep-unusable-no_units",
            &[("file", units_file.into())],
        ))
    } else if t.colleges().is_empty() {
        Some(tr(
            lang,
            "dep-unusable-no_colleges",
            &[("file", colleges_file.into())],
        ))
    } else if attached == 0 {
        Some(tr(lang, "dep-unusable-nothing_attached", &[]))
    } else {
        None
    }
}

/// A warning when no unit has pupils or IPS: every figure would be unknown.
pub fn missing_figures(lang: Lang, t: &crate::model::Territory) -> Option<String> {
    let pupils = t.units().iter().any(|u| u.population.pupils.is_some());
    let ips = t.units().iter().any(|u| u.population.ips_mean.is_some());
    match (pupils, ips) {
        (true, true) => None,
        (false, _) => Some(tr(lang, "dep-missing-pupils", &[])),
        (true, false) => Some(tr(lang, "dep-missing-ips", &[])),
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
    let id = if estimated {
        "dep-streets-estimated"
    } else {
        "dep-streets-addresses"
    };
    Some(tr(lang, id, &[("n", named.len().to_string().into())]))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_agrees_with_the_kind_of_unit_and_the_counts() {
        let mut r = DepartementReport {
            placed_single: 321,
            placed_shared: 13,
            streets_by_addresses: 6,
            not_in_carte: vec!["a".into(); 5],
            hors_contrat: 7,
            ..DepartementReport::default()
        };
        assert_eq!(
            summary(Lang::Fr, &r),
            "321 communes placées dans le secteur d'un seul collège, 13 partagées entre plusieurs \
             collèges, 6 divisées par rues (6 réparties selon ses adresses), 5 absentes de la carte \
             scolaire (rattachées au collège public le plus proche, estimé)."
        );
        assert_eq!(
            summary(Lang::En, &r),
            "321 communes placed in one collège's sector, 13 shared between several collèges, 6 \
             divided by streets (6 split by their addresses), 5 missing from the carte scolaire \
             (given to the nearest public collège, estimated)."
        );
        r.iris = true;
        r.placed_shared = 1;
        r.streets_by_addresses = 0;
        r.not_in_carte.clear();
        assert_eq!(
            summary(Lang::Fr, &r),
            "321 IRIS placés dans le secteur d'un seul collège, 1 partagé entre plusieurs collèges, \
             0 divisé par rues."
        );
        assert!(
            details(Lang::Fr, &r)[0].contains("privés sous contrat (7 hors contrat écartés) ;")
        );
        assert!(details(Lang::En, &r)[0].contains("(7 outside contract left out);"));
    }
}
