//! The words of the table of scenarios and of proposals sent back.

use super::{Lang, tr};
use crate::io::proposals::ProposalError;

words! {
    /// The window listing every scenario, and adding proposals.
    pub struct ScenariosTexts("scen-") {
        /// The window's title and its button.
        title,
        /// What the table is for.
        help,
        /// Column heads.
        col_compare,
        /// Column heads.
        col_name,
        /// Column heads.
        col_author,
        /// Column heads.
        col_separation,
        /// Column heads.
        col_spread,
        /// Column heads.
        col_moved,
        /// Column heads.
        col_walk,
        /// Column heads.
        col_over,
        /// What the separation column means.
        separation_hint,
        /// The column of the neutral ensemble, when one was drawn.
        col_ensemble(index: &str, maps: usize),
        /// What it means.
        ensemble_hint,
        /// A count hidden by the confidentiality rule.
        hidden,
        /// A figure not known.
        unknown,
        /// Compare the two ticked scenarios.
        compare,
        /// Tick two scenarios to compare them.
        compare_hint,
        /// Show this scenario on the map.
        show_hint,
        /// Add proposals chosen with the system's dialog.
        add,
        /// The typed path(s) field's label.
        path_label,
        /// The typed path(s) field's hint.
        path_hint,
        /// Add the typed paths.
        add_typed,
        /// While files are being read.
        reading,
        /// What was added and refused.
        added(scenarios: usize, files: usize),
        /// Files refused, heading the reasons.
        refused(n: usize),
        /// Minutes on foot.
        minutes(minutes: &str),
    }
}

/// The table's words in one language.
pub fn scenarios_texts(lang: Lang) -> &'static ScenariosTexts {
    ScenariosTexts::of(lang)
}

/// Why a proposal file was refused, in the reader's language.
pub fn proposal_error(lang: Lang, e: &ProposalError) -> String {
    match e {
        ProposalError::Unreadable { file, error } => tr(
            lang,
            "scen-err-unreadable",
            &[
                ("file", file.as_str().into()),
                ("reason", super::io_reason(lang, error).into()),
            ],
        ),
        ProposalError::TooLarge { file, bytes } => tr(
            lang,
            "scen-err-too_large",
            &[
                ("file", file.as_str().into()),
                ("mb", super::number(lang, *bytes as f64 / 1e6, 0).into()),
            ],
        ),
        ProposalError::NotAProposal { file } => tr(
            lang,
            "scen-err-not_a_proposal",
            &[("file", file.as_str().into())],
        ),
        ProposalError::Damaged { file, error } => tr(
            lang,
            "scen-err-damaged",
            &[
                ("file", file.as_str().into()),
                ("reason", super::load::load_error(lang, error).into()),
            ],
        ),
        ProposalError::OtherTerritory { file, unknown } => tr(
            lang,
            "scen-err-other_territory",
            &[("file", file.as_str().into()), ("n", (*unknown).into())],
        ),
        ProposalError::Incomplete { file, missing } => tr(
            lang,
            "scen-err-incomplete",
            &[("file", file.as_str().into()), ("n", (*missing).into())],
        ),
        ProposalError::Empty { file } => {
            tr(lang, "scen-err-empty", &[("file", file.as_str().into())])
        }
    }
}

words! {
    /// The meeting record's words: remarks, frozen figures, the record's table.
    pub struct RecordTexts("rec-") {
        /// The record table's header (comma-separated).
        header,
        /// A remark's line.
        kind_remark,
        /// A frozen figures' line.
        kind_snapshot,
        /// What a remark on a block is about.
        about_block(name: &str),
        /// What a remark on the scenario is about.
        about_scenario,
        /// The remarks window's title and its button.
        title,
        /// What the window is for.
        help,
        /// The remark field's label.
        text_label,
        /// Who said it.
        who_label,
        /// What it is about: the choices.
        on_scenario,
        /// On the collège picked.
        on_college(name: &str),
        /// On the block last clicked with the remark tool.
        on_block(name: &str),
        /// Pin the remark.
        pin,
        /// Freeze the figures for the minutes.
        freeze,
        /// What freezing does.
        freeze_hint,
        /// Figures frozen.
        frozen(scenario: &str),
        /// The list's heading.
        list_heading(n: usize),
        /// Remove a remark.
        remove,
        /// Write the record as CSV.
        export,
        /// The record's path field.
        export_label,
        /// Written.
        exported(path: &str),
        /// Could not write.
        export_failed(reason: &str),
        /// The pin tool: click a block to note a remark on it.
        tool,
        /// The PDF record's title.
        pdf_title(territory: &str),
        /// What the PDF record holds.
        pdf_intro,
        /// Heading: the scenarios spoken of.
        pdf_scenarios,
        /// Heading: the figures frozen.
        pdf_snapshots,
        /// An empty section.
        pdf_none,
        /// A figure not known.
        pdf_unknown,
        /// A count hidden by the confidentiality rule.
        pdf_hidden,
        /// A snapshot's heading: when, which scenario.
        pdf_snapshot(at: &str, scenario: &str),
        /// A snapshot's figures.
        pdf_figures(separation: &str, spread: &str, moved: &str, walk: &str, over: usize),
        /// Heading of the remarks on one scenario.
        pdf_on_scenario(scenario: &str),
        /// A remark: when, on what, who, what.
        pdf_remark(at: &str, about: &str, who: &str, text: &str),
        /// Who, when nobody was named.
        pdf_anonymous,
        /// The confidentiality rule, at the end.
        pdf_confidential,
    }
}

/// The meeting record's words in one language.
pub fn record_texts(lang: Lang) -> &'static RecordTexts {
    RecordTexts::of(lang)
}
