//! `carte-mixite generate-demo [OUT] [--seed N] [--units N]`: the demo town (or a synthetic
//! territory of N blocks) written as a territory folder, or as a project file when OUT ends in
//! `.cartemixite`.

use std::path::Path;

use super::Lang;
use crate::generate::{SyntheticSpec, demo_town, synthetic_territory};
use crate::io::territory_files::write_territory_dir;

/// Writes the territory and says what it holds.
pub fn run(out: &Path, seed: u64, units: Option<usize>, lang: Lang) -> Result<String, String> {
    let (territory, baseline) = match units {
        Some(n) => synthetic_territory(&SyntheticSpec {
            units: n,
            colleges: (n / 50).max(4),
            seed,
        }),
        None => {
            let town = demo_town(seed);
            (town.territory, town.baseline)
        }
    };
    if crate::io::project::is_project_path(out) {
        // one file to send, as a project saved from the window
        crate::io::project::write_project(
            out,
            &territory,
            &baseline,
            &[],
            0,
            &crate::metrics::MetricsConfig::default(),
            &Default::default(),
        )
    } else {
        write_territory_dir(out, &territory, &baseline)
    }
    .map_err(|e| crate::i18n::io_error_at(lang, out, &e))?;
    Ok(crate::i18n::tr(
        lang,
        "generate-written",
        &[
            ("name", territory.info.name.as_str().into()),
            ("units", territory.units().len().to_string().into()),
            ("colleges", territory.colleges().len().to_string().into()),
            ("streets", territory.streets.len().to_string().into()),
            ("out", out.display().to_string().into()),
        ],
    ) + "\n")
}
