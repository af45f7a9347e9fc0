//! Every word the interface shows. The words live in Fluent resources, one folder per language
//! (`assets/i18n/fr/*.ftl`, `assets/i18n/en/*.ftl`), embedded in the program; the structs below
//! name each message once and load it in every language (a message missing in a language falls
//! back to French, and a test fails). Numbers are written by [`number`], once per language.

/// Interface language (also the command line's `--lang`). A language is a folder of `.ftl`
/// files in `assets/i18n/`, a variant here and its line in [`fluent::LANGUAGES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum, Default)]
pub enum Lang {
    /// Français.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order of [`fluent::LANGUAGES`].
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The language's code, as its button shows it ("FR").
    pub fn code(self) -> String {
        fluent::LANGUAGES[self as usize].0.to_uppercase()
    }
}

/// Declares a struct of words: each field is a message of the Fluent resources, named by the
/// struct's prefix and the field; a field with arguments is a function of them.
macro_rules! words {
    (
        $(#[$meta:meta])*
        pub struct $name:ident ($prefix:literal) {
            $( $(#[$fmeta:meta])* $field:ident $( ( $( $arg:ident : $ty:ty ),* ) )? ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[allow(missing_docs)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: words!(@type $( ( $($ty),* ) )?), )*
        }

        impl $name {
            /// Every message id of the struct (checked in every language by a test).
            pub const IDS: &[&str] = &[ $( concat!($prefix, stringify!($field)) ),* ];

            fn load(lang: $crate::i18n::Lang) -> Self {
                $name {
                    $( $field: words!(@load lang, concat!($prefix, stringify!($field))
                        $(, ( $($arg : $ty),* ) )? ), )*
                }
            }

            /// The words in a language, loaded once.
            pub fn of(lang: $crate::i18n::Lang) -> &'static Self {
                static ALL: std::sync::LazyLock<Vec<$name>> = std::sync::LazyLock::new(|| {
                    $crate::i18n::Lang::ALL.iter().map(|&l| $name::load(l)).collect()
                });
                &ALL[lang as usize]
            }
        }
    };
    (@type) => { &'static str };
    (@type ( $($ty:ty),* )) => { Box<dyn Fn($($ty),*) -> String + Send + Sync> };
    (@load $lang:ident, $id:expr) => { $crate::i18n::fluent::message($lang, $id) };
    (@load $lang:ident, $id:expr, ( $($arg:ident : $ty:ty),* )) => {
        Box::new(move |$($arg: $ty),*| {
            $crate::i18n::fluent::format(
                $lang,
                $id,
                &[ $( (stringify!($arg), $crate::i18n::fluent::Arg::from($arg)) ),* ],
            )
        })
    };
}

pub mod address;
pub mod check;
pub mod departement;
pub mod fluent;
pub mod frontier;
pub mod glossary;
pub mod indicators;
pub mod load;
pub mod meeting;
pub mod scenarios;

words! {
    /// The interface's texts in one language.
    pub struct Texts("") {
        app_title,
        recenter,
        recenter_hint,
        fictional_badge,
        fictional_note,
        loading,
        load_failed,
        scenario,
        baseline_name,
        new_scenario,
        new_scenario_name,
        auto_scenario_notice,
        undo,
        redo,
        reset_to_baseline,
        language,
        pick_college_hint,
        assign_hint,
        /// The click tool's hint when whole écoles move.
        assign_school_hint,
        /// The toggle that makes the tools move whole écoles, and its explanation.
        whole_schools,
        whole_schools_hint(n: usize),
        selected_college,
        pupils,
        capacity,
        full_at,
        ips,
        ips_estimated,
        boursiers,
        walk_straight,
        walk_computing,
        transport_needed,
        walk_stop,
        walk_of_streets,
        walk_ready,
        walk_stopped,
        meeting_button,
        meeting_leave,
        meeting_before,
        meeting_after,
        meeting_hint,
        meeting_hint_before,
        meeting_changed_legend,
        audience_button,
        audience_hint,
        audience_title,
        audience_after,
        audience_on_screen(screen: usize),
        icons_group,
        icons_boursier,
        fewer_than,
        not_shown_small,
        meeting_no_proposal,
        by_reach,
        color_by_reach,
        reach_pick,
        walk_settings,
        walk_title,
        walk_source_streets,
        walk_source_none,
        walk_load,
        walk_load_title,
        walk_load_help,
        walk_reading,
        walk_speed,
        walk_speed_hint,
        walk_threshold,
        walk_detour,
        walk_detour_unused,
        walk_far_none,
        walk_far,
        walk_far_notice,
        walk_unplaced,
        close,
        walk_mean,
        beyond_threshold,
        unknown,
        capacity_unknown,
        boursiers_unknown,
        private_college,
        no_sector,
        over_capacity,
        above_band,
        below_band,
        within_band,
        empty_sector,
        territory_indices,
        segregation_h,
        dissimilarity_boursiers,
        since_baseline,
        changed_units,
        changed_unit_one,
        pupils_moved,
        rule_text,
        reference,
        locked,
        hover_college,
        unassigned,
        shares_word,
        minutes,
        legend_colleges,
        legend_public,
        legend_private,
        legend_boundary,
        legend_striped,
        recover,
        dismiss_recovery,
        less_favoured,
        more_favoured,
        color_by_ips,
        color_by_boursiers,
        color_by_walk,
        coloring,
        by_college,
        by_ips,
        by_boursiers,
        by_walk,
        tool,
        tool_click,
        tool_brush,
        tool_rect,
        tool_lasso,
        tool_pick,
        tool_lock,
        tool_hint_brush,
        tool_hint_area,
        tool_hint_pick,
        tool_hint_lock,
        skipped_locked,
        sort_by,
        sort_map,
        sort_name,
        sort_use,
        sort_ips,
        sort_boursiers,
        sort_walk,
        not_contiguous,
        pieces,
        beyond_walk_flag,
        lock_college,
        legend_shared,
        tool_split,
        tool_new_college,
        dominos_button,
        dominos_hint,
        dominos_none(name: &str),
        dominos_done(path: &str, n: usize, pupils: &str),
        tool_hint_new_college,
        tool_hint_move(name: &str),
        move_college,
        merge_college,
        rebuilt,
        college_moved(name: &str, at: &str),
        college_routed,
        new_college_title,
        new_college_default,
        new_college_at,
        new_college_name,
        new_college_capacity,
        new_college_help,
        new_college_create,
        college_opened(name: &str),
        merge_title,
        merge_with,
        merge_help,
        merge_do,
        merged(a: &str, b: &str),
        tool_hint_split,
        split_title,
        split_help,
        split_add,
        split_total,
        split_must_sum,
        split_apply,
        avoidance_heading,
        avoidance_help,
        avoidance_low,
        avoidance_high,
        avoidance_unknown,
        avoidance_leave(lo: &str, hi: &str),
        avoidance_back(lo: &str, hi: &str),
        avoidance_mixed(back: &str, leave: &str),
        avoidance_none,
        avoidance_leave_about(n: &str),
        avoidance_back_about(n: &str),
        unlock_college,
        close_college,
        reopen_college,
        closed_college,
        pieces_wanted,
        pieces_allow,
        pieces_allow_hint,
        pieces_flag_again,
        closure_done(name: &str, units: usize, pupils: f64, to: &str, stranded: usize),
        rename,
        changes_list,
        classes_6e,
        basemap,
        basemap_none,
        basemap_osm,
        basemap_mbtiles,
        basemap_osm_notice,
        basemap_opened,
        mbtiles_title,
        mbtiles_help,
        file_path,
        browse,
        open,
        cancel,
        osm_attribution,
        save_project,
        import_button,
        import_title,
        import_help,
        import_name,
        import_units,
        import_colleges,
        import_join,
        import_sectors,
        import_read_columns,
        import_columns,
        import_none,
        import_col_key,
        import_col_name,
        import_col_pupils,
        import_col_college,
        /// The units' école column.
        import_col_school,
        import_col_status,
        import_census_found,
        import_baseline,
        import_by_sectors,
        import_by_column,
        import_by_nearest,
        import_estimate_ips,
        import_run,
        import_working,
        import_open_result,
        import_sector_uai,
        import_calibration,
        import_unmatched,
        import_split_units,
        import_report,
        import_nothing,
        open_project,
        open_title,
        open_help,
        opening,
        save_title,
        save_help,
        save_confirm,
        saved,
        save_failed,
        publish_button,
        publish_title,
        publish_intro,
        publish_author,
        publish_handout,
        publish_map,
        publish_chart_svg,
        publish_chart_png,
        publish_table,
        publish_save_help,
        publish_writing,
        publish_written,
        publish_failed,
        publish_privacy,
        publish_of_baseline,
        compare_button,
        compare_title,
        compare_same,
        compare_drawing,
        compare_identical,
        compare_differ(n: usize),
        compare_pupils,
        compare_boursiers,
        compare_filled,
        compare_walk,
        compare_indices,
        compare_hidden,
    }
}

words! {
    /// Small words and signs used across the interface.
    pub struct CommonTexts("common-") {
        number_group,
        number_decimal,
        places(n: usize),
        percent_sign,
        colon,
        date(day: &str, month: usize, year: &str),
        percent_tight(n: &str),
        labelled(label: &str, value: &str),
        quoted(name: &str),
        public,
        private,
        yes,
        no,
        no_walkable_network,
        unchanged,
        baseline_read_only,
        locked_unit(name: &str),
        locked_college(name: &str),
        assignment_refused(reason: &str),
        closed_college(name: &str),
        still_has_units(name: &str, units: usize),
        refused(reason: &str),
        glossary_heading,
    }
}

/// A message of the language with its arguments (a sentence whose parts the code chooses);
/// every id named this way is checked in every language by a test.
pub fn tr(lang: Lang, id: &str, args: &[(&str, fluent::Arg)]) -> String {
    fluent::format(lang, id, args)
}

/// A message without arguments, kept for the life of the program (each id once per language;
/// looked up without allocating, as it is asked for every frame).
pub fn tr_static(lang: Lang, id: &'static str) -> &'static str {
    use std::collections::HashMap;
    use std::sync::Mutex;
    static KEPT: Mutex<Option<HashMap<(Lang, &'static str), &'static str>>> = Mutex::new(None);
    let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    kept.get_or_insert_with(HashMap::new)
        .entry((lang, id))
        .or_insert_with(|| fluent::message(lang, id))
}

/// The words shared by every part: numbers, agreement, the glossary's heading.
pub fn common(lang: Lang) -> &'static CommonTexts {
    CommonTexts::of(lang)
}

/// A refused change, explained in the interface's language.
pub fn document_error(lang: Lang, e: &crate::model::DocumentError) -> String {
    use crate::model::{DocumentError as D, EditError as E};
    let w = common(lang);
    match e {
        D::BaselineIsReadOnly => w.baseline_read_only.into(),
        D::Edit(E::LockedUnit(name)) => (w.locked_unit)(name),
        D::Edit(E::LockedCollege(name)) => (w.locked_college)(name),
        D::Edit(E::Assignment(a)) => (w.assignment_refused)(&a.to_string()),
        D::Edit(E::ClosedCollege(name)) => (w.closed_college)(name),
        D::Edit(E::StillHasUnits { name, units }) => (w.still_has_units)(name, *units),
        _ => (w.refused)(&e.to_string()),
    }
}

words! {
    /// Why a background map file cannot be used, each filled with the file (and SQLite's
    /// message).
    pub struct MbTilesTexts("mbtiles-") {
        /// The file cannot be opened.
        open(path: &str, message: &str),
        /// Not an MBTiles file.
        not_mbtiles(path: &str),
        /// Vector tiles.
        vector(path: &str),
        /// No tile.
        empty(path: &str),
    }
}

/// The MBTiles words of a language.
pub fn mbtiles_texts(lang: Lang) -> &'static MbTilesTexts {
    MbTilesTexts::of(lang)
}

/// The texts of a language.
pub fn texts(lang: Lang) -> &'static Texts {
    Texts::of(lang)
}

/// A number the way the language writes it: "1 507,3" in French, "1,507.3" in English (the
/// separators are the language's `common-number_group` and `common-number_decimal`).
pub fn number(lang: Lang, x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let w = common(lang);
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push_str(w.number_group);
        }
        grouped.push(ch);
    }
    let sign = if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        "−"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{frac}", w.number_decimal)
    }
}

/// "3 lieux", "1 lieu": places (blocks and collèges) counted.
pub fn places(lang: Lang, n: usize) -> String {
    (common(lang).places)(n)
}

/// The per cent sign after a number: a narrow no-break space before it in French.
pub fn percent_sign(lang: Lang) -> &'static str {
    common(lang).percent_sign
}

/// A colon after a word: a no-break space before it in French ("A : "), none in English.
pub fn colon(lang: Lang) -> &'static str {
    common(lang).colon
}

/// A date the way the language writes it: "23 novembre 2026", "23 November 2026".
pub fn date_text(lang: Lang, d: chrono::DateTime<chrono::Utc>) -> String {
    use chrono::Datelike;
    (common(lang).date)(
        &d.day().to_string(),
        d.month() as usize,
        &d.year().to_string(),
    )
}

/// "73 %" (French, with a narrow no-break space) or "73%", from a number already written.
pub fn percent_tight(lang: Lang, n: &str) -> String {
    (common(lang).percent_tight)(n)
}

/// "Auteur : X" (French space before the colon) or "Author: X".
pub fn labelled(lang: Lang, label: &str, value: &str) -> String {
    (common(lang).labelled)(label, value)
}

/// A label that introduces what follows it ("Outil :" in French, "Tool:" in English).
pub fn with_colon(lang: Lang, label: &str) -> String {
    labelled(lang, label, "").trim_end().to_string()
}

/// The field separator of a CSV file in a language: a spreadsheet set to French reads `;`
/// (the comma is its decimal mark), one set to English `,`.
pub fn csv_delimiter(lang: Lang) -> u8 {
    match lang {
        Lang::Fr => b';',
        Lang::En => b',',
    }
}

/// A number in a CSV cell: the language's decimal mark, no thousands separator (a spreadsheet
/// reads it as a number).
pub fn csv_number(lang: Lang, v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    match lang {
        Lang::Fr => s.replace('.', ","),
        Lang::En => s,
    }
}

/// A name in quotation marks: « X » in French, “X” in English.
pub fn quoted(lang: Lang, name: &str) -> String {
    (common(lang).quoted)(name)
}

/// "public" or "privé" ("private").
pub fn public_private(lang: Lang, private: bool) -> &'static str {
    let w = common(lang);
    if private { w.private } else { w.public }
}

/// "oui" or "non" ("yes", "no").
pub fn yes_no(lang: Lang, yes: bool) -> &'static str {
    let w = common(lang);
    if yes { w.yes } else { w.no }
}

/// Said when a territory's streets form no network one can walk.
pub fn no_walkable_network(lang: Lang) -> &'static str {
    common(lang).no_walkable_network
}

/// What `change` says of a change that rounds to nothing.
pub fn unchanged(lang: Lang) -> &'static str {
    common(lang).unchanged
}

/// A signed change with an arrow: "▲ +3,2", "▼ −1,0", "= inchangé".
pub fn change(lang: Lang, d: f64, decimals: usize) -> String {
    let rounded = format!("{:.*}", decimals, d.abs());
    if rounded.chars().all(|c| c == '0' || c == '.') {
        return unchanged(lang).into();
    }
    if d > 0.0 {
        format!("▲ +{}", number(lang, d, decimals))
    } else {
        format!("▼ {}", number(lang, d, decimals))
    }
}

/// Every problem of a report, one per line.
pub fn report_text(report: &crate::io::report::Report, lang: Lang) -> String {
    let mut out = String::new();
    for p in &report.problems {
        out.push_str(&problem_text(lang, p));
        out.push('\n');
    }
    out
}

/// Every problem of a report, with runs of the same problem in the same file (hundreds of rows
/// with a bad UAI, say) said once with their count and the first examples.
pub fn report_text_grouped(report: &crate::io::report::Report, lang: Lang) -> String {
    let mut out = String::new();
    let key = |p: &crate::io::report::Problem| {
        (
            p.file.clone(),
            p.severity,
            std::mem::discriminant(&p.kind),
            p.field.clone(),
        )
    };
    let problems = &report.problems;
    let mut i = 0;
    while i < problems.len() {
        let k = key(&problems[i]);
        let mut j = i + 1;
        while j < problems.len() && key(&problems[j]) == k {
            j += 1;
        }
        let run = &problems[i..j];
        if run.len() > 3 {
            let examples: Vec<String> = run
                .iter()
                .take(3)
                .filter_map(|p| p.place.as_ref().map(|pl| place_text(lang, pl)))
                .collect();
            let mut first = run[0].clone();
            first.place = None;
            out.push_str(&tr(
                lang,
                "report-times",
                &[
                    ("n", number(lang, run.len() as f64, 0).into()),
                    ("problem", problem_text(lang, &first).into()),
                    ("examples", examples.join(", ").into()),
                ],
            ));
        } else {
            for p in run {
                out.push_str(&problem_text(lang, p));
                out.push('\n');
            }
            i = j;
            continue;
        }
        out.push('\n');
        i = j;
    }
    out
}

/// What an import produced, in words: a headline, the IPS calibration, the keys that matched
/// nothing, the units split between sectors, and the whole validation report. Shared by the
/// command line and the assistant.
pub struct ImportSummary {
    /// Units, collèges, units assigned, units split.
    pub headline: String,
    /// The per-group IPS values and the fit's error, when IPS was estimated.
    pub calibration: Option<String>,
    /// One line per key that matched nothing ("file, row: key not found in table").
    pub unmatched: Vec<String>,
    /// One line per unit split between sectors (key, collège given, share of its area there).
    pub split: Vec<String>,
    /// Every problem of the report, one per line.
    pub report: Vec<String>,
    /// Sector names joined to a collège by likeness, or to none: to confirm or fix.
    pub names: Vec<String>,
}

/// Summarises an import for the user.
pub fn import_summary(imported: &crate::io::import::Imported, lang: Lang) -> ImportSummary {
    use crate::io::report::ProblemKind;
    let t = &imported.territory;
    let assigned = t
        .unit_ids()
        .filter(|&u| imported.baseline.assignment(u).main_college().is_some())
        .count();
    let publics = t
        .colleges()
        .iter()
        .filter(|c| c.sector == crate::model::territory::Sector::Public)
        .count();
    let headline = tr(
        lang,
        "import-headline",
        &[
            ("name", t.info.name.as_str().into()),
            ("units", t.units().len().to_string().into()),
            ("colleges", t.colleges().len().to_string().into()),
            ("publics", publics.to_string().into()),
            ("assigned", assigned.to_string().into()),
            ("split", imported.split_units.len().to_string().into()),
        ],
    );
    let calibration = imported.calibration.as_ref().map(|c| {
        let n = |x: f64| number(lang, x, 1);
        let g = |i: usize| n(c.group_ips.get(i).copied().unwrap_or(f64::NAN));
        // the four groups should come out from the most to the least favoured; when they do not,
        // the fit holds for sectors only, and the user is told so
        let ordered = c.group_ips.windows(2).all(|w| w[0] >= w[1]);
        let mut text = tr(
            lang,
            "import-calibration",
            &[
                ("colleges", c.colleges.to_string().into()),
                ("g0", g(0).into()),
                ("g1", g(1).into()),
                ("g2", g(2).into()),
                ("g3", g(3).into()),
                ("rmse", n(c.rmse).into()),
                ("max", n(c.max_error.0).into()),
                ("worst", c.max_error.1.as_str().into()),
                ("bounded", c.bounded_units.to_string().into()),
                ("low", n(c.range.0).into()),
                ("high", n(c.range.1).into()),
            ],
        );
        if !ordered {
            text.push('\n');
            text.push_str(&tr(lang, "import-calibration_unordered", &[]));
        }
        text
    });
    let unmatched = imported
        .report
        .problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::Unmatched { .. }))
        .map(|p| problem_text(lang, p))
        .collect();
    let split = imported
        .split_units
        .iter()
        .map(|(key, uai, share)| {
            let name = t
                .college_by_uai(uai)
                .map(|c| t.college(c).name.clone())
                .unwrap_or_else(|| uai.clone());
            tr(
                lang,
                "import-split",
                &[
                    ("key", key.as_str().into()),
                    ("share", format!("{:.0}", share * 100.0).into()),
                    ("name", name.into()),
                ],
            )
        })
        .collect();
    ImportSummary {
        names: imported
            .name_matches
            .iter()
            .filter(|m| m.score < 1.0)
            .map(|m| departement::name_match_text(lang, m))
            .collect(),
        headline,
        calibration,
        unmatched,
        split,
        report: imported
            .report
            .problems
            .iter()
            .map(|p| problem_text(lang, p))
            .collect(),
    }
}

/// How a walking figure was obtained, next to it: along the streets, or a straight-line
/// estimate (with its detour factor when there is one).
pub fn walk_how(lang: Lang, source: crate::metrics::WalkSource) -> String {
    use crate::metrics::WalkSource as W;
    match source {
        W::Streets => tr(lang, "walk-streets", &[]),
        W::StraightLine { detour_factor } if (detour_factor - 1.0).abs() < 1e-9 => {
            texts(lang).walk_straight.into()
        }
        W::StraightLine { detour_factor } => tr(
            lang,
            "walk-estimate",
            &[("factor", number(lang, detour_factor, 2).into())],
        ),
    }
}

/// What a street network holds and what was left out, in words.
pub fn network_text(net: &crate::routing::StreetNetwork, lang: Lang) -> String {
    let r = &net.report;
    let km = number(lang, net.total_length_m() / 1000.0, 1);
    tr(
        lang,
        "streets-network",
        &[
            ("read", r.ways_read.to_string().into()),
            ("walkable", r.ways_walkable.to_string().into()),
            ("left_out", r.ways_not_walkable.to_string().into()),
            ("nodes", net.nodes.len().to_string().into()),
            ("edges", net.edges.len().to_string().into()),
            ("km", km.into()),
            ("pieces", r.components.to_string().into()),
            ("dropped_nodes", r.dropped_nodes.to_string().into()),
            ("dropped_edges", r.dropped_edges.to_string().into()),
            ("cut", r.missing_nodes.to_string().into()),
        ],
    )
}

/// Why a street file cannot be used, in words.
pub fn network_error(lang: Lang, e: &crate::routing::NetworkError) -> String {
    use crate::routing::NetworkError as E;
    match e {
        E::Unreadable { file, reason } => tr(
            lang,
            "streets-unreadable",
            &[
                ("file", file.as_str().into()),
                ("reason", reason.to_string().into()),
            ],
        ),
        E::BadLayer { file, report } => tr(
            lang,
            "streets-bad_layer",
            &[
                ("file", file.as_str().into()),
                ("report", report_text(report, lang).trim_end().into()),
            ],
        ),
        E::Empty { file } => tr(lang, "streets-empty", &[("file", file.as_str().into())]),
        E::TooExpanded { file, limit } => tr(
            lang,
            "streets-too_expanded",
            &[
                ("file", file.as_str().into()),
                ("max", number(lang, *limit as f64 / 1e6, 0).into()),
            ],
        ),
        E::NoTags { file, at, max } => tr(
            lang,
            "streets-no_tags",
            &[
                ("file", file.as_str().into()),
                ("at", number(lang, *at as f64, 0).into()),
                ("max", number(lang, *max as f64 / 1e6, 0).into()),
            ],
        ),
        E::UnknownFormat { file } => tr(
            lang,
            "streets-unknown_format",
            &[("file", file.as_str().into())],
        ),
    }
}

/// Why a street file cannot be used for a territory, in words.
pub fn streets_error(lang: Lang, e: &crate::routing::StreetsError, territory: &str) -> String {
    use crate::routing::StreetsError as E;
    match e {
        E::Network(e) => network_error(lang, e),
        E::Elsewhere { inside, units } => streets_elsewhere(lang, *inside, *units, territory),
    }
}

/// A street file that does not cover the territory.
fn streets_elsewhere(lang: Lang, inside: usize, units: usize, territory: &str) -> String {
    tr(
        lang,
        "streets-elsewhere",
        &[
            ("inside", inside.to_string().into()),
            ("units", units.to_string().into()),
            ("territory", territory.into()),
        ],
    )
}

/// A text for a message, cut after `max` characters with an ellipsis: a file's field can be
/// megabytes long, and a message must stay readable.
pub fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// A number read from a file, for a message: written in full up to a billion, in scientific
/// notation beyond (a value of 1e308 would otherwise be 309 digits long).
pub fn value_text(lang: Lang, x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    if x != 0.0 && (x.abs() >= 1e9 || x.abs() < 1e-4) {
        let text = format!("{x:.3e}");
        return match lang {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        };
    }
    let decimals = if x.fract() == 0.0 { 0 } else { 4 };
    let t = number(lang, x, decimals);
    if decimals > 0 {
        t.trim_end_matches('0').to_string()
    } else {
        t
    }
}

/// A file and why the system could not read or write it, in words.
pub fn io_error_at(lang: Lang, path: &std::path::Path, e: &std::io::Error) -> String {
    labelled(lang, &path.display().to_string(), &io_reason(lang, e))
}

/// Why the system could not read or write a file, in words.
pub fn io_reason(lang: Lang, e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => tr(lang, "reason-not_found", &[]),
        std::io::ErrorKind::PermissionDenied => tr(lang, "reason-permission_denied", &[]),
        _ => tr(
            lang,
            "reason-detail",
            &[
                ("plain", tr(lang, "reason-system", &[]).into()),
                ("detail", cut(&e.to_string(), 200).into()),
            ],
        ),
    }
}

/// Why something could not be read, in words. A library's own message (in English) is only
/// given as a technical detail after the plain reason.
pub fn reason_text(lang: Lang, r: &crate::io::report::Reason) -> String {
    use crate::io::report::Reason as R;
    let detail = |plain: &str, d: &str| {
        if d.is_empty() {
            plain.to_string()
        } else {
            tr(
                lang,
                "reason-detail",
                &[("plain", plain.into()), ("detail", d.into())],
            )
        }
    };
    match r {
        R::NotFound => tr(lang, "reason-not_found", &[]),
        R::PermissionDenied => tr(lang, "reason-permission_denied", &[]),
        R::System(d) => detail(&tr(lang, "reason-system", &[]), d),
        R::NotJson(d) => detail(&tr(lang, "reason-not_json", &[]), d),
        R::NoFeatureList => tr(lang, "reason-no_feature_list", &[]),
        R::GeoJsonStructure(d) => detail(&tr(lang, "reason-geo_json_structure", &[]), d),
        R::NotGeoJsonType(t) if t.is_empty() => tr(lang, "reason-not_geo_json_type", &[]),
        R::NotGeoJsonType(t) => tr(
            lang,
            "reason-not_geo_json_type_2",
            &[("t", t.to_string().into())],
        ),
        R::NotANumberCoordinate => tr(lang, "reason-not_anumber_coordinate", &[]),
        R::OffEarth => tr(lang, "reason-off_earth", &[]),
        R::Csv(d) => detail(&tr(lang, "reason-csv", &[]), d),
        R::NotZip(d) => detail(&tr(lang, "reason-not_zip", &[]), d),
        R::NoShpInZip => tr(lang, "reason-no_shp_in_zip", &[]),
        R::ShpTooShort(n) => tr(lang, "reason-shp_too_short", &[("n", n.to_string().into())]),
        R::IndexMismatch => tr(lang, "reason-index_mismatch", &[]),
        R::DamagedFromHere(d) => detail(&tr(lang, "reason-damaged_from_here", &[]), d),
        R::DbfUnreadable(d) => detail(&tr(lang, "reason-dbf_unreadable", &[]), d),
        R::RecordUnreadable(d) => detail(&tr(lang, "reason-record_unreadable", &[]), d),
        R::Shape(d) => detail(&tr(lang, "reason-shape", &[]), d),
        R::Projection(d) => detail(&tr(lang, "reason-projection", &[]), d),
        R::BadPosition(n) => tr(lang, "reason-bad_position", &[("n", n.to_string().into())]),
        R::ShortRing(n) => tr(lang, "reason-short_ring", &[("n", n.to_string().into())]),
        R::OpenRing => tr(lang, "reason-open_ring", &[]),
        R::NotInArchive(n) => tr(
            lang,
            "reason-not_in_archive",
            &[("n", n.to_string().into())],
        ),
        R::SelfIntersection => tr(lang, "reason-self_intersection", &[]),
        R::TooExpanded(name, size, max) => tr(
            lang,
            "reason-too_expanded",
            &[
                ("name", cut(name, 80).into()),
                ("size", number(lang, *size as f64 / 1e6, 0).into()),
                ("max", number(lang, *max as f64 / 1e6, 0).into()),
            ],
        ),
        R::TooManyVertices(found, max) => tr(
            lang,
            "reason-too_many_vertices",
            &[
                ("found", number(lang, *found as f64, 0).into()),
                ("max", number(lang, *max as f64, 0).into()),
            ],
        ),
        R::Degenerate => tr(lang, "reason-degenerate", &[]),
        R::TooTangled(max) => tr(
            lang,
            "reason-too_tangled",
            &[("max", number(lang, *max as f64, 0).into())],
        ),
        R::TooFewPoints => tr(lang, "reason-too_few_points", &[]),
        R::RingsOverlap => tr(lang, "reason-rings_overlap", &[]),
        R::Topology => tr(lang, "reason-topology", &[]),
    }
}

/// A place in a file, as the readers name it ("feature 3", "row 12", "line 4, column 7"), in
/// the user's language; a unit's key is left as it is.
fn place_text(lang: Lang, place: &str) -> String {
    // the readers write places in English; each word is the language's
    let mut out = place.to_string();
    for (en, id) in [
        ("feature ", "place-feature"),
        ("row ", "place-row"),
        ("line ", "place-line"),
    ] {
        if let Some(rest) = out.strip_prefix(en) {
            out = tr(lang, id, &[("n", rest.into())]);
        }
    }
    out.replace(", column ", &tr(lang, "place-column", &[]))
}

/// Where a problem is: the file, the place in it, the field.
fn problem_place(lang: Lang, p: &crate::io::report::Problem) -> String {
    let mut at = p.file.clone();
    if let Some(place) = &p.place {
        at.push_str(", ");
        at.push_str(&place_text(lang, place));
    }
    if let Some(field) = &p.field {
        at.push_str(&tr(
            lang,
            "problem-field",
            &[("field", field.as_str().into())],
        ));
    }
    at
}

/// One problem of a validation report, in words: where, what, and what would be right.
pub fn problem_text(lang: Lang, p: &crate::io::report::Problem) -> String {
    use crate::io::report::{ProblemKind as K, Severity};
    let at = problem_place(lang, p);
    let reason_text = |r: &crate::io::report::Reason| reason_text(lang, r);
    let what = match &p.kind {
        K::Unreadable { reason } => tr(
            lang,
            "problem-unreadable",
            &[("reason", reason_text(reason).to_string().into())],
        ),
        K::BadFormat { reason } => tr(
            lang,
            "problem-bad_format",
            &[("reason", reason_text(reason).to_string().into())],
        ),
        K::UnknownProjection { declared } => tr(
            lang,
            "problem-unknown_projection",
            &[("declared", cut(declared, 120).into())],
        ),
        K::ProjectedWithoutCrs { x, y } if p.field.as_deref() == Some(".prj") => tr(
            lang,
            "problem-projected_without_crs",
            &[("x", x.to_string().into()), ("y", y.to_string().into())],
        ),
        K::ProjectedWithoutCrs { x, y } => tr(
            lang,
            "problem-projected_without_crs_2",
            &[("x", x.to_string().into()), ("y", y.to_string().into())],
        ),
        K::OutsideProjectionArea { lon, lat, area } => {
            let area = match area.as_str() {
                "france" => tr(lang, "problem-area_france", &[]),
                "utm-north" | "utm-south" => tr(lang, "problem-area_utm", &[]),
                _ => tr(lang, "problem-area_origin", &[]),
            };
            tr(
                lang,
                "problem-outside_projection_area",
                &[
                    ("lon", format!("{lon:.2}").into()),
                    ("lat", format!("{lat:.2}").into()),
                    ("area", area.into()),
                ],
            )
        }
        K::NullGeometry => tr(lang, "problem-null_geometry", &[]),
        K::BrokenGeometry { reason } => tr(
            lang,
            "problem-broken_geometry",
            &[("reason", reason_text(reason).to_string().into())],
        ),
        K::RepairedGeometry { reason } => tr(
            lang,
            "problem-repaired_geometry",
            &[("reason", reason_text(reason).to_string().into())],
        ),
        K::InvalidGeometry { reason } => tr(
            lang,
            "problem-invalid_geometry",
            &[("reason", reason_text(reason).to_string().into())],
        ),
        K::NotAnArea { found } => tr(
            lang,
            "problem-not_an_area",
            &[("found", found.to_string().into())],
        ),
        K::MissingField { available } => tr(
            lang,
            "problem-missing_field",
            &[("available", available.join(", ").to_string().into())],
        ),
        K::NotANumber { value } => tr(
            lang,
            "problem-not_anumber",
            &[("value", cut(value, 80).into())],
        ),
        K::AbsurdValue { value, expected } => tr(
            lang,
            "problem-absurd_value",
            &[
                ("value", value_text(lang, *value).into()),
                ("expected", expected.to_string().into()),
            ],
        ),
        K::DuplicateId { id } => tr(lang, "problem-duplicate_id", &[("id", cut(id, 80).into())]),
        K::MergedDuplicate { id } => tr(
            lang,
            "problem-merged_duplicate",
            &[("id", cut(id, 80).into())],
        ),
        K::Unmatched { key, table } => tr(
            lang,
            "problem-unmatched",
            &[
                ("key", cut(key, 80).into()),
                ("table", table.to_string().into()),
            ],
        ),
        K::BadUai { value } if value.is_empty() => tr(lang, "problem-bad_uai", &[]),
        K::BadUai { value } => tr(
            lang,
            "problem-bad_uai_2",
            &[("value", cut(value, 80).into())],
        ),
        K::OutsideSectors => tr(lang, "problem-outside_sectors", &[]),
        K::SplitUnit { chosen, share } => tr(
            lang,
            "problem-split_unit",
            &[
                ("chosen", chosen.to_string().into()),
                ("share", format!("{:.0}", share * 100.0).into()),
            ],
        ),
        K::PlacedInSector { uai } => tr(
            lang,
            "problem-placed_in_sector",
            &[("uai", uai.to_string().into())],
        ),
        K::IpsEstimated { colleges, rmse } => tr(
            lang,
            "problem-ips_estimated",
            &[
                ("colleges", colleges.to_string().into()),
                ("rmse", format!("{:.1}", rmse).into()),
            ],
        ),
        K::NotReadHere { refusal } => departement::refusal_text(lang, refusal),
    };
    let tag = match p.severity {
        Severity::Fatal => tr(lang, "problem-tag_fatal", &[]),
        Severity::Skipped => tr(lang, "problem-tag_skipped", &[]),
        Severity::Note => tr(lang, "problem-tag_note", &[]),
    };
    format!("[{tag}] {at} : {what}")
}

words! {
    /// The words of everything printed or exported for the public: the social-mix chart, the map
    /// picture, the PDF handout and the public table.
    pub struct PublicTexts("public-") {
        chart_title_groups,
        chart_title_boursiers,
        chart_subtitle,
        before_short,
        after_short,
        changed_mark,
        not_known,
        boursiers,
        not_boursiers,
        hidden(t: f64),
        handout_title,
        scenario,
        author,
        no_author,
        dated,
        compared_with,
        map_heading,
        map_caption,
        changes_heading,
        changes_none,
        units_change(n: usize),
        pupils_concerned(n: f64),
        pupils_concerned_few,
        indices_heading,
        index_entropy,
        on_100(value: &str),
        gauge_legend(band: &str),
        index_boursiers,
        index_disadvantaged(group: &str),
        index_lower_better,
        colleges_heading,
        of_100,
        pupils,
        fewer_than(t: f64),
        ips,
        ips_estimated,
        much_less,
        much_more,
        average,
        band,
        filled,
        capacity_unknown,
        walk,
        minutes,
        before_was,
        private_colleges,
        notes_heading,
        sources_heading,
        no_sources,
        est_fictional,
        est_ips,
        est_walk_straight,
        /// Said when pupil counts are estimates.
        est_pupils,
        /// The row of the IPS spread in the handout.
        index_ips_spread,
        walk_streets,
        privacy(t: f64),
        made_with,
        page,
        table_header,
    }
}

/// The public words in one language.
pub fn public_texts(lang: Lang) -> &'static PublicTexts {
    PublicTexts::of(lang)
}

words! {
    /// The "À propos" window.
    pub struct AboutTexts("about-") {
        button,
        title,
        what,
        licence,
        sources_heading,
        source_ministry,
        source_ign,
        source_insee,
        source_ban,
        source_osm,
        font,
    }
}

/// The words of the "À propos" window.
pub fn about_texts(lang: Lang) -> &'static AboutTexts {
    AboutTexts::of(lang)
}

/// "12 élèves concernés", or "moins de 5 élèves concernés" when the count is hidden.
pub fn pupils_concerned(lang: Lang, n: Option<f64>) -> String {
    let p = public_texts(lang);
    match n {
        Some(n) => (p.pupils_concerned)(n),
        None => p.pupils_concerned_few.to_string(),
    }
}

/// How a territory's estimates were made, one step in words.
pub fn method_text(lang: Lang, m: &crate::model::MethodNote) -> String {
    use crate::model::MethodNote as M;
    match m {
        M::PupilsFromEcoles { year } => tr(
            lang,
            "method-pupils_from_ecoles",
            &[("year", year.as_str().into())],
        ),
        M::PupilsSpreadByArea => tr(lang, "method-pupils_by_area", &[]),
        M::PupilsSpreadByPopulation => tr(lang, "method-pupils_by_population", &[]),
        M::IpsFromEcoles { ecoles } => tr(
            lang,
            "method-ips_from_ecoles",
            &[("ecoles", (*ecoles).into())],
        ),
        M::SharedEqually { communes } => tr(
            lang,
            "method-shared_equally",
            &[("communes", (*communes).into())],
        ),
        M::StreetsToNearest { communes } => tr(
            lang,
            "method-streets_to_nearest",
            &[("communes", communes.join(", ").into())],
        ),
        M::NotInCarte { communes } => tr(
            lang,
            "method-not_in_carte",
            &[("communes", communes.join(", ").into())],
        ),
        M::IpsFromCensus {
            colleges,
            rmse,
            range,
            bounded,
        } => tr(
            lang,
            "method-ips_from_census",
            &[
                ("colleges", (*colleges).into()),
                ("rmse", number(lang, *rmse, 1).into()),
                ("low", number(lang, range.0, 1).into()),
                ("high", number(lang, range.1, 1).into()),
                ("bounded", (*bounded).into()),
            ],
        ),
    }
}

/// A social group's name as the interface writes it inside a sentence: the DEPP groups in the
/// language, any other name (from the data) as it is, in lower case.
pub fn group_name(lang: Lang, name: &str) -> String {
    let depp = [
        ("Très favorisée", "group-very_favoured"),
        ("Favorisée", "group-favoured"),
        ("Moyenne", "group-middle"),
        ("Défavorisée", "group-disadvantaged"),
    ];
    match depp.iter().find(|(fr, _)| *fr == name) {
        Some((_, id)) => tr(lang, id, &[]),
        None => name.to_lowercase(),
    }
}

words! {
    /// The words of the assistant window.
    pub struct AssistantTexts("assistant-") {
        button,
        title,
        intro,
        index_heading,
        index_entropy,
        index_boursiers,
        index_disadvantaged,
        unknown_here,
        constraints_heading,
        capacity,
        and,
        walk_increase,
        walk_max,
        moved_max,
        contiguous,
        schools(n: usize),
        schools_unknown,
        schools_unknown_hint,
        capacity_unknown_hint,
        school_move(school: &str, n: usize),
        blocks(n: usize),
        show_on_map,
        preview_banner(n: usize, pupils: &str),
        preview_hint,
        preview_word,
        locked_note(u: usize, c: usize),
        locked_note_none,
        seconds,
        run,
        stop,
        phase_greedy,
        phase_annealing,
        phase_polish,
        best_so_far,
        result_heading,
        index_line,
        first_after,
        moved_line(units: usize, pupils: &str),
        walk_line,
        nothing_found,
        moves_heading,
        gain_hint,
        pupils,
        check_all,
        check_none,
        accept(n: usize),
        accept_anyway(n: usize),
        checked_line(before: &str, after: &str),
        breaches_heading(n: usize),
        notes_breaches(list: &str),
        accepted(name: &str, n: usize, skipped: usize),
        stale(n: usize),
        scenario_name,
        notes(index: &str, limits: &str),
        index_unknown,
        nothing_movable,
    }
}

/// The assistant window's words.
pub fn assistant_texts(lang: Lang) -> &'static AssistantTexts {
    AssistantTexts::of(lang)
}

/// A limit a set of moves breaks, in words: which, and by how much.
pub fn breach_text(
    lang: Lang,
    t: &crate::model::Territory,
    b: &crate::assistant::check::Breach,
) -> String {
    use crate::assistant::check::Breach;
    let pct = |x: f64| number(lang, x * 100.0, 0);
    let km = |m: f64| number(lang, m / 1000.0, 1);
    match b {
        Breach::Capacity {
            college,
            fill,
            low,
            high,
        } => tr(
            lang,
            if fill > high {
                "assistant-breach-over"
            } else {
                "assistant-breach-under"
            },
            &[
                ("college", t.college(*college).name.as_str().into()),
                ("fill", pct(*fill).into()),
                ("limit", pct(if fill > high { *high } else { *low }).into()),
            ],
        ),
        Breach::MovedPupils { moved, max } => tr(
            lang,
            "assistant-breach-moved",
            &[
                ("moved", number(lang, *moved, 0).into()),
                ("max", number(lang, *max, 0).into()),
            ],
        ),
        Breach::WalkIncrease {
            blocks,
            worst_m,
            max_m,
        } => tr(
            lang,
            "assistant-breach-longer",
            &[
                ("n", (*blocks).into()),
                ("worst", km(*worst_m).into()),
                ("max", km(*max_m).into()),
            ],
        ),
        Breach::Walk {
            blocks,
            worst_m,
            max_m,
        } => tr(
            lang,
            "assistant-breach-far",
            &[
                ("n", (*blocks).into()),
                ("worst", km(*worst_m).into()),
                ("max", km(*max_m).into()),
            ],
        ),
        Breach::Pieces {
            college,
            pieces,
            before,
        } => tr(
            lang,
            "assistant-breach-pieces",
            &[
                ("college", t.college(*college).name.as_str().into()),
                ("pieces", (*pieces).into()),
                ("before", (*before).into()),
            ],
        ),
    }
}

words! {
    /// The words of the shared-sectors window.
    pub struct SharedTexts("shared-") {
        button,
        title,
        intro,
        new_heading,
        pick_colleges,
        alternating,
        alternating_help,
        first_year,
        lottery,
        lottery_help,
        seats,
        appeal,
        reserve,
        spread,
        runs,
        pick_two,
        create,
        blocks,
        cycle_heading,
        over_places(places: &str, fill: &str),
        pupils,
        boursiers,
        intake,
        lottery_summary(runs: u32, families: usize, reserve: &str),
        odds_heading,
        no_place,
        hidden,
        created(name: &str, units: usize),
    }
}

/// The shared-sectors window's words.
pub fn shared_texts(lang: Lang) -> &'static SharedTexts {
    SharedTexts::of(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_depp_groups_are_named_in_english_and_other_names_kept() {
        assert_eq!(group_name(Lang::En, "Très favorisée"), "very favoured");
        assert_eq!(group_name(Lang::Fr, "Très favorisée"), "très favorisée");
        assert_eq!(group_name(Lang::En, "Cadres"), "cadres");
    }

    #[test]
    fn numbers_are_written_the_french_way_by_default() {
        assert_eq!(number(Lang::Fr, 1507.34, 1), "1\u{202f}507,3");
        assert_eq!(number(Lang::En, 1507.34, 1), "1,507.3");
        assert_eq!(number(Lang::Fr, -3.0, 0), "−3");
        assert_eq!(number(Lang::Fr, -0.01, 0), "0");
    }

    #[test]
    fn changes_carry_an_arrow_and_a_sign() {
        assert_eq!(change(Lang::Fr, 3.25, 1), "▲ +3,2");
        assert_eq!(change(Lang::Fr, -1.0, 1), "▼ −1,0");
        assert_eq!(change(Lang::Fr, 0.01, 1), "= inchangé");
    }
}
