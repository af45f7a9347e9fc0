//! The window (placeholder while the editor is built).

use crate::cli::Lang;

/// Opens the window on a territory folder, or on the embedded demo town.
pub fn run_window(_territory: Option<String>, _lang: Lang) -> std::process::ExitCode {
    std::process::ExitCode::FAILURE
}
