//! `carte-mixite export TERRITORY [--scenario S] --assignments|--geojson|--shapefile|
//! --indicators|--carte-scolaire PATH`: a scenario in the formats other tools read.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::indicators::indicators;
use super::open::open_walkable;
use super::{Format, Lang};
use crate::io::territory_files::parse_scenario;

/// Options of `carte-mixite export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// A territory folder, or `demo`.
    pub territory: String,
    /// A scenario file (JSON, or an assignment CSV); default: the territory's baseline.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Write the block-assignment CSV (unit id, collège UAI) here.
    #[arg(long)]
    pub assignments: Option<PathBuf>,
    /// Write the sectors with their indicators as GeoJSON here.
    #[arg(long)]
    pub geojson: Option<PathBuf>,
    /// Write the sectors with their indicators as a Shapefile here (.shp, with .shx, .dbf,
    /// .prj, .cpg beside it).
    #[arg(long)]
    pub shapefile: Option<PathBuf>,
    /// Write the indicator table as CSV here.
    #[arg(long)]
    pub indicators: Option<PathBuf>,
    /// Write the scenario as a carte scolaire CSV here, in the ministry's columns (one row
    /// per commune and collège; units keyed by INSEE commune or IRIS code).
    #[arg(long)]
    pub carte_scolaire: Option<PathBuf>,
    /// A street file to walk along, for a territory without streets of its own.
    #[arg(long)]
    pub streets: Option<PathBuf>,
}

/// Writes every file asked for; refused when none is.
pub fn run(args: &ExportArgs, lang: Lang) -> Result<String, String> {
    let ExportArgs {
        territory,
        scenario,
        assignments,
        geojson,
        shapefile,
        indicators: table,
        carte_scolaire,
        streets,
    } = args;
    let (t, baseline, config) = open_walkable(territory, streets.as_deref(), lang)?;
    let s = match scenario {
        None => baseline.clone(),
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
            if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) {
                crate::io::export::parse_assignment_csv(&text, &t, "export")
                    .map_err(|e| format!("{}: {e}", p.display()))?
            } else {
                parse_scenario(&text, p, &t)
                    .map_err(|e| crate::i18n::load::load_error(lang, &e))?
                    .0
            }
        }
    };
    let save = |path: &Path, text: &str| {
        crate::io::atomic_write(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let mut out = String::new();
    if let Some(p) = assignments {
        save(p, &crate::io::export::assignment_csv(&t, &s))?;
        let _ = writeln!(out, "→ {}", p.display());
    }
    if let Some(p) = geojson {
        save(
            p,
            &crate::io::export::sectors_geojson(&t, &s, config.clone()),
        )?;
        let _ = writeln!(out, "→ {}", p.display());
    }
    if let Some(p) = shapefile {
        crate::io::export::write_sectors_shapefile(p, &t, &s, config.clone())
            .map_err(|e| format!("cannot write {}: {e}", p.display()))?;
        let _ = writeln!(out, "→ {}", p.display());
    }
    if let Some(p) = table {
        let text = indicators(
            territory,
            scenario.as_deref(),
            Format::Csv,
            streets.as_deref(),
            lang,
        )?;
        save(p, &text)?;
        let _ = writeln!(out, "→ {}", p.display());
    }
    if let Some(p) = carte_scolaire {
        // the département of the commune codes the units are keyed by
        let dep = t
            .units()
            .first()
            .map(|u| crate::io::national::carte::departement_of_commune(&u.key))
            .unwrap_or_default();
        save(
            p,
            &crate::io::national::departement::carte_scolaire_csv(&t, &s, &baseline, &dep),
        )?;
        let _ = writeln!(out, "→ {}", p.display());
    }
    if out.is_empty() {
        return Err(
            "nothing to export: give --assignments, --geojson, --shapefile, --indicators or --carte-scolaire"
                .into(),
        );
    }
    Ok(out)
}
