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
        ProposalError::Unreadable { file, reason } => tr(
            lang,
            "scen-err-unreadable",
            &[
                ("file", file.as_str().into()),
                ("reason", reason.as_str().into()),
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
        ProposalError::Damaged { file, reason } => tr(
            lang,
            "scen-err-damaged",
            &[
                ("file", file.as_str().into()),
                ("reason", reason.as_str().into()),
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
