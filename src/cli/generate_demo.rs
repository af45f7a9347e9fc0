//! `carte-mixite generate-demo [OUT] [--seed N] [--units N]`: the demo town (or a synthetic
//! territory of N blocks) written as a territory folder.

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
    write_territory_dir(out, &territory, &baseline)
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
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
