//! `carte-mixite import`: a territory from a unit layer, a collège table and the current sectors.

use super::*;

/// Options of `carte-mixite import`: the same steps as the import assistant.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The territory's name.
    #[arg(long)]
    pub name: String,
    /// The unit layer (GeoJSON polygons: IRIS, blocks...).
    #[arg(long)]
    pub units: PathBuf,
    /// The collège table (CSV with longitude/latitude columns, or GeoJSON points).
    #[arg(long)]
    pub colleges: PathBuf,
    /// A second collège table joined on UAI (e.g. the national IPS file).
    #[arg(long)]
    pub join: Option<PathBuf>,
    /// Sector polygons with a UAI column: each unit goes to the sector it overlaps most.
    #[arg(long)]
    pub sectors: Option<PathBuf>,
    /// The sectors' UAI column (suggested when absent).
    #[arg(long)]
    pub sector_uai: Option<String>,
    /// Without sectors: `column` (the units' collège column) or `nearest`.
    #[arg(long, default_value = "nearest")]
    pub baseline: String,
    /// Estimate units' IPS from census groups (calibrated on the collèges' published IPS).
    #[arg(long)]
    pub estimate_ips: bool,
    /// Unit columns (suggested when absent): key, name, pupils, IPS, collège.
    #[arg(long)]
    pub unit_key: Option<String>,
    #[arg(long)]
    #[allow(missing_docs)]
    pub unit_name: Option<String>,
    #[arg(long)]
    #[allow(missing_docs)]
    pub unit_pupils: Option<String>,
    #[arg(long)]
    #[allow(missing_docs)]
    pub unit_ips: Option<String>,
    #[arg(long)]
    #[allow(missing_docs)]
    pub unit_college: Option<String>,
    /// The units' école column (keeps école catchments whole in the assistant).
    #[arg(long)]
    pub unit_school: Option<String>,
    /// Where to write: a territory folder, or a project file when the name ends in
    /// `.cartemixite` (one file to send).
    #[arg(long)]
    pub out: PathBuf,
    /// For a sector file keyed by collège name: your matches of names to UAIs, a CSV `nom;uai`
    /// (edit the one `--name-matches-out` wrote and give it back here).
    #[arg(long)]
    pub name_matches: Option<PathBuf>,
    /// Write the names joined without a UAI here (CSV: name, UAI chosen, collège, how alike),
    /// to check and correct.
    #[arg(long)]
    pub name_matches_out: Option<PathBuf>,
}

impl ImportArgs {
    /// The import specification these options describe.
    pub fn spec(&self) -> crate::io::import::ImportSpec {
        use crate::io::import::{BaselineSource, ImportSpec, UnitColumns};
        ImportSpec {
            name: self.name.clone(),
            units: self.units.clone(),
            unit_columns: UnitColumns {
                key: self.unit_key.clone(),
                name: self.unit_name.clone(),
                pupils: self.unit_pupils.clone(),
                ips: self.unit_ips.clone(),
                college: self.unit_college.clone(),
                school: self.unit_school.clone(),
                ..UnitColumns::default()
            },
            colleges: self.colleges.clone(),
            college_columns: Default::default(),
            join: self.join.clone(),
            baseline: match (&self.sectors, self.baseline.as_str()) {
                (Some(path), _) => BaselineSource::Sectors {
                    path: path.clone(),
                    uai: self.sector_uai.clone(),
                },
                (None, "column") => BaselineSource::Column,
                _ => BaselineSource::Nearest,
            },
            estimate_ips: self.estimate_ips,
            name_matches: self.name_matches.clone(),
            name_choices: Vec::new(),
        }
    }
}

pub(super) fn import_command(args: &ImportArgs, lang: Lang) -> Result<String, String> {
    use crate::io::import::{ImportError, import};
    let imported = match import(&args.spec()) {
        Ok(i) => i,
        Err(ImportError::Unusable(r))
        | Err(ImportError::NoColumn { report: r, .. })
        | Err(ImportError::Territory(_, r)) => {
            return Err(crate::i18n::report_text_grouped(&r, lang));
        }
    };
    // a territory nothing can be done with is an error, said in one sentence first
    if let Some(sentence) = crate::i18n::departement::unusable_import(
        lang,
        &imported.territory,
        &imported.baseline,
        &args.units.display().to_string(),
        &args.colleges.display().to_string(),
    ) {
        return Err(format!(
            "{sentence}\n{}",
            crate::i18n::report_text_grouped(&imported.report, lang)
        ));
    }
    if crate::io::project::is_project_path(&args.out) {
        crate::io::project::write_project(
            &args.out,
            &imported.territory,
            &imported.baseline,
            &[],
            0,
            &MetricsConfig::default(),
            &Default::default(),
        )
    } else {
        write_territory_dir(&args.out, &imported.territory, &imported.baseline)
    }
    .map_err(|e| format!("{}: {e}", args.out.display()))?;
    if let Some(p) = &args.name_matches_out {
        crate::io::atomic_write(
            p,
            crate::io::import::write_name_matches(&imported.name_matches).as_bytes(),
        )
        .map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let summary = crate::i18n::import_summary(&imported, lang);
    let mut out = crate::i18n::report_text_grouped(&imported.report, lang);
    if let Some(warning) = crate::i18n::departement::missing_figures(lang, &imported.territory) {
        let _ = writeln!(out, "{warning}");
    }
    let _ = writeln!(out, "{}", summary.headline);
    if let Some(c) = summary.calibration {
        let _ = writeln!(out, "{c}");
    }
    for line in &summary.names {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "→ {}", args.out.display());
    Ok(out)
}
